//! Hand-written notes on a crate's API in its CHANGELOG's `## Unreleased`
//! section: what the generator (not the article) changed for users, such
//! as a new method every generated crate gets. Regen rewrites the rest of
//! that section from the article on every run, but keeps this block as
//! written, and the release counts its semver class with the article's
//! changes and moves it into the release entry:
//!
//! ```markdown
//! ### Crate API (minor)
//!
//! - Added `ErrorCode::from_stable_id`.
//! ```

use crate::changes::Bump;
use crate::error::{Error, Result};
use crate::read::lines::Lines;

/// The block's heading, followed by its class in parentheses.
const HEADING: &str = "### Crate API";

/// The hand-written block and the release it calls for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiNotes {
    pub bump: Bump,
    /// The whole block, heading included, ending in one newline.
    pub text: String,
}

/// The notes in `changelog`'s `## Unreleased` section, if it has any; an
/// error naming `file` and the line when the heading has no class.
pub fn find(file: &str, changelog: &str) -> Result<Option<ApiNotes>> {
    let Some((start, section)) = unreleased(changelog) else {
        return Ok(None);
    };
    let Some(at) = section.find(&format!("\n{HEADING}")).map(|i| i + 1) else {
        return Ok(None);
    };
    let block = &section[at..];
    let heading = block.lines().next().unwrap_or_default();
    let class = heading[HEADING.len()..].trim();
    let bump = match class {
        "(patch)" => Bump::Patch,
        "(minor)" => Bump::Minor,
        "(major)" => Bump::Major,
        _ => {
            let offset = start + at;
            return Err(Error::new(format!(
                "\"{heading}\": expected `{HEADING} (patch)`, `{HEADING} (minor)` or `{HEADING} (major)`, the release the notes below it call for"
            ))
            .at_line(Some(Lines::new(changelog).line(offset)))
            .in_file(file));
        }
    };
    Ok(Some(ApiNotes {
        bump,
        text: format!("{}\n", block.trim_end()),
    }))
}

/// The `## Unreleased` section, to the next release's heading, and where
/// it starts.
fn unreleased(changelog: &str) -> Option<(usize, &str)> {
    let start = changelog.find("## Unreleased\n")?;
    let rest = &changelog[start..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |i| i + 2);
    Some((start, &rest[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "# Changelog\n\n## Unreleased\n\nChanges since 1.0.0.\n\n- Added `7`.\n\n### Crate API (minor)\n\n- Added `from_stable_id`.\n\n## 1.0.0\n\nFirst.\n";

    #[test]
    fn the_block_and_its_class_are_read_from_the_unreleased_section_only() {
        let notes = find("CHANGELOG.md", LOG).unwrap().unwrap();
        assert_eq!(notes.bump, Bump::Minor);
        assert_eq!(
            notes.text,
            "### Crate API (minor)\n\n- Added `from_stable_id`.\n"
        );
        let released = LOG.replace(
            "## Unreleased\n\nChanges since 1.0.0.\n\n- Added `7`.\n\n",
            "## 1.1.0\n\n",
        );
        assert_eq!(find("CHANGELOG.md", &released).unwrap(), None);
        assert_eq!(
            find("CHANGELOG.md", "# Changelog\n\n## 1.0.0\n").unwrap(),
            None
        );
        let last = "# Changelog\n\n## Unreleased\n\n### Crate API (patch)\n\n- Docs.";
        assert_eq!(
            find("c.md", last).unwrap().unwrap().text,
            "### Crate API (patch)\n\n- Docs.\n"
        );
    }

    #[test]
    fn a_heading_without_its_class_is_refused_at_its_line() {
        let log = LOG.replace("(minor)", "");
        let err = find("CHANGELOG.md", &log).unwrap_err();
        assert!(err.to_string().starts_with("CHANGELOG.md:9: "), "{err}");
        assert!(err.to_string().contains("`### Crate API (minor)`"), "{err}");
    }
}
