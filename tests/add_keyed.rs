//! An article whose HTTP statuses repeat with a message per row
//! (`tests/articles/keys/relay-statuses.md`) is one `cargo xtask add`: its
//! configuration stub lists every entry under the key the reader chose
//! (code, or code and message), naming one in it renames its variant, and
//! the crate it generates builds and looks entries up by code and message,
//! falling back to the code's own entry or to `Unknown`, which keeps the
//! message. A second article of per-endpoint tables
//! (`ledger-endpoints.md`) gives a crate looked up by section and code.
//! What the consumer asserts is written from the generated fixtures.

use std::fs;

use codegen::model::{Catalog, KeyPart};
use workspace_tests::{
    add_article, add_article_pinned, article_workspace, build_without_default_features, cargo,
    fixture, regen_with_then_check, run_consumer, tree,
};

const NAME: &str = "relay-bot";
const CRATE: &str = "relay-errors";

/// Assertions on the crate keyed by section and code: each entry under its
/// section, a code listed once under any, and an unlisted pair's fallback.
fn section_checks(catalog: &Catalog) -> String {
    let mut out = String::from("    use ledger_errors::ErrorCode as Ledger;\n");
    for entry in &catalog.errors {
        let code = entry.code.as_i64().expect("numeric codes");
        let section = entry.section.as_deref().expect("several tables");
        let name = &entry.name;
        out.push_str(&format!(
            "    let e = Ledger::from_section_and_code({section:?}, {code});\n    assert_eq!(e.name(), {name:?});\n    assert_eq!(e.section(), Some({section:?}));\n    assert_eq!({:?}.parse::<Ledger>().unwrap(), e);\n",
            entry.key().to_string()
        ));
        match entry.keyed_by {
            Some(_) => out.push_str(&format!(
                "    assert!(!Ledger::from_section_and_code(\"Nowhere\", {code}).is_known());\n    assert_eq!(Ledger::from_section_and_code(\"Nowhere\", {code}).code(), {code}u32);\n"
            )),
            None => out.push_str(&format!(
                "    assert_eq!(Ledger::from_section_and_code(\"Nowhere\", {code}), e);\n    assert_eq!(Ledger::from_code({code}), e);\n"
            )),
        }
    }
    out
}

/// A message no entry of the article has.
const UNLISTED: &str = "Bad Request: a message added later";

/// Assertions on the crate, one block per entry, then the fallbacks.
fn keyed_checks(catalog: &Catalog) -> String {
    let mut out = String::from("    use relay_errors::ErrorCode as Relay;\n");
    for entry in &catalog.errors {
        let code = entry.code.as_i64().expect("HTTP statuses are numbers");
        let (name, description) = (&entry.name, &entry.description);
        let key = entry.key().to_string();
        out.push_str(&format!(
            "    let e = Relay::from_code_and_message({code}, {description:?});\n    assert_eq!(e.name(), {name:?});\n    assert_eq!(e.code(), {code}u32);\n    assert_eq!(e.description(), Some({description:?}));\n    assert_eq!({key:?}.parse::<Relay>().unwrap(), e);\n"
        ));
        match entry.keyed_by {
            Some(KeyPart::Message) => out.push_str(&format!(
                "    assert_eq!(e.message(), Some({description:?}));\n    assert!(!Relay::from_code({code}).is_known(), \"a repeated code has no entry of its own\");\n"
            )),
            // A code listed once is its own entry, whatever message comes with it.
            _ => out.push_str(&format!(
                "    assert_eq!(e.message(), None);\n    assert_eq!(Relay::from_code({code}), e);\n    assert_eq!(Relay::from_code_and_message({code}, {UNLISTED:?}), e);\n"
            )),
        }
    }
    let repeated = catalog
        .errors
        .iter()
        .find(|e| e.keyed_by.is_some())
        .and_then(|e| e.code.as_i64())
        .unwrap();
    out.push_str(&format!(
        "    let new = Relay::from_code_and_message({repeated}, {UNLISTED:?});\n    assert!(!new.is_known());\n    assert_eq!(new.code(), {repeated}u32);\n    assert_eq!(new.message(), Some({UNLISTED:?}));\n    let Relay::Unknown(kept) = new else {{ panic!() }};\n    assert_eq!((kept.get(), kept.message()), ({repeated}, Some({UNLISTED:?})));\n    assert_eq!(Relay::ALL.len(), {});\n",
        catalog.errors.len()
    ));
    out
}

#[test]
fn an_article_of_repeated_statuses_builds_a_crate_looked_up_by_code_and_message() {
    let dir = article_workspace();
    let dir = dir.path();
    let (added, warnings) = add_article_pinned(
        dir,
        NAME,
        "keys/relay-statuses.md",
        CRATE,
        codegen::read::ColumnPins::default(),
    );
    assert_eq!(added.key_part(), Some(KeyPart::Message));
    // The guessed key is warned of, with where `add` kept it.
    assert!(
        warnings.iter().any(
            |w| w.contains("a guess: pin it with key = \"code_message\"")
                && w.ends_with(&format!("add wrote it into docs/{NAME}.toml"))
        ),
        "{warnings:?}"
    );
    assert!(added.errors.iter().any(|e| e.keyed_by.is_none()));

    // The stub lists every entry under its key, each addressable by it.
    let config_path = dir.join(format!("docs/{NAME}.toml"));
    let stub = fs::read_to_string(&config_path).unwrap();
    let config = codegen::annotations::parse("stub", &stub).unwrap();
    let stub_keys: Vec<String> = config.by_code.keys().map(|k| k.to_string()).collect();
    let mut keys: Vec<String> = added.errors.iter().map(|e| e.key().to_string()).collect();
    keys.sort();
    let mut sorted_stub = stub_keys.clone();
    sorted_stub.sort();
    assert_eq!(sorted_stub, keys);

    // Naming an entry in the stub names its variant; the others keep theirs.
    let first = &added.errors[0];
    let table = format!("[{}]", codegen::annotations::table_name(&first.key()));
    let named = stub.replacen(
        &format!("{table}\nname = \"{}\"", first.name),
        &format!("{table}\nname = \"RoomNotFound\""),
        1,
    );
    assert_ne!(named, stub, "the stub has {table} with its placeholder");
    fs::write(&config_path, named).unwrap();
    let options = xtask::regen::Options {
        article: Some(NAME.into()),
        ..Default::default()
    };
    regen_with_then_check(dir, &options, "after naming an entry");
    let catalog = fixture(dir, NAME);
    assert_eq!(catalog.errors[0].name, "RoomNotFound");
    assert_eq!(catalog.errors[1..], added.errors[1..]);

    // Per-endpoint tables: a number reused under another heading is keyed
    // by section; the row both tables list word for word is one entry.
    let ledger = add_article(
        dir,
        "ledger-pay",
        "keys/ledger-endpoints.md",
        "ledger-errors",
    );
    assert_eq!(ledger.key_part(), Some(KeyPart::Section));
    assert!(
        ledger
            .errors
            .iter()
            .any(|e| e.other_sections == ["Refunds"])
    );

    let dependencies = format!(
        "{CRATE} = {{ path = \"../crates/{CRATE}\" }}\nledger-errors = {{ path = \"../crates/ledger-errors\" }}\n"
    );
    let checks = keyed_checks(&catalog) + &section_checks(&ledger);
    run_consumer(dir, &dependencies, &checks, "add-keyed");
    // The no_std path of the message- and section-keyed support code.
    build_without_default_features(dir, &[CRATE, "ledger-errors"], &["serde"], "add-keyed");
}

#[test]
fn a_message_reworded_after_a_release_gets_a_placeholder_of_its_own() {
    let dir = article_workspace();
    let dir = dir.path();
    let added = add_article(dir, NAME, "keys/relay-statuses.md", CRATE);
    // Release bumps the crate in Cargo.lock, which lists it once cargo has
    // seen the workspace.
    let status = cargo(dir, &dir.join("target"))
        .args(["metadata", "--offline", "--format-version", "1"])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "cargo metadata: {status}");
    // With two articles, a release must name the one it versions.
    let before = tree(dir);
    let refusal = xtask::release::run(dir, None, codegen::release::Placeholders::Allow)
        .expect_err("a release of one of two articles names it");
    assert!(refusal.contains("pick one with --article"), "{refusal}");
    assert!(tree(dir) == before, "a refused release writes nothing");
    xtask::release::run(dir, Some(NAME), codegen::release::Placeholders::Allow)
        .expect("the placeholders are released as they are");

    // The vendor rewords the last message of a repeated status: its entry
    // is deprecated under its released name, the new one needs another.
    let reworded = added
        .errors
        .iter()
        .rfind(|e| e.keyed_by.is_some())
        .expect("a repeated status");
    let source = dir.join(format!("docs/source/{NAME}.md"));
    let text = fs::read_to_string(&source).unwrap();
    let message = format!("{} (reworded)", reworded.description);
    fs::write(&source, text.replacen(&reworded.description, &message, 1)).unwrap();
    let options = xtask::regen::Options {
        article: Some(NAME.into()),
        ..Default::default()
    };
    regen_with_then_check(dir, &options, "after rewording a message");

    let catalog = fixture(dir, NAME);
    let name_of = |description: &str| {
        let entry = catalog.errors.iter().find(|e| e.description == description);
        entry.map(|e| (e.name.clone(), e.status.is_listed()))
    };
    let old = name_of(&reworded.description);
    assert_eq!(
        old,
        Some((reworded.name.clone(), false)),
        "deprecated as released"
    );
    let (new, listed) = name_of(&message).expect("the reworded entry");
    assert!(listed && new != reworded.name, "{new}");
    assert!(codegen::names::is_placeholder(
        &reworded.key().unqualified(),
        &new
    ));
}
