//! Columns chosen by what the cells hold, for a table whose header's words
//! do not name them (`Param | Type | Notes` over codes) or that has no
//! header row at all (its first row is data): the code column is the one
//! whose cells are all code-like and mostly distinct, the description the
//! prose column beside it, a second prose column the solution. Only asked
//! when no table's header names its columns, so a table of field names
//! (`Key | Type | Description`) beside a real error table is never taken.

use std::cmp::Reverse;
use std::collections::BTreeSet;

use crate::error::Result;
use crate::read::code_cell::{has_digit, value_codes};
use crate::read::columns::{ColumnMap, ROLES, Role, Roles, column_map, detect_roles, pinned_roles};
use crate::read::pins::{ColumnPin, ColumnPins};
use crate::read::vocabulary::is_type_name;

/// Columns chosen by content, and what the maintainer is told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Guess {
    pub map: ColumnMap,
    /// The table has no header: the reader's header row is its first row.
    pub header_is_row: bool,
    /// Whether every code cell holds a digit (`40001`, `E1001`): a stronger
    /// guess than a column of words, which a table of field names also has.
    pub digits: bool,
    /// Names the columns taken and the pins that would change them.
    pub warning: String,
}

/// A cell that reads as codes, as a code cell is read: a number, a
/// zero-padded number, a slug, `E1001`, `SRV_01`, or several (`500, 503`,
/// one per line); not a word with capitals (`Success`) or prose. A label
/// (`Unauthorized: 50001`) does not count here: prose can look like one.
fn code_like(cell: &str) -> bool {
    value_codes(cell).is_some_and(|codes| codes.iter().all(|c| c.label.is_none()))
}

/// Whether every cell of column `code` holds a digit (`40001`, `E1001`).
pub(crate) fn digit_codes(rows: &[&[String]], code: usize) -> bool {
    column(rows, code).all(has_digit)
}

fn prose(cell: &str) -> bool {
    !cell.trim().is_empty() && !code_like(cell)
}

/// The cells of column `index` of `rows`.
fn column<'a>(rows: &'a [&'a [String]], index: usize) -> impl Iterator<Item = &'a str> + 'a {
    rows.iter().map(move |r| r[index].as_str())
}

/// Whether at least half of the cells of column `index` are `such`.
fn mostly(rows: &[&[String]], index: usize, such: fn(&str) -> bool) -> bool {
    column(rows, index).filter(|c| such(c)).count() * 2 >= rows.len()
}

/// The distinct cells of column `index`.
fn distinct<'a>(rows: &'a [&'a [String]], index: usize) -> BTreeSet<&'a str> {
    column(rows, index).collect()
}

/// A cell of several words (or in a script written without spaces): what
/// a solution is, unlike a column of names (`invalidUrl`, `BadRequest`).
fn sentence(cell: &str) -> bool {
    let cell = cell.trim();
    prose(cell) && (cell.contains(char::is_whitespace) || !cell.is_ascii())
}

/// The free prose column beside `code` (after it, else before it).
fn beside(rows: &[&[String]], code: usize, taken: &Roles) -> Option<usize> {
    let width = rows[0].len();
    let free = |i: usize| i < width && !taken.contains(&Some(i)) && mostly(rows, i, prose);
    [code + 1, code.wrapping_sub(1)]
        .into_iter()
        .find(|&i| free(i))
}

/// The best code column: every cell code-like (not all type names), at least half of them
/// distinct, a prose column beside it; columns of digits first, then the
/// most distinct, then the leftmost.
fn code_column(rows: &[&[String]], taken: &Roles) -> Option<usize> {
    let width = rows.first()?.len();
    // The description the header named may be the prose beside the codes.
    let mut others = *taken;
    others[Role::Description as usize] = None;
    let candidates = (0..width).filter(|&i| {
        let cells = distinct(rows, i);
        !taken.contains(&Some(i))
            && cells.iter().all(|c| code_like(c))
            && !cells.iter().all(|c| is_type_name(c))
            && cells.len() * 2 >= rows.len()
            && beside(rows, i, &others).is_some()
    });
    candidates.max_by_key(|&i| (digit_codes(rows, i), distinct(rows, i).len(), Reverse(i)))
}

/// Whether the header row over `body` (not empty) is data: the code
/// column's header cell is a code, and no pin names a column by its header
/// text. A code of the other kind than the column's (`invalid_token` over
/// `E1001`, digits or none) is data only beside a finished sentence, which
/// header labels never are: a slug such as `key` over numbers is a header.
pub(crate) fn header_is_row(
    header: &[String],
    body: &[&[String]],
    code: usize,
    pins: &ColumnPins,
) -> bool {
    let digits = mostly(body, code, has_digit);
    let pinned_by_text = ROLES
        .iter()
        .any(|r| matches!(r.pin(pins), Some(ColumnPin::Header(_))));
    let same_kind = has_digit(&header[code]) == digits;
    let beside_a_sentence = header
        .iter()
        .enumerate()
        .any(|(i, cell)| i != code && finished_sentence(cell));
    !body.is_empty()
        && !pinned_by_text
        && code_like(&header[code])
        && (same_kind || beside_a_sentence)
}

/// Prose that ends as a sentence does (`.`, `!`, `?`, `。`): a description,
/// not a column's label.
fn finished_sentence(cell: &str) -> bool {
    let cell = cell.trim();
    sentence(cell) && cell.ends_with(['.', '!', '?', '。', '！', '？'])
}

/// The table's columns chosen by content, or why they cannot be; `rows`
/// are the table's rows of the header's width.
pub(crate) fn guess(
    header: &[String],
    rows: &[&[String]],
    pins: &ColumnPins,
) -> Result<Guess, String> {
    let pinned = pinned_roles(header, pins)?;
    let by_position: Roles = std::array::from_fn(|i| {
        pinned[i].filter(|_| matches!(ROLES[i].pin(pins), Some(ColumnPin::Position(_))))
    });
    // What the header's words say, unless the header turns out to be data.
    let mut named = pinned;
    let by_words = detect_roles(header, pins, &mut named);
    let named = if by_words.is_ok() { named } else { by_position };
    let code_named = named[Role::Code as usize].is_some() && pinned[Role::Code as usize].is_none();
    let code = named[Role::Code as usize]
        .or_else(|| code_column(rows, &named))
        .ok_or(NO_CODES)?;
    let as_data = !code_named && header_is_row(header, rows, code, pins);
    let mut all = rows.to_vec();
    if as_data {
        all.insert(0, header);
    }
    if all.len() < 2 {
        return Err("too few rows to tell the columns by their content".into());
    }
    let blank = vec![String::new(); header.len()];
    let (shown, mut roles) = if as_data {
        (blank.as_slice(), by_position)
    } else {
        by_words?;
        (header, named)
    };
    let by_words = roles;
    roles[Role::Code as usize] = Some(code);
    fill_by_content(&all, pins, &mut roles)?;
    Ok(Guess {
        map: column_map(shown, roles)?,
        header_is_row: as_data,
        digits: digit_codes(&all, code),
        warning: warning(shown, as_data, &roles, &by_words, pins),
    })
}

const NO_CODES: &str =
    "no column holds only codes (numbers such as 40001, or identifiers such as invalid_token)";

/// The description beside the code column, and a second prose column as
/// the solution, where neither pins nor words gave them.
fn fill_by_content(rows: &[&[String]], pins: &ColumnPins, roles: &mut Roles) -> Result<(), String> {
    let code = roles[Role::Code as usize].unwrap_or_default();
    if roles[Role::Description as usize].is_none() {
        let description = beside(rows, code, roles)
            .ok_or("no column of prose beside the code column to read as the description")?;
        roles[Role::Description as usize] = Some(description);
    }
    if roles[Role::Solution as usize].is_none() && Role::Solution.pin(pins).is_none() {
        let description = roles[Role::Description as usize].unwrap_or_default();
        let width = rows[0].len();
        roles[Role::Solution as usize] = (description + 1..width)
            .chain(0..description)
            .find(|&i| !roles.contains(&Some(i)) && mostly(rows, i, sentence));
    }
    Ok(())
}

/// Names each column chosen by content (not pinned, not named by its
/// header) and the flags and settings that pin them.
fn warning(
    header: &[String],
    headerless: bool,
    roles: &Roles,
    by_words: &Roles,
    pins: &ColumnPins,
) -> String {
    let guessed = ROLES
        .iter()
        .filter(|r| r.pin(pins).is_none() && by_words[**r as usize].is_none())
        .filter_map(|r| Some((r, roles[*r as usize]? + 1)));
    let (taken, (flags, settings)): (Vec<_>, (Vec<_>, Vec<_>)) = guessed
        .map(|(role, n)| {
            let setting = role.setting();
            let taken = match header[n - 1].as_str() {
                "" => format!("{setting} = column {n}"),
                name => format!("{setting} = column {n} \"{name}\""),
            };
            let flag = format!("{} {n}", role.flag());
            (taken, (flag, format!("{setting} = {n}")))
        })
        .unzip();
    let why = if headerless {
        "has no header row (its first row is read as data), so its columns were chosen by their content"
    } else {
        "has a header that does not name its columns, so they were chosen by their content"
    };
    format!(
        "{why}: {}; if that is wrong, pin them: {} (or in the configuration's [columns]: {})",
        taken.join(", "),
        flags.join(" "),
        settings.join(", ")
    )
}

/// For a table nothing could read: the pins that would read it, from the
/// first column of codes with digits (else of any codes, else the first
/// column) and the column beside it.
pub(crate) fn pin_hint(header: &[String], rows: &[&[String]]) -> String {
    let width = header.len();
    if width < 2 {
        return "pin the code and description columns: --code-column N --description-column N, or [columns] code = N, description = N".into();
    }
    let code = (0..width)
        .filter(|&i| !rows.is_empty() && column(rows, i).all(code_like))
        .min_by_key(|&i| !digit_codes(rows, i))
        .unwrap_or(0);
    let description = if code + 1 < width { code + 1 } else { code - 1 };
    let (c, d) = (code + 1, description + 1);
    format!(
        "to read it, pin its columns: --code-column {c} --description-column {d}, or [columns] code = {c}, description = {d}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn guessed(head: &[&str], body: &[&[&str]], pins: &ColumnPins) -> Result<Guess, String> {
        let rows: Vec<Vec<String>> = body.iter().map(|r| strings(r)).collect();
        let rows: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
        guess(&strings(head), &rows, pins)
    }

    const BODY: &[&[&str]] = &[
        &["E1001", "The token has expired.", "Sign in again."],
        &["E1002", "The file is too large.", "Send a smaller file."],
        &["E1003", "Too many requests.", "Wait a minute."],
    ];

    #[test]
    fn a_column_of_names_is_not_taken_for_the_solution() {
        let body: &[&[&str]] = &[
            &["1", "badAddress", "The webhook address is not valid."],
            &["2", "staleToken", "The token ran out."],
            &["3", "bodyUnreadable", "The body could not be read."],
        ];
        let g = guessed(
            &["Value", "Name", "Description"],
            body,
            &ColumnPins::default(),
        )
        .unwrap();
        assert_eq!(
            (g.map.code, g.map.description, g.map.solution),
            (0, 2, None),
            "{}",
            g.warning
        );
    }

    #[test]
    fn a_code_column_listing_several_codes_per_cell_is_still_codes() {
        let body: &[&[&str]] = &[
            &["Take a breath before the next call.", "500, 503"],
            &["The token ran out.", "401 / 403"],
            &["The room is gone.", "404"],
        ];
        let g = guessed(&["Notes", "Param"], body, &ColumnPins::default()).unwrap();
        assert_eq!((g.map.code, g.map.description), (1, 0), "{}", g.warning);
        // A label is the prose side of a cell: a column of them is not codes.
        let labelled: &[&[&str]] = &[
            &["Busy: 500", "The server is busy right now."],
            &["Gone: 404", "The room was deleted."],
        ];
        assert!(guessed(&["A", "B"], labelled, &ColumnPins::default()).is_err());
    }

    #[test]
    fn a_wrong_header_over_codes_is_read_by_content() {
        let g = guessed(&["Param", "Type", "Notes"], BODY, &ColumnPins::default()).unwrap();
        assert!(!g.header_is_row && g.digits);
        assert_eq!(
            (g.map.code, g.map.description, g.map.solution),
            (0, 1, Some(2))
        );
        assert_eq!(
            g.warning,
            "has a header that does not name its columns, so they were chosen by their content: code = column 1 \"Param\", description = column 2 \"Type\", solution = column 3 \"Notes\"; if that is wrong, pin them: --code-column 1 --description-column 2 --solution-column 3 (or in the configuration's [columns]: code = 1, description = 2, solution = 3)"
        );
        // A column the header does name keeps its place; only the rest is guessed.
        let g = guessed(&["Code", "Type", "Notes"], BODY, &ColumnPins::default()).unwrap();
        assert!(
            g.warning
                .contains(": description = column 2 \"Type\", solution = column 3"),
            "{}",
            g.warning
        );
    }

    #[test]
    fn a_header_row_of_data_is_a_row() {
        let g = guessed(BODY[0], &BODY[1..], &ColumnPins::default()).unwrap();
        assert!(g.header_is_row);
        assert_eq!(
            (g.map.code, g.map.description, g.map.solution),
            (0, 1, Some(2))
        );
        assert!(
            g.warning
                .starts_with("has no header row (its first row is read as data)"),
            "{}",
            g.warning
        );
        assert!(
            g.warning
                .contains("code = column 1, description = column 2"),
            "{}",
            g.warning
        );
    }

    #[test]
    fn the_code_column_is_the_distinct_codes_beside_prose() {
        // HTTP statuses repeat; the slugs beside the prose are the codes.
        let body: &[&[&str]] = &[
            &["400", "bad_file", "The file is broken."],
            &["400", "bad_name", "The name is too long."],
            &["401", "no_token", "Sign in first."],
        ];
        let g = guessed(&["", "", ""], body, &ColumnPins::default()).unwrap();
        assert_eq!((g.map.code, g.map.description), (1, 2));
        assert!(!g.digits);
        assert_eq!(g.map.extra, [(0, "Column 1".to_string())]);
        // A position pin decides instead.
        let pins = ColumnPins {
            code: Some(ColumnPin::Position(1)),
            ..ColumnPins::default()
        };
        let err = guessed(&["", "", ""], body, &pins).unwrap_err();
        assert!(
            err.contains("no column of prose beside the code column"),
            "{err}"
        );
    }

    #[test]
    fn tables_without_codes_or_prose_are_not_guessed() {
        let pins = ColumnPins::default();
        let fields: &[&[&str]] = &[&["Name", "Value"], &["Size", "Large"]];
        assert!(
            guessed(&["Key", "Value"], fields, &pins)
                .unwrap_err()
                .starts_with("no column holds only codes")
        );
        let numbers: &[&[&str]] = &[&["1", "2"], &["3", "4"]];
        assert!(guessed(&["A", "B"], numbers, &pins).is_err(), "no prose");
        let one: &[&[&str]] = &[&["1", "One thing."]];
        assert!(
            guessed(&["A", "B"], one, &pins)
                .unwrap_err()
                .starts_with("too few rows")
        );
    }

    #[test]
    fn a_refused_table_gets_the_pins_that_would_read_it() {
        let rows = [strings(&["x y", "1"]), strings(&["z w", "2"])];
        let rows: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
        assert_eq!(
            pin_hint(&strings(&["A", "B"]), &rows),
            "to read it, pin its columns: --code-column 2 --description-column 1, or [columns] code = 2, description = 1"
        );
        // Numbers are the codes before a column of one-letter slugs.
        let rows = [strings(&["a", "40001", "x"]), strings(&["b", "40002", "y"])];
        let rows: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
        assert!(
            pin_hint(&strings(&["Where", "Status", "Kind"]), &rows)
                .starts_with("to read it, pin its columns: --code-column 2 --description-column 3")
        );
    }

    #[test]
    fn a_named_description_may_be_the_prose_beside_the_codes() {
        let pins = ColumnPins::default();
        let rows: &[&[&str]] = &[&["400", "The request is malformed."], &["401", "No token."]];
        let guess = guessed(&["Status", "Meaning"], rows, &pins).unwrap();
        assert_eq!((guess.map.code, guess.map.description), (0, 1));
    }
}
