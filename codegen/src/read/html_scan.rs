//! The HTML reader's fast path: tables read straight off the tag stream.
//!
//! html5ever builds a tree of the whole page, which is most of a large
//! article's read time and memory that grows with the page. Help centers'
//! tables are plain markup: cells of paragraphs, lists and inline tags, every
//! element closed. For such a page this module reads each table as a stream of
//! tags, holding only its rows, and gives exactly what the tree walk in
//! `html.rs` gives. Where the answer would depend on the tree builder's
//! repairs (an unclosed `<p>` in a cell, text straight inside `<table>`, a
//! table in a cell, HTML inside `<svg>`, ...) it gives up with
//! [`Unsupported`], and the page goes to html5ever. The tokenizing rules
//! (tags, attributes, comments, character references, raw text) follow the
//! HTML standard as html5ever implements it; a property test holds the two
//! paths to the same answer.

use std::borrow::Cow;

use markup5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

use crate::read::html;
use crate::read::normalize::{CellBuilder, collapse};
use crate::read::table::{RawRow, RawTable};

/// The page needs a real HTML tree builder.
#[derive(Debug)]
pub(crate) struct Unsupported;

type Scan<T> = Result<T, Unsupported>;

/// Every table outside `<template>`, each with the heading it follows, and
/// the tags as `html.rs`'s completeness scan counts them (`None` where only
/// the scan itself can tell); or `None` when only html5ever reads this page
/// right.
pub(crate) fn read(text: &str) -> Option<(Vec<RawTable>, Option<html::Tags>)> {
    if text.len() >= HALVES_FROM {
        // Bytes, not `str`: the middle may fall inside a character.
        let near = text.len() / 2;
        let bytes = &text.as_bytes()[near..];
        if let Some(cut) = bytes.windows(3).position(|w| w == b"<tr").map(|i| near + i) {
            return in_halves(text, cut).ok();
        }
    }
    scan(text).ok()
}

/// [`read`]'s tables alone, for a caller that checks the tags itself.
pub(crate) fn tables(text: &str) -> Option<Vec<RawTable>> {
    read(text).map(|(tables, _)| tables)
}

fn scan(text: &str) -> Scan<(Vec<RawTable>, Option<html::Tags>)> {
    let mut lexer = Lexer::new(text, 0);
    let scanned = scan_until(&mut lexer, None)?;
    Ok((
        scanned.tables.into_iter().map(|(table, _)| table).collect(),
        lexer.tally.tags(),
    ))
}

/// Below this size one pass is quick enough that a second thread only costs.
const HALVES_FROM: usize = 256 * 1024;

/// A page read in two halves, one per core: a long table is most of an
/// article, and its rows read the same wherever reading starts once it is
/// known to be in the table. The second half is read from the `<tr` at `cut`
/// as rows of a table; the first reads from the start and stops at the cut
/// only if it gets there between two rows of a table, which proves the
/// second half's start right. If it gets past the cut any other way, its
/// reading is the whole page's, and the second half is dropped. A test cuts
/// pages at every `<tr` and holds both readings to one pass.
fn in_halves(text: &str, cut: usize) -> Scan<(Vec<RawTable>, Option<html::Tags>)> {
    let (first, second) = crate::parallel::join(
        || {
            let mut lexer = Lexer::new(text, 0);
            scan_until(&mut lexer, Some(cut)).map(|scanned| (scanned, lexer.tally))
        },
        || -> Scan<(Vec<RawRow>, Scanned, Tally)> {
            let mut lexer = Lexer::new(text, cut);
            let (rows, _) = read_rows(&mut lexer, None)?;
            let rest = scan_until(&mut lexer, None)?;
            Ok((rows, rest, lexer.tally))
        },
    );
    let (mut first, first_tally) = first?;
    let Some(mut rows) = first.stopped.take() else {
        let tables = first.tables.into_iter().map(|(table, _)| table).collect();
        return Ok((tables, first_tally.tags()));
    };
    let (continued, rest, second_tally) = second?;
    let tags = joined_tally(cut, first_tally, second_tally);
    rows.extend(continued);
    let mut tables: Vec<RawTable> = first.tables.into_iter().map(|(table, _)| table).collect();
    let mut table = html::table_of_rows(rows);
    table.section = first.section.clone();
    tables.push(table);
    for (mut table, headings_before) in rest.tables {
        // No heading since the cut: the section is the one before it.
        if headings_before == 0 {
            table.section = first.section.clone();
        }
        tables.push(table);
    }
    Ok((tables, tags))
}

/// The tally of a page read in halves. Counts add up; the depth of the
/// second half is known only relative to the cut, and starting deeper can
/// only raise it by the depth at the cut, so that sum bounds it (a page
/// near the limit is left to the scan itself).
fn joined_tally(cut: usize, first: Tally, second: Tally) -> Option<html::Tags> {
    // The scan would still be skipping an element's content at the cut.
    if first.skipping_to > cut {
        return None;
    }
    let depth_at_cut = first.counter.depth;
    let (a, b) = (first.tags()?, second.tags()?);
    let tags = html::Tags {
        html_opened: a.html_opened || b.html_opened,
        html_closed: a.html_closed || b.html_closed,
        tables_opened: a.tables_opened + b.tables_opened,
        tables_closed: a.tables_closed + b.tables_closed,
        deepest: a.deepest.max(depth_at_cut + b.deepest),
    };
    within_depth(tags)
}

/// What a scan found, up to a stop or to the end of the page.
#[derive(Default)]
struct Scanned {
    /// The tables, each with how many headings came before it.
    tables: Vec<(RawTable, usize)>,
    headings: usize,
    /// The current section: the last heading's title.
    section: Option<String>,
    /// The rows so far of the table the scan stopped in, if it stopped.
    stopped: Option<Vec<RawRow>>,
}

/// The page from the lexer's place on; with `stop_at`, stopping there if it
/// comes between two rows of a table.
fn scan_until(lexer: &mut Lexer<'_>, stop_at: Option<usize>) -> Scan<Scanned> {
    let mut scanned = Scanned::default();
    while let Some(token) = lexer.next()? {
        let Token::Start {
            name, self_closing, ..
        } = token
        else {
            continue;
        };
        match name.as_ref() {
            "table" => {
                let (rows, stopped) = read_rows(lexer, stop_at)?;
                if stopped {
                    scanned.stopped = Some(rows);
                    return Ok(scanned);
                }
                let mut table = html::table_of_rows(rows);
                table.section = scanned.section.clone();
                scanned.tables.push((table, scanned.headings));
            }
            n if is_heading(n) => {
                scanned.section = read_heading(lexer)?;
                scanned.headings += 1;
            }
            "template" => skip_template(lexer)?,
            "select" => skip_select(lexer)?,
            "svg" | "math" if !self_closing => skip_foreign(lexer, None)?,
            n if is_raw_text(n) => lexer.skip_raw_text(n)?,
            "plaintext" => return Err(Unsupported),
            _ => {}
        }
    }
    Ok(scanned)
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements whose content is text up to their end tag, not markup (with
/// scripting on, as html5ever parses for scraper, `<noscript>` too).
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "textarea"
            | "title"
    )
}

/// A heading's text, as `element.text()` would collect it, collapsed; `None`
/// for an empty heading (which ends the previous section).
fn read_heading(lexer: &mut Lexer<'_>) -> Scan<Option<String>> {
    let mut title = String::new();
    loop {
        match lexer.next()?.ok_or(Unsupported)? {
            Token::Text(text) => decode_into(text, &mut title),
            Token::Comment => {}
            Token::End { name } if is_heading(&name) => break,
            Token::End { .. } => {}
            Token::Start {
                name, self_closing, ..
            } => match name.as_ref() {
                "svg" | "math" if !self_closing => skip_foreign(lexer, Some(&mut title))?,
                n if is_heading(n)
                    || is_raw_text(n)
                    || matches!(n, "table" | "template" | "select" | "plaintext") =>
                {
                    return Err(Unsupported);
                }
                _ => {}
            },
        }
    }
    let title = collapse(&title);
    Ok((!title.is_empty()).then_some(title))
}

/// `<template>` content is inert: skipped whole, nested templates included.
fn skip_template(lexer: &mut Lexer<'_>) -> Scan<()> {
    let mut depth = 1;
    while depth > 0 {
        match lexer.next()?.ok_or(Unsupported)? {
            Token::Start {
                name, self_closing, ..
            } => match name.as_ref() {
                "template" => depth += 1,
                "svg" | "math" if !self_closing => skip_foreign(lexer, None)?,
                "select" => skip_select(lexer)?,
                "plaintext" => return Err(Unsupported),
                n if is_raw_text(n) => lexer.skip_raw_text(n)?,
                _ => {}
            },
            Token::End { name } if name == "template" => depth -= 1,
            _ => {}
        }
    }
    Ok(())
}

/// A `<select>` ignores most tags inside it; only options are plain.
fn skip_select(lexer: &mut Lexer<'_>) -> Scan<()> {
    loop {
        match lexer.next()?.ok_or(Unsupported)? {
            Token::Text(_) | Token::Comment => {}
            Token::Start { name, .. } if matches!(name.as_ref(), "option" | "optgroup" | "hr") => {}
            Token::End { name } if name == "select" => return Ok(()),
            Token::End { name } if matches!(name.as_ref(), "option" | "optgroup") => {}
            _ => return Err(Unsupported),
        }
    }
}

/// HTML start tags that end `<svg>`/`<math>` early.
fn breaks_out_of_foreign(name: &str) -> bool {
    is_heading(name)
        || matches!(
            name,
            "b" | "big"
                | "blockquote"
                | "body"
                | "br"
                | "center"
                | "code"
                | "dd"
                | "div"
                | "dl"
                | "dt"
                | "em"
                | "embed"
                | "head"
                | "hr"
                | "i"
                | "img"
                | "li"
                | "listing"
                | "menu"
                | "meta"
                | "nobr"
                | "ol"
                | "p"
                | "pre"
                | "ruby"
                | "s"
                | "small"
                | "span"
                | "strong"
                | "strike"
                | "sub"
                | "sup"
                | "table"
                | "tt"
                | "u"
                | "ul"
                | "var"
                | "font"
        )
}

/// Elements inside `<svg>`/`<math>` whose content is parsed as HTML again.
fn is_integration_point(name: &str) -> bool {
    matches!(
        name,
        "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"
    )
}

/// Skips `<svg>` or `<math>` content (self-closing tags close there, and
/// `<style>` is markup, not raw text), collecting its text where a heading
/// needs it. HTML inside it is left to html5ever.
fn skip_foreign(lexer: &mut Lexer<'_>, mut text: Option<&mut String>) -> Scan<()> {
    let mut depth = 1;
    while depth > 0 {
        match lexer.next()?.ok_or(Unsupported)? {
            Token::Text(t) => {
                if let Some(out) = text.as_deref_mut() {
                    decode_into(t, out);
                }
            }
            Token::Comment => {}
            Token::Start {
                name, self_closing, ..
            } => {
                if breaks_out_of_foreign(&name) {
                    return Err(Unsupported);
                }
                if self_closing {
                    continue;
                }
                if matches!(name.as_ref(), "svg" | "math") {
                    depth += 1;
                } else if is_integration_point(&name) {
                    // Text only: any tag in here would be HTML.
                    loop {
                        match lexer.next()?.ok_or(Unsupported)? {
                            Token::Text(t) => {
                                if let Some(out) = text.as_deref_mut() {
                                    decode_into(t, out);
                                }
                            }
                            Token::Comment => {}
                            Token::End { name: end } if end == name => break,
                            _ => return Err(Unsupported),
                        }
                    }
                }
            }
            Token::End { name } => match name.as_ref() {
                "svg" | "math" => depth -= 1,
                "br" | "p" => return Err(Unsupported),
                _ => {}
            },
        }
    }
    Ok(())
}

/// A row being read.
#[derive(Default)]
struct Row {
    cells: Vec<String>,
    problem: Option<String>,
}

/// A cell being read: the elements open inside it (its text is in the
/// table's one [`CellBuilder`]).
struct Cell<'a> {
    /// `td` or `th`: a cell closes on its own end tag only.
    kind: Cow<'a, str>,
    open: Vec<Cow<'a, str>>,
}

/// A table's rows, from after its start tag to its end tag, as `html.rs`'s
/// `raw_table` reads them from the tree; or, with `stop_at`, up to there if
/// it comes between two rows (then `true`).
fn read_rows(lexer: &mut Lexer<'_>, stop_at: Option<usize>) -> Scan<(Vec<RawRow>, bool)> {
    let mut rows: Vec<RawRow> = Vec::new();
    let mut row: Option<Row> = None;
    let mut cell: Option<Cell<'_>> = None;
    let mut text = CellBuilder::default();
    let mut scratch = String::new();
    let close_row = |row: &mut Option<Row>, rows: &mut Vec<RawRow>| {
        if let Some(done) = row.take() {
            rows.push(RawRow {
                cells: done.cells,
                line: None,
                problem: done.problem,
            });
        }
    };
    loop {
        if cell.is_none() && stop_at == Some(lexer.pos) {
            close_row(&mut row, &mut rows);
            return Ok((rows, true));
        }
        let token = lexer.next()?.ok_or(Unsupported)?;
        if let Some(open) = cell.as_mut() {
            // Tags that end the cell, where nothing inside it is left open.
            let ends_cell = open.open.is_empty()
                && match &token {
                    Token::Start { name, .. } => {
                        matches!(
                            name.as_ref(),
                            "td" | "th" | "tr" | "thead" | "tbody" | "tfoot"
                        )
                    }
                    Token::End { name } => {
                        *name == open.kind
                            || matches!(name.as_ref(), "tr" | "thead" | "tbody" | "tfoot" | "table")
                    }
                    _ => false,
                };
            if !ends_cell {
                cell_token(open, &mut text, token, lexer, &mut scratch)?;
                continue;
            }
            cell = None;
            row.as_mut()
                .expect("a cell is always in a row")
                .cells
                .push(text.take());
        }
        match token {
            Token::Text(text) if text.bytes().all(is_space) => {}
            Token::Text(_) => return Err(Unsupported),
            Token::Comment => {}
            Token::Start { name, attrs, .. } => match name.as_ref() {
                "td" | "th" => {
                    let row = row.as_mut().ok_or(Unsupported)?;
                    let problem = spans(attrs)?;
                    row.problem = row.problem.take().or(problem);
                    cell = Some(Cell {
                        kind: name,
                        open: Vec::new(),
                    });
                }
                "tr" => {
                    close_row(&mut row, &mut rows);
                    row = Some(Row::default());
                }
                "thead" | "tbody" | "tfoot" => close_row(&mut row, &mut rows),
                // In a row, these would close it and open a table part.
                "caption" | "colgroup" | "col" if row.is_some() => return Err(Unsupported),
                "caption" => skip_caption(lexer)?,
                "colgroup" | "col" => {}
                _ => return Err(Unsupported),
            },
            Token::End { name } => match name.as_ref() {
                "table" => {
                    close_row(&mut row, &mut rows);
                    break;
                }
                "tr" | "thead" | "tbody" | "tfoot" => close_row(&mut row, &mut rows),
                "td" | "th" | "caption" | "colgroup" | "col" | "html" | "body" => {}
                _ => return Err(Unsupported),
            },
        }
    }
    Ok((rows, false))
}

/// The merged-cell problem of a `<td>`/`<th>`, as the tree walk reports it.
fn spans(attrs: &str) -> Scan<Option<String>> {
    for name in ["colspan", "rowspan"] {
        let Some(value) = attribute(attrs, name)? else {
            continue;
        };
        if value.contains('&') {
            return Err(Unsupported);
        }
        if let Some(problem) = crate::read::html::span_problem(name, value) {
            return Ok(Some(problem));
        }
    }
    Ok(None)
}

/// A `<caption>`'s text is not a row; skipped, as long as nothing in it
/// would close it early.
fn skip_caption(lexer: &mut Lexer<'_>) -> Scan<()> {
    loop {
        match lexer.next()?.ok_or(Unsupported)? {
            Token::End { name } if name == "caption" => return Ok(()),
            Token::Start { name, .. } => match name.as_ref() {
                n if is_raw_text(n) => lexer.skip_raw_text(n)?,
                "table" | "caption" | "colgroup" | "col" | "tbody" | "thead" | "tfoot" | "tr"
                | "td" | "th" | "svg" | "math" | "template" | "select" | "plaintext" => {
                    return Err(Unsupported);
                }
                _ => {}
            },
            Token::End { name } if name == "table" => return Err(Unsupported),
            _ => {}
        }
    }
}

/// Blocks the tree walk breaks lines at (at their start; `li` starts an item).
fn is_cell_block(name: &str) -> bool {
    // Tables in cells are left to html5ever.
    name == "li" || (html::breaks_before(name) && !matches!(name, "table" | "tr"))
}

/// Inline elements with no parsing rules of their own.
fn is_cell_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "span"
            | "strong"
            | "b"
            | "em"
            | "i"
            | "u"
            | "s"
            | "code"
            | "small"
            | "sub"
            | "sup"
            | "mark"
            | "abbr"
            | "kbd"
            | "var"
            | "samp"
            | "cite"
            | "q"
            | "time"
            | "font"
            | "del"
            | "ins"
            | "dfn"
            | "big"
            | "tt"
            | "strike"
            | "label"
            | "bdi"
            | "bdo"
            | "data"
    )
}

/// One token inside a cell, mirroring `html.rs`'s `walk`. Markup whose tree
/// differs from its tags (an element left open, a block inside `<p>`, a list
/// item inside a list item) gives up.
fn cell_token<'a>(
    cell: &mut Cell<'a>,
    text: &mut CellBuilder,
    token: Token<'a>,
    lexer: &mut Lexer<'a>,
    scratch: &mut String,
) -> Scan<()> {
    match token {
        Token::Text(raw) => match memchr::memchr(b'&', raw.as_bytes()) {
            None => text.push_text(raw),
            Some(at) => {
                // What comes before the first `&` needs no decoding.
                text.push_text(&raw[..at]);
                scratch.clear();
                decode_into(&raw[at..], scratch);
                text.push_text(scratch);
            }
        },
        Token::Comment => {}
        Token::Start { name, .. } => match name.as_ref() {
            "br" => text.break_line(),
            "img" | "wbr" => {}
            "hr" if cell.open.iter().any(|e| e == "p") => return Err(Unsupported),
            "hr" => {}
            "script" | "style" | "noscript" => lexer.skip_raw_text(&name)?,
            n if is_cell_block(n) => {
                // html5ever closes an open <p> before any block, a list item
                // before another in the same list, a heading before another.
                if cell.open.iter().any(|e| e == "p") {
                    return Err(Unsupported);
                }
                let same_item = |items: &[&str]| {
                    for e in cell.open.iter().rev() {
                        if items.contains(&e.as_ref()) {
                            return true;
                        }
                        if is_cell_block(e) && !matches!(e.as_ref(), "div" | "p") {
                            return false;
                        }
                    }
                    false
                };
                if (n == "li" && same_item(&["li"]))
                    || (matches!(n, "dt" | "dd") && same_item(&["dt", "dd"]))
                    || (is_heading(n) && cell.open.last().is_some_and(|e| is_heading(e)))
                {
                    return Err(Unsupported);
                }
                if n == "li" {
                    text.start_list_item();
                } else {
                    text.break_line();
                }
                cell.open.push(name);
            }
            "a" if cell.open.iter().any(|e| e == "a") => return Err(Unsupported),
            n if is_cell_inline(n) => cell.open.push(name),
            _ => return Err(Unsupported),
        },
        Token::End { name } => {
            // `</br>` is read as `<br>`.
            if name == "br" {
                text.break_line();
                return Ok(());
            }
            let top = cell.open.last().ok_or(Unsupported)?;
            if *top != name && !(is_heading(top) && is_heading(&name)) {
                return Err(Unsupported);
            }
            let top = cell.open.pop().expect("checked above");
            if html::breaks_after(&top) {
                text.break_line();
            }
        }
    }
    Ok(())
}

/// HTML's whitespace.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

/// A token of the page, borrowed from it. Tag names are lower-cased.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    /// Text as written: character references not yet decoded.
    Text(&'a str),
    Start {
        name: Cow<'a, str>,
        /// Everything between the name and the tag's end.
        attrs: &'a str,
        self_closing: bool,
    },
    End {
        name: Cow<'a, str>,
    },
    /// A comment, doctype, processing instruction or `</>`: nothing read.
    Comment,
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    tally: Tally,
}

/// The tags the lexer passed, as `html.rs`'s `scan_tags` (the completeness
/// and depth check) counts them. That scan reads by simpler rules than
/// HTML's (any quote in a tag is a quoted value, a `<` before a digit opens
/// a tag, some elements' content is skipped to the first `</name`); wherever
/// the two readings of the page could part, the lexer gives up, so the page
/// is left to the scan itself. A property test holds the tally to the scan.
#[derive(Default)]
struct Tally {
    counter: html::Counter,
    /// Where the scan, skipping an element's content, reads again.
    skipping_to: usize,
    /// The scan would read some tag of the page differently.
    lost: bool,
}

impl Tally {
    /// The counts, if they are the scan's and within its depth limit.
    fn tags(self) -> Option<html::Tags> {
        if self.lost {
            return None;
        }
        within_depth(self.counter.tags)
    }
}

/// Tags nested deeper than the scan allows are the scan's to report.
fn within_depth(tags: html::Tags) -> Option<html::Tags> {
    (tags.deepest <= html::MAX_DEPTH).then_some(tags)
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str, pos: usize) -> Self {
        Lexer {
            text,
            pos,
            tally: Tally::default(),
        }
    }

    /// The next token, `None` at the end of the page; tallied.
    fn next(&mut self) -> Scan<Option<Token<'a>>> {
        let start = self.pos;
        let token = self.token()?;
        if let Some(token) = &token {
            self.count(start, self.pos, token);
        }
        Ok(token)
    }

    /// Counts the token at `start..end` as the scan would, or marks the
    /// tally lost where the scan would read those bytes differently.
    fn count(&mut self, start: usize, end: usize, token: &Token<'_>) {
        if self.tally.lost {
            return;
        }
        if self.counted(start, end, token).is_err() {
            self.tally.lost = true;
        }
    }

    /// Tallies the raw text between `start` and `end` (a `<script>`'s, say),
    /// read in one go: where the scan would read it as markup (it is not
    /// skipping it, and it holds a `<`), the tally is dropped.
    fn count_raw_text(&mut self, start: usize, end: usize) {
        let text = &self.text[start..end];
        if start >= self.tally.skipping_to && text.contains('<') {
            self.tally.lost = true;
            return;
        }
        self.count(start, end, &Token::Text(text));
    }

    fn counted(&mut self, start: usize, end: usize, token: &Token<'_>) -> Scan<()> {
        let bytes = self.text.as_bytes();
        let tally = &mut self.tally;
        let names_agree = |name: &str| name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        // Where the scan ends a tag: the first `>` outside quotes anywhere,
        // which is this tag's `>` unless a quote is out of a value's place.
        let ends_agree = || {
            !bytes[start..end].iter().any(|&b| b == b'"' || b == b'\'')
                || html::tag_end(bytes, start + 1) + 1 == end
        };
        if start < tally.skipping_to {
            // Still in content the scan skips; it reads on from inside or
            // after this token, where it must find no tag.
            let after = tally.skipping_to.min(end);
            return if bytes[after..end].contains(&b'<') {
                Err(Unsupported)
            } else {
                Ok(())
            };
        }
        match token {
            Token::Text("<") => {
                // A `<` that opens no tag; the scan takes `<5` or `<-` for one.
                match bytes.get(start + 1) {
                    Some(b) if b.is_ascii_digit() || *b == b'-' => return Err(Unsupported),
                    _ => {}
                }
            }
            // Text the lexer reads ends at a `<`, so holds none; raw text,
            // which can, is checked where it is read (`count_raw_text`).
            Token::Text(_) => {}
            Token::Comment => {
                let comment = &bytes[start..end];
                if comment.starts_with(b"<!--") && !comment.ends_with(b"-->") {
                    // Ended by `--!>`: the scan reads on to a `-->`.
                    return Err(Unsupported);
                }
                if comment.starts_with(b"</") {
                    // `</>` or `</ x>`: the scan takes `<//b` for a tag and
                    // reads the tags inside `</ <b>`.
                    let after = comment.get(2).copied().unwrap_or(b'>');
                    if after == b'/'
                        || after == b'-'
                        || after.is_ascii_digit()
                        || comment[2..].contains(&b'<')
                    {
                        return Err(Unsupported);
                    }
                }
            }
            Token::Start {
                name, self_closing, ..
            } => {
                let scan_closes = end >= 2 && bytes[end - 2] == b'/';
                if !names_agree(name) || !ends_agree() || scan_closes != *self_closing {
                    return Err(Unsupported);
                }
                let element = html::Counted::of(name);
                tally.counter.open(element, *self_closing);
                if element == html::Counted::SkipsContent {
                    let needle = format!("</{name}");
                    tally.skipping_to = self.text[end..]
                        .find(&needle)
                        .map_or(bytes.len(), |at| end + at + needle.len());
                }
            }
            Token::End { name } => {
                if !names_agree(name) || !ends_agree() {
                    return Err(Unsupported);
                }
                tally.counter.close(html::Counted::of(name));
            }
        }
        Ok(())
    }

    /// The next token, `None` at the end of the page; not tallied.
    fn token(&mut self) -> Scan<Option<Token<'a>>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.pos;
        if start >= bytes.len() {
            return Ok(None);
        }
        if bytes[start] != b'<' {
            let end = memchr::memchr(b'<', &bytes[start..]).map_or(bytes.len(), |i| start + i);
            self.pos = end;
            return Ok(Some(Token::Text(&text[start..end])));
        }
        let after = bytes.get(start + 1).copied();
        match after {
            Some(b'!') if bytes[start..].starts_with(b"<!--") => {
                self.pos = comment_end(bytes, start + 4)?;
                Ok(Some(Token::Comment))
            }
            // CDATA is a section only in foreign content; leave it to html5ever.
            Some(b'!') if bytes[start..].starts_with(b"<![CDATA[") => Err(Unsupported),
            Some(b'!' | b'?') => self.bogus_comment(start + 2),
            Some(b'/') => match bytes.get(start + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name, _, _) = self.tag(start + 2)?;
                    Ok(Some(Token::End { name }))
                }
                Some(b'>') => {
                    self.pos = start + 3;
                    Ok(Some(Token::Comment))
                }
                Some(_) => self.bogus_comment(start + 2),
                None => Err(Unsupported),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, attrs, self_closing) = self.tag(start + 1)?;
                Ok(Some(Token::Start {
                    name,
                    attrs,
                    self_closing,
                }))
            }
            // A `<` that starts no tag is text.
            _ => {
                self.pos = start + 1;
                Ok(Some(Token::Text(&text[start..start + 1])))
            }
        }
    }

    fn bogus_comment(&mut self, from: usize) -> Scan<Option<Token<'a>>> {
        let end = self.text[from..].find('>').ok_or(Unsupported)?;
        self.pos = from + end + 1;
        Ok(Some(Token::Comment))
    }

    /// A tag whose name starts at `at`: its lower-cased name, its attribute
    /// text, and whether it ends in `/>`. Moves past it.
    fn tag(&mut self, at: usize) -> Scan<(Cow<'a, str>, &'a str, bool)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let name_end = bytes[at..]
            .iter()
            .position(|&b| is_space(b) || b == b'/' || b == b'>')
            .map(|i| at + i)
            .ok_or(Unsupported)?;
        let raw = &text[at..name_end];
        let name = if raw.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(raw.to_ascii_lowercase())
        } else {
            Cow::Borrowed(raw)
        };
        let mut i = name_end;
        loop {
            match next_attribute(text, i)? {
                Attribute::Pair { next, .. } => i = next,
                Attribute::End { next, self_closing } => {
                    self.pos = next;
                    return Ok((name, &text[name_end..next], self_closing));
                }
            }
        }
    }

    /// Moves past the content and end tag of a raw-text element (`<script>`,
    /// `<style>`, `<title>`, ...) whose start tag was just read.
    fn skip_raw_text(&mut self, name: &str) -> Scan<()> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut from = self.pos;
        loop {
            let at = from + text[from..].find("</").ok_or(Unsupported)?;
            let name_at = at + 2;
            let matches = bytes
                .get(name_at..name_at + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                && bytes
                    .get(name_at + name.len())
                    .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>');
            if !matches {
                from = name_at;
                continue;
            }
            // `<!--` in a script changes where it ends (the escaped states).
            if name == "script" && text[self.pos..at].contains("<!--") {
                return Err(Unsupported);
            }
            let content = self.pos;
            let (end_name, _, _) = self.tag(name_at)?;
            self.count_raw_text(content, at);
            self.count(at, self.pos, &Token::End { name: end_name });
            return Ok(());
        }
    }
}

/// Where a comment whose text starts at `from` ends (after `-->` or `--!>`;
/// `<!-->` and `<!--->` are empty comments).
fn comment_end(bytes: &[u8], from: usize) -> Scan<usize> {
    let rest = &bytes[from..];
    if rest.starts_with(b">") {
        return Ok(from + 1);
    }
    if rest.starts_with(b"->") {
        return Ok(from + 2);
    }
    let mut i = from;
    loop {
        let at = i + bytes[i..]
            .windows(2)
            .position(|w| w == b"--")
            .ok_or(Unsupported)?;
        let tail = &bytes[at + 2..];
        if tail.starts_with(b">") {
            return Ok(at + 3);
        }
        if tail.starts_with(b"!>") {
            return Ok(at + 4);
        }
        i = at + 1;
    }
}

/// One step through a tag's attributes.
enum Attribute<'a> {
    Pair {
        name: &'a str,
        value: &'a str,
        next: usize,
    },
    /// The tag ends; `next` is just past its `>`.
    End { next: usize, self_closing: bool },
}

/// The attribute starting at or after `i`, as HTML tokenizes it: names run to
/// whitespace, `/`, `>` or `=` (a leading `=` belongs to the name), values are
/// quoted or run to whitespace or `>`, a `/` not before `>` is ignored. Used
/// both to find a tag's end and to read an attribute's value.
fn next_attribute(text: &str, mut i: usize) -> Scan<Attribute<'_>> {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(i) {
            None => return Err(Unsupported),
            Some(b'>') => {
                return Ok(Attribute::End {
                    next: i + 1,
                    self_closing: false,
                });
            }
            Some(b'/') if bytes.get(i + 1) == Some(&b'>') => {
                return Ok(Attribute::End {
                    next: i + 2,
                    self_closing: true,
                });
            }
            Some(&b) if is_space(b) || b == b'/' => i += 1,
            Some(_) => break,
        }
    }
    let name_start = i;
    i += 1;
    while let Some(&b) = bytes.get(i) {
        if is_space(b) || matches!(b, b'/' | b'>' | b'=') {
            break;
        }
        i += 1;
    }
    let name = &text[name_start..i];
    let mut j = i;
    while bytes.get(j).is_some_and(|&b| is_space(b)) {
        j += 1;
    }
    if bytes.get(j) != Some(&b'=') {
        return Ok(Attribute::Pair {
            name,
            value: "",
            next: i,
        });
    }
    j += 1;
    while bytes.get(j).is_some_and(|&b| is_space(b)) {
        j += 1;
    }
    match bytes.get(j) {
        None => Err(Unsupported),
        Some(&q @ (b'"' | b'\'')) => {
            let len = bytes[j + 1..]
                .iter()
                .position(|&b| b == q)
                .ok_or(Unsupported)?;
            Ok(Attribute::Pair {
                name,
                value: &text[j + 1..j + 1 + len],
                next: j + 2 + len,
            })
        }
        Some(b'>') => Ok(Attribute::Pair {
            name,
            value: "",
            next: j,
        }),
        Some(_) => {
            let len = bytes[j..]
                .iter()
                .position(|&b| is_space(b) || b == b'>')
                .ok_or(Unsupported)?;
            Ok(Attribute::Pair {
                name,
                value: &text[j..j + len],
                next: j + len,
            })
        }
    }
}

/// The value of the first attribute called `wanted` (lower case) in a tag's
/// attribute text.
fn attribute<'a>(attrs: &'a str, wanted: &str) -> Scan<Option<&'a str>> {
    let mut i = 0;
    loop {
        match next_attribute(attrs, i)? {
            Attribute::Pair { name, value, next } => {
                if name.eq_ignore_ascii_case(wanted) {
                    return Ok(Some(value));
                }
                i = next;
            }
            Attribute::End { .. } => return Ok(None),
        }
    }
}

/// Appends `raw` text with its character references decoded as HTML does in
/// text: `&name;`, the legacy names without `;` (longest match), `&#N;` and
/// `&#xH;` with the standard's replacements; anything else stays as written.
fn decode_into(raw: &str, out: &mut String) {
    let bytes = raw.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = raw[i..].find('&').map(|a| i + a) {
        out.push_str(&raw[copied..at]);
        match char_reference(raw, at + 1) {
            Some((chars, next)) => {
                out.extend(chars.into_iter().flatten());
                copied = next;
                i = next;
            }
            None => {
                out.push('&');
                copied = at + 1;
                i = at + 1;
            }
        }
        debug_assert!(i <= bytes.len());
    }
    out.push_str(&raw[copied..]);
}

/// The reference starting just after a `&` at `at`: its characters and where
/// the text resumes, or `None` when the `&` is just a `&`.
fn char_reference(raw: &str, at: usize) -> Option<([Option<char>; 2], usize)> {
    let bytes = raw.as_bytes();
    match bytes.get(at)? {
        b'#' => numeric_reference(bytes, at + 1),
        b if b.is_ascii_alphanumeric() => {
            // The references pages are full of, without a table lookup per
            // letter (a name ending in `;` has no longer match).
            for (name, c) in [
                ("amp;", '&'),
                ("lt;", '<'),
                ("gt;", '>'),
                ("quot;", '"'),
                ("nbsp;", '\u{a0}'),
            ] {
                if raw[at..].starts_with(name) {
                    return Some(([Some(c), None], at + name.len()));
                }
            }
            let mut matched = None;
            let mut end = at;
            while end < bytes.len() && bytes[end].is_ascii() {
                end += 1;
                match NAMED_ENTITIES.get(&raw[at..end]) {
                    Some(&(first, second)) if first != 0 => matched = Some((first, second, end)),
                    Some(_) => {}
                    None => break,
                }
            }
            let (first, second, end) = matched?;
            Some((
                [
                    char::from_u32(first),
                    char::from_u32(second).filter(|_| second != 0),
                ],
                end,
            ))
        }
        _ => None,
    }
}

/// `&#` references; `from` is just past the `#`.
fn numeric_reference(bytes: &[u8], from: usize) -> Option<([Option<char>; 2], usize)> {
    let (base, digits_at) = match bytes.get(from) {
        Some(b'x' | b'X') => (16, from + 1),
        _ => (10, from),
    };
    let mut value: u32 = 0;
    let mut too_big = false;
    let mut i = digits_at;
    while let Some(digit) = bytes.get(i).and_then(|&b| (b as char).to_digit(base)) {
        value = value.wrapping_mul(base);
        if value > 0x10FFFF {
            too_big = true;
        }
        value = value.wrapping_add(digit);
        i += 1;
    }
    if i == digits_at {
        return None;
    }
    if bytes.get(i) == Some(&b';') {
        i += 1;
    }
    let c = match value {
        _ if too_big || value > 0x10FFFF => '\u{fffd}',
        0 | 0xD800..=0xDFFF => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS[(value - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{fffd}')),
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    };
    Some(([Some(c), None], i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench_article;
    use proptest::prelude::*;

    /// The tree walk's answer for the same page.
    fn from_tree(page: &str) -> Vec<RawTable> {
        crate::read::html::parsed_tables(page)
    }

    /// Pieces real pages are made of, and the ones that trip parsers up:
    /// unclosed and misnested tags, stray end tags, references with and
    /// without `;`, raw text holding tags, foreign content, comments.
    const PIECES: &[&str] = &[
        "text",
        " ",
        "\n",
        "a&amp;b",
        "&notit;",
        "&ampx",
        "AT&T",
        "&#8217;",
        "&#x1F600",
        "&#128;",
        "&lt;td&gt;",
        "x < y",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<ul>",
        "</ul>",
        "<ol>",
        "<li>",
        "</li>",
        "<dl>",
        "<dt>",
        "<dd>",
        "</dd>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<a href='x>y'>",
        "</a>",
        "<span/>",
        "<br>",
        "</br>",
        "<br/>",
        "<img src=x>",
        "<hr>",
        "<h2>",
        "</h2>",
        "<h3>",
        "</h3>",
        "<pre>\n",
        "</pre>",
        "<code>",
        "</code>",
        "<td>",
        "</td>",
        "<th>",
        "</th>",
        "<tr>",
        "</tr>",
        "<td colspan=2>",
        "<td rowspan=\"1\">",
        "<tbody>",
        "</tbody>",
        "<thead>",
        "<table>",
        "</table>",
        "<caption>",
        "</caption>",
        "<col>",
        "<colgroup>",
        "<!-- <table> -->",
        "<!-->",
        "<!DOCTYPE html>",
        "<?xml?>",
        "</>",
        "</ x>",
        "<script>'</td>'</script>",
        "<style>td{}</style>",
        "<noscript><b>n</b></noscript>",
        "<title>t</title>",
        "<template><table><tr><td>t</td></tr></table></template>",
        "<svg><path/><title>s</title></svg>",
        "<svg><p>",
        "<math><mi>m</mi></math>",
        "<select><option>o</option></select>",
        "<input>",
        "<font color=red>",
        "</font>",
        "<section>",
        "</section>",
        "<blockquote>",
        "</blockquote>",
        "\u{2022} item",
        "<LI>",
        "</TD>",
        "<TR >",
    ];

    /// Markup the completeness scan reads by its own simpler rules: quotes
    /// out of a value's place, `<` before a digit, odd comments and end
    /// tags, names HTML allows and the scan cuts short, raw text ended in
    /// capitals or inside foreign content.
    const SCAN_PIECES: &[&str] = &[
        "<!-- a --!> <b>",
        "<!-- a -- b -->",
        "<script>x</SCRIPT><b>y</script>",
        "<script>a</scriptx></script>",
        "<title>t</TITLE><i></title>",
        "<textarea>t</textarea>",
        "<xmp><b></xmp>",
        "<noscript>n</noscript>",
        "<iframe><b></iframe>",
        "<svg><style><b></style></svg>",
        "<svg><title>a</TITLE><b></title></svg>",
        "x <5 y",
        "a <-b",
        "</ <b>",
        "<//b>",
        "</1>",
        "<a title=\"x>y\">",
        "<a href=x/>",
        "<a x=\"'\">",
        "<p class=a\"b>",
        "<a_b>",
        "<h1:x>",
        "<table:x>",
        "<br_x>",
        "<div class=a\"b>",
        "\"</div>",
        "<script>a</scriptx><b></script>",
        "<a\u{e9}>",
        "<div/>",
        "<br />",
        "<html>",
        "</html>",
        "<HTML>",
        "<table>",
        "</table>",
        "</TABLE >",
    ];

    /// `<tr>`s of `<td>`s, each cell the concatenation of its pieces.
    fn table_rows<P: AsRef<str>>(rows: Vec<Vec<Vec<P>>>) -> String {
        rows.iter()
            .map(|row| {
                let cells: String = row
                    .iter()
                    .map(|cell| {
                        let text: String = cell.iter().map(AsRef::as_ref).collect();
                        format!("<td>{text}</td>")
                    })
                    .collect();
                format!("<tr>{cells}</tr>")
            })
            .collect()
    }

    /// Random pieces, alone and as the cells of a table.
    fn page() -> impl Strategy<Value = String> {
        page_of(PIECES.to_vec())
    }

    fn page_of(pieces: Vec<&'static str>) -> impl Strategy<Value = String> {
        let soup = move || prop::collection::vec(prop::sample::select(pieces.clone()), 0..4);
        (
            soup(),
            prop::collection::vec(prop::collection::vec(soup(), 1..4), 1..4),
        )
            .prop_map(|(before, rows)| {
                format!(
                    "{}<table><tr><th>Code</th><th>Description</th></tr>{}</table>",
                    before.concat(),
                    table_rows(rows)
                )
            })
    }

    /// Well-formed cells, as most saved pages have: every element closed,
    /// blocks and inline elements nested at random.
    fn plain_page() -> impl Strategy<Value = String> {
        let text = prop::sample::select(
            &[
                "word",
                "a&amp;b",
                "&rsquo;",
                " ",
                "\u{a0}",
                "&#8226; item",
                "<br>",
                "\n  ",
                "- dash",
            ][..],
        )
        .prop_map(str::to_owned);
        let node = text.prop_recursive(4, 24, 4, |inner| {
            (
                prop::sample::select(
                    &[
                        "p",
                        "div",
                        "ul",
                        "ol",
                        "b",
                        "em",
                        "a",
                        "span",
                        "code",
                        "blockquote",
                        "h4",
                        "pre",
                        "dl",
                        "section",
                    ][..],
                ),
                prop::collection::vec(inner, 0..4),
            )
                .prop_map(|(tag, children)| match tag {
                    "ul" | "ol" => format!(
                        "<{tag}>{}</{tag}>",
                        children
                            .iter()
                            .map(|c| format!("<li>{c}</li>"))
                            .collect::<String>()
                    ),
                    "dl" => format!(
                        "<dl>{}</dl>",
                        children
                            .iter()
                            .map(|c| format!("<dt>t</dt><dd>{c}</dd>"))
                            .collect::<String>()
                    ),
                    _ => format!("<{tag}>{}</{tag}>", children.concat()),
                })
        });
        let row = prop::collection::vec(prop::collection::vec(node, 0..4), 1..4);
        (
            prop::option::of(prop::sample::select(
                &["Errors", "<em>API</em> errors", ""][..],
            )),
            prop::collection::vec(row, 1..5),
        )
            .prop_map(|(heading, rows)| {
                let heading = heading.map_or(String::new(), |h| format!("<h2>{h}</h2>"));
                format!(
                    "<html><body>{heading}<table>{}</table></body></html>",
                    table_rows(rows)
                )
            })
    }

    /// Every `<tr` of a page as the cut: the halves read as one pass, and
    /// tally the same tags (the depth bounded from above).
    fn check_every_cut(page: &str) {
        let whole = scan(page).ok();
        for (cut, _) in page.match_indices("<tr") {
            let halves = in_halves(page, cut).ok();
            let tables = |read: &Option<(Vec<RawTable>, _)>| read.as_ref().map(|(t, _)| t.clone());
            assert_eq!(tables(&halves), tables(&whole), "cut at {cut}:\n{page}");
            if let (Some((_, Some(part))), Some((_, Some(all)))) = (&halves, &whole) {
                assert!(part.deepest >= all.deepest, "cut at {cut}:\n{page}");
                let part = html::Tags {
                    deepest: all.deepest,
                    ..part.clone()
                };
                assert_eq!(&part, all, "cut at {cut}:\n{page}");
            }
        }
    }

    /// Whatever the lexer tallies is what the completeness scan counts.
    fn check_tally(page: &str) {
        if let Ok((_, Some(tags))) = scan(page) {
            assert_eq!(Some(tags), html::scan_tags(page).ok(), "{page}");
        }
    }

    #[test]
    fn a_large_page_is_cut_wherever_its_middle_falls() {
        let mut page = bench_article::article(1000, bench_article::Form::Html);
        assert!(page.len() >= HALVES_FROM);
        // Make the middle fall inside a character, then read.
        while page.is_char_boundary(page.len() / 2) {
            page.insert(0, 'é');
        }
        assert_eq!(tables(&page), scan(&page).ok().map(|(tables, _)| tables));
    }

    #[test]
    fn pages_read_in_halves_read_as_one_pass() {
        check_every_cut(&bench_article::article(40, bench_article::Form::Html));
        check_every_cut(include_str!("../../../tests/articles/parley-page.html"));
        // A cut in a script, a comment, a cell, a second table.
        check_every_cut(
            "<h2>A</h2><table><tr><th>Code<th>Text</tr><tr><td>1<td>x<script>'<tr>'</script></td></tr><!-- <tr> -->\
             <tr><td>2</td><td><b><tr</b></td></tr></table><table><tr><th>K</th></tr><tr><td>k</td></tr></table>\
             <h2>B</h2><table><tr><th>Code</th></tr><tr><td>3</td></tr></table>",
        );
    }

    proptest! {
        /// Whatever this path reads, it reads as the tree walk does.
        #[test]
        fn the_tag_stream_reads_as_the_tree_does(page in page()) {
            if let Some(fast) = tables(&page) {
                prop_assert_eq!(fast, from_tree(&page), "{}", page);
            }
        }

        #[test]
        fn any_cut_reads_as_one_pass(page in page()) {
            check_every_cut(&page);
        }

        #[test]
        fn the_lexer_tallies_tags_as_the_completeness_scan_does(
            page in page_of([PIECES, SCAN_PIECES].concat())
        ) {
            check_tally(&page);
            check_every_cut(&page);
        }

        #[test]
        fn plain_tables_read_as_the_tree_does(page in plain_page()) {
            if let Some(fast) = tables(&page) {
                prop_assert_eq!(fast, from_tree(&page), "{}", page);
            }
        }
    }

    #[test]
    fn plain_pages_are_tallied_and_odd_markup_is_left_to_the_scan() {
        let table = "<table><tr><th>Code</th></tr><tr><td>1</td></tr></table>";
        for page in [
            bench_article::article(40, bench_article::Form::Html),
            include_str!("../../../tests/articles/parley-page.html").to_owned(),
            format!("<html><body><script>'<table>'</script>{table}</body></html>"),
        ] {
            assert!(scan(&page).unwrap().1.is_some(), "{page}");
            check_tally(&page);
        }
        // Pages the scan counts differently: the lexer reads their tables
        // but leaves the count to the scan.
        for odd in [
            format!("<div class=a\"b>{table}\"</div>"),
            format!("<a href=x/>{table}"),
            format!("{table}<table:x>"),
            format!("{table}<br_x>"),
            format!("{table}x <5 y"),
            format!("{table}<!-- a --!> <b>"),
            format!("{table}</ <b>"),
            format!("{table}<script>a</scriptx><b></script>"),
            format!("{table}<noscript><b></b></noscript>"),
        ] {
            let (tables, tags) = scan(&odd).unwrap();
            assert!(!tables.is_empty() && tags.is_none(), "{odd}");
            check_tally(&odd);
        }
        // The scan still skips the script's content at the cut.
        let page = "<table><tr><th>Code</th></tr><tr><td>1<script>x</SCRIPT></td></tr><tr><td>2</td></tr></table></script>";
        let cut = page.rfind("<tr").unwrap();
        assert!(in_halves(page, cut).unwrap().1.is_none());
    }

    #[test]
    fn our_test_pages_and_the_benchmark_article_are_read_here_as_the_tree_does() {
        for page in [
            include_str!("../../../tests/articles/parley-page.html"),
            include_str!("../../../tests/articles/parley-fragment.htm"),
            &bench_article::article(50, bench_article::Form::Html),
        ] {
            let fast = tables(page).expect("plain markup is read off the tag stream");
            assert_eq!(fast, from_tree(page));
        }
    }

    fn decoded(raw: &str) -> String {
        let mut out = String::new();
        decode_into(raw, &mut out);
        out
    }

    #[test]
    fn character_references_decode_as_html_does() {
        assert_eq!(decoded("a&amp;b &lt;x&gt; &rsquo;"), "a&b <x> \u{2019}");
        // Legacy names need no `;`, and the longest name wins.
        assert_eq!(decoded("&ampx &notit; &notin;"), "&x ¬it; ∉");
        assert_eq!(decoded("AT&T, Q&A, & more, &;"), "AT&T, Q&A, & more, &;");
        assert_eq!(decoded("&#65;&#x42;&#67 &#; &#x; &#128;"), "ABC &#; &#x; €");
        assert_eq!(
            decoded("&#0;&#xD800;&#99999999999;"),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
        assert_eq!(decoded("&NotEqualTilde;"), "\u{2242}\u{338}");
    }

    #[test]
    fn attributes_are_tokenized_as_html_does() {
        let attrs = r#" class="a>b" data-x='y' rowspan = 2 colspan=3/ hidden>"#;
        assert_eq!(attribute(attrs, "rowspan").unwrap(), Some("2"));
        assert_eq!(attribute(attrs, "colspan").unwrap(), Some("3/"));
        assert_eq!(attribute(attrs, "hidden").unwrap(), Some(""));
        assert_eq!(attribute(attrs, "class").unwrap(), Some("a>b"));
        assert_eq!(attribute(attrs, "style").unwrap(), None);
        let mut lexer = Lexer::new("<TD Colspan=2 /><br/>x < y</td><!-- a -- b --!><!--->", 0);
        let mut tokens = Vec::new();
        while let Some(token) = lexer.token().unwrap() {
            tokens.push(token);
        }
        assert_eq!(
            tokens,
            [
                Token::Start {
                    name: "td".into(),
                    attrs: " Colspan=2 />",
                    self_closing: true
                },
                Token::Start {
                    name: "br".into(),
                    attrs: "/>",
                    self_closing: true
                },
                Token::Text("x "),
                Token::Text("<"),
                Token::Text(" y"),
                Token::End { name: "td".into() },
                Token::Comment,
                Token::Comment,
            ]
        );
    }

    #[test]
    fn raw_text_ends_only_at_its_own_end_tag() {
        let page =
            "<script>if (a</b) x = '</scripts>';</SCRIPT ><table><tr><th>Code</th></tr></table>";
        assert_eq!(tables(page).unwrap().len(), 1);
        // An escaped script is left to html5ever.
        assert!(tables("<script><!-- <script></script> --></script>").is_none());
    }

    #[test]
    fn markup_only_a_tree_builder_reads_right_is_left_to_html5ever() {
        let table = |cell: &str| {
            format!(
                "<table><tr><th>Code</th><th>Description</th></tr><tr><td>1</td><td>{cell}</td></tr></table>"
            )
        };
        for cell in [
            "<p>an unclosed paragraph",
            "<p>a <div>block</div> in a paragraph</p>",
            "<ul><li>a <li>b</li></li></ul>",
            "<table><tr><td>nested</td></tr></table>",
            "<b>misnested <i>tags</b></i>",
            "<input value=x>",
            "<svg><title>x</title></svg>",
        ] {
            assert!(tables(&table(cell)).is_none(), "{cell}");
        }
        assert!(tables("<table>text straight in a table<tr><td>1</td></tr></table>").is_none());
        assert!(tables("<table><td>a cell without a row</td></table>").is_none());
        assert!(tables("<svg><foreignObject><table></table></foreignObject></svg>").is_none());
        assert!(tables("<h2>unclosed heading").is_none());
    }

    #[test]
    fn plain_tables_with_headings_and_chrome_are_read_here() {
        let page = "<!DOCTYPE html><html><head><title>T</title><style>td{}</style></head><body>\
            <svg viewBox='0 0 1 1'><path d='M0'/><title>icon</title></svg>\
            <template><h2>inert</h2><table><tr><td>x</td></tr></table></template>\
            <select><option>en</option></select>\
            <h2>Auth <svg><title>link</title></svg><em>errors</em></h2>\
            <table class=t><caption>Codes <b>here</b></caption><colgroup><col></colgroup>\
            <thead><tr><th>Code<th>Description</tr></thead>\
            <tbody><tr><td>1</td><td><p>One &amp; two</p><ul><li>a</li><li><b>b</b></li></ul></td></tr></tbody></table>";
        let tables = tables(page).expect("plain markup");
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].section.as_deref(), Some("Auth linkerrors"));
        assert_eq!(tables[0].header, ["Code", "Description"]);
        assert_eq!(tables[0].rows[0].cells, ["1", "One & two\n- a\n- b"]);
    }
}
