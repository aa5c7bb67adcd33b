//! Article + annotations + the last release's model -> the model.
//!
//! The released model is the crate's memory: a code the article stops
//! listing stays (as `removed`) so downstream `match` arms keep compiling, and
//! a variant keeps its name even if its annotation is later deleted. A code
//! added and dropped again between two releases was never shipped, so it
//! simply goes.

use crate::annotations::Annotations;
use crate::error::{Error, Result};
use crate::model::{Catalog, Category, ErrorEntry, SCHEMA_VERSION, SourceInfo, Status};
use crate::names::fallback_name;
use crate::read::Article;

pub fn build(
    article: &Article,
    source: SourceInfo,
    annotations: &Annotations,
    released: Option<&Catalog>,
    warnings: &mut Vec<String>,
) -> Result<Catalog> {
    let mut errors = Vec::new();
    for row in &article.rows {
        let cells = [
            ("description", &row.description),
            ("solution", &row.solution),
        ];
        let extra = row
            .extra
            .iter()
            .flat_map(|(k, v)| [("a column header", k), (k.as_str(), v)]);
        for (field, text) in cells.into_iter().chain(extra) {
            let hidden = crate::controls::hidden_in(text);
            if !hidden.is_empty() {
                warnings.push(format!(
                    "code {}: {field} holds invisible control characters ({}) that can make text read differently than it is (bidi controls: CVE-2021-42574); the generated docs and table show them as [U+XXXX], string values keep them escaped",
                    row.code,
                    hidden.join(", ")
                ));
            }
        }
        let before = released.and_then(|p| p.find(&row.code));
        let (name, category, action) = match annotations.by_code.get(&row.code) {
            Some(a) => (a.name.clone(), a.category, a.action()),
            None => {
                let name = before.map_or_else(|| fallback_name(&row.code), |b| b.name.clone());
                warnings.push(format!(
                    "code {} has no annotation in {}: generated as {name} (category unknown, action escalate); add [codes.{}] with a name and category",
                    row.code, annotations.file, row.code
                ));
                (name, Category::Unknown, Category::Unknown.default_action())
            }
        };
        errors.push(ErrorEntry {
            code: row.code.clone(),
            name,
            description: row.description.clone(),
            solution: row.solution.clone(),
            category,
            action,
            extra: row.extra.clone(),
            status: Status::Listed,
        });
    }
    for old in released.map(|p| p.errors.as_slice()).unwrap_or_default() {
        if errors.iter().any(|e| e.code == old.code) {
            continue;
        }
        let mut kept = old.clone();
        if let Some(a) = annotations.by_code.get(&old.code) {
            (kept.name, kept.category, kept.action) = (a.name.clone(), a.category, a.action());
        }
        if kept.status.is_listed() {
            kept.status = Status::Removed { since: None };
        }
        errors.push(kept);
    }
    for code in annotations.by_code.keys() {
        if !errors.iter().any(|e| &e.code == code) {
            warnings.push(format!(
                "{}: [codes.{code}] annotates a code the article does not have",
                annotations.file
            ));
        }
    }
    let catalog = Catalog {
        schema_version: SCHEMA_VERSION,
        source,
        errors,
    };
    catalog.validate().map_err(|e| {
        let what = match e.row {
            Some(row) => format!("entry {row}: {}", e.message),
            None => e.message,
        };
        Error::new(format!("{what} (check {})", annotations.file)).in_file(&catalog.source.path)
    })?;
    Ok(catalog)
}
