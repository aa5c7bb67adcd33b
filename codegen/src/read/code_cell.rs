//! Code cells as vendors write them: one code, several (`500, 503`,
//! `401 / 403`, `7 or 8`, one per line, which is what `<br>` and list items
//! become), a code with a label (`Unauthorized: 50001`, `NAME = 7`), a
//! sub-code cell that says "none", and the success row (`0 | Success`) some
//! error tables open with.

use crate::model::Code;
use crate::read::normalize::strip_code_decoration;

/// One code of a code cell, with the label written beside it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellCode {
    pub code: Code,
    pub label: Option<String>,
}

/// The extra field a code's label is kept in: the label is the vendor's
/// name for the code, not its description, and the variant name still comes
/// only from the configuration.
pub(crate) const LABEL_FIELD: &str = "Code label";

/// The codes a code cell lists: one, or several separated by line breaks,
/// `,`, `;`, `/` or `or`; each may carry a label.
pub(crate) fn codes_in(cell: &str) -> Result<Vec<CellCode>, String> {
    // A whole cell that reads as one code is one code, even if a separator
    // could split it (no code holds one today, but the cell decides).
    let whole = labelled(cell).map(|one| vec![one]);
    if whole.is_ok() {
        return whole;
    }
    // `,` splits last, so that each part it would split is checked for a
    // thousands separator first.
    let coarse: Vec<&str> = cell.split(['\n', ';', '/']).flat_map(split_or).collect();
    if let Some(number) = coarse.iter().find(|part| thousands(part)) {
        return Err(format!(
            "code {:?} reads as one number with a thousands separator as well as a list of codes: expected the code without separators (40001), or codes listed as \"500, 503\"",
            number.trim().trim_start_matches("- ")
        ));
    }
    let parts: Vec<&str> = coarse
        .into_iter()
        .flat_map(|part| part.split(','))
        .map(|part| part.trim().trim_start_matches("- ").trim())
        .filter(|part| !part.is_empty())
        .collect();
    if parts.len() < 2 {
        return whole;
    }
    parts.into_iter().map(labelled).collect()
}

/// Whether a cell reads as a number with thousands separators, not as a
/// list: `40,001` and `1,000` (a list's second code would be `001`), and
/// `12,345`; not `500,503`, which lists two statuses, as people write them.
fn thousands(cell: &str) -> bool {
    let mut groups = strip_code_decoration(cell.trim().trim_start_matches("- ")).split(',');
    let first = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    !rest.is_empty()
        && digits(first)
        && first.len() <= 3
        && rest.iter().all(|g| g.len() == 3 && digits(g))
        && (first.len() < 3 || rest.iter().any(|g| g.starts_with('0')))
}

/// The codes a cell lists, if it reads as codes that look like values
/// (`40001`, `invalid_token`, not `Success`), each with its label if any:
/// what the readers ask of a cell before they know its column.
pub(crate) fn value_codes(cell: &str) -> Option<Vec<CellCode>> {
    codes_in(cell)
        .ok()
        .filter(|codes| codes.iter().all(|c| c.code.looks_like_value()))
}

/// A part split at the word `or`, in any case.
fn split_or(part: &str) -> Vec<&str> {
    // ASCII lowercasing moves no byte: each piece is at its place in `part`.
    let lower = part.to_ascii_lowercase();
    let mut at = 0;
    let pieces = lower.split(" or ").map(|piece| {
        let original = &part[at..at + piece.len()];
        at += piece.len() + " or ".len();
        original
    });
    pieces.collect()
}

/// A code, or a label and a code around `:` or `=` (`Unauthorized: 50001`,
/// `NAME = 7`): the label comes first, as vendors write it. (A code then
/// text, `50001: Unauthorized`, is not read as labelled: the text may hold
/// a separator, and is more likely a description that lost its column.)
fn labelled(part: &str) -> Result<CellCode, String> {
    let bare = |text: &str| Code::parse(strip_code_decoration(text));
    if let Some((left, right)) = part.split_once([':', '='])
        && let Ok(code) = bare(right)
        && !strip_code_decoration(left).is_empty()
    {
        let label = Some(strip_code_decoration(left).to_owned());
        return Ok(CellCode { code, label });
    }
    bare(part).map(|code| CellCode { code, label: None })
}

/// A sub-code cell's sub-code; none for a cell that says so: empty, `/`, a
/// dash, `N/A`.
pub(crate) fn subcode_in(cell: &str) -> Result<Option<Code>, String> {
    let none = ["", "/", "-", "–", "—", "n/a", "na", "none"];
    if none.contains(&cell.trim().to_lowercase().as_str()) {
        return Ok(None);
    }
    Code::parse(strip_code_decoration(cell))
        .map(Some)
        .map_err(|m| format!("sub-code: {m}"))
}

/// Whether a row reports success rather than an error: code 0 (or `00`,
/// `0000`) described as a success (`Success`, `OK`, `Succeeded`, `No
/// error`). Such a row is not an error, so it is left out of the error type,
/// with a warning: a client that gets it has nothing to handle, and an
/// `ErrorCode::Success` would make every "is this an error?" check wrong.
pub fn is_success(code: &Code, description: &str) -> bool {
    let zero = match code {
        Code::Numeric(n) => *n == 0,
        Code::Text(t) => t.bytes().all(|b| b == b'0'),
    };
    zero && crate::read::vocabulary::says_success(description)
}

/// Whether a code cell holds a digit: no header word, label or total does,
/// so a row whose code has one is an entry's.
pub(crate) fn has_digit(cell: &str) -> bool {
    cell.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(cell: &str) -> Vec<String> {
        codes_in(cell)
            .unwrap()
            .into_iter()
            .map(|c| match c.label {
                Some(label) => format!("{}={label}", c.code),
                None => c.code.to_string(),
            })
            .collect()
    }

    #[test]
    fn a_cell_lists_codes_in_every_separator_vendors_use() {
        assert_eq!(codes("500, 503; 504"), ["500", "503", "504"]);
        assert_eq!(codes("401 / 403"), ["401", "403"]);
        assert_eq!(codes("7 or 8 OR 9"), ["7", "8", "9"]);
        assert_eq!(codes("1001\n1002\n- 1003"), ["1001", "1002", "1003"]);
        assert_eq!(codes("**E1001**"), ["E1001"]);
        assert!(codes_in("500, x y").unwrap_err().contains("x y"));
        assert!(codes_in("").is_err());
        assert!(codes_in("two words").is_err());
        // Without a space after the comma, two statuses; a thousands
        // separator (a list's second code would be zero-padded) is refused.
        assert_eq!(codes("500,503"), ["500", "503"]);
        for number in [
            "40,001",
            "1,000",
            "12,345",
            "1,000,000",
            "40,001\n40,002",
            "40,001 or 40,002",
            "- 40,001\n- 40,002",
        ] {
            let err = codes_in(number).unwrap_err();
            assert!(err.contains("thousands separator"), "{number}: {err}");
        }
    }

    #[test]
    fn a_footnote_mark_after_a_code_is_not_part_of_it() {
        assert_eq!(codes("40001^1"), ["40001"]);
        assert_eq!(codes("**40002**^[b]"), ["40002"]);
        assert_eq!(codes("E1001^*, E1002"), ["E1001", "E1002"]);
        assert!(codes_in("40001^too long").is_err());
    }

    #[test]
    fn a_label_beside_a_code_is_kept_apart_from_it() {
        assert_eq!(codes("Unauthorized: 50001"), ["50001=Unauthorized"]);
        assert_eq!(codes("NOT_FOUND = 7"), ["7=NOT_FOUND"]);
        assert_eq!(codes("`E_BUSY` = E42"), ["E42=E_BUSY"]);
        assert_eq!(codes("Too Many Requests: 429"), ["429=Too Many Requests"]);
        assert!(codes_in("50001: Too many tries").is_err());
        assert_eq!(codes("A = 1, B = 2"), ["1=A", "2=B"]);
        assert!(codes_in("Label:").is_err(), "a label needs a code");
    }

    #[test]
    fn a_subcode_cell_may_say_none() {
        for none in ["", " / ", "-", "—", "N/A", "none"] {
            assert_eq!(subcode_in(none), Ok(None), "{none:?}");
        }
        assert_eq!(subcode_in("`99`"), Ok(Some(Code::Numeric(99))));
        assert!(subcode_in("9 9").unwrap_err().starts_with("sub-code: "));
    }

    #[test]
    fn only_a_zero_described_as_success_is_success() {
        let zero = Code::Numeric(0);
        for text in ["Success", "OK.", "Succeeded", "No error", "success: done"] {
            assert!(is_success(&zero, text), "{text}");
        }
        assert!(is_success(&Code::Text("0000".into()), "Successful"));
        assert!(!is_success(&zero, "Unknown error"));
        assert!(!is_success(&zero, "No permission"));
        assert!(!is_success(&Code::Numeric(200), "OK"));
        // In the languages the header vocabulary covers.
        for text in [
            "成功",
            "请求成功。",
            "正常終了",
            "성공",
            "Thành công",
            "สำเร็จ",
            "Berhasil",
            "Éxito",
            "Sucesso",
            "Succès",
            "Erfolgreich",
        ] {
            assert!(is_success(&zero, text), "{text}");
        }
        for text in ["失败", "Không thành công", "Kein Zugriff", "Sin permiso"] {
            assert!(!is_success(&zero, text), "{text}");
        }
    }
}
