//! What the scheduled drift workflow does (`cargo xtask drift`), against
//! pages a server started here serves on 127.0.0.1: for every kind of update
//! it regenerates and writes the pull request it would open; for a page it
//! cannot use it writes the issue instead and touches nothing.

use std::time::Duration;

use workspace_tests::{Page, article, article_workspace, check, serve, tree};
use xtask::drift::{Outcome, Report, run};

fn page() -> String {
    String::from_utf8(article("parley-page.html")).unwrap()
}

/// The page with the row of `code` removed.
fn without_row(page: &str, code: &str) -> String {
    let start = page.find(&format!("<tr><td><strong>{code}")).unwrap();
    let end = start + page[start..].find("</tr>").unwrap() + "</tr>".len();
    format!("{}{}", &page[..start], &page[end..])
}

fn with_row(page: &str) -> String {
    page.replace(
        "</tbody>",
        "<tr><td><strong>31555</strong></td><td>A new error.</td><td>Do something new.</td></tr>\n</tbody>",
    )
}

fn drift(dir: &std::path::Path, url: String) -> Report {
    let report = run(dir, None, Some(url), Duration::from_secs(2)).unwrap();
    let out = dir.join("drift-out");
    xtask::drift::write(&report, &out).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("outcome")).unwrap().trim(),
        report.outcome.as_str()
    );
    assert_eq!(
        std::fs::read_to_string(out.join("body.md")).unwrap(),
        report.body
    );
    std::fs::remove_dir_all(out).unwrap();
    report
}

#[test]
fn updates_become_pull_requests() {
    let page = page();
    let (base, _) = serve(
        vec![
            ("/same", Page::html(page.clone())),
            (
                "/changed",
                Page::html(page.replace("before sending more.", "before sending anything else.")),
            ),
            ("/added", Page::html(with_row(&page))),
            ("/removed", Page::html(without_row(&page, "31090"))),
        ],
        8,
    );

    let dir = article_workspace();
    let before = tree(dir.path());
    let report = drift(dir.path(), format!("{base}/same"));
    assert_eq!(report.outcome, Outcome::Unchanged, "{}", report.body);
    let mut after = tree(dir.path());
    after.retain(|(path, _)| path != "docs/source/parley.html"); // the page as fetched
    assert!(after == before, "page noise regenerates nothing");

    let cases = [
        (
            "/changed",
            "changed: 31029 TooManyRequests (solution)",
            "patch release",
        ),
        ("/added", "added:   31555 Code31555", "minor release"),
        (
            "/removed",
            "removed: 31090 OutsideReplyWindow",
            "minor release",
        ),
    ];
    for (path, change, bump) in cases {
        let dir = article_workspace();
        let report = drift(dir.path(), format!("{base}{path}"));
        let body = &report.body;
        assert_eq!(report.outcome, Outcome::Changed, "{path}: {body}");
        assert!(report.title.contains(bump), "{path}: {}", report.title);
        assert!(body.contains(change), "{path}: {body}");
        assert!(
            body.contains(&format!("**{}**", bump.trim_end_matches(" release"))),
            "{path}: {body}"
        );
        assert!(body.contains(&format!("<{base}{path}>")), "{path}: {body}");
        assert!(body.contains("`cargo xtask release`"), "{path}: {body}");
        assert_eq!(
            body.contains("Name and categorise the new codes"),
            path == "/added",
            "{path}: {body}"
        );
        assert_eq!(
            body.contains("deprecated variants"),
            path == "/removed",
            "{path}: {body}"
        );
        let manifest = std::fs::read_to_string(dir.path().join("docs/sources.toml")).unwrap();
        assert!(
            manifest.contains("source = \"docs/source/parley.html\""),
            "{path}: adopted"
        );
        assert!(check(dir.path()).stale().is_empty(), "{path}: regenerated");
    }
}

#[test]
fn unusable_pages_become_an_issue_and_change_nothing() {
    let (base, _) = serve(
        vec![
            (
                "/no-table",
                Page::html("<html><body><h1>Moved</h1><p>See the new docs.</p></body></html>"),
            ),
            (
                "/forbidden",
                Page::new("403 Forbidden", "text/html", "<html>no</html>"),
            ),
        ],
        8,
    );
    let cases = [
        ("/no-table", "no table found"),
        ("/missing", "HTTP 404 Not Found"),
        ("/forbidden", "HTTP 403 Forbidden"),
    ];
    for (path, error) in cases {
        let dir = article_workspace();
        let before = tree(dir.path());
        let report = drift(dir.path(), format!("{base}{path}"));
        assert_eq!(report.outcome, Outcome::Failed, "{path}: {}", report.body);
        assert!(
            report.title.contains("cannot read"),
            "{path}: {}",
            report.title
        );
        assert!(report.body.contains(error), "{path}: {}", report.body);
        assert!(
            report.body.contains(&format!("<{base}{path}>")),
            "{path}: {}",
            report.body
        );
        assert!(tree(dir.path()) == before, "{path}: nothing written");
    }
}

/// With several articles, the one `--article` names is fetched and
/// regenerated; the others keep their capture. (drift once regenerated
/// without naming the article, so the first article adopted the second's
/// page.)
#[test]
fn a_named_article_adopts_its_own_page() {
    let (base, _) = serve(vec![("/added", Page::html(with_row(&page())))], 2);
    let dir = article_workspace();
    workspace_tests::add_article(dir.path(), "ledger", "parley-page.html", "ledger-errors");
    let manifest = |dir: &std::path::Path| {
        let text = std::fs::read_to_string(dir.join("docs/sources.toml")).unwrap();
        codegen::manifest::parse("docs/sources.toml", &text).unwrap()
    };
    let first_source = manifest(dir.path()).articles[0].source.clone();

    let report = run(
        dir.path(),
        Some("ledger"),
        Some(format!("{base}/added")),
        Duration::from_secs(2),
    )
    .unwrap();
    assert_eq!(report.outcome, Outcome::Changed, "{}", report.body);

    let after = manifest(dir.path());
    assert_eq!(
        after.articles[0].source, first_source,
        "the first article keeps its capture"
    );
    assert_eq!(after.articles[1].source, "docs/source/ledger.html");
    let has_new_code = |name: &str| {
        let codes = workspace_tests::fixture(dir.path(), name).errors;
        codes.iter().any(|entry| entry.code.to_string() == "31555")
    };
    assert!(has_new_code("ledger"), "the named article regenerated");
    assert!(!has_new_code(&after.articles[0].name));
    assert!(check(dir.path()).stale().is_empty());

    // Nor does regen give a capture to the first article unasked.
    let options = xtask::regen::Options {
        source: Some("docs/source/ledger.html".into()),
        ..Default::default()
    };
    let refusal = xtask::regen::run(dir.path(), &options).unwrap_err();
    assert!(refusal.contains("pick one with --article"), "{refusal}");
}
