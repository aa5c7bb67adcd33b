//! A second (and third, ...) article is one command: in a copy of a
//! workspace, `add` test articles of other shapes (a code plus sub-code
//! table with repeated codes; string slugs after a decoy table, with an
//! extra column and no solution column; a Vietnamese header; a Korean
//! header with a column pinned on the command line; no header at all), then
//! build and use their crates as a consumer would. What the consumer asserts is written from the generated fixtures,
//! so it holds whatever the articles say.

use std::fs;

use codegen::model::{Catalog, Code, ErrorEntry};
use codegen::read::ColumnPins;
use codegen::read::pins::ColumnPin;
use workspace_tests::{
    add_article as add, add_article_pinned as add_pinned, article_workspace,
    build_without_default_features, fixture, regen_with_then_check, root, run_consumer,
};

/// A number no entry uses as a code or sub-code.
fn unused(catalog: &Catalog) -> i64 {
    let used: Vec<i64> = catalog
        .errors
        .iter()
        .flat_map(|e| [e.code.as_i64(), e.subcode.as_ref().and_then(Code::as_i64)])
        .flatten()
        .collect();
    (1..).find(|n| !used.contains(n)).unwrap()
}

/// Issue 23: `entry`'s stable id parses to it, unless another entry's code
/// is that text (the code wins); serde reads codes only, never ids.
fn id_check(ty: &str, catalog: &Catalog, entry: &codegen::model::ErrorEntry) -> String {
    let id = codegen::names::stable_id(&entry.name);
    let owner = catalog
        .errors
        .iter()
        .find(|other| other.key().to_string() == id)
        .unwrap_or(entry);
    format!(
        "    assert_eq!({id:?}.parse::<{ty}>().unwrap().name(), {:?});\n    assert_eq!({ty}::try_parse({id:?}).unwrap().name(), {:?});\n",
        owner.name, owner.name
    )
}

/// Assertions on the (code, sub-code) crate, one per entry and fallback.
fn subcode_checks(catalog: &Catalog) -> String {
    let mut out = String::from("    use chirp_errors::ErrorCode as Chirp;\n");
    let spare = unused(catalog);
    for entry in &catalog.errors {
        let code = entry.code.as_i64().expect("numeric codes");
        let sub = match &entry.subcode {
            Some(s) => format!("Some({})", s.as_i64().unwrap()),
            None => "None".into(),
        };
        out.push_str(&format!(
            "    let e = Chirp::from_code_and_subcode({code}, {sub});\n    assert_eq!(e.name(), {:?});\n    assert_eq!(e.code(), {code}u32);\n    assert_eq!(e.subcode(), {sub});\n    assert_eq!(e.description(), Some({:?}));\n    assert_eq!({:?}.parse::<Chirp>().unwrap(), e);\n",
            entry.name, entry.description, entry.key().to_string()
        ));
        out.push_str(&id_check("Chirp", catalog, entry));
        // Issue 23: the sub-code survives serde and the shared `Code`.
        out.push_str("    assert_eq!(serde_json::from_str::<Chirp>(&serde_json::to_string(&e).unwrap()).unwrap(), e);\n    assert_eq!(<Chirp as chirp_errors::channel_errors::FromVendorCode>::from_vendor_code(&chirp_errors::channel_errors::Code::from(e)), Some(e));\n");
        if entry.subcode.is_none() {
            // A sub-code the article does not list is kept (the code is
            // unknown) and classified as the code's own row.
            out.push_str(&format!(
                "    let kept = Chirp::from_code_and_subcode({code}, Some({spare}));\n    assert!(!kept.is_known());\n    assert_eq!(kept.code(), {code}u32);\n    assert_eq!(kept.subcode(), Some({spare}));\n    assert_eq!((kept.action(), kept.category()), (e.action(), e.category()));\n    assert_eq!(serde_json::to_string(&kept).unwrap(), \"\\\"{code}:{spare}\\\"\");\n    assert_eq!(serde_json::from_str::<Chirp>(&serde_json::to_string(&kept).unwrap()).unwrap(), kept);\n    assert_eq!(Chirp::from_code({code}).name(), {:?});\n",
                entry.name
            ));
        }
    }
    out.push_str(&format!(
        "    let unknown = Chirp::from_code_and_subcode({spare}, Some(7));\n    assert!(!unknown.is_known());\n    assert_eq!(unknown.code(), {spare}u32);\n    assert_eq!(unknown.subcode(), Some(7));\n    assert_eq!(Chirp::ALL.len(), {});\n",
        catalog.errors.len()
    ));
    out
}

/// Assertions on the shared runtime's traits and types, named only through
/// the generated crate `krate` (the consumer has no `channel-errors` of its
/// own): each entry (`lookup` gives the expression that finds it) as a
/// `&dyn VendorCode`, and in a `ResponseError` as a `&dyn ChannelError`,
/// with the vendor, qualified id, action and shared category the fixture
/// and the configuration say.
fn shared_checks(
    krate: &str,
    ty: &str,
    catalog: &Catalog,
    lookup: impl Fn(&ErrorEntry) -> String,
) -> String {
    let vendor = catalog.vendor.id();
    let mut out = String::new();
    for entry in &catalog.errors {
        let shared = catalog
            .categories
            .iter()
            .find(|c| c.name == entry.category.0)
            .expect("the entry's category is defined")
            .shared_id();
        let id = format!("{vendor}.{}", codegen::names::stable_id(&entry.name));
        let (action, lookup) = (entry.action.as_str(), lookup(entry));
        out.push_str(&format!(
            "    {{
    let e = {lookup};
    let code: &dyn {krate}::channel_errors::VendorCode = &e;
    assert_eq!(code.vendor(), {krate}::VENDOR);
    assert_eq!(code.qualified_id(), {id:?});
    assert_eq!(code.action().as_str(), {action:?});
    assert_eq!(code.category(), {shared:?}.parse::<{krate}::channel_errors::Category>().unwrap());
    assert_eq!(<{ty} as {krate}::channel_errors::FromVendorCode>::from_vendor_code(&code.code()), Some(e));
    let error = {krate}::channel_errors::ResponseError::from_code(e);
    let error: &dyn {krate}::channel_errors::ChannelError = &error;
    assert!(matches!(error.kind(), {krate}::channel_errors::ErrorKind::Vendor(c) if c.qualified_id() == {id:?}));
    assert!(matches!(error.stable_id(), {krate}::channel_errors::StableId::Vendor(_)));
    assert_eq!(error.stable_id(), {id:?});
    assert_eq!(error.action().as_str(), {action:?});
    assert_eq!(error.delivery(), {krate}::channel_errors::Delivery::for_category(code.category()));
    assert_eq!(error.delivery() == {krate}::channel_errors::Delivery::MaybeSent, {maybe_sent});
    }}
",
            maybe_sent = shared == "server",
        ));
    }
    out
}

/// Assertions on the string-code crate.
fn slug_checks(catalog: &Catalog) -> String {
    let mut out = String::from("    use beacon_api::ErrorCode as Beacon;\n");
    for entry in &catalog.errors {
        let Code::Text(slug) = &entry.code else {
            panic!("a slug article has text codes: {}", entry.code)
        };
        out.push_str(&format!(
            "    let e = Beacon::from_code({slug:?});\n    assert_eq!(e.name(), {:?});\n    assert_eq!(e.code(), {slug:?});\n    assert_eq!(e.solution(), None);\n    assert_eq!(e.extra(), &{:?}[..]);\n    assert_eq!(serde_json::from_str::<Beacon>(&serde_json::to_string(&e).unwrap()).unwrap(), e);\n    assert_eq!({slug:?}.parse::<Beacon>().unwrap(), e);\n",
            entry.name,
            entry
                .extra
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>()
        ));
        out.push_str(&id_check("Beacon", catalog, entry));
        let id = codegen::names::stable_id(&entry.name);
        if catalog.errors.iter().all(|o| o.key().to_string() != id) {
            out.push_str(&format!(
                "    assert!(!serde_json::from_str::<Beacon>(\"\\\"{id}\\\"\").unwrap().is_known());\n"
            ));
        }
    }
    out.push_str(
        "    let new: Beacon = serde_json::from_str(\"\\\"a_code_added_later\\\"\").unwrap();\n    assert!(!new.is_known());\n    assert_eq!(new.code(), \"a_code_added_later\");\n    assert!(Beacon::try_parse(\"a_code_added_later\").is_err());\n",
    );
    out
}

/// Assertions on a crate of numeric or `E1001` codes with a description and
/// a solution each: every entry by its code, and an unlisted code.
fn lookup_checks(krate: &str, catalog: &Catalog) -> String {
    let mut out = format!(
        "    {{
    use {krate}::ErrorCode as E;
"
    );
    for entry in &catalog.errors {
        let code = match &entry.code {
            Code::Numeric(n) => n.to_string(),
            Code::Text(t) => format!("{t:?}"),
        };
        out.push_str(&format!(
            "    let e = E::from_code({code});
    assert!(e.is_known());
    assert_eq!(e.name(), {:?});
    assert_eq!(e.description(), Some({:?}));
    assert_eq!(e.solution(), Some({:?}));
",
            entry.name, entry.description, entry.solution
        ));
        out.push_str(&id_check("E", catalog, entry));
    }
    let unlisted = match &catalog.errors[0].code {
        Code::Numeric(_) => unused(catalog).to_string(),
        Code::Text(_) => "\"X9999\"".into(),
    };
    out.push_str(&format!(
        "    assert!(!E::from_code({unlisted}).is_known());
    assert_eq!(E::ALL.len(), {});
    }}
",
        catalog.errors.len()
    ));
    out
}

#[test]
fn added_articles_build_and_work_for_a_consumer() {
    let dir = article_workspace();
    let dir = dir.path();
    let added = add(dir, "chirp-messenger", "chirp-subcodes.txt", "chirp-errors");
    // One code classified as the maintainer would, so that the shared
    // checks below see another action, category and delivery than the
    // stub's `unknown`.
    let chirp_config = dir.join("docs/chirp-messenger.toml");
    let stub = fs::read_to_string(&chirp_config).unwrap();
    let classified = stub.replacen("category = \"unknown\"", "category = \"server\"", 1);
    assert_ne!(classified, stub);
    fs::write(&chirp_config, classified).unwrap();
    let options = xtask::regen::Options {
        article: Some("chirp-messenger".into()),
        ..Default::default()
    };
    regen_with_then_check(dir, &options, "after classifying a chirp code");
    let chirp = fixture(dir, "chirp-messenger");
    let server: Vec<&ErrorEntry> = chirp
        .errors
        .iter()
        .filter(|e| e.category.0 == "server")
        .collect();
    assert_eq!(server.len(), 1, "{:?}", chirp.errors);
    assert_eq!(server[0].action.as_str(), "retry");
    assert_eq!(chirp.errors.len(), added.errors.len());
    let beacon = add(dir, "beacon-api", "beacon-slugs.md", "beacon-api");
    // (a) Headers in the vendor's language: Vietnamese by its words; Korean
    // with the solution column pinned by its header on the command line.
    let tram = add(dir, "tram-api", "columns/tram-vi.md", "tram-api");
    let pins = ColumnPins {
        solution: Some(ColumnPin::Header("해결 방법".into())),
        ..ColumnPins::default()
    };
    let (hanul, _) = add_pinned(dir, "hanul-api", "columns/hanul-ko.html", "hanul-api", pins);
    let config = fs::read_to_string(dir.join("docs/hanul-api.toml")).unwrap();
    assert!(
        config.contains("\n[columns]\nsolution = \"해결 방법\"\n"),
        "the pin is kept for regen:\n{config}"
    );
    // (c) No header row: the columns chosen by content, the first row kept.
    let (skiff, warnings) = add_pinned(
        dir,
        "skiff-api",
        "columns/skiff-no-header.tsv",
        "skiff-api",
        ColumnPins::default(),
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("has no header row") && w.contains("--code-column 1")),
        "{warnings:?}"
    );
    assert_eq!(
        skiff.errors[0].code,
        Code::Numeric(401),
        "the first row is an entry"
    );
    assert_eq!(
        (tram.errors.len(), hanul.errors.len(), skiff.errors.len()),
        (5, 4, 5)
    );

    // The article's own shapes reached the model.
    assert!(chirp.has_subcodes());
    let codes: Vec<&Code> = chirp.errors.iter().map(|e| &e.code).collect();
    assert!(
        codes
            .iter()
            .any(|c| codes.iter().filter(|d| *d == c).count() > 1),
        "a code repeats with different sub-codes"
    );
    assert!(
        beacon
            .errors
            .iter()
            .all(|e| e.extra.contains_key("HTTP status code"))
    );
    assert!(
        beacon
            .errors
            .iter()
            .all(|e| !["code", "message", "log_id"].contains(&e.code.to_string().as_str())),
        "the decoy error-object table is not read as codes"
    );

    // Every article is checked, and all are up to date.
    let reports = xtask::regen::run_all(
        dir,
        &xtask::regen::Options {
            check: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(reports.len(), 6);
    for report in &reports {
        assert!(report.stale().is_empty(), "{:?}", report.stale());
    }

    // A consumer crate depends on them, as a downstream service would, and
    // on no `channel-errors` of its own: the crates re-export what they share.
    // (`json` for the runtime's `ResponseError`, which needs an allocator.)
    let dependencies = "chirp-errors = { path = \"../crates/chirp-errors\", features = [\"json\"] }\nbeacon-api = { path = \"../crates/beacon-api\", features = [\"json\"] }\ntram-api = { path = \"../crates/tram-api\" }\nhanul-api = { path = \"../crates/hanul-api\" }\nskiff-api = { path = \"../crates/skiff-api\" }\nserde_json = \"1\"\n";
    assert!(!dependencies.contains("channel-errors"));
    run_consumer(
        dir,
        dependencies,
        &format!(
            "{}{}\n{}{}{}{}{}",
            subcode_checks(&chirp),
            shared_checks("chirp_errors", "Chirp", &chirp, |e| format!(
                "Chirp::from_code_and_subcode({}, {:?})",
                e.code,
                e.subcode.as_ref().and_then(Code::as_i64)
            )),
            slug_checks(&beacon),
            shared_checks("beacon_api", "Beacon", &beacon, |e| format!(
                "Beacon::from_code({:?})",
                e.code.to_string()
            )),
            lookup_checks("tram_api", &tram),
            lookup_checks("hanul_api", &hanul),
            lookup_checks("skiff_api", &skiff),
        ),
        "add-articles",
    );
    // Each shape's no_std path: sub-codes, slugs, `E1001` and plain numbers.
    build_without_default_features(
        dir,
        &[
            "chirp-errors",
            "beacon-api",
            "tram-api",
            "hanul-api",
            "skiff-api",
        ],
        &["serde"],
        "add-articles",
    );
}

#[test]
fn adding_twice_or_over_existing_files_is_refused_and_writes_nothing() {
    let dir = article_workspace();
    let dir = dir.path();
    add(dir, "chirp-messenger", "chirp-subcodes.txt", "chirp-errors");
    let before = workspace_tests::tree(dir);
    let err = xtask::add::run(
        dir,
        &xtask::add::Options {
            name: "chirp-messenger".into(),
            source: root().join("tests/articles/chirp-subcodes.txt"),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(err.contains("already exists"), "{err}");
    let err = xtask::add::run(
        dir,
        &xtask::add::Options {
            name: "Bad Name".into(),
            source: root().join("tests/articles/chirp-subcodes.txt"),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(err.contains("expected lower-case letters"), "{err}");
    assert_eq!(workspace_tests::tree(dir), before);
}
