//! The committed outputs must be what regen makes from the committed inputs.
//! The only test that reads the live capture, and it asserts nothing about
//! what the article says: the outputs are reviewed in the pull request diff.

use workspace_tests::root;
use xtask::regen::{FileState, Options, run_all};

/// rust-analyzer style: an ordinary `cargo test` catches stale outputs, for
/// every article in the manifest. Outside CI it also rewrites them (then
/// fails, so the change is reviewed).
#[test]
fn committed_outputs_are_up_to_date() {
    let check = Options {
        check: true,
        ..Options::default()
    };
    let reports = run_all(&root(), &check).unwrap_or_else(|e| panic!("regen --check fails: {e}"));
    let stale: Vec<&str> = reports.iter().flat_map(|r| r.stale()).collect();
    if stale.is_empty() {
        return;
    }
    let diffs: String = reports
        .iter()
        .flat_map(|r| &r.files)
        .filter_map(|(_, s)| match s {
            FileState::Changed { diff } => Some(diff.as_str()),
            FileState::Unchanged => None,
        })
        .collect();
    if std::env::var_os("CI").is_none() {
        run_all(&root(), &Options::default()).expect("regen rewrites the outputs");
        panic!(
            "{stale:?} were not up to date and have been regenerated: review the change (git diff) and commit\n{diffs}"
        );
    }
    panic!(
        "{stale:?} are not up to date with their source: run `cargo xtask regen`, review the change (git diff), and commit\n{diffs}"
    );
}
