//! `cargo xtask release`: turn `## Unreleased` into a version. Bumps the
//! crate's Cargo.toml (and Cargo.lock), dates the deprecations, and records
//! the released model as the baseline the next changes are measured from.

use std::path::Path;

use codegen::Inputs;

use crate::files;

/// The lock file of the workspace, when there is one.
const LOCK: &str = "Cargo.lock";

pub fn run(root: &Path, article: Option<&str>) -> Result<codegen::Release, String> {
    let manifest = crate::manifest(root)?;
    let entry = crate::entry(&manifest, article)?;
    let source = files::read_bytes(root, &entry.source)?;
    let annotations = files::read_text(root, &entry.annotations)?;
    let released = files::read_optional(root, &entry.released)?;
    let crate_manifest = files::read_text(root, &entry.crate_manifest())?;
    let changelog = files::read_optional(root, &entry.changelog())?.unwrap_or_default();
    let lock = files::read_optional(root, LOCK)?;
    let release = codegen::release(
        Inputs {
            entry: &entry,
            source_path: &entry.source,
            source: &source,
            format: None,
            annotations: &annotations,
            released: released.as_deref(),
            crate_manifest: &crate_manifest,
            changelog: &changelog,
        },
        lock.as_deref().map(|text| (LOCK, text)),
    )
    .map_err(|e| e.to_string())?;
    let writes: Vec<(String, String)> = release
        .outputs
        .iter()
        .map(|o| (o.path.clone(), o.contents.clone()))
        .collect();
    files::write_all(root, &writes)?;
    Ok(release)
}
