//! `cargo xtask drift`: everything the scheduled drift workflow decides.
//! Fetch the live article; when its codes or text changed, adopt it and
//! regenerate; write the pull request's title and body, or, when the page
//! cannot be read, the issue's. The workflow only posts what this writes, so
//! the whole decision is tested against pages served on 127.0.0.1.

use std::fmt::Write as _;
use std::path::Path;

use codegen::{Entry, Generated};

use crate::fetch;
use crate::regen::{self, Options};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Same codes, same text: nothing to do (page noise is no reason for a PR).
    Unchanged,
    /// The outputs were regenerated from the new page: open or update the PR.
    Changed,
    /// The page could not be fetched or read: open or update the issue.
    Failed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Unchanged => "unchanged",
            Outcome::Changed => "changed",
            Outcome::Failed => "failed",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Report {
    pub outcome: Outcome,
    /// The pull request's or the issue's title.
    pub title: String,
    /// Its body, in markdown.
    pub body: String,
}

fn failed(title: &str, url: &str, error: &str) -> Report {
    Report {
        outcome: Outcome::Failed,
        title: format!("docs-drift: cannot read the {title} article"),
        body: format!(
            "The scheduled drift check could not use <{url}>:\n\n```text\n{error}\n```\n\n\
             Nothing was regenerated; the committed outputs still match the committed capture.\n\n\
             - A network error or an HTTP 5xx usually passes: the next run retries (this issue is updated, not duplicated).\n\
             - HTTP 403 or 404, or a page with no error table, needs a person: the article may have moved \
             (update `url` in `docs/sources.toml`) or changed shape (capture it by hand and run \
             `cargo xtask regen --source PATH`).\n"
        ),
    }
}

/// Fetches `url` (the manifest's by default) for `article`, and regenerates
/// when it changed. Errors only for a broken workspace (no manifest, say);
/// everything the page can do wrong is a [`Outcome::Failed`] report.
pub fn run(
    root: &Path,
    article: Option<&str>,
    url: Option<String>,
    timeout: std::time::Duration,
) -> Result<Report, String> {
    let entry = article_to_check(&crate::manifest(root)?, article)?;
    let options = fetch::Options {
        url: url.unwrap_or_else(|| entry.url.clone()),
        timeout,
        ..fetch::Options::default()
    };
    let fetched = match fetch::run(root, &entry, &options, None) {
        Ok(fetched) => fetched,
        Err(error) => return Ok(failed(&entry.title, &options.url, &error)),
    };
    if fetched.changes.is_empty() {
        return Ok(unchanged(&entry.title, &options.url));
    }
    let regenerated = regen::run(
        root,
        &Options {
            // The page is this article's: regen must not give it to the first.
            article: Some(entry.name.clone()),
            source: Some(fetched.saved_to.clone()),
            ..Options::default()
        },
    );
    Ok(match regenerated {
        Ok(report) => changed(&entry.title, &options.url, &fetched, &report.generated),
        Err(error) => failed(&entry.title, &options.url, &error),
    })
}

/// The one article a run checks. With several in the manifest it must be
/// named: one run has one pull request or issue to write, so the workflow
/// runs a job per article.
fn article_to_check(manifest: &codegen::Manifest, article: Option<&str>) -> Result<Entry, String> {
    crate::one_entry(
        manifest,
        article,
        "the drift workflow runs one job per article",
    )
}

fn unchanged(title: &str, url: &str) -> Report {
    Report {
        outcome: Outcome::Unchanged,
        title: format!("{title}: no change"),
        body: format!("The article at <{url}> lists the same codes with the same text.\n"),
    }
}

/// The pull request for a page that changed and was regenerated: what
/// changed, as `cargo xtask diff` prints it (without colour: it is markdown,
/// not a terminal); why the version stays; the warnings, where a reviewer
/// sees them; and what the reviewer must do.
fn changed(title: &str, url: &str, fetched: &fetch::Report, generated: &Generated) -> Report {
    let mut body = format!(
        "The article at <{url}> changed. `cargo xtask drift` saved it as `{}`, adopted it as the source and ran `cargo xtask regen`.\n\n### What changed\n\n```text\n{}```\n\n",
        fetched.saved_to,
        crate::diff::human(&fetched.changes, fetched.old.as_ref(), &fetched.new, false)
    );
    // The release is cut after merging, from the CHANGELOG, so a drift PR
    // never publishes anything by itself.
    let _ = write!(
        body,
        "Since version {}, the changes call for a **{}** release. The version does not move in this pull request: they are listed under `## Unreleased` in the CHANGELOG, and `cargo xtask release` cuts the release after merging.\n\n",
        generated.version, generated.bump
    );
    let warnings = &generated.warnings;
    if !warnings.is_empty() {
        body.push_str("### Warnings\n\n");
        for warning in warnings {
            let _ = writeln!(body, "- {warning}");
        }
        body.push('\n');
    }
    // Always review; name new codes when some have only placeholders; know
    // that dropped codes stay, deprecated.
    body.push_str("### Before merging\n\n- Review the regenerated outputs in this diff.\n");
    if warnings.iter().any(|w| w.contains("has no annotation")) {
        body.push_str("- Name and categorise the new codes in the annotations (a follow-up commit on this branch), then `cargo xtask regen`. Until then they generate as `CodeNNNNN` placeholders.\n");
    }
    if !fetched.changes.removed.is_empty() {
        body.push_str("- Codes the article dropped stay in the crate as deprecated variants.\n");
    }
    Report {
        outcome: Outcome::Changed,
        title: format!("{title}: the article changed ({} release)", generated.bump),
        body,
    }
}

/// Writes `outcome`, `title.txt` and `body.md` into `dir` for the workflow.
pub fn write(report: &Report, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, text) in [
        ("outcome", format!("{}\n", report.outcome.as_str())),
        ("title.txt", format!("{}\n", report.title)),
        ("body.md", report.body.clone()),
    ] {
        std::fs::write(dir.join(name), text)
            .map_err(|e| format!("{}: {e}", dir.join(name).display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use codegen::{Bump, Catalog, Changes};

    use super::*;

    /// The workspace's own first article, under another name.
    fn entry(name: &str) -> Entry {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let mut entry = crate::manifest(root).unwrap().articles.remove(0);
        entry.name = name.into();
        entry
    }

    /// A model listing these numeric codes, each unannotated.
    fn catalog(codes: &[i64]) -> Catalog {
        let errors: Vec<String> = codes
            .iter()
            .map(|c| format!(r#"{{"code": {c}, "name": "Code{c}", "description": "d", "solution": "s", "category": "unknown", "action": "escalate"}}"#))
            .collect();
        let json = format!(
            r#"{{"schema_version": {}, "source": {{"path": "docs/source/a.html", "format": "html", "sha256": ""}}, "errors": [{}]}}"#,
            codegen::model::SCHEMA_VERSION,
            errors.join(", ")
        );
        serde_json::from_str(&json).unwrap()
    }

    /// A fetch whose page went from listing `old` to listing `new`.
    fn fetched(old: &[i64], new: &[i64]) -> fetch::Report {
        let (old, new) = (catalog(old), catalog(new));
        fetch::Report {
            saved_to: "docs/source/a.html".into(),
            bytes: 0,
            changes: codegen::changes::diff(&old, &new),
            old: Some(old),
            new,
        }
    }

    fn generated(warnings: &[&str]) -> Generated {
        Generated {
            catalog: catalog(&[]),
            outputs: Vec::new(),
            warnings: warnings.iter().map(|w| (*w).to_owned()).collect(),
            changes: Changes::default(),
            bump: Bump::Minor,
            version: "1.2.0".into(),
            first_release: false,
        }
    }

    const UNANNOTATED: &str = "code 3 has no annotation in docs/a.toml: generated as Code3 (category unknown, action escalate); add [codes.3] with a name and category";

    #[test]
    fn with_several_articles_the_one_to_check_must_be_named() {
        let one = codegen::Manifest {
            articles: vec![entry("a")],
        };
        assert_eq!(article_to_check(&one, None).unwrap().name, "a");
        let two = codegen::Manifest {
            articles: vec![entry("a"), entry("b")],
        };
        assert_eq!(
            article_to_check(&two, None).unwrap_err(),
            "docs/sources.toml has 2 articles: pick one with --article (the drift workflow runs one job per article)"
        );
        assert_eq!(article_to_check(&two, Some("b")).unwrap().name, "b");
        let unknown = article_to_check(&two, Some("c")).unwrap_err();
        assert!(unknown.contains("no article named \"c\""), "{unknown}");
    }

    #[test]
    fn an_unchanged_page_says_so_and_where_it_was_read() {
        let report = unchanged("A codes", "https://example.com/a");
        assert_eq!(report.outcome, Outcome::Unchanged);
        assert_eq!(report.title, "A codes: no change");
        assert_eq!(
            report.body,
            "The article at <https://example.com/a> lists the same codes with the same text.\n"
        );
    }

    /// The pull request's body for a page that went from `old` to `new`,
    /// regenerated with these warnings.
    fn body(old: &[i64], new: &[i64], warnings: &[&str]) -> String {
        let (fetched, generated) = (fetched(old, new), generated(warnings));
        changed("A codes", "https://example.com/a", &fetched, &generated).body
    }

    #[test]
    fn what_changed_names_removed_codes_from_the_old_model() {
        let body = body(&[1, 2], &[2, 3], &[]);
        assert!(
            body.contains(
                "### What changed\n\n```text\nadded:   3 Code3\nremoved: 1 Code1\n```\n\n"
            ),
            "{body}"
        );
    }

    #[test]
    fn the_release_note_says_from_which_version_and_how_big_a_release() {
        let body = body(&[1], &[1, 2], &[]);
        assert!(
            body.contains("\n\nSince version 1.2.0, the changes call for a **minor** release."),
            "{body}"
        );
        assert!(
            body.contains("after merging.\n\n### Before merging"),
            "{body}"
        );
    }

    #[test]
    fn warnings_get_a_section_only_when_there_are_some() {
        let without = body(&[1], &[1, 2], &[]);
        assert!(!without.contains("### Warnings"), "{without}");
        let with = body(&[1], &[1, 2], &["one", "two"]);
        assert!(
            with.contains("after merging.\n\n### Warnings\n\n- one\n- two\n\n### Before merging"),
            "{with}"
        );
    }

    #[test]
    fn before_merging_asks_for_names_only_for_unannotated_codes_and_warns_of_removals() {
        let review = "### Before merging\n\n- Review the regenerated outputs in this diff.\n";
        assert!(body(&[1], &[1, 2], &[]).ends_with(review));
        assert!(body(&[1], &[1, 2], &["other warning"]).ends_with(review));
        let names = body(&[1], &[1, 2], &[UNANNOTATED]);
        assert!(
            names.contains(&format!("{review}- Name and categorise")),
            "{names}"
        );
        assert!(names.contains("`CodeNNNNN` placeholders"), "{names}");
        assert!(!names.contains("deprecated"), "{names}");
        let removed = body(&[1, 2], &[2], &[]);
        assert!(
            removed.ends_with(&format!(
                "{review}- Codes the article dropped stay in the crate as deprecated variants.\n"
            )),
            "{removed}"
        );
    }

    #[test]
    fn a_changed_page_is_a_pull_request_with_its_sections_in_order() {
        let report = changed(
            "A codes",
            "https://example.com/a",
            &fetched(&[1, 2], &[2, 3]),
            &generated(&[UNANNOTATED]),
        );
        assert_eq!(report.outcome, Outcome::Changed);
        assert_eq!(report.title, "A codes: the article changed (minor release)");
        let body = &report.body;
        assert!(
            body.starts_with("The article at <https://example.com/a> changed. `cargo xtask drift` saved it as `docs/source/a.html`,"),
            "{body}"
        );
        let at = |text: &str| {
            body.find(text)
                .unwrap_or_else(|| panic!("no {text:?} in {body}"))
        };
        assert!(at("### What changed") < at("Since version 1.2.0"));
        assert!(at("Since version 1.2.0") < at("### Warnings\n\n- code 3 has no annotation"));
        assert!(at("### Warnings") < at("### Before merging"));
        assert!(at("### Before merging") < at("`CodeNNNNN` placeholders"));
        assert!(
            body.ends_with("stay in the crate as deprecated variants.\n"),
            "{body}"
        );
    }
}
