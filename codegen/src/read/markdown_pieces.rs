//! A long markdown table read in pieces, two at a time.
//!
//! pulldown-cmark parses a document in one pass on one core, holding a tree
//! of all of it, and an article is mostly one long table whose rows GFM reads
//! independently of each other once the column count is known. So the
//! document is cut at row lines about every [`PIECE_LEN`] bytes; the first
//! piece is parsed as it is, each other one behind a made-up header of the
//! same width; two threads take the pieces in turn, so only two trees exist at
//! a time; and the pieces are joined only if each one really ended inside
//! the table at its cut. Anything else (a cut in a code block, a link
//! reference definition that could change how a row reads) falls back to one
//! pass. Tests cut documents at every line, and at every pair of lines up to
//! three apart, and hold the pieces to the tables one pass reads.

use crate::parallel;
use crate::read::markdown::{Parsed, is_delimiter_row, parse, source_cell_count, synthetic_head};

/// Below this size one pass is quick enough that a second thread only costs.
const MIN_LEN: usize = 256 * 1024;

/// About how long a piece is: short enough that two pieces' trees are a
/// small part of the article's memory, long enough that the cost of a piece
/// (a thread's turn, a copied made-up header, a join) does not show.
const PIECE_LEN: usize = 128 * 1024;

/// The document's tables and headings, as one [`parse`] gives them.
pub(super) fn parse_in_pieces(text: &str) -> Parsed {
    if text.len() < MIN_LEN {
        return parse(text);
    }
    let cuts = cuts(
        text,
        (1..)
            .map(|n| n * PIECE_LEN)
            .take_while(|&near| near < text.len()),
    );
    if cuts.is_empty() {
        return parse(text);
    }
    pieces(text, &cuts).unwrap_or_else(|| parse(text))
}

/// Where to cut, and the width of the table the cut falls in.
#[derive(Debug, Clone, Copy)]
struct Cut {
    at: usize,
    width: usize,
}

/// A row line of a GFM table at or after each of the increasing offsets in
/// `near`, where the text around it looks like one table (the join checks
/// that it was); offsets with no such line nearby give no cut.
fn cuts(text: &str, near: impl Iterator<Item = usize>) -> Vec<Cut> {
    // `[label]: url` anywhere can turn `[label]` in a row into a link.
    if text.contains("]:") {
        return Vec::new();
    }
    let mut cuts: Vec<Cut> = Vec::new();
    for near in near {
        let after = cuts.last().map_or(0, |c| c.at + 1).max(near);
        if let Some(cut) = cut(text, after, cuts.last().copied()) {
            cuts.push(cut);
        }
    }
    cuts
}

/// The row line starting after the first newline at or after `near`: its
/// width found by going back over rows to the table's delimiter row, or to
/// the previous cut, whose table it then continues.
fn cut(text: &str, near: usize, previous: Option<Cut>) -> Option<Cut> {
    // Bytes, not `str`: `near` may fall inside a character.
    let at = text
        .as_bytes()
        .get(near..)?
        .iter()
        .position(|&b| b == b'\n')?
        + near
        + 1;
    let is_row = |line: &str| {
        let line = line.trim();
        line.starts_with('|') && !is_delimiter_row(line)
    };
    let line_at = |start: usize| text[start..].split('\n').next().unwrap_or_default();
    if !is_row(line_at(at)) {
        return None;
    }
    // Back over the rows before the cut; every line on the way must be a row.
    let mut end = at;
    loop {
        let start = text[..end - 1].rfind('\n').map_or(0, |i| i + 1);
        if let Some(previous) = previous.filter(|p| p.at == start) {
            return Some(Cut {
                at,
                width: previous.width,
            });
        }
        let line = &text[start..end - 1];
        if is_delimiter_row(line) {
            let width = source_cell_count(line);
            return (width > 0).then_some(Cut { at, width });
        }
        if !is_row(line) || start == 0 {
            return None;
        }
        end = start;
    }
}

/// The pieces between the cuts parsed two at a time and joined in order, or
/// `None` if one of them did not end inside the table at its cut.
fn pieces(text: &str, cuts: &[Cut]) -> Option<Parsed> {
    // Two at a time: each holds a parse tree of its piece.
    let indices: Vec<usize> = (0..=cuts.len()).collect();
    let parsed = parallel::map_in_order(&indices, 1, |&index| parse_piece(text, cuts, index));
    let mut parsed = parsed.into_iter();
    let first = parsed.next()?;
    let (mut whole, mut lines_before) = (first.parsed, first.lines);
    for (cut, piece) in cuts.iter().zip(parsed) {
        let lines = piece.lines;
        whole = join(cut, lines_before, piece, whole)?;
        lines_before += lines;
    }
    Some(whole)
}

/// One piece's reading, and what joining it needs to know.
struct Piece {
    parsed: Parsed,
    /// How many newlines the piece's stretch of the document has.
    lines: usize,
    /// The length of the made-up header before the piece's text.
    head_len: usize,
}

fn parse_piece(text: &str, cuts: &[Cut], index: usize) -> Piece {
    let start = index.checked_sub(1).map(|before| cuts[before]);
    let stretch = &text[start.map_or(0, |c| c.at)..cuts.get(index).map_or(text.len(), |c| c.at)];
    // Counted here, on the worker: a line count is a pass over the text.
    let lines = stretch.bytes().filter(|&b| b == b'\n').count();
    let Some(start) = start else {
        return Piece {
            parsed: parse(stretch),
            lines,
            head_len: 0,
        };
    };
    let head = synthetic_head(start.width);
    Piece {
        parsed: parse(&format!("{head}{stretch}")),
        lines,
        head_len: head.len(),
    }
}

/// `first` (the document up to `cut`, `lines_before` lines) with the piece
/// after the cut joined on, if the first really ended inside the cut table
/// and the piece starts with its rows.
fn join(cut: &Cut, lines_before: usize, piece: Piece, mut first: Parsed) -> Option<Parsed> {
    let Piece {
        parsed: second,
        head_len,
        ..
    } = piece;
    // The first half must end in the cut table, the second start with it.
    let last = first.tables.last_mut()?;
    let continued = second.tables.first()?;
    let ends_at_cut = last.end + 1 >= cut.at && last.table.header.len() == cut.width;
    if !ends_at_cut || continued.table.line != Some(1) {
        return None;
    }
    // The piece's lines and offsets, as the whole document counts them.
    let line = |l: Option<usize>| l.map(|l| l - 2 + lines_before);
    let offset = |at: usize| at - head_len + cut.at;
    let last_heading = first
        .headings
        .last()
        .map(|(_, t)| t.clone())
        .filter(|t| !t.is_empty());
    let headings_in_first = first.headings.len();
    let mut tables = second.tables.into_iter();
    let continued = tables.next()?;
    last.table
        .rows
        .extend(continued.table.rows.into_iter().map(|mut row| {
            row.line = line(row.line);
            row
        }));
    last.end = offset(continued.end);
    for mut parsed in tables {
        parsed.table.line = line(parsed.table.line);
        for row in &mut parsed.table.rows {
            row.line = line(row.line);
        }
        if parsed.headings_before == 0 {
            parsed.table.section = last_heading.clone();
        }
        parsed.headings_before += headings_in_first;
        parsed.end = offset(parsed.end);
        first.tables.push(parsed);
    }
    first.headings.extend(
        second
            .headings
            .into_iter()
            .map(|(at, title)| (offset(at), title)),
    );
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench_article;
    use proptest::prelude::*;

    fn same(a: &Parsed, b: &Parsed) -> bool {
        a.headings == b.headings
            && a.tables.len() == b.tables.len()
            && a.tables.iter().zip(&b.tables).all(|(x, y)| {
                x.table == y.table && x.headings_before == y.headings_before && x.end == y.end
            })
    }

    /// Every cut a document allows, and every pair of cuts up to `apart`
    /// lines apart, reads as one pass does; how many cut documents joined.
    fn check_cuts(text: &str, apart: usize) -> usize {
        let whole = parse(text);
        let lines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        let mut joined = 0;
        let mut check = |near: &[usize]| {
            let cuts = cuts(text, near.iter().copied());
            if cuts.is_empty() {
                return;
            }
            if let Some(pieces) = pieces(text, &cuts) {
                let at: Vec<usize> = cuts.iter().map(|c| c.at).collect();
                assert!(same(&pieces, &whole), "cut at {at:?}:\n{text}");
                joined += 1;
            }
        };
        for (index, &near) in lines.iter().enumerate() {
            check(&[near]);
            for &then in lines.iter().skip(index + 1).take(apart) {
                check(&[near, then]);
            }
        }
        joined
    }

    #[test]
    fn a_large_document_is_cut_into_pieces_wherever_they_fall() {
        let mut text = bench_article::article(4000, bench_article::Form::Markdown);
        while text.is_char_boundary(PIECE_LEN) {
            text.insert(0, 'é');
        }
        let near = (1..)
            .map(|n| n * PIECE_LEN)
            .take_while(|&near| near < text.len());
        assert!(text.len() >= MIN_LEN && cuts(&text, near).len() >= 3);
        assert!(same(&parse_in_pieces(&text), &parse(&text)));
    }

    #[test]
    fn our_articles_read_the_same_cut_anywhere() {
        let generated = bench_article::article(120, bench_article::Form::Markdown);
        assert!(
            check_cuts(&generated, 3) > 300,
            "the long table is cut and joined"
        );
        for text in [
            include_str!("../../../tests/articles/parley.md"),
            include_str!("../../../tests/articles/beacon-slugs.md"),
            include_str!("../../../tests/articles/parley-embedded-html.md"),
        ] {
            check_cuts(text, 3);
        }
    }

    /// Documents made of the pieces that change how a table reads: short and
    /// long rows, escaped pipes, blank lines, fences, headings, prose.
    const PIECES: &[&str] = &[
        "| a | b |\n",
        "|---|---|\n",
        "| 1 | one `x` *y* |\n",
        "| 2 | two \\| three |\n",
        "| 3 |\n",
        "| 4 | a | b | c |\n",
        "5 | five\n",
        "\n",
        "# Heading\n",
        "## Other\n",
        "Some prose.\n",
        "```\n",
        "| in | code |\n",
        "> | quoted | row |\n",
        "- | listed | row |\n",
        "<br>\n",
        "| x | <b>y</b> &amp; z |\n",
    ];

    proptest! {
        #[test]
        fn any_cuts_read_as_one_pass(
            before in prop::collection::vec(prop::sample::select(PIECES), 0..8),
            rows in prop::collection::vec(prop::sample::select(PIECES), 0..40),
        ) {
            // A table header in the middle, so most documents have rows to cut.
            check_cuts(&format!("{}| a | b |\n|---|---|\n{}", before.concat(), rows.concat()), 3);
        }
    }
}
