//! Readers: one per form the article arrives in, each producing the same
//! [`Article`]. Shared work (normalising cell text, finding the error table by
//! its header, validating rows) lives in `normalize` and `table`.

pub mod article;
pub(crate) mod code_cell;
pub(crate) mod columns;
pub(crate) mod content;
pub(crate) mod furniture;
pub mod html;
pub(crate) mod lines;
pub mod markdown;
pub mod normalize;
pub mod pins;
pub(crate) mod raw;
pub(crate) mod repeats;
pub(crate) mod roles;
pub mod table;
pub mod text;
pub(crate) mod vocabulary;

pub use article::{Article, ArticleRow};
pub use code_cell::is_success as is_success_row;
pub use pins::ColumnPins;

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
    // The longest tag below and its `<`: lower-casing the whole capture to
    // look at its start was a copy of the page.
    let start: String = text.trim_start().chars().take(9).collect();
    let start = start.to_ascii_lowercase();
    let tags = [
        "!doctype", "html", "body", "div", "table", "article", "section", "p", "h1", "h2", "!--",
    ];
    if let Some(tag) = start.strip_prefix('<')
        && tags.iter().any(|t| tag.starts_with(t))
    {
        return Format::Html;
    }
    if text.lines().any(markdown::is_delimiter_row) || html::mentions_table(text) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// The largest capture read, and the cap `cargo xtask fetch` puts on a
/// download: a help article is tens of KiB, so anything far larger is not
/// the article.
pub const MAX_CAPTURE_BYTES: usize = 5 * 1024 * 1024;

/// Reads one article. `file` names it in every error.
pub fn read(
    file: &str,
    bytes: &[u8],
    format: Option<Format>,
    pins: &ColumnPins,
) -> Result<Article> {
    within_size_limit(bytes.len()).map_err(|e| e.in_file(file))?;
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

/// Refuses a capture over [`MAX_CAPTURE_BYTES`], before it is decoded.
fn within_size_limit(len: usize) -> Result<()> {
    const MIB: u128 = 1024 * 1024;
    if len <= MAX_CAPTURE_BYTES {
        return Ok(());
    }
    // Tenths of a MiB, rounded up: a capture just over the limit never
    // reads as at it.
    let tenths = (len as u128 * 10).div_ceil(MIB);
    Err(Error::new(format!(
        "the capture is {}.{} MiB, over the {} MiB limit for an article: is this the right file?",
        tenths / 10,
        tenths % 10,
        MAX_CAPTURE_BYTES as u128 / MIB
    )))
}

/// Refuses a file with no text in it.
fn not_blank(text: &str) -> Result<()> {
    let what = match text {
        "" => "the file is empty",
        _ if text.trim().is_empty() => "the file holds only whitespace",
        _ => return Ok(()),
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

    #[test]
    fn a_capture_over_the_limit_is_refused_before_decoding() {
        assert!(within_size_limit(MAX_CAPTURE_BYTES).is_ok());
        assert_eq!(
            within_size_limit(MAX_CAPTURE_BYTES + 1)
                .unwrap_err()
                .to_string(),
            "<input>: the capture is 5.1 MiB, over the 5 MiB limit for an article: is this the right file?"
        );
        // Not UTF-8, and yet refused for its size alone, by name.
        let big = vec![0xffu8; 6 * 1024 * 1024 + 200 * 1024];
        assert_eq!(
            read("big.html", &big, None, &Default::default())
                .unwrap_err()
                .to_string(),
            "big.html: the capture is 6.2 MiB, over the 5 MiB limit for an article: is this the right file?"
        );
    }
}
