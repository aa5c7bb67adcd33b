//! Markdown: GFM tables (pulldown-cmark), plus any HTML `<table>` embedded in
//! the file, which exported docs often contain and the HTML reader handles.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::error::{Error, Result};
use crate::model::Format;
use crate::read::code_cell::value_codes;
use crate::read::html;
use crate::read::lines::Lines;
use crate::read::normalize::{CellBuilder, collapse};
use crate::read::pins::ColumnPins;
use crate::read::table::{self, Article, RawRow, RawTable};

/// The error table among the GFM tables and embedded HTML tables, in
/// document order of reading.
pub fn read(text: &str, pins: &ColumnPins) -> Result<Article> {
    let parsed = parse(text);
    let mut tables: Vec<RawTable> = parsed.tables.into_iter().map(|t| t.finish(text)).collect();
    // Markup written as code (`<table>` in backticks) is not a table.
    let html_text = blank_out(text, &parsed.code);
    // Each stretch between two markdown headings is parsed on its own, so
    // an embedded HTML table keeps the heading it sits under.
    let starts = std::iter::once((0, None))
        .chain(parsed.headings.iter().map(|(at, title)| (*at, Some(title))));
    let ends = parsed.headings.iter().map(|(at, _)| *at);
    for ((start, title), end) in starts.zip(ends.chain([text.len()])) {
        let stretch = &html_text[start..end];
        if !html::mentions_table(stretch) {
            continue;
        }
        for mut table in html::tables(stretch, parsed.lines.line(start))? {
            table.section = table.section.or_else(|| title.cloned());
            tables.push(table);
        }
    }
    // In document order: an HTML table's rows come where it stands among
    // the GFM tables (a table without a line, last).
    tables.sort_by_key(|t| t.line.unwrap_or(usize::MAX));
    if tables.is_empty() {
        bars_are_no_table(&html_text)?;
    }
    table::select(Format::Markdown, tables, pins)
}

/// With no table found, `|` lines are refused naming the text reader, which
/// reads them; this one reads markdown as GFM does: lines without a `---`
/// row under their first one are a paragraph, and so are cells each ended
/// by a `|` at its line's end, as a copied page gives them.
fn bars_are_no_table(text: &str) -> Result<()> {
    let lines: Vec<&str> = text.split('\n').collect();
    if let Some(at) = (0..lines.len()).find(|&i| starts_a_run(&lines, i)) {
        return Err(Error::new(format!(
            "no table found: the `|` lines from line {} have no `---` row under their first line, so they are no GFM table (markdown shows them as a paragraph); to read them as copied `|` lines, pass --format text (or save the capture as .txt), or add the `---` row under the header",
            at + 1
        ))
        .at_line(Some(at + 1)));
    }
    let mut ended = (1..=lines.len()).filter(|&line| ends_a_cell(lines[line - 1]));
    match (ended.next(), ended.nth(2)) {
        (Some(at), Some(_)) => Err(Error::new(format!(
            "no table found: from line {at} each cell ends with `|` at its line's end, as a copied page gives them, which markdown does not read as a table; pass --format text (or save the capture as .txt)"
        ))
        .at_line(Some(at))),
        _ => Ok(()),
    }
}

/// `text` with the bytes in `ranges` turned to spaces (line ends kept, so
/// offsets and lines stay as they were).
fn blank_out(text: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for i in ranges.iter().flat_map(Range::clone) {
        if bytes[i] != b'\n' {
            bytes[i] = b' ';
        }
    }
    // Whole characters were replaced by ASCII: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

/// Inline HTML people put in table cells, and what it means for the text.
fn apply_inline_html(cell: &mut CellBuilder, tag: &str) {
    let name = tag.trim_start_matches('<').trim_start_matches('/');
    let name = name.split(|c: char| !c.is_ascii_alphanumeric()).next();
    match name.unwrap_or_default().to_ascii_lowercase().as_str() {
        "li" if !tag.starts_with("</") => cell.start_list_item(),
        // As the HTML reader marks it: `40001^1`, never the code 400011.
        "sup" if !tag.starts_with("</") => cell.push_text("^"),
        "br" | "p" | "div" | "li" | "ul" | "ol" => cell.break_line(),
        _ => {}
    }
}

/// A line of the `|`-ended form (a copied page's cells): a bar alone, or
/// text a bar ends that does not start with one (a `| a | b |` row is a
/// line of a `|` table).
pub(crate) fn ends_a_cell(line: &str) -> bool {
    let line = line.trim();
    line == "|" || (ends_with_bar(line) && !line.starts_with('|'))
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

/// The cells of one `|` line: outer pipes optional, `\|` is a literal `|`.
pub(crate) fn split_pipe_line(line: &str) -> Vec<String> {
    let line = line.trim();
    if !line.contains('|') || is_delimiter_row(line) {
        return Vec::new();
    }
    let mut cells: Vec<String> = Vec::new();
    for piece in line.split('|') {
        match cells.last_mut() {
            // The bar after a backslash was escaped: the cell goes on.
            Some(cell) if cell.ends_with('\\') => {
                cell.pop();
                cell.push('|');
                cell.push_str(piece);
            }
            _ => cells.push(piece.to_owned()),
        }
    }
    if line.starts_with('|') {
        cells.remove(0);
    }
    if ends_with_bar(line) && !cells.is_empty() {
        cells.pop();
    }
    cells
}

/// Whether line `index` starts a run of `|` lines of one width (two cells
/// or more): a table without a header that names its columns, perhaps.
pub(crate) fn starts_a_run(lines: &[&str], index: usize) -> bool {
    let width = split_pipe_line(lines[index]).len();
    width >= 2
        && lines
            .get(index + 1)
            .is_some_and(|next| split_pipe_line(next).len() == width)
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

/// Rows the copy separated from their table by blank lines or an HTML
/// comment, added to `gfm`, which GFM ended at `gfm.end`. GFM ends a table at a
/// blank line (and at a comment, which starts an HTML block), so
/// pulldown-cmark reads what follows as a paragraph; a table is whole again
/// when the `|`-rows after it (until prose or the next table's header) are
/// read as its rows. A table written without outer `|` (`bare`) takes lines
/// with a `|` anywhere. A line that starts a row but is none, with nothing
/// after it, is where the capture was cut.
fn rows_after(gfm: &mut GfmTable, text: &str) {
    let (end, width) = (gfm.end, gfm.table.header.len());
    let first_line = 1 + text[..end].matches('\n').count();
    let bare = !text[gfm.head.clone()].trim_start().starts_with('|');
    let all: Vec<&str> = text[end..].split('\n').collect();
    // A header and delimiter row of `width` columns, to read each row apart
    // from its table as pulldown-cmark would read it in it.
    let synthetic_head = format!("|{}\n|{}\n", " h |".repeat(width), "---|".repeat(width));
    let mut in_comment = false;
    for (index, line) in all.iter().enumerate() {
        let trimmed = line.trim();
        if in_comment || trimmed.is_empty() || trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->") && (in_comment || trimmed.starts_with("<!--"));
            continue;
        }
        let next_is_delimiter = all[index + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| is_delimiter_row(l));
        let row_like = trimmed.starts_with('|') || (bare && trimmed.contains('|'));
        if !row_like || next_is_delimiter {
            return;
        }
        let line = first_line + index;
        let Some((mut row, shape)) = row_alone(&synthetic_head, trimmed) else {
            let rest_is_blank = all[index + 1..].iter().all(|l| l.trim().is_empty());
            // A closed one-cell line (`| Last updated |`) is no row, but not cut.
            let open = trimmed == "|" || !ends_with_bar(trimmed);
            if trimmed.starts_with('|') && open && rest_is_blank {
                let cut = RawRow {
                    cells: vec![String::new(); width],
                    line: Some(line),
                    problem: Some("the capture is cut in the middle of a row: the row starts with `|` and the input ends there; expected the whole table (copy or save the page again)".into()),
                    ..RawRow::default()
                };
                gfm.push(cut, RowShape::default());
            }
            return;
        };
        row.line = Some(line);
        gfm.push(row, shape);
    }
}

/// `line` read alone under `head`, as pulldown-cmark reads it in its table,
/// if it is a row there. Read alone: a row pulldown-cmark does not take (a
/// lone `|`) ends the table at its header, and rejoining would read it again.
fn row_alone(head: &str, line: &str) -> Option<(RawRow, RowShape)> {
    let GfmTable {
        mut table, shapes, ..
    } = parse(&format!("{head}{line}\n")).tables.pop()?;
    let row = table.rows.pop()?;
    let shape = shapes.into_iter().next()?;
    // A single cell is a line that starts with `|`, not a row; a line
    // without outer `|` is one only if it fills the header exactly and a
    // cell holds a code (a footer's `Was this helpful? Yes | No` is prose
    // with a `|`).
    let single = row.cells.len() - shape.padded < 2 && shape.dropped.is_empty();
    let bare_row = shape.padded == 0
        && shape.dropped.is_empty()
        && row.cells.iter().any(|c| value_codes(c).is_some());
    (!single && (line.starts_with('|') || bare_row)).then_some((row, shape))
}

/// What pulldown-cmark made of a row's source line: it pads a short row
/// with empty cells and drops a long row's extra cells, as GFM says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct RowShape {
    /// How many empty cells it added (they sit, empty, past the row's line).
    padded: usize,
    /// The source text of the cells it dropped.
    dropped: String,
    /// The line ends with a closing `|`.
    closed: bool,
}

impl RowShape {
    /// The shape of the row whose source is `text[row]`, given the source
    /// range of each cell pulldown-cmark gave.
    fn of(text: &str, row: Range<usize>, cells: &[Range<usize>]) -> RowShape {
        let padded = cells
            .iter()
            .rev()
            .take_while(|c| c.is_empty() && c.start >= row.end)
            .count();
        let closed = ends_with_bar(&text[row.clone()]);
        let last_end = cells[..cells.len() - padded]
            .last()
            .map_or(row.start, |c| c.end.min(row.end));
        let rest = text[last_end..row.end].trim();
        let rest = rest.strip_prefix('|').unwrap_or(rest);
        let rest = rest.strip_suffix('|').filter(|_| closed).unwrap_or(rest);
        RowShape {
            padded,
            dropped: rest.trim().to_owned(),
            closed,
        }
    }

    /// The warning a repaired row gets, naming its line.
    fn warning(&self, line: Option<usize>, width: usize) -> Option<String> {
        let at = line.map_or(String::new(), |l| format!("line {l}: "));
        if self.padded > 0 {
            Some(format!(
                "{at}the row has {} of the header's {width} cells: the missing ones are read as empty, as GFM reads a short row",
                width - self.padded
            ))
        } else if !self.dropped.is_empty() {
            Some(format!(
                "{at}the row has more cells than the header's {width}: \"{}\" after them is not read, as GFM drops a long row's extra cells",
                self.dropped
            ))
        } else {
            None
        }
    }
}

/// A GFM table as read, with how each row's source looked.
#[derive(Default)]
struct GfmTable {
    table: RawTable,
    /// The header's source line.
    head: Range<usize>,
    /// One per row of `table.rows`.
    shapes: Vec<RowShape>,
    /// Where GFM ended the table.
    end: usize,
}

impl GfmTable {
    fn push(&mut self, row: RawRow, shape: RowShape) {
        self.table.rows.push(row);
        self.shapes.push(shape);
    }

    /// The table as `table::select` takes it, with the rows a blank line
    /// cut off it: a row the capture's end cut is refused (a short one
    /// among them: the cut, not GFM's padding, is its story), every other
    /// repaired row warned of.
    fn finish(mut self, text: &str) -> RawTable {
        rows_after(&mut self, text);
        let mut table = self.table;
        let closed: Vec<bool> = std::iter::once(ends_with_bar(&text[self.head]))
            .chain(self.shapes.iter().map(|s| s.closed))
            .collect();
        if let Some(last) = table.rows.last_mut().filter(|r| r.problem.is_none()) {
            let after = last.line.unwrap_or(0);
            let rest_is_blank = text.split('\n').skip(after).all(|l| l.trim().is_empty());
            last.problem = cut_last_row(&closed, rest_is_blank, last.line);
        }
        let width = table.header.len();
        for (row, shape) in table.rows.iter().zip(&self.shapes) {
            if row.problem.is_none() {
                table.warnings.extend(shape.warning(row.line, width));
            }
        }
        table
    }
}

/// The GFM tables, each with the heading it follows, every heading's
/// offset and text, and where code is: one pulldown-cmark pass. Each table
/// ends where GFM ends it, until [`GfmTable::finish`].
fn parse(text: &str) -> Pass<'_> {
    let mut pass = Pass::new(text);
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        pass.event(event, range);
    }
    pass
}

/// One pulldown-cmark pass: what it has found, and what is open.
#[derive(Default)]
struct Pass<'t> {
    text: &'t str,
    lines: Lines,
    tables: Vec<GfmTable>,
    /// Every heading's offset and text.
    headings: Vec<(usize, String)>,
    /// The source of every code span and fenced code block.
    code: Vec<Range<usize>>,
    /// The heading being read: its offset and its text so far.
    heading: Option<(usize, String)>,
    table: Option<GfmTable>,
    /// The row being read: its cells so far, its source range, and each
    /// cell's source range.
    cells: Vec<String>,
    row_range: Range<usize>,
    cell_ranges: Vec<Range<usize>>,
    /// One builder serves every cell: in a table, text is only in cells.
    cell: CellBuilder,
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
            Event::Start(Tag::TableCell) => self.cell_ranges.push(range),
            Event::End(TagEnd::TableCell) => self.cells.push(self.cell.take()),
            Event::End(TagEnd::TableHead) => self.end_head(),
            Event::End(TagEnd::TableRow) => self.end_row(),
            Event::End(TagEnd::Table) => self.end_table(range.end),
            // Only fenced blocks: an indented one may be the rest of an
            // HTML table that a blank line cut from its HTML block.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => self.code.push(range),
            Event::Code(t) => {
                self.code.push(range);
                self.push_text(&t);
            }
            Event::Text(t) => self.push_text(&t),
            Event::SoftBreak if self.table.is_some() => self.cell.push_text(" "),
            Event::HardBreak if self.table.is_some() => self.cell.break_line(),
            Event::InlineHtml(tag) | Event::Html(tag) if self.table.is_some() => {
                apply_inline_html(&mut self.cell, &tag)
            }
            _ => {}
        }
    }

    fn end_heading(&mut self) {
        if let Some((at, title)) = self.heading.take() {
            self.headings.push((at, collapse(&title)));
        }
    }

    /// A table at `start`, under the last heading with text.
    fn start_table(&mut self, start: usize) {
        let section = self.headings.last().map(|(_, t)| t.clone());
        self.table = Some(GfmTable {
            table: RawTable {
                line: Some(self.lines.line(start)),
                section: section.filter(|t| !t.is_empty()),
                ..RawTable::default()
            },
            ..GfmTable::default()
        });
    }

    /// The header or a row, whose source is the range's first line.
    fn start_row(&mut self, range: Range<usize>) {
        self.cells.clear();
        self.cell_ranges.clear();
        let first_line = self.text[range.clone()].find('\n').unwrap_or(range.len());
        self.row_range = range.start..range.start + first_line;
    }

    fn end_head(&mut self) {
        if let Some(gfm) = self.table.as_mut() {
            gfm.table.header = std::mem::take(&mut self.cells);
            gfm.head = self.row_range.clone();
        }
    }

    /// A row as pulldown-cmark gives it (as wide as the header), and how its
    /// source line looked.
    fn end_row(&mut self) {
        let shape = RowShape::of(self.text, self.row_range.clone(), &self.cell_ranges);
        let row = RawRow {
            cells: std::mem::take(&mut self.cells),
            line: Some(self.lines.line(self.row_range.start)),
            ..RawRow::default()
        };
        if let Some(gfm) = self.table.as_mut() {
            gfm.push(row, shape);
        }
    }

    fn end_table(&mut self, end: usize) {
        if let Some(mut gfm) = self.table.take() {
            gfm.end = end.min(self.text.len());
            self.tables.push(gfm);
        }
    }

    /// Text goes to the open table's cell, else to the open heading.
    fn push_text(&mut self, text: &str) {
        if self.table.is_some() {
            self.cell.push_text(text);
        } else if let Some((_, title)) = self.heading.as_mut() {
            title.push_str(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of `text`'s first table row, as a pass sees it.
    fn first_row_shape(text: &str) -> RowShape {
        parse(text).tables[0].shapes[0].clone()
    }

    #[test]
    fn a_rows_shape_says_what_gfm_padded_cut_and_whether_it_closed() {
        let head = "| a | b | c |\n|---|---|---|\n";
        let shape = |row: &str| first_row_shape(&format!("{head}{row}"));
        assert_eq!(
            shape("| 1 | 2 | 3 |\n"),
            RowShape {
                closed: true,
                ..RowShape::default()
            }
        );
        assert_eq!(shape("| 1 |\n").padded, 2);
        assert_eq!(shape("| 1 | 2").padded, 1, "at the input's end");
        assert_eq!(shape("| 1 | | |\n").padded, 0, "empty cells written out");
        let long = shape("| 1 | 2 | 3 | 4 | 5 |\n");
        assert_eq!((long.dropped.as_str(), long.closed), ("4 | 5", true));
        let open = shape("1 | 2 | 3 | 4\n");
        assert_eq!((open.dropped.as_str(), open.closed), ("4", false));
        assert!(!shape("| 1 | 2 | 3 \\|\n").closed, "an escaped bar is text");
    }

    #[test]
    fn only_a_last_row_alone_open_at_the_inputs_end_is_a_cut() {
        assert!(cut_last_row(&[true, true, false], true, Some(4)).is_some());
        assert!(cut_last_row(&[true, true, false], false, Some(4)).is_none());
        assert!(cut_last_row(&[false, false, false], true, Some(4)).is_none());
        assert!(cut_last_row(&[true, false, false], true, Some(4)).is_none());
        assert!(cut_last_row(&[false], true, Some(4)).is_none());
        assert!(cut_last_row(&[true, true, true], true, Some(4)).is_none());
        let message = cut_last_row(&[true, false], true, Some(4)).unwrap();
        assert!(
            message.starts_with(
                "the capture is cut in the middle of a row: the table's last row (line 4)"
            ),
            "{message}"
        );
        assert!(ends_with_bar("| a |  ") && !ends_with_bar("| a \\|") && !ends_with_bar("| a"));
    }

    #[test]
    fn a_heading_is_kept_collapsed_and_names_the_tables_under_it() {
        let mut pass = Pass::new("# x\n\n| a |\n");
        pass.heading = Some((0, " System \u{a0} Error ".into()));
        pass.end_heading();
        assert_eq!(pass.headings, [(0, "System Error".to_string())]);
        pass.start_table(5);
        let table = &pass.table.as_ref().unwrap().table;
        assert_eq!(
            (table.line, table.section.as_deref()),
            (Some(3), Some("System Error"))
        );
        pass.headings.push((9, String::new()));
        pass.start_table(0);
        assert_eq!(
            pass.table.unwrap().table.section,
            None,
            "an empty heading names none"
        );
    }

    #[test]
    fn a_row_is_as_wide_as_its_header_and_warned_of_when_gfm_made_it_so() {
        let text =
            "| Code | Description |\n|---|---|\n| 1 | One. | extra |\n| 2 |\n| 3 | Three. |\n";
        let table = parse(text).tables.remove(0).finish(text);
        let rows: Vec<(&[String], Option<usize>)> = table
            .rows
            .iter()
            .map(|r| (r.cells.as_slice(), r.line))
            .collect();
        assert_eq!(
            rows,
            [
                (&["1".to_string(), "One.".to_string()][..], Some(3)),
                (&["2".to_string(), String::new()][..], Some(4)),
                (&["3".to_string(), "Three.".to_string()][..], Some(5))
            ]
        );
        assert_eq!(
            table.warnings,
            [
                "line 3: the row has more cells than the header's 2: \"extra\" after them is not read, as GFM drops a long row's extra cells",
                "line 4: the row has 1 of the header's 2 cells: the missing ones are read as empty, as GFM reads a short row"
            ]
        );
    }

    #[test]
    fn a_table_ends_with_the_rows_a_blank_line_or_a_comment_cut_off() {
        let text = "| Code | Description |\n|---|---|\n| 1 | One. |\n\n| 2 | Two. |\n<!-- a\nnote -->\n| 3 | Three |\n";
        let mut pass = Pass::new(text);
        pass.start_table(0);
        pass.table.as_mut().unwrap().table.header = vec!["Code".into(), "Description".into()];
        pass.end_table(46);
        assert!(pass.table.is_none());
        pass.end_table(usize::MAX);
        assert_eq!(pass.tables.len(), 1, "no table was open");
        let rows = pass.tables.remove(0).finish(text).rows;
        let lines: Vec<Option<usize>> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [Some(5), Some(8)]);
        assert_eq!(rows[0].cells, ["2", "Two."]);
    }

    #[test]
    fn a_lone_bar_after_a_blank_line_ends_the_table_once() {
        // The row is read alone to see how GFM takes it; a lone `|` is no
        // row, so reading it alone must not rejoin it again (it recursed).
        for text in [
            "| Code | Description |\n|---|---|\n| 1 | One. |\n\n|\n",
            "| Code | Description |\n|---|---|\n| 1 | One. \n|\n| 2 | Two. |\n",
        ] {
            let tables = parse(text).tables;
            assert_eq!(tables.len(), 1, "{text:?}");
            assert!(!tables[0].table.rows.is_empty(), "{text:?}");
            tables.into_iter().for_each(|t| drop(t.finish(text)));
        }
    }

    #[test]
    fn text_goes_to_the_open_cell_else_the_open_heading() {
        let mut pass = Pass::new("");
        pass.push_text("lost");
        pass.heading = Some((0, String::new()));
        pass.push_text("Title");
        pass.start_table(0);
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
        let mut tables = parse(md).tables;
        rows_after(&mut tables[0], md);
        let lines: Vec<Option<usize>> = tables[0].table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [Some(3), Some(5), Some(8)]);
        assert_eq!(tables[0].shapes[2].padded, 1, "a short row is padded");
        let decoy = "| Code | Description | Solution |\n|---|---|---|\n| 1 | One. | Fix. |\n\n| Key | Type | Description |\n|---|---|---|\n| code | int | x |\n";
        let mut tables = parse(decoy).tables;
        rows_after(&mut tables[0], decoy);
        assert_eq!((tables.len(), tables[0].table.rows.len()), (2, 1));
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
    fn a_short_row_is_read_as_gfm_reads_it_but_a_cut_last_row_is_refused() {
        let head = "| Code | Description | Solution |\n|---|---|---|\n";
        let article = read(
            &format!("{head}| 1 | One. |\n| 2 | Two. | x |\n"),
            &ColumnPins::default(),
        )
        .unwrap();
        assert_eq!(article.rows[0].solution, "");
        assert!(
            article
                .warnings
                .iter()
                .any(|w| w.starts_with("line 3: the row has 2 of the header's 3 cells")),
            "{:?}",
            article.warnings
        );
        let err = read(
            &format!("{head}| 1 | One. | x |\n| 2 | Two. | Fix it\n\n"),
            &ColumnPins::default(),
        )
        .unwrap_err();
        assert_eq!((err.line, err.row), (Some(4), Some(2)));
        assert!(
            err.message
                .starts_with("the capture is cut in the middle of a row"),
            "{err}"
        );
        let err = read(
            &format!("{head}| 1 | One. | x |\n| 2 | Tw"),
            &ColumnPins::default(),
        )
        .unwrap_err();
        assert!(
            err.message
                .starts_with("the capture is cut in the middle of a row"),
            "a short cut row too: {err}"
        );
    }

    #[test]
    fn code_is_blanked_out_for_the_html_reader_and_html_tables_take_their_lines() {
        assert_eq!(
            blank_out("a `<t>` b\n```\nx\n```", &[2..7, 10..19]),
            "a       b\n   \n \n   "
        );
        let md = "# Errors\n\nWrite `<table>` to start one.\n\n## B\n\n| Code | Description |\n|---|---|\n| 2 | Two. |\n\n## A\n\n<table><tr><th>Code</th><th>Description</th></tr><tr><td>1</td><td>One.</td></tr></table>\n";
        let article = read(md, &ColumnPins::default()).unwrap();
        let keys: Vec<(String, Option<usize>)> = article
            .rows
            .iter()
            .map(|r| (r.code.to_string(), r.line))
            .collect();
        assert_eq!(keys, [("2".to_string(), Some(9)), ("1".to_string(), None)]);
        let err = read("# E\n\n## B\n\nText.\n\n<table><tr><th>Code</th><th>Description</th></tr>\n<tr><td>1</td><td>One.", &ColumnPins::default()).unwrap_err();
        assert_eq!(err.line, Some(7), "{err}");
        assert!(err.message.contains("the capture is cut: the <table> that starts at line 7 has no </table> before the input ends at line 8"), "{err}");
    }
}
