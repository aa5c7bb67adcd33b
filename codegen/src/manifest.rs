//! `docs/sources.toml`: which article feeds which outputs. A second article is
//! a new `[[article]]` entry, not new code.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(rename = "article")]
    pub articles: Vec<Entry>,
}

/// Paths are relative to the workspace root, with `/` separators.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
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
    /// The fixture's JSON Schema, beside it: `x.json` -> `x.schema.json`.
    pub fn fixture_schema(&self) -> String {
        let stem = self.fixture.strip_suffix(".json").unwrap_or(&self.fixture);
        format!("{stem}.schema.json")
    }

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
        let paths = [
            ("source", &entry.source),
            ("annotations", &entry.annotations),
            ("fixture", &entry.fixture),
            ("released", &entry.released),
            ("markdown", &entry.markdown),
            ("crate_dir", &entry.crate_dir),
        ];
        for (field, path) in paths {
            check_path(path).map_err(|problem| {
                Error::new(format!(
                    "article {}: {field} \"{}\": {problem}",
                    entry.name,
                    path.escape_debug()
                ))
                .in_file(file)
            })?;
        }
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

/// A path the workspace records: relative to its root, `/`-separated, with no
/// `.` or `..` step and no control character, so every output stays inside
/// the workspace and every path prints and embeds as what it is.
pub fn check_path(path: &str) -> std::result::Result<(), String> {
    if path.is_empty() {
        return Err("empty: expected a path relative to the workspace root".into());
    }
    if path
        .chars()
        .any(|c| c.is_control() || crate::controls::is_bidi(c))
    {
        return Err("holds a control character: expected a plain path".into());
    }
    if path.contains('\\') {
        return Err("holds `\\`: expected `/` between directories".into());
    }
    let absolute = path.starts_with('/') || path.as_bytes().get(1) == Some(&b':');
    if absolute {
        return Err("is absolute: expected a path relative to the workspace root".into());
    }
    if path
        .split('/')
        .any(|step| step.is_empty() || step == "." || step == "..")
    {
        return Err(
            "has an empty, `.` or `..` step: expected a normalised path inside the workspace"
                .into(),
        );
    }
    Ok(())
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
    fn paths_stay_inside_the_workspace_and_print_as_they_are() {
        assert!(check_path("docs/source/a.txt").is_ok());
        for bad in [
            "",
            "/etc/passwd",
            "../outside.txt",
            "docs/../../x",
            "a//b",
            "./a",
            "C:/x",
            "a\\b",
            "a\nb",
            "a\u{202e}b",
        ] {
            assert!(check_path(bad).is_err(), "{bad:?}");
        }
        let manifest = "[[article]]\nname = \"a\"\ntitle = \"t\"\nurl = \"u\"\nsource = \"../x.txt\"\nannotations = \"a.toml\"\nfixture = \"f.json\"\nreleased = \"r.json\"\nmarkdown = \"m.md\"\ncrate_dir = \"c\"\ncrate_name = \"c\"\ntype_name = \"E\"\n";
        let err = parse("docs/sources.toml", manifest)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("docs/sources.toml: article a: source \"../x.txt\""),
            "{err}"
        );
    }

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
