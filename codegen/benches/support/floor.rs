//! The floors the readers are measured against: the least a program can do
//! with the same parsers and still have every cell's text. No completeness
//! or depth check, no heading, no normalising, no model. Shared by
//! `benches/readers.rs` and the `floor` example that `benches/compare.sh`
//! runs.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use scraper::{ElementRef, Html};

/// What a floor read: rows, cells, and bytes of cell text (so nothing is
/// optimised away, and a floor that read less is seen to).
#[derive(Debug, Default, PartialEq)]
pub struct Count {
    pub rows: usize,
    pub cells: usize,
    pub bytes: usize,
}

/// `scraper::Html::parse_document`, then every `tr`'s `td`/`th` children's
/// text collected into a string each.
pub fn html(text: &str) -> Count {
    let document = Html::parse_document(text);
    let mut count = Count::default();
    for node in document.root_element().descendants() {
        let Some(row) = ElementRef::wrap(node).filter(|e| e.value().name() == "tr") else {
            continue;
        };
        count.rows += 1;
        for cell in row.children().filter_map(ElementRef::wrap) {
            if matches!(cell.value().name(), "td" | "th") {
                let text: String = cell.text().collect();
                count.cells += 1;
                count.bytes += text.len();
            }
        }
    }
    count
}

/// One pulldown-cmark pass with GFM tables, each cell's text and code spans
/// collected into a string.
pub fn markdown(text: &str) -> Count {
    let mut count = Count::default();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => count.rows += 1,
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap_or_default();
                count.cells += 1;
                count.bytes += text.len();
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(&t);
                }
            }
            _ => {}
        }
    }
    count
}
