//! `cargo xtask fetch` against a server this test starts on 127.0.0.1;
//! never the internet. The pages are the test article's (tests/articles/).

use std::time::Duration;

use workspace_tests::{Page, article, article_workspace, serve, test_entry};
use xtask::fetch::{Options, run};

fn page() -> String {
    String::from_utf8(article("parley-page.html")).unwrap()
}

fn options(url: String) -> Options {
    Options {
        url,
        timeout: Duration::from_secs(1),
        max_bytes: 32 * 1024,
        ..Options::default()
    }
}

/// Fetches `url` into `docs/source/live.html` under `dir`.
fn fetch_into(dir: &std::path::Path, url: String) -> Result<xtask::fetch::Report, String> {
    run(
        dir,
        &test_entry(),
        &options(url),
        Some("docs/source/live.html".into()),
    )
}

#[test]
fn fetches_saves_and_diffs_a_changed_article_following_redirects() {
    let changed = page().replace(
        "before sending more.",
        "before sending more. Wait a minute.",
    );
    let mut redirect = Page::new("302 Found", "text/html", "");
    redirect.headers = "Location: /article\r\n".into();
    let (base, log) = serve(
        vec![("/redirect", redirect), ("/article", Page::html(changed))],
        4,
    );
    let dir = article_workspace();
    let report = fetch_into(dir.path(), format!("{base}/redirect")).unwrap();
    assert_eq!(report.saved_to, "docs/source/live.html");
    assert!(
        std::fs::read_to_string(dir.path().join("docs/source/live.html"))
            .unwrap()
            .contains("Wait a minute.")
    );
    assert_eq!(report.changes.changed.len(), 1);
    assert_eq!(report.changes.changed[0].fields, ["solution"]);
    assert!(report.changes.added.is_empty() && report.changes.removed.is_empty());
    let log = log.lock().unwrap();
    assert_eq!(log.len(), 2, "{log:?}");
    assert!(
        log.iter()
            .all(|(_, agent)| agent.starts_with("tiktok-messaging-errors-codegen/")),
        "fetch names itself: {log:?}"
    );
}

#[test]
fn refusals_name_the_problem_and_write_nothing() {
    let mut slow = Page::html(page());
    slow.delay = Duration::from_secs(3);
    let (base, _) = serve(
        vec![
            (
                "/missing",
                Page::new("404 Not Found", "text/html", "<html>gone</html>"),
            ),
            (
                "/broken",
                Page::new(
                    "500 Internal Server Error",
                    "text/html",
                    "<html>oops</html>",
                ),
            ),
            ("/slow", slow),
            (
                "/huge",
                Page::html(format!(
                    "<html><body>{}</body></html>",
                    "x".repeat(64 * 1024)
                )),
            ),
            (
                "/json",
                Page::new("200 OK", "application/json", "{\"code\": 0}"),
            ),
            (
                "/plain-html",
                Page::html("<html><body><p>Nothing here</p></body></html>"),
            ),
        ],
        8,
    );
    let cases = [
        ("/missing", "HTTP 404 Not Found: expected 200 OK"),
        ("/broken", "HTTP 500 Internal Server Error"),
        ("/slow", "no answer within 1 s"),
        ("/huge", "larger than the 32768-byte cap"),
        (
            "/json",
            "Content-Type \"application/json\": expected an HTML page",
        ),
        ("/plain-html", "not a readable article, nothing saved"),
    ];
    for (path, expected) in cases {
        let dir = article_workspace();
        let error = fetch_into(dir.path(), format!("{base}{path}")).unwrap_err();
        assert!(error.contains(expected), "{path}: {error}");
        assert!(
            !dir.path().join("docs/source/live.html").exists(),
            "{path}: nothing is written on failure"
        );
    }
}

#[test]
fn default_output_sits_beside_the_source() {
    let entry = test_entry();
    let stem = entry.source.rsplit_once('.').unwrap().0;
    assert_eq!(xtask::fetch::default_output(&entry), format!("{stem}.html"));
}
