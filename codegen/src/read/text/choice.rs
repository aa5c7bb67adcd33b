//! Which of the text shapes is read. Every shape that applies is read, and
//! the one whose tables most surely hold an error table wins: a header naming
//! the columns over cells that hold codes beats a header alone, which beats
//! columns told by content. A `|` or a tab is no proof of a shape (a
//! breadcrumb, a decoy `Key | Type | Description` table copied `|`-ended, a
//! stray tab may sit before a table copied one paragraph per cell), so a
//! shape that finds no error table, or refuses its cells, does not stop
//! another from being read: whatever was not taken is warned of.

use crate::error::Result;
use crate::read::code_cell::codes_in;
use crate::read::content;
use crate::read::pins::ColumnPins;
use crate::read::table::{self, RawTable};

/// A shape's reader: its tables, and what it warns of.
pub(super) type Reader = fn(&str, &ColumnPins, &mut Vec<String>) -> Result<Vec<RawTable>>;

/// One shape of copied text that applies, as messages name it.
pub(super) struct Shape {
    pub name: &'static str,
    pub read: Reader,
}

/// How surely a table is an error table, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Evidence {
    None,
    /// Its cells show a code column of words beside prose (which a table of
    /// field names also has).
    ContentWords,
    /// Its cells show a code column with a digit in every code.
    ContentDigits,
    /// Its header names the columns, but a code cell holds no code (or
    /// there is no row).
    Header,
    /// Its header names the columns, and every code cell holds codes.
    HeaderCodes,
    /// And every code holds a digit.
    HeaderDigits,
}

impl Evidence {
    /// Why a reading with this evidence was taken.
    fn why(self) -> &'static str {
        match self {
            Evidence::HeaderDigits => "its header names the columns and every code has a digit",
            Evidence::HeaderCodes => {
                "its header names the columns and every code cell holds a code"
            }
            Evidence::Header => "its header names the columns",
            _ => "its cells show the columns",
        }
    }
}

/// What one table's header and cells say of it.
pub(super) fn evidence(table: &RawTable, pins: &ColumnPins) -> Evidence {
    let rows = table::full_rows(table);
    if let Ok(map) = table::columns(&table.header, pins) {
        let codes = !rows.is_empty() && rows.iter().all(|r| codes_in(&r[map.code]).is_ok());
        return match codes {
            false => Evidence::Header,
            true if content::digit_codes(&rows, map.code) => Evidence::HeaderDigits,
            true => Evidence::HeaderCodes,
        };
    }
    match content::guess(&table.header, &rows, pins) {
        Ok(guess) if guess.digits => Evidence::ContentDigits,
        Ok(_) => Evidence::ContentWords,
        Err(_) => Evidence::None,
    }
}

/// The code column of a table, by its header or else by its cells.
pub(super) fn code_column(table: &RawTable, pins: &ColumnPins) -> Option<usize> {
    table::columns(&table.header, pins)
        .map(|map| map.code)
        .or_else(|_| {
            content::guess(&table.header, &table::full_rows(table), pins).map(|g| g.map.code)
        })
        .ok()
}

/// One shape's reading: its tables and warnings, or its refusal.
struct Tried {
    name: &'static str,
    read: Result<(Vec<RawTable>, Vec<String>)>,
    evidence: Evidence,
}

impl Tried {
    /// The header and rows of the tables that may be error tables: two
    /// shapes that read the same cells do not disagree.
    fn reading(&self, pins: &ColumnPins) -> Vec<(&[String], Vec<&[String]>)> {
        let tables = self.read.iter().flat_map(|(tables, _)| tables);
        tables
            .filter(|t| evidence(t, pins) > Evidence::None)
            .map(|t| {
                (
                    t.header.as_slice(),
                    t.rows.iter().map(|r| r.cells.as_slice()).collect(),
                )
            })
            .collect()
    }
}

/// The tables of the shape that most surely holds an error table (of a tie,
/// the first). A refusal of an earlier shape stands unless
/// another shape's header and code cells show an error table; with no error
/// table anywhere, the first shape that saw a table says what was seen.
pub(super) fn read_best(
    text: &str,
    pins: &ColumnPins,
    shapes: impl IntoIterator<Item = Shape>,
    warnings: &mut Vec<String>,
) -> Result<Vec<RawTable>> {
    let mut tried: Vec<Tried> = shapes
        .into_iter()
        .map(|shape| {
            let mut said = Vec::new();
            let read = (shape.read)(text, pins, &mut said).map(|tables| (tables, said));
            let tables = read.iter().flat_map(|(tables, _)| tables);
            let evidence = tables.map(|t| evidence(t, pins)).max();
            Tried {
                name: shape.name,
                read,
                evidence: evidence.unwrap_or(Evidence::None),
            }
        })
        .collect();
    let best = (0..tried.len())
        .filter(|&i| tried[i].evidence > Evidence::None)
        .max_by_key(|&i| (tried[i].evidence, std::cmp::Reverse(i)));
    let first_refusal = tried.iter().position(|t| t.read.is_err());
    let best = best.filter(|&best| {
        tried[best].evidence >= Evidence::HeaderCodes || first_refusal.is_none_or(|r| r > best)
    });
    if let Some(best) = best {
        warn_not_taken(&tried, best, pins, warnings);
        let (tables, said) = tried.swap_remove(best).read?;
        warnings.extend(said);
        return Ok(tables);
    }
    if let Some(refusal) = first_refusal {
        tried.swap_remove(refusal).read?;
    }
    Ok(first_seen(tried, warnings))
}

/// Warns of the shapes not taken beside `best`: a refusal, or another
/// reading whose header names an error table.
fn warn_not_taken(tried: &[Tried], best: usize, pins: &ColumnPins, warnings: &mut Vec<String>) {
    let taken = &tried[best];
    let reading = taken.reading(pins);
    for (index, other) in tried.iter().enumerate().filter(|(i, _)| *i != best) {
        match &other.read {
            Err(e) => warnings.push(format!(
                "the text does not read as {}{}: {}; it was read as {} instead",
                other.name,
                e.line.map_or(String::new(), |l| format!(" (line {l})")),
                e.message,
                taken.name
            )),
            Ok((tables, _))
                if other.evidence >= Evidence::Header && other.reading(pins) != reading =>
            {
                let line = tables
                    .iter()
                    .find(|t| evidence(t, pins) == other.evidence)
                    .and_then(|t| t.line)
                    .map_or(String::new(), |l| format!(" (a table at line {l})"));
                let order = if taken.evidence == other.evidence && index > best {
                    ", and it is tried first"
                } else {
                    ""
                };
                warnings.push(format!(
                    "the text also reads as {}{line}, which was not read: it was read as {}, as {}{order}",
                    other.name,
                    taken.name,
                    taken.evidence.why()
                ));
            }
            Ok(_) => {}
        }
    }
}

/// With no error table in any shape: the tables of the first shape that
/// saw any, and its warnings, so the refusal says what was seen.
fn first_seen(tried: Vec<Tried>, warnings: &mut Vec<String>) -> Vec<RawTable> {
    let readings: Vec<_> = tried.into_iter().filter_map(|t| t.read.ok()).collect();
    let seen = readings.iter().position(|(tables, _)| !tables.is_empty());
    let Some((tables, said)) = readings.into_iter().nth(seen.unwrap_or(0)) else {
        return Vec::new();
    };
    warnings.extend(said);
    tables
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::read::table::RawRow;

    fn table(header: &[&str], rows: &[&[&str]]) -> RawTable {
        let strings = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect();
        RawTable {
            header: strings(header),
            rows: rows
                .iter()
                .map(|r| RawRow {
                    cells: strings(r),
                    line: None,
                    ..RawRow::default()
                })
                .collect(),
            ..RawTable::default()
        }
    }

    #[test]
    fn evidence_ranks_headers_over_content_and_digits_over_words() {
        let pins = ColumnPins::default();
        let header = ["Error code", "Description"];
        let of = |h: &[&str], rows: &[&[&str]]| evidence(&table(h, rows), &pins);
        assert_eq!(of(&header, &[&["1", "One."]]), Evidence::HeaderDigits);
        assert_eq!(of(&header, &[&["bad_id", "Bad."]]), Evidence::HeaderCodes);
        assert_eq!(of(&header, &[&["two words", "Bad."]]), Evidence::Header);
        assert_eq!(of(&header, &[]), Evidence::Header);
        let body: &[&[&str]] = &[&["1", "One."], &["2", "Two."]];
        assert_eq!(of(&["Param", "Notes"], body), Evidence::ContentDigits);
        let words: &[&[&str]] = &[&["bad_token", "A bad token."], &["expired", "Too late."]];
        assert_eq!(of(&["Key", "Notes"], words), Evidence::ContentWords);
        assert_eq!(of(&["Home", "Docs"], &[&["Errors", "API"]]), Evidence::None);
        assert!(Evidence::ContentDigits < Evidence::Header);
    }

    fn shapes_of(first: Reader, second: Reader) -> [Shape; 2] {
        [
            Shape {
                name: "first",
                read: first,
            },
            Shape {
                name: "second",
                read: second,
            },
        ]
    }

    #[test]
    fn a_refusal_stands_unless_another_shape_shows_codes_under_a_header() {
        let refuse: Reader = |_, _, _| Err(Error::new("cut").at_line(Some(3)));
        let codes: Reader = |_, _, _| Ok(vec![table(&["Code", "Description"], &[&["1", "One."]])]);
        let no_rows: Reader = |_, _, _| Ok(vec![table(&["Code", "Description"], &[])]);
        let pins = ColumnPins::default();
        let mut warnings = Vec::new();
        let tables = read_best("", &pins, shapes_of(refuse, codes), &mut warnings).unwrap();
        assert_eq!(tables[0].rows.len(), 1);
        assert_eq!(
            warnings,
            ["the text does not read as first (line 3): cut; it was read as second instead"]
        );
        let err = read_best("", &pins, shapes_of(refuse, no_rows), &mut Vec::new()).unwrap_err();
        assert_eq!(err.message, "cut");
        // A weaker shape read before the refusal is taken.
        let mut warnings = Vec::new();
        read_best("", &pins, shapes_of(no_rows, refuse), &mut warnings).unwrap();
        assert_eq!(warnings.len(), 1, "the refusal is warned of");
    }
}
