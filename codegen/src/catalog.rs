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
use crate::names::fallback_name;
use crate::read::Article;
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
                warnings.push(format!(
                    "code {code} has no annotation in {file}: generated as {name} (category unknown, action escalate); add [codes.{code}] with a name and category"
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

pub fn build(
    article: Article,
    source: SourceInfo,
    about: ArticleInfo,
    annotations: &Annotations,
    released: Option<&Catalog>,
    warnings: &mut Vec<String>,
) -> Result<Catalog> {
    // Warnings about hidden characters come first, though they are looked
    // for last: alongside validation, which only reads the entries too.
    let hidden_at = warnings.len();
    let listed = article.rows.len();
    let mut errors = Vec::with_capacity(listed);
    let mut unannotated = Unannotated::default();
    // The annotations that found their code: few, so a small set.
    let mut annotated: HashSet<&Key> = HashSet::new();
    let released_by_key = released.map(Catalog::by_key).unwrap_or_default();
    // Rows move into entries: a large article is not held twice.
    for row in article.rows {
        let key = row.key();
        let before = released_by_key.get(&key);
        let (name, category, action) = match annotations.by_code.get_key_value(&key) {
            Some((annotated_key, a)) => {
                annotated.insert(annotated_key);
                (a.name.clone(), a.category.clone(), annotations.action_of(a))
            }
            None => {
                let name = before.map_or_else(|| fallback_name(&key), |b| b.name.clone());
                unannotated.push(&key, &name);
                let unknown = Category::unknown();
                let action = annotations.default_action(&unknown);
                (name, unknown, action)
            }
        };
        errors.push(ErrorEntry {
            code: row.code,
            subcode: row.subcode,
            name,
            description: row.description,
            solution: row.solution,
            cause: row.cause,
            section: row.section,
            category,
            action,
            extra: row.extra,
            status: Status::Listed,
        });
    }
    unannotated.warn(&annotations.file, warnings);
    if let Some(released) = released {
        let listed: HashSet<Key> = errors.iter().map(|e| e.key()).collect();
        for old in &released.errors {
            if listed.contains(&old.key()) {
                continue;
            }
            let mut kept = old.clone();
            if let Some((annotated_key, a)) = annotations.by_code.get_key_value(&old.key()) {
                annotated.insert(annotated_key);
                (kept.name, kept.category, kept.action) =
                    (a.name.clone(), a.category.clone(), annotations.action_of(a));
            }
            if kept.status.is_listed() {
                kept.status = Status::Removed { since: None };
            }
            errors.push(kept);
        }
    }
    for code in annotations.by_code.keys() {
        if !annotated.contains(code) {
            warnings.push(format!(
                "{}: [codes.\"{code}\"] annotates a code the article does not have",
                annotations.file
            ));
        }
    }
    let catalog = Catalog {
        schema_version: SCHEMA_VERSION,
        article: about,
        source,
        vendor: annotations.vendor.clone(),
        categories: annotations.categories.clone(),
        errors,
    };
    warnings.splice(
        hidden_at..hidden_at,
        hidden_characters(&catalog.errors[..listed]),
    );
    catalog.validate().map_err(|e| {
        let what = match e.row {
            Some(row) => format!("entry {row}: {}", e.message),
            None => e.message,
        };
        Error::new(format!("{what} (check {})", annotations.file)).in_file(&catalog.source.path)
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
}
