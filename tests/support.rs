//! Helpers shared by the workspace-level tests.
//!
//! Tests own their inputs: the articles under `tests/articles/` are written
//! for the tests (a made-up vendor, "Parley"), so no test changes when the
//! live article does. Only the staleness check and the update loop read the
//! live capture, and they assert nothing about what it says.

use std::fs;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace root")
        .to_owned()
}

/// The test article in its canonical form (the copied `|` text).
pub const ARTICLE: &str = "parley.txt";

/// A test article's bytes, by file name under `tests/articles/`.
pub fn article(name: &str) -> Vec<u8> {
    fs::read(root().join("tests/articles").join(name))
        .unwrap_or_else(|e| panic!("tests/articles/{name}: {e}"))
}

pub fn test_annotations() -> String {
    String::from_utf8(article("annotations.toml")).unwrap()
}

/// The manifest of [`article_workspace`]: the same layout as the real one.
pub const TEST_MANIFEST: &str = r#"[[article]]
name = "parley"
title = "Parley Chat API error codes"
url = "http://127.0.0.1:9/parley/errors"
source = "docs/source/parley.txt"
annotations = "docs/annotations.toml"
fixture = "tests/fixtures/parley.json"
released = "docs/released/parley.json"
markdown = "docs/parley.md"
crate_dir = "crates/parley-errors"
crate_name = "tiktok-messaging-errors"
type_name = "ErrorCode"
"#;

pub fn test_entry() -> codegen::Entry {
    codegen::manifest::parse("docs/sources.toml", TEST_MANIFEST)
        .unwrap()
        .articles
        .remove(0)
}

/// The model of a test article (any form, by `file`'s extension), with the
/// test annotations.
pub fn model(file: &str, bytes: &[u8]) -> Result<codegen::Catalog, codegen::Error> {
    model_and_warnings(file, bytes).0
}

pub fn model_and_warnings(
    file: &str,
    bytes: &[u8],
) -> (Result<codegen::Catalog, codegen::Error>, Vec<String>) {
    let mut warnings = Vec::new();
    let catalog = codegen::model(
        &test_entry(),
        file,
        bytes,
        None,
        &test_annotations(),
        None,
        &mut warnings,
    );
    (catalog, warnings)
}

fn write(dir: &Path, relative: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

/// A workspace of its own for the test article, released once as 1.0.0:
/// manifest, capture, annotations, and a crate made of the generated
/// crate's hand-written glue (so what regen emits is compiled for real).
pub fn article_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let entry = test_entry();
    write(dir.path(), "docs/sources.toml", TEST_MANIFEST);
    write(
        dir.path(),
        "Cargo.toml",
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [\"{}\"]\n",
            entry.crate_dir
        ),
    );
    write(dir.path(), &entry.source, article(ARTICLE));
    write(dir.path(), &entry.annotations, test_annotations());
    let glue = root().join("crates/tiktok-messaging-errors");
    let cargo_toml = fs::read_to_string(glue.join("Cargo.toml")).unwrap();
    let cargo_toml =
        codegen::release::cargo_toml_with_version("Cargo.toml", &cargo_toml, "1.0.0").unwrap();
    write(dir.path(), &entry.crate_manifest(), cargo_toml);
    write(dir.path(), &entry.changelog(), "# Changelog\n");
    for file in fs::read_dir(glue.join("src")).unwrap() {
        let file = file.unwrap();
        let relative = format!(
            "{}/src/{}",
            entry.crate_dir,
            file.file_name().to_string_lossy()
        );
        write(dir.path(), &relative, fs::read(file.path()).unwrap());
    }
    xtask::regen::run(dir.path(), &Default::default()).expect("the test article generates");
    xtask::release::run(dir.path(), None).expect("the first release is cut");
    let report = check(dir.path());
    assert!(report.stale().is_empty(), "{:?}", report.stale());
    dir
}

/// `cargo xtask regen --check` on a workspace at `dir`.
pub fn check(dir: &Path) -> xtask::regen::Report {
    let options = xtask::regen::Options {
        check: true,
        ..Default::default()
    };
    xtask::regen::run(dir, &options).unwrap_or_else(|e| panic!("regen --check fails: {e}"))
}

/// Regenerates `dir`, then checks it: regen must leave nothing stale.
pub fn regen_then_check(dir: &Path, what: &str) -> xtask::regen::Report {
    let report = xtask::regen::run(dir, &Default::default())
        .unwrap_or_else(|e| panic!("{what}: regen fails: {e}"));
    let after = check(dir);
    assert!(
        after.stale().is_empty(),
        "{what}: still stale after regen: {:?}",
        after.stale()
    );
    report
}

/// Every file under `dir` (but `target/` and `.git/`), relative, sorted,
/// with its bytes: for asserting that a tree came back byte for byte.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(current) = pending.pop() {
        for item in fs::read_dir(&current).unwrap() {
            let path = item.unwrap().path();
            let relative = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if relative == "target" || relative == ".git" {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push((relative, fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// The `|` form a browser copy of an article gives, written from a model:
/// how the update tests make "the article after TikTok edited it" without
/// quoting any article.
pub fn pipe_article(rows: &[codegen::model::ErrorEntry]) -> String {
    let extras: std::collections::BTreeSet<&String> =
        rows.iter().flat_map(|r| r.extra.keys()).collect();
    let mut text = String::from(
        "An error-code article, as a browser copy gives it.\nError code |\nDescription |\nSolution |\n",
    );
    for column in &extras {
        text.push_str(&format!("{column} |\n"));
    }
    for row in rows {
        let mut cells = vec![
            row.code.to_string(),
            row.description.clone(),
            row.solution.clone(),
        ];
        cells.extend(
            extras
                .iter()
                .map(|c| row.extra.get(*c).cloned().unwrap_or_default()),
        );
        for cell in cells {
            assert!(
                !cell.contains('|'),
                "code {}: a cell with `|` cannot be written in the copied-text form",
                row.code
            );
            text.push_str(&format!("{cell}\n|\n"));
        }
    }
    text
}
