//! Copied text: what selecting the article in a browser and copying gives.
//!
//! Four shapes occur:
//! - the captured form of a whole page: intro prose, then every cell ended by
//!   `|`, cells split over lines, no row separators, so the header row tells
//!   the column count; several tables repeat the header under a title;
//! - `|` lines, one row a line, with or without outer `|` and a `---` row, a
//!   cell's text perhaps continuing on the next line;
//! - TSV, from copying just the table out of Chrome or Firefox;
//! - one paragraph per cell (blank lines between cells), the header's cells
//!   one per line, so the header tells the width.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::model::{Code, Format};
use crate::read::lines::Lines;
use crate::read::normalize::{cell_from_lines, collapse, strip_code_decoration};
use crate::read::pins::ColumnPins;
use crate::read::table::{self, Article, Found, RawRow, RawTable};

pub fn read(text: &str, pins: &ColumnPins) -> Result<Article> {
    found(text, pins)?.select(Format::Text, pins)
}

/// The tables of whichever shape the text has. The column pins matter here
/// already: they say which line is a header.
pub fn found(text: &str, pins: &ColumnPins) -> Result<Found> {
    let (tsv, line_form) = line_headers(text, pins);
    let mut warnings = Vec::new();
    let tables = if tsv {
        vec![tsv_table(text, pins)?]
    } else if line_form {
        line_tables(text, pins, &mut warnings)
    } else if text.contains('|') {
        let tables = pipe_tables(text, pins)?;
        if trailing_text(text).is_some() {
            warnings.push("text after the table's last `|` was ignored".into());
        }
        tables
    } else if text.contains('\t') {
        vec![tsv_table(text, pins)?]
    } else {
        paragraph_tables(text, pins, &mut warnings)?
    };
    Ok(Found { tables, warnings })
}

/// Whether a line is a TSV header (a tab-separated cell names the code
/// column), and whether one is a `|` header (two cells or more, one naming
/// it). A TSV header decides the shape, so the `|` answer is then false. One
/// pass over the lines: the copied text of a large table is megabytes.
fn line_headers(text: &str, pins: &ColumnPins) -> (bool, bool) {
    let names_code = |cell: &str| table::names_code(cell, pins);
    let mut line_form = false;
    for line in text.lines() {
        if line.contains('\t') && line.split('\t').any(names_code) {
            return (true, false);
        }
        line_form = line_form || {
            let cells = split_pipe_line(line);
            cells.len() >= 2 && cells.iter().any(|c| names_code(c))
        };
    }
    (false, line_form)
}

/// A line a title could be: short, one line, not a sentence.
fn title_like(text: &str) -> Option<String> {
    let text = collapse(text);
    let ok = !text.is_empty()
        && text.chars().count() <= 80
        && !text.ends_with(['.', ':', ',', ';', '|', '?', '!']);
    ok.then_some(text)
}

/// The cells of one `|` line: outer pipes optional, `\|` is a literal `|`.
/// Cells borrow the line unless they hold a `\|` (every line of a copy is
/// tried as a header, so most lines are split without a copy).
fn split_pipe_line(line: &str) -> Vec<Cow<'_, str>> {
    let line = line.trim();
    if !line.contains('|') || crate::read::markdown::is_delimiter_row(line) {
        return Vec::new();
    }
    let mut cells: Vec<Cow<'_, str>> = Vec::new();
    let mut start = 0;
    let mut escaped: Option<String> = None;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if bytes.get(i + 1) == Some(&b'|') => {
                let cell = escaped.get_or_insert_with(String::new);
                cell.push_str(&line[start..i]);
                cell.push('|');
                i += 2;
                start = i;
                continue;
            }
            b'|' => {
                cells.push(finish_cell(escaped.take(), &line[start..i]));
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    cells.push(finish_cell(escaped, &line[start..]));
    if line.starts_with('|') {
        cells.remove(0);
    }
    if line.ends_with('|') && !line.ends_with("\\|") && !cells.is_empty() {
        cells.pop();
    }
    cells
}

/// A cell of [`split_pipe_line`]: the text since its last `\|`, after the
/// text up to it if it had one.
fn finish_cell<'a>(escaped: Option<String>, rest: &'a str) -> Cow<'a, str> {
    match escaped {
        Some(mut cell) => {
            cell.push_str(rest);
            Cow::Owned(cell)
        }
        None => Cow::Borrowed(rest),
    }
}

/// `|` lines: one row a line (a row with too few cells takes the next lines
/// until it has them; a line with no `|` right after a row continues its last
/// cell). A blank line followed by prose, or a new header, ends a table.
fn line_tables(text: &str, pins: &ColumnPins, warnings: &mut Vec<String>) -> Vec<RawTable> {
    let lines: Vec<&str> = text.split('\n').collect();
    // A header line: two cells or more, followed by a `---` row or naming
    // only parts of an error table (the code among them).
    let is_header = |index: usize| {
        let cells = split_pipe_line(lines[index]);
        let next_is_delimiter = lines
            .get(index + 1)
            .is_some_and(|l| crate::read::markdown::is_delimiter_row(l));
        cells.len() >= 2
            && (next_is_delimiter
                || (cells.iter().any(|c| table::names_code(c, pins))
                    && cells
                        .iter()
                        .all(|c| table::is_role_header(c) || c.trim().is_empty())))
    };
    let mut tables = Vec::new();
    let mut title: Option<String> = None;
    let mut i = 0;
    while i < lines.len() {
        if !is_header(i) {
            let line = lines[i].trim();
            if !line.is_empty() {
                title = title_like(line.trim_start_matches('#'));
            }
            i += 1;
            continue;
        }
        let header: Vec<String> = split_pipe_line(lines[i])
            .iter()
            .map(|c| collapse(c))
            .collect();
        let mut table = RawTable {
            header,
            line: Some(i + 1),
            section: title.take(),
            ..RawTable::default()
        };
        let width = table.header.len();
        i += 1;
        if lines
            .get(i)
            .is_some_and(|l| crate::read::markdown::is_delimiter_row(l))
        {
            i += 1;
        }
        let mut after_blank = false;
        while i < lines.len() {
            let line = lines[i];
            if line.trim().is_empty() {
                after_blank = true;
                i += 1;
                continue;
            }
            if is_header(i) {
                break;
            }
            if !line.contains('|') || crate::read::markdown::is_delimiter_row(line) {
                match table.rows.last_mut() {
                    Some(row) if !after_blank => {
                        let more = cell_from_lines(line);
                        if let Some(last) = row.cells.last_mut() {
                            if !last.is_empty() {
                                last.push('\n');
                            }
                            last.push_str(&more);
                        }
                        i += 1;
                        continue;
                    }
                    _ => break,
                }
            }
            let start = i;
            let mut joined = line.to_owned();
            while split_pipe_line(&joined).len() < width
                && lines
                    .get(i + 1)
                    .is_some_and(|l| !(l.trim().is_empty() || is_header(i + 1)))
            {
                i += 1;
                joined.push('\n');
                joined.push_str(lines[i]);
            }
            table.rows.push(RawRow {
                cells: split_pipe_line(&joined)
                    .iter()
                    .map(|c| cell_from_lines(c))
                    .collect(),
                line: Some(start + 1),
                problem: None,
            });
            after_blank = false;
            i += 1;
        }
        tables.push(table);
    }
    if tables.is_empty() {
        warnings.push("no `|` table found".into());
    }
    tables
}

/// One paragraph of the paragraph-per-cell copy: its lines and first line.
struct Paragraph {
    lines: Vec<String>,
    line: usize,
}

fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<Paragraph> = None;
    for (index, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            out.extend(current.take());
        } else {
            current
                .get_or_insert_with(|| Paragraph {
                    lines: Vec::new(),
                    line: index + 1,
                })
                .lines
                .push(line.trim().to_owned());
        }
    }
    out.extend(current);
    out
}

/// Whether a cell reads as a row's code (not prose, not a header word).
fn strong_code(cell: &str) -> bool {
    table::codes_in(cell).is_ok_and(|codes| {
        codes.iter().all(|c| match c {
            Code::Numeric(_) => true,
            Code::Text(t) => t.contains(|c: char| c.is_ascii_digit() || c == '_' || c == '-'),
        })
    })
}

/// Each cell its own paragraph: a header paragraph (its cells one per line)
/// tells the width, and rows follow it `width` paragraphs at a time.
fn paragraph_tables(
    text: &str,
    pins: &ColumnPins,
    warnings: &mut Vec<String>,
) -> Result<Vec<RawTable>> {
    let paragraphs = paragraphs(text);
    // Header paragraphs: their index, cells and code column.
    let headers: Vec<(usize, Vec<String>, usize)> = paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let cells: Vec<String> = p.lines.iter().map(|l| collapse(l)).collect();
            if cells.len() < 2 || cells.iter().any(|c| c.chars().count() > 60) {
                return None;
            }
            let columns = table::columns(&cells, pins).ok()?;
            Some((i, cells, columns.code_index()))
        })
        .collect();
    let mut tables = Vec::new();
    for (n, (at, header, code_column)) in headers.iter().enumerate() {
        let (at, code_column) = (*at, *code_column);
        let width = header.len();
        let end = headers.get(n + 1).map_or(paragraphs.len(), |h| h.0);
        let mut body: Vec<&Paragraph> = paragraphs[at + 1..end].iter().collect();
        // The next table's title sits just before its header.
        if n + 1 < headers.len()
            && body.len() % width == 1
            && body
                .last()
                .is_some_and(|p| p.lines.len() == 1 && title_like(&p.lines[0]).is_some())
        {
            body.pop();
        }
        let section = at
            .checked_sub(1)
            .map(|i| &paragraphs[i])
            .filter(|p| p.lines.len() == 1)
            .and_then(|p| title_like(&p.lines[0]));
        let mut rows = Vec::new();
        let mut index = 0;
        while index < body.len() {
            let chunk = &body[index..(index + width).min(body.len())];
            let code_cell = chunk
                .get(code_column)
                .map(|p| p.lines.join(" "))
                .unwrap_or_default();
            if !strong_code(&code_cell) {
                let rest = &body[index..];
                if let Some(stray) = rest
                    .iter()
                    .skip(1)
                    .find(|p| strong_code(&p.lines.join(" ")))
                {
                    return Err(Error::new(format!(
                        "the paragraph at line {} should start a row with its code, but holds \"{}\", and a later paragraph (line {}) reads as a code: a cell is missing or spans two paragraphs; expected {width} paragraphs per row ({})",
                        chunk[0].line,
                        collapse(&chunk[0].lines.join(" ")).chars().take(60).collect::<String>(),
                        stray.line,
                        header.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(" | ")
                    ))
                    .at_line(Some(chunk[0].line)));
                }
                warnings.push(format!(
                    "{} paragraph(s) after the table's last row, from line {}, were ignored",
                    rest.len(),
                    rest[0].line
                ));
                break;
            }
            rows.push(RawRow {
                cells: chunk
                    .iter()
                    .map(|p| cell_from_lines(&p.lines.join("\n")))
                    .collect(),
                line: Some(chunk[0].line),
                problem: None,
            });
            index += width;
        }
        tables.push(RawTable {
            header: header.clone(),
            line: Some(paragraphs[at].line),
            rows,
            problem: None,
            section,
        });
    }
    Ok(tables)
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
    let cell = collapse(cell);
    !table::is_role_header(&cell)
        && Code::parse(strip_code_decoration(&cell)).is_ok_and(|c| c.looks_like_value())
}

/// Header cells are short labels; a cell that starts with a digit, ends like
/// a sentence or reads as a code is a row's value (perhaps a malformed code).
fn looks_like_a_value(cell: &str) -> bool {
    !table::is_role_header(cell)
        && (cell.starts_with(|c: char| c.is_ascii_digit())
            || cell.ends_with(['.', '!', '?'])
            || looks_like_code(cell))
}

fn pipe_tables(text: &str, pins: &ColumnPins) -> Result<Vec<RawTable>> {
    // Built once: counting lines from the start for every row was quadratic.
    let lines = Lines::new(text);
    let cells = segments(text);
    let Some(code_header) = cells
        .iter()
        .position(|c| table::names_code(c.last_line(), pins))
    else {
        // No code column anywhere: hand the first cells on as the header seen,
        // so the error can show what the table did have.
        let header = cells
            .iter()
            .take(8)
            .map(|c| collapse(c.last_line()))
            .collect();
        return Ok(vec![RawTable {
            header,
            line: cells.first().map(|c| c.line(&lines)),
            ..RawTable::default()
        }]);
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
            && table::columns(&header_of(width), pins).is_ok()
            && cells
                .get(start + width + code_offset)
                .is_some_and(|c| looks_like_code(c.text))
    };
    let widest = (cells.len() - start).min(MAX_COLUMNS);
    let header_end = match (code_offset + 1..=widest).find(|&w| width_fits(w)) {
        Some(width) => start + width,
        // No width is followed by a code. Take the run of header-like cells
        // if it names the columns (else the narrowest header that does), so
        // a malformed code in the first row is reported on its row instead
        // of being read as more header (which would fold every second row
        // into the one before).
        None => {
            let run = 1 + cells[start + 1..]
                .iter()
                .take(widest.saturating_sub(1))
                .take_while(|c| header_like(c))
                .count();
            let run = run.max(code_offset + 1);
            if table::columns(&header_of(run), pins).is_ok() {
                start + run
            } else {
                match (code_offset + 1..=widest)
                    .find(|&w| table::columns(&header_of(w), pins).is_ok())
                {
                    Some(width) => start + width,
                    // Not even that: hand on the cells up to the first code-like
                    // one, so the error names the header that was seen.
                    None => cells[code_header + 1..]
                        .iter()
                        .position(|c| looks_like_code(c.text))
                        .map_or(cells.len(), |i| start + i + 1),
                }
            }
        }
    };
    let header_line =
        Some(cells[start].line(&lines) + cells[start].text.trim().matches('\n').count());
    let header: Vec<String> = cells[start..header_end]
        .iter()
        .map(|c| collapse(c.last_line()))
        .collect();
    let width = header.len().max(1);
    // The title above a header: the line before the header's first label.
    let title_of = |segment: &Segment<'_>| {
        let text = segment.text.trim();
        let mut lines = text.rsplit('\n').skip(1);
        lines.find(|l| !l.trim().is_empty()).and_then(title_like)
    };
    let repeats_header = |at: usize| {
        cells.len() >= at + width
            && cells[at..at + width]
                .iter()
                .zip(&header)
                .all(|(c, h)| collapse(c.last_line()).eq_ignore_ascii_case(h))
    };
    let mut tables = vec![RawTable {
        header: header.clone(),
        line: header_line,
        section: title_of(&cells[start]),
        ..RawTable::default()
    }];
    let mut rows_read = 0;
    let mut at = header_end;
    while at < cells.len() {
        if repeats_header(at) {
            tables.push(RawTable {
                header: header.clone(),
                line: Some(cells[at].line(&lines) + cells[at].text.trim().matches('\n').count()),
                section: title_of(&cells[at]),
                ..RawTable::default()
            });
            at += width;
            continue;
        }
        let row = &cells[at..(at + width).min(cells.len())];
        if row.len() < width {
            return Err(Error::new(format!(
                "the table ends in the middle of a row: its last row has {} of its {width} cells ({}); expected every row to end each of its {width} cells with `|` (a cell may be missing or have a stray `|`; {} complete rows read)",
                row.len(),
                header.iter().map(|h| format!("\"{h}\"")).collect::<Vec<_>>().join(" | "),
                rows_read
            ))
            .at_line(row.last().map(|c| c.line(&lines))));
        }
        let table = tables.last_mut().expect("the first table is made above");
        table.rows.push(RawRow {
            cells: row.iter().map(|c| cell_from_lines(c.text)).collect(),
            line: Some(row[0].line(&lines)),
            problem: None,
        });
        rows_read += 1;
        at += width;
    }
    Ok(tables)
}

fn tsv_table(text: &str, pins: &ColumnPins) -> Result<RawTable> {
    let lines: Vec<&str> = text.split('\n').collect();
    let split = |line: &str| line.split('\t').map(cell_from_lines).collect::<Vec<_>>();
    let header_at = lines
        .iter()
        .position(|l| l.contains('\t') && l.split('\t').any(|c| table::names_code(c, pins)))
        .or_else(|| lines.iter().position(|l| l.contains('\t')))
        .unwrap_or(0);
    let header = split(lines[header_at]);
    // Each row's lines: its tab-separated line, then the tab-less lines that
    // continue its last cell (a cell with several paragraphs).
    let mut row_lines: Vec<std::ops::Range<usize>> = Vec::new();
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
        if line.contains('\t') {
            row_lines.push(index..index + 1);
        } else {
            match row_lines.last_mut() {
                Some(row) => row.end = index + 1,
                None => break,
            }
        }
    }
    let rows = row_lines
        .into_iter()
        .map(|at| {
            let mut cells = split(lines[at.start]);
            let last = cells.last_mut().expect("a row read from a line has a cell");
            // Blank lines between continuation lines are skipped.
            for line in &lines[at.start + 1..at.end] {
                let more = cell_from_lines(line);
                if !more.is_empty() {
                    if !last.is_empty() {
                        last.push('\n');
                    }
                    last.push_str(&more);
                }
            }
            RawRow {
                cells,
                line: Some(at.start + 1),
                problem: None,
            }
        })
        .collect();
    Ok(RawTable {
        header,
        line: Some(header_at + 1),
        rows,
        ..RawTable::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_pipe_form_with_prose_before_and_after() {
        let text = "Intro with no bars.\nError code |\nDescription |\nSolution |\n1 |\nOne.\n|\nFix\nit.\n|\n2 | Two. | |\nWas this helpful?";
        let article = read(text, &ColumnPins::default()).unwrap();
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
        let article = read(text, &ColumnPins::default()).unwrap();
        assert_eq!(article.rows.len(), 2);
        assert_eq!(article.rows[0].solution, "First\nsecond paragraph");
        assert_eq!(article.rows[1].line, Some(4));
    }

    #[test]
    fn a_missing_cell_is_refused_with_the_count() {
        let err = read(
            "Error code |\nDescription |\nSolution |\n1 | One. | Fix |\n2 | Two. |",
            &ColumnPins::default(),
        )
        .unwrap_err();
        assert!(
            err.message.starts_with(
                "the table ends in the middle of a row: its last row has 2 of its 3 cells"
            ),
            "{err}"
        );
        assert_eq!(err.line, Some(5));
    }

    fn keys_and_sections(article: &Article) -> Vec<(String, Option<String>)> {
        article
            .rows
            .iter()
            .map(|r| (r.key().to_string(), r.section.clone()))
            .collect()
    }

    #[test]
    fn reads_pipe_lines_with_or_without_outer_pipes_and_continued_cells() {
        let pins = ColumnPins::default();
        for text in [
            "Intro.\n| Error code | Description | Solution |\n|---|---|---|\n| 1 | One. | Fix. |\n| 2 | Two that\ncontinues. | Fix. |\n\n| 3 | Three. | Fix. |\n\nAfter.\n",
            "Error code | Description | Solution\n1 | One. | Fix.\n2 | Two that\ncontinues. | Fix.\n3 | Three. | Fix.\n",
            "| Error code | Description | Solution |\n| 1 | One. | Fix. |\n| 2 | Two that | Fix. |\ncontinues.\n| 3 | Three. | Fix. |\n",
        ] {
            let article = read(text, &pins).unwrap();
            let codes: Vec<String> = article.rows.iter().map(|r| r.code.to_string()).collect();
            assert_eq!(codes, ["1", "2", "3"], "{text}");
            assert!(
                article.rows[1].description.starts_with("Two that"),
                "{text}"
            );
            let continued = format!(
                "{}\n{}",
                article.rows[1].description, article.rows[1].solution
            );
            assert!(continued.contains("continues."), "{text}");
        }
    }

    #[test]
    fn pipe_lines_split_at_bars_but_not_escaped_ones() {
        let split = |line| {
            split_pipe_line(line)
                .into_iter()
                .map(Cow::into_owned)
                .collect::<Vec<_>>()
        };
        assert_eq!(split("| a | b \\| c |"), [" a ", " b | c "]);
        assert_eq!(split("a\\|b|c\\|"), ["a|b", "c|"]);
        // Only the backslash right before a bar escapes it.
        assert_eq!(split("x \\\\| y"), ["x \\| y"]);
        assert_eq!(split("|"), Vec::<String>::new());
        assert_eq!(split("no bar"), Vec::<String>::new());
        assert_eq!(split("|---|:-:|"), Vec::<String>::new());
        assert!(matches!(split_pipe_line("| a | b |")[0], Cow::Borrowed(_)));
    }

    #[test]
    fn pipe_lines_keep_sections_and_skip_decoys() {
        let text = "Error object\n\n| Key | Type | Description |\n|---|---|---|\n| code | string | The slug. |\n\nSystem Error\n\n| Error | Description |\n|---|---|\n| internal | Ours. |\n\nInvalid Param Error\n\n| Error | Description |\n|---|---|\n| missing_id | Yours. |\n";
        let article = read(text, &ColumnPins::default()).unwrap();
        assert_eq!(
            keys_and_sections(&article),
            [
                ("internal".to_string(), Some("System Error".to_string())),
                (
                    "missing_id".to_string(),
                    Some("Invalid Param Error".to_string())
                )
            ]
        );
    }

    #[test]
    fn the_seed_form_repeats_its_header_under_each_section() {
        let text = "Intro prose.\nSystem Error\nError code |\nDescription |\n1 |\nOne. |\n2 |\nTwo. |\n\nBusiness Errors\nError code |\nDescription |\n-1 |\nMinus one. |\n0001 |\nPadded. |\n";
        let article = read(text, &ColumnPins::default()).unwrap();
        assert_eq!(
            keys_and_sections(&article),
            [
                ("1".to_string(), Some("System Error".to_string())),
                ("2".to_string(), Some("System Error".to_string())),
                ("-1".to_string(), Some("Business Errors".to_string())),
                ("0001".to_string(), Some("Business Errors".to_string()))
            ]
        );
        assert_eq!(article.rows[3].code, Code::Text("0001".into()));
    }

    #[test]
    fn reads_one_paragraph_per_cell() {
        let text = "Errors you may see.\n\nSystem Error\n\nError code\nDescription\nHow to fix\n\nCT01\n\nThe line dropped.\n\nCall again.\n\n500, 503\n\nBusy.\n\n- Wait\n- Retry\n\nBusiness Errors\n\nError code\nDescription\nHow to fix\n\nnumber-in-use\n\nTaken.\n\nPick another.\n\nWas this article helpful?\n";
        let article = read(text, &ColumnPins::default()).unwrap();
        assert_eq!(
            keys_and_sections(&article),
            [
                ("CT01".to_string(), Some("System Error".to_string())),
                ("500".to_string(), Some("System Error".to_string())),
                ("503".to_string(), Some("System Error".to_string())),
                (
                    "number-in-use".to_string(),
                    Some("Business Errors".to_string())
                )
            ]
        );
        assert_eq!(article.rows[2].solution, "- Wait\n- Retry");
        assert!(
            article
                .warnings
                .iter()
                .any(|w| w.contains("after the table's last row")),
            "{:?}",
            article.warnings
        );
    }

    #[test]
    fn a_capture_cut_mid_row_is_refused_in_every_text_form() {
        let pins = ColumnPins::default();
        for text in [
            "Error code\nDescription\nSolution\n\n1\n\nOne.\n\nFix.\n\n2\n\nTwo.\n",
            "Error code |\nDescription |\nSolution |\n1 |\nOne. |\nFix. |\n2 |\nTwo. |\n",
            "| Error code | Description | Solution |\n|---|---|---|\n| 1 | One. | Fix. |\n| 2 | Two. |\n",
        ] {
            let err = read(text, &pins).unwrap_err();
            assert!(
                err.message
                    .contains("the table ends in the middle of a row"),
                "{text}: {err}"
            );
        }
        let err = read(
            "Error code\nDescription\n\n1\n\nOne.\n\nmore of one\n\n2\n\nTwo.\n",
            &pins,
        )
        .unwrap_err();
        assert!(
            err.message
                .contains("a cell is missing or spans two paragraphs"),
            "{err}"
        );
    }
}
