//! Text normalisation shared by every reader, so a cell reads the same whether
//! it came from HTML, markdown or a browser copy.
//!
//! Rules: non-breaking spaces become spaces; runs of whitespace inside a line
//! collapse to one space; lines are trimmed and empty ones dropped; separate
//! paragraphs or `<br>` lines are joined by `\n`; list items become `- item`.
//! Typographic characters (`’`, `–`) are kept as they are.

use std::borrow::Cow;

use crate::error::{Error, Result};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes raw input: UTF-8 only (a BOM is dropped), every line ending as LF.
pub fn decode(bytes: &[u8]) -> Result<String> {
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let bytes = &bytes[bom..];
    // Its offset counted from the start of the file, BOM included.
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].split(|&b| b == b'\n').count();
        let offset = bom + e.valid_up_to();
        Error::new(format!(
            "invalid UTF-8 at byte offset {offset}: expected a UTF-8 text file"
        ))
        .at_line(Some(line))
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(Error::new(format!(
            "NUL byte at byte offset {offset}: expected a text file, not binary data"
        )));
    }
    // Only ASCII bytes change, so the text stays UTF-8.
    String::from_utf8(lf_line_ends(text.as_bytes(), LoneCr::AsLf).into_owned())
        .map_err(|e| Error::new(format!("{e} after line ends were normalised")))
}

/// What [`lf_line_ends`] makes of a CR that no LF follows (old Macs ended
/// lines so; git never writes one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoneCr {
    /// Left as it is: the bytes a capture's sha256 is taken over.
    Kept,
    /// A line end, as the readers take it.
    AsLf,
}

/// The one place line endings are normalised: CRLF becomes LF, and a lone
/// CR as `lone_cr` says. A capture's identity (its sha256) is taken over its
/// bytes with CRLF as LF, so it does not depend on how git checked it out.
pub fn lf_line_ends(bytes: &[u8], lone_cr: LoneCr) -> Cow<'_, [u8]> {
    if !bytes.contains(&b'\r') {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes.iter().peekable();
    while let Some(&b) = rest.next() {
        match b {
            b'\r' if rest.peek() == Some(&&b'\n') => {}
            b'\r' if lone_cr == LoneCr::AsLf => out.push(b'\n'),
            _ => out.push(b),
        }
    }
    Cow::Owned(out)
}

/// Collapses whitespace (NBSP included) to single spaces and trims.
pub fn collapse(text: &str) -> String {
    let mut out = String::new();
    collapse_into(text, &mut out, &mut false);
    out
}

/// Appends `text` to `out` collapsed, as one more piece of a line: `space`
/// says whether whitespace (`char::is_whitespace`, NBSP included) came
/// since the last word, so a word split across two pieces stays one word.
fn collapse_into(text: &str, out: &mut String, space: &mut bool) {
    *space |= text.starts_with(char::is_whitespace);
    for (n, word) in text.split_whitespace().enumerate() {
        if (n > 0 || *space) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // Whitespace after the last word, or a piece of only whitespace.
    *space = text.ends_with(char::is_whitespace) || (*space && text.trim().is_empty());
}

/// Bullets a browser copy puts before list items.
const BULLETS: &[&str] = &["- ", "* ", "• ", "◦ ", "▪ ", "· "];

/// Typographic bullets that start a list item in any reader (help centers
/// write `&bull; item<br>` as often as `<li>`). `-` and `*` are left to the
/// copied-text reader: in markdown and HTML they are ordinary text.
const TYPOGRAPHIC_BULLETS: &[&str] = &["• ", "◦ ", "▪ ", "· "];

/// Accumulates one cell's text from a stream of inline text and block breaks.
#[derive(Default)]
pub struct CellBuilder {
    /// The finished lines, joined by `\n`.
    text: String,
    /// The current line, collapsed as it comes.
    line: String,
    /// Whitespace came after the line's last word.
    space: bool,
    bullet: bool,
}

impl CellBuilder {
    pub fn push_text(&mut self, text: &str) {
        collapse_into(text, &mut self.line, &mut self.space);
    }

    /// Ends the current line: a paragraph end, a `<br>`, a list boundary.
    pub fn break_line(&mut self) {
        let item = TYPOGRAPHIC_BULLETS
            .iter()
            .find_map(|b| self.line.strip_prefix(b));
        let line = item.unwrap_or(&self.line);
        if !line.is_empty() {
            if !self.text.is_empty() {
                self.text.push('\n');
            }
            if self.bullet || item.is_some() {
                self.text.push_str("- ");
            }
            self.text.push_str(line);
        }
        self.line.clear();
        self.space = false;
        self.bullet = false;
    }

    pub fn start_list_item(&mut self) {
        self.break_line();
        self.bullet = true;
    }

    /// The cell's text, leaving the builder empty for the next cell.
    pub fn take(&mut self) -> String {
        self.break_line();
        std::mem::take(&mut self.text)
    }
}

/// Normalises a cell given as plain lines (copied text): each line is a
/// paragraph, and a leading bullet marks a list item.
pub fn cell_from_lines(text: &str) -> String {
    let mut cell = CellBuilder::default();
    for line in text.split('\n') {
        let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        let item = BULLETS.iter().find_map(|b| trimmed.strip_prefix(b));
        // Each line is its own: the builder starts it with no text, no space
        // and no bullet, as the last break_line left it.
        cell.bullet = item.is_some();
        cell.push_text(item.unwrap_or(trimmed));
        cell.break_line();
    }
    cell.take()
}

/// Strips formatting people wrap codes in (`**40001**`, `` `40001` ``,
/// quotes) and a footnote mark after one (`40001^1`, `40001^[a]`, as the
/// readers write `<sup>`).
pub fn strip_code_decoration(cell: &str) -> &str {
    let cell = cell.trim();
    let cell = match cell.rsplit_once('^') {
        Some((code, mark)) if is_footnote_mark(mark) => code,
        _ => cell,
    };
    cell.trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '`' | '"' | '\'' | '“' | '”'))
        .trim()
}

/// A footnote's mark: a few letters or digits, bare or in brackets, or `*`/`†`.
fn is_footnote_mark(mark: &str) -> bool {
    let mark = mark.trim();
    let inner = mark
        .strip_prefix(['[', '('])
        .and_then(|m| m.strip_suffix([']', ')']))
        .unwrap_or(mark);
    !inner.is_empty()
        && inner.chars().count() <= 3
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '*' | '†' | '‡'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_handles_bom_crlf_and_bad_bytes() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
        let err = decode(b"ok\n\xff").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(
            err.message.contains("invalid UTF-8 at byte offset 3"),
            "{err}"
        );
        assert!(
            decode(b"a\0b")
                .unwrap_err()
                .message
                .contains("NUL byte at byte offset 1")
        );
    }

    #[test]
    fn crlf_always_becomes_lf_and_a_lone_cr_as_asked() {
        assert_eq!(lf_line_ends(b"a\r\nb\rc", LoneCr::Kept), &b"a\nb\rc"[..]);
        assert_eq!(lf_line_ends(b"a\r\nb\rc", LoneCr::AsLf), &b"a\nb\nc"[..]);
        assert_eq!(lf_line_ends(b"\r\r\n\r", LoneCr::AsLf), &b"\n\n\n"[..]);
        assert!(matches!(
            lf_line_ends(b"a\nb", LoneCr::AsLf),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn every_unicode_space_collapses() {
        let spaces: String = (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(
            collapse(&format!("{spaces}a{spaces}é\u{3000}€{spaces}")),
            "a é €"
        );
    }

    #[test]
    fn cells_collapse_and_keep_structure() {
        let mut cell = CellBuilder::default();
        cell.push_text("  You\u{a0}don’t \n  have ");
        cell.push_text("permission.");
        cell.start_list_item();
        cell.push_text("first");
        cell.start_list_item();
        cell.push_text(" second ");
        cell.break_line();
        cell.break_line();
        cell.push_text("after");
        assert_eq!(
            cell.take(),
            "You don’t have permission.\n- first\n- second\nafter"
        );
    }

    #[test]
    fn typographic_bullets_start_list_items_in_any_reader() {
        let mut cell = CellBuilder::default();
        cell.push_text("Check:");
        cell.break_line();
        cell.push_text("\u{2022}  one");
        cell.break_line();
        cell.push_text("* two");
        assert_eq!(cell.take(), "Check:\n- one\n* two");
    }

    #[test]
    fn copied_lines_keep_bullets() {
        assert_eq!(
            cell_from_lines("Common issues:\n• a\n  * b \n\n c"),
            "Common issues:\n- a\n- b\nc"
        );
    }

    #[test]
    fn code_decoration_is_stripped() {
        assert_eq!(strip_code_decoration(" **`40001`** "), "40001");
    }
}
