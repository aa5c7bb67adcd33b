//! A checkout with CRLF line endings (core.autocrlf=true) is not "stale":
//! .gitattributes keeps what regen reads and writes LF, and the capture's
//! sha256 is taken over its LF-normalised bytes (issue 11, item 7).

use std::fs;
use std::path::Path;
use std::process::Command;

use workspace_tests::{article_workspace, check, root};

fn to_crlf(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            to_crlf(&path);
        } else if let Ok(text) = fs::read_to_string(&path) {
            fs::write(&path, text.replace('\n', "\r\n")).unwrap();
        }
    }
}

#[test]
fn a_workspace_with_crlf_files_checks_clean() {
    let dir = article_workspace();
    to_crlf(dir.path());
    let report = check(dir.path());
    assert!(report.stale().is_empty(), "stale: {:?}", report.stale());
}

#[test]
fn a_clone_with_autocrlf_gets_lf_and_checks_clean() {
    if !root().join(".git").exists() {
        eprintln!("skipped: {} is not a git checkout", root().display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let clone = dir.path().join("clone");
    let status = Command::new("git")
        .args([
            "-c",
            "core.autocrlf=true",
            "clone",
            "--quiet",
            "--no-hardlinks",
        ])
        .arg(root())
        .arg(&clone)
        .status()
        .expect("git runs");
    assert!(status.success());
    let manifest = fs::read(clone.join("docs/sources.toml")).unwrap();
    assert!(!manifest.contains(&b'\r'), "checked out with LF");
    let report = check(&clone);
    assert!(report.stale().is_empty(), "stale: {:?}", report.stale());
}
