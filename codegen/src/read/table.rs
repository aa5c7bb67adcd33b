//! The reader-independent half of reading: every reader turns its input into
//! [`RawTable`]s of normalised cell text; this module finds the error table by
//! its header, maps columns by meaning, and validates each row.

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Result};
use crate::model::{Code, Format};
use crate::read::normalize::strip_code_decoration;

/// A table as a reader saw it, before anyone decided what its columns mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTable {
    pub header: Vec<String>,
    /// Line of the header, where the format has lines.
    pub line: Option<usize>,
    pub rows: Vec<RawRow>,
    /// Something about the header that makes the table unreadable if chosen.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub cells: Vec<String>,
    pub line: Option<usize>,
    /// Something that makes the row unreadable (merged cells, say).
    pub problem: Option<String>,
}

/// One validated row of the article: only what the article itself says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRow {
    pub code: Code,
    pub description: String,
    pub solution: String,
    pub extra: BTreeMap<String, String>,
    pub line: Option<usize>,
}

/// Everything read from one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub format: Format,
    pub rows: Vec<ArticleRow>,
    /// Things worth a maintainer's attention that are not errors.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Code,
    Description,
    Solution,
}

impl Role {
    fn label(self) -> &'static str {
        match self {
            Role::Code => "code (\"Error code\", \"Code\")",
            Role::Description => "description (\"Description\", \"Error message\", \"Message\")",
            Role::Solution => {
                "solution (\"Possible cause and suggested solution\", \"Solution\", \"How to fix\")"
            }
        }
    }
}

/// Which column plays which part, found from the header's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    code: usize,
    description: usize,
    solution: usize,
    extra: Vec<(usize, String)>,
}

/// Header cells longer than this are content, not a header (layout tables).
const MAX_HEADER_LEN: usize = 60;

fn role_of(header: &str) -> Option<Role> {
    if header.chars().count() > MAX_HEADER_LEN {
        return None;
    }
    let lower = header.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    if has("solution")
        || has("solutions")
        || has("fix")
        || has("resolution")
        || has("cause")
        || has("remedy")
    {
        Some(Role::Solution)
    } else if has("description") || has("message") || has("meaning") {
        Some(Role::Description)
    } else if words.len() <= 3 && matches!(words.last(), Some(&"code") | Some(&"codes")) {
        Some(Role::Code)
    } else {
        None
    }
}

/// Maps header cells to roles; the error says what is missing or ambiguous.
pub fn columns(header: &[String]) -> std::result::Result<Columns, String> {
    let mut roles: [Option<usize>; 3] = [None; 3];
    let mut extra = Vec::new();
    for (index, cell) in header.iter().enumerate() {
        match role_of(cell) {
            Some(role) => {
                let slot = &mut roles[role as usize];
                if let Some(previous) = *slot {
                    return Err(format!(
                        "columns \"{}\" and \"{}\" both look like the {} column",
                        header[previous],
                        cell,
                        role.label()
                    ));
                }
                *slot = Some(index);
            }
            None => extra.push((index, cell.clone())),
        }
    }
    // Extra columns are keyed by header: an empty or repeated header would
    // merge columns and lose their text, so each gets a name of its own.
    let mut seen: Vec<String> = Vec::new();
    for (index, name) in &mut extra {
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
    let missing: Vec<&str> = [Role::Code, Role::Description, Role::Solution]
        .into_iter()
        .filter(|r| roles[*r as usize].is_none())
        .map(Role::label)
        .collect();
    match roles {
        [Some(code), Some(description), Some(solution)] => Ok(Columns {
            code,
            description,
            solution,
            extra,
        }),
        _ => Err(format!("no {} column", missing.join(", no "))),
    }
}

/// Finds the column role of the header cell, for the copied-text reader which
/// must locate the code column before it knows where the header ends.
pub fn is_code_header(cell: &str) -> bool {
    role_of(cell) == Some(Role::Code)
}

fn show_header(header: &[String]) -> String {
    header
        .iter()
        .map(|h| format!("\"{h}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Picks the error table(s) by header and validates their rows. Several tables
/// with an error-code header are read in document order as one list.
pub fn select(format: Format, tables: Vec<RawTable>) -> Result<Article> {
    let mut warnings = Vec::new();
    let mut chosen = Vec::new();
    let mut refused = Vec::new();
    for (index, table) in tables.into_iter().enumerate() {
        match columns(&table.header) {
            Ok(columns) => chosen.push((table, columns)),
            Err(why) => {
                let place = table.line.map_or(format!("table {}", index + 1), |l| {
                    format!("table at line {l}")
                });
                if !table.header.iter().all(|h| h.is_empty()) {
                    warnings.push(format!(
                        "ignored {place} with header {}",
                        show_header(&table.header)
                    ));
                }
                refused.push(format!("{place}: {} ({why})", show_header(&table.header)));
            }
        }
    }
    if chosen.is_empty() {
        let expected = "expected a table whose header names an error code, a description and a solution column";
        return Err(if refused.is_empty() {
            Error::new(format!("no table found: {expected}"))
        } else {
            Error::new(format!(
                "no error table found: {expected}; the tables seen were:\n  {}",
                refused.join("\n  ")
            ))
        });
    }
    if chosen.len() > 1 {
        warnings.push(format!(
            "{} tables have an error-code header; their rows are read as one list",
            chosen.len()
        ));
    }
    let mut rows = Vec::new();
    let mut seen: HashMap<Code, (usize, Option<usize>)> = HashMap::new();
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
            warnings.push(format!(
                "extra column \"{name}\" is kept in each entry's `extra` fields"
            ));
        }
        for raw in table.rows {
            let number = rows.len() + 1;
            let row = read_row(&table.header, &columns, raw).map_err(|e| e.at_row(number))?;
            if let Some((first, first_line)) = seen.insert(row.code.clone(), (number, row.line)) {
                let at = first_line.map_or(String::new(), |l| format!(" (line {l})"));
                return Err(Error::new(format!(
                    "code {} appears twice: first in row {first}{at}; expected each code once",
                    row.code
                ))
                .at_line(row.line)
                .at_row(number));
            }
            rows.push(row);
        }
    }
    Ok(Article {
        format,
        rows,
        warnings,
    })
}

fn read_row(header: &[String], columns: &Columns, raw: RawRow) -> Result<ArticleRow> {
    let located = |message: String| Error::new(message).at_line(raw.line);
    if let Some(problem) = raw.problem {
        return Err(located(problem));
    }
    if raw.cells.len() != header.len() {
        return Err(located(format!(
            "{} cells, expected {} ({})",
            raw.cells.len(),
            header.len(),
            show_header(header)
        )));
    }
    let code = Code::parse(strip_code_decoration(&raw.cells[columns.code])).map_err(located)?;
    let description = raw.cells[columns.description].clone();
    if description.is_empty() {
        return Err(located(format!(
            "code {code}: empty description: expected the error's description"
        )));
    }
    let extra = columns
        .extra
        .iter()
        .map(|(i, name)| (name.clone(), raw.cells[*i].clone()))
        .collect();
    Ok(ArticleRow {
        code,
        description,
        solution: raw.cells[columns.solution].clone(),
        extra,
        line: raw.line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn columns_are_found_by_meaning() {
        let c = columns(&header(&["Solution", "Notes", "Error message", "Code"])).unwrap();
        assert_eq!((c.code, c.description, c.solution), (3, 2, 0));
        assert_eq!(c.extra, vec![(1, "Notes".to_string())]);
        for h in ["Error code", "Code", "error codes"] {
            assert_eq!(role_of(h), Some(Role::Code), "{h}");
        }
        for h in [
            "Possible cause and suggested solution",
            "How to fix",
            "Cause and solution",
            "Suggested solution",
        ] {
            assert_eq!(role_of(h), Some(Role::Solution), "{h}");
        }
    }

    #[test]
    fn missing_and_ambiguous_columns_are_named() {
        let err = columns(&header(&["Error code", "Description"])).unwrap_err();
        assert!(err.starts_with("no solution"), "{err}");
        let err = columns(&header(&["Code", "Description", "Message", "Fix"])).unwrap_err();
        assert!(
            err.contains("\"Description\" and \"Message\" both look like the description"),
            "{err}"
        );
    }
}
