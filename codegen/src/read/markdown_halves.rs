//! A long markdown table read in two halves, one per core.
//!
//! pulldown-cmark parses a document in one pass on one core, and an article
//! is mostly one long table whose rows GFM reads independently of each other
//! once the column count is known. So the document is cut at a row line near
//! its middle; the first half is parsed as it is, the second behind a
//! made-up header of the same width, side by side; and the halves are joined
//! only if the first half really ended inside that table at the cut. Anything
//! else (the cut in a code block, a link reference definition that could
//! change how a row reads) falls back to one pass. A test cuts documents at
//! every line and holds both readings to the same tables.

use crate::read::markdown::{
    Lines, Parsed, is_delimiter_row, parse, source_cell_count, synthetic_head,
};

/// Below this size one pass is quick enough that a second thread only costs.
const MIN_LEN: usize = 256 * 1024;

/// The document's tables and headings, as one [`parse`] gives them.
pub(super) fn parse_in_halves(text: &str) -> Parsed {
    if text.len() < MIN_LEN {
        return parse(text);
    }
    cut(text, text.len() / 2)
        .and_then(|cut| halves(text, &cut))
        .unwrap_or_else(|| parse(text))
}

/// Where to cut, and the width of the table the cut falls in.
struct Cut {
    at: usize,
    width: usize,
}

/// A row line of a GFM table at or after `near`, if the text around it looks
/// like one table (the join checks that it was).
fn cut(text: &str, near: usize) -> Option<Cut> {
    // `[label]: url` anywhere can turn `[label]` in a row into a link.
    if text.contains("]:") {
        return None;
    }
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
    // Back over the rows before the cut to the delimiter row, which gives the
    // width; every line on the way must be a row.
    let mut end = at;
    loop {
        let start = text[..end - 1].rfind('\n').map_or(0, |i| i + 1);
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

/// Both halves parsed side by side and joined, or `None` if the first half
/// did not end inside the table at the cut.
fn halves(text: &str, cut: &Cut) -> Option<Parsed> {
    let head = synthetic_head(cut.width);
    let second_text = format!("{head}{}", &text[cut.at..]);
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| parse(&second_text));
        let first = parse(&text[..cut.at]);
        let second = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, second)
    });
    join(text, cut, head.len(), first, second)
}

fn join(
    text: &str,
    cut: &Cut,
    head_len: usize,
    mut first: Parsed,
    second: Parsed,
) -> Option<Parsed> {
    // The first half must end in the cut table, the second start with it.
    let last = first.tables.last_mut()?;
    let continued = second.tables.first()?;
    let ends_at_cut = last.end + 1 >= cut.at && last.table.header.len() == cut.width;
    if !ends_at_cut || continued.table.line != Some(1) {
        return None;
    }
    // Second-half lines and offsets, as the whole document counts them.
    let lines_before = Lines::new(&text[..cut.at]).line(cut.at) - 1;
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

    /// Every cut a document allows reads as one pass does.
    fn check_every_cut(text: &str) -> usize {
        let whole = parse(text);
        let mut joined = 0;
        for near in text.match_indices('\n').map(|(i, _)| i) {
            if let Some(cut) = cut(text, near)
                && let Some(halves) = halves(text, &cut)
            {
                assert!(same(&halves, &whole), "cut at {}:\n{text}", cut.at);
                joined += 1;
            }
        }
        joined
    }

    #[test]
    fn a_large_document_is_cut_wherever_its_middle_falls() {
        let mut text = bench_article::article(2000, bench_article::Form::Markdown);
        assert!(text.len() >= MIN_LEN);
        while text.is_char_boundary(text.len() / 2) {
            text.insert(0, 'é');
        }
        assert!(same(&parse_in_halves(&text), &parse(&text)));
    }

    #[test]
    fn our_articles_read_the_same_cut_anywhere() {
        let generated = bench_article::article(120, bench_article::Form::Markdown);
        assert!(
            check_every_cut(&generated) > 100,
            "the long table is cut and joined"
        );
        for text in [
            include_str!("../../../tests/articles/parley.md"),
            include_str!("../../../tests/articles/beacon-slugs.md"),
            include_str!("../../../tests/articles/parley-embedded-html.md"),
        ] {
            check_every_cut(text);
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
        fn any_cut_reads_as_one_pass(
            before in prop::collection::vec(prop::sample::select(PIECES), 0..8),
            rows in prop::collection::vec(prop::sample::select(PIECES), 0..40),
        ) {
            // A table header in the middle, so most documents have rows to cut.
            check_every_cut(&format!("{}| a | b |\n|---|---|\n{}", before.concat(), rows.concat()));
        }
    }
}
