//! Rows of an error table that are no entry, as help centres lay them out
//! (each kind a [`Furniture`]). Each is skipped with a warning naming its
//! row; a group title becomes the section of the rows after it.

use crate::read::code_cell::{codes_in, has_digit};
use crate::read::columns::is_role_header;
use crate::read::normalize::collapse;
use crate::read::raw::{RawRow, RawTable, show_header};
use crate::read::vocabulary::{is_total, is_type_name};

/// What a row that is no entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Furniture {
    /// Every cell empty, or no cell at all.
    Spacer,
    /// Every cell a header word (or its own column's header), the code
    /// cell among them: a `<tfoot>` that echoes `Code | Description`.
    Header,
    /// Text that is not an entry: one cell across the table with no rows
    /// after it, or a footer row without a code.
    Note(String),
    /// The last row or a footer row summing the table up (`Total | 3
    /// codes`): its code cell is a word, but no error's.
    Total(String),
    /// One cell across the table with rows after it: their section.
    Title(String),
    /// A field of an error body (`code | integer | The number.`: a cell
    /// other than the code names a value type), or the header of such
    /// rows: a table of fields the copy ran into the error table.
    Field(String),
}

impl Furniture {
    /// The warning for a row so read, `place` naming it (`row 3 (line 9)`).
    pub(crate) fn warning(&self, place: &str, header: &[String]) -> String {
        match self {
            Furniture::Spacer => format!("{place} is empty: skipped"),
            Furniture::Header => format!(
                "{place} repeats the header ({}): skipped, not read as an entry",
                show_header(header)
            ),
            Furniture::Note(text) => {
                format!("{place} holds no code, only a note (\"{text}\"): skipped")
            }
            Furniture::Total(text) => {
                format!("{place} sums the table up (\"{text}\"), not an error: skipped")
            }
            Furniture::Title(text) => format!(
                "{place} is one cell across the table, \"{text}\": read as the section title of the rows after it"
            ),
            Furniture::Field(text) => format!(
                "{place} reads as a field of a response body (\"{text}\"), not an error: skipped"
            ),
        }
    }
}

/// What row `index` of `table` is, if it is no entry, the code being in
/// column `code`. A row with a problem (merged cells that would misalign
/// the columns, a cut) is left to be refused.
pub(crate) fn furniture(table: &RawTable, code: usize, index: usize) -> Option<Furniture> {
    let raw = &table.rows[index];
    if raw.problem.is_some() {
        return None;
    }
    if is_spacer(raw) {
        return Some(Furniture::Spacer);
    }
    let text = || collapse(&raw.cells.join(" "));
    if raw.across {
        let rows_after = table.rows[index + 1..]
            .iter()
            .any(|r| !r.footer && !r.across && !is_spacer(r));
        return Some(if rows_after && !raw.footer {
            Furniture::Title(text())
        } else {
            Furniture::Note(text())
        });
    }
    let cell = raw.cells.get(code).map_or("", String::as_str);
    // No header word or label holds a digit: a row whose code does is an
    // entry, found without looking words up (a lookup a row is most of a read).
    let digit = has_digit(cell);
    if !digit && repeats_header(&table.header, &raw.cells, code) {
        return Some(Furniture::Header);
    }
    // A row without a digit before a field's row is those rows' header
    // (`Field | Type | Notes` before `code | integer | …`), no error's.
    let heads_fields = || table.rows.get(index + 1).is_some_and(|r| is_field(r, code));
    if is_field(raw, code) || (!digit && heads_fields()) {
        return Some(Furniture::Field(text()));
    }
    let last = index > 0 && table.rows[index + 1..].iter().all(is_spacer);
    // The word first: asking where the row stands walks the table.
    if !digit && is_total(cell) && sums_up(table, code, index) {
        return Some(Furniture::Total(text()));
    }
    // A footer row, or the last row with a sentence where its code should
    // be (`Was this helpful?`): the page's footer, which a copy runs into
    // the table. A malformed code (`4000I`) is no sentence, and stays refused.
    let footer = raw.footer || (last && is_sentence(cell));
    let holds_code = || codes_in(cell).is_ok_and(|codes| !codes.is_empty());
    (footer && !holds_code()).then(|| Furniture::Note(text()))
}

/// Whether row `index` is where a total goes: in the footer, or after every
/// other row but spacers and notes across the table; and every other row's
/// code has a digit, so a word code there (`TOTAL` among `PER_MINUTE`) stays.
fn sums_up(table: &RawTable, code: usize, index: usize) -> bool {
    let (before, after) = table.rows.split_at(index);
    let furniture = |r: &RawRow| is_spacer(r) || r.across;
    let numbered = |r: &RawRow| r.cells.get(code).is_some_and(|c| has_digit(c));
    (table.rows[index].footer || after[1..].iter().all(furniture))
        && before.iter().any(numbered)
        && before
            .iter()
            .all(|r| furniture(r) || r.footer || numbered(r))
}

/// Words that end as a sentence does: prose, not a code.
fn is_sentence(cell: &str) -> bool {
    let cell = cell.trim();
    cell.contains(' ') && cell.ends_with(['.', '?', '!', '。', '？', '！'])
}

/// Whether a cell other than the code names a value type (`integer`,
/// `string`): no error's description or solution is one word like that.
fn is_field(raw: &RawRow, code: usize) -> bool {
    raw.cells
        .iter()
        .enumerate()
        .any(|(i, cell)| i != code && is_type_name(cell))
}

/// Whether every cell of the row is empty (or it has none).
pub(crate) fn is_spacer(raw: &RawRow) -> bool {
    raw.cells.iter().all(|c| c.trim().is_empty())
}

/// Whether a row as wide as the header repeats it: its code cell and every
/// other non-empty cell (one at least) is a header word or its column's own
/// header, in any case. (The caller asks only of a code without a digit.)
fn repeats_header(header: &[String], cells: &[String], code: usize) -> bool {
    let names_column = |(index, cell): (usize, &String)| {
        is_role_header(cell)
            || header
                .get(index)
                .is_some_and(|h| collapse(h).eq_ignore_ascii_case(&collapse(cell)))
    };
    let filled = || {
        cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.trim().is_empty())
    };
    cells.len() == header.len()
        && cells.get(code).is_some_and(|c| !c.trim().is_empty())
        && filled().nth(1).is_some()
        && filled().all(names_column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    fn row(cells: &[&str]) -> RawRow {
        RawRow {
            cells: strings(cells),
            ..RawRow::default()
        }
    }

    fn kinds(rows: Vec<RawRow>) -> Vec<Option<Furniture>> {
        let table = RawTable {
            header: strings(&["Code", "Description", "Solution"]),
            rows,
            ..RawTable::default()
        };
        (0..table.rows.len())
            .map(|i| furniture(&table, 0, i))
            .collect()
    }

    #[test]
    fn rows_that_are_no_entry_are_told_apart_from_entries() {
        let across = |text: &str, footer: bool| RawRow {
            across: true,
            footer,
            ..row(&[text])
        };
        let footer = |cells: &[&str]| RawRow {
            footer: true,
            ..row(cells)
        };
        let title = || Some(Furniture::Title("Auth".into()));
        let note = |text: &str| Some(Furniture::Note(text.into()));
        let read = kinds(vec![
            across("Auth", false),
            row(&["401", "Bad token.", "Renew."]),
            row(&["", "", ""]),
            row(&[]),
            row(&["Error code", "Message", ""]),
            row(&["code", "description", "solution"]),
            footer(&["* Codes may change.", "", ""]),
            footer(&["429", "Slow down.", "Wait."]),
            across("Ask us.", false),
            across("Ask us.", true),
        ]);
        assert_eq!(
            read,
            [
                title(),
                None,
                Some(Furniture::Spacer),
                Some(Furniture::Spacer),
                Some(Furniture::Header),
                Some(Furniture::Header),
                note("* Codes may change."),
                None,
                note("Ask us."),
                note("Ask us.")
            ]
        );
        // Header words beside a code, or a header word alone, are a row.
        let read = kinds(vec![
            row(&["401", "Description", "Solution"]),
            row(&["Code", "", ""]),
            RawRow {
                problem: Some("cut".into()),
                ..row(&["", "", ""])
            },
        ]);
        assert_eq!(read, [None, None, None]);
    }
}
