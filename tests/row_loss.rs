//! A row in the input is in the model or named in an error or warning: the
//! shapes that used to lose rows silently (issue 11, item 1).

use std::collections::BTreeMap;

use workspace_tests::{ARTICLE, article, model, model_and_warnings, pipe_article};

fn text(name: &str) -> String {
    String::from_utf8(article(name)).unwrap()
}

fn codes(file: &str, input: &str) -> Vec<String> {
    model(file, input.as_bytes())
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .errors
        .iter()
        .map(|e| e.code.to_string())
        .collect()
}

#[test]
fn a_malformed_first_code_in_the_pipe_form_is_an_error_not_more_header() {
    let rows = model(ARTICLE, &article(ARTICLE)).unwrap().errors;
    let first = rows[0].code.to_string();
    // One row more than the article, so that the cells after a header twice
    // as wide divide evenly: the shape that folded every second row away.
    let mut with_extra = rows.clone();
    let mut extra = rows[1].clone();
    extra.code = workspace_tests::unused_code(&rows, 0);
    with_extra.push(extra);
    for rows in [&rows, &with_extra] {
        let pipe = pipe_article(rows);
        let malformed = format!("{}I", &first[..first.len() - 1]);
        let broken = pipe.replacen(&format!("\n{first}\n"), &format!("\n{malformed}\n"), 1);
        assert_ne!(broken, pipe);
        let error = model("broken.txt", broken.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("row 1") && error.contains(&format!("\"{malformed}\"")),
            "{} rows: {error}",
            rows.len()
        );
    }
}

#[test]
fn blank_lines_between_rows_do_not_end_a_tsv_or_gfm_table() {
    let expected = codes("parley.txt", &text("parley.txt"));
    for name in ["parley.tsv", "parley.md"] {
        let original = text(name);
        let mut spaced = String::new();
        let is_row = |l: &str| l.starts_with("31") || l.starts_with("| `31");
        for line in original.lines() {
            // A blank line before every row after the first.
            if is_row(line) && spaced.lines().any(is_row) {
                spaced.push('\n');
            }
            spaced.push_str(line);
            spaced.push('\n');
        }
        assert!(
            spaced.len() > original.len() + 5,
            "{name}: blank lines went in"
        );
        assert_eq!(codes(name, &spaced), expected, "{name}");
    }
}

#[test]
fn extra_columns_with_empty_or_repeated_headers_keep_every_cell() {
    let input = "| Error code | Description | Solution | Notes | Notes |  |\n|---|---|---|---|---|---|\n| 7 | Seven. | Fix. | first note | second note | unnamed |\n";
    let (catalog, warnings) = model_and_warnings("extra.md", input.as_bytes());
    let catalog = catalog.unwrap();
    let extra: &BTreeMap<String, String> = &catalog.errors[0].extra;
    let mut values: Vec<&str> = extra.values().map(String::as_str).collect();
    values.sort();
    assert_eq!(
        values,
        ["first note", "second note", "unnamed"],
        "{extra:?}"
    );
    assert_eq!(extra.len(), 3);
    for name in extra.keys() {
        assert!(
            warnings.iter().any(|w| w.contains(&format!("\"{name}\""))),
            "{name} not named in {warnings:?}"
        );
    }
}
