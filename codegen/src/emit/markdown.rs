//! The human-readable table. It must render correctly whatever a cell holds,
//! and reading it back with the markdown reader gives the same entries.

use std::collections::BTreeSet;

use crate::model::Catalog;

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

pub fn emit(
    catalog: &Catalog,
    title: &str,
    rust_path: &str,
    annotations: &crate::annotations::Annotations,
) -> String {
    let vendor = &annotations.vendor;
    let listed: Vec<_> = catalog.listed().collect();
    let subcodes = listed.iter().any(|e| e.subcode.is_some());
    let causes = listed.iter().any(|e| !e.cause.is_empty());
    let sections = listed.iter().any(|e| e.section.is_some());
    let extras: BTreeSet<&String> = listed.iter().flat_map(|e| e.extra.keys()).collect();
    let mut out = format!(
        "<!-- {} -->\n\n# {title}\n\n",
        crate::emit::provenance(catalog)
    );
    out.push_str(&format!(
        "{} codes, read from `{}` ({}). In Rust: `{rust_path}`.\n\n## Error codes\n\n",
        listed.len(),
        catalog.source.path,
        catalog.source.format
    ));
    let mut header = vec!["Error code".to_owned()];
    if subcodes {
        header.push("Error sub-code".to_owned());
    }
    header.push("Description".to_owned());
    if causes {
        header.push(escape_cell(&vendor.cause_title));
    }
    header.push(escape_cell(&vendor.solution_title));
    if sections {
        header.push("Section".to_owned());
    }
    header.extend(extras.iter().map(|e| escape_cell(e)));
    out.push_str(&row(&header));
    out.push_str(&row(&vec!["---".to_owned(); header.len()]));
    for entry in &listed {
        let mut cells = vec![escape_cell(&entry.code.to_string())];
        if subcodes {
            cells.push(
                entry
                    .subcode
                    .as_ref()
                    .map_or("/".to_owned(), |s| escape_cell(&s.to_string())),
            );
        }
        cells.push(escape_cell(&entry.description));
        if causes {
            cells.push(escape_cell(&entry.cause));
        }
        cells.push(escape_cell(&entry.solution));
        if sections {
            cells.push(escape_cell(entry.section.as_deref().unwrap_or_default()));
        }
        cells.extend(
            extras
                .iter()
                .map(|e| escape_cell(entry.extra.get(*e).map_or("", String::as_str))),
        );
        out.push_str(&row(&cells));
    }
    out.push_str(&format!(
        "\n## Classification\n\nNot in the article: names, categories and actions come from `{}`.\n\n",
        annotations.file
    ));
    out.push_str("| Code | Variant | Id | Category | Action | Retryable |\n| --- | --- | --- | --- | --- | --- |\n");
    for entry in &listed {
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
    let removed: Vec<_> = catalog
        .errors
        .iter()
        .filter(|e| !e.status.is_listed())
        .collect();
    if !removed.is_empty() {
        out.push_str("\n## No longer listed\n\nKept in the crate as deprecated variants so downstream code keeps compiling.\n\n");
        for entry in removed {
            out.push_str(&format!(
                "- `{}` `{}` (deprecated {}): {}\n",
                entry.key(),
                entry.name,
                entry.status.deprecated_when().unwrap_or_default(),
                escape_cell(&entry.description)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_that_could_break_a_table() {
        assert_eq!(
            escape_cell("a|b\\c\n<b>x</b> & *y*"),
            "a\\|b\\\\c<br>\\<b\\>x\\</b\\> &amp; \\*y\\*"
        );
    }
}
