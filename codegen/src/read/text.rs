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
//!   one per line or each its own paragraph, so the header tells the width.

use crate::error::{Error, Result};
use crate::model::{Code, Format};
use crate::read::code_cell::value_codes;
use crate::read::lines::Lines;
use crate::read::markdown::{
    cut_last_row, ends_a_cell, ends_with_bar, is_delimiter_row, split_pipe_line, starts_a_run,
};
use crate::read::normalize::{cell_from_lines, collapse, strip_code_decoration};
use crate::read::pins::ColumnPins;
use crate::read::table::{self, Article, RawRow, RawTable};

mod choice;
mod pipe_by_content;

use choice::{Evidence, Reader, Shape};

/// The tables of whichever shape the text has, and the error table among
/// them. The column pins matter early: they say which line is a header.
pub fn read(text: &str, pins: &ColumnPins) -> Result<Article> {
    // The shapes of copied text, in the order a tie between them is decided:
    // first the shape a header line names (a TSV or `|` line naming the code
    // column), then `|` lines, the `|`-ended form (when a line ends a cell
    // with `|`), TSV and one paragraph per cell.
    let tsv_named = text.lines().any(|l| is_tsv_header(l, pins));
    let shape = |name, applies: bool, read| applies.then_some(Shape { name, read });
    let tsv: Reader = |text, pins, _| Ok(vec![tsv_table(text, pins)]);
    let shapes = [
        shape("TSV", tsv_named, tsv),
        shape(
            "`|` lines",
            text.lines().any(|l| split_pipe_line(l).len() >= 2),
            |text, pins, warnings| Ok(line_tables(text, pins, warnings)),
        ),
        shape("`|`-ended cells", text.lines().any(ends_a_cell), pipe_shape),
        shape("TSV", !tsv_named && text.contains('\t'), tsv),
        shape("one paragraph per cell", true, paragraph_tables),
    ];
    let mut warnings = Vec::new();
    let tables = choice::read_best(text, pins, shapes.into_iter().flatten(), &mut warnings)?;
    if tables.is_empty() {
        let seen = unread_line_runs(text, pins);
        if !seen.is_empty() {
            return Err(table::refuse_seen(&seen, pins));
        }
    }
    let mut article = table::select(Format::Text, tables, pins)?;
    article.warnings.extend(warnings);
    Ok(article)
}

/// The `|`-ended form, and what follows its last `|`: prose (warned of), or
/// the start of a row whose code cell the capture cut off before its `|`.
fn pipe_shape(text: &str, pins: &ColumnPins, warnings: &mut Vec<String>) -> Result<Vec<RawTable>> {
    let tables = pipe_tables(text, pins)?;
    let (before, rest) = text.rsplit_once('|').unwrap_or((text, ""));
    let rest_line = rest.trim();
    if rest_line.is_empty() {
        return Ok(tables);
    }
    let code_first = tables.last().and_then(|t| choice::code_column(t, pins)) == Some(0);
    if code_first && !rest_line.contains('\n') && looks_like_code(rest_line) {
        let line = Lines::new(text).line(before.len() + 1 + rest.find(rest_line).unwrap_or(0));
        return Err(Error::new(format!(
            "the capture is cut in the middle of a row: \"{rest_line}\" at line {line} starts a row after the last `|`, and the input ends before its code cell's `|`; expected the whole table (copy the page again)"
        ))
        .at_line(Some(line)));
    }
    warnings.push("text after the table's last `|` was ignored".into());
    Ok(tables)
}

/// A TSV header: a tab-separated cell names the code column.
fn is_tsv_header(line: &str, pins: &ColumnPins) -> bool {
    line.contains('\t') && line.split('\t').any(|c| table::names_code(c, pins))
}

/// A line a title could be: short, one line, not a sentence.
fn title_like(text: &str) -> Option<String> {
    let text = collapse(text);
    let ok = !text.is_empty()
        && text.chars().count() <= 80
        && !text.ends_with(['.', ':', ',', ';', '|', '?', '!']);
    ok.then_some(text)
}

/// `|` lines: one row a line (a row with too few cells takes the next lines
/// until it has them; a line with no `|` right after a row continues its last
/// cell). A blank line followed by prose, or a new header, ends a table.
fn line_tables(text: &str, pins: &ColumnPins, warnings: &mut Vec<String>) -> Vec<RawTable> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut tables = Vec::new();
    let mut title: Option<String> = None;
    let mut i = 0;
    while i < lines.len() {
        let (table, next) = if is_line_header(&lines, i, pins) {
            let (table, next) = line_table(&lines, i, title.take(), pins);
            (Some(table), next)
        } else if starts_a_run(&lines, i) {
            // No line names the columns: the run is a table if its cells
            // show them (its first line a row, or a header naming nothing),
            // as TSV is read. Its lines are not tried again.
            unlabelled_line_table(&lines, i, title.take(), pins)
        } else {
            let line = lines[i].trim();
            if !line.is_empty() {
                title = title_like(line.trim_start_matches('#'));
            }
            (None, i + 1)
        };
        tables.extend(table);
        i = next;
    }
    if tables.is_empty() {
        warnings.push("no `|` table found".into());
    }
    tables
}

/// The `|` table at line `at` that no line's words name, if its cells show
/// its columns (every code cell code-like): as far as a header's table runs,
/// else to the first blank line (a footer's `Privacy | Terms` after the
/// table is not a row); and the index of the first line after what was tried.
fn unlabelled_line_table(
    lines: &[&str],
    at: usize,
    section: Option<String>,
    pins: &ColumnPins,
) -> (Option<RawTable>, usize) {
    // Every code cell code-like, also where a pin by position names the
    // code column of any table wide enough.
    let shows_columns = |table: &RawTable| {
        choice::evidence(table, pins) > Evidence::None
            && choice::code_column(table, pins).is_some_and(|code| {
                table::full_rows(table)
                    .iter()
                    .all(|row| looks_like_code(&row[code]))
            })
    };
    let (table, next) = line_table(lines, at, section.clone(), pins);
    if shows_columns(&table) {
        return (Some(table), next);
    }
    let blank = first_blank(lines, at).min(next);
    let (table, _) = line_table(&lines[..blank], at, section, pins);
    (shows_columns(&table).then_some(table), blank)
}

/// The runs of `|` lines that no shape read (no line names their columns,
/// nor do their cells show them), each to its first blank line, that have a
/// column of codes a pin could read: what the refusal lists as seen, with
/// the pins that would read it (navigation's `Home | Docs` lines are none).
fn unread_line_runs(text: &str, pins: &ColumnPins) -> Vec<RawTable> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !starts_a_run(&lines, i) {
            i += 1;
            continue;
        }
        let (table, next) = line_table(&lines[..first_blank(&lines, i)], i, None, pins);
        let rows = table::full_rows(&table);
        let codes = |column: usize| rows.iter().all(|row| looks_like_code(&row[column]));
        if !rows.is_empty() && (0..table.header.len()).any(codes) {
            runs.push(table);
        }
        i = next.max(i + 1);
    }
    runs
}

/// The index of the first blank line from `at`, or the end.
fn first_blank(lines: &[&str], at: usize) -> usize {
    (at..lines.len())
        .find(|&i| lines[i].trim().is_empty())
        .unwrap_or(lines.len())
}

/// Whether line `index` heads a `|` table: two cells or more, followed by a
/// `---` row or naming only parts of an error table (the code among them).
fn is_line_header(lines: &[&str], index: usize, pins: &ColumnPins) -> bool {
    let cells = split_pipe_line(lines[index]);
    let next_is_delimiter = lines.get(index + 1).is_some_and(|l| is_delimiter_row(l));
    // Header labels are short: a long cell rules a line out before any
    // word is looked up (a lookup per cell is most of a read).
    cells.len() >= 2
        && (next_is_delimiter
            || (cells.iter().all(|c| c.len() <= 120)
                && cells.iter().any(|c| table::names_code(c, pins))
                && cells
                    .iter()
                    .all(|c| table::is_role_header(c) || c.trim().is_empty())))
}

/// The `|` table whose header is line `at`, under `section`, and the index
/// of the first line after it.
fn line_table(
    lines: &[&str],
    at: usize,
    section: Option<String>,
    pins: &ColumnPins,
) -> (RawTable, usize) {
    let mut table = RawTable {
        header: split_pipe_line(lines[at])
            .iter()
            .map(|c| collapse(c))
            .collect(),
        line: Some(at + 1),
        section,
        ..RawTable::default()
    };
    let mut i = at + 1;
    if lines.get(i).is_some_and(|l| is_delimiter_row(l)) {
        i += 1;
    }
    // Whether the header and each row end with `|`, and the last row's
    // last line: a capture cut in its last row leaves that row alone open.
    let mut closed = vec![ends_with_bar(lines[at])];
    let mut last_row_end = at;
    let mut after_blank = false;
    while i < lines.len() {
        let line = lines[i];
        if line.trim().is_empty() {
            after_blank = true;
            i += 1;
            continue;
        }
        if is_line_header(lines, i, pins) {
            break;
        }
        if !line.contains('|') || is_delimiter_row(line) {
            let Some(row) = table.rows.last_mut().filter(|_| !after_blank) else {
                break;
            };
            if let Some(last) = row.cells.last_mut() {
                push_paragraph(last, &cell_from_lines(line));
            }
            i += 1;
            continue;
        }
        let (row, last_line) = line_row(lines, i, table.header.len(), pins);
        table.rows.push(row);
        closed.push(ends_with_bar(lines[last_line]));
        last_row_end = last_line;
        after_blank = false;
        i = last_line + 1;
    }
    let rest_is_blank = lines[last_row_end + 1..]
        .iter()
        .all(|l| l.trim().is_empty());
    if let Some(row) = table.rows.last_mut() {
        row.problem = cut_last_row(&closed, rest_is_blank, row.line);
    }
    (table, i)
}

/// The row that starts at line `start`, taking the next lines while it has
/// fewer than `width` cells (a cell's text going on over lines), until a
/// blank line or a header; and the index of its last line.
fn line_row(lines: &[&str], start: usize, width: usize, pins: &ColumnPins) -> (RawRow, usize) {
    let mut i = start;
    let mut joined = lines[start].to_owned();
    while split_pipe_line(&joined).len() < width
        && lines
            .get(i + 1)
            .is_some_and(|l| !(l.trim().is_empty() || is_line_header(lines, i + 1, pins)))
    {
        i += 1;
        joined.push('\n');
        joined.push_str(lines[i]);
    }
    (row_at(start + 1, split_pipe_line(&joined)), i)
}

/// A row read at `line`, each cell's text normalised as copied lines.
fn row_at(line: usize, cells: impl IntoIterator<Item = impl AsRef<str>>) -> RawRow {
    RawRow {
        cells: cells
            .into_iter()
            .map(|c| cell_from_lines(c.as_ref()))
            .collect(),
        line: Some(line),
        ..RawRow::default()
    }
}

/// Appends a paragraph to a cell's text, on a line of its own.
fn push_paragraph(cell: &mut String, more: &str) {
    if !cell.is_empty() {
        cell.push('\n');
    }
    cell.push_str(more);
}

/// One paragraph of the paragraph-per-cell copy: its lines and first line.
struct Paragraph {
    lines: Vec<String>,
    line: usize,
}

impl Paragraph {
    fn single_line(&self) -> Option<&str> {
        match self.lines.as_slice() {
            [line] => Some(line),
            _ => None,
        }
    }
}

/// The paragraphs of a copy. A copy's cells are apart by its usual run of
/// blank lines; a shorter run is a line break inside a cell or a header (a
/// text extractor that doubles every line end puts one blank line between a
/// header's labels and three between cells).
fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines: Vec<(usize, &str)> = text.split('\n').map(str::trim).enumerate().collect();
    let runs: Vec<&[(usize, &str)]> = lines
        .chunk_by(|(_, a), (_, b)| a.is_empty() == b.is_empty())
        .collect();
    let gap = usual_gap(&runs);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut blanks_before = usize::MAX;
    for run in runs {
        if run[0].1.is_empty() {
            blanks_before = run.len();
            continue;
        }
        let run_lines = run.iter().map(|(_, line)| line.to_string());
        match out.last_mut() {
            Some(paragraph) if blanks_before < gap => paragraph.lines.extend(run_lines),
            _ => out.push(Paragraph {
                lines: run_lines.collect(),
                line: run[0].0 + 1,
            }),
        }
    }
    out
}

/// The most common number of blank lines between two paragraphs (of a tie,
/// the fewest, so no break is taken for a line break unless most are longer).
fn usual_gap(runs: &[&[(usize, &str)]]) -> usize {
    let inner = runs
        .get(1..runs.len().saturating_sub(1))
        .unwrap_or_default();
    let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
    for run in inner.iter().filter(|run| run[0].1.is_empty()) {
        *counts.entry(run.len()).or_default() += 1;
    }
    counts
        .iter()
        .max_by_key(|(len, count)| (**count, std::cmp::Reverse(**len)))
        .map_or(1, |(len, _)| *len)
}

/// Whether a paragraph reads as a row's code (not prose, not a header word).
fn strong_code(paragraph: &Paragraph) -> bool {
    // Its lines as a cell reads them: one code a line is a list.
    crate::read::code_cell::codes_in(&paragraph.lines.join("\n")).is_ok_and(|codes| {
        codes.iter().all(|c| {
            let code = c.code.to_string();
            c.label.is_none() && code.contains(|c: char| c.is_ascii_digit() || c == '_' || c == '-')
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
    let headers = paragraph_headers(&paragraphs, pins);
    let mut tables = Vec::new();
    for (n, header) in headers.iter().enumerate() {
        let end = headers.get(n + 1).map_or(paragraphs.len(), |h| h.at);
        let mut body = &paragraphs[header.at + header.span..end];
        // When another table follows, a title left over after whole rows is
        // that table's, not a cell.
        if let Some((last, rows)) = body.split_last()
            && n + 1 < headers.len()
            && body.len() % header.cells.len() == 1
            && single_line_title(last).is_some()
        {
            body = rows;
        }
        tables.push(RawTable {
            header: header.cells.clone(),
            line: Some(paragraphs[header.at].line),
            rows: paragraph_rows(body, header, warnings)?,
            section: header
                .at
                .checked_sub(1)
                .and_then(|i| single_line_title(&paragraphs[i])),
            ..RawTable::default()
        });
    }
    Ok(tables)
}

/// A header of the paragraph-per-cell copy: where it starts, how many
/// paragraphs it spans, its cells, and which of them is the code.
#[derive(Debug, PartialEq, Eq)]
struct ParagraphHeader {
    at: usize,
    span: usize,
    cells: Vec<String>,
    code_column: usize,
}

/// The headers of a paragraph-per-cell copy, in order: a paragraph whose
/// lines are the labels, or a run of paragraphs that are each one label.
fn paragraph_headers(paragraphs: &[Paragraph], pins: &ColumnPins) -> Vec<ParagraphHeader> {
    let mut headers = Vec::new();
    let mut at = 0;
    while at < paragraphs.len() {
        let run_end = at + paragraphs[at..].iter().take_while(|p| is_label(p)).count();
        let header = lines_header(paragraphs, at, pins)
            .or_else(|| labels_header(paragraphs, at, run_end, pins));
        match header {
            Some(header) => {
                at = header.at + header.span;
                headers.push(header);
            }
            None => at = run_end.max(at + 1),
        }
    }
    headers
}

/// The paragraph at `at` if its lines (two or more short ones) are a header
/// naming the columns; not lines that end a cell with `|`, which are the
/// `|`-ended form's (a decoy copied so before the table, say). A title line
/// first (its blank line was shorter than the copy's usual run, so it
/// joined the labels) is not a label: the labels are the lines whose width
/// puts a code where each of the first two rows starts.
fn lines_header(paragraphs: &[Paragraph], at: usize, pins: &ColumnPins) -> Option<ParagraphHeader> {
    let p = &paragraphs[at];
    let all: Vec<String> = p.lines.iter().map(|l| collapse(l)).collect();
    if !all.iter().all(|c| is_short_label(c)) || p.lines.iter().any(|l| ends_a_cell(l)) {
        return None;
    }
    let labels = |title: usize| {
        let cells = all.get(title..).filter(|c| c.len() >= 2)?.to_vec();
        let code = table::columns(&cells, pins).ok()?.code;
        Some((cells, code))
    };
    let in_step = |(cells, code): &(Vec<String>, usize)| {
        rows_in_step(&paragraphs[at + 1..], cells.len(), *code)
    };
    let (cells, code_column) = labels(0)
        .filter(in_step)
        .or_else(|| labels(1).filter(in_step))
        .or_else(|| labels(0))?;
    Some(ParagraphHeader {
        at,
        span: 1,
        cells,
        code_column,
    })
}

/// A paragraph that could be one header label: one short line, no value
/// (a code, a number, a sentence), no `|`-ended cell.
fn is_label(paragraph: &Paragraph) -> bool {
    paragraph
        .single_line()
        .map(collapse)
        .is_some_and(|line| is_label_text(&line) && !ends_a_cell(&line))
}

/// The header among the label paragraphs `start..end`, each its own
/// paragraph: the labels that name the columns (the code among them) and
/// are followed by a row whose code cell reads as a code, the row after it
/// in step. Of several, the one that ends last, then the narrowest: a title
/// before the labels is no label, and a short cell of the first row (one
/// before its code) no more header.
fn labels_header(
    paragraphs: &[Paragraph],
    start: usize,
    end: usize,
    pins: &ColumnPins,
) -> Option<ParagraphHeader> {
    let header_ending_at = |header_end: usize, width: usize| {
        let at = header_end - width;
        let cells: Vec<String> = paragraphs[at..header_end]
            .iter()
            .map(|p| collapse(&p.lines[0]))
            .collect();
        if !cells.iter().any(|c| table::names_code(c, pins)) {
            return None;
        }
        let code_column = table::columns(&cells, pins).ok()?.code;
        rows_in_step(&paragraphs[header_end..], width, code_column).then_some(ParagraphHeader {
            at,
            span: width,
            cells,
            code_column,
        })
    };
    (start + 2..=end).rev().find_map(|header_end| {
        let widest = (header_end - start).min(MAX_COLUMNS);
        (2..=widest).find_map(|width| header_ending_at(header_end, width))
    })
}

/// Whether the first row of `body`, `width` paragraphs a row, holds a code
/// at `code`, and the second row (if there is one) too: a header read too
/// wide or too narrow puts prose there. (Other columns may hold numbers: an
/// HTTP status beside the error code.)
fn rows_in_step(body: &[Paragraph], width: usize, code: usize) -> bool {
    body.get(code).is_some_and(strong_code) && body.get(width + code).is_none_or(strong_code)
}

fn single_line_title(paragraph: &Paragraph) -> Option<String> {
    paragraph.single_line().and_then(title_like)
}

/// A table's rows, `width` paragraphs at a time, until one whose code cell
/// holds no code: the end of the table (warned of), or a row out of step if a
/// later paragraph does read as a code.
fn paragraph_rows(
    body: &[Paragraph],
    header: &ParagraphHeader,
    warnings: &mut Vec<String>,
) -> Result<Vec<RawRow>> {
    let width = header.cells.len();
    let mut rows = Vec::new();
    for (n, chunk) in body.chunks(width).enumerate() {
        if !chunk.get(header.code_column).is_some_and(strong_code) {
            let rest = &body[n * width..];
            if let Some(stray) = rest.iter().skip(1).find(|p| strong_code(p)) {
                let first = &chunk[0];
                return Err(Error::new(format!(
                    "the paragraph at line {} should start a row with its code, but holds \"{}\", and a later paragraph (line {}) reads as a code: a cell is missing or spans two paragraphs; expected {width} paragraphs per row ({})",
                    first.line,
                    collapse(&first.lines.join(" ")).chars().take(60).collect::<String>(),
                    stray.line,
                    table::show_header(&header.cells)
                ))
                .at_line(Some(first.line)));
            }
            warnings.push(format!(
                "{} paragraph(s) after the table's last row, from line {}, were ignored",
                rest.len(),
                rest[0].line
            ));
            break;
        }
        rows.push(row_at(
            chunk[0].line,
            chunk.iter().map(|p| p.lines.join("\n")),
        ));
    }
    Ok(rows)
}

/// One `|`-ended cell: its raw text and where it sits.
struct Segment<'a> {
    text: &'a str,
    /// The line where the cell's text begins (after leading whitespace).
    line: usize,
    /// The line of the cell's last line: where a header label sits.
    last_line_number: usize,
    /// Its `|` ends its line, as the form's bars do (not `Home | Docs`).
    ends_line: bool,
}

impl Segment<'_> {
    fn last_line(&self) -> &str {
        let text = self.text.trim();
        text.rsplit('\n').next().unwrap_or(text).trim()
    }

    fn is_single_line(&self) -> bool {
        !self.text.trim().contains('\n')
    }

    /// The title above a header whose first label this cell ends with: the
    /// last non-blank line before that label.
    fn title(&self) -> Option<String> {
        let mut lines = self.text.trim().rsplit('\n').skip(1);
        lines.find(|l| !l.trim().is_empty()).and_then(title_like)
    }

    /// Short enough, on one line, and not a value: a header label.
    fn is_header_like(&self) -> bool {
        self.is_single_line() && is_label_text(self.last_line())
    }
}

fn labels(cells: &[Segment<'_>]) -> Vec<String> {
    cells.iter().map(|c| collapse(c.last_line())).collect()
}

fn names_columns(cells: &[Segment<'_>], pins: &ColumnPins) -> bool {
    table::columns(&labels(cells), pins).is_ok()
}

fn segments(text: &str) -> Vec<Segment<'_>> {
    let lines = Lines::new(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (index, _) in text.match_indices('|') {
        // Only the blanks after the bar are looked at, so a line of many
        // bars is not scanned once per bar.
        let after = text[index + 1..].trim_start_matches([' ', '\t', '\r']);
        let cell = &text[start..index];
        let line = lines.line(start + cell.len() - cell.trim_start().len());
        out.push(Segment {
            text: cell,
            line,
            last_line_number: line + cell.trim().matches('\n').count(),
            ends_line: after.is_empty() || after.starts_with('\n'),
        });
        start = index + 1;
    }
    out
}

/// More columns than this is not an error table a person wrote.
const MAX_COLUMNS: usize = 16;

/// Header labels are short: a longer line is prose or a row's value.
fn is_short_label(text: &str) -> bool {
    text.chars().count() <= 60
}

/// Short, and not a value: what a header label could be.
fn is_label_text(text: &str) -> bool {
    is_short_label(text) && !looks_like_a_value(text)
}

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

/// The captured form of a whole page: every cell ended by `|`, so the
/// header row tells the width; a repeat of the header starts a new table.
fn pipe_tables(text: &str, pins: &ColumnPins) -> Result<Vec<RawTable>> {
    let cells = segments(text);
    let names_code = |c: &Segment<'_>| c.ends_line && table::names_code(c.last_line(), pins);
    // Looked for lazily: a word lookup per cell is most of a read.
    let mut candidates = (0..cells.len())
        .filter(|&i| names_code(&cells[i]))
        .peekable();
    let Some(&code_header) = candidates.peek() else {
        if let Some(tables) = pipe_by_content::tables(&cells, pins)? {
            return Ok(tables);
        }
        // No code column anywhere: the first cells, handed on as the header
        // seen, so the error can show what the table did have.
        return Ok(vec![RawTable {
            header: labels(&cells[..cells.len().min(8)]),
            line: cells.first().map(|c| c.line),
            ..RawTable::default()
        }]);
    };
    // The first cell naming the code column whose header is followed by a
    // row (a decoy table's `code` field, before it, is not), else the first.
    let fitting = candidates.find_map(|at| {
        let start = header_start(&cells, at);
        fitting_header_end(&cells, start, at - start, pins).map(|end| (start, end))
    });
    let (start, end) = fitting.unwrap_or_else(|| {
        let start = header_start(&cells, code_header);
        (start, header_end(&cells, start, code_header - start, pins))
    });
    pipe_rows(&cells, start, labels(&cells[start..end]), false)
}

/// The first header cell: walking back from the code column over single
/// short lines that a `|` ends; the first header cell may share its segment
/// with the intro prose (a breadcrumb's `Home | Docs` or a decoy `|` table
/// before it is not header).
fn header_start(cells: &[Segment<'_>], code_header: usize) -> usize {
    let mut start = code_header;
    while start > 0 {
        let previous = &cells[start - 1];
        // A value (`A text.`, `40001`) is a row's cell, not a label: the
        // end of whatever table came before.
        if previous.last_line().is_empty()
            || !previous.ends_line
            || !is_label_text(previous.last_line())
        {
            break;
        }
        start -= 1;
        if !previous.is_single_line() {
            break;
        }
    }
    start
}

/// A code with its label (`Unauthorized: 50001`), as a code cell reads it.
fn labelled_code(cell: &str) -> bool {
    value_codes(&collapse(cell)).is_some_and(|codes| codes.iter().all(|c| c.label.is_some()))
}

/// The end of the narrowest header at `cells[start]` (its code column
/// `code_offset` cells in) whose cells are header-like, name the columns
/// and are followed by a row whose code cell holds a code; `None` if no
/// width is.
fn fitting_header_end(
    cells: &[Segment<'_>],
    start: usize,
    code_offset: usize,
    pins: &ColumnPins,
) -> Option<usize> {
    let widest = (cells.len() - start).min(MAX_COLUMNS);
    let fits = |width: usize| {
        cells[start + 1..start + width]
            .iter()
            .all(Segment::is_header_like)
            && names_columns(&cells[start..start + width], pins)
            && cells
                .get(start + width + code_offset)
                .is_some_and(|c| looks_like_code(c.text) || labelled_code(c.text))
    };
    (code_offset + 1..=widest)
        .find(|&w| fits(w))
        .map(|w| start + w)
}

/// The index after the header that starts at `cells[start]`, its code
/// column `code_offset` cells in, when no width is followed by a code
/// (`fitting_header_end` finds none).
fn header_end(cells: &[Segment<'_>], start: usize, code_offset: usize, pins: &ColumnPins) -> usize {
    let widest = (cells.len() - start).min(MAX_COLUMNS);
    // The run of header-like cells if it names the columns (else the
    // narrowest header that does), so a malformed code in the first row is
    // reported on its row instead of being read as more header (which would
    // fold every second row into the one before).
    let run = 1 + cells[start + 1..]
        .iter()
        .take(widest.saturating_sub(1))
        .take_while(|c| c.is_header_like())
        .count();
    let mut widths = std::iter::once(run.max(code_offset + 1)).chain(code_offset + 1..=widest);
    match widths.find(|&w| names_columns(&cells[start..start + w], pins)) {
        Some(width) => start + width,
        // Not even that: hand on the cells up to the first code-like one,
        // so the error names the header that was seen.
        None => cells[start + code_offset + 1..]
            .iter()
            .position(|c| looks_like_code(c.text))
            .map_or(cells.len(), |i| start + i + 1),
    }
}

/// The tables of the header at `cells[start]`: rows of its width after it,
/// and, for a header of labels, a new table (under its own title) wherever
/// the header repeats. A table without a header (`first_is_row`) hands on
/// its first row as its header: a row like it is a row.
fn pipe_rows(
    cells: &[Segment<'_>],
    start: usize,
    header: Vec<String>,
    first_is_row: bool,
) -> Result<Vec<RawTable>> {
    let width = header.len().max(1);
    let table_at = |at: usize| RawTable {
        header: header.clone(),
        line: Some(cells[at].last_line_number),
        section: cells[at].title(),
        ..RawTable::default()
    };
    let repeats_header = |row: &[Segment<'_>]| {
        !first_is_row
            && row.len() == width
            && row
                .iter()
                .zip(&header)
                .all(|(c, h)| collapse(c.last_line()).eq_ignore_ascii_case(h))
    };
    let mut tables = Vec::new();
    let mut table = table_at(start);
    let mut rows_read = usize::from(first_is_row);
    let shown = match first_is_row {
        false => table::show_header(&header),
        true => format!("as many as its first row: {}", table::show_header(&header)),
    };
    let first = start + header.len();
    for (n, row) in cells[first..].chunks(width).enumerate() {
        if repeats_header(row) {
            tables.push(std::mem::replace(&mut table, table_at(first + n * width)));
            continue;
        }
        if row.len() < width {
            return Err(Error::new(format!(
                "the table ends in the middle of a row: its last row has {} of its {width} cells ({}), so the capture is cut after line {} (or a cell is missing or has a stray `|`); expected every row to end each of its {width} cells with `|`: copy the page again ({rows_read} complete rows read)",
                row.len(),
                shown,
                row.last().map_or(0, |c| c.last_line_number),
            ))
            .at_line(row.last().map(|c| c.line)));
        }
        table
            .rows
            .push(row_at(row[0].line, row.iter().map(|c| c.text)));
        rows_read += 1;
    }
    tables.push(table);
    Ok(tables)
}

fn tsv_table(text: &str, pins: &ColumnPins) -> RawTable {
    let lines: Vec<&str> = text.split('\n').collect();
    let header_at = lines
        .iter()
        .position(|l| is_tsv_header(l, pins))
        .or_else(|| lines.iter().position(|l| l.contains('\t')))
        .unwrap_or(0);
    let mut table = RawTable {
        header: row_at(header_at + 1, lines[header_at].split('\t').map(unquote)).cells,
        line: Some(header_at + 1),
        ..RawTable::default()
    };
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
            table
                .rows
                .push(row_at(index + 1, line.split('\t').map(unquote)));
            continue;
        }
        // A tab-less line continues the last cell of the row before it (a
        // cell with several paragraphs).
        let Some(last) = table.rows.last_mut().and_then(|row| row.cells.last_mut()) else {
            break;
        };
        let more = cell_from_lines(line);
        if !more.is_empty() {
            push_paragraph(last, &more);
        }
    }
    without_trailing_blank_columns(&mut table);
    table
}

/// A cell as a spreadsheet copies it: one that holds a tab, a quote or a
/// line break comes in quotes, its quotes doubled (`"Say ""hi"" first."`).
fn unquote(cell: &str) -> String {
    let trimmed = cell.trim();
    match trimmed
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    {
        Some(inner) if !inner.is_empty() => inner.replace("\"\"", "\""),
        _ => cell.to_owned(),
    }
}

/// A trailing tab on every line (as some spreadsheets copy rows) is no
/// column: an empty header cell over empty cells is dropped.
fn without_trailing_blank_columns(table: &mut RawTable) {
    let blank = |cell: Option<&String>| cell.is_some_and(|c| c.trim().is_empty());
    while table.header.len() > 2
        && blank(table.header.last())
        && table
            .rows
            .iter()
            .all(|r| r.cells.len() == table.header.len() && blank(r.cells.last()))
    {
        table.header.pop();
        for row in &mut table.rows {
            row.cells.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pins() -> ColumnPins {
        ColumnPins::default()
    }

    #[test]
    fn tsv_headers_name_the_code_column() {
        assert!(is_tsv_header("Error code\tDescription", &pins()));
        assert!(!is_tsv_header("Key\tDescription", &pins()));
        assert!(!is_tsv_header("Error code | Description", &pins()));
    }

    #[test]
    fn a_line_header_is_followed_by_a_delimiter_or_names_only_parts() {
        let lines = [
            "| Key | Type |",
            "|---|---|",
            "Error code | Description | Solution",
            "Error code | is what | you see",
        ];
        assert!(is_line_header(&lines, 0, &pins()), "a `---` row follows");
        assert!(is_line_header(&lines, 2, &pins()), "only parts of a table");
        assert!(!is_line_header(&lines, 3, &pins()), "prose with a bar");
        assert!(!is_line_header(&lines, 1, &pins()));
    }

    #[test]
    fn a_line_table_runs_to_prose_after_a_blank_or_the_next_header() {
        let lines: Vec<&str> = "| Code | Description |\n|---|---|\n| 1 | One |\ngoes on\n\n| 2 | Two |\n\nProse.\n| Code | Description |"
            .split('\n')
            .collect();
        let (table, next) = line_table(&lines, 0, Some("S".into()), &pins());
        assert_eq!((table.line, table.section.as_deref()), (Some(1), Some("S")));
        let rows: Vec<(&[String], Option<usize>)> = table
            .rows
            .iter()
            .map(|r| (r.cells.as_slice(), r.line))
            .collect();
        assert_eq!(
            rows,
            [
                (&["1".to_string(), "One\ngoes on".to_string()][..], Some(3)),
                (&["2".to_string(), "Two".to_string()][..], Some(6))
            ]
        );
        assert_eq!(next, 7, "stops at the prose after the blank line");
        let (_, next) = line_table(&lines, 8, None, &pins());
        assert_eq!(next, lines.len());
    }

    #[test]
    fn a_line_row_takes_lines_until_it_has_its_cells() {
        let lines = ["| 1 | One", "and more | Fix |", "| 2 | Two | Fix |"];
        let (row, last) = line_row(&lines, 0, 3, &pins());
        assert_eq!(last, 1);
        assert_eq!(row.cells, ["1", "One\nand more", "Fix"]);
        assert_eq!(row.line, Some(1));
        let (row, last) = line_row(&["| 1 | One", "", "x | y"], 0, 3, &pins());
        assert_eq!((row.cells.len(), last), (2, 0), "a blank line ends a row");
    }

    #[test]
    fn a_paragraph_goes_on_its_own_line() {
        let mut cell = String::new();
        push_paragraph(&mut cell, "a");
        push_paragraph(&mut cell, "b");
        assert_eq!(cell, "a\nb");
    }

    fn paragraphs_of(text: &str) -> Vec<Paragraph> {
        paragraphs(text)
    }

    #[test]
    fn header_paragraphs_are_short_lines_naming_the_columns() {
        let ps = paragraphs_of(
            "Intro.\n\nDescription\nError code\n\n1\n\nKey\nType\n\nCode\nDescription is what each code means, spelled out in a long sentence",
        );
        assert_eq!(
            paragraph_headers(&ps, &pins()),
            [ParagraphHeader {
                at: 1,
                span: 1,
                cells: vec!["Description".into(), "Error code".into()],
                code_column: 1
            }]
        );
    }

    #[test]
    fn header_labels_each_their_own_paragraph_end_where_the_first_row_starts() {
        let headers = |text: &str| -> Vec<(usize, usize, Vec<String>)> {
            paragraph_headers(&paragraphs_of(text), &pins())
                .into_iter()
                .map(|h| (h.at, h.span, h.cells))
                .collect()
        };
        let labels = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        // A title before the labels is no label: the codes say the width.
        assert_eq!(
            headers(
                "Card errors\n\nError code\n\nDescription\n\nWhat to do\n\n1\n\nOne.\n\nFix.\n\n2\n\nTwo.\n\nFix."
            ),
            [(1, 3, labels(&["Error code", "Description", "What to do"]))]
        );
        // The code column second: the first row's short description is no label.
        assert_eq!(
            headers("Description\n\nError code\n\nBusy\n\n503\n\nGone.\n\n410"),
            [(0, 2, labels(&["Description", "Error code"]))]
        );
        // A decoy's field `code` starts no header; nor do labels naming no code.
        assert_eq!(
            headers(
                "Key\n\nType\n\nDescription\n\ncode\n\ninteger\n\nThe number.\n\nName\n\nDescription\n\nx_1\n\nOne."
            ),
            []
        );
        // Labels one per line in one paragraph are a header as before.
        assert_eq!(
            headers("Error code\nDescription\n\n1\n\nOne."),
            [(0, 1, labels(&["Error code", "Description"]))]
        );
    }

    #[test]
    fn a_label_header_needs_its_second_row_in_step() {
        let body = paragraphs_of("1\n\nOne.\n\n2\n\nTwo.\n\n3\n\nThree.");
        assert!(rows_in_step(&body, 2, 0));
        assert!(
            !rows_in_step(&body, 3, 0),
            "the second row's code is out of step"
        );
        assert!(
            !rows_in_step(&body, 2, 1),
            "the first row's code cell holds prose"
        );
        assert!(
            rows_in_step(&body[..2], 2, 0),
            "one row: nothing to be out of step"
        );
    }

    #[test]
    fn a_blank_run_shorter_than_the_copys_usual_one_is_a_line_break() {
        let doubled = paragraphs_of("Code\n\nDescription\n\n\n\n1\n\n\n\nOne.\n\n\n\n2");
        let lines: Vec<(&[String], usize)> = doubled
            .iter()
            .map(|p| (p.lines.as_slice(), p.line))
            .collect();
        assert_eq!(
            lines,
            [
                (&["Code".to_string(), "Description".to_string()][..], 1),
                (&["1".to_string()][..], 7),
                (&["One.".to_string()][..], 11),
                (&["2".to_string()][..], 15)
            ]
        );
        // Of a tie, the shorter run: nothing merges.
        assert_eq!(paragraphs_of("a\n\nb\n\n\nc").len(), 3);
        assert!(ends_a_cell("Code |") && ends_a_cell(" | ") && !ends_a_cell("| a | b |"));
        assert!(!ends_a_cell("Home | Errors") && !ends_a_cell("a \\|"));
    }

    #[test]
    fn a_title_is_a_one_line_paragraph() {
        let ps = paragraphs_of("System Error\n\nTwo\nlines\n\nA sentence.");
        assert_eq!(single_line_title(&ps[0]).as_deref(), Some("System Error"));
        assert_eq!(single_line_title(&ps[1]), None);
        assert_eq!(single_line_title(&ps[2]), None);
    }

    #[test]
    fn the_next_tables_title_is_not_a_cell() {
        let read = |text: &str| {
            let mut warnings = Vec::new();
            let tables = paragraph_tables(text, &pins(), &mut warnings).unwrap();
            let shape: Vec<(usize, Option<String>)> = tables
                .iter()
                .map(|t| (t.rows.len(), t.section.clone()))
                .collect();
            (shape, warnings.len())
        };
        let title = || Some("Business Errors".to_string());
        let two =
            "Code\nDescription\n\n1\n\nOne.\n\nBusiness Errors\n\nCode\nDescription\n\n2\n\nTwo.";
        assert_eq!(read(two), (vec![(1, None), (1, title())], 0));
        let one = "Code\nDescription\n\n1\n\nOne.\n\nBusiness Errors";
        assert_eq!(read(one), (vec![(1, None)], 1), "no table follows");
        let whole = "Code\nDescription\n\n1\n\nBusiness Errors\n\nCode\nDescription\n\n2\n\nTwo.";
        assert_eq!(
            read(whole),
            (vec![(1, None), (1, title())], 0),
            "whole rows: the title-like paragraph is also the last row's cell"
        );
    }

    #[test]
    fn paragraph_rows_end_at_prose_or_refuse_a_row_out_of_step() {
        let header = ParagraphHeader {
            at: 0,
            span: 1,
            cells: vec!["Code".into(), "Description".into()],
            code_column: 0,
        };
        let mut warnings = Vec::new();
        let ps = paragraphs_of("1\n\nOne.\n\n2\n\n- a\n- b\n\nWas this helpful?");
        let rows = paragraph_rows(&ps, &header, &mut warnings).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[1].cells[1].as_str(), rows[1].line),
            ("- a\n- b", Some(5))
        );
        assert_eq!(
            warnings,
            ["1 paragraph(s) after the table's last row, from line 10, were ignored"]
        );
        let ps = paragraphs_of("1\n\nOne.\n\nmore of one\n\n2\n\nTwo.");
        let err = paragraph_rows(&ps, &header, &mut warnings).unwrap_err();
        assert_eq!(err.line, Some(5));
        assert!(
            err.message.starts_with("the paragraph at line 5 should start a row with its code, but holds \"more of one\", and a later paragraph (line 7)"),
            "{err}"
        );
        assert!(
            err.message
                .ends_with("expected 2 paragraphs per row (\"Code\" | \"Description\")"),
            "{err}"
        );
    }

    #[test]
    fn segments_know_their_lines_titles_and_labels() {
        let text = "Intro.\nSystem Error\nError code |\n Description |\n1 |\ntwo\nlines |";
        let cells = segments(text);
        assert_eq!(cells.len(), 4);
        assert_eq!(cells[0].title().as_deref(), Some("System Error"));
        assert_eq!(cells[0].last_line_number, 3);
        assert_eq!((cells[1].line, cells[3].line), (4, 6));
        assert!(cells[1].is_header_like());
        assert!(!cells[2].is_header_like(), "a value");
        assert!(!cells[3].is_header_like(), "two lines");
        assert_eq!(labels(&cells[..2]), ["Error code", "Description"]);
    }

    #[test]
    fn without_a_code_column_the_first_cells_are_handed_on() {
        let text = "Key |\nType |\nx |";
        let table = pipe_tables(text, &pins()).unwrap().remove(0);
        assert_eq!(
            (table.header, table.line),
            (vec!["Key".into(), "Type".into(), "x".into()], Some(1))
        );
    }

    #[test]
    fn the_header_starts_at_short_lines_before_the_code_column() {
        let text = "A long sentence of intro prose that runs on and on, past sixty characters |\nIntro\nNotes |\nError code |";
        assert_eq!(header_start(&segments(text), 2), 1);
        assert_eq!(header_start(&segments("Notes |\nError code |"), 1), 0);
    }

    #[test]
    fn the_header_is_as_wide_as_a_code_row_after_it_says() {
        let find = |text: &str| {
            let cells = segments(text);
            labels(&cells[..header_end(&cells, 0, 0, &pins())])
        };
        let header = find("Error code |\nDescription |\nSolution |\n1 |\nOne. |\nFix. |");
        assert_eq!(header, ["Error code", "Description", "Solution"]);
        // A malformed first code: the run of header-like cells.
        let header = find("Error code |\nDescription |\nSolution |\n4000I |\nOne. |\nFix. |");
        assert_eq!(header, ["Error code", "Description", "Solution"]);
        // Not even a header: the cells up to the first code-like one.
        let header = find("Error code |\nKey |\n1 |\nx |");
        assert_eq!(header, ["Error code", "Key"]);
    }

    #[test]
    fn pipe_rows_start_a_table_where_the_header_repeats() {
        let text = "A\nCode |\nDescription |\n1 |\nOne. |\nB\nCode |\nDescription |\n2 |\nTwo. |";
        let cells = segments(text);
        let header = vec!["Code".to_string(), "Description".to_string()];
        let tables = pipe_rows(&cells, 0, header.clone(), false).unwrap();
        let shape: Vec<(Option<&str>, Option<usize>, usize)> = tables
            .iter()
            .map(|t| (t.section.as_deref(), t.line, t.rows.len()))
            .collect();
        assert_eq!(shape, [(Some("A"), Some(2), 1), (Some("B"), Some(7), 1)]);
        assert_eq!(tables[1].rows[0].line, Some(9));
        let err = pipe_rows(&cells[..5], 0, header, false).unwrap_err();
        assert_eq!(err.line, Some(6), "where the short row's last cell starts");
        assert!(
            err.message
                .contains("its last row has 1 of its 2 cells (\"Code\" | \"Description\")")
                && err.message.ends_with("1 complete rows read)"),
            "{err}"
        );
    }

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
    fn a_refusal_lists_unread_pipe_runs_with_a_column_of_codes() {
        let text = "Home | Docs\nGuides | Help\n\n1 | One. | Fix.\n2 | Two. | Fix.\n\nPrivacy | Terms\nA | B\n";
        let runs = unread_line_runs(text, &pins());
        let seen: Vec<(Option<usize>, usize)> =
            runs.iter().map(|t| (t.line, t.rows.len())).collect();
        assert_eq!(seen, [(Some(4), 1)], "navigation lines are no table");
        let pinned = ColumnPins {
            code: Some(crate::read::pins::ColumnPin::Position(7)),
            ..ColumnPins::default()
        };
        let err = read(text, &pinned).unwrap_err();
        assert!(
            err.message.contains(
                "the tables seen were:\n  table at line 4: \"1\" | \"One.\" | \"Fix.\" (no column 7"
            ),
            "{err}"
        );
    }

    #[test]
    fn pipe_lines_split_at_bars_but_not_escaped_ones() {
        let split = split_pipe_line;
        assert_eq!(split("| a | b \\| c |"), [" a ", " b | c "]);
        assert_eq!(split("a\\|b|c\\|"), ["a|b", "c|"]);
        // Only the backslash right before a bar escapes it.
        assert_eq!(split("x \\\\| y"), ["x \\| y"]);
        assert_eq!(split("|"), Vec::<String>::new());
        assert_eq!(split("no bar"), Vec::<String>::new());
        assert_eq!(split("|---|:-:|"), Vec::<String>::new());
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
