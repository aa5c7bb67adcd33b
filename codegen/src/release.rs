//! Versions belong to releases, not to regenerations (the keep-a-changelog and
//! release-plz convention). Regen describes what changed since the last
//! release under `## Unreleased`, with the semver class it calls for; the
//! release step turns that section into a version, bumps Cargo.toml and
//! Cargo.lock, and dates the deprecations. Edit, regen, undo, regen therefore
//! leaves every file as it was. No timestamps, so output stays deterministic.

use crate::annotations::{Annotations, table_name};
use crate::changes::{Bump, Changes};
use crate::error::{Error, Result};
use crate::model::{Catalog, ErrorEntry, Key, Status};

const UNRELEASED: &str = "## Unreleased";

/// A TOML document to edit in place, or an error naming its file.
pub fn toml_document(file: &str, text: &str) -> Result<toml_edit::DocumentMut> {
    text.parse()
        .map_err(|e: toml_edit::TomlError| Error::new(e.to_string()).in_file(file))
}

/// The crate's current version, from its Cargo.toml.
pub fn current_version(manifest_file: &str, cargo_toml: &str) -> Result<String> {
    let document = toml_document(manifest_file, cargo_toml)?;
    let version = document
        .get("package")
        .and_then(|p| p.get("version"))
        .and_then(|v| v.as_str())
        .ok_or_else(|| {
            Error::new("no [package] version: expected version = \"MAJOR.MINOR.PATCH\"")
                .in_file(manifest_file)
        })?;
    if bumped(version, Bump::None).is_none() {
        return Err(Error::new(format!(
            "version \"{version}\" is not MAJOR.MINOR.PATCH: the release step cannot bump it"
        ))
        .in_file(manifest_file));
    }
    Ok(version.to_owned())
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

/// The version the next release gets: the current one bumped (a first
/// release, which bumps nothing, keeps the version the crate was written with).
pub fn next_version(current: &str, bump: Bump) -> String {
    bumped(current, bump).unwrap_or_else(|| current.to_owned())
}

/// Whether the CHANGELOG already lists a release: then a missing release
/// baseline is lost history, not a first generation.
pub fn released_versions(changelog: &str) -> Vec<&str> {
    changelog
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .map(str::trim)
        .filter(|v| bumped(v, Bump::None).is_some())
        .collect()
}

/// Dates every pending deprecation with the release that ships it.
pub fn date_deprecations(catalog: &mut Catalog, version: &str) {
    for entry in &mut catalog.errors {
        if let Status::Removed { since } = &mut entry.status
            && since.is_none()
        {
            *since = Some(version.to_owned());
        }
    }
}

/// What a release holds, as changelog lines.
fn change_lines(changes: &Changes, catalog: &Catalog, first_release: bool) -> String {
    if first_release {
        return format!(
            "- First release, with {} codes.\n",
            catalog.listed().count()
        );
    }
    let by_key = catalog.by_key();
    let describe = |code: &Key| match by_key.get(code) {
        Some(entry) => format!("`{code}` (`{}`)", entry.name),
        None => format!("`{code}`"),
    };
    let added = changes
        .added
        .iter()
        .map(|code| format!("- Added {}.\n", describe(code)));
    let removed = changes.removed.iter().map(|code| {
        let code = describe(code);
        format!("- Deprecated {code}: no longer listed in the article.\n")
    });
    let changed = changes.changed.iter().map(|changed| {
        let fields = changed.fields.join(", ");
        format!("- Changed {}: {fields}.\n", describe(&changed.code))
    });
    added.chain(removed).chain(changed).collect()
}

fn source_line(catalog: &Catalog) -> String {
    format!(
        "`{}` (sha256 `{}`)",
        catalog.source.path,
        &catalog.source.sha256[..12.min(catalog.source.sha256.len())]
    )
}

/// The `## Unreleased` section for changes since `current` (of class
/// `bump`) and the hand-written `notes` (`notes::ApiNotes::unreleased`), or
/// `None` when there is nothing to release.
pub fn unreleased_section(
    changes: &Changes,
    catalog: &Catalog,
    current: &str,
    first_release: bool,
    bump: Bump,
    notes: Option<&str>,
) -> Option<String> {
    let source = source_line(catalog);
    let next = next_version(current, bump);
    let cut = format!(
        "They call for a {bump} release, version {next}: run `cargo xtask release` to cut it."
    );
    let intro = if first_release {
        format!(
            "Not released yet: read from {source}. Run `cargo xtask release` to cut version {current}."
        )
    } else if changes.is_empty() {
        notes?;
        format!(
            "Changes since {current} in the hand-written API; the article, {source}, reads as {current} did. {cut}"
        )
    } else {
        format!("Changes since {current}, read from {source}. {cut}")
    };
    let body = body(changes, catalog, first_release, notes);
    Some(format!("{UNRELEASED}\n\n{intro}\n\n{body}"))
}

/// The change lines, then the hand-written notes, a blank line between.
fn body(changes: &Changes, catalog: &Catalog, first_release: bool, notes: Option<&str>) -> String {
    let lines = change_lines(changes, catalog, first_release);
    let gap = if lines.is_empty() { "" } else { "\n" };
    let notes = notes.map_or(String::new(), |n| format!("{gap}{n}"));
    lines + &notes
}

/// The release entry that replaces the `## Unreleased` section.
pub fn release_section(
    changes: &Changes,
    catalog: &Catalog,
    version: &str,
    bump: Bump,
    first_release: bool,
    notes: Option<&str>,
) -> String {
    let kind = if first_release {
        "the first release".to_owned()
    } else {
        format!("a {bump} release")
    };
    format!(
        "## {version}\n\nGenerated from {}; {kind}.\n\n{}",
        source_line(catalog),
        body(changes, catalog, first_release, notes)
    )
}

/// Where the `## Unreleased` section is: from its heading to the next
/// release's (or the end).
fn unreleased_span(changelog: &str) -> Option<(usize, usize)> {
    let start = if changelog.starts_with(UNRELEASED) {
        Some(0)
    } else {
        changelog.find(&format!("\n{UNRELEASED}\n")).map(|i| i + 1)
    }?;
    let end = changelog[start..]
        .find("\n## ")
        .map_or(changelog.len(), |i| start + i);
    Some((start, end))
}

/// The `## Unreleased` section's text, heading included.
pub(crate) fn unreleased_text(changelog: &str) -> Option<&str> {
    unreleased_span(changelog).map(|(start, end)| &changelog[start..end])
}

/// The changelog without its `## Unreleased` section (and the blank line
/// that set it apart), so regen can always rewrite that section from scratch.
pub fn without_unreleased(changelog: &str) -> String {
    let Some((start, end)) = unreleased_span(changelog) else {
        return changelog.to_owned();
    };
    // Drop the newline before the section too: `with_section` added it.
    let cut_from = start.saturating_sub(1);
    format!("{}{}", &changelog[..cut_from], &changelog[end..])
}

/// Puts `section` above the newest release, below the title and intro.
/// `without_unreleased(with_section(c, s)) == c` for any `c` that has no
/// `## Unreleased` section and ends in a newline.
pub fn with_section(changelog: &str, section: &str) -> String {
    match changelog.find("\n## ") {
        Some(at) => format!("{}\n{section}{}", &changelog[..at], &changelog[at..]),
        None if changelog.is_empty() => format!("# Changelog\n\n{section}"),
        None if changelog.ends_with('\n') => format!("{changelog}\n{section}"),
        None => format!("{changelog}\n\n{section}"),
    }
}

/// What a release does with entries that still have placeholder names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Placeholders {
    /// Refuse, naming the codes and the configuration to add them to.
    #[default]
    Refuse,
    /// Release anyway, with a warning (`--allow-placeholders`).
    Allow,
}

/// How many placeholder names a refusal or warning lists before it counts
/// the rest.
const NAMED_UP_TO: usize = 10;

/// The entries a release would ship under a placeholder name: nobody named
/// them in the configuration, and their name is the one regen made up
/// (`Code40130`, `Code400V2`). Naming one after the release renames a
/// variant and its stable id, a major release. A placeholder the
/// configuration names explicitly (`name = "Code40130"`) was chosen.
/// Refused unless `placeholders` allows them, then the warning to print.
pub fn check_placeholders(
    catalog: &Catalog,
    annotations: &Annotations,
    placeholders: Placeholders,
) -> Result<Option<String>> {
    let entries: Vec<&ErrorEntry> = catalog
        .errors
        .iter()
        .filter(|e| {
            !annotations.by_code.contains_key(&e.key())
                && crate::names::is_placeholder(&e.key(), &e.name)
        })
        .collect();
    let Some(first) = entries.first() else {
        return Ok(None);
    };
    // `40130` (`Code40130`), … for the first few entries, and how many more.
    let mut listed: Vec<String> = entries
        .iter()
        .take(NAMED_UP_TO)
        .map(|e| format!("{} (`{}`)", e.key(), e.name))
        .collect();
    if entries.len() > NAMED_UP_TO {
        listed.push(format!("and {} more", entries.len() - NAMED_UP_TO));
    }
    let count = entries.len();
    let listed = listed.join(", ");
    let file = &annotations.file;
    match placeholders {
        Placeholders::Refuse => Err(Error::new(format!(
            "refusing to release {count} placeholder name(s): {listed}. Naming a code after it ships renames its variant and stable id, a major release. Add a [{}] table with name = \"UpperCamelCase\" and category = \"...\" for each in {file}, run `cargo xtask regen`, then release; or pass --allow-placeholders to release them as they are",
            table_name(&first.key()),
        ))
        .in_file(file)),
        Placeholders::Allow => Ok(Some(format!(
            "releasing {count} placeholder name(s) (--allow-placeholders): {listed}. They are public API now: naming them in {file} later is a major release"
        ))),
    }
}

/// Cargo.toml with the new version, formatting kept.
pub fn cargo_toml_with_version(file: &str, cargo_toml: &str, version: &str) -> Result<String> {
    let mut document = toml_document(file, cargo_toml)?;
    replace_string(&mut document["package"]["version"], version);
    Ok(document.to_string())
}

/// Sets a TOML string value, keeping the old value's surroundings (a
/// trailing comment, say).
pub(crate) fn replace_string(item: &mut toml_edit::Item, text: &str) {
    let mut value = toml_edit::Value::from(text);
    if let Some(old) = item.as_value() {
        *value.decor_mut() = old.decor().clone();
    }
    *item = toml_edit::Item::Value(value);
}

/// Cargo.lock with the new version of the workspace crate `name` (the entry
/// without a `source`), so `--locked` builds keep working after a release.
pub fn lock_with_version(file: &str, lock: &str, name: &str, version: &str) -> Result<String> {
    let mut document = toml_document(file, lock)?;
    let package = document
        .get_mut("package")
        .and_then(|p| p.as_array_of_tables_mut())
        .and_then(|packages| {
            packages.iter_mut().find(|p| {
                p.get("name").and_then(|n| n.as_str()) == Some(name) && p.get("source").is_none()
            })
        })
        .ok_or_else(|| {
            Error::new(format!(
                "no workspace package \"{name}\": expected it in [[package]]"
            ))
            .in_file(file)
        })?;
    replace_string(&mut package["version"], version);
    Ok(document.to_string())
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
        assert_eq!(next_version("1.2.3", Bump::None), "1.2.3");
        assert_eq!(next_version("1.2.3", Bump::Major), "2.0.0");
    }

    #[test]
    fn unreleased_sections_come_and_go_without_a_trace() {
        let logs = [
            "# Changelog\n\nIntro.\n\n## 1.0.0\n\nFirst.\n",
            "# Changelog\n",
            "# Changelog\n\nIntro, no releases yet.\n",
        ];
        let section = "## Unreleased\n\nNext.\n\n- Added `1`.\n";
        for log in logs {
            let with = with_section(log, section);
            assert!(with.contains(section), "{with}");
            assert_eq!(without_unreleased(&with), log, "{with:?}");
            assert_eq!(without_unreleased(log), log);
        }
        assert_eq!(
            with_section(logs[0], section),
            "# Changelog\n\nIntro.\n\n## Unreleased\n\nNext.\n\n- Added `1`.\n\n## 1.0.0\n\nFirst.\n"
        );
    }

    #[test]
    fn lists_released_versions() {
        let log = "# Changelog\n\n## Unreleased\n\n## 1.1.0\n\nx\n\n## 1.0.0\n";
        assert_eq!(released_versions(log), ["1.1.0", "1.0.0"]);
        assert!(released_versions("# Changelog\n").is_empty());
    }

    #[test]
    fn lock_and_manifest_versions_change_in_place() {
        let lock = "version = 4\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\nsource = \"registry+x\"\n\n[[package]]\nname = \"a\"\nversion = \"1.0.0\"\ndependencies = [\n \"b\",\n]\n";
        assert_eq!(
            lock_with_version("Cargo.lock", lock, "a", "1.1.0").unwrap(),
            lock.replacen(
                "version = \"1.0.0\"\ndependencies",
                "version = \"1.1.0\"\ndependencies",
                1
            )
        );
        assert!(lock_with_version("Cargo.lock", lock, "zzz", "1.1.0").is_err());
        let toml = "[package]\nname = \"a\"\nversion = \"1.0.0\" # kept\nedition = \"2021\"\n";
        assert_eq!(
            cargo_toml_with_version("Cargo.toml", toml, "2.0.0").unwrap(),
            "[package]\nname = \"a\"\nversion = \"2.0.0\" # kept\nedition = \"2021\"\n"
        );
    }
}
