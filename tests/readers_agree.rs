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
