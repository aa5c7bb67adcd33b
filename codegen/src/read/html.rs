//! HTML: a page as saved from a browser, or an article fragment.
//!
//! html5ever (through scraper) parses as browsers do, so `<table>` text inside
//! `<script>` or `<style>` is never an element. Tables inside `<template>` are
//! inert and skipped. HTML has no line numbers after parsing; errors name rows.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use crate::error::{Error, Result};
use crate::model::Format;
use crate::read::normalize::CellBuilder;
use crate::read::table::{self, Article, RawRow, RawTable};

pub fn read(text: &str) -> Result<Article> {
    check_complete(text)?;
    let tables = tables(text)?;
    table::select(Format::Html, tables)
}

pub(crate) fn mentions_table(text: &str) -> bool {
    text.to_ascii_lowercase().contains("<table")
}

/// Browsers repair truncated HTML silently, which would turn a cut-off save
/// into a shorter list of codes. Refuse instead.
fn check_complete(text: &str) -> Result<()> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("<html") && !lower.contains("</html>") {
        return Err(Error::new(
            "truncated HTML: the page has <html> but no </html>; expected the whole saved page",
        ));
    }
    let opened = lower.matches("<table").count();
    let closed = lower.matches("</table>").count();
    if opened > closed {
        return Err(Error::new(format!(
            "truncated HTML: {opened} <table> tags but only {closed} </table>; expected every table to be complete"
        )));
    }
    Ok(())
}

/// Every live `<table>` in the document, in document order.
pub(crate) fn tables(text: &str) -> Result<Vec<RawTable>> {
    let document = Html::parse_document(text);
    let selector = Selector::parse("table")
        .map_err(|e| Error::new(format!("internal selector error: {e}")))?;
    Ok(document
        .select(&selector)
        .filter(|t| {
            !t.ancestors()
                .any(|a| ElementRef::wrap(a).is_some_and(|e| e.value().name() == "template"))
        })
        .map(raw_table)
        .collect())
}

/// Rows that belong to this table itself, not to a table nested in a cell.
fn own_rows(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut rows = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => rows.extend(
                child
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|r| r.value().name() == "tr"),
            ),
            _ => {}
        }
    }
    rows
}

fn spans(cell: ElementRef<'_>) -> Option<String> {
    ["colspan", "rowspan"].into_iter().find_map(|attr| {
        let value = cell.value().attr(attr)?.trim();
        (value != "1" && !value.is_empty()).then(|| {
            format!("a cell has {attr}=\"{value}\": merged cells are not supported, expected one cell per column in every row")
        })
    })
}

fn raw_table(table: ElementRef<'_>) -> RawTable {
    let mut rows = own_rows(table).into_iter().map(|tr| {
        let cells: Vec<ElementRef<'_>> = tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .collect();
        let problem = cells.iter().find_map(|c| spans(*c));
        RawRow {
            cells: cells.into_iter().map(cell_text).collect(),
            line: None,
            problem,
        }
    });
    let header = rows.next();
    let problem = header.as_ref().and_then(|h| h.problem.clone());
    RawTable {
        header: header.map(|h| h.cells).unwrap_or_default(),
        line: None,
        rows: rows.collect(),
        problem,
    }
}

fn cell_text(cell: ElementRef<'_>) -> String {
    let mut builder = CellBuilder::default();
    for child in cell.children() {
        walk(child, &mut builder);
    }
    builder.finish()
}

fn walk(node: NodeRef<'_, Node>, cell: &mut CellBuilder) {
    match node.value() {
        Node::Text(text) => cell.push_text(text),
        Node::Element(element) => {
            let name = element.name();
            match name {
                "script" | "style" | "template" | "noscript" => return,
                "br" => return cell.break_line(),
                "li" => cell.start_list_item(),
                "p" | "div" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                | "blockquote" | "pre" | "table" | "tr" | "section" | "dl" | "dt" | "dd" => {
                    cell.break_line()
                }
                _ => {}
            }
            for child in node.children() {
                walk(child, cell);
            }
            if matches!(
                name,
                "p" | "div" | "li" | "ul" | "ol" | "blockquote" | "pre" | "tr" | "dt" | "dd"
            ) {
                cell.break_line();
            } else if matches!(name, "td" | "th") {
                cell.push_text(" ");
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cells_with_blocks_lists_and_entities() {
        let html = r##"<table><tr><th>Error code</th><th>Description</th><th>Possible cause and suggested solution</th></tr>
          <tr><td><strong>40002</strong></td><td><p>There&rsquo;s a&nbsp;problem.</p></td>
          <td><div><span style="x">Check</span> the <a href="#">docs</a>. Common issues:</div><ul><li>Missing <code>id</code></li><li>Bad &amp; wrong</li></ul></td></tr></table>"##;
        let article = read(html).unwrap();
        assert_eq!(article.rows[0].description, "There’s a problem.");
        assert_eq!(
            article.rows[0].solution,
            "Check the docs. Common issues:\n- Missing id\n- Bad & wrong"
        );
    }

    #[test]
    fn spans_in_the_error_table_are_refused() {
        let html = "<table><tr><th>Code</th><th>Description</th><th>Solution</th></tr><tr><td>1</td><td colspan=2>x</td></tr></table>";
        let err = read(html).unwrap_err();
        assert_eq!(err.row, Some(1));
        assert!(err.message.contains("colspan=\"2\""), "{err}");
    }

    #[test]
    fn truncated_pages_are_refused() {
        assert!(
            read("<html><body><table><tr><td>")
                .unwrap_err()
                .message
                .contains("truncated HTML")
        );
    }
}
