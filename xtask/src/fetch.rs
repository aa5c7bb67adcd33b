//! `cargo xtask fetch`: download the live article, refuse anything that is
//! not a readable HTML article, save it, and say what changed.

use std::path::Path;
use std::time::Duration;

use codegen::model::Catalog;
use codegen::{Changes, Entry, Format};

use crate::files;

pub const USER_AGENT: &str = concat!(
    "tiktok-messaging-errors-codegen/",
    env!("CARGO_PKG_VERSION"),
    " (fetches one error-code help article; run by maintainers and a daily drift check)"
);

#[derive(Debug, Clone)]
pub struct Options {
    pub url: String,
    pub timeout: Duration,
    /// A help article is tens of KiB; anything far larger is not it. The
    /// default is the readers' own limit, so a saved page is never one they
    /// refuse for its size.
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: String::new(),
            timeout: Duration::from_secs(30),
            max_bytes: codegen::read::MAX_CAPTURE_BYTES as u64,
            max_redirects: 5,
        }
    }
}

#[derive(Debug)]
pub struct Report {
    pub saved_to: String,
    pub bytes: usize,
    pub old: Option<Catalog>,
    pub new: Catalog,
    pub changes: Changes,
}

/// Without the `fetch` feature there is no HTTP client in the binary (it is
/// a quarter of a cold build, and only `fetch` and `drift` need it).
#[cfg(not(feature = "fetch"))]
pub fn download(_options: &Options) -> Result<Vec<u8>, String> {
    Err("this xtask was built without network access: run `cargo run --package xtask --features fetch -- fetch` (or `drift`), as the drift workflow does".to_owned())
}

/// The page body, or why it is not one.
#[cfg(feature = "fetch")]
pub fn download(options: &Options) -> Result<Vec<u8>, String> {
    let url = &options.url;
    let started = std::time::Instant::now();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        // A body that stalls outright; the loop below bounds a trickle.
        .timeout_recv_body(Some(options.timeout))
        .max_redirects(options.max_redirects)
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| match e {
        ureq::Error::Timeout(_) => format!(
            "{url}: no answer within {} s",
            options.timeout.as_secs_f32()
        ),
        ureq::Error::TooManyRedirects => {
            format!("{url}: more than {} redirects", options.max_redirects)
        }
        other => format!("{url}: {other}"),
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!("{url}: HTTP {status}: expected 200 OK"));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if media != "text/html" && media != "application/xhtml+xml" {
        return Err(format!(
            "{url}: Content-Type \"{content_type}\": expected an HTML page (text/html)"
        ));
    }
    // The cap counts decoded bytes: ureq's own limit counts what came over
    // the wire, so a small gzip body could decode to any size in memory. The
    // deadline is checked between reads: a server that sends a byte at a time
    // never lets a per-read timeout fire.
    let mut body = Vec::new();
    let cap = options.max_bytes;
    let mut reader = std::io::Read::take(response.body_mut().as_reader(), cap + 1);
    let mut chunk = [0u8; 16 * 1024];
    let too_slow = || {
        format!(
            "{url}: no complete answer within {} s",
            options.timeout.as_secs_f32()
        )
    };
    loop {
        if started.elapsed() > options.timeout {
            return Err(too_slow());
        }
        match std::io::Read::read(&mut reader, &mut chunk) {
            Ok(0) => break,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                let timed_out = e.kind() == std::io::ErrorKind::TimedOut
                    || e.get_ref()
                        .and_then(|inner| inner.downcast_ref::<ureq::Error>())
                        .is_some_and(|inner| matches!(inner, ureq::Error::Timeout(_)));
                return Err(if timed_out {
                    too_slow()
                } else {
                    format!("{url}: reading the body: {e}")
                });
            }
        }
    }
    if body.len() as u64 > cap {
        return Err(format!(
            "{url}: the page is larger than the {cap}-byte cap (decoded)"
        ));
    }
    let head = String::from_utf8_lossy(&body[..body.len().min(64 * 1024)]).to_ascii_lowercase();
    if !head.contains("<html") && !head.contains("<table") && !head.contains("<body") {
        return Err(format!(
            "{url}: the body does not look like HTML (no <html>, <body> or <table>)"
        ));
    }
    Ok(body)
}

/// Where a fetched page goes by default: beside the source, as `.html`.
pub fn default_output(entry: &Entry) -> String {
    let stem = entry
        .source
        .rsplit_once('.')
        .map_or(entry.source.as_str(), |(stem, _)| stem);
    format!("{stem}.html")
}

/// Downloads, validates as an article, saves (only then), and diffs against
/// the committed fixture.
pub fn run(
    root: &Path,
    entry: &Entry,
    options: &Options,
    output: Option<String>,
) -> Result<Report, String> {
    let saved_to = output.unwrap_or_else(|| default_output(entry));
    codegen::manifest::check_path(&saved_to)
        .map_err(|problem| format!("--output \"{}\": {problem}", saved_to.escape_debug()))?;
    let bytes = download(options)?;
    // Read apart from the page, so an annotations error is not blamed on it.
    let annotations = files::read_text(root, &entry.annotations)?;
    let new = codegen::model(
        entry,
        &saved_to,
        &bytes,
        Some(Format::Html),
        &annotations,
        None,
        &mut Vec::new(),
    )
    .map_err(|e| format!("the fetched page is not a readable article, nothing saved: {e}"))?;
    let old = match files::read_optional(root, &entry.fixture)? {
        Some(text) => {
            Some(codegen::emit::json::parse(&entry.fixture, &text).map_err(|e| e.to_string())?)
        }
        None => None,
    };
    let changes = old
        .as_ref()
        .map(|old| codegen::changes::diff(old, &new))
        .unwrap_or_default();
    let text = files::into_text(&saved_to, bytes)?;
    let len = text.len();
    let _lock = files::lock(root)?;
    files::write_all(root, &[(saved_to.clone(), text)])?;
    Ok(Report {
        saved_to,
        bytes: len,
        old,
        new,
        changes,
    })
}

#[cfg(all(test, not(feature = "fetch")))]
mod without_network {
    #[test]
    fn fetch_says_how_to_get_the_network_part() {
        let error = super::download(&super::Options::default()).unwrap_err();
        assert!(error.contains("--features fetch"), "{error}");
    }
}
