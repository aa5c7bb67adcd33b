//! Repeated codes and code cells as vendors write them (issue 21, items 3
//! and 4), on articles of our own under `tests/articles/keys/`: per-endpoint
//! tables that repeat rows and reuse numbers, an HTTP status with a message
//! per row, cells that list or label codes, and a success row.

use codegen::model::{Code, KeyChoice, KeyPart};
use codegen::read::{self, Article, ColumnPins};
use workspace_tests::{article, test_entry};

fn read_keys(name: &str, key: Option<KeyChoice>) -> Result<Article, codegen::Error> {
    let pins = ColumnPins {
        key,
        ..ColumnPins::default()
    };
    let file = format!("tests/articles/keys/{name}");
    read::read(&file, &article(&format!("keys/{name}")), None, &pins)
}

fn keys(article: &Article) -> Vec<String> {
    article.rows.iter().map(|r| r.key().to_string()).collect()
}

fn warning<'a>(article: &'a Article, part: &str) -> &'a str {
    article
        .warnings
        .iter()
        .find(|w| w.contains(part))
        .unwrap_or_else(|| panic!("no warning with {part:?}: {:#?}", article.warnings))
}

#[test]
fn per_endpoint_tables_fold_repeats_and_key_reused_numbers_by_section() {
    let ledger = read_keys("ledger-endpoints.md", None).unwrap();
    assert_eq!(
        keys(&ledger),
        [
            "Payments / 1001",
            "1002",
            "5000",
            "Refunds / 1001",
            "4010",
            "4290",
            "4291"
        ]
    );
    // The same row in both tables is one entry, under both sections.
    let internal = &ledger.rows[2];
    assert_eq!(internal.section.as_deref(), Some("Payments"));
    assert_eq!(internal.other_sections, ["Refunds"]);
    assert!(
        warning(&ledger, "code 5000 is listed word for word in rows 4, 6")
            .contains("\"Payments\", \"Refunds\"")
    );
    // The number reused with another meaning is keyed by its section: a
    // guess, named with the setting that pins it.
    let guess = warning(&ledger, "listed more than once");
    assert!(guess.contains("1001 (rows 2, 5)"), "{guess}");
    assert!(
        guess.contains(
            "keyed by section and code, a guess: pin it with key = \"section_code\" under [columns]"
        ),
        "{guess}"
    );
    assert!(
        guess.contains("key = \"code_message\" would also tell them apart"),
        "{guess}"
    );
    // The success row is not an error.
    assert!(ledger.rows.iter().all(|r| r.code != Code::Numeric(0)));
    assert!(
        warning(&ledger, "row 1: code 0 (\"Success\") reports success")
            .ends_with("left out of the error type")
    );
    // A labelled code keeps its label; a cell of two codes gives two entries.
    assert_eq!(ledger.rows[4].extra["Code label"], "Unauthorized");
    assert_eq!(ledger.rows[5].description, ledger.rows[6].description);
}

#[test]
fn the_key_setting_pins_the_choice_or_refuses_naming_the_rows() {
    let by_message = read_keys("ledger-endpoints.md", Some(KeyChoice::CodeMessage)).unwrap();
    assert_eq!(
        keys(&by_message)[0],
        "1001 | The card was declined by its issuer."
    );
    assert!(by_message.warnings.iter().all(|w| !w.contains("a guess")));
    for plain in [KeyChoice::Code, KeyChoice::CodeSubcode] {
        let err = read_keys("ledger-endpoints.md", Some(plain)).unwrap_err();
        assert_eq!(err.row, Some(5), "{err}");
        assert!(
            err.to_string().starts_with("tests/articles/keys/ledger-endpoints.md:20: row 5: code 1001 appears twice: first in row 2 (line 12); the configuration's key needs each code (and sub-code) once (key = \"code_message\" or key = \"section_code\" would read them)"),
            "{err}"
        );
    }
    // One table has no sections to key by.
    let err = read_keys("relay-statuses.md", Some(KeyChoice::SectionCode)).unwrap_err();
    assert!(
        err.message.contains("code 400 appears twice: first in row 1 (line 9); the configuration's key = \"section_code\" needs a different section (heading) for each"),
        "{err}"
    );
}

#[test]
fn a_key_setting_that_changes_nothing_is_warned_of() {
    // `cells.html` lists each code once (its cells list several).
    for key in [KeyChoice::CodeMessage, KeyChoice::SectionCode] {
        let article = read_keys("cells.html", Some(key)).unwrap();
        let warning = warning(&article, "is set, but no code is listed more than once");
        assert!(warning.contains(key.as_str()), "{warning}");
    }
    let plain = read_keys("cells.html", Some(KeyChoice::Code)).unwrap();
    assert!(plain.warnings.iter().all(|w| !w.contains("is set, but")));
}

#[test]
fn an_http_status_with_a_message_per_row_is_keyed_by_code_and_message() {
    let relay = read_keys("relay-statuses.md", None).unwrap();
    let parts: Vec<(String, Option<KeyPart>)> = relay
        .rows
        .iter()
        .map(|r| (r.code.to_string(), r.keyed_by))
        .collect();
    let message = Some(KeyPart::Message);
    assert_eq!(
        parts,
        [
            ("400".to_string(), message),
            ("400".into(), message),
            ("400".into(), message),
            ("401".into(), None),
            ("403".into(), message),
            ("403".into(), message),
            ("429".into(), None),
        ]
    );
    assert_eq!(keys(&relay)[1], "400 | Bad Request: text is empty");
    let guess = warning(&relay, "listed more than once");
    assert!(
        guess.contains("400 (rows 1, 2, 3), 403 (rows 5, 6)"),
        "{guess}"
    );
    assert!(guess.contains("key = \"code_message\""), "{guess}");
}

#[test]
fn rows_no_key_tells_apart_are_refused_by_row() {
    let md = "| Code | Description | Solution |\n|---|---|---|\n| 7 | Busy. | Wait. |\n| 8 | Gone. | Stop. |\n| 7 | Busy. | Call us. |\n";
    let err = read::read("same.md", md.as_bytes(), None, &ColumnPins::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "same.md:5: row 3: code 7 appears twice: first in row 1 (line 3); neither their message nor their section tells the rows apart: expected each code (and sub-code) once, or rows of one code that differ in description or heading"
    );
}

#[test]
fn a_footnote_mark_in_a_code_cell_is_never_part_of_the_code() {
    let pins = ColumnPins::default();
    let html = "<table><tr><th>Code</th><th>Description</th></tr><tr><td>40001<sup>1</sup></td><td>The token expired.<sup>1</sup></td></tr><tr><td>40002</td><td>Quota used.</td></tr></table>";
    let md = "| Code | Description |\n|---|---|\n| 40001<sup>1</sup> | The token expired.<sup>1</sup> |\n| 40002 | Quota used. |\n";
    for (name, text) in [("sup.html", html), ("sup.md", md)] {
        let article = read::read(name, text.as_bytes(), None, &pins).unwrap();
        let codes = workspace_tests::codes(&article);
        assert_eq!(codes, ["40001", "40002"], "{name}: not 400011");
        assert_eq!(
            article.rows[0].description, "The token expired.^1",
            "{name}"
        );
    }
    // A thousands separator is refused, not read as the codes 40 and 001.
    let md = "| Code | Description |\n|---|---|\n| 40,001 | Token expired. |\n";
    let err = read::read("sep.md", md.as_bytes(), None, &pins).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "sep.md:3: row 1: code \"40,001\" reads as one number with a thousands separator"
        ),
        "{err}"
    );
}

#[test]
fn code_cells_list_and_label_codes_in_every_form() {
    let html = read_keys("cells.html", None).unwrap();
    let codes = workspace_tests::codes(&html);
    assert_eq!(
        codes,
        ["2001", "2002", "3001", "3002", "7", "8", "9", "10", "11"]
    );
    assert_eq!(html.rows[4].extra["Code label"], "NAME_TAKEN");
    assert!(
        html.rows
            .iter()
            .filter(|r| r.code != Code::Numeric(7))
            .all(|r| r.extra.is_empty())
    );
    // `<br>` in a GFM cell reads as a line break does.
    let md = "| Error code | Description |\n|---|---|\n| 2001<br>2002 | Locked. |\n| `E_FULL` = E9 or E10 | Full. |\n";
    let read_md = read::read("cells.md", md.as_bytes(), None, &ColumnPins::default()).unwrap();
    let codes = workspace_tests::codes(&read_md);
    assert_eq!(codes, ["2001", "2002", "E9", "E10"]);
    assert_eq!(read_md.rows[2].extra["Code label"], "E_FULL");
    assert!(
        read_md.rows[3].extra.is_empty(),
        "a label names the code beside it"
    );
    // A page copy's code cell over two lines, and `or`.
    let text = "Error code |\nDescription |\nSolution |\n2001\n2002 |\nLocked. |\nWait. |\n3001 or 3002 |\nNot supported. |\nUpload a PDF. |\n";
    let read_text = read::read("cells.txt", text.as_bytes(), None, &ColumnPins::default()).unwrap();
    let codes = workspace_tests::codes(&read_text);
    assert_eq!(codes, ["2001", "2002", "3001", "3002"]);
}

/// The relay article's model with a configuration of its own.
fn relay_model(config: &str) -> (Result<codegen::Catalog, codegen::Error>, Vec<String>) {
    let mut warnings = Vec::new();
    let catalog = codegen::read_catalog(
        &test_entry(),
        "relay-statuses.md",
        article("keys/relay-statuses.md"),
        None,
        config,
        None,
        &mut warnings,
    );
    (catalog, warnings)
}

#[test]
fn annotations_address_each_entry_under_the_key() {
    let config = "[columns]\nkey = \"code_message\"\n\n[codes.\"400 | Bad Request: text is empty\"]\nname = \"EmptyText\"\ncategory = \"unknown\"\n\n[codes.401]\nname = \"Unauthorized\"\ncategory = \"unknown\"\n\n[codes.403]\nname = \"Forbidden\"\ncategory = \"unknown\"\n";
    let (catalog, warnings) = relay_model(config);
    let catalog = catalog.unwrap();
    let names: Vec<&str> = catalog.errors.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Code400",
            "EmptyText",
            "Code400V3",
            "Unauthorized",
            "Code403",
            "Code403V2",
            "Code429"
        ]
    );
    assert!(
        warnings.iter().all(|w| !w.contains("a guess")),
        "pinned: {warnings:#?}"
    );
    let unused = warnings
        .iter()
        .find(|w| w.contains("[codes.\"403\"]"))
        .expect("the annotation of a repeated code is warned of");
    assert!(
        unused.contains("annotates code 403, which the article lists more than once: annotate each entry instead, as [codes.\"403 | Forbidden: bot was removed from the room\"], [codes.\"403 | Forbidden: bots cannot write to bots\"]"),
        "{unused}"
    );
    let (err, _) = relay_model("[columns]\nkey = \"message\"\n");
    let err = err.unwrap_err().to_string();
    assert!(
        err.contains("unknown variant `message`, expected one of `code`, `code_subcode`, `code_message`, `section_code`"),
        "{err}"
    );
}
