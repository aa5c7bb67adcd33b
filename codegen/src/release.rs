//! Versioning the generated crate after a doc update: bump `version` in its
//! Cargo.toml (formatting kept, via toml_edit), date the deprecations, and
//! prepend a CHANGELOG entry. No timestamps, so regen stays deterministic.

use crate::catalog::PENDING;
use crate::changes::{Bump, Changes};
use crate::error::{Error, Result};
use crate::model::{Catalog, Code, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub bump: Bump,
    pub version: String,
    pub cargo_toml: String,
    pub changelog: String,
}

fn bumped(version: &str, bump: Bump) -> Option<String> {
    let parts: Vec<u64> = version
        .split('.')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [major, minor, patch] = parts[..] else {
        return None;
    };
    Some(match bump {
        Bump::None => version.to_owned(),
        Bump::Patch => format!("{major}.{minor}.{}", patch + 1),
        Bump::Minor => format!("{major}.{}.0", minor + 1),
        Bump::Major => format!("{}.0.0", major + 1),
    })
}

/// Plans the release for `changes`. With no previous fixture (first
/// generation) nothing is bumped: the hand-written 1.0.0 entry stands.
pub fn plan(
    changes: &Changes,
    catalog: &mut Catalog,
    first_generation: bool,
    manifest_file: &str,
    cargo_toml: &str,
    changelog: &str,
) -> Result<Release> {
    let mut document: toml_edit::DocumentMut = cargo_toml
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::new(e.to_string()).in_file(manifest_file))?;
    let current = document
        .get("package")
        .and_then(|p| p.get("version"))
        .and_then(|v| v.as_str())
        .ok_or_else(|| {
            Error::new("no [package] version: expected version = \"MAJOR.MINOR.PATCH\"")
                .in_file(manifest_file)
        })?
        .to_owned();
    let bump = if first_generation {
        Bump::None
    } else {
        changes.bump()
    };
    let version = bumped(&current, bump).ok_or_else(|| {
        Error::new(format!(
            "version \"{current}\" is not MAJOR.MINOR.PATCH: regen cannot bump it"
        ))
        .in_file(manifest_file)
    })?;
    for entry in &mut catalog.errors {
        if let Status::Removed { since } = &mut entry.status
            && since == PENDING
        {
            *since = version.clone();
        }
    }
    if bump == Bump::None {
        return Ok(Release {
            bump,
            version,
            cargo_toml: cargo_toml.to_owned(),
            changelog: changelog.to_owned(),
        });
    }
    document["package"]["version"] = toml_edit::value(version.clone());
    Ok(Release {
        bump,
        changelog: with_entry(changelog, &entry_text(changes, catalog, &version, bump)),
        cargo_toml: document.to_string(),
        version,
    })
}

fn describe(catalog: &Catalog, code: &Code) -> String {
    match catalog.find(code) {
        Some(entry) => format!("`{code}` (`{}`)", entry.name),
        None => format!("`{code}`"),
    }
}

fn entry_text(changes: &Changes, catalog: &Catalog, version: &str, bump: Bump) -> String {
    let mut text = format!(
        "## {version}\n\nRegenerated from `{}` (sha256 `{}`); a {bump} release.\n\n",
        catalog.source.path,
        &catalog.source.sha256[..12.min(catalog.source.sha256.len())]
    );
    for code in &changes.added {
        text.push_str(&format!("- Added {}.\n", describe(catalog, code)));
    }
    for code in &changes.removed {
        text.push_str(&format!(
            "- Deprecated {}: no longer listed in the article.\n",
            describe(catalog, code)
        ));
    }
    for changed in &changes.changed {
        text.push_str(&format!(
            "- Changed {}: {}.\n",
            describe(catalog, &changed.code),
            changed.fields.join(", ")
        ));
    }
    text
}

/// Puts `entry` above the newest release, below the file's title and intro.
fn with_entry(changelog: &str, entry: &str) -> String {
    match changelog.find("\n## ") {
        Some(at) => format!("{}\n{entry}\n{}", &changelog[..at], &changelog[at + 1..]),
        None if changelog.is_empty() => format!("# Changelog\n\n{entry}"),
        None => format!("{}\n\n{entry}", changelog.trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bumps_versions() {
        assert_eq!(bumped("1.2.3", Bump::Patch).unwrap(), "1.2.4");
        assert_eq!(bumped("1.2.3", Bump::Minor).unwrap(), "1.3.0");
        assert_eq!(bumped("1.2.3", Bump::Major).unwrap(), "2.0.0");
        assert_eq!(bumped("1.2", Bump::Patch), None);
        assert_eq!(bumped("1.2.3-rc1", Bump::Patch), None);
    }

    #[test]
    fn new_entries_go_above_the_newest() {
        let log = "# Changelog\n\nIntro.\n\n## 1.0.0\n\nFirst.\n";
        assert_eq!(
            with_entry(log, "## 1.1.0\n\nNext.\n"),
            "# Changelog\n\nIntro.\n\n## 1.1.0\n\nNext.\n\n## 1.0.0\n\nFirst.\n"
        );
    }
}
