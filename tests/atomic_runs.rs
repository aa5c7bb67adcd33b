//! A run is all or nothing, even when killed, when a rename fails, when two
//! run at once, or when something is planted where it writes (issue 11,
//! item 5). "Real processes": the test binary runs itself as the child that
//! regenerates (`child_regen`), so a kill or a race is the operating system's.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use workspace_tests::{
    ARTICLE, article, article_workspace, check, model, pipe_article, test_entry,
};

/// The child's name as the test binary's harness knows it (module path).
const CHILD_TEST: &str = "atomic_runs::child_regen";

/// Runs only as a child of the tests below: regen on `CHILD_ROOT`.
#[test]
#[ignore = "a child process of the other tests"]
fn child_regen() {
    let Some(root) = std::env::var_os("CHILD_ROOT") else {
        return;
    };
    let options = xtask::regen::Options {
        source: std::env::var("CHILD_SOURCE").ok(),
        ..Default::default()
    };
    xtask::regen::run(Path::new(&root), &options).expect("the child's regen");
}

fn child(root: &Path, env: &[(&str, &str)]) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([
            "--exact",
            CHILD_TEST,
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CHILD_ROOT", root)
        .env("RUST_BACKTRACE", "0")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

fn run_child(root: &Path, env: &[(&str, &str)]) -> Output {
    child(root, env).output().unwrap()
}

/// The test article with every row's text changed: every output changes.
fn reword_all(dir: &Path, file: &str) {
    let mut rows = model(ARTICLE, &article(ARTICLE)).unwrap().errors;
    for row in &mut rows {
        row.description.push_str(" Now reworded.");
    }
    fs::write(dir.join(file), pipe_article(&rows)).unwrap();
}

fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let entry = test_entry();
    [
        entry.generated_rust(),
        entry.fixture.clone(),
        entry.markdown.clone(),
        entry.changelog(),
        entry.crate_readme(),
        "docs/sources.toml".to_owned(),
    ]
    .into_iter()
    .map(|path| {
        let bytes = fs::read(dir.join(&path)).unwrap();
        (path, bytes)
    })
    .collect()
}

#[test]
fn a_run_killed_between_renames_is_finished_by_the_next() {
    let dir = article_workspace();
    // Adopting a new capture rewrites the manifest too: the file whose
    // staying old used to make the next run regenerate from the old capture.
    reword_all(dir.path(), "docs/source/parley-v2.txt");
    let out = child(dir.path(), &[("XTASK_TEST_ABORT_AFTER_RENAMES", "2")])
        .env("CHILD_SOURCE", "docs/source/parley-v2.txt")
        .output()
        .unwrap();
    assert!(!out.status.success(), "the child was killed mid-run");
    // The next run, of any kind, first finishes the interrupted one.
    let report = check(dir.path());
    assert!(report.stale().is_empty(), "{:?}", report.stale());
    let manifest = fs::read_to_string(dir.path().join("docs/sources.toml")).unwrap();
    assert!(manifest.contains("docs/source/parley-v2.txt"), "{manifest}");
    let fixture = fs::read_to_string(dir.path().join(test_entry().fixture)).unwrap();
    assert!(fixture.contains("Now reworded."));
    assert!(!dir.path().join(".xtask-staging").exists());
}

#[test]
fn a_failed_rename_puts_back_what_was_replaced() {
    let dir = article_workspace();
    let before = outputs(dir.path());
    reword_all(dir.path(), &test_entry().source);
    let out = run_child(dir.path(), &[("XTASK_TEST_FAIL_RENAME_AT", "3")]);
    assert!(!out.status.success(), "the injected failure fails the run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("were put back"), "{stderr}");
    assert_eq!(outputs(dir.path()), before, "every output as it was");
    let leftovers: Vec<_> = walk(dir.path())
        .into_iter()
        .filter(|p| p.contains("regen-tmp") || p.contains(".xtask-staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn walk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        found.push(path.to_string_lossy().into_owned());
        if path.is_dir() && !path.is_symlink() {
            found.extend(walk(&path));
        }
    }
    found
}

#[test]
fn two_runs_at_once_take_turns() {
    let dir = article_workspace();
    reword_all(dir.path(), &test_entry().source);
    // Both wait a moment before renaming, so they overlap for certain.
    let env = [("XTASK_TEST_PAUSE_BEFORE_RENAMES_MS", "400")];
    let first = child(dir.path(), &env).spawn().unwrap();
    let second = child(dir.path(), &env).spawn().unwrap();
    let (first, second) = (
        first.wait_with_output().unwrap(),
        second.wait_with_output().unwrap(),
    );
    for out in [&first, &second] {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let waited = [&first, &second]
        .iter()
        .filter(|o| {
            String::from_utf8_lossy(&o.stderr).contains("waiting for another cargo xtask run")
        })
        .count();
    assert_eq!(waited, 1, "one run waited for the other");
    let report = check(dir.path());
    assert!(report.stale().is_empty(), "{:?}", report.stale());
    let generated = fs::read(dir.path().join(test_entry().generated_rust())).unwrap();
    assert!(!generated.is_empty());
}

#[cfg(unix)]
#[test]
fn nothing_planted_in_the_workspace_is_written_through_and_modes_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = article_workspace();
    let entry = test_entry();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim");
    fs::write(&victim, "untouched").unwrap();
    // Where the old writer put its temporary files, and where staging goes.
    for output in [entry.generated_rust(), entry.fixture.clone()] {
        let target = dir.path().join(&output);
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        std::os::unix::fs::symlink(&victim, target.with_file_name(format!(".{name}.regen-tmp")))
            .unwrap();
    }
    std::os::unix::fs::symlink(outside.path(), dir.path().join(".xtask-staging")).unwrap();
    let generated = dir.path().join(entry.generated_rust());
    fs::set_permissions(&generated, fs::Permissions::from_mode(0o640)).unwrap();
    reword_all(dir.path(), &entry.source);
    xtask::regen::run(dir.path(), &Default::default()).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "untouched");
    assert!(
        outside.path().join("victim").exists(),
        "the planted directory is not emptied"
    );
    let mode = fs::metadata(&generated).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the replaced file keeps its mode");
    assert!(
        fs::read_to_string(&generated)
            .unwrap()
            .contains("Now reworded")
    );
}
