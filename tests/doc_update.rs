//! Simulated doc updates: regenerate a copy of the workspace from a changed
//! article, and check what users get (versions, deprecations, compiling code).

use std::fs;
use std::path::Path;
use std::process::Command;

use codegen::Bump;
use workspace_tests::{check, entry, regen_then_check, root, workspace_copy};
use xtask::regen::{Options, run};

fn edit_source(dir: &Path, edit: impl FnOnce(String) -> String) {
    let path = dir.join(entry().source);
    let text = fs::read_to_string(&path).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit must change the article");
    fs::write(path, edited).unwrap();
}

fn regen(dir: &Path) -> xtask::regen::Report {
    regen_then_check(dir, "regen is idempotent")
}

const BLOCKED_ROW: &str = "40064 |\nYour message was blocked due to messaging restrictions. |\nTikTok’s messaging rules may be preventing this message from being sent. Contact your TikTok rep to check what rule is blocking the delivery. |\n";

#[test]
fn reworded_text_is_a_patch() {
    let dir = workspace_copy();
    edit_source(dir.path(), |t| {
        t.replace(
            "Your requests are being throttled.",
            "Your requests are being throttled. Slow down.",
        )
    });
    let report = regen(dir.path());
    assert_eq!(
        (report.generated.bump, report.generated.version.as_str()),
        (Bump::Patch, "1.0.1")
    );
    assert_eq!(report.generated.changes.changed[0].fields, ["solution"]);
    let changelog = fs::read_to_string(dir.path().join(entry().changelog())).unwrap();
    assert!(
        changelog.contains("## 1.0.1")
            && changelog.contains("Changed `40100` (`RateLimited`): solution."),
        "{changelog}"
    );
    compiles_with_old_consumer(dir.path(), false);
}

#[test]
fn added_code_is_minor_and_warns_until_annotated() {
    let dir = workspace_copy();
    edit_source(dir.path(), |t| {
        format!("{t}\n40010 |\nA new error. |\nDo something. |")
    });
    let report = regen(dir.path());
    assert_eq!(
        (report.generated.bump, report.generated.version.as_str()),
        (Bump::Minor, "1.1.0")
    );
    assert!(
        report
            .generated
            .warnings
            .iter()
            .any(|w| w.contains("code 40010 has no annotation in docs/annotations.toml"))
    );
    assert!(
        report
            .generated
            .catalog
            .errors
            .iter()
            .any(|e| e.name == "Code40010")
    );
    compiles_with_old_consumer(dir.path(), false);
}

#[test]
fn removed_code_is_deprecated_and_returns_undeprecated() {
    let dir = workspace_copy();
    edit_source(dir.path(), |t| t.replace(BLOCKED_ROW, ""));
    let report = regen(dir.path());
    assert_eq!(
        (report.generated.bump, report.generated.version.as_str()),
        (Bump::Minor, "1.1.0")
    );
    let fixture = fs::read_to_string(dir.path().join(entry().fixture)).unwrap();
    assert!(
        fixture.contains("\"state\": \"removed\"") && fixture.contains("\"since\": \"1.1.0\""),
        "{fixture}"
    );
    let rust = fs::read_to_string(dir.path().join(entry().generated_rust())).unwrap();
    assert!(
        rust.contains("#[deprecated(\n        since = \"1.1.0\""),
        "{rust}"
    );
    compiles_with_old_consumer(dir.path(), true);

    fs::copy(root().join(entry().source), dir.path().join(entry().source)).unwrap();
    let report = regen(dir.path());
    assert_eq!(report.generated.changes.added.len(), 1, "the code returns");
    let rust = fs::read_to_string(dir.path().join(entry().generated_rust())).unwrap();
    assert!(
        !rust.contains("#[deprecated"),
        "a returning code is un-deprecated"
    );
    compiles_with_old_consumer(dir.path(), false);
}

/// Old downstream code still compiles; a removed code only warns.
fn compiles_with_old_consumer(dir: &Path, expect_deprecation: bool) {
    let crate_dir = dir.join(entry().crate_dir);
    // A bin, not an example: it needs no dev-dependencies, so it checks in a second.
    fs::create_dir_all(crate_dir.join("src/bin")).unwrap();
    fs::write(
        crate_dir.join("src/bin/old_consumer.rs"),
        "use tiktok_messaging_errors::ErrorCode;\nfn main() {\n    let code = ErrorCode::from_code(40064);\n    let blocked = matches!(code, ErrorCode::MessageBlocked);\n    match code {\n        ErrorCode::RateLimited | ErrorCode::SystemError => println!(\"retry\"),\n        ErrorCode::Unknown(u) => println!(\"unknown {}\", u.get()),\n        _ => println!(\"{blocked}\"),\n    }\n}\n",
    )
    .unwrap();
    // Its own target dir: cargo names path-crate artifacts by their path
    // relative to the crate, so copies checked in parallel would share them.
    let output = cargo(
        &crate_dir,
        &dir.join("target"),
        &[
            "check",
            "--offline",
            "--bin",
            "old_consumer",
            "--message-format",
            "short",
        ],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "old consumer code must still compile:\n{stderr}"
    );
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("warning:") && !l.contains("generated"))
        .collect();
    if expect_deprecation {
        assert!(
            stderr.contains("use of deprecated unit variant"),
            "{stderr}"
        );
        assert!(
            warnings.iter().all(|l| l.contains("deprecated")),
            "only deprecation warnings:\n{stderr}"
        );
    } else {
        assert!(warnings.is_empty(), "no warnings at all:\n{stderr}");
    }
}

/// Cargo on a regenerated crate copy.
fn cargo(crate_dir: &Path, target_dir: &Path, args: &[&str]) -> std::process::Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    Command::new(cargo)
        .args(args)
        .env("CARGO_TARGET_DIR", target_dir)
        .current_dir(crate_dir)
        .output()
        .unwrap()
}

#[test]
fn an_alphanumeric_code_works_end_to_end() {
    let dir = workspace_copy();
    edit_source(dir.path(), |t| {
        format!("{t}\nE1001 |\nAn alphanumeric error. |\nRetry later. |")
    });
    let annotations = dir.path().join(entry().annotations);
    let mut text = fs::read_to_string(&annotations).unwrap();
    text.push_str("\n[codes.E1001]\nname = \"AlphaFailure\"\ncategory = \"server\"\n");
    fs::write(&annotations, text).unwrap();
    let report = regen(dir.path());
    assert_eq!(report.generated.bump, Bump::Minor);
    let fixture = fs::read_to_string(dir.path().join(entry().fixture)).unwrap();
    assert!(fixture.contains("\"code\": \"E1001\""), "{fixture}");
    let markdown = fs::read_to_string(dir.path().join(entry().markdown)).unwrap();
    assert!(
        markdown.contains("| E1001 | An alphanumeric error. | Retry later. |"),
        "{markdown}"
    );

    let crate_dir = dir.path().join(entry().crate_dir);
    fs::create_dir_all(crate_dir.join("tests")).unwrap();
    fs::write(
        crate_dir.join("tests/alphanumeric.rs"),
        r#"use tiktok_messaging_errors::{Code, ErrorCode};

#[test]
fn alphanumeric_codes_have_a_home() {
    assert_eq!("E1001".parse::<ErrorCode>(), Ok(ErrorCode::AlphaFailure));
    assert_eq!(ErrorCode::try_parse("E1001"), Ok(ErrorCode::AlphaFailure));
    assert_eq!(ErrorCode::AlphaFailure.code(), Code::Alphanumeric("E1001"));
    assert_eq!(ErrorCode::AlphaFailure.code().to_string(), "E1001");
    assert!(u32::try_from(ErrorCode::AlphaFailure).is_err());
    assert!(ErrorCode::AlphaFailure.is_retryable() && ErrorCode::AlphaFailure.is_known());
    assert!(ErrorCode::AlphaFailure.to_string().starts_with("E1001 AlphaFailure: "));
    assert_eq!(ErrorCode::ALL.len(), 9);
    // Numeric codes keep their promised behaviour.
    assert_eq!(ErrorCode::from_code(40100), ErrorCode::RateLimited);
    assert_eq!(ErrorCode::RateLimited.code(), 40100);
    assert_eq!(ErrorCode::from_code(1001).code(), 1001);
    assert_eq!(serde_json::to_string(&ErrorCode::AlphaFailure).unwrap(), "\"E1001\"");
    assert_eq!(serde_json::from_str::<ErrorCode>("\"E1001\"").unwrap(), ErrorCode::AlphaFailure);
}
"#,
    )
    .unwrap();
    // The only test that builds dev-dependencies (serde_json): a target dir
    // under target/ keeps them between runs, and no other test shares it.
    let target = root().join("target/doc-update-alphanumeric");
    let output = cargo(
        &crate_dir,
        &target,
        &["test", "--offline", "--features", "serde"],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the regenerated crate must pass its tests:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("alphanumeric_codes_have_a_home ... ok"),
        "{stdout}"
    );
}

#[test]
fn regen_source_adopts_a_new_capture() {
    let dir = workspace_copy();
    let html = "docs/source/tiktok-business-messaging-errors.html";
    fs::copy(
        root().join("tests/fixtures/article-page.html"),
        dir.path().join(html),
    )
    .unwrap();
    let options = Options {
        source: Some(html.into()),
        ..Options::default()
    };
    let report = run(dir.path(), &options).unwrap();
    assert!(
        report.stale().contains(&"docs/sources.toml"),
        "{:?}",
        report.stale()
    );
    assert_eq!(
        report.generated.bump,
        Bump::None,
        "same codes, same text: no release"
    );
    let manifest = fs::read_to_string(dir.path().join("docs/sources.toml")).unwrap();
    assert!(
        manifest.contains(&format!("source = \"{html}\"")),
        "{manifest}"
    );
    let check = check(dir.path());
    assert!(
        check.stale().is_empty(),
        "a plain check reads the adopted source: {:?}",
        check.stale()
    );
}
