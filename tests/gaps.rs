//! The text forms' gaps the first parts of issue 21 left, each in an article
//! of our own under tests/articles/gaps/: tables with no header (or one
//! naming nothing) in the `|`-ended and `|`-line forms, read by content as
//! TSV is; pins by position that keep a headerless table's first row; a
//! `|`-ended decoy before a paragraph-per-cell table; and navigation lines
//! with `|` that are never a table.

use codegen::read::pins::ColumnPin;
use codegen::read::{Article, ColumnPins, read};
use workspace_tests::{article, code_texts, codes};

fn read_with(name: &str, pins: &ColumnPins) -> Result<Article, codegen::Error> {
    let path = if name.contains('/') {
        name.to_string()
    } else {
        format!("gaps/{name}")
    };
    read(name, &article(&path), None, pins)
}

fn read_gap(name: &str) -> Article {
    read_with(name, &ColumnPins::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn refusal(name: &str, pins: &ColumnPins) -> String {
    match read_with(name, pins) {
        Ok(article) => panic!("{name} was accepted: {:?}", article.rows),
        Err(e) => e.to_string(),
    }
}

/// The warnings that say columns were chosen by content.
fn guesses(article: &Article) -> Vec<&String> {
    article
        .warnings
        .iter()
        .filter(|w| w.contains("chosen by their content"))
        .collect()
}

fn pins(code: &str, description: &str) -> ColumnPins {
    ColumnPins {
        code: Some(code.parse::<ColumnPin>().unwrap()),
        description: Some(description.parse::<ColumnPin>().unwrap()),
        ..ColumnPins::default()
    }
}

#[test]
fn headerless_tables_read_in_the_pipe_ended_and_pipe_line_forms() {
    let ended = read_gap("headerless-pipe-ended.txt");
    let lines = read_gap("headerless-pipe-lines.txt");
    assert_eq!(codes(&ended), ["4010", "4020", "4040", "4090", "5030"]);
    assert_eq!(
        code_texts(&ended),
        code_texts(&lines),
        "one table, two forms"
    );
    assert_eq!(
        ended.rows[1].solution,
        "Top up the account in the dashboard, then send again."
    );
    assert_eq!(
        ended.rows[4].description,
        "The gateway is too busy to take the message."
    );
    assert!(ended.rows.iter().all(|r| r.extra.is_empty()));
    // The first row is a row, on its own line.
    assert_eq!(ended.rows[0].line, Some(4));
    assert_eq!(lines.rows[0].line, Some(7));
    for (name, article, line) in [("|-ended", &ended, 4), ("| lines", &lines, 7)] {
        let [guess] = guesses(article)[..] else {
            panic!("{name}: one guess: {:?}", article.warnings)
        };
        assert_eq!(
            guess,
            &format!(
                "table at line {line} has no header row (its first row is read as data), so its columns were chosen by their content: code = column 1, description = column 2, solution = column 3; if that is wrong, pin them: --code-column 1 --description-column 2 --solution-column 3 (or in the configuration's [columns]: code = 1, description = 2, solution = 3)"
            ),
            "{name}"
        );
    }
    // The breadcrumb and footer lines with `|` are no table, and no warning.
    assert_eq!(lines.warnings.len(), 1, "{:?}", lines.warnings);
    assert_eq!(
        ended.warnings[1..],
        ["text after the table's last `|` was ignored"]
    );
}

/// The guess and its warning come from the code every form shares: the
/// same table as TSV says the same, word for word, after its place.
#[test]
fn the_text_forms_guess_as_tsv_does() {
    let text = String::from_utf8(article("gaps/headerless-pipe-lines.txt")).unwrap();
    let tsv: String = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| format!("{}\n", l.replace(" | ", "\t")))
        .collect();
    let tsv = read("a.tsv", tsv.as_bytes(), None, &ColumnPins::default()).unwrap();
    let lines = read_gap("headerless-pipe-lines.txt");
    assert_eq!(code_texts(&tsv), code_texts(&lines));
    let after_place = |w: &str| w.split_once(" has ").unwrap().1.to_string();
    assert_eq!(
        after_place(guesses(&tsv)[0]),
        after_place(guesses(&lines)[0])
    );
}

#[test]
fn pins_by_position_keep_a_headerless_tables_first_row_in_every_form() {
    for (name, first, count) in [
        ("headerless-pipe-ended.txt", "4010", 5),
        ("headerless-pipe-lines.txt", "4010", 5),
        ("columns/skiff-no-header.tsv", "401", 5),
        ("columns/skiff-no-header.md", "401", 3),
        ("columns/skiff-no-header.html", "SKF_01", 3),
    ] {
        let article = read_with(name, &pins("1", "2")).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(article.rows.len(), count, "{name}: the first row is a row");
        assert_eq!(article.rows[0].code.to_string(), first, "{name}");
        assert!(guesses(&article).is_empty(), "{name}: pinned, not guessed");
        assert!(
            article.warnings.iter().any(|w| w.contains(
                "has no header row: its first row is read as data, as the pinned code column (column 1) holds a code there"
            )),
            "{name}: {:?}",
            article.warnings
        );
        // A third column is an extra one, named by its place, not by the
        // first row's text.
        for row in &article.rows {
            assert!(
                row.extra.keys().all(|k| k == "Column 3"),
                "{name}: {:?}",
                row.extra
            );
        }
    }
}

#[test]
fn a_pin_by_position_finds_a_pipe_ended_table_whose_code_is_not_first() {
    let pinned = read_with("code-in-second-column.txt", &pins("2", "3")).unwrap();
    assert_eq!(codes(&pinned), ["4010", "4020", "4040"]);
    assert_eq!(pinned.rows[2].description, "No contact has that number.");
    assert_eq!(pinned.rows[2].extra["Column 1"], "Contacts");
    // Unpinned, rows are taken to start at a code, and do not fit.
    let err = refusal("code-in-second-column.txt", &ColumnPins::default());
    assert!(
        err.contains("the table ends in the middle of a row"),
        "{err}"
    );
}

#[test]
fn wrong_and_foreign_headers_read_in_the_pipe_forms() {
    for name in ["wrong-header-pipe-ended.txt", "wrong-header-pipe-lines.txt"] {
        let article = read_gap(name);
        assert_eq!(codes(&article), ["-1", "0042", "7001"], "{name}");
        assert_eq!(
            article.rows[1].solution, "Split the file or move to a bigger plan.",
            "{name}"
        );
        let [guess] = guesses(&article)[..] else {
            panic!("{name}: {:?}", article.warnings)
        };
        assert!(
            guess.contains("has a header that does not name its columns")
                && guess.contains(
                    "code = column 1 \"Param\", description = column 2 \"Type\", solution = column 3 \"Notes\""
                ),
            "{name}: {guess}"
        );
    }
    let vi = read_gap("foreign-pipe-ended.txt");
    assert_eq!(codes(&vi), ["1001", "1002", "5000"]);
    assert_eq!(vi.rows[1].solution, "Làm mới khóa rồi gửi lại.");
    let ko = read_gap("foreign-pipe-lines.txt");
    assert_eq!(codes(&ko), ["E1001", "E1002", "E3001"]);
    assert_eq!(ko.rows[1].description, "인증 토큰이 만료되었습니다.");
    for article in [&vi, &ko] {
        assert!(article.warnings.is_empty(), "{:?}", article.warnings);
    }
}

#[test]
fn a_table_of_fields_beside_the_error_table_adds_no_entry_in_any_text_form() {
    for (name, skipped) in [
        // After the error table, run into it: its rows are skipped, named.
        ("fields-after-tsv.txt", 3),
        ("fields-after-pipe-lines.txt", 3),
        // Before it, in the `|`-ended form: its cells are no header.
        ("fields-before-pipe-ended.txt", 0),
        ("fields-before-pipe-ended-typed.txt", 0),
    ] {
        let article = read_gap(name);
        assert_eq!(codes(&article), ["7301", "7302"], "{name}");
        assert_eq!(
            article.rows[1].description, "The file is larger than allowed.",
            "{name}"
        );
        let fields = article
            .warnings
            .iter()
            .filter(|w| w.contains("reads as a field of a response body"))
            .count();
        assert_eq!(fields, skipped, "{name}: {:?}", article.warnings);
    }
}

#[test]
fn inline_bars_before_a_pipe_ended_table_are_not_its_header() {
    // A breadcrumb (`Home | Docs`) and a `|` table of fields: their bars do
    // not end their lines, so no header cell is taken from them.
    for name in [
        "pipe-ended-behind-inline-bars.txt",
        "pipe-ended-behind-field-table.txt",
    ] {
        let article = read_gap(name);
        assert_eq!(codes(&article), ["7001", "7002"], "{name}");
        assert_eq!(
            article.rows[1].solution, "Submit the template for review.",
            "{name}"
        );
    }
}

#[test]
fn a_pipe_ended_decoy_does_not_stop_a_paragraph_per_cell_table() {
    let article = read_gap("pipe-ended-decoy.txt");
    assert_eq!(codes(&article), ["4101", "4102", "4107"]);
    assert_eq!(
        article.rows[2].solution,
        "- Ask the payer to call their bank\n- Offer another payment method"
    );
    assert!(
        article.warnings.iter().any(|w| w.starts_with(
            "the text also reads as `|`-ended cells (a table at line 11), which was not read: it was read as one paragraph per cell"
        )),
        "{:?}",
        article.warnings
    );
}

#[test]
fn two_shapes_with_error_tables_read_the_first_and_warn_of_the_other() {
    let article = read_gap("two-shapes.txt");
    assert_eq!(codes(&article), ["10", "11"]);
    assert!(
        article.warnings.iter().any(|w| w.starts_with(
            "the text also reads as one paragraph per cell (a table at line 10), which was not read"
        )),
        "{:?}",
        article.warnings
    );
}

#[test]
fn navigation_lines_with_bars_are_no_table() {
    let err = refusal("navigation-only.txt", &ColumnPins::default());
    assert!(err.contains("no table found"), "{err}");
}

#[test]
fn a_headerless_capture_cut_mid_row_is_refused() {
    let err = refusal("headerless-pipe-ended-cut.txt", &ColumnPins::default());
    assert!(
        err.starts_with("headerless-pipe-ended-cut.txt:12: the table ends in the middle of a row: its last row has 2 of its 3 cells (as many as its first row: \"4010\"")
            && err.ends_with("3 complete rows read)"),
        "{err}"
    );
}
