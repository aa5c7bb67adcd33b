//! `cargo xtask drift`: everything the scheduled drift workflow decides.
//! Fetch the live article; when its codes or text changed, adopt it and
//! regenerate; write the pull request's title and body, or, when the page
//! cannot be read, the issue's. The workflow only posts what this writes, so
//! the whole decision is tested against pages served on 127.0.0.1.

use std::fmt::Write as _;
use std::path::Path;

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
    let manifest = crate::manifest(root)?;
    let count = manifest.articles.len();
    if article.is_none() && count > 1 {
        return Err(format!(
            "{} has {count} articles: pick one with --article (the drift workflow runs one job per article)",
            crate::MANIFEST
        ));
    }
    let entry = crate::entry(&manifest, article)?;
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
        return Ok(Report {
            outcome: Outcome::Unchanged,
            title: format!("{}: no change", entry.title),
            body: format!(
                "The article at <{}> lists the same codes with the same text.\n",
                options.url
            ),
        });
    }
    let regenerated = regen::run(
        root,
        &Options {
            source: Some(fetched.saved_to.clone()),
            ..Options::default()
        },
    );
    let report = match regenerated {
        Ok(report) => report,
        Err(error) => return Ok(failed(&entry.title, &options.url, &error)),
    };
    let generated = &report.generated;
    let mut body = format!(
        "The article at <{}> changed. `cargo xtask drift` saved it as `{}`, adopted it as the source and ran `cargo xtask regen`.\n\n",
        options.url, fetched.saved_to
    );
    body.push_str("### What changed\n\n```text\n");
    body.push_str(&crate::diff::human(
        &fetched.changes,
        fetched.old.as_ref(),
        &fetched.new,
        false,
    ));
    body.push_str("```\n\n");
    let _ = writeln!(
        body,
        "Since version {}, the changes call for a **{}** release. The version does not move in this pull request: they are listed under `## Unreleased` in the CHANGELOG, and `cargo xtask release` cuts the release after merging.\n",
        generated.version, generated.bump
    );
    let unannotated = generated
        .warnings
        .iter()
        .any(|w| w.contains("has no annotation"));
    if !generated.warnings.is_empty() {
        body.push_str("### Warnings\n\n");
        for warning in &generated.warnings {
            let _ = writeln!(body, "- {warning}");
        }
        body.push('\n');
    }
    body.push_str("### Before merging\n\n- Review the regenerated outputs in this diff.\n");
    if unannotated {
        body.push_str("- Name and categorise the new codes in the annotations (a follow-up commit on this branch), then `cargo xtask regen`. Until then they generate as `CodeNNNNN` placeholders.\n");
    }
    if !fetched.changes.removed.is_empty() {
        body.push_str("- Codes the article dropped stay in the crate as deprecated variants.\n");
    }
    Ok(Report {
        outcome: Outcome::Changed,
        title: format!(
            "{}: the article changed ({} release)",
            entry.title, generated.bump
        ),
        body,
    })
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
