//! Hand-written API changes (`### API (minor)` under `## Unreleased` in a
//! crate's CHANGELOG, as the TikTok crate's wiring into the shared runtime
//! is recorded) survive regen, set the release's class although the
//! article did not change, and move into the version's entry on release.

use std::fs;

use codegen::changes::Bump;
use workspace_tests::{article_workspace, regen_then_check, test_entry};

const NOTES: &str = "### API (minor)\n\n- `read_http_response`, behind feature `http`.\n";

#[test]
fn hand_written_notes_are_kept_counted_and_released() {
    let dir = article_workspace();
    let dir = dir.path();
    let entry = test_entry();
    let changelog = dir.join(entry.changelog());
    let released = fs::read_to_string(&changelog).unwrap();
    // Nothing changed in the article: nothing to release.
    let err = xtask::release::run(dir, None, Default::default()).unwrap_err();
    assert!(err.contains("nothing to release"), "{err}");
    let with_notes = released.replacen("\n## ", &format!("\n## Unreleased\n\n{NOTES}\n## "), 1);
    fs::write(&changelog, &with_notes).unwrap();
    let report = regen_then_check(dir, "hand-written notes");
    assert_eq!(report.generated.bump, Bump::Minor);
    let regenerated = fs::read_to_string(&changelog).unwrap();
    assert!(
        regenerated.contains(&format!(
            "version 1.1.0: run `cargo xtask release` to cut it.\n\n{NOTES}\n## 1.0.0"
        )),
        "{regenerated}"
    );

    let release =
        xtask::release::run(dir, None, Default::default()).expect("the notes call for a release");
    assert_eq!(
        (release.version.as_str(), release.bump),
        ("1.1.0", Bump::Minor)
    );
    let cut = fs::read_to_string(&changelog).unwrap();
    assert!(
        !cut.contains("## Unreleased") && !cut.contains("(minor)"),
        "{cut}"
    );
    assert!(cut.contains("## 1.1.0\n\nGenerated from "), "{cut}");
    assert!(
        cut.contains("a minor release.\n\n### API\n\n- `read_http_response`"),
        "{cut}"
    );
    let cargo_toml = fs::read_to_string(dir.join(entry.crate_manifest())).unwrap();
    assert!(cargo_toml.contains("version = \"1.1.0\""), "{cargo_toml}");
    // The next regen has nothing to add: the notes went with the release.
    assert!(
        regen_then_check(dir, "after the release")
            .stale()
            .is_empty()
    );

    // A class that is not one is refused, by file and line.
    let bad = cut.replacen(
        "\n## 1.1.0",
        "\n## Unreleased\n\n### API (big)\n\n- x\n\n## 1.1.0",
        1,
    );
    fs::write(&changelog, bad).unwrap();
    let err = xtask::regen::run(dir, &Default::default()).unwrap_err();
    assert!(
        err.contains("CHANGELOG.md")
            && err.contains("expected ### API (patch), (minor) or (major)"),
        "{err}"
    );
}
