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
    // One deadline for the whole download, headers and body.
    let started = std::time::Instant::now();
    let mut response = agent(options)
        .get(url)
        .call()
        .map_err(|e| call_error(options, e))?;
    check_status(url, response.status())?;
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    check_html_type(url, content_type)?;
    let body = read_capped(response.body_mut().as_reader(), options, started)?;
    check_looks_like_html(url, &body)?;
    Ok(body)
}

/// The client: the options' limits, our user agent, and HTTP errors left to
/// [`check_status`], so that a 404 is reported as the page's, not the
/// client's.
#[cfg(feature = "fetch")]
fn agent(options: &Options) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        // A body that stalls outright; `read_capped` bounds a trickle.
        .timeout_recv_body(Some(options.timeout))
        .max_redirects(options.max_redirects)
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .build()
        .into()
}

/// Why the request got no answer, in the options' terms where ureq's own
/// words ("timeout: global") would leave the reader guessing.
#[cfg(feature = "fetch")]
fn call_error(options: &Options, error: ureq::Error) -> String {
    let url = &options.url;
    match error {
        ureq::Error::Timeout(_) => format!(
            "{url}: no answer within {} s",
            options.timeout.as_secs_f32()
        ),
        ureq::Error::TooManyRedirects => {
            format!("{url}: more than {} redirects", options.max_redirects)
        }
        other => format!("{url}: {other}"),
    }
}

/// Only a success is the article: an error page is no capture to diff.
#[cfg(feature = "fetch")]
fn check_status(url: &str, status: ureq::http::StatusCode) -> Result<(), String> {
    if status.is_success() {
        return Ok(());
    }
    Err(format!("{url}: HTTP {status}: expected 200 OK"))
}

/// Only an HTML page is the article: a JSON error or a PDF behind the same
/// URL would otherwise be read as a page whose table vanished.
#[cfg(feature = "fetch")]
fn check_html_type(url: &str, content_type: &str) -> Result<(), String> {
    let media = content_type.split(';').next().unwrap_or("").trim();
    if media.eq_ignore_ascii_case("text/html")
        || media.eq_ignore_ascii_case("application/xhtml+xml")
    {
        return Ok(());
    }
    Err(format!(
        "{url}: Content-Type \"{content_type}\": expected an HTML page (text/html)"
    ))
}

/// The body, refused once it passes `max_bytes` or the deadline.
///
/// The cap counts decoded bytes: ureq's own limit counts what came over the
/// wire, so a small gzip body could decode to any size in memory. The
/// deadline is checked between reads: a server that sends a byte at a time
/// never lets a per-read timeout fire.
#[cfg(feature = "fetch")]
fn read_capped(
    reader: impl std::io::Read,
    options: &Options,
    started: std::time::Instant,
) -> Result<Vec<u8>, String> {
    let url = &options.url;
    let cap = options.max_bytes;
    let too_slow = || {
        format!(
            "{url}: no complete answer within {} s",
            options.timeout.as_secs_f32()
        )
    };
    let mut body = Vec::new();
    let mut reader = std::io::Read::take(reader, cap + 1);
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if started.elapsed() > options.timeout {
            return Err(too_slow());
        }
        match std::io::Read::read(&mut reader, &mut chunk) {
            Ok(0) => break,
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) if is_timeout(&e) => return Err(too_slow()),
            Err(e) => return Err(format!("{url}: reading the body: {e}")),
        }
    }
    if body.len() as u64 > cap {
        return Err(format!(
            "{url}: the page is larger than the {cap}-byte cap (decoded)"
        ));
    }
    Ok(body)
}

/// Whether a read failed for lack of time: the OS says so in the error's
/// kind, ureq by wrapping its own timeout in the `io::Error`.
#[cfg(feature = "fetch")]
fn is_timeout(error: &std::io::Error) -> bool {
    error.kind() == std::io::ErrorKind::TimedOut
        || error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<ureq::Error>())
            .is_some_and(|inner| matches!(inner, ureq::Error::Timeout(_)))
}

/// A last check on the bytes themselves, for a server that labels anything
/// text/html: the page's first 64 KiB must show an HTML tag.
#[cfg(feature = "fetch")]
fn check_looks_like_html(url: &str, body: &[u8]) -> Result<(), String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(64 * 1024)]).to_ascii_lowercase();
    if head.contains("<html") || head.contains("<table") || head.contains("<body") {
        return Ok(());
    }
    Err(format!(
        "{url}: the body does not look like HTML (no <html>, <body> or <table>)"
    ))
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
    let new = codegen::read_catalog(
        entry,
        &saved_to,
        &bytes,
        Some(Format::Html),
        &annotations,
        None,
        &mut Vec::new(),
    )
    .map_err(|e| format!("the fetched page is not a readable article, nothing saved: {e}"))?;
    let old = files::read_optional(root, &entry.fixture)?
        .map(|text| Catalog::from_json(&entry.fixture, &text).map_err(|e| e.to_string()))
        .transpose()?;
    let changes = old
        .as_ref()
        .map(|old| codegen::changes::diff(old, &new))
        .unwrap_or_default();
    let contents = files::into_text(&saved_to, bytes)?;
    let bytes = contents.len();
    let _lock = files::lock(root)?;
    let page = codegen::Output {
        path: saved_to.clone(),
        contents,
    };
    files::write_all(root, &[page])?;
    Ok(Report {
        saved_to,
        bytes,
        old,
        new,
        changes,
    })
}

#[cfg(test)]
mod tests {
    #[cfg(not(feature = "fetch"))]
    #[test]
    fn fetch_says_how_to_get_the_network_part() {
        let error = super::download(&super::Options::default()).unwrap_err();
        assert!(error.contains("--features fetch"), "{error}");
    }

    #[cfg(feature = "fetch")]
    mod with_client {
        use std::io::{self, Read};
        use std::time::{Duration, Instant};

        use super::super::*;

        fn options() -> Options {
            Options {
                url: "http://127.0.0.1:9/a".into(),
                ..Options::default()
            }
        }

        /// Hands out `script` one answer a read, then end of file.
        struct Scripted {
            script: Vec<io::Result<Vec<u8>>>,
            /// How long each read takes.
            delay: Duration,
        }

        impl Read for Scripted {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                std::thread::sleep(self.delay);
                if self.script.is_empty() {
                    return Ok(0);
                }
                let bytes = self.script.remove(0)?;
                buf[..bytes.len()].copy_from_slice(&bytes);
                Ok(bytes.len())
            }
        }

        fn scripted(script: Vec<io::Result<Vec<u8>>>) -> Scripted {
            Scripted {
                script,
                delay: Duration::ZERO,
            }
        }

        #[test]
        fn the_client_has_the_options_limits_and_our_user_agent() {
            let options = Options {
                timeout: Duration::from_millis(1500),
                max_redirects: 2,
                ..options()
            };
            let agent = agent(&options);
            let config = agent.config();
            assert_eq!(config.timeouts().global, Some(options.timeout));
            assert_eq!(config.timeouts().recv_body, Some(options.timeout));
            assert_eq!(config.max_redirects(), 2);
            assert!(!config.http_status_as_error());
            assert!(
                matches!(config.user_agent(), ureq::config::AutoHeaderValue::Provided(ua) if ua.as_str() == USER_AGENT)
            );
        }

        #[test]
        fn a_failed_call_is_told_in_the_options_terms() {
            let options = Options {
                timeout: Duration::from_millis(2500),
                max_redirects: 3,
                ..options()
            };
            assert_eq!(
                call_error(&options, ureq::Error::Timeout(ureq::Timeout::Connect)),
                "http://127.0.0.1:9/a: no answer within 2.5 s"
            );
            assert_eq!(
                call_error(&options, ureq::Error::TooManyRedirects),
                "http://127.0.0.1:9/a: more than 3 redirects"
            );
            assert_eq!(
                call_error(&options, ureq::Error::HostNotFound),
                format!("http://127.0.0.1:9/a: {}", ureq::Error::HostNotFound)
            );
        }

        #[test]
        fn only_a_success_status_is_the_page() {
            use ureq::http::StatusCode;
            assert!(check_status("u", StatusCode::OK).is_ok());
            assert!(check_status("u", StatusCode::NON_AUTHORITATIVE_INFORMATION).is_ok());
            assert_eq!(
                check_status("u", StatusCode::NOT_FOUND).unwrap_err(),
                "u: HTTP 404 Not Found: expected 200 OK"
            );
            assert!(check_status("u", StatusCode::NOT_MODIFIED).is_err());
            assert!(check_status("u", StatusCode::SERVICE_UNAVAILABLE).is_err());
        }

        #[test]
        fn only_an_html_media_type_is_the_page_whatever_its_parameters_and_case() {
            for ok in [
                "text/html",
                "text/html; charset=utf-8",
                " TEXT/HTML ;charset=UTF-8",
                "application/xhtml+xml",
            ] {
                assert!(check_html_type("u", ok).is_ok(), "{ok}");
            }
            for bad in ["", "text/plain", "application/json", "text/html-sandboxed"] {
                assert_eq!(
                    check_html_type("u", bad).unwrap_err(),
                    format!("u: Content-Type \"{bad}\": expected an HTML page (text/html)")
                );
            }
        }

        #[test]
        fn the_body_is_read_whole_up_to_the_cap_and_refused_past_it() {
            let options = Options {
                max_bytes: 40_000,
                ..options()
            };
            // More than one chunk: the reads are put back together in order.
            let page: Vec<u8> = (0..40_000u32).map(|i| (i % 251) as u8).collect();
            let body = read_capped(&page[..], &options, Instant::now()).unwrap();
            assert_eq!(body, page);
            let over = [page.as_slice(), b"x"].concat();
            assert_eq!(
                read_capped(&over[..], &options, Instant::now()).unwrap_err(),
                "http://127.0.0.1:9/a: the page is larger than the 40000-byte cap (decoded)"
            );
        }

        #[test]
        fn a_trickling_body_is_cut_off_at_the_deadline() {
            let options = Options {
                timeout: Duration::from_millis(50),
                ..options()
            };
            // Each read answers within any per-read timeout; together they
            // would take a second.
            let trickle = Scripted {
                script: (0..100).map(|_| Ok(b"<".to_vec())).collect(),
                delay: Duration::from_millis(10),
            };
            assert_eq!(
                read_capped(trickle, &options, Instant::now()).unwrap_err(),
                "http://127.0.0.1:9/a: no complete answer within 0.05 s"
            );
        }

        #[test]
        fn a_read_error_is_a_timeout_or_a_reading_error_and_an_interruption_is_retried() {
            let options = options();
            let interrupted = scripted(vec![
                Ok(b"<html>".to_vec()),
                Err(io::ErrorKind::Interrupted.into()),
                Ok(b"</html>".to_vec()),
            ]);
            assert_eq!(
                read_capped(interrupted, &options, Instant::now()).unwrap(),
                b"<html></html>"
            );
            let reset = scripted(vec![Err(io::Error::new(
                io::ErrorKind::ConnectionReset,
                "reset by peer",
            ))]);
            assert_eq!(
                read_capped(reset, &options, Instant::now()).unwrap_err(),
                "http://127.0.0.1:9/a: reading the body: reset by peer"
            );
            let timed_out = scripted(vec![Err(io::ErrorKind::TimedOut.into())]);
            assert_eq!(
                read_capped(timed_out, &options, Instant::now()).unwrap_err(),
                "http://127.0.0.1:9/a: no complete answer within 30 s"
            );
        }

        #[test]
        fn ureqs_own_timeout_inside_an_io_error_is_a_timeout() {
            assert!(is_timeout(&io::ErrorKind::TimedOut.into()));
            assert!(is_timeout(&io::Error::other(ureq::Error::Timeout(
                ureq::Timeout::RecvBody
            ))));
            assert!(!is_timeout(&io::Error::other(ureq::Error::HostNotFound)));
            assert!(!is_timeout(&io::Error::other("timeout")));
            assert!(!is_timeout(&io::ErrorKind::UnexpectedEof.into()));
        }

        #[test]
        fn a_body_is_html_only_with_a_tag_in_its_first_64_kib() {
            for ok in ["<!doctype html><HTML>", "<table><tr>", "x <Body class=a>"] {
                assert!(check_looks_like_html("u", ok.as_bytes()).is_ok(), "{ok}");
            }
            assert_eq!(
                check_looks_like_html("u", b"{\"error\": \"<b>\"}").unwrap_err(),
                "u: the body does not look like HTML (no <html>, <body> or <table>)"
            );
            let late = [vec![b' '; 64 * 1024], b"<html>".to_vec()].concat();
            assert!(check_looks_like_html("u", &late).is_err());
            let just_in = [vec![b' '; 64 * 1024 - 6], b"<html>".to_vec()].concat();
            assert!(check_looks_like_html("u", &just_in).is_ok());
        }
    }
}
