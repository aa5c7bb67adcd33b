//! The command line as a user meets it: exit codes, stdout and stderr.

use std::path::Path;
use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .expect("xtask runs")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

fn path(relative: &str) -> String {
    root().join(relative).to_string_lossy().into_owned()
}

#[test]
fn every_command_has_help() {
    for command in [
        &["--help"][..],
        &["regen", "--help"],
        &["parse", "--help"],
        &["diff", "--help"],
    ] {
        let out = xtask(command);
        assert!(out.status.success(), "{command:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{command:?}"
        );
    }
}

#[test]
fn parse_prints_the_model_of_the_captured_article() {
    let out = xtask(&[
        "parse",
        &path("docs/source/tiktok-business-messaging-errors.txt"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 8);
    assert_eq!(errors[3]["code"], 40100);
    assert_eq!(
        errors[3]["description"],
        "You’ve hit the rate limit for this API."
    );
    assert_eq!(
        errors[7]["solution"],
        "Try sending the request again. If the issue persists, reach out to your TikTok rep for support."
    );
}

#[test]
fn parse_warns_on_stderr() {
    let out = xtask(&["parse", &path("tests/fixtures/article-page.html")]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("Related articles"),
        "{stderr}"
    );
}

#[test]
fn bad_input_is_exit_1_with_the_file_named_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8])] = &[
        ("empty.txt", b""),
        ("blank.md", b"   \n"),
        ("garbage.bin", &[0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 0xff]),
        ("truncated.html", b"<html><body><table><tr><th>Code</th>"),
        ("prose.txt", b"No table at all."),
        (
            "bad-code.md",
            b"| Code | Description | Solution |\n|---|---|---|\n| 4000I | x | y |\n",
        ),
        ("nested.html", b"<table><tr><td><table><tr><td>"),
    ];
    for (name, bytes) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let file = file.to_string_lossy().into_owned();
        let out = xtask(&["parse", &file]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error: {file}")),
            "{name}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
    }
    let out = xtask(&["parse", &dir.path().join("missing.txt").to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt: cannot read"));
}

#[test]
fn diff_exit_codes_tell_scripts_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        std::fs::read_to_string(path("docs/source/tiktok-business-messaging-errors.txt")).unwrap();
    let changed = dir.path().join("changed.txt");
    std::fs::write(
        &changed,
        source.replace("Your requests are being throttled.", "Slow down."),
    )
    .unwrap();
    let changed = changed.to_string_lossy().into_owned();

    let same = xtask(&[
        "diff",
        &path("docs/source/tiktok-business-messaging-errors.txt"),
        &path("tests/fixtures/article.md"),
    ]);
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&same.stderr)
    );

    let out = xtask(&[
        "diff",
        &path("tests/fixtures/tiktok-business-messaging-errors.json"),
        &changed,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"added": [], "removed": [], "changed": [{"code": 40100, "fields": ["solution"]}], "bump": "patch"})
    );

    let human = xtask(&["diff", &path("tests/fixtures/article.md"), &changed]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("changed: 40100 RateLimited (solution)")
            && text.contains("- Your requests are being throttled.")
            && text.contains("+ Slow down."),
        "{text}"
    );

    let broken = xtask(&[
        "diff",
        &changed,
        &dir.path().join("nope.md").to_string_lossy(),
    ]);
    assert_eq!(broken.status.code(), Some(2));
}
