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

#[test]
fn the_cap_counts_decoded_bytes_and_a_gzip_bomb_is_refused() {
    use std::io::Write;
    // 64 MiB of one byte: a few dozen KiB on the wire.
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(b"<html><body>").unwrap();
    let chunk = vec![b'a'; 1024 * 1024];
    for _ in 0..64 {
        encoder.write_all(&chunk).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    // Under the cap on the wire, 64 times over it decoded.
    assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
    let mut page = Page::html(bomb);
    page.headers = "Content-Encoding: gzip\r\n".into();
    let (base, _) = serve(vec![("/bomb", page)], 2);
    let dir = article_workspace();
    let mut options = options(format!("{base}/bomb"));
    options.max_bytes = 1024 * 1024;
    let error = xtask::fetch::run(
        dir.path(),
        &test_entry(),
        &options,
        Some("docs/source/live.html".into()),
    )
    .unwrap_err();
    assert!(
        error.contains("larger than the 1048576-byte cap"),
        "{error}"
    );
    assert!(!dir.path().join("docs/source/live.html").exists());
}

#[test]
fn the_timeout_is_a_deadline_for_the_whole_response() {
    // Answers at once, then sends a byte every 100 ms: never idle long
    // enough for a per-read timeout, never done.
    let mut page = Page::html(format!("<html><body>{}</body></html>", "x".repeat(10_000)));
    page.trickle = Some(Duration::from_millis(100));
    let (base, _) = serve(vec![("/trickle", page)], 2);
    let dir = article_workspace();
    // Without a deadline this reads for 1000 s, then fails differently.
    let error = fetch_into(dir.path(), format!("{base}/trickle")).unwrap_err();
    assert!(error.contains("within 1 s"), "{error}");
}
