//! The reader-independent half of reading: every reader turns its input into
//! [`RawTable`]s of normalised cell text; this module picks the error
//! table(s), by header (`read::columns`) or else by content
//! (`read::content`), and validates each row.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::model::Format;
pub use crate::read::article::{Article, ArticleRow};
use crate::read::code_cell::{LABEL_FIELD, codes_in, is_success, subcode_in};
use crate::read::content;
use crate::read::furniture::{Furniture, furniture, is_spacer};
use crate::read::pins::{ColumnPin, ColumnPins};

pub use crate::read::columns::{ColumnMap, columns, is_role_header, names_code};
pub(crate) use crate::read::raw::show_header;
pub use crate::read::raw::{RawRow, RawTable};

/// Picks the error table(s) by header and validates their rows. Several tables
/// with an error-code header are read in document order as one list, each
/// row keeping its table's section title.
pub fn select(format: Format, tables: Vec<RawTable>, pins: &ColumnPins) -> Result<Article> {
    let mut reading = Reading::default();
    let mut chosen = error_tables(tables, pins, &mut reading.warnings)?;
    // A section title says which of several tables a row came from; with one
    // table it is only the page's heading, so every reader drops it.
    if chosen.len() == 1 {
        chosen[0].0.section = None;
    }
    if chosen.len() > 1 && chosen.iter().any(|(t, _)| t.section.is_none()) {
        reading.warnings.push(format!(
            "{} tables have an error-code header; their rows are read as one list",
            chosen.len()
        ));
    }
    for (table, columns) in chosen {
        reading.table(&table, &columns)?;
    }
    let rows = crate::read::repeats::resolve(reading.rows, pins.key, &mut reading.warnings)?;
    Ok(Article {
        format,
        rows,
        warnings: reading.warnings,
    })
}

/// The entries of the chosen tables as [`select`] reads them, table by
/// table.
#[derive(Default)]
struct Reading {
    /// Each entry with the table row it came from, counted over every
    /// chosen table (a cell listing several codes gives several entries; a
    /// success row or a row that is no entry none).
    rows: Vec<(ArticleRow, usize)>,
    /// The table rows seen so far.
    read: usize,
    warnings: Vec<String>,
    extra_seen: BTreeSet<String>,
}

impl Reading {
    /// Reads one chosen table's rows: rows that are no entry (see
    /// `read::furniture`) are warned of, a group title becoming the section
    /// of the rows after it.
    fn table(&mut self, table: &RawTable, columns: &ColumnMap) -> Result<()> {
        self.warnings.extend(table.warnings.iter().cloned());
        if let Some(problem) = &table.problem {
            return Err(
                Error::new(format!("the error table's header: {problem}")).at_line(table.line)
            );
        }
        let kinds: Vec<Option<Furniture>> = (0..table.rows.len())
            .map(|index| furniture(table, columns.code, index))
            .collect();
        if kinds.iter().all(Option::is_some) {
            return Err(Error::new(format!(
                "the error table {} has a header but no rows: expected at least one error code",
                show_header(&table.header)
            ))
            .at_line(table.line));
        }
        for (_, name) in &columns.extra {
            if self.extra_seen.insert(name.clone()) {
                self.warnings.push(format!(
                    "extra column \"{name}\" is kept in each entry's `extra` fields"
                ));
            }
        }
        let mut section = table.section.clone();
        for (index, (raw, kind)) in table.rows.iter().zip(kinds).enumerate() {
            self.read += 1;
            let read = self.read;
            if let Some(kind) = kind {
                let line = raw.line.map_or(String::new(), |l| format!(" (line {l})"));
                let footer = raw.footer.then_some(", in the table's footer,");
                let footer = footer.unwrap_or_default();
                let place = format!("row {read}{line}{footer}");
                self.warnings.push(kind.warning(&place, &table.header));
                if let Furniture::Title(title) = kind {
                    section = Some(title);
                }
                continue;
            }
            let last = index + 1 == table.rows.len();
            // A footer row is no group's: its section is the table's.
            let here = if raw.footer { &table.section } else { &section };
            let entries =
                read_row(table, here.as_ref(), columns, raw, last).map_err(|e| e.at_row(read))?;
            for entry in entries {
                if is_success(&entry.code, &entry.description) {
                    self.warnings.push(format!(
                        "row {read}: code {} (\"{}\") reports success, not an error: left out of the error type",
                        entry.code, entry.description
                    ));
                    continue;
                }
                self.rows.push((entry, read));
            }
        }
        Ok(())
    }
}

/// The tables whose header maps to a [`ColumnMap`], each with its map;
/// failing those, the tables whose cells tell their columns. The others are
/// warned of (unless their header is blank) and, if no table is chosen,
/// listed in the error with the pins that would read them.
fn error_tables(
    tables: Vec<RawTable>,
    pins: &ColumnPins,
    warnings: &mut Vec<String>,
) -> Result<Vec<(RawTable, ColumnMap)>> {
    let mut chosen = Vec::new();
    let mut refused = Vec::new();
    for (index, table) in tables.into_iter().enumerate() {
        let place = place(index, &table);
        match columns(&table.header, pins) {
            Ok(columns) => chosen.push((place, table, columns)),
            Err(why) => refused.push((place, table, why)),
        }
    }
    if matches!(pins.code, Some(ColumnPin::Position(_))) {
        // Every table wide enough has a column at the pinned position: where
        // some tables' codes hold digits, a table whose "codes" are words (a
        // table of field names) is not the error table.
        let numbered = |(_, table, map): &Chosen| content::digit_codes(&full_rows(table), map.code);
        keep_where(&mut chosen, &mut refused, numbered, |map| {
            format!(
                "its column {} (the pinned code column) holds words, not numbers like the other tables' codes",
                map.code + 1
            )
        });
        headerless_by_position(&mut chosen, pins, warnings);
    }
    if chosen.is_empty() {
        chosen = by_content(&mut refused, pins, warnings);
    }
    // Where some chosen tables have rows, one with a header but no rows (a
    // navigation bar read as a header under position pins, say) is not the
    // error table. Alone, it is refused as one.
    let has_rows = |(_, table, map): &Chosen| {
        (0..table.rows.len()).any(|index| furniture(table, map.code, index).is_none())
    };
    keep_where(&mut chosen, &mut refused, has_rows, |_| {
        "it has a header but no rows".to_owned()
    });
    if chosen.is_empty() {
        let seen = refused
            .iter()
            .map(|(place, t, why)| seen_table(place, t, why));
        return Err(no_error_table(seen.collect()));
    }
    for (place, table, why) in &refused {
        if !table.header.iter().all(|h| h.is_empty()) {
            let shown = show_header(&table.header);
            warnings.push(format!("ignored {place} with header {shown} ({why})"));
        }
    }
    Ok(chosen.into_iter().map(|(_, t, m)| (t, m)).collect())
}

/// How a refusal lists a table it saw: its place, its header, why it is not
/// the error table, and the pins that would read it.
fn seen_table(place: &str, table: &RawTable, why: &str) -> String {
    let shown = show_header(&table.header);
    // A reason that already names the pin (which of two code columns) is
    // not followed by a guess that would contradict it.
    if why.contains("--code-column") {
        return format!("{place}: {shown} ({why})");
    }
    let hint = content::pin_hint(&table.header, &full_rows(table));
    format!("{place}: {shown} ({why}; {hint})")
}

/// The refusal when no table is the error table, listing the tables seen.
fn no_error_table(seen: Vec<String>) -> Error {
    let expected = "expected a table whose header names an error code and a description column";
    if seen.is_empty() {
        return Error::new(format!("no table found: {expected}"));
    }
    Error::new(format!(
        "no error table found: {expected}, or whose cells show them; the tables seen were:\n  {}",
        seen.join("\n  ")
    ))
}

/// The refusal of a reader that saw tables but hands none on (`|` lines
/// whose cells show no columns, say): each listed as [`select`] lists the
/// tables it does not read, with the pins that would read it.
pub(crate) fn refuse_seen(tables: &[RawTable], pins: &ColumnPins) -> Error {
    let seen = tables.iter().enumerate().map(|(index, table)| {
        let why = match columns(&table.header, pins) {
            Err(why) => why,
            Ok(map) => format!(
                "its column {} (the code column) does not hold a code in every row",
                map.code + 1
            ),
        };
        seen_table(&place(index, table), table, &why)
    });
    no_error_table(seen.collect())
}

/// A table taken, with its place (as messages name it) and its map.
type Chosen = (String, RawTable, ColumnMap);
/// A table not taken, with its place and why.
type Refused = (String, RawTable, String);

/// How messages name a table: by its line, else its place in the page.
fn place(index: usize, table: &RawTable) -> String {
    table.line.map_or(format!("table {}", index + 1), |l| {
        format!("table at line {l}")
    })
}

/// A table's rows as wide as its header, with nothing wrong with them, and
/// none that is only layout (a spacer, a footer, one cell across).
pub(crate) fn full_rows(table: &RawTable) -> Vec<&[String]> {
    let width = table.header.len();
    table
        .rows
        .iter()
        .filter(|r| r.cells.len() == width && r.problem.is_none())
        .filter(|r| !r.across && !r.footer && !is_spacer(r))
        .map(|r| r.cells.as_slice())
        .collect()
}

/// Where some chosen tables are to `keep`, the others are refused, each
/// for the reason `why` gives; where none is, every table stays chosen.
fn keep_where(
    chosen: &mut Vec<Chosen>,
    refused: &mut Vec<Refused>,
    keep: impl Fn(&Chosen) -> bool,
    why: impl Fn(&ColumnMap) -> String,
) {
    if !chosen.iter().any(&keep) {
        return;
    }
    let (kept, dropped): (Vec<_>, Vec<_>) = std::mem::take(chosen).into_iter().partition(keep);
    *chosen = kept;
    for (place, table, map) in dropped {
        let why = why(&map);
        refused.push((place, table, why));
    }
}

/// The refused tables whose columns their content tells, taken out of
/// `refused` with their maps, each warned of. Where some have codes with
/// digits, only those are taken: a table of field names also has a column
/// of distinct words beside prose.
fn by_content(
    refused: &mut Vec<Refused>,
    pins: &ColumnPins,
    warnings: &mut Vec<String>,
) -> Vec<Chosen> {
    let guesses: Vec<Option<content::Guess>> = refused
        .iter()
        .map(|(_, table, _)| content::guess(&table.header, &full_rows(table), pins).ok())
        .collect();
    let digits = guesses.iter().flatten().any(|g| g.digits);
    let mut chosen = Vec::new();
    for ((place, mut table, why), guess) in std::mem::take(refused).into_iter().zip(guesses) {
        let Some(guess) = guess.filter(|g| g.digits || !digits) else {
            refused.push((place, table, why));
            continue;
        };
        if guess.header_is_row {
            header_into_rows(&mut table);
        }
        warnings.push(format!("{place} {}", guess.warning));
        chosen.push((place, table, guess.map));
    }
    chosen
}

/// A table with no header row: the reader's header row is its first row.
fn header_into_rows(table: &mut RawTable) {
    let blank = vec![String::new(); table.header.len()];
    let row = RawRow {
        cells: std::mem::replace(&mut table.header, blank),
        line: table.line,
        problem: table.problem.take(),
        ..RawRow::default()
    };
    table.rows.insert(0, row);
}

/// With the columns pinned by position, a table whose header row holds a
/// code where the pinned code column is, and no header word (a lowercase
/// `code` is code-like too), has no header: its first row is read as a row
/// (warned of), not lost as a header.
fn headerless_by_position(chosen: &mut [Chosen], pins: &ColumnPins, warnings: &mut Vec<String>) {
    for (place, table, map) in chosen.iter_mut() {
        if !table.header.iter().any(|h| is_role_header(h))
            && content::header_is_row(&table.header, &full_rows(table), map.code, pins)
        {
            header_into_rows(table);
            // The extra columns were named by the row: now by position.
            if let Ok(by_position) = columns(&table.header, pins) {
                *map = by_position;
            }
            warnings.push(format!(
                "{place} has no header row: its first row is read as data, as the pinned code column (column {}) holds a code there; to read that row as the header, pin a column by its header text",
                map.code + 1
            ));
        }
    }
}

/// Reads one row of `table`: an entry per code its code cell lists, under
/// `section` (the table's, or its group's), each code's label (if the cell gives one) kept in
/// the entry's [`LABEL_FIELD`] extra field.
fn read_row(
    table: &RawTable,
    section: Option<&String>,
    columns: &ColumnMap,
    raw: &RawRow,
    last: bool,
) -> Result<Vec<ArticleRow>> {
    let located = |message: String| Error::new(message).at_line(raw.line);
    if let Some(problem) = &raw.problem {
        return Err(located(problem.clone()));
    }
    let header = &table.header;
    if raw.cells.len() != header.len() {
        let (got, expected) = (raw.cells.len(), header.len());
        let count = format!("{got} cells, expected {expected} ({})", show_header(header));
        return Err(located(if got < expected && last {
            format!(
                "the table ends in the middle of a row: {count}, so the capture is cut there; expected the whole table (copy the page again)"
            )
        } else {
            count
        }));
    }
    let codes = codes_in(&raw.cells[columns.code]).map_err(located)?;
    let subcode = columns.subcode.map(|column| subcode_in(&raw.cells[column]));
    let subcode = subcode.transpose().map_err(located)?.flatten();
    if raw.cells[columns.description].is_empty() {
        return Err(located(format!(
            "code {}: empty description: expected the error's description",
            raw.cells[columns.code]
        )));
    }
    let cell = |column: usize| raw.cells[column].clone();
    let extra: BTreeMap<String, String> = columns
        .extra
        .iter()
        .map(|(i, name)| (name.clone(), cell(*i)))
        .collect();
    let entry = |found: crate::read::code_cell::CellCode| {
        let mut extra = extra.clone();
        if let Some(label) = found.label {
            extra.entry(LABEL_FIELD.to_owned()).or_insert(label);
        }
        ArticleRow {
            code: found.code,
            subcode: subcode.clone(),
            description: cell(columns.description),
            solution: columns.solution.map_or_else(String::new, cell),
            cause: columns.cause.map_or_else(String::new, cell),
            section: section.cloned(),
            other_sections: Vec::new(),
            keyed_by: None,
            extra,
            line: raw.line,
        }
    };
    Ok(codes.into_iter().map(entry).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn table(head: &[&str], rows: &[&[&str]]) -> RawTable {
        RawTable {
            header: header(head),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| RawRow {
                    cells: header(r),
                    line: Some(i + 2),
                    ..RawRow::default()
                })
                .collect(),
            ..RawTable::default()
        }
    }

    #[test]
    fn tables_not_chosen_are_warned_of_and_listed() {
        let decoy = RawTable {
            line: Some(3),
            ..table(&["Key", "Type"], &[&["a", "b"]])
        };
        let blank = table(&["", ""], &[]);
        let mut warnings = Vec::new();
        let chosen = error_tables(
            vec![
                decoy.clone(),
                blank.clone(),
                table(&["Code", "Description"], &[]),
            ],
            &ColumnPins::default(),
            &mut warnings,
        )
        .unwrap();
        assert_eq!(chosen.len(), 1);
        assert_eq!(warnings.len(), 1, "a blank header is not warned of");
        assert!(warnings[0].starts_with("ignored table at line 3 with header \"Key\" | \"Type\""));
        let err =
            error_tables(vec![decoy, blank], &ColumnPins::default(), &mut warnings).unwrap_err();
        assert!(
            err.message
                .contains("the tables seen were:\n  table at line 3: \"Key\" | \"Type\""),
            "{err}"
        );
        assert!(err.message.contains("\n  table 2: \"\" | \"\""), "{err}");
        let err = error_tables(Vec::new(), &ColumnPins::default(), &mut warnings).unwrap_err();
        assert!(err.message.starts_with("no table found"), "{err}");
    }

    #[test]
    fn a_chosen_table_needs_a_sound_header_and_rows() {
        let readable = |t: &RawTable| select(Format::Html, vec![t.clone()], &ColumnPins::default());
        let mut t = table(&["Code", "Description"], &[&["1", "One."]]);
        assert!(readable(&t).is_ok());
        t.problem = Some("a cell has colspan=\"2\"".into());
        t.line = Some(4);
        let err = readable(&t).unwrap_err();
        assert_eq!(err.line, Some(4));
        assert!(
            err.message
                .starts_with("the error table's header: a cell has colspan"),
            "{err}"
        );
        let err = readable(&table(&["Code", "Description"], &[])).unwrap_err();
        assert!(err.message.contains("has a header but no rows"), "{err}");
    }

    #[test]
    fn a_table_without_rows_is_not_chosen_beside_one_with_rows() {
        let head = ["Code", "Description"];
        let mut empty = table(&head, &[&["", ""]]);
        empty.line = Some(1);
        let tables = vec![empty.clone(), table(&head, &[&["7", "Seven."]])];
        let article = select(Format::Markdown, tables, &ColumnPins::default()).unwrap();
        assert_eq!(article.rows.len(), 1);
        assert!(
            article.warnings.iter().any(|w| w
                == "ignored table at line 1 with header \"Code\" | \"Description\" (it has a header but no rows)"),
            "{:?}",
            article.warnings
        );
        let err = select(Format::Markdown, vec![empty], &ColumnPins::default()).unwrap_err();
        assert!(err.message.contains("has a header but no rows"), "{err}");
    }

    #[test]
    fn entries_number_rows_over_every_table() {
        let head = ["Code", "Description"];
        let refused = |tables: Vec<RawTable>| {
            select(Format::Html, tables, &ColumnPins::default()).unwrap_err()
        };
        let two_codes = table(&head, &[&["1, 2", "Two codes."]]);
        let pinned = ColumnPins {
            key: Some(crate::model::KeyChoice::Code),
            ..ColumnPins::default()
        };
        let tables = vec![
            two_codes.clone(),
            table(&head, &[&["3", "Three."], &["2", "Again."]]),
        ];
        let err = select(Format::Html, tables, &pinned).unwrap_err();
        assert_eq!(err.row, Some(3), "codes 1 and 2 are both row 1");
        assert!(
            err.message.contains("code 2 appears twice: first in row 1"),
            "{err}"
        );
        let err = refused(vec![
            two_codes.clone(),
            table(&head, &[&["3", "Three."]]),
            table(&head, &[&["4", "Four."], &["5", ""]]),
        ]);
        assert_eq!(err.row, Some(4), "counted on from the tables before");
        assert!(err.message.contains("empty description"), "{err}");
        let err = refused(vec![
            two_codes,
            table(&head, &[&["1", "Again."], &["x y", "Bad."]]),
        ]);
        assert_eq!(err.row, Some(3), "{err}");
        assert!(err.message.contains("\"x y\" is not a code"), "{err}");
    }

    #[test]
    fn a_repeat_no_key_tells_apart_is_refused_naming_both_rows() {
        let head = ["Code", "Description", "Solution"];
        let t = table(
            &head,
            &[
                &["1", "One.", "A"],
                &["2", "Two.", "B"],
                &["1", "One.", "C"],
            ],
        );
        let err = select(Format::Html, vec![t], &ColumnPins::default()).unwrap_err();
        assert_eq!((err.row, err.line), (Some(3), Some(4)), "{err}");
        assert!(
            err.message
                .starts_with("code 1 appears twice: first in row 1 (line 2); neither their message nor their section"),
            "{err}"
        );
    }

    #[test]
    fn subcodes_lists_of_codes_and_sections() {
        let mut a = table(
            &["Error code", "Error sub-code", "Description"],
            &[
                &["1", "/", "Own."],
                &["1", "99", "Sub."],
                &["500, 503", "", "Busy."],
            ],
        );
        a.section = Some("System Error".into());
        let mut b = table(
            &["Error code", "Error sub-code", "Description"],
            &[&["2", "-", "Two."]],
        );
        b.section = Some("Business Errors".into());
        let article = select(Format::Html, vec![a.clone(), b], &ColumnPins::default()).unwrap();
        let keys: Vec<String> = article.rows.iter().map(|r| r.key().to_string()).collect();
        assert_eq!(keys, ["1", "1:99", "500", "503", "2"]);
        assert_eq!(article.rows[3].description, "Busy.");
        assert_eq!(article.rows[0].section.as_deref(), Some("System Error"));
        assert_eq!(article.rows[4].section.as_deref(), Some("Business Errors"));
        // One table: its heading is only the page's title, in every reader.
        let alone = select(Format::Html, vec![a], &ColumnPins::default()).unwrap();
        assert_eq!(alone.rows[0].section, None);
        let twice = table(
            &["Code", "Sub code", "Description"],
            &[&["1", "2", "A."], &["1", "2", "B."]],
        );
        let pinned = ColumnPins {
            key: Some(crate::model::KeyChoice::CodeSubcode),
            ..ColumnPins::default()
        };
        let err = select(Format::Html, vec![twice.clone()], &pinned).unwrap_err();
        assert!(
            err.message.contains(
                "code 1:2 appears twice: first in row 1 (line 2); the configuration's key needs each code (and sub-code) once (key = \"code_message\" would read them)"
            ),
            "{err}"
        );
        let read = select(Format::Html, vec![twice], &ColumnPins::default()).unwrap();
        let keys: Vec<String> = read.rows.iter().map(|r| r.key().to_string()).collect();
        assert_eq!(keys, ["1:2 | A.", "1:2 | B."]);
    }

    #[test]
    fn a_short_last_row_is_a_truncated_table() {
        let t = table(
            &["Code", "Description", "Solution"],
            &[&["1", "A.", "x"], &["2", "B."]],
        );
        let err = select(Format::Html, vec![t], &ColumnPins::default()).unwrap_err();
        assert!(
            err.message
                .starts_with("the table ends in the middle of a row"),
            "{err}"
        );
    }
}
