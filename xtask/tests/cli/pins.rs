//! The column flags of `parse` and `add` (`--code-column` and the others):
//! a header text or a 1-based position, winning over the configuration, and
//! kept by `add` in the new configuration.

use std::fs;
use std::path::Path;

use crate::paths::{stderr, workspace, xtask_in};

fn article(name: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    root.join("tests/articles/columns")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn parse_takes_pins_by_position_and_by_header() {
    let dir = workspace();
    let wrong = article("wrong-header.md");
    // Unpinned, the columns are guessed, and the warning says how to pin them.
    let out = xtask_in(dir.path(), &["parse", &wrong]);
    assert_eq!(
        json(&out)["errors"][0]["description"],
        "Something failed that we did not foresee."
    );
    assert!(
        stderr(&out).contains("chosen by their content")
            && stderr(&out).contains("--code-column 1 --description-column 2 --solution-column 3"),
        "{}",
        stderr(&out)
    );
    // Pinned: the third column is the description, the second the solution.
    let out = xtask_in(
        dir.path(),
        &[
            "parse",
            &wrong,
            "--code-column",
            "1",
            "--description-column",
            "Notes",
            "--solution-column",
            "2",
        ],
    );
    let model = json(&out);
    assert_eq!(
        model["errors"][0]["description"],
        "Write to support with the trace id."
    );
    assert_eq!(
        model["errors"][0]["solution"],
        "Something failed that we did not foresee."
    );
    assert!(!stderr(&out).contains("chosen by"), "{}", stderr(&out));
}

#[test]
fn a_flag_wins_over_the_configuration() {
    let dir = workspace();
    let annotations = dir.path().join("docs/annotations.toml");
    let text = fs::read_to_string(&annotations).unwrap();
    fs::write(
        &annotations,
        format!("{text}\n[columns]\ndescription = 3\n"),
    )
    .unwrap();
    let wrong = article("wrong-header.md");
    let out = xtask_in(dir.path(), &["parse", &wrong, "--code-column", "1"]);
    assert_eq!(
        json(&out)["errors"][2]["description"],
        "Make sure the address is reachable from outside."
    );
    let out = xtask_in(
        dir.path(),
        &[
            "parse",
            &wrong,
            "--code-column",
            "1",
            "--description-column",
            "2",
        ],
    );
    assert_eq!(
        json(&out)["errors"][2]["description"],
        "The webhook address did not answer."
    );
}

#[test]
fn bad_pins_and_unreadable_tables_say_what_would_work() {
    let dir = workspace();
    let headerless = article("skiff-no-header.tsv");
    let out = xtask_in(dir.path(), &["parse", &headerless, "--code-column", "0"]);
    assert_eq!(out.status.code(), Some(2), "clap refuses the value");
    assert!(
        stderr(&out).contains("1-based position"),
        "{}",
        stderr(&out)
    );
    let out = xtask_in(
        dir.path(),
        &["parse", &headerless, "--description-column", "7"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no column 7: the table has 3 (pinned as the description")
            && stderr(&out)
                .contains("to read it, pin its columns: --code-column 1 --description-column 2"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn add_keeps_the_pins_it_was_given_for_regen() {
    let dir = workspace();
    let out = xtask_in(
        dir.path(),
        &[
            "add",
            "dory-api",
            "--source",
            &article("wrong-header.md"),
            "--code-column",
            "1",
            "--description-column",
            "Notes",
            "--solution-column",
            "2",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let config = fs::read_to_string(dir.path().join("docs/dory-api.toml")).unwrap();
    assert!(
        config.contains("\n[columns]\ncode = 1\ndescription = \"Notes\"\nsolution = 2\n"),
        "{config}"
    );
    let fixture = fs::read_to_string(dir.path().join("tests/fixtures/dory-api.json")).unwrap();
    let fixture: serde_json::Value = serde_json::from_str(&fixture).unwrap();
    assert_eq!(
        fixture["errors"][0]["description"],
        "Write to support with the trace id."
    );
    // Regen reads the table as add did: nothing is stale.
    let out = xtask_in(dir.path(), &["regen", "--check", "--article", "dory-api"]);
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
    // Unpinned, add says what it guessed.
    let out = xtask_in(
        dir.path(),
        &[
            "add",
            "skiff-api",
            "--source",
            &article("skiff-no-header.tsv"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("warning:") && stderr(&out).contains("has no header row"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn parse_takes_the_key_and_add_keeps_the_key_it_read_with() {
    let dir = workspace();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let statuses = root.join("tests/articles/keys/relay-statuses.md");
    let statuses = statuses.to_str().unwrap();
    // Unpinned, a status listed with several messages is keyed by its
    // message, a guess the warning names with its flag.
    let out = xtask_in(dir.path(), &["parse", statuses]);
    let guessed = json(&out);
    assert!(
        stderr(&out).contains("key = \"code_message\""),
        "{}",
        stderr(&out)
    );
    // `--key code` says each code is one entry: the repeats are refused.
    let out = xtask_in(dir.path(), &["parse", statuses, "--key", "code"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("appears twice"), "{}", stderr(&out));
    let out = xtask_in(dir.path(), &["parse", statuses, "--key", "message"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("code_message"), "{}", stderr(&out));
    // `add` writes the key it read with, so regen reads the same entries
    // and has no guess left to warn of.
    let out = xtask_in(dir.path(), &["add", "relay-errors", "--source", statuses]);
    assert!(out.status.success(), "{}", stderr(&out));
    let config = fs::read_to_string(dir.path().join("docs/relay-errors.toml")).unwrap();
    assert!(
        config.contains("[columns]\nkey = \"code_message\"\n"),
        "{config}"
    );
    let out = xtask_in(
        dir.path(),
        &["parse", statuses, "--article", "relay-errors"],
    );
    assert_eq!(json(&out)["errors"], guessed["errors"]);
    assert!(!stderr(&out).contains("a guess"), "{}", stderr(&out));
}
