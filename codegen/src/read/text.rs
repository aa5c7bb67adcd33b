//! Copied text: what selecting the article in a browser and copying gives.
//!
//! Two shapes occur. Copying a whole page gives the captured form: intro prose,
//! then every cell ended by `|`, cells split over lines, no row separators, so
//! the header row tells the column count. Copying just the table out of Chrome
//! or Firefox gives TSV: one row a line, cells separated by tabs.

use crate::error::{Error, Result};
use crate::model::{Code, Format};
use crate::read::markdown::Lines;
use crate::read::normalize::{cell_from_lines, collapse, strip_code_decoration};
use crate::read::table::{self, Article, RawRow, RawTable};

pub fn read(text: &str) -> Result<Article> {
    let tsv = text
        .lines()
        .any(|line| line.contains('\t') && line.split('\t').any(table::is_code_header));
    let tables = if tsv {
        vec![tsv_table(text)?]
    } else if text.contains('|') {
        vec![pipe_table(text)?]
    } else if text.contains('\t') {
        vec![tsv_table(text)?]
    } else {
        Vec::new()
    };
    let mut article = table::select(Format::Text, tables)?;
    if !tsv && trailing_text(text).is_some() {
        article
            .warnings
            .push("text after the table's last `|` was ignored".into());
    }
    Ok(article)
}

/// One `|`-ended cell: its raw text and the offset where that text starts.
struct Segment<'a> {
    text: &'a str,
    start: usize,
}

impl Segment<'_> {
    /// The line where the cell's text begins (after leading whitespace).
    fn line(&self, lines: &Lines) -> usize {
        let skipped = self.text.len() - self.text.trim_start().len();
        lines.line(self.start + skipped)
    }

    fn last_line(&self) -> &str {
        self.text
            .trim()
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .trim()
    }

    fn is_single_line(&self) -> bool {
        !self.text.trim().contains('\n')
    }
}

fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (index, _) in text.match_indices('|') {
        out.push(Segment {
            text: &text[start..index],
            start,
        });
        start = index + 1;
    }
    out
}

fn trailing_text(text: &str) -> Option<&str> {
    let rest = text.rsplit_once('|').map_or("", |(_, rest)| rest).trim();
    (!rest.is_empty()).then_some(rest)
}

/// More columns than this is not an error table a person wrote.
const MAX_COLUMNS: usize = 16;

fn looks_like_code(cell: &str) -> bool {
    Code::parse(strip_code_decoration(&collapse(cell))).is_ok()
}

/// Header cells are short labels; a cell that starts with a digit, ends like
/// a sentence or reads as a code is a row's value (perhaps a malformed code).
fn looks_like_a_value(cell: &str) -> bool {
    cell.starts_with(|c: char| c.is_ascii_digit())
        || cell.ends_with(['.', '!', '?'])
        || looks_like_code(cell)
}

fn pipe_table(text: &str) -> Result<RawTable> {
    // Built once: counting lines from the start for every row was quadratic.
    let lines = Lines::new(text);
    let cells = segments(text);
    let Some(code_header) = cells
        .iter()
        .position(|c| table::is_code_header(c.last_line()))
    else {
        // No code column anywhere: hand the first cells on as the header seen,
        // so the error can show what the table did have.
        let header = cells
            .iter()
            .take(8)
            .map(|c| collapse(c.last_line()))
            .collect();
        return Ok(RawTable {
            header,
            line: cells.first().map(|c| c.line(&lines)),
            rows: Vec::new(),
            problem: None,
        });
    };
    // Header cells before the code column: single short lines, walking back;
    // the first header cell may share its segment with the intro prose.
    let mut start = code_header;
    while start > 0 {
        let previous = &cells[start - 1];
        if previous.last_line().is_empty() || previous.last_line().chars().count() > 60 {
            break;
        }
        start -= 1;
        if !previous.is_single_line() {
            break;
        }
    }
    // The header is as wide as the smallest run of header-like cells that
    // names all three columns and is followed by a row whose code cell holds a
    // code. (The first number after the header may sit in another column.)
    let code_offset = code_header - start;
    let header_like = |c: &Segment<'_>| {
        let text = c.last_line();
        c.is_single_line() && text.chars().count() <= 60 && !looks_like_a_value(text)
    };
    let header_of = |width: usize| -> Vec<String> {
        cells[start..start + width]
            .iter()
            .map(|c| collapse(c.last_line()))
            .collect()
    };
    let width_fits = |width: usize| {
        cells[start + 1..start + width].iter().all(header_like)
            && table::columns(&header_of(width)).is_ok()
            && cells
                .get(start + width + code_offset)
                .is_some_and(|c| looks_like_code(c.text))
    };
    let widest = (cells.len() - start).min(MAX_COLUMNS);
    let header_end = match (code_offset + 1..=widest).find(|&w| width_fits(w)) {
        Some(width) => start + width,
        // No width is followed by a code. Take the narrowest header that names
        // every column, so a malformed code in the first row is reported on
        // its row instead of being read as more header (which would fold
        // every second row into the one before).
        None => match (code_offset + 1..=widest).find(|&w| table::columns(&header_of(w)).is_ok()) {
            Some(width) => start + width,
            // Not even that: hand on the cells up to the first code-like one,
            // so the error names the header that was seen.
            None => cells[code_header + 1..]
                .iter()
                .position(|c| looks_like_code(c.text))
                .map_or(cells.len(), |i| start + i + 1),
        },
    };
    let header_line =
        Some(cells[start].line(&lines) + cells[start].text.trim().matches('\n').count());
    let header: Vec<String> = cells[start..header_end]
        .iter()
        .map(|c| collapse(c.last_line()))
        .collect();
    let width = header.len();
    let body = &cells[header_end..];
    if width > 0 && !body.len().is_multiple_of(width) {
        let complete = body.len() / width;
        let last = body.last().map(|c| c.line(&lines));
        return Err(Error::new(format!(
            "the table has {} cells after its header, not a multiple of its {width} columns ({}): a cell is missing or has a stray `|`; expected every row to end each of its {width} cells with `|` ({complete} complete rows read)",
            body.len(),
            header.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(" | ")
        ))
        .at_line(last));
    }
    let rows = body
        .chunks(width.max(1))
        .map(|row| RawRow {
            cells: row.iter().map(|c| cell_from_lines(c.text)).collect(),
            line: Some(row[0].line(&lines)),
            problem: None,
        })
        .collect();
    Ok(RawTable {
        header,
        line: header_line,
        rows,
        problem: None,
    })
}

fn tsv_table(text: &str) -> Result<RawTable> {
    let lines: Vec<&str> = text.split('\n').collect();
    let split = |line: &str| line.split('\t').map(cell_from_lines).collect::<Vec<_>>();
    let header_at = lines
        .iter()
        .position(|l| l.contains('\t') && l.split('\t').any(table::is_code_header))
        .or_else(|| lines.iter().position(|l| l.contains('\t')))
        .unwrap_or(0);
    let header = split(lines[header_at]);
    let mut rows: Vec<RawRow> = Vec::new();
    // The table runs to its last tab-separated line (and that row's
    // continuation lines): a blank line between two rows, as some copies
    // have, must not end it and drop the rows after it.
    let last_row = lines.iter().rposition(|l| l.contains('\t')).unwrap_or(0);
    for (index, line) in lines.iter().enumerate().skip(header_at + 1) {
        if line.trim().is_empty() {
            if index < last_row {
                continue;
            }
            break; // After the last row, a blank line ends the table.
        }
        if !line.contains('\t') {
            match rows.last_mut() {
                // A cell with several paragraphs continues on tab-less lines.
                Some(row) => {
                    let last = row
                        .cells
                        .last_mut()
                        .expect("a row read from a line has a cell");
                    let more = cell_from_lines(line);
                    if !more.is_empty() {
                        if !last.is_empty() {
                            last.push('\n');
                        }
                        last.push_str(&more);
                    }
                    continue;
                }
                None => break,
            }
        }
        rows.push(RawRow {
            cells: split(line),
            line: Some(index + 1),
            problem: None,
        });
    }
    Ok(RawTable {
        header,
        line: Some(header_at + 1),
        rows,
        problem: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_pipe_form_with_prose_before_and_after() {
        let text = "Intro with no bars.\nError code |\nDescription |\nSolution |\n1 |\nOne.\n|\nFix\nit.\n|\n2 | Two. | |\nWas this helpful?";
        let article = read(text).unwrap();
        let codes: Vec<_> = article.rows.iter().map(|r| r.code.to_string()).collect();
        assert_eq!(codes, ["1", "2"]);
        assert_eq!(article.rows[0].solution, "Fix\nit.");
        assert_eq!(article.rows[0].line, Some(5));
        assert_eq!(article.rows[1].solution, "");
        assert_eq!(
            article.warnings,
            ["text after the table's last `|` was ignored"]
        );
    }

    #[test]
    fn reads_tsv_with_continuation_lines() {
        let text = "Error code\tDescription\tSolution\n1\tOne.\tFirst\nsecond paragraph\n2\tTwo.\tFix\n\nAfter.";
        let article = read(text).unwrap();
        assert_eq!(article.rows.len(), 2);
        assert_eq!(article.rows[0].solution, "First\nsecond paragraph");
        assert_eq!(article.rows[1].line, Some(4));
    }

    #[test]
    fn a_missing_cell_is_refused_with_the_count() {
        let err = read("Error code |\nDescription |\nSolution |\n1 | One. | Fix |\n2 | Two. |")
            .unwrap_err();
        assert!(
            err.message
                .contains("5 cells after its header, not a multiple of its 3 columns"),
            "{err}"
        );
        assert_eq!(err.line, Some(5));
    }
}
