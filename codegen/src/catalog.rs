//! Article + annotations + the last release's model -> the model.
//!
//! The released model is the crate's memory: a code the article stops
//! listing stays (as `removed`) so downstream `match` arms keep compiling, and
//! a variant keeps its name even if its annotation is later deleted. A code
//! added and dropped again between two releases was never shipped, so it
//! simply goes.

use crate::annotations::Annotations;
use crate::error::{Error, Result};
use crate::model::{
    ArticleInfo, Catalog, Category, ErrorEntry, Key, SCHEMA_VERSION, SourceInfo, Status,
};
use crate::read::{Article, ArticleRow};
use std::collections::HashSet;

/// Codes listed one warning each, up to a screenful; beyond that one warning
/// names the first few and the count (an unannotated article of 100k codes
/// is one problem, not 100k).
const WARN_EACH_UP_TO: usize = 20;

/// The codes nobody annotated: the first [`WARN_EACH_UP_TO`] in full and a
/// count, so a large article does not keep a second list of every code.
#[derive(Default)]
struct Unannotated {
    first: Vec<(Key, String)>,
    count: usize,
}

impl Unannotated {
    fn push(&mut self, key: &Key, name: &str) {
        if self.first.len() <= WARN_EACH_UP_TO {
            self.first.push((key.clone(), name.to_owned()));
        }
        self.count += 1;
    }

    fn warn(&self, file: &str, warnings: &mut Vec<String>) {
        if self.count <= WARN_EACH_UP_TO {
            for (code, name) in &self.first {
                let table = crate::annotations::table_name(code);
                warnings.push(format!(
                    "code {code} has no annotation in {file}: generated as {name} (category unknown, action escalate); add [{table}] with a name and category"
                ));
            }
        } else {
            let first: Vec<String> = self
                .first
                .iter()
                .take(10)
                .map(|(c, _)| c.to_string())
                .collect();
            warnings.push(format!(
                "{} codes have no annotation in {file} ({}, ...): generated as Code<number> (category unknown, action escalate); add a [codes.<code>] with a name and category for each",
                self.count,
                first.join(", ")
            ));
        }
    }
}

/// A warning for each text of the article's entries that holds characters
/// that change how it reads without being seen.
fn hidden_characters(entries: &[ErrorEntry]) -> Vec<String> {
    let mut warnings = Vec::new();
    for entry in entries {
        let cells = [
            ("description", &entry.description),
            ("solution", &entry.solution),
        ];
        let extra = entry
            .extra
            .iter()
            .flat_map(|(k, v)| [("a column header", k), (k.as_str(), v)]);
        for (field, text) in cells.into_iter().chain(extra) {
            let hidden = crate::controls::hidden_in(text);
            if !hidden.is_empty() {
                warnings.push(format!(
                    "code {}: {field} holds invisible control characters ({}) that can make text read differently than it is (bidi controls: CVE-2021-42574); the generated docs and table show them as [U+XXXX], string values keep them escaped",
                    entry.key(),
                    hidden.join(", ")
                ));
            }
        }
    }
    warnings
}

/// The model of the article's rows, as the configuration names and
/// classifies them, with the codes the last release had and the article
/// dropped kept as removed.
pub fn build(
    article: Article,
    source: SourceInfo,
    about: ArticleInfo,
    annotations: &Annotations,
    released: Option<&Catalog>,
    warnings: &mut Vec<String>,
) -> Result<Catalog> {
    let mut unannotated = Unannotated::default();
    let mut errors = listed_entries(article.rows, annotations, released, &mut unannotated);
    // What the article's text hides comes first, then what its configuration lacks.
    warnings.extend(hidden_characters(&errors));
    unannotated.warn(&annotations.file, warnings);
    if let Some(released) = released {
        let dropped = dropped_entries(&errors, released, annotations);
        errors.extend(dropped);
    }
    warnings.extend(unused_annotations(annotations, &errors));
    validated(Catalog {
        schema_version: SCHEMA_VERSION,
        article: about,
        source,
        vendor: annotations.vendor.clone(),
        categories: annotations.categories.clone(),
        envelope: annotations.envelope.clone(),
        errors,
    })
}

/// The article's rows as entries, in its order. A row nobody annotated keeps
/// the name the last release gave it, else a placeholder, and is counted in
/// `unannotated`. Rows move into entries: a large article is not held twice.
fn listed_entries(
    rows: Vec<ArticleRow>,
    annotations: &Annotations,
    released: Option<&Catalog>,
    unannotated: &mut Unannotated,
) -> Vec<ErrorEntry> {
    let released = released.map(Catalog::by_key).unwrap_or_default();
    let placeholders = crate::names::fallback_names(rows.iter().map(ArticleRow::key));
    let mut classify = |key: Key, placeholder: String| match annotations.by_code.get(&key) {
        Some(a) => (a.name.clone(), a.category.clone(), annotations.action_of(a)),
        None => {
            let name = released.get(&key).map_or(placeholder, |b| b.name.clone());
            unannotated.push(&key, &name);
            let unknown = Category::unknown();
            let action = annotations.default_action(&unknown);
            (name, unknown, action)
        }
    };
    let entry = |(row, placeholder): (ArticleRow, String)| {
        let (name, category, action) = classify(row.key(), placeholder);
        ErrorEntry {
            code: row.code,
            subcode: row.subcode,
            name,
            description: row.description,
            solution: row.solution,
            cause: row.cause,
            section: row.section,
            other_sections: row.other_sections,
            keyed_by: row.keyed_by,
            category,
            action,
            extra: row.extra,
            status: Status::Listed,
        }
    };
    rows.into_iter().zip(placeholders).map(entry).collect()
}

/// The entries of the last release that the article no longer lists, as
/// removed (a removal already released keeps its date), named and classified
/// as their annotations now say.
fn dropped_entries(
    listed: &[ErrorEntry],
    released: &Catalog,
    annotations: &Annotations,
) -> Vec<ErrorEntry> {
    let listed: HashSet<Key> = listed.iter().map(ErrorEntry::key).collect();
    let keep = |old: &ErrorEntry| {
        let mut kept = old.clone();
        if let Some(a) = annotations.by_code.get(&old.key()) {
            (kept.name, kept.category, kept.action) =
                (a.name.clone(), a.category.clone(), annotations.action_of(a));
        }
        if kept.status.is_listed() {
            kept.status = Status::Removed { since: None };
        }
        kept
    };
    let dropped = released
        .errors
        .iter()
        .filter(|e| !listed.contains(&e.key()));
    dropped.map(keep).collect()
}

/// A warning for each annotation of a code the model does not have; for a
/// code the model keys by message or section, it names the keys to use.
fn unused_annotations(annotations: &Annotations, errors: &[ErrorEntry]) -> Vec<String> {
    let keys: HashSet<Key> = errors.iter().map(ErrorEntry::key).collect();
    let file = &annotations.file;
    let unused = annotations.by_code.keys().filter(|k| !keys.contains(*k));
    let warn = |code: &Key| {
        let qualified: Vec<String> = errors
            .iter()
            .filter(|e| e.keyed_by.is_some() && e.key().unqualified() == *code)
            .map(|e| format!("[{}]", crate::annotations::table_name(&e.key())))
            .collect();
        let table = crate::annotations::table_name(code);
        match qualified.is_empty() {
            true => format!("{file}: [{table}] annotates a code the article does not have"),
            false => format!(
                "{file}: [{table}] annotates code {code}, which the article lists more than once: annotate each entry instead, as {}",
                qualified.join(", ")
            ),
        }
    };
    unused.map(warn).collect()
}

/// The catalog, if it holds the model's invariants; else its first problem,
/// in the article, pointing at the configuration that may cause it.
fn validated(catalog: Catalog) -> Result<Catalog> {
    catalog.validate().map_err(|e| {
        let what = match e.row {
            Some(row) => format!("entry {row}: {}", e.message),
            None => e.message,
        };
        Error::new(format!("{what} (check {})", catalog.article.annotations))
            .in_file(&catalog.source.path)
    })?;
    Ok(catalog)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    /// The warnings of building a model of `rows` rows, row `hidden` holding
    /// a bidi override in its solution, after one warning from reading.
    fn warnings_of(rows: usize, hidden: usize) -> Vec<String> {
        let mut text = String::from("| Error code | Description | Solution |\n|---|---|---|\n");
        for code in 0..rows {
            let solution = if code == hidden {
                "Turn \u{202e}back"
            } else {
                "Retry."
            };
            text.push_str(&format!("| {code} | Code {code}. | {solution} |\n"));
        }
        let pins = Default::default();
        let article = crate::read::read("a.md", text.as_bytes(), None, &pins).unwrap();
        let annotations =
            crate::annotations::parse("notes.toml", "[codes.0]\nname = \"Zero\"\ncategory = \"unknown\"\n[codes.\"-5\"]\nname = \"Gone\"\ncategory = \"unknown\"\n")
                .unwrap();
        let source = SourceInfo {
            path: "a.md".into(),
            format: Format::Markdown,
            sha256: String::new(),
        };
        let mut warnings = vec!["from reading".to_string()];
        let about = ArticleInfo::default();
        build(article, source, about, &annotations, None, &mut warnings).unwrap();
        warnings
    }

    #[test]
    fn hidden_characters_are_warned_of_first() {
        let rows = 30;
        let warnings = warnings_of(rows, rows - 2);
        assert_eq!(warnings.len(), 4, "{rows}: {warnings:#?}");
        assert_eq!(warnings[0], "from reading");
        assert!(
            warnings[1].starts_with(&format!(
                "code {}: solution holds invisible control characters (U+202E)",
                rows - 2
            )),
            "{rows}: {warnings:#?}"
        );
        assert!(warnings[2].contains("have no annotation"), "{warnings:#?}");
        assert!(
            warnings[3].contains("[codes.\"-5\"] annotates a code the article does not have"),
            "{warnings:#?}"
        );
    }

    /// Annotations for codes 1 (`One`, retried) and 3 (`Three`).
    fn notes() -> Annotations {
        let text = "[[category]]\nname = \"server\"\ndoc = \"d\"\naction = \"retry\"\n[codes.1]\nname = \"One\"\ncategory = \"server\"\n[codes.3]\nname = \"Three\"\ncategory = \"server\"\naction = \"escalate\"\n";
        crate::annotations::parse("notes.toml", text).unwrap()
    }

    fn row(code: i64) -> ArticleRow {
        ArticleRow {
            code: Code::Numeric(code),
            subcode: None,
            description: format!("description {code}"),
            solution: String::new(),
            cause: String::new(),
            section: None,
            other_sections: Vec::new(),
            keyed_by: None,
            extra: Default::default(),
            line: None,
        }
    }

    /// A model of these entries, as the fixture of the last release holds them.
    fn released(entries: &[(i64, &str, serde_json::Value)]) -> Catalog {
        let errors: Vec<serde_json::Value> = entries
            .iter()
            .map(|(code, name, status)| {
                let mut entry = serde_json::json!({"code": code, "name": name, "description": "d", "solution": "", "category": "unknown", "action": "escalate"});
                if !status.is_null() {
                    entry["status"] = status.clone();
                }
                entry
            })
            .collect();
        let json = serde_json::json!({"schema_version": 2, "source": {"path": "a.md", "format": "markdown", "sha256": ""}, "errors": errors});
        Catalog::from_json("r.json", &json.to_string()).unwrap()
    }

    use crate::model::{Action, Code};

    #[test]
    fn listed_rows_are_named_by_their_annotation_else_by_the_release_else_a_placeholder() {
        let before = released(&[(2, "Two", serde_json::Value::Null)]);
        let mut unannotated = Unannotated::default();
        let rows = vec![row(1), row(2), row(4)];
        let entries = listed_entries(rows, &notes(), Some(&before), &mut unannotated);
        let named: Vec<(&str, &str, Action)> = entries
            .iter()
            .map(|e| (e.name.as_str(), e.category.as_str(), e.action))
            .collect();
        assert_eq!(
            named,
            [
                ("One", "server", Action::Retry),
                ("Two", "unknown", Action::Escalate),
                ("Code4", "unknown", Action::Escalate),
            ]
        );
        assert_eq!(entries[2].description, "description 4");
        assert!(entries.iter().all(|e| e.status.is_listed()));
        assert_eq!(unannotated.count, 2);
    }

    #[test]
    fn released_codes_the_article_dropped_are_kept_as_removed() {
        let dated = serde_json::json!({"state": "removed", "since": "1.1.0"});
        let before = released(&[
            (1, "Old", serde_json::Value::Null),
            (3, "Code3", serde_json::Value::Null),
            (5, "Five", dated),
        ]);
        let mut unannotated = Unannotated::default();
        let listed = listed_entries(vec![row(1)], &notes(), None, &mut unannotated);
        let dropped = dropped_entries(&listed, &before, &notes());
        let kept: Vec<(&str, Action, Status)> = dropped
            .iter()
            .map(|e| (e.name.as_str(), e.action, e.status.clone()))
            .collect();
        let since = |v: Option<&str>| Status::Removed {
            since: v.map(str::to_owned),
        };
        assert_eq!(
            kept,
            [
                ("Three", Action::Escalate, since(None)),
                ("Five", Action::Escalate, since(Some("1.1.0"))),
            ]
        );
    }

    #[test]
    fn annotations_of_codes_the_model_lacks_are_warned_of() {
        let mut unannotated = Unannotated::default();
        let entries = listed_entries(vec![row(3), row(4)], &notes(), None, &mut unannotated);
        assert_eq!(
            unused_annotations(&notes(), &entries),
            ["notes.toml: [codes.\"1\"] annotates a code the article does not have"]
        );
    }

    #[test]
    fn a_model_that_breaks_an_invariant_is_an_error_in_the_article() {
        let mut catalog = released(&[(1, "One", serde_json::Value::Null)]);
        catalog.article.annotations = "notes.toml".into();
        assert_eq!(validated(catalog.clone()).unwrap(), catalog);
        catalog.errors.push(catalog.errors[0].clone());
        let err = validated(catalog).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.md: entry 2: code 1 appears twice (check notes.toml)"
        );
    }
}
