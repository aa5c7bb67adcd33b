//! The human-readable table. It must render correctly whatever a cell holds,
//! and reading it back with the markdown reader gives the same entries.

use std::collections::BTreeSet;

use crate::model::{Catalog, Code, ErrorEntry, Vendor};

/// Escapes a cell so GFM shows it literally: pipes, backslashes, markdown
/// punctuation and HTML are escaped; line breaks become `<br>`.
pub fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if crate::controls::is_hidden(c) => {
                out.push_str(&format!("\\[{}\\]", crate::controls::code_point(c)))
            }
            '\n' => out.push_str("<br>"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// The whole file: the article's table, the annotations' table, and the
/// codes the article no longer lists.
pub fn emit(catalog: &Catalog) -> String {
    let listed: Vec<_> = catalog.listed().collect();
    let title = &catalog.article.title;
    let rust_path = catalog.article.rust_path();
    let mut out = intro(catalog, title, &rust_path, listed.len());
    out.push_str(&error_table(&listed, &catalog.vendor));
    out.push_str(&classification_table(&listed, &catalog.article.annotations));
    out.push_str(&no_longer_listed(catalog));
    out
}

/// Where the file came from, what it lists and the Rust type that holds it,
/// then the heading of the error table.
fn intro(catalog: &Catalog, title: &str, rust_path: &str, listed: usize) -> String {
    let provenance = crate::emit::provenance(catalog);
    let source = &catalog.source;
    format!(
        "<!-- {provenance} -->\n\n# {title}\n\n{listed} codes, read from `{}` ({}). In Rust: `{rust_path}`.\n\n## Error codes\n\n",
        source.path, source.format
    )
}

/// A column of the error table: its header, and each entry's text in it.
type Column<'a> = (String, Box<dyn Fn(&ErrorEntry) -> String + 'a>);

/// The table's columns. Those beyond code, description and solution only
/// where some listed entry fills them, so an article without sub-codes or
/// causes gets no column of empty cells; headers in the vendor's wording
/// where it has one. A missing sub-code is `/`, as the articles write it,
/// so the markdown reader reads the table back to the same entries.
fn columns<'a>(listed: &[&'a ErrorEntry], vendor: &Vendor) -> Vec<Column<'a>> {
    let any = |has: fn(&ErrorEntry) -> bool| listed.iter().any(|e| has(e));
    let mut columns: Vec<Column<'a>> =
        vec![("Error code".into(), Box::new(|e| e.code.to_string()))];
    if any(|e| e.subcode.is_some()) {
        let subcode = |e: &ErrorEntry| e.subcode.as_ref().map_or("/".to_owned(), Code::to_string);
        columns.push(("Error sub-code".into(), Box::new(subcode)));
    }
    columns.push(("Description".into(), Box::new(|e| e.description.clone())));
    if any(|e| !e.cause.is_empty()) {
        columns.push((vendor.cause_title.clone(), Box::new(|e| e.cause.clone())));
    }
    let solution = vendor.solution_title.clone();
    columns.push((solution, Box::new(|e| e.solution.clone())));
    if any(|e| e.section.is_some()) {
        let section = |e: &ErrorEntry| e.section_note().unwrap_or_default();
        columns.push(("Section".into(), Box::new(section)));
    }
    // The article's own extra columns, by header, in a stable order.
    let extras: BTreeSet<&String> = listed.iter().flat_map(|e| e.extra.keys()).collect();
    for extra in extras {
        let text = move |e: &ErrorEntry| e.extra.get(extra).cloned().unwrap_or_default();
        columns.push((extra.clone(), Box::new(text)));
    }
    columns
}

/// The header row's cells.
fn header(columns: &[Column]) -> Vec<String> {
    columns
        .iter()
        .map(|(title, _)| escape_cell(title))
        .collect()
}

/// One entry's cells, column for column with [`header`].
fn cells(columns: &[Column], entry: &ErrorEntry) -> Vec<String> {
    let texts = columns.iter().map(|(_, text)| escape_cell(&text(entry)));
    texts.collect()
}

/// What the article says about each listed code.
fn error_table(listed: &[&ErrorEntry], vendor: &Vendor) -> String {
    let columns = columns(listed, vendor);
    let mut out = row(&header(&columns));
    out.push_str(&row(&vec!["---".to_owned(); columns.len()]));
    for entry in listed {
        out.push_str(&row(&cells(&columns, entry)));
    }
    out
}

/// What the annotations add to each listed code, under its own heading so
/// no reader takes it for the article's words.
fn classification_table(listed: &[&ErrorEntry], annotations_file: &str) -> String {
    let mut out = format!(
        "\n## Classification\n\nNot in the article: names, categories and actions come from `{annotations_file}`.\n\n"
    );
    out.push_str("| Code | Variant | Id | Category | Action | Retryable |\n| --- | --- | --- | --- | --- | --- |\n");
    for entry in listed {
        let retry = if entry.action.is_retryable() {
            "yes"
        } else {
            "no"
        };
        out.push_str(&row(&[
            escape_cell(&entry.key().to_string()),
            format!("`{}`", entry.name),
            format!("`{}`", crate::names::stable_id(&entry.name)),
            format!("`{}`", entry.category.as_str()),
            format!("`{}`", entry.action.as_str()),
            retry.to_owned(),
        ]));
    }
    out
}

/// The codes the article dropped, which the crate keeps as deprecated
/// variants; nothing at all while there are none.
fn no_longer_listed(catalog: &Catalog) -> String {
    let mut removed = catalog
        .errors
        .iter()
        .filter(|e| !e.status.is_listed())
        .peekable();
    if removed.peek().is_none() {
        return String::new();
    }
    let mut out = "\n## No longer listed\n\nKept in the crate as deprecated variants so downstream code keeps compiling.\n\n".to_owned();
    for entry in removed {
        out.push_str(&format!(
            "- `{}` `{}` (deprecated {}): {}\n",
            entry.key(),
            entry.name,
            entry.status.deprecated_when().unwrap_or_default(),
            escape_cell(&entry.description)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Category, Code, Format, SourceInfo, Status};

    #[test]
    fn escapes_everything_that_could_break_a_table() {
        assert_eq!(
            escape_cell("a|b\\c\n<b>x</b> & *y*"),
            "a\\|b\\\\c<br>\\<b\\>x\\</b\\> &amp; \\*y\\*"
        );
    }
    /// A listed, unannotated code, as the fixture would hold it.
    fn entry(code: i64) -> ErrorEntry {
        serde_json::from_value(serde_json::json!({
            "code": code,
            "name": format!("Code{code}"),
            "description": format!("description {code}"),
            "solution": format!("solution {code}"),
            "category": "unknown",
            "action": "escalate",
        }))
        .unwrap()
    }

    fn catalog(errors: Vec<ErrorEntry>) -> Catalog {
        Catalog {
            schema_version: crate::model::SCHEMA_VERSION,
            article: Default::default(),
            vendor: Vendor::default(),
            categories: Vec::new(),
            envelope: None,
            source: SourceInfo {
                path: "docs/source/a.txt".into(),
                format: Format::Text,
                sha256: "0123abcd".into(),
            },
            errors,
        }
    }

    #[test]
    fn the_intro_says_where_the_codes_came_from_and_how_many() {
        let intro = intro(&catalog(Vec::new()), "A codes", "a::ErrorCode", 7);
        assert!(
            intro.starts_with(
                "<!-- @generated by `cargo xtask regen` from docs/source/a.txt (sha256 0123abcd)."
            ),
            "{intro}"
        );
        assert!(intro.ends_with(" -->\n\n# A codes\n\n7 codes, read from `docs/source/a.txt` (text). In Rust: `a::ErrorCode`.\n\n## Error codes\n\n"), "{intro}");
    }

    #[test]
    fn only_the_columns_some_entry_fills_are_in_the_table() {
        let vendor = Vendor {
            cause_title: "Why *this*".into(),
            solution_title: "Fix".into(),
            ..Vendor::default()
        };
        let plain = [entry(1), entry(2)];
        let plain: Vec<&ErrorEntry> = plain.iter().collect();
        assert_eq!(
            header(&columns(&plain, &vendor)),
            ["Error code", "Description", "Fix"]
        );

        let mut full = entry(3);
        full.subcode = Some(Code::Numeric(9));
        full.cause = "because".into();
        full.section = Some("Auth".into());
        full.extra.insert("Since|when".into(), "v2".into());
        let mut other = entry(4);
        other.extra.insert("Area".into(), "chat".into());
        let both = [&full, &other];
        let columns = columns(&both, &vendor);
        let header = header(&columns);
        assert_eq!(
            header,
            [
                "Error code",
                "Error sub-code",
                "Description",
                "Why \\*this\\*",
                "Fix",
                "Section",
                "Area",
                "Since\\|when"
            ]
        );
        assert_eq!(
            cells(&columns, &full),
            [
                "3",
                "9",
                "description 3",
                "because",
                "solution 3",
                "Auth",
                "",
                "v2"
            ]
        );
        // What an entry lacks is an empty cell, and a missing sub-code `/`.
        assert_eq!(
            cells(&columns, &other),
            ["4", "/", "description 4", "", "solution 4", "", "chat", ""]
        );
        assert_eq!(cells(&columns, &other).len(), header.len());
    }

    #[test]
    fn the_error_table_has_a_row_per_listed_entry_under_its_header() {
        let mut piped = entry(2);
        piped.description = "a | b".into();
        let entries = [entry(1), piped];
        let listed: Vec<&ErrorEntry> = entries.iter().collect();
        assert_eq!(
            error_table(&listed, &Vendor::default()),
            "| Error code | Description | Solution |\n\
             | --- | --- | --- |\n\
             | 1 | description 1 | solution 1 |\n\
             | 2 | a \\| b | solution 2 |\n"
        );
    }

    #[test]
    fn the_classification_names_the_annotations_and_what_each_code_calls_for() {
        let mut throttled = entry(429);
        throttled.name = "TooManyRequests".into();
        throttled.category = Category("rate_limit".into());
        throttled.action = Action::Backoff;
        throttled.subcode = Some(Code::Text("a_b".into()));
        let entries = [entry(1), throttled];
        let listed: Vec<&ErrorEntry> = entries.iter().collect();
        let table = classification_table(&listed, "docs/a.toml");
        assert!(table.starts_with("\n## Classification\n\nNot in the article: names, categories and actions come from `docs/a.toml`.\n\n"), "{table}");
        let rows: Vec<&str> = table
            .lines()
            .skip_while(|l| !l.starts_with("| ---"))
            .skip(1)
            .collect();
        assert_eq!(
            rows,
            [
                "| 1 | `Code1` | `code1` | `unknown` | `escalate` | no |",
                "| 429:a\\_b | `TooManyRequests` | `too_many_requests` | `rate_limit` | `backoff` | yes |",
            ]
        );
    }

    #[test]
    fn dropped_codes_are_listed_with_when_they_were_deprecated_and_only_if_any() {
        assert_eq!(no_longer_listed(&catalog(vec![entry(1)])), "");
        let mut cut = entry(2);
        cut.status = Status::Removed {
            since: Some("1.2.0".into()),
        };
        let mut pending = entry(3);
        pending.status = Status::Removed { since: None };
        pending.description = "<gone>".into();
        let text = no_longer_listed(&catalog(vec![entry(1), cut, pending]));
        assert!(text.starts_with("\n## No longer listed\n\n"), "{text}");
        let items: Vec<&str> = text.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(
            items,
            [
                "- `2` `Code2` (deprecated since version 1.2.0): description 2",
                "- `3` `Code3` (deprecated in the next release): \\<gone\\>",
            ]
        );
    }
}
