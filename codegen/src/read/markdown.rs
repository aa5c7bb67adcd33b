//! Markdown: GFM tables (pulldown-cmark), plus any HTML `<table>` embedded in
//! the file, which exported docs often contain and the HTML reader handles.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::error::Result;
use crate::model::Format;
use crate::read::html;
use crate::read::normalize::CellBuilder;
use crate::read::table::{self, Article, RawRow, RawTable};

pub fn read(text: &str) -> Result<Article> {
    let mut tables = gfm_tables(text);
    if html::mentions_table(text) {
        tables.extend(html::tables(text)?);
    }
    table::select(Format::Markdown, tables)
}

/// Byte offset -> 1-based line, for a whole document.
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(text: &str) -> Self {
        Lines(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// Inline HTML people put in table cells, and what it means for the text.
fn apply_inline_html(cell: &mut CellBuilder, tag: &str) {
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    match name.as_str() {
        "li" if !tag.starts_with("</") => cell.start_list_item(),
        "br" | "p" | "div" | "li" | "ul" | "ol" => cell.break_line(),
        _ => {}
    }
}

/// How many cells a GFM row's source line really has: pulldown-cmark pads
/// short rows and drops extra cells, which would hide a missing cell.
fn source_cell_count(row: &str) -> usize {
    let row = row.trim();
    let mut pipes = Vec::new();
    let mut escaped = false;
    for (i, c) in row.char_indices() {
        if c == '|' && !escaped {
            pipes.push(i);
        }
        escaped = c == '\\' && !escaped;
    }
    let leading = usize::from(pipes.first() == Some(&0));
    let trailing =
        usize::from(pipes.last().is_some_and(|&i| i + 1 == row.len()) && pipes.len() > leading);
    pipes.len() + 1 - leading - trailing
}

fn gfm_tables(text: &str) -> Vec<RawTable> {
    let lines = Lines::new(text);
    let mut tables = Vec::new();
    let mut current: Option<RawTable> = None;
    let mut cells: Vec<String> = Vec::new();
    let mut cell: Option<CellBuilder> = None;
    let mut row_line = None;
    let mut row_cells_in_source = 0;
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Table(_)) => {
                current = Some(RawTable {
                    header: Vec::new(),
                    line: Some(lines.line(range.start)),
                    rows: Vec::new(),
                    problem: None,
                })
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                cells.clear();
                row_line = Some(lines.line(range.start));
                let source_line = text[range.clone()].lines().next().unwrap_or_default();
                row_cells_in_source = source_cell_count(source_line);
            }
            Event::Start(Tag::TableCell) => cell = Some(CellBuilder::default()),
            Event::End(TagEnd::TableCell) => {
                cells.push(cell.take().map(CellBuilder::finish).unwrap_or_default())
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(table) = current.as_mut() {
                    table.header = std::mem::take(&mut cells);
                }
            }
            Event::End(TagEnd::TableRow) => {
                let mut row = std::mem::take(&mut cells);
                row.resize(row_cells_in_source, String::new());
                if let Some(table) = current.as_mut() {
                    table.rows.push(RawRow {
                        cells: row,
                        line: row_line,
                        problem: None,
                    });
                }
            }
            Event::End(TagEnd::Table) => tables.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_text(&t);
                }
            }
            Event::SoftBreak => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_text(" ");
                }
            }
            Event::HardBreak => {
                if let Some(cell) = cell.as_mut() {
                    cell.break_line();
                }
            }
            Event::InlineHtml(tag) | Event::Html(tag) => {
                if let Some(cell) = cell.as_mut() {
                    apply_inline_html(cell, &tag);
                }
            }
            _ => {}
        }
    }
    tables
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
    }

    #[test]
    fn reads_a_gfm_table_with_formatting() {
        let md = "# Errors\n\nIntro.\n\n| Error code | Description | Solution |\n|:---|---|--:|\n| `40001` | You **don’t** have [permission](https://x). | Check.<br>Then ask &amp; wait. |\n| 2 | A \\| B | |\n\nAfter.\n";
        let article = read(md).unwrap();
        assert_eq!(article.rows.len(), 2);
        assert_eq!(article.rows[0].description, "You don’t have permission.");
        assert_eq!(article.rows[0].solution, "Check.\nThen ask & wait.");
        assert_eq!(article.rows[0].line, Some(7));
        assert_eq!(article.rows[1].description, "A | B");
    }

    #[test]
    fn a_short_row_is_a_missing_cell() {
        let err =
            read("| Code | Description | Solution |\n|---|---|---|\n| 1 | One. |\n").unwrap_err();
        assert_eq!((err.line, err.row), (Some(3), Some(1)));
        assert!(err.message.starts_with("2 cells, expected 3"), "{err}");
    }
}
