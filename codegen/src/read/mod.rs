//! Readers: one per form the article arrives in, each producing the same
//! [`Article`]. Shared work (normalising cell text, finding the error table by
//! its header, validating rows) lives in `normalize` and `table`.

pub mod html;
pub(crate) mod lines;
pub mod markdown;
pub mod normalize;
pub mod pins;
pub mod table;
pub mod text;

pub use pins::ColumnPins;
pub use table::{Article, ArticleRow};

use crate::error::{Error, Result};
use crate::model::Format;

/// The format a file's name says, if it says one.
pub fn format_from_path(path: &str) -> Option<Format> {
    let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "md" | "markdown" => Some(Format::Markdown),
        "txt" | "tsv" => Some(Format::Text),
        _ => None,
    }
}

/// The format the content looks like, for files whose name says nothing.
pub fn format_from_content(text: &str) -> Format {
    let start = text.trim_start().to_ascii_lowercase();
    let markup = [
        "<!doctype",
        "<html",
        "<body",
        "<div",
        "<table",
        "<article",
        "<section",
        "<p",
        "<h1",
        "<h2",
        "<!--",
    ];
    if markup.iter().any(|m| start.starts_with(m)) {
        return Format::Html;
    }
    if text.lines().any(markdown::is_delimiter_row) || html::mentions_table(text) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Reads one article. `file` names it in every error.
pub fn read(
    file: &str,
    bytes: &[u8],
    format: Option<Format>,
    pins: &ColumnPins,
) -> Result<Article> {
    let text = normalize::decode(bytes).map_err(|e| e.in_file(file))?;
    not_blank(&text).map_err(|e| e.in_file(file))?;
    let format = format
        .or_else(|| format_from_path(file))
        .unwrap_or_else(|| format_from_content(&text));
    match format {
        Format::Html => html::read(&text, pins),
        Format::Markdown => markdown::read(&text, pins),
        Format::Text => text::read(&text, pins),
    }
    .map_err(|e| e.in_file(file))
}

/// Refuses a file with no text in it.
fn not_blank(text: &str) -> Result<()> {
    if !text.trim().is_empty() {
        return Ok(());
    }
    let what = if text.is_empty() {
        "the file is empty"
    } else {
        "the file holds only whitespace"
    };
    Err(Error::new(format!(
        "{what}: expected an article with an error-code table"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_names_then_content() {
        assert_eq!(format_from_path("a/b.HTM"), Some(Format::Html));
        assert_eq!(format_from_path("b.markdown"), Some(Format::Markdown));
        assert_eq!(format_from_path("b"), None);
        assert_eq!(format_from_content("\n<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            format_from_content("# T\n\n| a | b |\n|---|:-:|\n"),
            Format::Markdown
        );
        assert_eq!(
            format_from_content("Error code |\nDescription |"),
            Format::Text
        );
    }

    #[test]
    fn empty_and_blank_files_are_refused_by_name() {
        assert_eq!(
            read("x.txt", b"", None, &Default::default())
                .unwrap_err()
                .to_string(),
            "x.txt: the file is empty: expected an article with an error-code table"
        );
        assert!(
            read("x.md", b" \n\t", None, &Default::default())
                .unwrap_err()
                .to_string()
                .starts_with("x.md: the file holds only whitespace")
        );
    }
}
