//! Helpers shared by the workspace-level tests.
//!
//! Tests own their inputs: the articles under `tests/articles/` are written
//! for the tests (a made-up vendor, "Parley"), so no test changes when the
//! live article does. Only the staleness check and the update loop read the
//! live capture, and they assert nothing about what it says.

use std::fs;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace root")
        .to_owned()
}

/// The test article in its canonical form (the copied `|` text).
pub const ARTICLE: &str = "parley.txt";

/// A test article's bytes, by file name under `tests/articles/`.
pub fn article(name: &str) -> Vec<u8> {
    fs::read(root().join("tests/articles").join(name))
        .unwrap_or_else(|e| panic!("tests/articles/{name}: {e}"))
}

/// Each entry's code (and sub-code), as written, in the order read.
pub fn codes(article: &codegen::read::Article) -> Vec<String> {
    article.rows.iter().map(|r| r.code.to_string()).collect()
}

/// Each entry's code, description and solution, in the order read.
pub fn code_texts(article: &codegen::read::Article) -> Vec<(String, &str, &str)> {
    article
        .rows
        .iter()
        .map(|r| {
            (
                r.code.to_string(),
                r.description.as_str(),
                r.solution.as_str(),
            )
        })
        .collect()
}

pub fn test_annotations() -> String {
    String::from_utf8(article("annotations.toml")).unwrap()
}

/// The manifest of [`article_workspace`]: the same layout as the real one.
pub const TEST_MANIFEST: &str = r#"[[article]]
name = "parley"
title = "Parley Chat API error codes"
url = "http://127.0.0.1:9/parley/errors"
source = "docs/source/parley.txt"
annotations = "docs/annotations.toml"
fixture = "tests/fixtures/parley.json"
released = "docs/released/parley.json"
markdown = "docs/parley.md"
crate_dir = "crates/parley-errors"
crate_name = "tiktok-messaging-errors"
type_name = "ErrorCode"
"#;

pub fn test_entry() -> codegen::Entry {
    codegen::manifest::parse("docs/sources.toml", TEST_MANIFEST)
        .unwrap()
        .articles
        .remove(0)
}

/// The model of a test article (any form, by `file`'s extension), with the
/// test annotations.
pub fn model(file: &str, bytes: &[u8]) -> Result<codegen::Catalog, codegen::Error> {
    model_and_warnings(file, bytes).0
}

pub fn model_and_warnings(
    file: &str,
    bytes: &[u8],
) -> (Result<codegen::Catalog, codegen::Error>, Vec<String>) {
    let mut warnings = Vec::new();
    let catalog = codegen::read_catalog(
        &test_entry(),
        file,
        bytes,
        None,
        &test_annotations(),
        None,
        &mut warnings,
    );
    (catalog, warnings)
}

fn write(dir: &Path, relative: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

/// A workspace of its own for the test article, released once as 1.0.0:
/// manifest, capture, annotations, and a crate made of the generated
/// crate's hand-written glue (so what regen emits is compiled for real).
///
/// The released workspace is made once per test process and copied for each
/// caller: making it (a regen, a release, a check) is most of what a small
/// test costs in a debug build, and it is the same every time.
pub fn article_workspace() -> tempfile::TempDir {
    static RELEASED: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    let files = RELEASED.get_or_init(|| tree(released_article_workspace().path()));
    let dir = tempfile::tempdir().unwrap();
    for (relative, bytes) in files {
        write(dir.path(), relative, bytes);
    }
    dir
}

/// Copies the files under `from` (but `target/`) to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for (relative, bytes) in tree(from) {
        write(to, &relative, bytes);
    }
}

fn released_article_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let entry = test_entry();
    write(dir.path(), "docs/sources.toml", TEST_MANIFEST);
    write(
        dir.path(),
        "Cargo.toml",
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [\"{}\"]\n",
            entry.crate_dir
        ),
    );
    write(dir.path(), &entry.source, article(ARTICLE));
    write(dir.path(), &entry.annotations, test_annotations());
    let glue = root().join("crates/tiktok-messaging-errors");
    let cargo_toml = fs::read_to_string(glue.join("Cargo.toml")).unwrap();
    let cargo_toml =
        codegen::release::cargo_toml_with_version("Cargo.toml", &cargo_toml, "1.0.0").unwrap();
    write(dir.path(), &entry.crate_manifest(), cargo_toml);
    write(dir.path(), &entry.changelog(), "# Changelog\n");
    // The crate's docs are its README; this one names only its source.
    write(
        dir.path(),
        &entry.crate_readme(),
        format!(
            "# Test crate\n\n{}\n{}\n",
            codegen::emit::readme::BEGIN,
            codegen::emit::readme::END
        ),
    );
    // The shared runtime the crate depends on, where a generated crate finds it.
    let runtime = codegen::scaffold::RUNTIME_DIR;
    copy_dir(&root().join(runtime), &dir.path().join(runtime));
    // The versions this workspace already downloaded, so `--offline` builds.
    fs::copy(root().join("Cargo.lock"), dir.path().join("Cargo.lock")).unwrap();
    for file in fs::read_dir(glue.join("src")).unwrap() {
        let file = file.unwrap();
        let relative = format!(
            "{}/src/{}",
            entry.crate_dir,
            file.file_name().to_string_lossy()
        );
        write(dir.path(), &relative, fs::read(file.path()).unwrap());
    }
    xtask::regen::run(dir.path(), &Default::default()).expect("the test article generates");
    xtask::release::run(dir.path(), None, Default::default()).expect("the first release is cut");
    let report = check(dir.path());
    assert!(report.stale().is_empty(), "{:?}", report.stale());
    dir
}

/// `cargo xtask regen --check` on a workspace at `dir`.
pub fn check(dir: &Path) -> xtask::regen::Report {
    let options = xtask::regen::Options {
        check: true,
        ..Default::default()
    };
    xtask::regen::run(dir, &options).unwrap_or_else(|e| panic!("regen --check fails: {e}"))
}

/// Regenerates `dir`, then checks it: regen must leave nothing stale.
pub fn regen_then_check(dir: &Path, what: &str) -> xtask::regen::Report {
    regen_with_then_check(dir, &Default::default(), what)
}

/// [`regen_then_check`] with regen's options (`--source`, say).
pub fn regen_with_then_check(
    dir: &Path,
    options: &xtask::regen::Options,
    what: &str,
) -> xtask::regen::Report {
    let report =
        xtask::regen::run(dir, options).unwrap_or_else(|e| panic!("{what}: regen fails: {e}"));
    let after = check(dir);
    assert!(
        after.stale().is_empty(),
        "{what}: still stale after regen: {:?}",
        after.stale()
    );
    report
}

/// Every file under `dir` (but `target/` and `.git/`), relative, sorted,
/// with its bytes: for asserting that a tree came back byte for byte.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(current) = pending.pop() {
        for item in fs::read_dir(&current).unwrap() {
            let path = item.unwrap().path();
            let relative = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if relative == "target" || relative == ".git" {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push((relative, fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// The `|` form a browser copy of an article gives, written from a model:
/// how the update tests make "the article after TikTok edited it" without
/// quoting any article.
pub fn pipe_article(rows: &[codegen::model::ErrorEntry]) -> String {
    let extras: std::collections::BTreeSet<&String> =
        rows.iter().flat_map(|r| r.extra.keys()).collect();
    let mut text = String::from(
        "An error-code article, as a browser copy gives it.\nError code |\nDescription |\nSolution |\n",
    );
    for column in &extras {
        text.push_str(&format!("{column} |\n"));
    }
    for row in rows {
        let mut cells = vec![
            row.code.to_string(),
            row.description.clone(),
            row.solution.clone(),
        ];
        cells.extend(
            extras
                .iter()
                .map(|c| row.extra.get(*c).cloned().unwrap_or_default()),
        );
        for cell in cells {
            assert!(
                !cell.contains('|'),
                "code {}: a cell with `|` cannot be written in the copied-text form",
                row.code
            );
            text.push_str(&format!("{cell}\n|\n"));
        }
    }
    text
}

/// What a [`serve`]d path answers.
#[derive(Clone, Debug)]
pub struct Page {
    pub status: &'static str,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Extra header lines (`Location: /x\r\n`).
    pub headers: String,
    /// How long to wait before answering.
    pub delay: std::time::Duration,
    /// Send the body one byte per this interval (a server that never stops).
    pub trickle: Option<std::time::Duration>,
}

impl Page {
    pub fn new(status: &'static str, content_type: &'static str, body: impl Into<Vec<u8>>) -> Page {
        Page {
            status,
            content_type,
            body: body.into(),
            headers: String::new(),
            delay: std::time::Duration::ZERO,
            trickle: None,
        }
    }

    pub fn html(body: impl Into<Vec<u8>>) -> Page {
        Page::new("200 OK", "text/html; charset=utf-8", body)
    }
}

/// What a [`serve`]d server saw: the path and `User-Agent` of each request.
pub type RequestLog = std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>;

/// A server on 127.0.0.1 (never anything else) answering `routes` by path,
/// an unknown path with 404, for at most `max` connections. Returns its base
/// URL and the request log (`path` and `User-Agent` of each request).
pub fn serve(routes: Vec<(&'static str, Page)>, max: usize) -> (String, RequestLog) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let requests = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max) {
            let Ok(mut stream) = stream else { continue };
            let (routes, requests) = (routes.clone(), requests.clone());
            // One thread per connection, so a slow answer delays nobody else.
            std::thread::spawn(move || {
                let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(5)));
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
                let mut user_agent = String::new();
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    if let Some(value) = header.to_ascii_lowercase().strip_prefix("user-agent:") {
                        user_agent = value.trim().to_owned();
                    }
                    header.clear();
                }
                requests.lock().unwrap().push((path.clone(), user_agent));
                let page = routes
                    .iter()
                    .find(|(p, _)| *p == path)
                    .map(|(_, page)| page.clone())
                    .unwrap_or_else(|| Page::new("404 Not Found", "text/plain", ""));
                std::thread::sleep(page.delay);
                let _ = write!(
                    stream,
                    "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{}Connection: close\r\n\r\n",
                    page.status,
                    page.content_type,
                    page.body.len(),
                    page.headers,
                );
                match page.trickle {
                    None => {
                        let _ = stream.write_all(&page.body);
                    }
                    Some(interval) => {
                        for byte in &page.body {
                            if stream
                                .write_all(&[*byte])
                                .and_then(|()| stream.flush())
                                .is_err()
                            {
                                return; // The client gave up: what it should do.
                            }
                            std::thread::sleep(interval);
                        }
                    }
                }
            });
        }
    });
    (format!("http://{address}"), log)
}

/// One kind of legitimate doc update, applied to an article's rows.
pub type Edit = fn(&mut Vec<codegen::model::ErrorEntry>);

/// A numeric code no row has, above every numeric code (`skip` apart).
pub fn unused_code(rows: &[codegen::model::ErrorEntry], skip: u32) -> codegen::model::Code {
    use codegen::model::Code;
    let highest = rows
        .iter()
        .filter_map(|r| r.code.as_u32())
        .max()
        .unwrap_or(0);
    let n = (highest.saturating_add(1 + skip)..)
        .find(|n| rows.iter().all(|r| r.code != Code::Numeric(i64::from(*n))))
        .unwrap();
    Code::Numeric(i64::from(n))
}

/// Rewords the first row's description and the last row's solution.
#[allow(clippy::ptr_arg)] // every update has the one signature `Edit`
pub fn reword(rows: &mut Vec<codegen::model::ErrorEntry>) {
    rows[0]
        .description
        .push_str(" (Reworded by the update test.)");
    let last = rows.len() - 1;
    rows[last].solution.push_str(" Reworded too.");
}

/// Adds a code nobody has.
pub fn add(rows: &mut Vec<codegen::model::ErrorEntry>) {
    let mut new = rows[0].clone();
    new.code = unused_code(rows, 0);
    new.description = "A code the update test adds.".into();
    new.solution = "Nothing to do.".into();
    new.extra.clear();
    rows.push(new);
}

/// Drops the first row.
pub fn remove(rows: &mut Vec<codegen::model::ErrorEntry>) {
    rows.remove(0);
}

/// Gives the last row a code nobody has.
#[allow(clippy::ptr_arg)] // every update has the one signature `Edit`
pub fn renumber(rows: &mut Vec<codegen::model::ErrorEntry>) {
    let last = rows.len() - 1;
    rows[last].code = unused_code(rows, 100);
}

#[allow(clippy::ptr_arg)] // every update has the one signature `Edit`
pub fn reorder(rows: &mut Vec<codegen::model::ErrorEntry>) {
    rows.reverse();
}

pub fn all_at_once(rows: &mut Vec<codegen::model::ErrorEntry>) {
    reword(rows);
    add(rows);
    remove(rows);
    renumber(rows);
    reorder(rows);
}

/// Every kind of legitimate doc update, by name.
pub const UPDATES: &[(&str, Edit)] = &[
    ("reworded", reword),
    ("added", add),
    ("removed", remove),
    ("renumbered", renumber),
    ("reordered", reorder),
    ("all_at_once", all_at_once),
];

/// Cargo run on a workspace or crate at `dir` with its own `target` dir, as
/// a person would run it there: none of this test's own cargo environment
/// (`CARGO_MANIFEST_DIR`, `CARGO_PKG_*`…) leaks in.
pub fn cargo(dir: &Path, target: &Path) -> std::process::Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = std::process::Command::new(cargo);
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        if (key.starts_with("CARGO_") && key != "CARGO_HOME") || key.starts_with("__CARGO") {
            command.env_remove(key.as_ref());
        }
    }
    command
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_TERM_COLOR", "never");
    command
}

/// Builds and runs a consumer crate in the workspace at `dir`, as a
/// downstream service would use the generated crates: `dependencies` is its
/// `[dependencies]` table, `body` the statements of its `main` (assertions).
/// A target dir under target/ (`target_name`) keeps the dependencies built
/// between runs; cargo's lock serialises any two runs that meet.
pub fn run_consumer(dir: &Path, dependencies: &str, body: &str, target_name: &str) {
    let main = format!("fn main() {{\n{body}    println!(\"all assertions held\");\n}}\n");
    let stdout = run_program(dir, dependencies, &main, target_name);
    assert!(stdout.contains("all assertions held"), "{stdout}");
}

/// [`run_consumer`] of a whole program (`main_rs`): its standard output,
/// once it ran and exited with success.
pub fn run_program(dir: &Path, dependencies: &str, main_rs: &str, target_name: &str) -> String {
    let consumer = dir.join("consumer");
    fs::create_dir_all(consumer.join("src")).unwrap();
    fs::write(
        consumer.join("Cargo.toml"),
        format!("[package]\nname = \"consumer\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{dependencies}"),
    )
    .unwrap();
    fs::write(consumer.join("src/main.rs"), main_rs).unwrap();
    let workspace = fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    fs::write(
        dir.join("Cargo.toml"),
        workspace.replacen("members = [", "members = [\"consumer\", ", 1),
    )
    .unwrap();
    let output = cargo(dir, &root().join("target").join(target_name))
        .args(["run", "--offline", "-q", "-p", "consumer"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Builds `crates` of the workspace at `dir` as a `no_std` user would:
/// without default features, then with each of `features` alone, so that
/// the runtime below them is built without `std` and `alloc` and the
/// support code of each crate's shape is compiled on that path (CI builds
/// only the committed crates so). `target_name` is the target dir under
/// target/ a [`run_consumer`] of the same workspace used, which already
/// holds their dependencies.
pub fn build_without_default_features(
    dir: &Path,
    crates: &[&str],
    features: &[&str],
    target_name: &str,
) {
    let packages = crates.iter().flat_map(|c| ["-p", c]);
    for feature in std::iter::once(None).chain(features.iter().map(Some)) {
        let mut command = cargo(dir, &root().join("target").join(target_name));
        command
            .args(["build", "--offline", "-q", "--no-default-features"])
            .args(packages.clone());
        if let Some(feature) = feature {
            command.args(["--features", feature]);
        }
        let output = command.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        // Warnings too: code only the std path uses is an unused import here.
        assert!(
            output.status.success() && !stderr.contains("warning"),
            "{crates:?} without default features{}:\n{stderr}",
            feature.map_or(String::new(), |f| format!(", with {f}")),
        );
    }
}

/// `cargo xtask add` of `tests/articles/{article}` as `name`, with its crate
/// `crate_name`, in the workspace at `dir`: the hand-written part of the
/// crate stays a few lines, the configuration is written, and the fixture
/// it generated is returned.
pub fn add_article(dir: &Path, name: &str, article: &str, crate_name: &str) -> codegen::Catalog {
    add_article_pinned(
        dir,
        name,
        article,
        crate_name,
        codegen::read::ColumnPins::default(),
    )
    .0
}

/// [`add_article`] with these column pins (as `add`'s `--code-column` and
/// friends give them): the fixture and what `add` warned of.
pub fn add_article_pinned(
    dir: &Path,
    name: &str,
    article: &str,
    crate_name: &str,
    pins: codegen::read::ColumnPins,
) -> (codegen::Catalog, Vec<String>) {
    let added = xtask::add::run(
        dir,
        &xtask::add::Options {
            name: name.into(),
            source: root().join("tests/articles").join(article),
            url: Some(format!("http://127.0.0.1:9/{name}")),
            crate_name: Some(crate_name.into()),
            format: None,
            pins,
        },
    )
    .unwrap_or_else(|e| panic!("add {name}: {e}"));
    let lib = fs::read_to_string(dir.join(format!("crates/{crate_name}/src/lib.rs"))).unwrap();
    assert!(
        lib.lines().count() <= 7,
        "the hand-written part stays a few lines:\n{lib}"
    );
    assert!(
        added.written.contains(&format!("docs/{name}.toml")),
        "{:?}",
        added.written
    );
    (fixture(dir, name), added.warnings)
}

/// The fixture of article `name` in the workspace at `dir`.
pub fn fixture(dir: &Path, name: &str) -> codegen::Catalog {
    let text = fs::read_to_string(dir.join(format!("tests/fixtures/{name}.json"))).unwrap();
    codegen::Catalog::from_json("fixture", &text).unwrap()
}
