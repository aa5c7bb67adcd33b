//! The reader-independent half of reading: every reader turns its input into
//! [`RawTable`]s of normalised cell text; this module finds the error table by
//! its header, maps columns by meaning, and validates each row.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::model::Format;
pub use crate::read::article::{Article, ArticleRow};
use crate::read::code_cell::{LABEL_FIELD, codes_in, is_success, subcode_in};
use crate::read::normalize::collapse;
use crate::read::pins::ColumnPins;

/// A table as a reader saw it, before anyone decided what its columns mean.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawTable {
    pub header: Vec<String>,
    /// Line of the header, where the format has lines.
    pub line: Option<usize>,
    pub rows: Vec<RawRow>,
    /// Something about the header that makes the table unreadable if chosen.
    pub problem: Option<String>,
    /// The heading the table sits under, if any.
    pub section: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub cells: Vec<String>,
    pub line: Option<usize>,
    /// Something that makes the row unreadable (merged cells, say).
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Code,
    Subcode,
    Description,
    Solution,
    Cause,
}

const ROLES: [Role; 5] = [
    Role::Code,
    Role::Subcode,
    Role::Description,
    Role::Solution,
    Role::Cause,
];

impl Role {
    fn label(self) -> &'static str {
        match self {
            Role::Code => "code (\"Error code\", \"Code\", \"Error\", \"Status code\")",
            Role::Subcode => "sub-code (\"Error sub-code\", \"Subcode\")",
            Role::Description => "description (\"Description\", \"Message\", \"Meaning\")",
            Role::Solution => "solution (\"Solution\", \"Action\", \"How to fix\")",
            Role::Cause => "cause (\"Cause\", \"Possible reason\")",
        }
    }

    fn pin(self, pins: &ColumnPins) -> Option<&String> {
        match self {
            Role::Code => pins.code.as_ref(),
            Role::Subcode => pins.subcode.as_ref(),
            Role::Description => pins.description.as_ref(),
            Role::Solution => pins.solution.as_ref(),
            Role::Cause => pins.cause.as_ref(),
        }
    }
}

/// Which column plays which part, found from the header's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    pub(crate) code: usize,
    subcode: Option<usize>,
    description: usize,
    solution: Option<usize>,
    cause: Option<usize>,
    extra: Vec<(usize, String)>,
}

/// Header cells longer than this are content, not a header (layout tables).
const MAX_HEADER_LEN: usize = 60;

/// Headers that name the code column outright.
const CODE_HEADERS: &[&str] = &[
    "code",
    "codes",
    "error",
    "errors",
    "error code",
    "error codes",
    "status code",
    "return code",
    "result code",
    "response code",
    "reason code",
    "error number",
    "error id",
];

/// Headers that name the solution column outright (beyond the words below).
const SOLUTION_HEADERS: &[&str] = &[
    "action",
    "actions",
    "action to take",
    "recommended action",
    "recommended actions",
    "suggested action",
    "what to do",
    "next steps",
];

fn words(header: &str) -> Vec<String> {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn role_of(header: &str) -> Option<Role> {
    if header.chars().count() > MAX_HEADER_LEN {
        return None;
    }
    let words = words(header);
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let has = |w: &str| words.iter().any(|x| x == w);
    let has_any = |list: &[&str]| list.iter().any(|w| has(w));
    let joined = words.join(" ");
    if has("subcode") || has("subcodes") || (has("sub") && (has("code") || has("codes"))) {
        Some(Role::Subcode)
    } else if has_any(&[
        "solution",
        "solutions",
        "fix",
        "resolution",
        "remedy",
        "resolve",
    ]) || SOLUTION_HEADERS.contains(&joined.as_str())
    {
        Some(Role::Solution)
    } else if has_any(&["cause", "causes", "reason", "reasons"]) {
        Some(Role::Cause)
    } else if has_any(&[
        "description",
        "message",
        "meaning",
        "information",
        "explanation",
        "details",
    ]) {
        Some(Role::Description)
    } else if CODE_HEADERS.contains(&joined.as_str())
        || (words.len() <= 3
            && matches!(words.last().map(String::as_str), Some("code" | "codes"))
            && !has("http"))
    {
        Some(Role::Code)
    } else {
        None
    }
}

fn same_header(a: &str, b: &str) -> bool {
    collapse(a).to_lowercase() == collapse(b).to_lowercase()
}

/// Maps header cells to roles; the error says what is missing or ambiguous.
pub fn columns(header: &[String], pins: &ColumnPins) -> std::result::Result<ColumnMap, String> {
    let mut roles = pinned_roles(header, pins)?;
    let mut extra = detect_roles(header, pins, &mut roles)?;
    extra.sort_by_key(|(index, _)| *index);
    name_extra_columns(header, &mut extra);
    // The map, once a code and a description column are found.
    let [code, subcode, description, solution, cause] = roles;
    match (code, description) {
        (Some(code), Some(description)) => Ok(ColumnMap {
            code,
            subcode,
            description,
            solution,
            cause,
            extra,
        }),
        _ => {
            let missing: Vec<&str> = [(Role::Code, code), (Role::Description, description)]
                .into_iter()
                .filter(|(_, found)| found.is_none())
                .map(|(role, _)| role.label())
                .collect();
            Err(format!("no {} column", missing.join(", no ")))
        }
    }
}

/// The column of each role, indexed by `Role as usize`, as found so far.
type Roles = [Option<usize>; 5];

/// The pinned columns; a pin the table lacks makes it not the error table.
fn pinned_roles(header: &[String], pins: &ColumnPins) -> std::result::Result<Roles, String> {
    let mut roles: Roles = [None; 5];
    for role in ROLES {
        if let Some(pin) = role.pin(pins) {
            let Some(index) = header.iter().position(|h| same_header(h, pin)) else {
                let label = role.label();
                return Err(format!(
                    "no column \"{pin}\" (pinned as the {label} column)"
                ));
            };
            roles[role as usize] = Some(index);
        }
    }
    Ok(roles)
}

/// The unpinned roles, found from the header's words; gives the columns
/// left over as extra columns (index, header).
fn detect_roles(
    header: &[String],
    pins: &ColumnPins,
    roles: &mut Roles,
) -> std::result::Result<Vec<(usize, String)>, String> {
    let pinned: Vec<usize> = roles.iter().flatten().copied().collect();
    let mut extra = Vec::new();
    for (index, cell) in header.iter().enumerate() {
        if pinned.contains(&index) {
            continue;
        }
        match role_of(cell).filter(|r| r.pin(pins).is_none()) {
            Some(role) => extra.extend(take_role(header, &mut roles[role as usize], role, index)?),
            None => extra.push((index, cell.clone())),
        }
    }
    Ok(extra)
}

/// Gives column `index` the role in `slot` unless a column already has it:
/// two code columns cannot both be the key; of a second description
/// (`Message` beside `Description`) or solution, one is kept as an extra
/// column, returned (a column named "description" is the description).
fn take_role(
    header: &[String],
    slot: &mut Option<usize>,
    role: Role,
    index: usize,
) -> std::result::Result<Option<(usize, String)>, String> {
    let cell = &header[index];
    let Some(previous) = *slot else {
        *slot = Some(index);
        return Ok(None);
    };
    if role == Role::Code || role == Role::Subcode {
        return Err(format!(
            "columns \"{}\" and \"{}\" both look like the {} column (pin one in the article's [columns])",
            header[previous],
            cell,
            role.label()
        ));
    }
    let named_description = |h: &str| words(h).iter().any(|w| w == "description");
    if role == Role::Description && named_description(cell) && !named_description(&header[previous])
    {
        *slot = Some(index);
        Ok(Some((previous, header[previous].clone())))
    } else {
        Ok(Some((index, cell.clone())))
    }
}

/// Extra columns are keyed by header: an empty or repeated header would
/// merge columns and lose their text, so each gets a name of its own.
fn name_extra_columns(header: &[String], extra: &mut [(usize, String)]) {
    let mut seen: Vec<String> = Vec::new();
    for (index, name) in extra {
        if name.trim().is_empty() {
            *name = format!("Column {}", *index + 1);
        }
        if seen.contains(name) {
            let base = name.clone();
            *name = (2..)
                .map(|n| format!("{base} ({n})"))
                .find(|candidate| !seen.contains(candidate) && !header.contains(candidate))
                .unwrap_or(base);
        }
        seen.push(name.clone());
    }
}

/// Whether a header cell names the code column, honouring a pin, for
/// readers that must find the header before they know its width.
pub fn names_code(cell: &str, pins: &ColumnPins) -> bool {
    match &pins.code {
        Some(pin) => same_header(cell, pin),
        None => role_of(cell.trim()) == Some(Role::Code),
    }
}

/// Whether a cell names any part of an error table (code, description, ...).
pub fn is_role_header(cell: &str) -> bool {
    role_of(cell).is_some()
}

/// A header as the errors show it: `"Code" | "Description"`.
pub(crate) fn show_header(header: &[String]) -> String {
    header
        .iter()
        .map(|h| format!("\"{h}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Picks the error table(s) by header and validates their rows. Several tables
/// with an error-code header are read in document order as one list, each
/// row keeping its table's section title.
pub fn select(format: Format, tables: Vec<RawTable>, pins: &ColumnPins) -> Result<Article> {
    let mut warnings = Vec::new();
    let mut chosen = error_tables(tables, pins, &mut warnings)?;
    // A section title says which of several tables a row came from; with one
    // table it is only the page's heading, so every reader drops it.
    if chosen.len() == 1 {
        chosen[0].0.section = None;
    }
    if chosen.len() > 1 && chosen.iter().any(|(t, _)| t.section.is_none()) {
        warnings.push(format!(
            "{} tables have an error-code header; their rows are read as one list",
            chosen.len()
        ));
    }
    let mut rows = Vec::new();
    // The table row each entry came from, counted over every chosen table
    // (a cell listing several codes gives several entries; a success row
    // none).
    let mut numbers = Vec::new();
    let mut read = 0;
    let mut extra_seen: Vec<String> = Vec::new();
    for (table, columns) in chosen {
        if let Some(problem) = &table.problem {
            return Err(
                Error::new(format!("the error table's header: {problem}")).at_line(table.line)
            );
        }
        if table.rows.is_empty() {
            return Err(Error::new(format!(
                "the error table {} has a header but no rows: expected at least one error code",
                show_header(&table.header)
            ))
            .at_line(table.line));
        }
        for (_, name) in &columns.extra {
            if !extra_seen.contains(name) {
                extra_seen.push(name.clone());
                warnings.push(format!(
                    "extra column \"{name}\" is kept in each entry's `extra` fields"
                ));
            }
        }
        for (index, raw) in table.rows.iter().enumerate() {
            read += 1;
            let last = index + 1 == table.rows.len();
            let entries = read_row(&table, &columns, raw, last).map_err(|e| e.at_row(read))?;
            for entry in entries {
                if is_success(&entry.code, &entry.description) {
                    warnings.push(format!(
                        "row {read}: code {} (\"{}\") reports success, not an error: left out of the error type",
                        entry.code, entry.description
                    ));
                    continue;
                }
                rows.push(entry);
                numbers.push(read);
            }
        }
    }
    let rows = crate::read::repeats::resolve(rows, numbers, pins.key, &mut warnings)?;
    Ok(Article {
        format,
        rows,
        warnings,
    })
}

/// The tables whose header maps to a [`ColumnMap`], each with its map; the
/// others are warned of (unless their header is blank) and, if no table is
/// chosen, listed in the error.
fn error_tables(
    tables: Vec<RawTable>,
    pins: &ColumnPins,
    warnings: &mut Vec<String>,
) -> Result<Vec<(RawTable, ColumnMap)>> {
    let mut chosen = Vec::new();
    let mut refused = Vec::new();
    for (index, table) in tables.into_iter().enumerate() {
        match columns(&table.header, pins) {
            Ok(columns) => chosen.push((table, columns)),
            Err(why) => {
                let place = table.line.map_or(format!("table {}", index + 1), |l| {
                    format!("table at line {l}")
                });
                let shown = show_header(&table.header);
                if !table.header.iter().all(|h| h.is_empty()) {
                    warnings.push(format!("ignored {place} with header {shown} ({why})"));
                }
                refused.push(format!("{place}: {shown} ({why})"));
            }
        }
    }
    if !chosen.is_empty() {
        return Ok(chosen);
    }
    let expected = "expected a table whose header names an error code and a description column";
    Err(if refused.is_empty() {
        Error::new(format!("no table found: {expected}"))
    } else {
        Error::new(format!(
            "no error table found: {expected}; the tables seen were:\n  {}",
            refused.join("\n  ")
        ))
    })
}

/// Reads one row of `table`: an entry per code its code cell lists, under
/// the table's section, each code's label (if the cell gives one) kept in
/// the entry's [`LABEL_FIELD`] extra field.
fn read_row(
    table: &RawTable,
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
            format!("the table ends in the middle of a row: {count}; expected the whole table")
        } else {
            count
        }));
    }
    let codes = codes_in(&raw.cells[columns.code]).map_err(located)?;
    let subcode = match columns.subcode {
        Some(column) => subcode_in(&raw.cells[column]).map_err(located)?,
        None => None,
    };
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
            section: table.section.clone(),
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

    fn cols(cells: &[&str]) -> std::result::Result<ColumnMap, String> {
        columns(&header(cells), &ColumnPins::default())
    }

    #[test]
    fn columns_are_found_by_meaning() {
        let c = cols(&["Solution", "Notes", "Error message", "Code"]).unwrap();
        assert_eq!((c.code, c.description, c.solution), (3, 2, Some(0)));
        assert_eq!(c.extra, vec![(1, "Notes".to_string())]);
        for h in [
            "Error code",
            "Code",
            "error codes",
            "Error",
            "Status code",
            "Return code",
        ] {
            assert_eq!(role_of(h), Some(Role::Code), "{h}");
        }
        for h in ["Error sub-code", "Subcode", "Sub code"] {
            assert_eq!(role_of(h), Some(Role::Subcode), "{h}");
        }
        for h in [
            "Description",
            "Message",
            "Error message",
            "User message",
            "Meaning",
            "Information",
        ] {
            assert_eq!(role_of(h), Some(Role::Description), "{h}");
        }
        for h in [
            "Solution",
            "Possible cause and suggested solution",
            "Action",
            "Action to take",
            "Recommended action",
            "Recommended solution",
            "Resolution",
            "How to fix",
        ] {
            assert_eq!(role_of(h), Some(Role::Solution), "{h}");
        }
        for h in ["Probable cause", "Possible reason", "Cause"] {
            assert_eq!(role_of(h), Some(Role::Cause), "{h}");
        }
        for h in ["HTTP status code", "Source", "Key", "Type"] {
            assert_eq!(role_of(h), None, "{h}");
        }
    }

    #[test]
    fn solution_is_optional_and_a_second_description_is_kept() {
        let c = cols(&["Error", "Description"]).unwrap();
        assert_eq!(c.solution, None);
        let c = cols(&["Code", "Message", "Description", "HTTP status code"]).unwrap();
        assert_eq!(c.description, 2);
        assert_eq!(
            c.extra,
            vec![
                (1, "Message".to_string()),
                (3, "HTTP status code".to_string())
            ]
        );
        let c = cols(&[
            "Error code",
            "Error sub-code",
            "Description",
            "Cause",
            "Fix",
        ])
        .unwrap();
        assert_eq!(
            (c.subcode, c.cause, c.solution),
            (Some(1), Some(3), Some(4))
        );
    }

    #[test]
    fn missing_and_ambiguous_columns_are_named() {
        let err = cols(&["Key", "Type", "Description"]).unwrap_err();
        assert!(err.starts_with("no code"), "{err}");
        let err = cols(&["Code", "Error code", "Description"]).unwrap_err();
        assert!(
            err.contains("\"Code\" and \"Error code\" both look like the code"),
            "{err}"
        );
    }

    #[test]
    fn pins_override_detection() {
        let pins = ColumnPins {
            code: Some("error  CODE".into()),
            description: Some("Notes".into()),
            ..ColumnPins::default()
        };
        let c = columns(&header(&["Code", "Error code", "Notes"]), &pins).unwrap();
        assert_eq!((c.code, c.description), (1, 2));
        assert_eq!(c.extra, vec![(0, "Code".to_string())]);
        let err = columns(&header(&["Code", "Description"]), &pins).unwrap_err();
        assert!(err.contains("no column \"error  CODE\""), "{err}");
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
                    problem: None,
                })
                .collect(),
            ..RawTable::default()
        }
    }

    #[test]
    fn pinned_roles_come_first_and_a_missing_pin_refuses_the_table() {
        let pins = ColumnPins {
            solution: Some("notes".into()),
            ..ColumnPins::default()
        };
        let roles = pinned_roles(&header(&["Code", "Notes"]), &pins).unwrap();
        assert_eq!(roles, [None, None, None, Some(1), None]);
        let err = pinned_roles(&header(&["Code"]), &pins).unwrap_err();
        assert!(
            err.starts_with("no column \"notes\" (pinned as the solution"),
            "{err}"
        );
    }

    #[test]
    fn detected_roles_leave_the_other_columns_extra() {
        let pins = ColumnPins {
            solution: Some("Notes".into()),
            ..ColumnPins::default()
        };
        let head = header(&["Notes", "Code", "Fix", "Owner", "Description"]);
        let mut roles = pinned_roles(&head, &pins).unwrap();
        let extra = detect_roles(&head, &pins, &mut roles).unwrap();
        assert_eq!(roles, [Some(1), None, Some(4), Some(0), None]);
        // "Fix" would be the solution, but the pin says otherwise.
        assert_eq!(extra, [(2, "Fix".to_string()), (3, "Owner".to_string())]);
    }

    #[test]
    fn a_role_taken_twice_is_ambiguous_or_kept_extra() {
        let head = header(&["Code", "Error code", "Message", "Description", "Notes"]);
        let mut slot = Some(0);
        let err = take_role(&head, &mut slot, Role::Code, 1).unwrap_err();
        assert!(err.contains("both look like the code"), "{err}");
        let mut slot = None;
        assert_eq!(take_role(&head, &mut slot, Role::Description, 2), Ok(None));
        assert_eq!(
            take_role(&head, &mut slot, Role::Description, 3),
            Ok(Some((2, "Message".to_string())))
        );
        assert_eq!(slot, Some(3), "the column named description wins");
        assert_eq!(
            take_role(&head, &mut slot, Role::Description, 4),
            Ok(Some((4, "Notes".to_string())))
        );
    }

    #[test]
    fn extra_columns_get_names_of_their_own() {
        let head = header(&["Code", "", "Note", "Note", "Note (2)"]);
        let mut extra: Vec<(usize, String)> = (1..5).map(|i| (i, head[i].clone())).collect();
        name_extra_columns(&head, &mut extra);
        let names: Vec<&str> = extra.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Column 2", "Note", "Note (3)", "Note (2)"]);
    }

    #[test]
    fn a_column_map_needs_a_code_and_a_description() {
        assert_eq!(cols(&["Code", "Description"]).map(|c| c.code), Ok(0));
        let err = cols(&["Solution"]).unwrap_err();
        assert!(
            err.starts_with("no code (")
                && err.contains("), no description (")
                && err.ends_with(") column"),
            "{err}"
        );
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
