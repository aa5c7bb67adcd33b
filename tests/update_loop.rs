//! The maintainer's loop, for real. In a copy of this workspace, replace the
//! captured article with an updated one, run `cargo xtask regen`, then the
//! README's test command under `CI=true`: every kind of legitimate update
//! must end green with no test edited (and no snapshot to accept).
//!
//! The updated articles are written from the live article's own model in the
//! copied `|` form, so nothing here quotes the article and this holds
//! whatever it says. The copy lives at a fixed path under `target/` and is
//! synced by content, so later runs rebuild only what changed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use codegen::model::ErrorEntry;
use workspace_tests::{UPDATES, check, pipe_article, root};

/// Set for the inner run, which must not start the loop again.
const NESTED: &str = "UPDATE_LOOP_NESTED";

/// The README's test command (kept in step with README.md by a test below).
const TEST_COMMAND: &[&str] = &["test", "--workspace", "--all-features"];

/// What an article change can break, for every kind of update, without a
/// nested build: in a copy of this workspace (its inputs and outputs), regen
/// takes the updated capture and leaves nothing stale. The nested build and
/// test run of each kind is [`every_kind_of_doc_update_ends_green`], in CI.
#[test]
fn every_kind_of_doc_update_regenerates_this_workspace() {
    let root = root();
    let entry = xtask::manifest(&root).unwrap().articles.remove(0);
    let rows: Vec<ErrorEntry> = check(&root).generated.catalog.listed().cloned().collect();
    assert!(rows.len() >= 2, "the loop needs two codes to edit");
    for &(name, edit) in UPDATES {
        let copy = tempfile::tempdir().unwrap();
        sync(&root, copy.path());
        let mut updated = rows.clone();
        edit(&mut updated);
        let source = format!("{}.updated.txt", entry.source);
        fs::write(copy.path().join(&source), pipe_article(&updated)).unwrap();
        let options = xtask::regen::Options {
            source: Some(source.clone()),
            ..Default::default()
        };
        let report = workspace_tests::regen_with_then_check(copy.path(), &options, name);
        assert!(
            !report.stale().is_empty(),
            "{name}: the update changed no output"
        );
    }
}

#[test]
#[ignore = "a nested build and test run of the whole workspace per kind of update: .ci/run runs it with --ignored"]
fn every_kind_of_doc_update_ends_green() {
    if std::env::var_os(NESTED).is_some() {
        return; // the inner run of this very loop
    }
    let root = root();
    let entry = xtask::manifest(&root).unwrap().articles.remove(0);
    let live = check(&root).generated.catalog;
    let rows: Vec<ErrorEntry> = live.listed().cloned().collect();
    assert!(rows.len() >= 2, "the loop needs two codes to edit");
    let copy = root.join("target/update-loop/workspace");
    let target = root.join("target/update-loop/target");
    for &(name, edit) in UPDATES {
        sync(&root, &copy);
        let mut updated = rows.clone();
        edit(&mut updated);
        // Replace the capture; a capture that is not copied text gets a
        // sibling `.txt` that regen adopts, as a maintainer would.
        let mut regen = vec!["xtask", "regen"];
        let source = if entry.source.ends_with(".txt") {
            entry.source.clone()
        } else {
            format!("{}.updated.txt", entry.source)
        };
        if source != entry.source {
            regen.extend(["--source", source.as_str()]);
        }
        fs::write(copy.join(&source), pipe_article(&updated)).unwrap();

        let out = cargo(&copy, &target, &regen);
        assert_success(name, "cargo xtask regen", &out);
        let out = cargo(&copy, &target, TEST_COMMAND);
        assert_success(name, "the README's test command", &out);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("committed_outputs_are_up_to_date ... ok"),
            "{name}: the inner run checks staleness:\n{stdout}"
        );
    }
}

/// Two checkouts building into one target dir (a global `build.target-dir`,
/// git worktrees) each check their own tree, even when one's files are older
/// than the binary the other built (issue 11, item 2: the root was compiled
/// in, and `regen --check` reported the other checkout clean).
#[test]
#[ignore = "two nested builds of xtask: .ci/run runs it with --ignored"]
fn two_checkouts_sharing_a_target_dir_each_check_their_own_tree() {
    if std::env::var_os(NESTED).is_some() {
        return;
    }
    let root = root();
    let (a, b) = (
        root.join("target/update-loop/checkout-a"),
        root.join("target/update-loop/checkout-b"),
    );
    let shared = root.join("target/update-loop/target");
    sync(&root, &a);
    sync(&root, &b);
    let regen_check = ["xtask", "regen", "--check"];
    let out = cargo(&a, &shared, &regen_check);
    assert_success("checkout A", "cargo xtask regen --check", &out);
    // B's capture changes, and every file of B looks older than A's binary.
    let entry = xtask::manifest(&b).unwrap().articles.remove(0);
    let mut rows: Vec<ErrorEntry> = check(&b).generated.catalog.listed().cloned().collect();
    workspace_tests::reword(&mut rows);
    let source = format!("{}.updated.txt", entry.source);
    fs::write(b.join(&source), pipe_article(&rows)).unwrap();
    let mut manifest = fs::read_to_string(b.join("docs/sources.toml")).unwrap();
    manifest = manifest.replace(
        &format!("source = \"{}\"", entry.source),
        &format!("source = \"{source}\""),
    );
    fs::write(b.join("docs/sources.toml"), manifest).unwrap();
    let long_ago =
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    for relative in files(&b) {
        let file = fs::File::options()
            .write(true)
            .open(b.join(relative))
            .unwrap();
        file.set_modified(long_ago).unwrap();
    }
    let out = cargo(&b, &shared, &regen_check);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "B is stale:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(&entry.generated_rust()), "{stdout}");
    // A is untouched and still clean.
    let out = cargo(&a, &shared, &regen_check);
    assert_success("checkout A again", "cargo xtask regen --check", &out);
}

#[test]
fn the_loop_runs_the_readme_test_command() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let command = format!("cargo {}", TEST_COMMAND.join(" "));
    assert!(readme.contains(&command), "README.md must show `{command}`");
}

fn assert_success(name: &str, what: &str, out: &Output) {
    assert!(
        out.status.success(),
        "{name}: {what} failed after the update:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Cargo in the copy, as a maintainer runs it, under CI=true; insta never
/// writes, and the inner run knows not to start this loop again.
fn cargo(dir: &Path, target: &Path, args: &[&str]) -> Output {
    workspace_tests::cargo(dir, target)
        .args(args)
        .env("CI", "true")
        .env("INSTA_UPDATE", "no")
        .env(NESTED, "1")
        .output()
        .unwrap()
}

/// Makes `copy` hold exactly the workspace's files (but `target/` and
/// `.git/`), rewriting only files whose bytes differ so cargo's mtime-based
/// freshness rebuilds only what an update changed.
fn sync(from: &Path, copy: &Path) {
    let wanted = files(from);
    for relative in files(copy) {
        if !wanted.contains(&relative) {
            fs::remove_file(copy.join(&relative)).unwrap();
        }
    }
    for relative in &wanted {
        let bytes = fs::read(from.join(relative)).unwrap();
        let target = copy.join(relative);
        if fs::read(&target).ok().as_deref() != Some(bytes.as_slice()) {
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::write(&target, bytes).unwrap();
        }
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let Ok(items) = fs::read_dir(dir.join(&relative)) else {
            continue;
        };
        for item in items {
            let item = item.unwrap();
            let path = relative.join(item.file_name());
            if path == Path::new("target") || path == Path::new(".git") {
                continue;
            }
            if item.file_type().unwrap().is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
