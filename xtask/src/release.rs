//! `cargo xtask release`: turn `## Unreleased` into a version. Bumps the
//! crate's Cargo.toml (and Cargo.lock), dates the deprecations, and records
//! the released model as the baseline the next changes are measured from.

use std::path::Path;

use crate::files;
use crate::regen;

/// The lock file of the workspace, when there is one.
const LOCK: &str = "Cargo.lock";

/// Refuses entries still under a placeholder name unless `placeholders` is
/// `Allow` (`--allow-placeholders`); the release then carries a warning.
pub fn run(
    root: &Path,
    article: Option<&str>,
    placeholders: codegen::release::Placeholders,
) -> Result<codegen::Release, String> {
    let _lock = files::lock(root)?;
    let manifest = crate::manifest(root)?;
    let entry = crate::one_entry(&manifest, article, "a release versions one crate")?;
    let release = regen::with_inputs(root, &entry, &entry.source, None, |inputs| {
        let lock = files::read_optional(root, LOCK)?;
        codegen::release(
            inputs,
            lock.as_deref().map(|text| (LOCK, text)),
            placeholders,
        )
        .map_err(|e| e.to_string())
    })?;
    files::write_all(root, &release.outputs)?;
    Ok(release)
}
