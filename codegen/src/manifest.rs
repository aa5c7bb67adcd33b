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
    /// The model as of the crate's last release, written by `cargo xtask
    /// release`: what users have seen, so a code the article drops stays a
    /// (deprecated) variant and the next version is computed from it.
    pub released: String,
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

    pub fn crate_readme(&self) -> String {
        format!("{}/README.md", self.crate_dir)
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

/// The manifest with one entry's `source` replaced, formatting kept: how
/// `regen --source` adopts a new capture so later checks read the same file.
pub fn with_source(file: &str, text: &str, name: &str, source: &str) -> Result<String> {
    let mut document = crate::release::toml_document(file, text)?;
    let entries = document
        .get_mut("article")
        .and_then(|a| a.as_array_of_tables_mut())
        .ok_or_else(|| Error::new("no [[article]] entries: expected at least one").in_file(file))?;
    let entry = entries
        .iter_mut()
        .find(|t| t.get("name").and_then(|n| n.as_str()) == Some(name))
        .ok_or_else(|| Error::new(format!("no article named \"{name}\"")).in_file(file))?;
    crate::release::replace_string(&mut entry["source"], source);
    Ok(document.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_source_changes_only_that_line() {
        let text = "# comment\n[[article]]\nname = \"a\"\nsource = \"x.txt\" # kept\n";
        assert_eq!(
            with_source("m", text, "a", "x.html").unwrap(),
            "# comment\n[[article]]\nname = \"a\"\nsource = \"x.html\" # kept\n"
        );
        assert!(with_source("m", text, "b", "y").is_err());
    }
}
