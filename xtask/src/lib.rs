//! The workspace's command line, as a library so tests can drive it: every
//! command here is file I/O around the pure `codegen` library.

pub mod diff;
pub mod fetch;
pub mod files;
pub mod regen;

use std::path::{Path, PathBuf};

/// The workspace root this xtask was built in.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_owned()
}

/// Where the manifest lives, relative to the root.
pub const MANIFEST: &str = "docs/sources.toml";

/// Reads and parses `docs/sources.toml` under `root`.
pub fn manifest(root: &Path) -> Result<codegen::Manifest, String> {
    let text = files::read_text(root, MANIFEST)?;
    codegen::manifest::parse(MANIFEST, &text).map_err(|e| e.to_string())
}

/// The manifest entry named `name`, or the only/first one.
pub fn entry(manifest: &codegen::Manifest, name: Option<&str>) -> Result<codegen::Entry, String> {
    match name {
        None => Ok(manifest.articles[0].clone()),
        Some(name) => manifest
            .articles
            .iter()
            .find(|a| a.name == name)
            .cloned()
            .ok_or_else(|| {
                let known: Vec<&str> = manifest.articles.iter().map(|a| a.name.as_str()).collect();
                format!(
                    "{MANIFEST}: no article named \"{name}\"; expected one of: {}",
                    known.join(", ")
                )
            }),
    }
}
