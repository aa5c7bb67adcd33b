//! HTML: a page as saved from a browser, or an article fragment.
//!
//! html5ever (through scraper) parses as browsers do, so `<table>` text inside
//! `<script>` or `<style>` is never an element. Tables inside `<template>` are
//! inert and skipped. HTML has no line numbers after parsing; errors name rows.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

use crate::error::{Error, Result};
use crate::model::Format;
use crate::read::lines::Lines;
use crate::read::normalize::{CellBuilder, collapse};
use crate::read::pins::ColumnPins;
use crate::read::table::{self, Article, RawRow, RawTable};

/// The page's error table, once the page is known to be complete.
///
/// Browsers repair truncated HTML silently, which would turn a cut-off save
/// into a shorter list of codes. Refuse instead. Tags are counted by
/// `scan_tags`, so `<table>` inside a script or a comment (as saved pages
/// have) is not taken for an unclosed table.
pub fn read(text: &str, pins: &ColumnPins) -> Result<Article> {
    scan_tags(text, 1, true)?;
    table::select(Format::Html, parsed_tables(text), pins)
}

/// Every live `<table>` in the document, in document order (for HTML
/// embedded in markdown, where the page as a whole is not HTML), once every
/// one of them is complete. `text` starts at line `first_line` of the file,
/// and every line named counts from the file's start.
pub(crate) fn tables(text: &str, first_line: usize) -> Result<Vec<RawTable>> {
    let table_lines = scan_tags(text, first_line, false)?;
    let mut tables = parsed_tables(text);
    // Each table's line, where the scan saw the same tables as html5ever
    // (no `<template>` held one), so the markdown reader can put them in
    // order among its own.
    if table_lines.len() == tables.len() {
        for (table, line) in tables.iter_mut().zip(table_lines) {
            table.line = Some(line);
        }
    }
    Ok(tables)
}

/// Whether `<table` occurs, in any case.
pub(crate) fn mentions_table(text: &str) -> bool {
    text.to_ascii_lowercase().contains("<table")
}

/// Deeper than any article's markup. The HTML parser spends time that grows
/// with the square of the nesting depth (tens of seconds at 100k), and walking
/// the tree is recursive, so a page nested deeper is refused up front.
pub const MAX_DEPTH: usize = 512;

/// Elements that do not count for depth: void elements, and those whose end
/// tag HTML lets authors leave out (`<html>` among them), say nothing
/// reliable about it.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "rt", "rp", "head", "body", "html",
];

/// Elements whose content is text, not markup: skipped, unread, to the
/// first `</name` (exactly so written).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp"];

/// One linear scan of the tags (comments, declarations and the text of
/// `<script>`/`<style>` skipped; quoted attribute values may hold `>`):
/// before html5ever sees it, refuses
/// markup nested deeper than [`MAX_DEPTH`] and a capture cut inside a table
/// (a `<table>` never closed before the input ends), naming the line
/// (`text` starting at line `first_line` of the file). A `whole_page` that
/// has `<html>` must have `</html>` too. Gives the line of every `<table>`.
fn scan_tags(text: &str, first_line: usize, whole_page: bool) -> Result<Vec<usize>> {
    let lines = Lines::new(text);
    let in_file = |offset: usize| lines.line(offset) + first_line - 1;
    let mut table_lines = Vec::new();
    let (mut html_opened, mut html_closed) = (None, false);
    // Where each `<table>` not closed (yet) starts, outermost first.
    let mut open_tables = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = text.get(i..).and_then(|rest| rest.find('<')) {
        let start = i + at;
        let rest = &text[start + 1..];
        if rest.starts_with(['!', '?']) {
            let end = if rest.starts_with("!--") { "-->" } else { ">" };
            i = past(text, start, end);
            continue;
        }
        let closing = rest.starts_with('/');
        let raw = rest.trim_start_matches('/');
        let name = raw[..raw
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(raw.len())]
            .to_ascii_lowercase();
        if name.is_empty() {
            i = start + 1;
            continue;
        }
        let end = tag_end(text.as_bytes(), start + 1);
        let self_closing = end > 0 && text.as_bytes().get(end - 1) == Some(&b'/');
        i = (end + 1).min(text.len());
        match (name.as_str(), closing) {
            ("table", false) => {
                open_tables.push(start);
                table_lines.push(in_file(start));
            }
            ("table", true) => {
                open_tables.pop();
            }
            ("html", false) => html_opened = html_opened.or(Some(start)),
            ("html", true) => html_closed = true,
            _ => {}
        }
        let raw_text = RAW_TEXT.contains(&name.as_str());
        if raw_text && !closing {
            i = past(text, i, &format!("</{name}"));
        }
        if raw_text || NOT_NESTING.contains(&name.as_str()) || (self_closing && !closing) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        depth += 1;
        if depth > MAX_DEPTH {
            return Err(Error::new(format!(
                "HTML elements nested more than {MAX_DEPTH} deep (<{name}> here): expected an article's markup, not a page nested this deep"
            ))
            .at_line(Some(in_file(start))));
        }
    }
    if let Some(&at) = open_tables.first() {
        let line = in_file(at);
        return Err(Error::new(format!(
            "truncated HTML: the capture is cut: the <table> that starts at line {line} has no </table> before the input ends at line {}; expected every table to be complete",
            in_file(text.len())
        ))
        .at_line(Some(line)));
    }
    if let Some(at) = html_opened.filter(|_| whole_page && !html_closed) {
        let end = in_file(text.len());
        return Err(Error::new(format!(
            "truncated HTML: the capture is cut: the page has <html> (line {}) but no </html> before the input ends at line {end}; expected the whole saved page",
            in_file(at),
        ))
        .at_line(Some(end)));
    }
    Ok(table_lines)
}

/// Where [`scan_tags`] goes on after the first `needle` from `from`: past
/// it, or at the page's end.
fn past(text: &str, from: usize, needle: &str) -> usize {
    text.get(from..)
        .and_then(|rest| rest.find(needle))
        .map_or(text.len(), |at| from + at + needle.len())
}

/// Where [`scan_tags`] takes a tag whose text starts at `from` to end: at
/// the first `>` outside quotes (anywhere in the tag), or the page's end.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (end, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return end,
            _ => {}
        }
    }
    bytes.len()
}

/// The tables, once the tags were scanned, each with the heading it follows.
fn parsed_tables(text: &str) -> Vec<RawTable> {
    let document = Html::parse_document(text);
    let mut heading: Option<String> = None;
    let mut tables = Vec::new();
    for node in document.root_element().descendants() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let name = element.value().name();
        // A heading in a cell is the cell's text, not a section title.
        let is_heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if is_heading && !inside(element, &["template", "table"]) {
            let title = collapse(&element.text().collect::<String>());
            heading = (!title.is_empty()).then_some(title);
        } else if name == "table" && !inside(element, &["template"]) {
            let mut table = raw_table(element);
            table.section = heading.clone();
            tables.push(table);
        }
    }
    tables
}

/// Whether an ancestor of `element` is one of `names` (`<template>` content
/// is inert).
fn inside(element: ElementRef<'_>, names: &[&str]) -> bool {
    element
        .ancestors()
        .any(|a| ElementRef::wrap(a).is_some_and(|e| names.contains(&e.value().name())))
}

/// Rows that belong to this table itself, not to a table nested in a cell,
/// each as its cells, with whether it is in the table's `<tfoot>`. Footer
/// rows come last, where browsers show them, wherever the markup puts the
/// `<tfoot>`.
fn own_rows<'a>(table: ElementRef<'a>) -> Vec<(Vec<ElementRef<'a>>, bool)> {
    let children = |e: ElementRef<'a>| e.children().filter_map(ElementRef::wrap);
    let rows = children(table).flat_map(|child| match child.value().name() {
        "tr" => vec![(child, false)],
        group @ ("thead" | "tbody" | "tfoot") => children(child)
            .filter(|r| r.value().name() == "tr")
            .map(|r| (r, group == "tfoot"))
            .collect(),
        _ => Vec::new(),
    });
    let cells = |tr| children(tr).filter(|c| matches!(c.value().name(), "td" | "th"));
    let mut rows: Vec<_> = rows
        .map(|(tr, footer)| (cells(tr).collect(), footer))
        .collect();
    // Stable: body rows keep their order, then footer rows theirs.
    rows.sort_by_key(|(_, footer)| *footer);
    rows
}

/// Why a cell with this `colspan` or `rowspan` cannot be read, if it cannot.
fn span_problem(cell: ElementRef<'_>) -> Option<String> {
    ["colspan", "rowspan"].into_iter().find_map(|attr| {
        let value = cell.value().attr(attr)?.trim();
        (value != "1" && !value.is_empty()).then(|| {
            format!("a cell has {attr}=\"{value}\": merged cells are not supported, expected one cell per column in every row (or one cell across the whole table, a note or a group title)")
        })
    })
}

/// Whether `cells` are one cell across a table `width` columns wide: its
/// `colspan` at least the width, and no `rowspan` but 1. Such a row
/// misaligns no column; it is a note or a group title.
fn is_across(cells: &[ElementRef<'_>], width: usize) -> bool {
    let [cell] = cells else {
        return false;
    };
    let span = |attr: &str| cell.value().attr(attr).map(str::trim);
    let colspan = span("colspan").and_then(|v| v.parse::<usize>().ok());
    width >= 2
        && colspan.is_some_and(|n| n >= width)
        && matches!(span("rowspan"), None | Some("" | "1"))
}

/// A table of an HTML table's own rows: the first is the header.
fn raw_table(table: ElementRef<'_>) -> RawTable {
    let mut rows = own_rows(table).into_iter();
    let header = rows.next().map(|(cells, _)| cells).unwrap_or_default();
    let width = header.len();
    let rows = rows.map(|(cells, footer)| {
        let across = is_across(&cells, width);
        RawRow {
            problem: cells
                .iter()
                .find_map(|c| span_problem(*c))
                .filter(|_| !across),
            cells: cells.into_iter().map(cell_text).collect(),
            line: None,
            across,
            footer,
        }
    });
    RawTable {
        problem: header.iter().find_map(|c| span_problem(*c)),
        header: header.into_iter().map(cell_text).collect(),
        rows: rows.collect(),
        ..RawTable::default()
    }
}

/// A cell's text, in document order. Walked edge by edge, not by
/// recursion: html5ever builds trees deeper than the markup's tags show
/// (stray end tags close nothing), and a recursive walk of such a tree
/// overflowed a test thread's stack.
fn cell_text(cell: ElementRef<'_>) -> String {
    let mut builder = CellBuilder::default();
    // How many script, style, template or noscript elements the walk is
    // inside: their text is not the cell's.
    let mut hidden = 0usize;
    for edge in cell.traverse() {
        let (Edge::Open(node) | Edge::Close(node)) = edge;
        let entering = matches!(edge, Edge::Open(_));
        match node.value() {
            _ if node.id() == cell.id() => {}
            Node::Element(e) if is_hidden(e.name()) && entering => hidden += 1,
            Node::Element(e) if is_hidden(e.name()) => hidden -= 1,
            _ if hidden > 0 => {}
            Node::Text(text) if entering => builder.push_text(text),
            Node::Element(e) if entering => match e.name() {
                "li" => builder.start_list_item(),
                // A footnote mark stays apart from what it marks: `40001^1`,
                // never the code 400011.
                "sup" => builder.push_text("^"),
                name if ends_line(name) || STARTS_LINE.contains(&name) => builder.break_line(),
                _ => {}
            },
            Node::Element(e) if ends_line(e.name()) => builder.break_line(),
            // The space between two cells of a table nested in the cell.
            Node::Element(e) if matches!(e.name(), "td" | "th") => builder.push_text(" "),
            _ => {}
        }
    }
    builder.take()
}

/// Elements whose text is never shown as the cell's.
fn is_hidden(name: &str) -> bool {
    matches!(name, "script" | "style" | "template" | "noscript")
}

/// Elements whose start and end each end a line of a cell's text (but
/// `li`, whose start starts a list item).
fn ends_line(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "li" | "ul" | "ol" | "blockquote" | "pre" | "tr" | "dt" | "dd"
    )
}

/// Elements whose start alone ends a line: `<br>`, and headings, tables,
/// sections and definition lists, whose own ends leave that to what they
/// hold.
const STARTS_LINE: &[&str] = &[
    "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "dl",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn read_default(text: &str) -> Result<Article> {
        read(text, &ColumnPins::default())
    }

    /// Each entry's code and section, in the order read.
    fn sections(article: &Article) -> Vec<(String, Option<&str>)> {
        article
            .rows
            .iter()
            .map(|r| (r.code.to_string(), r.section.as_deref()))
            .collect()
    }

    #[test]
    fn a_tree_deeper_than_its_tags_show_is_read_without_recursion() {
        // Stray end tags close nothing, so html5ever nests these divs 4,000
        // deep while the tag scan counts at most one. A recursive walk of the
        // cell overflowed a thread's stack at such depths (mutated articles
        // in the property tests found it); on a small stack it still would.
        let deep = "<div></b>".repeat(4_000);
        let page = format!(
            "<table><tr><th>Code</th><th>Description</th></tr><tr><td>1</td><td>{deep}Deep.</td></tr></table>"
        );
        let read = std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || read_default(&page).map(|a| a.rows[0].description.clone()))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(read.unwrap(), "Deep.");
    }

    #[test]
    fn each_table_keeps_the_heading_it_follows_and_decoys_are_ignored() {
        let page = "<h1>Errors</h1><h2>Error struct</h2><table><tr><th>Key</th><th>Type</th><th>Description</th></tr><tr><td>code</td><td>string</td><td>The code.</td></tr></table>\
            <h2>System <em>Error</em></h2><table><tr><th>Error</th><th>Description</th></tr><tr><td>internal_error</td><td>Ours.</td></tr></table>\
            <h2>Invalid Param Error</h2><table><tr><th>Error</th><th>Description</th></tr><tr><td>param_missing</td><td>Yours.</td></tr></table>";
        let article = read_default(page).unwrap();
        let rows = sections(&article);
        assert_eq!(
            rows,
            [
                ("internal_error".to_string(), Some("System Error")),
                ("param_missing".to_string(), Some("Invalid Param Error"))
            ]
        );
        assert!(
            article
                .warnings
                .iter()
                .any(|w| w.contains("\"Key\" | \"Type\"")),
            "{:?}",
            article.warnings
        );
    }

    #[test]
    fn reads_cells_with_blocks_lists_and_entities() {
        let html = r##"<table><tr><th>Error code</th><th>Description</th><th>Possible cause and suggested solution</th></tr>
          <tr><td><strong>40002</strong></td><td><p>There&rsquo;s a&nbsp;problem.</p></td>
          <td><div><span style="x">Check</span> the <a href="#">docs</a>. Common issues:</div><ul><li>Missing <code>id</code></li><li>Bad &amp; wrong</li></ul></td></tr></table>"##;
        let article = read(html, &ColumnPins::default()).unwrap();
        assert_eq!(article.rows[0].description, "There’s a problem.");
        assert_eq!(
            article.rows[0].solution,
            "Check the docs. Common issues:\n- Missing id\n- Bad & wrong"
        );
    }

    #[test]
    fn spans_in_the_error_table_are_refused() {
        let html = "<table><tr><th>Code</th><th>Description</th><th>Solution</th></tr><tr><td>1</td><td colspan=2>x</td></tr></table>";
        let err = read(html, &ColumnPins::default()).unwrap_err();
        assert_eq!(err.row, Some(1));
        assert!(err.message.contains("colspan=\"2\""), "{err}");
    }

    #[test]
    fn one_cell_across_the_table_is_a_group_title_or_a_note_and_footers_come_last() {
        // The footer written before the body, as HTML 4 had it, is shown
        // (and read) after it; a colspan wider than the table is across it.
        let html = "<table><thead><tr><th>Code</th><th>Description</th></tr></thead>\
            <tfoot><tr><td colspan=\"2\">See also the FAQ.</td></tr><tr><td>9</td><td>Last.</td></tr></tfoot>\
            <tbody><tr><td colspan=\"100\"><b>Group</b> A</td></tr><tr><td>1</td><td>One.</td></tr></tbody></table>";
        let table = &parsed_tables(html)[0];
        let shape: Vec<(bool, bool, Option<&String>)> = table
            .rows
            .iter()
            .map(|r| (r.across, r.footer, r.problem.as_ref()))
            .collect();
        assert_eq!(
            shape,
            [
                (true, false, None),
                (false, false, None),
                (true, true, None),
                (false, true, None)
            ]
        );
        let article = read_default(html).unwrap();
        let rows = sections(&article);
        assert_eq!(
            rows,
            [("1".to_string(), Some("Group A")), ("9".to_string(), None)]
        );
        assert!(
            article.warnings.iter().any(|w| w
                == "row 3, in the table's footer, holds no code, only a note (\"See also the FAQ.\"): skipped"),
            "{:?}",
            article.warnings
        );
    }

    #[test]
    fn nesting_deeper_than_any_article_is_refused_with_its_line() {
        let deep = |n: usize, tag: &str| {
            format!(
                "<table><tr><th>Code</th><th>Description</th><th>Solution</th></tr>\n<tr><td>1</td><td>{}x{}</td><td>y</td></tr></table>",
                format!("<{tag} class=\"a>b\">").repeat(n),
                format!("</{tag}>").repeat(n)
            )
        };
        assert!(read_default(&deep(MAX_DEPTH - 2, "div")).is_ok());
        let err = read_default(&deep(50_000, "span")).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("nested more than 512 deep"), "{err}");
        // Unclosed <p>/<li>, void elements and comments are not depth.
        let flat = format!(
            "<table><tr><th>Code</th><th>Description</th><th>Solution</th></tr><tr><td>1</td><td>{}</td><td>y</td></tr></table>",
            "<p>a<br><img src=x><!-- <div> --><li>b".repeat(2000)
        );
        assert!(read_default(&flat).is_ok());
    }

    #[test]
    fn table_tags_in_scripts_and_comments_are_not_unclosed_tables() {
        let page = "<html><head><script>var t = '<table>';</script><!-- <table> --></head><body><table><tr><th>Code</th><th>Description</th><th>Solution</th></tr><tr><td>1</td><td>One.</td><td>Fix.</td></tr></table></body></html>";
        assert_eq!(read_default(page).unwrap().rows.len(), 1);
        assert!(mentions_table("<TABLE>") && !mentions_table("<tab"));
    }

    #[test]
    fn truncated_pages_are_refused_at_the_line_of_the_cut_table() {
        let err = read_default("<html><body>\n<table><tr><td>").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(
            err.message.starts_with("truncated HTML: the capture is cut: the <table> that starts at line 2 has no </table> before the input ends at line 2"),
            "{err}"
        );
        let err = read_default("<html><body>\n<p>x</p>\n").unwrap_err();
        assert_eq!(err.line, Some(3), "where the input ends");
        assert!(
            err.message
                .contains("the page has <html> (line 1) but no </html>"),
            "{err}"
        );
        // The nested table closed, the outer one not: the outer one is named.
        let err = tables("a\n<table><tr><td>\n<table><tr><td>x</table>", 10).unwrap_err();
        assert_eq!(err.line, Some(11));
    }
}
