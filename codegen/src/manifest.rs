//! `docs/sources.toml`: which article feeds which outputs. A second article is
//! a new `[[article]]` entry, not new code.

use serde::Deserialize;

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(rename = "article")]
    pub articles: Vec<Entry>,
}

/// Paths are relative to the workspace root, with `/` separators.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Short identifier, used by `--article` and in messages.
    pub name: String,
    /// Human title, used in generated headers and docs.
    pub title: String,
    /// Where the live article is published, for `cargo xtask fetch`.
    pub url: String,
    /// The captured article, committed byte for byte.
    pub source: String,
    pub annotations: String,
    pub fixture: String,
    pub markdown: String,
    /// The generated crate's directory; its `src/generated.rs` is written.
    pub crate_dir: String,
    pub crate_name: String,
    pub type_name: String,
}

impl Entry {
    pub fn generated_rust(&self) -> String {
        format!("{}/src/generated.rs", self.crate_dir)
    }

    pub fn crate_manifest(&self) -> String {
        format!("{}/Cargo.toml", self.crate_dir)
    }

    pub fn changelog(&self) -> String {
        format!("{}/CHANGELOG.md", self.crate_dir)
    }
}

pub fn parse(file: &str, text: &str) -> Result<Manifest> {
    let manifest: Manifest =
        toml::from_str(text).map_err(|e| crate::annotations::toml_error(file, text, &e))?;
    if manifest.articles.is_empty() {
        return Err(Error::new("no [[article]] entries: expected at least one").in_file(file));
    }
    for entry in &manifest.articles {
        if !crate::names::is_variant_name(&entry.type_name) {
            return Err(Error::new(format!(
                "article {}: type_name \"{}\" is not an UpperCamelCase identifier",
                entry.name, entry.type_name
            ))
            .in_file(file));
        }
    }
    Ok(manifest)
}
