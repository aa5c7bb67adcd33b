//! The table shapes real captures have (issue 21, parts 5 to 7), each in an
//! article of our own under tests/articles/shapes/: markdown read as GFM
//! reads it, paragraph-per-cell copies behind decoys and doubled blank
//! lines, and a capture cut in the middle of a row refused in every form; a
//! refused text capture lists the tables it saw, as markdown's refusal does.

use codegen::Format;
use codegen::read::pins::ColumnPin;
use codegen::read::{Article, ColumnPins, read};
use workspace_tests::{article, code_texts, model_and_warnings};

fn shape(name: &str) -> String {
    format!("shapes/{name}")
}

fn read_shape(name: &str) -> Article {
    read(name, &article(&shape(name)), None, &ColumnPins::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Each entry's code and section, in the order read.
fn codes_and_sections(article: &Article) -> Vec<(String, String)> {
    article
        .rows
        .iter()
        .map(|r| (r.code.to_string(), r.section.clone().unwrap_or_default()))
        .collect()
}

fn refusal(name: &str) -> String {
    match read(name, &article(&shape(name)), None, &ColumnPins::default()) {
        Ok(article) => panic!("{name} was accepted: {:?}", article.rows),
        Err(e) => e.to_string(),
    }
}

#[test]
fn markdown_reads_as_gfm_reads_it_under_every_heading() {
    let article = read_shape("gfm-ragged.md");
    let expected: Vec<(String, String)> = [
        ("1001", "Sending"),
        ("1002", "Sending"),
        ("1003", "Sending"),
        // After an HTML comment, still a row of the table.
        ("1004", "Sending"),
        // No outer `|` at all, and a table an HTML comment split in two.
        ("2001", "Account"),
        ("2002", "Account"),
        ("2003", "Account"),
        // A whole HTML table on one line, in its place among the others.
        ("3001", "Delivery"),
        ("3002", "Delivery"),
        // No row closes with `|`, the last one at the input's end: whole.
        ("4001", "Limits"),
        ("4002", "Limits"),
    ]
    .map(|(c, s)| (c.to_string(), s.to_string()))
    .into();
    assert_eq!(codes_and_sections(&article), expected);
    let row = |code: &str| {
        article
            .rows
            .iter()
            .find(|r| r.code.to_string() == code)
            .unwrap()
    };
    assert_eq!(row("1002").solution, "", "a short row gets empty cells");
    assert_eq!(row("1003").solution, "Shorten it.", "a long row is cut");
    assert_eq!(row("4002").solution, "Wait for midnight UTC");
    let repairs: Vec<&String> = article
        .warnings
        .iter()
        .filter(|w| w.contains("as GFM"))
        .collect();
    assert_eq!(
        repairs,
        [
            "line 18: the row has 2 of the header's 3 cells: the missing ones are read as empty, as GFM reads a short row",
            "line 19: the row has more cells than the header's 3: \"legacy\" after them is not read, as GFM drops a long row's extra cells"
        ]
    );
}

#[test]
fn rows_without_outer_bars_stay_in_their_table_after_a_comment_or_blank_line() {
    let article = read_shape("gfm-bare-split.md");
    let codes = workspace_tests::codes(&article);
    // The prose line after the table holds a `|` but does not fill a row.
    assert_eq!(codes, ["5101", "5102", "5103"]);
    assert_eq!(article.rows[1].solution, "Compress it first.");
}

#[test]
fn footer_lines_with_bars_after_a_gfm_table_are_no_rows_and_no_cut() {
    let pins = ColumnPins::default();
    for text in [
        "Code | Description\n--- | ---\n40001 | Bad token.\n\nWas this article helpful? Yes | No\n",
        "Code | Description | Fix\n--- | --- | ---\n40001 | Bad token. | Renew.\n\nPrivacy | Terms | Contact\n",
        "| Code | Description |\n|---|---|\n| 40001 | Bad token. |\n\n| Last updated in May |\n",
    ] {
        let article =
            read("a.md", text.as_bytes(), None, &pins).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let codes = workspace_tests::codes(&article);
        assert_eq!(codes, ["40001"], "{text:?}");
    }
}

#[test]
fn labels_each_their_own_paragraph_beside_a_column_of_numbers() {
    // An HTTP status before the error code: both columns hold numbers.
    let text = "HTTP status\n\nError code\n\nDescription\n\n400\n\n40001\n\nThe request is malformed.\n\n401\n\n40002\n\nThe token is missing.\n";
    let article = read("a.txt", text.as_bytes(), None, &ColumnPins::default()).unwrap();
    let codes = workspace_tests::codes(&article);
    assert_eq!(codes, ["40001", "40002"]);
    assert_eq!(article.rows[1].extra["HTTP status"], "401");
}

#[test]
fn a_pipe_ended_copy_saved_as_markdown_is_refused_naming_format_text() {
    let text =
        "Error code |\nDescription |\nSolution |\n40001 |\nThe token is missing. |\nSend one. |\n";
    let err = read("copy.md", text.as_bytes(), None, &ColumnPins::default())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("copy.md:1: no table found: from line 1 each cell ends with `|`")
            && err.contains("--format text"),
        "{err}"
    );
    let article = read(
        "copy.md",
        text.as_bytes(),
        Some(Format::Text),
        &ColumnPins::default(),
    );
    assert_eq!(article.unwrap().rows.len(), 1);
}

#[test]
fn a_spreadsheet_copy_keeps_no_trailing_column_and_no_quotes() {
    let text = "Error code\tDescription\tSolution\t\n40001\t\"Say \"\"hello\"\" first.\"\tSend one.\t\n40002\tToo many calls.\tSlow down.\t\n";
    let article = read("a.tsv", text.as_bytes(), None, &ColumnPins::default()).unwrap();
    assert_eq!(article.rows[0].description, "Say \"hello\" first.");
    assert!(article.rows.iter().all(|r| r.extra.is_empty()));
    assert!(
        article.warnings.iter().all(|w| !w.contains("extra column")),
        "{:?}",
        article.warnings
    );
}

#[test]
fn a_pipe_ended_copy_may_label_its_codes() {
    let text = "Error code |\nDescription |\nSolution |\nUnauthorized: 50001 |\nThe token is not valid. |\nRenew it. |\nForbidden: 50003 |\nThe app may not do this. |\nAsk an admin. |\n";
    let article = read("a.txt", text.as_bytes(), None, &ColumnPins::default()).unwrap();
    let codes = workspace_tests::codes(&article);
    assert_eq!(codes, ["50001", "50003"]);
    assert_eq!(article.rows[1].extra["Code label"], "Forbidden");
}

#[test]
fn a_reader_view_cell_may_list_codes_one_a_line() {
    let text = "Error code\nDescription\nSolution\n\n500\n503\n\nThe server failed.\n\nTry again.\n\n40002\n\nToo many calls.\n\nSlow down.\n";
    let article = read("a.txt", text.as_bytes(), None, &ColumnPins::default()).unwrap();
    let codes = workspace_tests::codes(&article);
    assert_eq!(codes, ["500", "503", "40002"]);
}

#[test]
fn a_page_footer_run_into_the_last_row_is_a_note() {
    let pins = ColumnPins::default();
    let text = "Error code\tDescription\tSolution\n40001\tToken missing.\tSend one.\n40002\tToo many calls.\tSlow down.\nWas this helpful?\tYes\tNo\n";
    let article = read("a.txt", text.as_bytes(), None, &pins).unwrap();
    let codes = workspace_tests::codes(&article);
    assert_eq!(codes, ["40001", "40002"]);
    assert!(
        article
            .warnings
            .iter()
            .any(|w| w.contains("only a note (\"Was this helpful? Yes No\"): skipped")),
        "{:?}",
        article.warnings
    );
    // A malformed code in the last row is no sentence: still refused.
    let text = "Error code\tDescription\n40001\tToken missing.\n4000I\tTypo.\n";
    assert!(read("b.txt", text.as_bytes(), None, &pins).is_err());
}

#[test]
fn a_last_row_that_sums_the_table_up_is_no_code() {
    // `Total` is a word, as slug codes are: read as a code, it made the
    // crate's codes strings and an entry `CodeTotal`.
    let pins = ColumnPins::default();
    for (file, text, total) in [
        (
            "a.md",
            "| Code | Description |\n|---|---|\n| 40001 | Token missing. |\n| 40002 | Too many calls. |\n| Total | 2 codes |\n",
            "Total 2 codes",
        ),
        (
            "b.html",
            "<table><thead><tr><th>Code</th><th>Description</th></tr></thead><tbody><tr><td>40001</td><td>Token missing.</td></tr><tr><td>40002</td><td>Too many calls.</td></tr></tbody><tfoot><tr><td>Total:</td><td>2</td></tr></tfoot></table>",
            "Total: 2",
        ),
        (
            "e.html",
            "<table><tr><th>Code</th><th>Description</th></tr><tr><td>40001</td><td>Token missing.</td></tr><tr><td>40002</td><td>Too many calls.</td></tr><tr><td>Total</td><td>2 codes</td></tr><tr><td colspan=\"2\">Codes may change.</td></tr></table>",
            "Total 2 codes",
        ),
        (
            "c.txt",
            "错误码\t描述\n40001\t缺少令牌。\n40002\t调用过多。\n合计\t2 个\n",
            "合计 2 个",
        ),
    ] {
        let article =
            read(file, text.as_bytes(), None, &pins).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            workspace_tests::codes(&article),
            ["40001", "40002"],
            "{file}"
        );
        let said = format!("sums the table up (\"{total}\"), not an error: skipped");
        assert!(
            article.warnings.iter().any(|w| w.contains(&said)),
            "{file}: {:?}",
            article.warnings
        );
    }
    // A word code in the middle of the table is an entry, as ever, and so is
    // the last one where the codes are words.
    let text = "| Code | Description |\n|---|---|\n| total | A total was refused. |\n| 40001 | Token missing. |\n";
    let article = read("d.md", text.as_bytes(), None, &pins).unwrap();
    assert_eq!(workspace_tests::codes(&article), ["total", "40001"]);
    let text = "| Error code | Description |\n|---|---|\n| PER_MINUTE | The minute's calls ran out. |\n| TOTAL | The month's calls ran out. |\n";
    let article = read("f.md", text.as_bytes(), None, &pins).unwrap();
    assert_eq!(workspace_tests::codes(&article), ["PER_MINUTE", "TOTAL"]);
}

#[test]
fn a_title_that_joined_the_header_labels_is_no_label() {
    // One blank line after the title, two between cells: the title's gap is
    // shorter than the usual run, so it joins the labels' paragraph.
    let article = read_shape("reader-view-title-joined.txt");
    let codes = workspace_tests::codes(&article);
    assert_eq!(codes, ["6101", "6102"]);
    assert_eq!(article.rows[1].solution, "Send it as a link instead.");
}

#[test]
fn a_gfm_repair_reaches_the_warnings_the_cli_prints() {
    let (catalog, warnings) =
        model_and_warnings("gfm-ragged.md", &article(&shape("gfm-ragged.md")));
    assert_eq!(catalog.unwrap().errors.len(), 11);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("line 18: the row has 2 of the header's 3 cells")),
        "{warnings:?}"
    );
}

#[test]
fn paragraph_per_cell_copies_read_behind_decoys_and_doubled_blank_lines() {
    let expected = [
        ("4101", "Card errors"),
        ("4102", "Card errors"),
        ("4107", "Card errors"),
        ("5001", "Account errors"),
        ("5002", "Account errors"),
    ]
    .map(|(c, s)| (c.to_string(), s.to_string()));
    for name in [
        // A decoy `Key | Type | Description` table first, one paragraph per cell.
        "reader-view.txt",
        // The same, every blank line doubled.
        "reader-view-doubled.txt",
        // Every line end doubled: a blank line between the header's labels.
        "reader-view-every-newline-doubled.txt",
        // The decoy as `|` lines (a `\|` in a cell), a breadcrumb with bars
        // and a stray tab before the paragraphs.
        "reader-view-pipe-decoy.txt",
    ] {
        let article = read_shape(name);
        assert_eq!(codes_and_sections(&article), expected, "{name}");
        let listed = &article.rows[2];
        assert_eq!(
            listed.solution, "- Ask the payer to call their bank\n- Offer another payment method",
            "{name}"
        );
        assert!(
            article
                .warnings
                .iter()
                .any(|w| w.starts_with("3 paragraph(s) after the table's last row")),
            "{name}: the page's footer is named: {:?}",
            article.warnings
        );
    }
}

#[test]
fn paragraph_per_cell_copies_read_with_each_header_label_its_own_paragraph() {
    for name in [
        "reader-view-label-paragraphs.txt",
        // The same, every blank line doubled.
        "reader-view-label-paragraphs-doubled.txt",
        // A title and intro, then a decoy field table in the same shape
        // (a field named `code`, another `trace_id`), and a footer.
        "reader-view-label-paragraphs-decoy.txt",
    ] {
        let article = read_shape(name);
        let rows = code_texts(&article);
        assert_eq!(
            rows,
            [
                (
                    "61001".to_string(),
                    "The upload link is no longer valid.",
                    "Request a fresh upload link."
                ),
                (
                    "61002".to_string(),
                    "The parcel weighs more than the plan allows.",
                    "Split the parcel or move to a larger plan."
                )
            ],
            "{name}"
        );
    }
    let plain = read_shape("reader-view-label-paragraphs.txt");
    assert_eq!(plain.rows[1].line, Some(13), "a row is at its code's line");
}

#[test]
fn a_capture_cut_mid_row_is_refused_in_every_form_at_its_line() {
    for (name, expected) in [
        (
            "gfm-cut.md",
            "gfm-cut.md:7: row 3: the capture is cut in the middle of a row: the table's last row (line 7) ends the input without the closing `|` that every other row has",
        ),
        (
            "pipe-lines-cut.txt",
            "pipe-lines-cut.txt:7: row 3: the capture is cut in the middle of a row: the table's last row (line 7)",
        ),
        (
            "pipe-ended-cut-cell.txt",
            "pipe-ended-cut-cell.txt:10: the table ends in the middle of a row: its last row has 2 of its 3 cells",
        ),
        (
            "pipe-ended-cut-code.txt",
            "pipe-ended-cut-code.txt:12: the capture is cut in the middle of a row: \"10\" at line 12 starts a row after the last `|`",
        ),
        (
            "gfm-cut-at-bar.md",
            "gfm-cut-at-bar.md:7: row 3: the capture is cut in the middle of a row: the row starts with `|` and the input ends there",
        ),
        (
            "gfm-cut-in-code.md",
            "gfm-cut-in-code.md:9: row 3: the capture is cut in the middle of a row: the row starts with `|` and the input ends there",
        ),
        (
            "html-cut.html",
            "html-cut.html:5: truncated HTML: the capture is cut: the <table> that starts at line 5 has no </table> before the input ends at line 8",
        ),
        (
            "html-cut-in-markdown.md",
            "html-cut-in-markdown.md:13: truncated HTML: the capture is cut: the <table> that starts at line 13 has no </table> before the input ends at line 16",
        ),
    ] {
        let message = refusal(name);
        assert!(
            message.starts_with(expected),
            "{name}: expected\n  {expected}\ngot\n  {message}"
        );
        // Issue 21: every form's message says the capture is cut.
        assert!(message.contains("the capture is cut"), "{name}: {message}");
    }
}

#[test]
fn complete_tables_that_only_resemble_a_cut_are_read() {
    let pins = ColumnPins::default();
    let head = "| Code | Description |\n|---|---|\n| 1 | One. |\n";
    for (text, rows, why) in [
        (
            format!("{head}| 2 | Two.\n\nProse follows, so the input was not cut.\n"),
            2,
            "prose after the open row",
        ),
        (
            "Code | Description\n---|---\n1 | One.\n2 | Two.".to_string(),
            2,
            "no row closes",
        ),
        (
            format!("{head}| 2 | Two. |"),
            2,
            "the last row closes, at the input's end",
        ),
        (
            "Write `<table>` to start one.\n\n".to_string() + head,
            1,
            "a <table> in a code span",
        ),
    ] {
        let article =
            read("a.md", text.as_bytes(), None, &pins).unwrap_or_else(|e| panic!("{why}: {e}"));
        assert_eq!(article.rows.len(), rows, "{why}");
    }
    // The text reader's `|`-ended form: prose after the last `|` is warned
    // of, not taken for a cut row.
    let text = "Code |\nDescription |\n1 |\nOne. |\nWas this page useful?\n";
    let article = read("a.txt", text.as_bytes(), None, &pins).unwrap();
    assert_eq!(
        article.warnings,
        ["text after the table's last `|` was ignored"]
    );
}

#[test]
fn a_refused_text_capture_lists_the_tables_it_saw_as_markdown_does() {
    let pinned = ColumnPins {
        code: Some(ColumnPin::Position(7)),
        ..ColumnPins::default()
    };
    let text = article(&shape("pipe-lines-headerless.txt"));
    let err = read("x.txt", &text, None, &pinned).unwrap_err().to_string();
    assert!(
        err.starts_with("x.txt: no error table found: ")
            && err.contains("the tables seen were:\n  table at line 1: \"71001\" | ")
            && err.contains("(no column 7: the table has 3 (pinned as the code")
            && err.ends_with("to read it, pin its columns: --code-column 1 --description-column 2, or [columns] code = 1, description = 2)"),
        "{err}"
    );
    // The same table as GFM (a `---` row under its first line): the same list.
    let text = String::from_utf8(text).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    let gfm = format!("{first}\n|---|---|---|\n{rest}");
    let listed = read("x.md", gfm.as_bytes(), None, &pinned).unwrap_err();
    assert_eq!(listed.to_string().replace("x.md", "x.txt"), err);
}

#[test]
fn markdown_pipe_lines_without_a_delimiter_row_are_refused_naming_format_text() {
    let name = "pipe-lines-no-delimiter.md";
    assert_eq!(
        refusal(name),
        "pipe-lines-no-delimiter.md:3: no table found: the `|` lines from line 3 have no `---` row under their first line, so they are no GFM table (markdown shows them as a paragraph); to read them as copied `|` lines, pass --format text (or save the capture as .txt), or add the `---` row under the header"
    );
    let headerless = read(
        "headerless.md",
        &article(&shape("pipe-lines-headerless.txt")),
        None,
        &ColumnPins::default(),
    )
    .unwrap_err();
    assert!(
        headerless.message.contains("pass --format text"),
        "{headerless}"
    );
    // As the text reader reads them, they are a table.
    let bytes = article(&shape(name));
    let as_text = read(name, &bytes, Some(Format::Text), &ColumnPins::default()).unwrap();
    let codes = workspace_tests::codes(&as_text);
    assert_eq!(codes, ["71001", "71002", "71003"]);
}

#[test]
fn help_centre_table_furniture_is_skipped_or_titles_its_rows_each_warned_of() {
    let name = "html-table-furniture.html";
    let article = read_shape(name);
    let expected: Vec<(String, String)> = [
        ("1101", "Signing in"),
        ("1102", "Signing in"),
        ("2101", "Payments"),
        ("2102", "Payments"),
        // A footer row that holds a code is an entry, under no group.
        ("9001", ""),
    ]
    .iter()
    .map(|(c, s)| (c.to_string(), s.to_string()))
    .collect();
    assert_eq!(codes_and_sections(&article), expected);
    // Every row that is no entry is named, with what was made of it.
    let expected = [
        "row 1 is one cell across the table, \"Signing in\": read as the section title of the rows after it",
        "row 4 is empty: skipped",
        "row 5 is one cell across the table, \"Payments\": read as the section title",
        "row 7 is empty: skipped",
        "row 9, in the table's footer, repeats the header (\"Code\" | \"Description\" | \"Solution\"): skipped",
        "row 10, in the table's footer, holds no code, only a note (\"* Codes marked with an asterisk are retired.\"): skipped",
        "row 11, in the table's footer, holds no code, only a note (\"Not listed here? Write to the support desk with the request id.\"): skipped",
    ];
    for warning in expected {
        assert!(
            article.warnings.iter().any(|w| w.starts_with(warning)),
            "{warning}\nnot in {:#?}",
            article.warnings
        );
    }
}

#[test]
fn merged_cells_that_would_misalign_columns_are_still_refused() {
    let table = |row: &str| {
        format!(
            "<table><tr><th>Code</th><th>Description</th><th>Solution</th></tr><tr><td>1</td><td>One.</td><td>Fix.</td></tr>{row}</table>"
        )
    };
    for (row, expected) in [
        (
            "<tr><td colspan=\"2\">Note</td><td></td></tr>",
            "a.html: row 2: a cell has colspan=\"2\": merged cells are not supported",
        ),
        (
            "<tr><td colspan=\"2\">Across two of three.</td></tr>",
            "a.html: row 2: a cell has colspan=\"2\"",
        ),
        (
            "<tr><td colspan=\"3\" rowspan=\"2\">Two rows high.</td></tr>",
            "a.html: row 2: a cell has colspan=\"3\"",
        ),
        (
            "<tfoot><tr><td>2</td><td colspan=\"2\">In the footer.</td></tr></tfoot>",
            "a.html: row 2: a cell has colspan=\"2\"",
        ),
    ] {
        let page = table(row);
        match read("a.html", page.as_bytes(), None, &ColumnPins::default()) {
            Ok(article) => panic!("{row} was accepted: {:?}", article.rows),
            Err(e) => assert!(e.to_string().starts_with(expected), "{row}: {e}"),
        }
    }
}

#[test]
fn a_row_of_header_words_is_a_repeated_header_in_markdown_and_html() {
    let markdown = "| Code | Description | Solution |\n|---|---|---|\n| 301 | The form was sent twice. | Send it once. |\n| Error code | Message | |\n| 302 | The form has expired. | Open it again. |\n| code | description | solution |\n";
    let html = "<table><tr><th>Code</th><th>Description</th><th>Solution</th></tr><tr><td>301</td><td>The form was sent twice.</td><td>Send it once.</td></tr><tr><td>Error code</td><td>Message</td><td></td></tr><tr><td>302</td><td>The form has expired.</td><td>Open it again.</td></tr><tfoot><tr><td>code</td><td>description</td><td>solution</td></tr></tfoot></table>";
    for (name, text) in [("a.md", markdown), ("a.html", html)] {
        let article = read(name, text.as_bytes(), None, &ColumnPins::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let codes = workspace_tests::codes(&article);
        assert_eq!(codes, ["301", "302"], "{name}");
        let repeats: Vec<&String> = article
            .warnings
            .iter()
            .filter(|w| {
                w.contains(
                    "repeats the header (\"Code\" | \"Description\" | \"Solution\"): skipped",
                )
            })
            .collect();
        assert_eq!(repeats.len(), 2, "{name}: {:?}", article.warnings);
        let (second, fourth) = match name {
            "a.md" => ("row 2 (line 4)", "row 4 (line 6)"),
            _ => ("row 2", "row 4, in the table's footer,"),
        };
        assert!(repeats[0].starts_with(second), "{repeats:?}");
        assert!(repeats[1].starts_with(fourth), "{repeats:?}");
    }
}
