//! How paths are resolved (issue 11, item 3): every path argument is relative
//! to the current directory, recorded workspace-relative and normalised, and
//! nothing outside the workspace is read as a source or written.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn repo(relative: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    fs::read_to_string(root.join(relative)).unwrap()
}

const MANIFEST: &str = "[[article]]\nname = \"parley\"\ntitle = \"Parley\"\nurl = \"http://127.0.0.1:9/\"\nsource = \"docs/source/parley.txt\"\nannotations = \"docs/annotations.toml\"\nfixture = \"tests/fixtures/parley.json\"\nreleased = \"docs/released/parley.json\"\nmarkdown = \"docs/parley.md\"\ncrate_dir = \"crates/parley\"\ncrate_name = \"parley\"\ntype_name = \"ErrorCode\"\n";

/// A workspace of the test article with nothing released yet.
pub(crate) fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |relative: &str, text: &str| {
        let path = dir.path().join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    };
    write("Cargo.toml", "[workspace]\nmembers = [\"crates/parley\"]\n");
    write("docs/sources.toml", MANIFEST);
    write("docs/source/parley.txt", &repo("tests/articles/parley.txt"));
    write("docs/source/new.txt", &repo("tests/articles/parley.txt"));
    write(
        "docs/annotations.toml",
        &repo("tests/articles/annotations.toml"),
    );
    write(
        "crates/parley/Cargo.toml",
        "[package]\nname = \"parley\"\nversion = \"1.0.0\"\n",
    );
    dir
}

/// The binary run from `cwd`, finding its workspace from there.
pub(crate) fn xtask_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(cwd)
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap()
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn source_is_relative_to_the_current_directory_and_recorded_normalised() {
    let dir = workspace();
    let docs = dir.path().join("docs");
    let out = xtask_in(&docs, &["regen", "--source", "./source/../source/new.txt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let manifest = fs::read_to_string(docs.join("sources.toml")).unwrap();
    assert!(
        manifest.contains("source = \"docs/source/new.txt\""),
        "{manifest}"
    );
    let fixture = fs::read_to_string(dir.path().join("tests/fixtures/parley.json")).unwrap();
    assert!(
        fixture.contains("\"path\": \"docs/source/new.txt\""),
        "{fixture}"
    );
    // An absolute path inside the workspace is recorded relative, too.
    let absolute = dir.path().join("docs/source/parley.txt");
    let out = xtask_in(
        dir.path(),
        &["regen", "--source", &absolute.to_string_lossy()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let manifest = fs::read_to_string(docs.join("sources.toml")).unwrap();
    assert!(
        manifest.contains("source = \"docs/source/parley.txt\""),
        "{manifest}"
    );
    assert!(
        !manifest.contains(&*dir.path().to_string_lossy()),
        "{manifest}"
    );
}

#[test]
fn paths_outside_the_workspace_or_with_control_characters_are_refused() {
    let dir = workspace();
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("a.txt"),
        repo("tests/articles/parley.txt"),
    )
    .unwrap();
    let before = fs::read_to_string(dir.path().join("docs/sources.toml")).unwrap();
    let escapes = outside.path().join("a.txt").to_string_lossy().into_owned();
    for source in [
        escapes.as_str(),
        "../../../a.txt",
        "docs/source/x\n//! injected.txt",
    ] {
        let out = xtask_in(dir.path(), &["regen", "--source", source]);
        assert_eq!(out.status.code(), Some(1), "{source:?}: {}", stderr(&out));
        let message = stderr(&out);
        assert!(
            message.contains("outside the workspace") || message.contains("control character"),
            "{source:?}: {message}"
        );
        assert!(
            !message.contains('\n') || message.lines().count() == 1,
            "{message:?}"
        );
    }
    let out = xtask_in(dir.path(), &["fetch", "--output", "../stolen.html"]);
    assert!(
        stderr(&out).contains("outside the workspace"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("docs/sources.toml")).unwrap(),
        before
    );
    assert!(
        !dir.path().join("docs/parley.md").exists(),
        "nothing was generated"
    );
}

#[test]
fn a_manifest_pointing_outside_the_workspace_is_refused_before_anything_is_read() {
    let dir = workspace();
    // Unique beside the workspace, so no other run's file is mistaken for ours.
    let escaped = format!(
        "{}-escaped.md",
        dir.path().file_name().unwrap().to_string_lossy()
    );
    let manifest = MANIFEST.replace("docs/parley.md", &format!("../{escaped}"));
    fs::write(dir.path().join("docs/sources.toml"), manifest).unwrap();
    for args in [&["regen"][..], &["regen", "--check"]] {
        let out = xtask_in(dir.path(), args);
        let message = stderr(&out);
        assert!(
            message.contains(&format!(
                "docs/sources.toml: article parley: markdown \"../{escaped}\""
            )),
            "{message}"
        );
        assert!(out.status.code().is_some_and(|c| c != 0));
    }
    assert!(!dir.path().parent().unwrap().join(&escaped).exists());
}
