//! Every refused input gets its own clear message: file, line or row, and
//! what was expected. None of them panics.

use workspace_tests::model;

fn refusal(file: &str, input: &[u8]) -> String {
    match model(file, input) {
        Ok(catalog) => panic!("{file} was accepted: {catalog:?}"),
        Err(e) => e.to_string(),
    }
}

const HEADER_TEXT: &str = "Error code |\nDescription |\nSolution |\n";
const MD_HEAD: &str = "| Error code | Description | Solution |\n|---|---|---|\n";

fn assert_refused(file: &str, input: &str, expected: &str) {
    let message = refusal(file, input.as_bytes());
    assert!(
        message.contains(expected),
        "{file}: expected a message containing\n  {expected}\ngot\n  {message}"
    );
}

#[test]
fn empty_and_prose_only_inputs() {
    assert_refused(
        "a.txt",
        "",
        "a.txt: the file is empty: expected an article with an error-code table",
    );
    assert_refused("a.md", "  \n\n\t", "a.md: the file holds only whitespace");
    assert_refused(
        "a.txt",
        "Just prose.\nNo table here.",
        "a.txt: no table found: expected a table whose header names",
    );
    assert_refused("a.html", "<p>No table</p>", "a.html: no table found");
}

#[test]
fn headers_that_do_not_name_the_columns() {
    assert_refused(
        "a.md",
        "| Key | Type | Description |\n|---|---|---|\n| code | int | x |\n",
        "(no code (",
    );
    let message = refusal(
        "a.md",
        b"| Name | Value |\n|---|---|\n| a | b |\n\n| Foo | Bar |\n|---|---|\n| 1 | 2 |\n",
    );
    assert!(
        message.contains("\"Name\" | \"Value\"") && message.contains("\"Foo\" | \"Bar\""),
        "lists every header seen: {message}"
    );
    assert_refused("a.md", MD_HEAD, "has a header but no rows");
    assert_refused("a.txt", HEADER_TEXT, "has a header but no rows");
}

#[test]
fn rows_with_bad_cells() {
    // A short row is GFM's to pad (tests/shapes.rs); a last row alone
    // without its closing `|` at the input's end is a cut capture.
    assert_refused(
        "a.md",
        &format!("{MD_HEAD}| 1 | One. | Fix |\n| 2 | Two. |  Fi"),
        "a.md:4: row 2: the capture is cut in the middle of a row",
    );
    assert_refused(
        "a.md",
        &format!("{MD_HEAD}|  | One. | Fix |\n"),
        "a.md:3: row 1: empty code",
    );
    assert_refused(
        "a.md",
        &format!("{MD_HEAD}| 1 | One. | Fix |\n| 2 |  | Fix |\n"),
        "a.md:4: row 2: code 2: empty description",
    );
    assert_refused(
        "a.md",
        &format!("{MD_HEAD}| 1 | a | b |\n| 2 | a | b |\n| 4000I | a | b |\n"),
        "a.md:5: row 3: code \"4000I\" is not a decimal number",
    );
    assert_refused(
        "a.md",
        &format!("{MD_HEAD}| -01 | a | b |\n"),
        "row 1: code \"-01\" is a negative number with leading zeros",
    );
    assert_refused(
        "a.md",
        &format!("{MD_HEAD}| 99999999999999999999 | a | b |\n"),
        "row 1: code \"99999999999999999999\" is too large",
    );
    assert_refused(
        "a.md",
        &format!("{MD_HEAD}| 1 | a | b |\n| 2 | a | b |\n| 1 | a | again |\n"),
        "a.md:5: row 3: code 1 appears twice: first in row 1 (line 3)",
    );
    assert_refused(
        "a.txt",
        &format!("{HEADER_TEXT}1 |\nOne. |\n"),
        "the table ends in the middle of a row: its last row has 2 of its 3 cells",
    );
}

#[test]
fn bytes_that_are_not_text() {
    assert_refused("a.txt", "ok\n\u{0}\u{1}", "NUL byte at byte offset 3");
    let message = refusal("a.md", b"| Error code |\n\xC3\x28 broken");
    assert!(
        message.starts_with("a.md:2: invalid UTF-8 at byte offset 15"),
        "{message}"
    );
    let garbage: Vec<u8> = (0..=255u8).rev().cycle().take(2048).collect();
    assert!(refusal("blob.bin", &garbage).contains("invalid UTF-8 at byte offset 0"));
}

#[test]
fn html_that_only_looks_like_a_table() {
    assert_refused(
        "a.html",
        "<html><body><script>var t = '<table><tr><th>Error code</th><th>Description</th><th>Solution</th></tr><tr><td>1</td><td>x</td><td>y</td></tr></table>';</script></body></html>",
        "a.html: no table found",
    );
    assert_refused(
        "a.html",
        "<html><body><table><tr><th>Error code</th><th>Description</th><th>Solution</th></tr><tr><td>1</td><td>x",
        "a.html:1: truncated HTML: the capture is cut: the <table> that starts at line 1 has no </table>",
    );
    assert_refused(
        "a.html",
        "<table><tr><th>Error code</th><th>Description</th><th>Solution</th></tr><tr><td rowspan=\"2\">1</td><td>x</td><td>y</td></tr></table>",
        "a.html: row 1: a cell has rowspan=\"2\": merged cells are not supported",
    );
}

#[test]
fn a_capture_over_the_size_limit() {
    // Over the limit by a row's worth, and a valid article otherwise: the
    // size alone refuses it, by name, before it is read.
    let mut article = MD_HEAD.to_owned();
    let row = "| 1 | One. | Fix. |\n";
    while article.len() <= codegen::read::MAX_CAPTURE_BYTES {
        article.push_str(row);
    }
    assert_refused(
        "big.md",
        &article,
        "big.md: the capture is 5.1 MiB, over the 5 MiB limit for an article: is this the right file?",
    );
    let html = format!("<html>{}</html>", " ".repeat(6 * 1024 * 1024 + 200 * 1024));
    assert_refused(
        "big.html",
        &html,
        "big.html: the capture is 6.2 MiB, over the 5 MiB limit for an article: is this the right file?",
    );
}
