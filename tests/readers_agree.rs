//! The same article in every form it arrives in reads to one model. The
//! article is ours (tests/articles/), so this never changes with the live one.

use codegen::Format;
use workspace_tests::{ARTICLE, article, model, model_and_warnings};

fn errors_of(file: &str, bytes: &[u8]) -> (Format, Vec<codegen::model::ErrorEntry>) {
    let catalog = model(file, bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
    (catalog.source.format, catalog.errors)
}

fn crlf_with_bom(bytes: &[u8]) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend(
        String::from_utf8(bytes.to_vec())
            .unwrap()
            .replace('\n', "\r\n")
            .into_bytes(),
    );
    out
}

/// What the test article reads to, reviewed once; every other form must agree.
#[test]
fn the_test_article_reads_to_its_model() {
    let catalog = model(ARTICLE, &article(ARTICLE)).unwrap();
    insta::assert_json_snapshot!("parley_model", catalog.errors);
}

#[test]
fn every_form_gives_the_same_model() {
    let (_, expected) = errors_of(ARTICLE, &article(ARTICLE));
    assert!(expected.len() > 1);
    let forms: Vec<(&str, Vec<u8>, Format)> = vec![
        (
            "parley-page.html",
            article("parley-page.html"),
            Format::Html,
        ),
        (
            "parley-fragment.htm",
            article("parley-fragment.htm"),
            Format::Html,
        ),
        ("parley.md", article("parley.md"), Format::Markdown),
        (
            "parley-crlf.md",
            crlf_with_bom(&article("parley.md")),
            Format::Markdown,
        ),
        (
            "parley-embedded-html.md",
            article("parley-embedded-html.md"),
            Format::Markdown,
        ),
        ("parley.tsv", article("parley.tsv"), Format::Text),
        (
            "parley-crlf-bom.txt",
            crlf_with_bom(&article(ARTICLE)),
            Format::Text,
        ),
    ];
    for (name, bytes, format) in forms {
        let (read_as, errors) = errors_of(name, &bytes);
        assert_eq!(read_as, format, "{name}");
        assert_eq!(errors, expected, "{name} reads differently from {ARTICLE}");
    }
}

#[test]
fn format_is_found_by_content_when_the_name_says_nothing() {
    let (_, expected) = errors_of(ARTICLE, &article(ARTICLE));
    for (name, format) in [
        ("parley-page.html", Format::Html),
        ("parley.md", Format::Markdown),
        (ARTICLE, Format::Text),
    ] {
        let (read_as, errors) = errors_of("article-without-extension", &article(name));
        assert_eq!((read_as, errors), (format, expected.clone()), "{name}");
    }
}

#[test]
fn ignored_tables_are_reported() {
    let (catalog, warnings) = model_and_warnings("page.html", &article("parley-page.html"));
    catalog.unwrap();
    for header in ["Related articles", "Logo"] {
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("ignored table") && w.contains(header)),
            "{header}: {warnings:#?}"
        );
    }
}

#[test]
fn reworded_and_reordered_headers_with_an_extra_column() {
    let markdown = "| How to fix | HTTP status | Code | Error message |\n|---|---|---|---|\n| Slow down. | 200 | 31029 | Rate limited. |\n";
    let text = "How to fix |\nHTTP status |\nCode |\nError message |\nSlow down. |\n200 |\n31029 |\nRate limited. |\n";
    let tsv = "Cause and solution\tHTTP status\tError code\tMessage\nSlow down.\t200\t31029\tRate limited.\n";
    for (name, input) in [("h.md", markdown), ("h.txt", text), ("h.tsv", tsv)] {
        let (catalog, warnings) = model_and_warnings(name, input.as_bytes());
        let catalog = catalog.unwrap_or_else(|e| panic!("{name}: {e}"));
        let first = &catalog.errors[0];
        assert_eq!(
            (
                first.name.as_str(),
                first.description.as_str(),
                first.solution.as_str()
            ),
            ("TooManyRequests", "Rate limited.", "Slow down."),
            "{name}"
        );
        assert_eq!(
            first.extra.get("HTTP status").map(String::as_str),
            Some("200"),
            "{name}"
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("extra column \"HTTP status\"")),
            "{name}: {warnings:?}"
        );
    }
}

#[test]
fn lists_in_html_cells_become_dash_lines() {
    let html = "<table><tr><th>Error code</th><th>Description</th><th>Possible cause and suggested solution</th></tr>\
        <tr><td>31004</td><td>The request&rsquo;s fields are wrong.</td>\
        <td><p>Check the API documentation. Common issues:</p><ul><li>Missing <code>access_token</code></li><li>Malformed <a href='#'>JSON</a></li></ul></td></tr></table>";
    let catalog = model("list.html", html.as_bytes()).unwrap();
    assert_eq!(
        catalog.errors[0].solution,
        "Check the API documentation. Common issues:\n- Missing access_token\n- Malformed JSON"
    );
}

#[test]
fn paragraphs_and_line_breaks_in_html_cells_become_lines() {
    let html = "<table><thead><tr><th>Code</th><th>Description</th><th>Solution</th></tr></thead>\
        <tbody><tr><td><b>31029</b></td><td><p>First   paragraph.</p><p>Second&nbsp;one.</p></td>\
        <td>Wait a moment.<br>Then <strong>retry</strong>.<br/><span style=\"color:red\">Back off.</span></td></tr></tbody></table>";
    let catalog = model("p.html", html.as_bytes()).unwrap();
    assert_eq!(
        catalog.errors[0].description,
        "First paragraph.\nSecond one."
    );
    assert_eq!(
        catalog.errors[0].solution,
        "Wait a moment.\nThen retry.\nBack off."
    );
}
