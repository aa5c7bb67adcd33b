//! Helpers shared by the workspace-level tests.

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace root")
        .to_owned()
}

pub fn entry() -> codegen::Entry {
    xtask::manifest(&root())
        .expect("docs/sources.toml parses")
        .articles[0]
        .clone()
}

pub fn annotations() -> String {
    std::fs::read_to_string(root().join(entry().annotations)).expect("annotations file is readable")
}

/// The model for an article given as bytes, named `file` (its extension picks the reader).
pub fn model(file: &str, bytes: &[u8]) -> Result<codegen::Catalog, codegen::Error> {
    codegen::model(
        &entry(),
        file,
        bytes,
        None,
        &annotations(),
        None,
        &mut Vec::new(),
    )
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures").join(name))
        .unwrap_or_else(|e| panic!("tests/fixtures/{name}: {e}"))
}

pub fn captured_article() -> Vec<u8> {
    std::fs::read(root().join(entry().source)).expect("the captured article is committed")
}

/// A temporary copy of everything regen reads and writes, for simulating
/// doc updates without touching the real tree.
pub fn workspace_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let entry = entry();
    let crate_src = format!("{}/src", entry.crate_dir);
    let files = [
        "docs/sources.toml",
        &entry.source,
        &entry.annotations,
        &entry.fixture,
        &entry.markdown,
    ];
    let crate_files =
        ["Cargo.toml", "CHANGELOG.md", "README.md"].map(|f| format!("{}/{f}", entry.crate_dir));
    for file in files.iter().map(|f| f.to_string()).chain(crate_files) {
        let target = dir.path().join(&file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(root().join(&file), target).unwrap();
    }
    std::fs::create_dir_all(dir.path().join(&crate_src)).unwrap();
    for file in std::fs::read_dir(root().join(&crate_src)).unwrap() {
        let file = file.unwrap();
        std::fs::copy(
            file.path(),
            dir.path().join(&crate_src).join(file.file_name()),
        )
        .unwrap();
    }
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
