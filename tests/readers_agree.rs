//! The same article in every form it arrives in reads to one model.

use codegen::Format;
use workspace_tests::{captured_article, entry, fixture, model};

fn errors_of(file: &str, bytes: &[u8]) -> (Format, Vec<codegen::model::ErrorEntry>) {
    let catalog = model(file, bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
    (catalog.source.format, catalog.errors)
}

#[test]
fn every_form_gives_the_same_model() {
    let (_, expected) = errors_of(&entry().source, &captured_article());
    assert_eq!(expected.len(), 8);
    let mut crlf_bom = b"\xEF\xBB\xBF".to_vec();
    crlf_bom.extend(
        String::from_utf8(captured_article())
            .unwrap()
            .replace('\n', "\r\n")
            .into_bytes(),
    );
    let markdown = fixture("article.md");
    let mut markdown_crlf = b"\xEF\xBB\xBF".to_vec();
    markdown_crlf.extend(
        String::from_utf8(markdown.clone())
            .unwrap()
            .replace('\n', "\r\n")
            .into_bytes(),
    );
    let forms: Vec<(&str, Vec<u8>, Format)> = vec![
        (
            "article-page.html",
            fixture("article-page.html"),
            Format::Html,
        ),
        (
            "article-fragment.htm",
            fixture("article-fragment.htm"),
            Format::Html,
        ),
        ("article.md", markdown, Format::Markdown),
        ("article-crlf.md", markdown_crlf, Format::Markdown),
        (
            "article-embedded-html.md",
            fixture("article-embedded-html.md"),
            Format::Markdown,
        ),
        (
            "article-copied-table.tsv",
            fixture("article-copied-table.tsv"),
            Format::Text,
        ),
        ("article-crlf-bom.txt", crlf_bom, Format::Text),
    ];
    for (name, bytes, format) in forms {
        let (read_as, errors) = errors_of(name, &bytes);
        assert_eq!(read_as, format, "{name}");
        assert_eq!(
            errors, expected,
            "{name} reads differently from the captured article"
        );
    }
}

#[test]
fn format_is_found_by_content_when_the_name_says_nothing() {
    for (name, format) in [
        ("article-page.html", Format::Html),
        ("article.md", Format::Markdown),
    ] {
        let (read_as, errors) = errors_of("article-without-extension", &fixture(name));
        assert_eq!((read_as, errors.len()), (format, 8), "{name}");
    }
    let (read_as, _) = errors_of("captured", &captured_article());
    assert_eq!(read_as, Format::Text);
}

#[test]
fn ignored_tables_are_reported() {
    let mut warnings = Vec::new();
    let annotations = workspace_tests::annotations();
    codegen::model(
        &entry(),
        "page.html",
        &fixture("article-page.html"),
        None,
        &annotations,
        None,
        &mut warnings,
    )
    .unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("ignored table") && w.contains("Related articles")),
        "{warnings:#?}"
    );
}

#[test]
fn reworded_and_reordered_headers_with_an_extra_column() {
    let markdown = "| How to fix | HTTP status | Code | Error message |\n|---|---|---|---|\n| Slow down. | 200 | 40100 | Rate limited. |\n";
    let text = "How to fix |\nHTTP status |\nCode |\nError message |\nSlow down. |\n200 |\n40100 |\nRate limited. |\n";
    let tsv = "Cause and solution\tHTTP status\tError code\tMessage\nSlow down.\t200\t40100\tRate limited.\n";
    for (name, input) in [("h.md", markdown), ("h.txt", text), ("h.tsv", tsv)] {
        let mut warnings = Vec::new();
        let annotations = workspace_tests::annotations();
        let catalog = codegen::model(
            &entry(),
            name,
            input.as_bytes(),
            None,
            &annotations,
            None,
            &mut warnings,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let first = &catalog.errors[0];
        assert_eq!(
            (
                first.name.as_str(),
                first.description.as_str(),
                first.solution.as_str()
            ),
            ("RateLimited", "Rate limited.", "Slow down."),
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
        <tr><td>40002</td><td>There&rsquo;s a problem with the parameters in your request.</td>\
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
        <tbody><tr><td><b>40100</b></td><td><p>First   paragraph.</p><p>Second&nbsp;one.</p></td>\
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
