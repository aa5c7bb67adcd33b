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

/// The test article (`tests/articles/parley.txt`) after `edit`, written as
/// `name` in `dir`; its path.
fn edited_article(dir: &Path, name: &str, edit: impl FnOnce(String) -> String) -> String {
    let source = std::fs::read_to_string(path("tests/articles/parley.txt")).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, edit(source)).unwrap();
    file.to_string_lossy().into_owned()
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

/// What `parse` must print: the library's model of the file, with the
/// manifest's annotations (the test article's codes are not annotated there).
fn library_model(relative: &str) -> serde_json::Value {
    let entry = xtask::manifest(root()).unwrap().articles.remove(0);
    let annotations = std::fs::read_to_string(root().join(&entry.annotations)).unwrap();
    let file = path(relative);
    let bytes = std::fs::read(&file).unwrap();
    let catalog = codegen::read_catalog(
        &entry,
        &file,
        &bytes,
        None,
        &annotations,
        None,
        &mut Vec::new(),
    )
    .unwrap();
    serde_json::from_str(&codegen::emit::json::emit(&catalog)).unwrap()
}

#[test]
fn parse_prints_the_model_as_json() {
    let out = xtask(&["parse", &path("tests/articles/parley.txt")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json, library_model("tests/articles/parley.txt"));
    assert_eq!(json["errors"][3]["code"], 31029);
    assert_eq!(
        json["errors"][3]["description"],
        "Too many requests from this app."
    );
    assert_eq!(
        json["errors"][3]["name"], "Code31029",
        "unannotated here: a placeholder name"
    );
}

#[test]
fn parse_warns_on_stderr() {
    let out = xtask(&["parse", &path("tests/articles/parley-page.html")]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("Related articles"),
        "{stderr}"
    );
    assert!(stderr.contains("code 31029 has no annotation"), "{stderr}");
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
    let changed = edited_article(dir.path(), "changed.txt", |source| {
        source.replace("Slow down and honour", "Back off and honour")
    });

    let same = xtask(&[
        "diff",
        &path("tests/articles/parley.txt"),
        &path("tests/articles/parley.md"),
    ]);
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&same.stderr)
    );

    let out = xtask(&[
        "diff",
        &path("tests/articles/parley.txt"),
        &changed,
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"added": [], "removed": [], "changed": [{"code": 31029, "fields": ["solution"]}], "bump": "patch"})
    );

    let human = xtask(&["diff", &path("tests/articles/parley.md"), &changed]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("changed: 31029 Code31029 (solution)")
            && text.contains("- Slow down and honour")
            && text.contains("+ Back off and honour"),
        "{text}"
    );

    let broken = xtask(&[
        "diff",
        &changed,
        &dir.path().join("nope.md").to_string_lossy(),
    ]);
    assert_eq!(broken.status.code(), Some(2));
}

#[test]
fn format_names_are_checked_by_clap_and_md_is_markdown() {
    let article = path("tests/articles/parley.md");
    let md = xtask(&["parse", &article, "--format", "md"]);
    assert!(
        md.status.success(),
        "{}",
        String::from_utf8_lossy(&md.stderr)
    );
    let markdown = xtask(&["parse", &article, "--format", "markdown"]);
    assert_eq!(md.stdout, markdown.stdout);
    let bad = xtask(&["parse", &article, "--format", "pdf"]);
    assert_eq!(bad.status.code(), Some(2), "clap's usage error");
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("invalid value 'pdf'")
            && stderr.contains("[possible values: html, markdown, text]"),
        "{stderr}"
    );
}

#[test]
fn the_word_diff_is_coloured_only_when_asked_and_honours_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let changed = edited_article(dir.path(), "changed.txt", |source| {
        source.replace("Slow down and honour", "Back off and honour")
    });
    let diff = |flags: &[&str], env: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
        command.args(["diff", &path("tests/articles/parley.txt"), &changed]);
        command
            .args(flags)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        for (key, value) in env {
            command.env(key, value);
        }
        let out = command.output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let coloured = |text: &str| text.contains('\u{1b}');
    // Not a terminal: plain, unless forced.
    assert!(!coloured(&diff(&[], &[])));
    assert!(coloured(&diff(&["--color", "always"], &[])));
    assert!(coloured(&diff(&[], &[("CLICOLOR_FORCE", "1")])));
    // NO_COLOR wins over a forced colour in `auto`; `--color never` over everything.
    assert!(!coloured(&diff(
        &[],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
    )));
    assert!(!coloured(&diff(
        &["--color", "never"],
        &[("CLICOLOR_FORCE", "1")]
    )));
    let plain = diff(&["--color", "never"], &[]);
    assert!(plain.contains("+ Back off and honour"), "{plain}");
    let red = diff(&["--color", "always"], &[]);
    // The removed words, and only they, sit inside a style sequence.
    assert!(
        red.contains("mSlow") && !red.contains("mand honour"),
        "{red:?}"
    );
}

#[test]
fn article_text_never_reaches_a_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = edited_article(dir.path(), "hostile.txt", |source| {
        source.replace(
            "Slow down and honour",
            "Slow \u{1b}[2J\u{1b}]0;owned\u{7} \u{202e}down and honour",
        )
    });
    let out = xtask(&[
        "diff",
        "--color",
        "never",
        &path("tests/articles/parley.txt"),
        &hostile,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    for text in [&stdout, &stderr] {
        assert!(!text.chars().any(codegen::controls::is_hidden), "{text:?}");
    }
    assert!(
        stdout.contains("\\u{1b}[2J") && stdout.contains("\\u{202e}"),
        "{stdout}"
    );
    // An error that quotes a cell.
    let broken = edited_article(dir.path(), "broken.txt", |source| {
        source.replacen("31001", "3100\u{1b}[31m1", 1)
    });
    let out = xtask(&["parse", &broken]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.chars().any(codegen::controls::is_hidden),
        "{stderr:?}"
    );
    assert!(stderr.contains("\\u{1b}"), "{stderr}");
}

#[test]
fn deeply_nested_html_is_an_error_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.html");
    let n = 50_000;
    std::fs::write(
        &deep,
        format!(
            "<html><body><table><tr><th>Error code</th><th>Description</th><th>Solution</th></tr>\n<tr><td>1</td><td>{}deep{}</td><td>x</td></tr></table></body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        ),
    )
    .unwrap();
    let deep = deep.to_string_lossy().into_owned();
    let out = xtask(&["parse", &deep]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!("error: {deep}:2: HTML elements nested more than")),
        "{stderr}"
    );
}

/// Issue 23: a release that would ship a placeholder name (`Code31029`)
/// is refused, naming the code, the configuration and what to add, and
/// writes nothing; `--allow-placeholders` releases it with a warning.
#[test]
fn release_refuses_placeholder_names_unless_allowed() {
    use crate::paths::{stderr, workspace, xtask_in};
    let dir = workspace();
    let annotations = dir.path().join("docs/annotations.toml");
    let text = std::fs::read_to_string(&annotations).unwrap();
    let start = text.find("[codes.31029]").unwrap();
    let end = start + text[start..].find("\n[").unwrap() + 1;
    std::fs::write(&annotations, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let out = xtask_in(dir.path(), &["regen"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let cargo_toml = dir.path().join("crates/parley/Cargo.toml");
    let before = std::fs::read_to_string(&cargo_toml).unwrap();

    let out = xtask_in(dir.path(), &["release"]);
    let refusal = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{refusal}");
    for needed in [
        "docs/annotations.toml",
        "31029 (`Code31029`)",
        "[codes.\"31029\"]",
        "name = ",
        "category = ",
        "major release",
        "--allow-placeholders",
    ] {
        assert!(refusal.contains(needed), "{needed}: {refusal}");
    }
    assert_eq!(std::fs::read_to_string(&cargo_toml).unwrap(), before);
    assert!(!dir.path().join("docs/released/parley.json").exists());

    let out = xtask_in(dir.path(), &["release", "--allow-placeholders"]);
    let warned = stderr(&out);
    assert!(out.status.success(), "{warned}");
    assert!(
        warned.contains("warning: releasing 1 placeholder name(s)")
            && warned.contains("31029 (`Code31029`)")
            && warned.contains("major release"),
        "{warned}"
    );
    assert!(dir.path().join("docs/released/parley.json").exists());
}
