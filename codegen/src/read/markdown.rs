//! Markdown: GFM tables (pulldown-cmark), plus any HTML `<table>` embedded in
//! the file, which exported docs often contain and the HTML reader handles.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::error::Result;
use crate::model::Format;
use crate::read::html;
use crate::read::lines::Lines;
use crate::read::normalize::{CellBuilder, collapse};
use crate::read::pins::ColumnPins;
use crate::read::table::{self, Article, RawRow, RawTable};

/// The error table among the GFM tables and embedded HTML tables, in
/// document order of reading.
pub fn read(text: &str, pins: &ColumnPins) -> Result<Article> {
    let parsed = parse(text);
    let mut tables = parsed.tables;
    // Each stretch between two markdown headings is parsed on its own, so
    // an embedded HTML table keeps the heading it sits under.
    let starts: Vec<(usize, Option<&String>)> = std::iter::once((0, None))
        .chain(parsed.headings.iter().map(|(at, title)| (*at, Some(title))))
        .collect();
    for (index, (start, title)) in starts.iter().enumerate() {
        let end = starts.get(index + 1).map_or(text.len(), |(at, _)| *at);
        let stretch = &text[*start..end];
        if !html::mentions_table(stretch) {
            continue;
        }
        for mut table in html::tables(stretch)? {
            if table.section.is_none() {
                table.section = title.cloned();
            }
            tables.push(table);
        }
    }
    table::select(Format::Markdown, tables, pins)
}

/// Inline HTML people put in table cells, and what it means for the text.
fn apply_inline_html(cell: &mut CellBuilder, tag: &str) {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let name = name.split(|c: char| !c.is_ascii_alphanumeric()).next();
    match name.unwrap_or_default().to_ascii_lowercase().as_str() {
        "li" if !tag.starts_with("</") => cell.start_list_item(),
        "br" | "p" | "div" | "li" | "ul" | "ol" => cell.break_line(),
        _ => {}
    }
}

/// How many cells a GFM row's source line really has: pulldown-cmark pads
/// short rows and drops extra cells, which would hide a missing cell.
fn source_cell_count(row: &str) -> usize {
    let row = row.trim();
    // A backslash escapes the byte after it, whatever it is.
    let mut escaped = false;
    let mut bars = Vec::new();
    for (i, b) in row.bytes().enumerate() {
        if std::mem::take(&mut escaped) {
            continue;
        }
        escaped = b == b'\\';
        if b == b'|' {
            bars.push(i);
        }
    }
    let leading = usize::from(bars.first() == Some(&0));
    let trailing = usize::from(bars.len() > leading && bars.last() == Some(&(row.len() - 1)));
    bars.len() + 1 - leading - trailing
}

/// Whether a row's line ends with a closing `|` (an escaped `\|` is text).
pub(crate) fn ends_with_bar(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with('|') && !line.ends_with("\\|")
}

/// Why a table's last row is refused when the capture was cut in it: it
/// alone lacks the closing `|` that the header and every other row have
/// (`closed`, in that order), and only blank lines follow it. A table none
/// of whose rows close is whole: GFM needs no closing `|`.
pub(crate) fn cut_last_row(
    closed: &[bool],
    rest_is_blank: bool,
    line: Option<usize>,
) -> Option<String> {
    let (last, others) = closed.split_last()?;
    let cut = !last && rest_is_blank && !others.is_empty() && others.iter().all(|c| *c);
    let at = line.map_or(String::new(), |l| format!(" (line {l})"));
    cut.then(|| format!(
        "the capture is cut in the middle of a row: the table's last row{at} ends the input without the closing `|` that every other row has; expected the whole table (copy or save the page again)"
    ))
}

/// A GFM delimiter row: `|---|:--:|`.
pub(crate) fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && line.contains('|')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Rows the copy separated from their table by blank lines. GFM ends a table
/// at a blank line, so pulldown-cmark reads what follows as a paragraph; a
/// table is whole again when the `|`-rows after it (until prose or the next
/// table's header) are read as its rows.
fn rows_after(text: &str, end: usize, width: usize, first_line: usize) -> Vec<RawRow> {
    let all: Vec<&str> = text[end..].split('\n').collect();
    let mut rows = Vec::new();
    // A header and delimiter row of `width` columns, to read each row apart
    // from its table as pulldown-cmark would read it in it.
    let synthetic_head = format!("|{}\n|{}\n", " h |".repeat(width), "---|".repeat(width));
    for (index, line) in all.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let next_is_delimiter = all[index + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| is_delimiter_row(l));
        if !trimmed.starts_with('|') || next_is_delimiter || source_cell_count(trimmed) < 2 {
            break;
        }
        let parsed = parse(&format!("{synthetic_head}{trimmed}\n"));
        if let Some(mut row) = parsed
            .tables
            .into_iter()
            .next()
            .and_then(|t| t.rows.into_iter().next())
        {
            row.line = Some(first_line + index);
            rows.push(row);
        }
    }
    rows
}

/// What one pulldown-cmark pass over a document gives.
#[derive(Default)]
struct Parsed {
    tables: Vec<RawTable>,
    /// Every heading's offset and text.
    headings: Vec<(usize, String)>,
}

/// The GFM tables, each with the heading it follows, and every heading's
/// offset and text: one pulldown-cmark pass over a document.
fn parse(text: &str) -> Parsed {
    let mut pass = Pass::new(text);
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        pass.event(event, range);
    }
    pass.parsed
}

/// One pulldown-cmark pass: what it has found, and what is open.
#[derive(Default)]
struct Pass<'t> {
    text: &'t str,
    lines: Lines,
    parsed: Parsed,
    /// The heading being read: its offset and its text so far.
    heading: Option<(usize, String)>,
    table: Option<RawTable>,
    /// The row being read: its cells so far, its line, and how many cells
    /// its source line has.
    cells: Vec<String>,
    row_line: Option<usize>,
    row_cells_in_source: usize,
    /// One builder serves every cell; `in_cell` says whether one is open.
    cell: CellBuilder,
    in_cell: bool,
}

impl<'t> Pass<'t> {
    fn new(text: &'t str) -> Self {
        Pass {
            text,
            lines: Lines::new(text),
            ..Pass::default()
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.heading = Some((range.start, String::new())),
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::Table(_)) => self.start_table(range.start),
            Event::Start(Tag::TableHead | Tag::TableRow) => self.start_row(range),
            Event::Start(Tag::TableCell) => self.in_cell = true,
            Event::End(TagEnd::TableCell) => {
                self.cells.push(self.cell.take());
                self.in_cell = false;
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(table) = self.table.as_mut() {
                    table.header = std::mem::take(&mut self.cells);
                }
            }
            Event::End(TagEnd::TableRow) => self.end_row(),
            Event::End(TagEnd::Table) => self.end_table(range.end),
            Event::Text(t) | Event::Code(t) => self.push_text(&t),
            Event::SoftBreak if self.in_cell => self.cell.push_text(" "),
            Event::HardBreak if self.in_cell => self.cell.break_line(),
            Event::InlineHtml(tag) | Event::Html(tag) if self.in_cell => {
                apply_inline_html(&mut self.cell, &tag)
            }
            _ => {}
        }
    }

    fn end_heading(&mut self) {
        if let Some((at, title)) = self.heading.take() {
            self.parsed.headings.push((at, collapse(&title)));
        }
    }

    /// A table at `start`, under the last heading with text.
    fn start_table(&mut self, start: usize) {
        self.table = Some(RawTable {
            line: Some(self.lines.line(start)),
            section: self
                .parsed
                .headings
                .last()
                .map(|(_, t)| t.clone())
                .filter(|t| !t.is_empty()),
            ..RawTable::default()
        });
    }

    /// The header or a row, whose source starts the range.
    fn start_row(&mut self, range: Range<usize>) {
        self.cells.clear();
        self.row_line = Some(self.lines.line(range.start));
        let source_line = self.text[range].lines().next().unwrap_or_default();
        self.row_cells_in_source = source_cell_count(source_line);
    }

    /// A row as its source line has it: pulldown-cmark pads short rows and
    /// drops extra cells.
    fn end_row(&mut self) {
        let mut row = std::mem::take(&mut self.cells);
        row.resize(self.row_cells_in_source, String::new());
        if let Some(table) = self.table.as_mut() {
            table.rows.push(RawRow {
                cells: row,
                line: self.row_line,
                problem: None,
            });
        }
    }

    /// The table that ends at `end`, with the rows a blank line cut off it.
    fn end_table(&mut self, end: usize) {
        if let Some(mut table) = self.table.take() {
            let end = end.min(self.text.len());
            let first_line = self.lines.line(end);
            let width = table.header.len();
            table
                .rows
                .extend(rows_after(self.text, end, width, first_line));
            self.parsed.tables.push(table);
        }
    }

    /// Text goes to the open cell, else to the open heading.
    fn push_text(&mut self, text: &str) {
        if self.in_cell {
            self.cell.push_text(text);
        } else if let Some((_, title)) = self.heading.as_mut() {
            title.push_str(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_cells_in_source_rows() {
        assert_eq!(source_cell_count("| a | b | c |"), 3);
        assert_eq!(source_cell_count("a | b"), 2);
        assert_eq!(source_cell_count("| a \\| b | c |"), 2);
        assert_eq!(source_cell_count("| a |"), 1);
        // A backslash escapes only the byte after it.
        assert_eq!(source_cell_count("| a \\\\| b |"), 2);
        assert_eq!(source_cell_count("\\| a | b \\|"), 2);
        assert_eq!(source_cell_count("| a \\\\\\| b |"), 1);
        assert_eq!(source_cell_count("|"), 1);
    }

    #[test]
    fn a_heading_is_kept_collapsed_and_names_the_tables_under_it() {
        let mut pass = Pass::new("# x\n\n| a |\n");
        pass.heading = Some((0, " System \u{a0} Error ".into()));
        pass.end_heading();
        assert_eq!(pass.parsed.headings, [(0, "System Error".to_string())]);
        pass.start_table(5);
        let table = pass.table.as_ref().unwrap();
        assert_eq!(
            (table.line, table.section.as_deref()),
            (Some(3), Some("System Error"))
        );
        pass.parsed.headings.push((9, String::new()));
        pass.start_table(0);
        assert_eq!(
            pass.table.unwrap().section,
            None,
            "an empty heading names none"
        );
    }

    #[test]
    fn a_row_has_as_many_cells_as_its_source_line() {
        let text = "| Code | Description |\n|---|---|\n| 1 | One. | extra |\n";
        let mut pass = Pass::new(text);
        pass.start_table(0);
        pass.start_row(text.find("| 1").unwrap()..text.len());
        assert_eq!((pass.row_line, pass.row_cells_in_source), (Some(3), 3));
        pass.cells = vec!["1".into(), "One.".into()];
        pass.end_row();
        let row = &pass.table.as_ref().unwrap().rows[0];
        assert_eq!(
            (row.cells.as_slice(), row.line),
            (
                &["1".to_string(), "One.".to_string(), String::new()][..],
                Some(3)
            )
        );
    }

    #[test]
    fn a_table_ends_with_the_rows_a_blank_line_cut_off() {
        let text = "| Code | Description |\n|---|---|\n| 1 | One. |\n\n| 2 | Two. |\n";
        let mut pass = Pass::new(text);
        pass.table = Some(RawTable {
            header: vec!["Code".into(), "Description".into()],
            ..RawTable::default()
        });
        pass.end_table(46);
        assert!(pass.table.is_none());
        let rows = &pass.parsed.tables[0].rows;
        assert_eq!((rows.len(), rows[0].line), (1, Some(5)));
        assert_eq!(rows[0].cells, ["2", "Two."]);
        pass.end_table(usize::MAX);
        assert_eq!(pass.parsed.tables.len(), 1, "no table was open");
    }

    #[test]
    fn text_goes_to_the_open_cell_else_the_open_heading() {
        let mut pass = Pass::new("");
        pass.push_text("lost");
        pass.heading = Some((0, String::new()));
        pass.push_text("Title");
        pass.in_cell = true;
        pass.push_text("cell");
        assert_eq!(pass.heading.as_ref().unwrap().1, "Title");
        assert_eq!(pass.cell.take(), "cell");
    }

    #[test]
    fn reads_a_gfm_table_with_formatting() {
        let md = "# Errors\n\nIntro.\n\n| Error code | Description | Solution |\n|:---|---|--:|\n| `40001` | You **don’t** have [permission](https://x). | Check.<br>Then ask &amp; wait. |\n| 2 | A \\| B | |\n\nAfter.\n";
        let article = read(md, &ColumnPins::default()).unwrap();
        assert_eq!(article.rows.len(), 2);
        assert_eq!(article.rows[0].description, "You don’t have permission.");
        assert_eq!(article.rows[0].solution, "Check.\nThen ask & wait.");
        assert_eq!(article.rows[0].line, Some(7));
        assert_eq!(article.rows[1].description, "A | B");
    }

    #[test]
    fn rows_after_blank_lines_stay_in_their_table_until_prose_or_a_new_table() {
        let md = "| Code | Description | Solution |\n|---|---|---|\n| 1 | One. | Fix. |\n\n| 2 | Two. | Fix. |\n\n\n| 3 | Three. |\nProse.\n\n| 4 | Four. | Fix. |\n";
        let tables = parse(md).tables;
        let lines: Vec<Option<usize>> = tables[0].rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [Some(3), Some(5), Some(8)]);
        assert_eq!(tables[0].rows[2].cells.len(), 2, "a short row stays short");
        let decoy = "| Code | Description | Solution |\n|---|---|---|\n| 1 | One. | Fix. |\n\n| Key | Type | Description |\n|---|---|---|\n| code | int | x |\n";
        let tables = parse(decoy).tables;
        assert_eq!((tables.len(), tables[0].rows.len()), (2, 1));
    }

    #[test]
    fn sections_come_from_headings_for_gfm_and_embedded_html() {
        let md = "# Errors\n\n## Error struct\n\n| Key | Type | Description |\n|---|---|---|\n| code | int | The code. |\n\n## System Error\n\n| Code | Description |\n|---|---|\n| 1 | One. |\n\n## Business Errors\n\n<table><tr><th>Code</th><th>Description</th></tr><tr><td><code>CT01</code></td><td><ul><li>a</li><li>b</li></ul></td></tr></table>\n";
        let article = read(md, &ColumnPins::default()).unwrap();
        let rows: Vec<(String, Option<&str>, &str)> = article
            .rows
            .iter()
            .map(|r| {
                (
                    r.code.to_string(),
                    r.section.as_deref(),
                    r.description.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("1".to_string(), Some("System Error"), "One."),
                ("CT01".to_string(), Some("Business Errors"), "- a\n- b")
            ]
        );
    }

    #[test]
    fn a_short_row_is_a_missing_cell() {
        let err = read(
            "| Code | Description | Solution |\n|---|---|---|\n| 1 | One. |\n| 2 | Two. | x |\n",
            &ColumnPins::default(),
        )
        .unwrap_err();
        assert_eq!((err.line, err.row), (Some(3), Some(1)));
        assert!(err.message.starts_with("2 cells, expected 3"), "{err}");
    }
}
