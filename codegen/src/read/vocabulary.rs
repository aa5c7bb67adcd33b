//! Which part of an error table a header names, from the header words in
//! `vocabulary.toml`: one word list per role, in the languages vendor docs
//! are written in. A new language or synonym is a word added there, never
//! new code; the file says how its words match.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::read::roles::Role;

/// `vocabulary.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    subcode: Terms,
    solution: Terms,
    cause: Terms,
    description: Terms,
    code: Terms,
    success: List,
    value_types: List,
    totals: List,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Terms {
    terms: Vec<String>,
    #[serde(default)]
    whole: Vec<String>,
}

/// A plain word list of the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct List {
    words: Vec<String>,
}

/// The words of one role, each term split into [`words`] once: every cell
/// a reader looks at is checked against every term, and splitting the terms
/// anew for each was most of a read.
struct Words {
    role: Role,
    /// A header holding one of these plays the role.
    terms: Vec<Term>,
    /// A header that is exactly one of these plays the role.
    whole: Vec<Vec<String>>,
}

/// A term and whether it is of a script without spaces (found inside a
/// longer word).
struct Term {
    words: Vec<String>,
    unspaced: bool,
}

struct Vocabulary {
    /// In the order they are tried, the more specific first (which the
    /// file's order of its tables does not change).
    roles: Vec<Words>,
    success: Vec<Term>,
    value_types: Vec<String>,
    /// Each split into [`words`].
    totals: Vec<Vec<String>>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("vocabulary.toml"))
        .expect("vocabulary.toml is valid (a unit test reads it)");
    let words_of = |role, terms: Terms| Words {
        role,
        terms: terms.terms.iter().map(|t| term(t)).collect(),
        whole: terms.whole.iter().map(|t| words(t)).collect(),
    };
    Vocabulary {
        roles: vec![
            words_of(Role::Subcode, file.subcode),
            words_of(Role::Solution, file.solution),
            words_of(Role::Cause, file.cause),
            words_of(Role::Description, file.description),
            words_of(Role::Code, file.code),
        ],
        success: file.success.words.iter().map(|t| term(t)).collect(),
        value_types: file.value_types.words,
        totals: file.totals.words.iter().map(|t| words(t)).collect(),
    }
});

fn term(text: &str) -> Term {
    Term {
        words: words(text),
        unspaced: text.starts_with(unspaced),
    }
}

/// Whether a description opens with a word for success.
pub(crate) fn says_success(description: &str) -> bool {
    let words = words(description);
    VOCABULARY
        .success
        .iter()
        .any(|term| match (term.words.as_slice(), words.first()) {
            ([one], Some(first)) if term.unspaced => first.starts_with(one.as_str()),
            (term, _) => words.starts_with(term),
        })
}

/// Whether a code cell sums its table up (`Total`, `合计`, `Total:`): the
/// cell's words are one of the words for a total.
pub(crate) fn is_total(cell: &str) -> bool {
    cell.len() <= 32 && VOCABULARY.totals.contains(&words(cell))
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

/// Whether `term` occurs in `words`: as a run of whole words ending at
/// word `end` (any word when `end` is `None`), or inside a word for a term
/// of a script without spaces.
fn has_term(words: &[String], term: &Term, end: Option<usize>) -> bool {
    if let ([one], true) = (term.words.as_slice(), term.unspaced) {
        return words.iter().any(|w| w.contains(one.as_str()));
    }
    let n = term.words.len();
    let fits = |last: usize| last + 1 >= n && words[last + 1 - n..=last] == term.words[..];
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
    VOCABULARY.roles.iter().find_map(|role| {
        let whole = role.whole.contains(&words);
        // A code term only at a header's end, in a header of three words
        // or fewer (`Return code`, not `Error code name`), or inside a word
        // of a script without spaces.
        let term = if role.role == Role::Code {
            words.len() <= 3
                && !words.iter().any(|w| w.contains(NOT_THE_CODE))
                && role
                    .terms
                    .iter()
                    .any(|t| has_term(&words, t, (!t.unspaced).then(|| words.len() - 1)))
        } else {
            role.terms.iter().any(|t| has_term(&words, t, None))
        };
        (whole || term).then_some(role.role)
    })
}

/// A value type's name, as a table of an error body's fields has in its
/// type column (`integer`, `string`): words that read as slugs, not codes.
pub(crate) fn is_type_name(cell: &str) -> bool {
    let cell = cell.trim().trim_matches('`').trim_end_matches("[]");
    // Every cell of a row is asked, descriptions too: no type name is long.
    if cell.len() > 32 {
        return false;
    }
    let cell = cell.to_ascii_lowercase();
    VOCABULARY.value_types.contains(&cell)
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
    fn the_word_file_is_read_with_every_role_and_list() {
        let vocabulary = &*VOCABULARY;
        assert_eq!(vocabulary.roles.len(), 5);
        assert!(vocabulary.roles.iter().all(|role| !role.terms.is_empty()));
        assert!(!vocabulary.success.is_empty() && !vocabulary.value_types.is_empty());
        assert!(says_success("成功") && says_success("OK, no error"));
        assert!(is_type_name("`object[]`") && !is_type_name("rate_limited"));
        assert!(is_total("Total:") && is_total("合计") && !is_total("total_quota"));
    }

    #[test]
    fn terms_match_whole_words_unless_the_script_has_no_spaces() {
        let w = words("Error sub-code");
        assert_eq!(w, ["error", "sub", "code"]);
        assert!(has_term(&w, &term("sub code"), None));
        assert!(has_term(&w, &term("code"), Some(2)));
        assert!(!has_term(&w, &term("error"), Some(2)));
        assert!(!has_term(&words("Errorcodes"), &term("code"), None));
        assert!(has_term(&words("HTTP错误码"), &term("错误码"), None));
    }
}
