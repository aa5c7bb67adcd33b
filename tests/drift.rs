//! The committed outputs must be what regen makes from the committed source,
//! and every output is snapshot-reviewed.

use workspace_tests::{captured_article, check, entry, model, root};
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
            "{stale:?} were not up to date and have been regenerated: review the change (`cargo insta review`) and commit\n{diffs}"
        );
    }
    panic!(
        "{stale:?} are not up to date with their source: run `cargo xtask regen`, review with `cargo insta review`, and commit\n{diffs}"
    );
}

#[test]
fn model_of_the_captured_article() {
    let catalog = model(&entry().source, &captured_article()).unwrap();
    insta::assert_json_snapshot!("model", catalog);
}

#[test]
fn emitted_outputs() {
    let report = check(&root());
    for output in &report.generated.outputs {
        let name = output.path.replace('/', "__");
        insta::assert_snapshot!(name, output.contents);
    }
}

#[test]
fn parse_prints_the_exact_text() {
    let catalog = model(&entry().source, &captured_article()).unwrap();
    let codes: Vec<String> = catalog.errors.iter().map(|e| e.code.to_string()).collect();
    assert_eq!(
        codes,
        [
            "40001", "40002", "40007", "40100", "40105", "40908", "40064", "51065"
        ]
    );
    let first = &catalog.errors[0];
    assert_eq!(
        first.description,
        "You don’t have permission to perform this action."
    );
    assert_eq!(
        first.solution,
        "Check if your account has the right permissions for the API call you’re making. Contact your TikTok account admin if needed."
    );
    assert_eq!(
        catalog.errors[1].solution,
        "Check the API documentation and ensure all required fields are included and correctly formatted. Common issues:"
    );
}
