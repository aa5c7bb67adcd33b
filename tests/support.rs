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
