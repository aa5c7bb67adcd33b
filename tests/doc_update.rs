//! Simulated doc updates on the test article's own workspace: for every kind
//! of legitimate update, what users get. The change report (reviewed as a
//! snapshot), `## Unreleased` with its semver class, a version that moves
//! only at release, dated deprecations, and old downstream code that still
//! compiles.

use std::fs;
use std::path::Path;

use codegen::Bump;
use codegen::model::{Code, ErrorEntry};
use codegen::release::Placeholders::{Allow, Refuse};
use workspace_tests::{
    ARTICLE, Edit, UPDATES, add, all_at_once, article, article_workspace, check, model,
    pipe_article, regen_then_check, remove, root, test_entry, tree,
};

fn rows() -> Vec<ErrorEntry> {
    model(ARTICLE, &article(ARTICLE)).unwrap().errors
}

/// Every kind of update, and the release it calls for.
fn bump_of(name: &str) -> Bump {
    match name {
        "reworded" => Bump::Patch,
        "reordered" => Bump::None,
        _ => Bump::Minor,
    }
}

/// Applies `edit` to the test article in `dir`, then regenerates and checks.
fn update(dir: &Path, edit: Edit, what: &str) -> xtask::regen::Report {
    let mut updated = rows();
    edit(&mut updated);
    write_source(dir, &updated);
    regen_then_check(dir, what)
}

/// Puts the test article back as it was, then regenerates and checks.
fn restore(dir: &Path, what: &str) -> xtask::regen::Report {
    fs::write(dir.join(test_entry().source), article(ARTICLE)).unwrap();
    regen_then_check(dir, what)
}

/// Codes the old consumer's code names.
const USED_BY_OLD_CONSUMER: [u32; 3] = [31001, 31029, 39000];

fn write_source(dir: &Path, rows: &[ErrorEntry]) {
    fs::write(dir.join(test_entry().source), pipe_article(rows)).unwrap();
}

fn read(dir: &Path, relative: &str) -> String {
    fs::read_to_string(dir.join(relative)).unwrap()
}

fn version(dir: &Path) -> String {
    codegen::release::current_version("Cargo.toml", &read(dir, &test_entry().crate_manifest()))
        .unwrap()
}

#[test]
fn every_kind_of_update_regenerates_then_releases() {
    for &(name, edit) in UPDATES {
        let bump = bump_of(name);
        let dir = article_workspace();
        let entry = test_entry();
        let released = model(ARTICLE, &article(ARTICLE)).unwrap();
        let mut updated = rows();
        edit(&mut updated);
        write_source(dir.path(), &updated);

        let report = regen_then_check(dir.path(), name);
        let generated = &report.generated;
        assert_eq!(generated.bump, bump, "{name}");
        assert_eq!(
            version(dir.path()),
            "1.0.0",
            "{name}: regen never moves the version"
        );
        let changelog = read(dir.path(), &entry.changelog());
        let unreleased = changelog
            .split("\n## ")
            .find(|s| s.starts_with("Unreleased"))
            .map(|s| format!("## {}", s.trim_end()));
        assert_eq!(
            unreleased.is_some(),
            bump != Bump::None,
            "{name}: {changelog}"
        );
        let change_report = format!(
            "{}semver: {bump}\n\n{}",
            xtask::diff::human(
                &generated.changes,
                Some(&released),
                &generated.catalog,
                false
            ),
            unreleased.unwrap_or_else(|| "(no unreleased changes)".into())
        );
        insta::assert_snapshot!(format!("update_{name}"), change_report);
        let removes_used_variant = USED_BY_OLD_CONSUMER.iter().any(|c| {
            updated
                .iter()
                .all(|r| r.code != Code::Numeric(i64::from(*c)))
        });
        compiles_with_old_consumer(dir.path(), removes_used_variant);

        let placeholders: Vec<String> = generated
            .catalog
            .errors
            .iter()
            .filter(|e| codegen::names::is_placeholder(&e.key(), &e.name))
            .map(|e| format!("{} (`{}`)", e.key(), e.name))
            .collect();
        if bump != Bump::None && !placeholders.is_empty() {
            let before = tree(dir.path());
            let refusal = xtask::release::run(dir.path(), None, Refuse).unwrap_err();
            for needed in placeholders
                .iter()
                .map(String::as_str)
                .chain([entry.annotations.as_str(), "--allow-placeholders"])
            {
                assert!(refusal.contains(needed), "{name}: {needed}: {refusal}");
            }
            assert!(
                tree(dir.path()) == before,
                "{name}: a refusal writes nothing"
            );
        }
        let release = xtask::release::run(dir.path(), None, Allow);
        if bump == Bump::None {
            let error = release.unwrap_err();
            assert!(error.contains("nothing to release"), "{name}: {error}");
            continue;
        }
        let release = release.unwrap_or_else(|e| panic!("{name}: release fails: {e}"));
        assert_eq!(
            release.warnings.iter().any(|w| w.contains("placeholder")),
            !placeholders.is_empty(),
            "{name}: {:?}",
            release.warnings
        );
        let expected = codegen::release::next_version("1.0.0", bump);
        assert_eq!(
            (release.bump, release.version.as_str()),
            (bump, expected.as_str()),
            "{name}"
        );
        assert_eq!(version(dir.path()), expected, "{name}");
        let changelog = read(dir.path(), &entry.changelog());
        assert!(
            !changelog.contains("## Unreleased") && changelog.contains(&format!("## {expected}\n")),
            "{name}: {changelog}"
        );
        let rust = read(dir.path(), &entry.generated_rust());
        assert_eq!(
            rust.contains(&format!("since = \"{expected}\"")),
            !generated.changes.removed.is_empty(),
            "{name}: deprecations are dated with the release that ships them"
        );
        assert_eq!(
            read(dir.path(), &entry.released),
            read(dir.path(), &entry.fixture)
        );
        assert!(
            check(dir.path()).stale().is_empty(),
            "{name}: fresh after release"
        );
    }
}

#[test]
fn edit_then_undo_leaves_the_tree_byte_identical() {
    let dir = article_workspace();
    let before = tree(dir.path());
    update(dir.path(), all_at_once, "edited");
    assert_ne!(tree(dir.path()), before);
    restore(dir.path(), "undone");
    assert!(
        tree(dir.path()) == before,
        "edit, regen, undo, regen must leave no trace"
    );
}

#[test]
fn a_released_deprecation_is_lifted_when_the_code_returns() {
    let dir = article_workspace();
    let entry = test_entry();
    update(dir.path(), remove, "removed");
    xtask::release::run(dir.path(), None, Refuse).unwrap();
    assert!(read(dir.path(), &entry.generated_rust()).contains("#[deprecated("));

    let report = restore(dir.path(), "returned");
    assert_eq!(report.generated.changes.added, [rows()[0].key()]);
    assert!(!read(dir.path(), &entry.generated_rust()).contains("#[deprecated"));
    compiles_with_old_consumer(dir.path(), false);
}

#[test]
fn a_code_added_and_dropped_before_any_release_just_goes() {
    let dir = article_workspace();
    let before = tree(dir.path());
    update(dir.path(), add, "added");
    restore(dir.path(), "dropped");
    assert!(
        tree(dir.path()) == before,
        "a never-released code leaves no deprecated variant"
    );
}

#[test]
fn a_missing_baseline_with_releases_in_the_changelog_is_refused() {
    let dir = article_workspace();
    let entry = test_entry();
    fs::remove_file(dir.path().join(&entry.released)).unwrap();
    let error = xtask::regen::run(dir.path(), &Default::default()).unwrap_err();
    assert!(
        error.contains("the release baseline is missing") && error.contains(&entry.released),
        "{error}"
    );
}

/// Old downstream code still compiles; a removed code only warns.
fn compiles_with_old_consumer(dir: &Path, expect_deprecation: bool) {
    let crate_dir = dir.join(test_entry().crate_dir);
    // A bin, not an example: it needs no dev-dependencies, so it checks in a second.
    fs::create_dir_all(crate_dir.join("src/bin")).unwrap();
    fs::write(
        crate_dir.join("src/bin/old_consumer.rs"),
        "use tiktok_messaging_errors::ErrorCode;\nfn main() {\n    let code = ErrorCode::from_code(31001);\n    let denied = matches!(code, ErrorCode::AccessDenied);\n    match code {\n        ErrorCode::TooManyRequests | ErrorCode::InternalError => println!(\"retry\"),\n        _ => println!(\"{denied} {}\", code.code()),\n    }\n}\n",
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
    fs::remove_dir_all(crate_dir.join("src/bin")).unwrap();
}

/// Cargo on a generated crate copy.
fn cargo(crate_dir: &Path, target_dir: &Path, args: &[&str]) -> std::process::Output {
    workspace_tests::cargo(crate_dir, target_dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn an_alphanumeric_code_works_end_to_end() {
    let dir = article_workspace();
    let entry = test_entry();
    let mut updated = rows();
    let mut alpha = updated[0].clone();
    alpha.code = Code::Text("E1001".into());
    alpha.description = "An alphanumeric error.".into();
    alpha.solution = "Retry later.".into();
    updated.push(alpha);
    write_source(dir.path(), &updated);
    let annotations = dir.path().join(&entry.annotations);
    let mut text = fs::read_to_string(&annotations).unwrap();
    text.push_str("\n[codes.E1001]\nname = \"AlphaFailure\"\ncategory = \"server\"\n");
    fs::write(&annotations, text).unwrap();
    let report = regen_then_check(dir.path(), "alphanumeric");
    assert_eq!(report.generated.bump, Bump::Minor);
    let fixture = read(dir.path(), &entry.fixture);
    assert!(fixture.contains("\"code\": \"E1001\""), "{fixture}");
    let markdown = read(dir.path(), &entry.markdown);
    assert!(
        markdown.contains("| E1001 | An alphanumeric error. | Retry later. |"),
        "{markdown}"
    );

    let crate_dir = dir.path().join(entry.crate_dir);
    fs::create_dir_all(crate_dir.join("tests")).unwrap();
    let count = report.generated.catalog.errors.len();
    fs::write(
        crate_dir.join("tests/alphanumeric.rs"),
        format!(
            r#"use tiktok_messaging_errors::{{Code, ErrorCode}};

#[test]
fn alphanumeric_codes_have_a_home() {{
    assert_eq!("E1001".parse::<ErrorCode>(), Ok(ErrorCode::AlphaFailure));
    assert_eq!(ErrorCode::try_parse("E1001"), Ok(ErrorCode::AlphaFailure));
    assert_eq!(ErrorCode::AlphaFailure.code(), Code::Alphanumeric("E1001"));
    assert_eq!(ErrorCode::AlphaFailure.code().to_string(), "E1001");
    assert!(u32::try_from(ErrorCode::AlphaFailure).is_err());
    assert!(ErrorCode::AlphaFailure.is_retryable() && ErrorCode::AlphaFailure.is_known());
    assert!(ErrorCode::AlphaFailure.to_string().starts_with("E1001 AlphaFailure: "));
    assert_eq!(ErrorCode::ALL.len(), {count});
    // Numeric codes keep their promised behaviour.
    assert_eq!(ErrorCode::from_code(31029), ErrorCode::TooManyRequests);
    assert_eq!(ErrorCode::TooManyRequests.code(), 31029);
    assert_eq!(ErrorCode::from_code(1001).code(), 1001);
    assert_eq!(serde_json::to_string(&ErrorCode::AlphaFailure).unwrap(), "\"E1001\"");
    assert_eq!(serde_json::from_str::<ErrorCode>("\"E1001\"").unwrap(), ErrorCode::AlphaFailure);
}}
"#
        ),
    )
    .unwrap();
    // The only test that builds dev-dependencies (serde_json): a target dir
    // under target/ keeps them between runs, and no other test shares it.
    let target = root().join("target/doc-update-alphanumeric");
    let output = cargo(
        &crate_dir,
        &target,
        &[
            "test",
            "--offline",
            "--features",
            "serde",
            "--test",
            "alphanumeric",
        ],
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
    let dir = article_workspace();
    let html = "docs/source/parley.html";
    fs::write(dir.path().join(html), article("parley-page.html")).unwrap();
    let options = xtask::regen::Options {
        source: Some(html.into()),
        ..Default::default()
    };
    let report = xtask::regen::run(dir.path(), &options).unwrap();
    assert!(
        report.stale().contains(&"docs/sources.toml"),
        "{:?}",
        report.stale()
    );
    assert_eq!(
        report.generated.bump,
        Bump::None,
        "same codes, same text: nothing to release"
    );
    let manifest = read(dir.path(), "docs/sources.toml");
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

#[test]
fn the_crate_readme_names_the_article_and_the_capture_it_came_from() {
    let dir = article_workspace();
    let entry = test_entry();
    let readme = read(dir.path(), &entry.crate_readme());
    let sha = codegen::sha256_hex(&fs::read(dir.path().join(&entry.source)).unwrap());
    for fact in [
        entry.url.as_str(),
        entry.title.as_str(),
        entry.source.as_str(),
        &sha,
    ] {
        assert!(readme.contains(fact), "{fact} missing from:\n{readme}");
    }
    // A new capture moves the sha256 in the README with everything else.
    let mut updated = rows();
    updated[0].description.push_str(" Reworded.");
    write_source(dir.path(), &updated);
    regen_then_check(dir.path(), "reworded");
    let new_sha = codegen::sha256_hex(&fs::read(dir.path().join(&entry.source)).unwrap());
    let readme = read(dir.path(), &entry.crate_readme());
    assert!(
        readme.contains(&new_sha) && !readme.contains(&sha),
        "{readme}"
    );
    // A README whose block was edited away is refused, naming the file.
    fs::write(dir.path().join(entry.crate_readme()), "# Test crate\n").unwrap();
    let error = xtask::regen::run(dir.path(), &Default::default()).unwrap_err();
    assert!(
        error.contains(&entry.crate_readme()) && error.contains("no source block"),
        "{error}"
    );
}
