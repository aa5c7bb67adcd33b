//! Whatever text the article holds, the generated crate compiles, its docs
//! build with `-D warnings`, and nothing invisible reaches a reader raw
//! (issue 11, item 4: Trojan Source and URLs that rustdoc trips on).

use std::fs;

use workspace_tests::{
    ARTICLE, article, article_workspace, cargo, model, model_and_warnings, pipe_article, root,
    test_entry,
};

/// Cells an attacker (or an unlucky copy) could put in an article.
const HOSTILE: &[&str] = &[
    "Access is \u{202e}deined\u{202c} for this app.",
    "An isolate \u{2066}here\u{2069} and a mark \u{200f}there.",
    "A terminal escape \u{1b}[31mred\u{1b}[0m and a bell \u{7}.",
    "Ends a comment */ and opens one /* with \"quotes\" and \\ backslashes.",
    "See the guide (https://example.invalid/guide_v2) or \"https://example.invalid/q?a=1&b=2\".",
];

fn hostile_rows() -> Vec<codegen::model::ErrorEntry> {
    let mut rows = model(ARTICLE, &article(ARTICLE)).unwrap().errors;
    for (row, text) in rows.iter_mut().zip(HOSTILE) {
        row.solution = (*text).to_owned();
    }
    rows
}

#[test]
fn hidden_characters_are_named_in_a_warning_and_kept_in_the_model() {
    let text = pipe_article(&hostile_rows());
    let (catalog, warnings) = model_and_warnings("hostile.txt", text.as_bytes());
    let catalog = catalog.unwrap();
    assert!(
        catalog.errors[0].solution.contains('\u{202e}'),
        "the model keeps the text"
    );
    for (index, name) in [(0, "U+202E"), (1, "U+2066"), (2, "U+001B")] {
        let code = &catalog.errors[index].code;
        assert!(
            warnings
                .iter()
                .any(|w| w.contains(&format!("code {code}: solution")) && w.contains(name)),
            "{name} not named for {code}: {warnings:?}"
        );
    }
    let markdown = codegen::emit::markdown::emit(&catalog);
    assert!(
        !markdown.chars().any(codegen::controls::is_hidden),
        "{markdown}"
    );
    assert!(markdown.contains("U+202E"), "{markdown}");
}

#[test]
fn the_generated_crate_compiles_and_documents_whatever_the_cells_say() {
    let dir = article_workspace();
    let entry = test_entry();
    fs::write(
        dir.path().join(&entry.source),
        pipe_article(&hostile_rows()),
    )
    .unwrap();
    xtask::regen::run(dir.path(), &Default::default()).expect("regen");
    let generated = fs::read_to_string(dir.path().join(entry.generated_rust())).unwrap();
    assert!(
        !generated.chars().any(codegen::controls::is_hidden),
        "no raw hidden character in generated.rs"
    );
    // Issue 23: docs are `///` lines throughout, whatever the cells say
    // (`*/`, quotes, URLs), never a `/** … */` block or a `#[doc]` string.
    assert!(
        !generated.contains("/**") && !generated.contains("#[doc"),
        "{generated}"
    );
    let crate_dir = dir.path().join(&entry.crate_dir);
    // Its own target dir under target/, kept between runs; rustc denies bidi
    // controls in literals and doc comments, rustdoc warns on bare URLs.
    let output = cargo(&crate_dir, &root().join("target/hostile-text"))
        .args(["doc", "--offline", "--no-deps", "--message-format", "short"])
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
