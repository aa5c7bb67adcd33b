//! `fetch` against a server this test starts on 127.0.0.1; never the internet.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::thread;
use std::time::Duration;

use xtask::fetch::{Options, run};

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// The test article's workspace layout (tests/articles/ is ours: the live
/// article never changes what these tests see).
fn entry() -> codegen::Entry {
    let manifest = "[[article]]\nname = \"parley\"\ntitle = \"Parley\"\nurl = \"http://127.0.0.1:9/\"\nsource = \"docs/source/parley.txt\"\nannotations = \"docs/annotations.toml\"\nfixture = \"tests/fixtures/parley.json\"\nreleased = \"docs/released/parley.json\"\nmarkdown = \"docs/parley.md\"\ncrate_dir = \"crates/parley\"\ncrate_name = \"parley\"\ntype_name = \"ErrorCode\"\n";
    codegen::manifest::parse("docs/sources.toml", manifest)
        .unwrap()
        .articles
        .remove(0)
}

fn test_article(name: &str) -> String {
    std::fs::read_to_string(workspace().join("tests/articles").join(name)).unwrap()
}

/// Serves canned answers by path; handles at most `max` connections.
fn serve(max: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let page = test_article("parley-page.html");
    let changed = page.replace(
        "before sending more.",
        "before sending more. Wait a minute.",
    );
    thread::spawn(move || {
        for stream in listener.incoming().take(max) {
            let Ok(stream) = stream else { continue };
            let (page, changed) = (page.clone(), changed.clone());
            // One thread per connection, so a slow answer delays nobody else.
            thread::spawn(move || answer(stream, &page, &changed));
        }
    });
    format!("http://{address}")
}

fn answer(mut stream: std::net::TcpStream, page: &str, changed: &str) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut headers = String::new();
    let mut user_agent = String::new();
    while reader.read_line(&mut headers).is_ok_and(|n| n > 2) {
        if headers.to_ascii_lowercase().starts_with("user-agent:") {
            user_agent = headers.clone();
        }
        headers.clear();
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    let (status, content_type, body): (&str, &str, String) = match path.as_str() {
        "/article" if user_agent.contains("tiktok-messaging-errors-codegen") => {
            ("200 OK", "text/html; charset=utf-8", changed.to_owned())
        }
        "/article" => ("403 Forbidden", "text/plain", "no user agent".into()),
        "/redirect" => {
            let _ = write!(
                stream,
                "HTTP/1.1 302 Found\r\nLocation: /article\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            return;
        }
        "/missing" => ("404 Not Found", "text/html", "<html>gone</html>".into()),
        "/broken" => (
            "500 Internal Server Error",
            "text/html",
            "<html>oops</html>".into(),
        ),
        "/slow" => {
            thread::sleep(Duration::from_secs(3));
            ("200 OK", "text/html", page.to_owned())
        }
        "/huge" => (
            "200 OK",
            "text/html",
            format!("<html><body>{}</body></html>", "x".repeat(64 * 1024)),
        ),
        "/json" => ("200 OK", "application/json", "{\"code\": 0}".into()),
        "/plain-html" => (
            "200 OK",
            "text/html",
            "<html><body><p>Nothing here</p></body></html>".into(),
        ),
        _ => ("404 Not Found", "text/plain", String::new()),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// A scratch workspace with what fetch reads: annotations and the fixture
/// made from the test article.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let entry = entry();
    let annotations = test_article("annotations.toml");
    let article = test_article("parley.txt");
    let catalog = codegen::model(
        &entry,
        &entry.source,
        article.as_bytes(),
        None,
        &annotations,
        None,
        &mut Vec::new(),
    )
    .unwrap();
    for (file, contents) in [
        (&entry.annotations, annotations),
        (&entry.fixture, codegen::emit::json::emit(&catalog)),
    ] {
        let target = dir.path().join(file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, contents).unwrap();
    }
    dir
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
fn fetch_into(dir: &Path, url: String) -> Result<xtask::fetch::Report, String> {
    run(
        dir,
        &entry(),
        &options(url),
        Some("docs/source/live.html".into()),
    )
}

#[test]
fn fetches_saves_and_diffs_a_changed_article_following_redirects() {
    let base = serve(4);
    let dir = scratch();
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
}

#[test]
fn refusals_name_the_problem_and_write_nothing() {
    let base = serve(8);
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
        let dir = scratch();
        let error = fetch_into(dir.path(), format!("{base}{path}")).unwrap_err();
        assert!(error.contains(expected), "{path}: {error}");
        assert!(
            !dir.path().join("docs/source/live.html").exists(),
            "{path}: nothing is written on failure"
        );
        assert!(
            !dir.path().join("docs/source").exists()
                || std::fs::read_dir(dir.path().join("docs/source"))
                    .unwrap()
                    .next()
                    .is_none()
        );
    }
}

#[test]
fn default_output_sits_beside_the_source() {
    assert_eq!(
        xtask::fetch::default_output(&entry()),
        "docs/source/parley.html"
    );
}
