//! The committed outputs must be what regen makes from the committed inputs.
//! The only test that reads the live capture, and it asserts nothing about
//! what the article says: the outputs are reviewed in the pull request diff.

use workspace_tests::{check, root};
use xtask::regen::{FileState, Options, run};

/// rust-analyzer style: an ordinary `cargo test` catches stale outputs.
/// Outside CI it also rewrites them (then fails, so the change is reviewed).
#[test]
fn committed_outputs_are_up_to_date() {
    let report = check(&root());
    let stale = report.stale();
    if stale.is_empty() {
        return;
    }
    let diffs: String = report
        .files
        .iter()
        .filter_map(|(_, s)| match s {
            FileState::Changed { diff } => Some(diff.as_str()),
            FileState::Unchanged => None,
        })
        .collect();
    if std::env::var_os("CI").is_none() {
        run(&root(), &Options::default()).expect("regen rewrites the outputs");
        panic!(
            "{stale:?} were not up to date and have been regenerated: review the change (git diff) and commit\n{diffs}"
        );
    }
    panic!(
        "{stale:?} are not up to date with their source: run `cargo xtask regen`, review the change (git diff), and commit\n{diffs}"
    );
}
