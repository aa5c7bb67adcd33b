//! What the generator (not the article) changes in a crate's API is written
//! by hand under `### Crate API (class)` in the CHANGELOG's `## Unreleased`
//! section: regen keeps it while rewriting the rest of the section, and the
//! release counts its class and moves it into the release entry.

use std::fs;

use workspace_tests::{article_workspace, check, regen_then_check, test_entry};

const NOTES: &str = "### Crate API (minor)\n\n- Added a method every generated crate now has.\n";

#[test]
fn api_notes_survive_regen_and_are_released_with_their_class() {
    let dir = article_workspace();
    let entry = test_entry();
    let path = dir.path().join(entry.changelog());
    let released = fs::read_to_string(&path).unwrap();
    assert!(!released.contains("## Unreleased"), "{released}");
    let at = released.find("\n## ").unwrap() + 1;
    let with_notes = format!(
        "{}## Unreleased\n\n{NOTES}\n{}",
        &released[..at],
        &released[at..]
    );
    fs::write(&path, &with_notes).unwrap();

    // Regen writes the section's intro around the notes and keeps them.
    regen_then_check(dir.path(), "API notes");
    let regenerated = fs::read_to_string(&path).unwrap();
    assert!(regenerated.contains(NOTES), "{regenerated}");
    assert!(
        regenerated.contains("They call for a minor release, version 1.1.0"),
        "{regenerated}"
    );

    // With no article change, the notes alone make a minor release.
    xtask::release::run(dir.path(), None, Default::default()).unwrap();
    let log = fs::read_to_string(&path).unwrap();
    assert!(!log.contains("## Unreleased"), "{log}");
    let entry_at = log.find("## 1.1.0\n").expect("a 1.1.0 entry");
    assert!(log[entry_at..].contains(NOTES), "{log}");
    let manifest = fs::read_to_string(dir.path().join(entry.crate_manifest())).unwrap();
    assert!(manifest.contains("version = \"1.1.0\""), "{manifest}");
    assert!(check(dir.path()).stale().is_empty());
    // Released once, the notes are not released again.
    assert!(xtask::release::run(dir.path(), None, Default::default()).is_err());
}
