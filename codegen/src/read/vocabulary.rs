//! The header words that name each part of an error table, in the languages
//! vendor docs are written in, as data: one list per role, every language in
//! it. A new language or synonym is a word added here, never new code.
//!
//! Headers are compared as lower-case words (any character that is not a
//! letter or digit separates them: `Sub-code` is `sub code`). A term matches
//! a run of whole words; in scripts written without spaces between words
//! (Chinese, Japanese, Korean compounds, Thai) it matches inside a word too.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::read::roles::Role;

/// The words of one role.
struct Words {
    role: Role,
    /// A header holding one of these plays the role.
    terms: &'static [&'static str],
    /// A header that is exactly one of these plays the role: words too
    /// common to be looked for inside longer headers.
    whole: &'static [&'static str],
}

/// Tried in this order, the more specific first: `Error sub-code` is a
/// sub-code, `Possible cause and suggested solution` a solution, `Error
/// message` a description, `Error code` a code.
const VOCABULARY: [Words; 5] = [
    Words {
        role: Role::Subcode,
        terms: &[
            // English, German, French, Spanish, Portuguese, Indonesian
            "subcode",
            "subcodes",
            "sub code",
            "sub codes",
            "sub error code",
            "untercode",
            "sous code",
            "subcódigo",
            "subcodigo",
            "subkode",
            "sub kode",
            // Vietnamese, Thai
            "mã phụ",
            "mã lỗi phụ",
            "รหัสย่อย",
            // Chinese, Japanese, Korean
            "子码",
            "子错误码",
            "子代码",
            "子碼",
            "サブコード",
            "詳細コード",
            "하위 코드",
            "하위코드",
            "서브 코드",
            "서브코드",
            "세부 코드",
        ],
        whole: &[],
    },
    Words {
        role: Role::Solution,
        terms: &[
            "solution",
            "solutions",
            "fix",
            "resolution",
            "remedy",
            "resolve",
            // German, French
            "lösung",
            "loesung",
            "behebung",
            "abhilfe",
            "maßnahme",
            "massnahme",
            "résolution",
            "correction",
            "action corrective",
            "que faire",
            // Spanish, Portuguese
            "solución",
            "solucion",
            "soluciones",
            "resolución",
            "solucionar",
            "solução",
            "solucao",
            "resolução",
            "resolver",
            // Indonesian, Vietnamese
            "solusi",
            "penyelesaian",
            "cara mengatasi",
            "cara memperbaiki",
            "perbaikan",
            "giải pháp",
            "khắc phục",
            "xử lý",
            "cách giải quyết",
            // Thai
            "วิธีแก้",
            "การแก้ไข",
            "แนวทางแก้ไข",
            // Chinese, Japanese, Korean
            "解决",
            "解決",
            "处理",
            "處理",
            "建议",
            "建議",
            "措施",
            "对策",
            "対処",
            "対応",
            "対策",
            "処置",
            "해결",
            "조치",
            "대처",
            "대응",
        ],
        whole: &[
            "action",
            "actions",
            "action to take",
            "recommended action",
            "recommended actions",
            "suggested action",
            "what to do",
            "next steps",
            "acción",
            "acción recomendada",
            "ação",
            "tindakan",
            "maßnahmen",
        ],
    },
    Words {
        role: Role::Cause,
        terms: &[
            "cause",
            "causes",
            "reason",
            "reasons",
            "ursache",
            "grund",
            "raison",
            "motif",
            "causa",
            "causas",
            "motivo",
            "razón",
            "penyebab",
            "alasan",
            "nguyên nhân",
            "lý do",
            "สาเหตุ",
            "原因",
            "理由",
            "원인",
            "사유",
            "이유",
        ],
        whole: &[],
    },
    Words {
        role: Role::Description,
        terms: &[
            "description",
            "message",
            "meaning",
            "information",
            "explanation",
            "details",
            // German
            "beschreibung",
            "fehlerbeschreibung",
            "meldung",
            "fehlermeldung",
            "bedeutung",
            "nachricht",
            "erläuterung",
            // French
            "signification",
            "libellé",
            "explication",
            "détails",
            // Spanish, Portuguese
            "descripción",
            "descripcion",
            "mensaje",
            "significado",
            "detalle",
            "detalles",
            "explicación",
            "descrição",
            "descricao",
            "mensagem",
            // Indonesian, Vietnamese
            "deskripsi",
            "keterangan",
            "pesan",
            "penjelasan",
            "mô tả",
            "thông báo",
            "ý nghĩa",
            "nội dung",
            "chi tiết",
            // Thai
            "คำอธิบาย",
            "รายละเอียด",
            "ข้อความ",
            "ความหมาย",
            // Chinese, Japanese, Korean
            "描述",
            "说明",
            "說明",
            "信息",
            "資訊",
            "讯息",
            "訊息",
            "含义",
            "含義",
            "提示",
            "説明",
            "メッセージ",
            "内容",
            "意味",
            "概要",
            "설명",
            "메시지",
            "내용",
            "의미",
        ],
        whole: &["arti", "makna"],
    },
    Words {
        role: Role::Code,
        // Only at a header's end, in a header of three words or fewer
        // (`Return code`, not `Error code name`), or inside a word of a
        // script without spaces.
        terms: &[
            "code",
            "codes",
            "fehlercode",
            "statuscode",
            "returncode",
            "rückgabecode",
            "errorcode",
            "errcode",
            "錯誤碼",
            "错误码",
            "错误代码",
            "錯誤代碼",
            "代码",
            "代碼",
            "返回码",
            "状态码",
            "狀態碼",
            "结果码",
            "响应码",
            "错误编号",
            "错误编码",
            "コード",
            "코드",
            "รหัส",
        ],
        whole: &[
            "error",
            "errors",
            "error number",
            "error id",
            "status code",
            "fehlernummer",
            "code d erreur",
            "code erreur",
            "código",
            "codigo",
            "código de error",
            "codigo de error",
            "código de erro",
            "codigo de erro",
            "códigos",
            "kode",
            "kode kesalahan",
            "kode galat",
            "kode error",
            "mã",
            "mã lỗi",
            "mã số",
            "错误",
            "錯誤",
            "エラー",
            "エラー番号",
            "오류",
            "에러",
            "오류 번호",
        ],
    },
];

/// How a success row's description opens (`0 | Success`, `0 | 成功`), in
/// the same languages: such a row reports success, not an error.
const SUCCESS: &[&str] = &[
    // English, German, French, Spanish, Portuguese, Indonesian
    "success",
    "successful",
    "succeeded",
    "succeed",
    "ok",
    "no error",
    "erfolg",
    "erfolgreich",
    "kein fehler",
    "succès",
    "réussi",
    "réussite",
    "aucune erreur",
    "éxito",
    "exito",
    "correcto",
    "sin error",
    "sucesso",
    "sem erro",
    "berhasil",
    "sukses",
    "tidak ada kesalahan",
    // Vietnamese, Thai
    "thành công",
    "không có lỗi",
    "สำเร็จ",
    // Chinese, Japanese, Korean
    "成功",
    "请求成功",
    "請求成功",
    "操作成功",
    "正常",
    "正常終了",
    "성공",
    "정상",
];

/// Whether a description opens with a word for success.
pub(crate) fn says_success(description: &str) -> bool {
    let words = words(description);
    SUCCESS.iter().any(|term| {
        let term = self::words(term);
        match (term.as_slice(), words.first()) {
            ([one], Some(first)) if one.starts_with(unspaced) => first.starts_with(one.as_str()),
            _ => words.len() >= term.len() && words[..term.len()] == term[..],
        }
    })
}

/// Header cells longer than this are content, not a header (layout tables).
const MAX_HEADER_LEN: usize = 60;

/// A code header naming the HTTP status is not the error's own code.
const NOT_THE_CODE: &str = "http";

/// A header's words: lower-case, split at anything not a letter, a digit
/// or a mark that belongs to a letter (Thai tone marks, combining accents).
pub(crate) fn words(header: &str) -> Vec<String> {
    let in_word =
        |c: char| c.is_alphanumeric() || unspaced(c) || ('\u{0300}'..='\u{036F}').contains(&c);
    header
        .to_lowercase()
        .split(|c: char| !in_word(c))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Scripts written without spaces between words, where a term is found
/// inside a longer word.
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0E7F}' // Thai
        | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' // Hangul
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}') // Han
}

/// Each term's words (and each whole header's), split once: every cell a
/// reader looks at is checked against every term, and splitting the terms
/// anew for each was most of a read.
static TERM_WORDS: LazyLock<HashMap<&'static str, Vec<String>>> = LazyLock::new(|| {
    VOCABULARY
        .iter()
        .flat_map(|role| role.terms.iter().chain(role.whole))
        .map(|term| (*term, words(term)))
        .collect()
});

/// A vocabulary term's words, as [`words`] splits them.
fn term_words(term: &'static str) -> &'static [String] {
    TERM_WORDS.get(term).map_or(&[], Vec::as_slice)
}

/// Whether `term` occurs in `words`: as a run of whole words ending at
/// word `end` (any word when `end` is `None`), or inside a word for a term
/// of a script without spaces.
fn has_term(words: &[String], term: &'static str, end: Option<usize>) -> bool {
    let term_words = term_words(term);
    if term.starts_with(unspaced) && term_words.len() == 1 {
        return words.iter().any(|w| w.contains(&term_words[0]));
    }
    let n = term_words.len();
    let fits = |last: usize| last + 1 >= n && words[last + 1 - n..=last] == term_words[..];
    match end {
        Some(last) => fits(last),
        None => (0..words.len()).any(fits),
    }
}

/// The role a header cell names, if it names one.
pub(crate) fn role_of(header: &str) -> Option<Role> {
    if header.chars().count() > MAX_HEADER_LEN {
        return None;
    }
    let words = words(header);
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    VOCABULARY.iter().find_map(|role| {
        let whole = role.whole.iter().any(|w| term_words(w) == words);
        let term = if role.role == Role::Code {
            words.len() <= 3
                && !words.iter().any(|w| w.contains(NOT_THE_CODE))
                && role.terms.iter().any(|t| {
                    has_term(
                        &words,
                        t,
                        (!t.starts_with(unspaced)).then(|| words.len() - 1),
                    )
                })
        } else {
            role.terms.iter().any(|t| has_term(&words, t, None))
        };
        (whole || term).then_some(role.role)
    })
}

/// A value type's name, as a table of an error body's fields has in its
/// type column (`integer`, `string`): words that read as slugs, not codes.
pub(crate) fn is_type_name(cell: &str) -> bool {
    const TYPES: &[&str] = &[
        "int",
        "integer",
        "int32",
        "int64",
        "long",
        "uint",
        "number",
        "float",
        "double",
        "decimal",
        "string",
        "str",
        "text",
        "bool",
        "boolean",
        "object",
        "array",
        "list",
        "map",
        "dict",
        "null",
        "date",
        "datetime",
        "timestamp",
        "uuid",
        "enum",
        "any",
    ];
    let cell = cell.trim().trim_matches('`').to_ascii_lowercase();
    let cell = cell.trim_end_matches("[]");
    TYPES.contains(&cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(role: Option<Role>, headers: &[&str]) {
        for h in headers {
            assert_eq!(role_of(h), role, "{h}");
        }
    }

    #[test]
    fn english_headers() {
        check(
            Some(Role::Code),
            &[
                "Error code",
                "Code",
                "error codes",
                "Error",
                "Status code",
                "Return code",
            ],
        );
        check(
            Some(Role::Subcode),
            &["Error sub-code", "Subcode", "Sub code"],
        );
        check(
            Some(Role::Description),
            &[
                "Description",
                "Message",
                "Error message",
                "User message",
                "Meaning",
                "Information",
            ],
        );
        check(
            Some(Role::Solution),
            &[
                "Solution",
                "Possible cause and suggested solution",
                "Action",
                "Action to take",
                "Recommended action",
                "Recommended solution",
                "Resolution",
                "How to fix",
            ],
        );
        check(
            Some(Role::Cause),
            &["Probable cause", "Possible reason", "Cause"],
        );
        check(
            None,
            &[
                "HTTP status code",
                "Source",
                "Key",
                "Type",
                "Error code name",
                "Param",
                "Notes",
            ],
        );
    }

    #[test]
    fn headers_in_the_vendors_languages() {
        // Chinese (simplified, traditional), Japanese, Korean, Vietnamese,
        // Thai, Indonesian, Spanish, Portuguese, French, German.
        check(
            Some(Role::Code),
            &[
                "错误码",
                "錯誤代碼",
                "返回码",
                "エラーコード",
                "エラー・コード",
                "에러 코드",
                "오류코드",
                "Mã lỗi",
                "รหัสข้อผิดพลาด",
                "Kode kesalahan",
                "Código de error",
                "Código de erro",
                "Code d'erreur",
                "Fehlercode",
                "Statuscode",
                "errcode",
            ],
        );
        check(
            Some(Role::Description),
            &[
                "错误信息",
                "错误描述",
                "說明",
                "説明",
                "エラーメッセージ",
                "설명",
                "오류 메시지",
                "Mô tả",
                "Thông báo lỗi",
                "คำอธิบาย",
                "Deskripsi",
                "Keterangan",
                "Descripción",
                "Mensaje de error",
                "Descrição",
                "Mensagem",
                "Signification",
                "Libellé",
                "Beschreibung",
                "Fehlermeldung",
            ],
        );
        check(
            Some(Role::Solution),
            &[
                "解决方法",
                "处理建议",
                "対処法",
                "해결 방법",
                "조치 사항",
                "Cách khắc phục",
                "Giải pháp",
                "วิธีแก้ไข",
                "Solusi",
                "Cara mengatasi",
                "Solución",
                "Solução",
                "Résolution",
                "Lösung",
                "Maßnahmen",
            ],
        );
        check(
            Some(Role::Cause),
            &[
                "错误原因",
                "原因",
                "원인",
                "Nguyên nhân",
                "สาเหตุ",
                "Penyebab",
                "Causa",
                "Ursache",
            ],
        );
        check(
            Some(Role::Subcode),
            &[
                "子错误码",
                "サブコード",
                "하위 코드",
                "Mã lỗi phụ",
                "Subcódigo",
                "Sous-code",
            ],
        );
        check(
            None,
            &[
                "参数",
                "类型",
                "HTTP状态码",
                "Mã trạng thái HTTP",
                "Tham số",
                "Parámetro",
            ],
        );
    }

    #[test]
    fn terms_match_whole_words_unless_the_script_has_no_spaces() {
        let w = words("Error sub-code");
        assert_eq!(w, ["error", "sub", "code"]);
        assert!(has_term(&w, "sub code", None));
        assert!(has_term(&w, "code", Some(2)));
        assert!(!has_term(&w, "error", Some(2)));
        assert!(!has_term(&words("Errorcodes"), "code", None));
        assert!(has_term(&words("HTTP错误码"), "错误码", None));
    }
}
