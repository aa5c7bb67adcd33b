//! Hand-written release notes: what changed in a crate's API that no
//! article change shows (a shim over the shared runtime, a new feature).
//! They sit under `## Unreleased` in the crate's CHANGELOG as one `### API
//! (minor)` subsection (or `(patch)`, `(major)`), written by hand; regen
//! keeps them below the article's changes, their class counts towards the
//! release's, and `cargo xtask release` moves them into the version's entry
//! as `### API`.

use crate::changes::Bump;
use crate::error::{Error, Result};

const HEADING: &str = "### API";

/// The hand-written notes of a release not cut yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiNotes {
    /// The semver class the notes call for.
    pub bump: Bump,
    /// Their lines after the heading, as written, ending in a newline.
    pub text: String,
}

impl ApiNotes {
    /// The subsection as `## Unreleased` holds it.
    pub fn unreleased(&self) -> String {
        format!("{HEADING} ({})\n\n{}", self.bump, self.text)
    }

    /// The subsection as a released version's entry holds it.
    pub fn released(&self) -> String {
        format!("{HEADING}\n\n{}", self.text)
    }
}

/// The `### API (class)` notes under `## Unreleased` in `changelog` (the
/// file `file`), if any: from the heading to the section's end.
pub fn read(file: &str, changelog: &str) -> Result<Option<ApiNotes>> {
    let Some(section) = crate::release::unreleased_text(changelog) else {
        return Ok(None);
    };
    let Some(at) = section.find(&format!("\n{HEADING} (")) else {
        return Ok(None);
    };
    let (heading, text) = section[at + 1..]
        .split_once('\n')
        .unwrap_or((&section[at + 1..], ""));
    let line = changelog[..changelog.find(heading).unwrap_or(0)]
        .lines()
        .count()
        + 1;
    let class = heading[HEADING.len()..].trim();
    let bump = match class {
        "(patch)" => Bump::Patch,
        "(minor)" => Bump::Minor,
        "(major)" => Bump::Major,
        _ => {
            return Err(Error::new(format!(
                "`{heading}`: expected {HEADING} (patch), (minor) or (major), the semver class the hand-written changes call for"
            ))
            .at_line(Some(line))
            .in_file(file));
        }
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::new(format!("`{heading}` lists no change"))
            .at_line(Some(line))
            .in_file(file));
    }
    Ok(Some(ApiNotes {
        bump,
        text: format!("{text}\n"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_read_from_the_unreleased_section_only() {
        let log = "# Changelog\n\n## Unreleased\n\nChanges since 1.0.0.\n\n- Added `1`.\n\n### API (minor)\n\n- `read_http_response`.\n- `ChannelError`.\n\n## 1.0.0\n\n### API\n\n- Old.\n";
        let notes = read("CHANGELOG.md", log).unwrap().unwrap();
        assert_eq!(notes.bump, Bump::Minor);
        assert_eq!(notes.text, "- `read_http_response`.\n- `ChannelError`.\n");
        assert_eq!(
            notes.unreleased(),
            "### API (minor)\n\n- `read_http_response`.\n- `ChannelError`.\n"
        );
        assert!(notes.released().starts_with("### API\n\n- `read"));
        let released_only = "# Changelog\n\n## 1.0.0\n\n### API (minor)\n\n- Old.\n";
        assert_eq!(read("CHANGELOG.md", released_only).unwrap(), None);
    }

    #[test]
    fn a_class_that_is_not_one_or_no_change_is_refused_by_line() {
        let log = "# Changelog\n\n## Unreleased\n\n### API (big)\n\n- x\n";
        let err = read("CHANGELOG.md", log).unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("CHANGELOG.md", Some(5)));
        assert!(
            err.message
                .contains("expected ### API (patch), (minor) or (major)"),
            "{err}"
        );
        let err = read(
            "CHANGELOG.md",
            "## Unreleased\n\nx\n\n### API (patch)\n\n## 1.0.0\n",
        )
        .unwrap_err();
        assert!(err.message.contains("lists no change"), "{err}");
    }
}
