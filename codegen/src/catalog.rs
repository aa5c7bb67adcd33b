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
    ArticleInfo, Catalog, Category, CodeType, ErrorEntry, Key, SCHEMA_VERSION, SourceInfo, Status,
};
use crate::read::{Article, ArticleRow};
use std::collections::{HashMap, HashSet};

/// Codes listed one warning each, up to a screenful; beyond that one warning
/// names the first few and the count (an unannotated article of 100k codes
/// is one problem, not 100k).
const WARN_EACH_UP_TO: usize = 20;

/// A warning for each listed entry nobody annotated, or, past
/// [`WARN_EACH_UP_TO`] of them, one that names the first few and the count
/// (counted, not collected: a large article is not listed twice).
fn unannotated(entries: &[ErrorEntry], annotations: &Annotations) -> Vec<String> {
    let file = &annotations.file;
    let mut unannotated = entries
        .iter()
        .filter(|e| e.status.is_listed() && !annotations.by_code.contains_key(&e.key()));
    let first: Vec<&ErrorEntry> = unannotated.by_ref().take(WARN_EACH_UP_TO + 1).collect();
    if first.len() <= WARN_EACH_UP_TO {
        return first
            .iter()
            .map(|entry| {
                let (code, name) = (entry.key(), &entry.name);
                let table = crate::annotations::table_name(&code);
                format!(
                    "code {code} has no annotation in {file}: generated as {name} (category unknown, action escalate); add [{table}] with a name and category"
                )
            })
            .collect();
    }
    let codes: Vec<String> = first[..10].iter().map(|e| e.key().to_string()).collect();
    vec![format!(
        "{} codes have no annotation in {file} ({}, ...): generated as Code<number> (category unknown, action escalate); add a [codes.<code>] with a name and category for each",
        first.len() + unannotated.count(),
        codes.join(", ")
    )]
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
    let code_type = annotations.vendor.code_type;
    let mut errors = listed_entries(article.rows, annotations, released);
    // What the article's text hides comes first, then what its configuration lacks.
    warnings.extend(hidden_characters(&errors));
    warnings.extend(unannotated(&errors, annotations));
    if let Some(released) = released {
        let dropped = dropped_entries(&errors, released, annotations);
        let unfit_entry = |entry: &ErrorEntry| unfit(code_type, entry.key(), &annotations.file);
        if let Some(problem) = dropped.iter().find_map(unfit_entry) {
            let kept = "the article dropped it, the last release kept it";
            return Err(Error::new(format!("{problem} ({kept})")).in_file(&annotations.file));
        }
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

/// Refuses a row whose code the configuration's code type cannot hold, at
/// the capture's line (a row the reader could not place by its entry
/// number): the crate could not be generated. Where the capture is not the
/// configuration's own (`parse` of a new article, read with another
/// article's configuration), the same is a warning: `add` picks the type
/// from the codes.
pub(crate) fn check_code_type(
    article: &Article,
    source: &str,
    annotations: &Annotations,
    own: bool,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let code_type = annotations.vendor.code_type;
    for (index, row) in article.rows.iter().enumerate() {
        let Some(problem) = unfit(code_type, row.key(), &annotations.file) else {
            continue;
        };
        let entry = row
            .line
            .map_or(format!("entry {}: ", index + 1), |_| String::new());
        if !own {
            let at = row.line.map_or(String::new(), |l| format!(":{l}"));
            warnings.push(format!("{source}{at}: {entry}{problem}"));
            continue;
        }
        return Err(Error::new(entry + &problem)
            .at_line(row.line)
            .in_file(source));
    }
    Ok(())
}

/// Why the configuration's code type cannot hold the code or sub-code of
/// `key`, if it cannot: the crate could not be generated, and only the
/// configuration (`file`) can ask for a wider type.
fn unfit(code_type: CodeType, key: Key, file: &str) -> Option<String> {
    let (low, high) = code_type.range()?;
    let mut codes = std::iter::once(&key.code).chain(&key.subcode);
    codes.any(|code| !code_type.holds(code)).then(|| {
        format!(
            "code {key} does not fit code_type {}: expected a number from {low} to {high}, or set code_type = \"i64\" under [vendor] in {file}",
            code_type.as_str()
        )
    })
}

/// The article's rows as entries, in its order. A row nobody annotated keeps
/// the name the last release gave it, else a placeholder. Rows move into
/// entries: a large article is not held twice.
fn listed_entries(
    rows: Vec<ArticleRow>,
    annotations: &Annotations,
    released: Option<&Catalog>,
) -> Vec<ErrorEntry> {
    let taken = names_in_use(annotations, released);
    let released = released.map(Catalog::by_key).unwrap_or_default();
    let keys = rows.iter().map(ArticleRow::key);
    let placeholders = crate::names::fallback_names_avoiding(keys, &taken);
    let unknown_action = annotations.default_action(&Category::unknown());
    let classify = |key: Key, placeholder: String| match annotations.by_code.get(&key) {
        Some(a) => (a.name.clone(), a.category.clone(), annotations.action_of(a)),
        None => {
            let name = released.get(&key).map_or(placeholder, |b| b.name.clone());
            (name, Category::unknown(), unknown_action)
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

/// The id of every name the configuration gives and the last release had,
/// with the key that has it: what a placeholder must not take, since the
/// released entries the article dropped stay in the model under their names.
fn names_in_use(annotations: &Annotations, released: Option<&Catalog>) -> HashMap<String, Key> {
    let configured = annotations
        .by_code
        .iter()
        .map(|(k, a)| (k.clone(), &a.name));
    let shipped = released
        .into_iter()
        .flat_map(|r| &r.errors)
        .map(|e| (e.key(), &e.name));
    let mut taken = HashMap::new();
    for (key, name) in configured.chain(shipped) {
        taken.entry(crate::names::stable_id(name)).or_insert(key);
    }
    taken
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

    /// The model of `file` (`text`) under the configuration `notes`, after
    /// the release `released`.
    fn built(file: &str, text: &str, notes: &str, released: Option<&Catalog>) -> Result<Catalog> {
        let pins = Default::default();
        let article = crate::read::read(file, text.as_bytes(), None, &pins).unwrap();
        let annotations = crate::annotations::parse("notes.toml", notes).unwrap();
        let source = SourceInfo {
            path: file.into(),
            format: article.format,
            sha256: String::new(),
        };
        let about = ArticleInfo::default();
        check_code_type(&article, file, &annotations, true, &mut Vec::new())?;
        build(
            article,
            source,
            about,
            &annotations,
            released,
            &mut Vec::new(),
        )
    }

    #[test]
    fn a_capture_read_with_another_articles_configuration_is_only_warned_of() {
        let text = "| Error code | Description |\n|---|---|\n| -1 | Failed. |\n";
        let article =
            crate::read::read("new.md", text.as_bytes(), None, &Default::default()).unwrap();
        let annotations = crate::annotations::parse("notes.toml", "").unwrap();
        let mut warnings = Vec::new();
        check_code_type(&article, "new.md", &annotations, false, &mut warnings).unwrap();
        assert_eq!(
            warnings,
            [
                "new.md:3: code -1 does not fit code_type u32: expected a number from 0 to 4294967295, or set code_type = \"i64\" under [vendor] in notes.toml"
            ]
        );
        assert!(check_code_type(&article, "new.md", &annotations, true, &mut warnings).is_err());
    }

    #[test]
    fn a_code_its_code_type_cannot_hold_is_refused_at_its_line() {
        let table =
            "| Error code | Description | Solution |\n|---|---|---|\n| 1 | One. | Retry. |\n";
        let expected = |code: &str| {
            format!(
                "code {code} does not fit code_type u32: expected a number from 0 to 4294967295, or set code_type = \"i64\" under [vendor] in notes.toml"
            )
        };
        let refusal = |file, text: &str, released| built(file, text, "", released).unwrap_err();
        for code in ["99999999999", "-1"] {
            let text = format!("{table}| {code} | Big. | Wait. |\n");
            assert_eq!(
                refusal("a.md", &text, None).to_string(),
                format!("a.md:4: {}", expected(code))
            );
            // Wide enough, the same article is a model.
            let notes = "[vendor]\ncode_type = \"i64\"\n";
            assert!(built("a.md", &text, notes, None).is_ok());
        }
        // HTML rows have no line: the entry is numbered.
        let html = "<table><tr><th>Error code</th><th>Description</th><th>Solution</th></tr><tr><td>1</td><td>One.</td><td>Retry.</td></tr><tr><td>99999999999</td><td>Big.</td><td>Wait.</td></tr></table>";
        assert_eq!(
            refusal("a.html", html, None).to_string(),
            format!("a.html: entry 2: {}", expected("99999999999"))
        );
        // A code only the last release still has: the configuration's type
        // is what changed.
        let before = released(&[
            (1, "One", serde_json::Value::Null),
            (5_000_000_000, "Big", serde_json::Value::Null),
        ]);
        assert_eq!(
            refusal("a.md", table, Some(&before)).to_string(),
            format!(
                "notes.toml: {} (the article dropped it, the last release kept it)",
                expected("5000000000")
            )
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
        let errors = entries.iter().map(|(code, name, status)| {
            let mut entry = serde_json::json!({"code": code, "name": name});
            if !status.is_null() {
                entry["status"] = status.clone();
            }
            entry
        });
        released_entries(errors)
    }

    /// A model of these entries (code and name, and any other field), the
    /// rest of each as the fixture of the last release holds it.
    fn released_entries(entries: impl IntoIterator<Item = serde_json::Value>) -> Catalog {
        let errors: Vec<serde_json::Value> = entries
            .into_iter()
            .map(|fields| {
                let mut entry = serde_json::json!({"description": "d", "solution": "", "category": "unknown", "action": "escalate"});
                entry.as_object_mut().unwrap().extend(fields.as_object().unwrap().clone());
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
        let rows = vec![row(1), row(2), row(4)];
        let entries = listed_entries(rows, &notes(), Some(&before));
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
        assert_eq!(unannotated(&entries, &notes()).len(), 2);
    }

    #[test]
    fn released_codes_the_article_dropped_are_kept_as_removed() {
        let dated = serde_json::json!({"state": "removed", "since": "1.1.0"});
        let before = released(&[
            (1, "Old", serde_json::Value::Null),
            (3, "Code3", serde_json::Value::Null),
            (5, "Five", dated),
        ]);
        let listed = listed_entries(vec![row(1)], &notes(), None);
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

    /// A row of code `code` keyed by its message `message`.
    fn keyed_row(code: &str, message: &str) -> ArticleRow {
        ArticleRow {
            code: Code::parse(code).unwrap(),
            description: message.into(),
            keyed_by: Some(crate::model::KeyPart::Message),
            ..row(0)
        }
    }

    /// The names of the model of `rows` after a release of `before`, the
    /// entries the article dropped last.
    fn names_after(rows: Vec<ArticleRow>, notes: &Annotations, before: &Catalog) -> Vec<String> {
        let mut entries = listed_entries(rows, notes, Some(before));
        entries.extend(dropped_entries(&entries, before, notes));
        entries.into_iter().map(|e| e.name).collect()
    }

    #[test]
    fn a_placeholder_never_takes_a_name_the_release_or_the_configuration_has() {
        // Released with placeholders: two messages of 400 and a 401; then
        // the vendor rewords the second message.
        let rows = || {
            vec![
                keyed_row("400", "Chat missing"),
                keyed_row("400", "Message too long"),
                row(401),
            ]
        };
        let before = released_entries([
            serde_json::json!({"code": 400, "name": "Code400", "description": "Chat missing", "keyed_by": "message"}),
            serde_json::json!({"code": 400, "name": "Code400V2", "description": "Text too long", "keyed_by": "message"}),
            serde_json::json!({"code": 401, "name": "Code401"}),
        ]);
        let expected = ["Code400", "Code400V3", "Code401", "Code400V2"];
        let bare = crate::annotations::parse("notes.toml", "").unwrap();
        assert_eq!(names_after(rows(), &bare, &before), expected);
        // The same with the stub `add` wrote, which names every entry as
        // its placeholder.
        let stub = "[codes.\"400 | Chat missing\"]\nname = \"Code400\"\ncategory = \"unknown\"\n[codes.\"400 | Text too long\"]\nname = \"Code400V2\"\ncategory = \"unknown\"\n[codes.401]\nname = \"Code401\"\ncategory = \"unknown\"\n";
        let stub = crate::annotations::parse("notes.toml", stub).unwrap();
        assert_eq!(names_after(rows(), &stub, &before), expected);
        // A name the configuration gives a new entry is not a placeholder
        // to take either.
        let named =
            "[codes.\"400 | Message too long\"]\nname = \"Code400V3\"\ncategory = \"unknown\"\n";
        let named = crate::annotations::parse("notes.toml", named).unwrap();
        let mut more = rows();
        more.push(keyed_row("400", "Chat archived"));
        assert_eq!(
            names_after(more, &named, &before),
            ["Code400", "Code400V3", "Code401", "Code400V4", "Code400V2"]
        );
    }

    #[test]
    fn a_renamed_string_code_gets_a_placeholder_of_its_own() {
        // `access-denied` and `access_denied` were released as placeholders
        // that share a base; the vendor then renames the first.
        let text_row = |code: &str| ArticleRow {
            code: Code::parse(code).unwrap(),
            ..row(0)
        };
        let before = released_entries([
            serde_json::json!({"code": "access-denied", "name": "CodeAccessDenied"}),
            serde_json::json!({"code": "access_denied", "name": "CodeAccessDeniedV2"}),
        ]);
        let rows = vec![text_row("access_denied"), text_row("accessDenied")];
        let bare = crate::annotations::parse("notes.toml", "").unwrap();
        assert_eq!(
            names_after(rows, &bare, &before),
            [
                "CodeAccessDeniedV2",
                "CodeAccessDeniedV3",
                "CodeAccessDenied"
            ]
        );
    }

    #[test]
    fn a_name_given_twice_names_the_other_entry() {
        let mut catalog = released_entries([
            serde_json::json!({"code": 401, "name": "Code401"}),
            serde_json::json!({"code": 400, "name": "Long", "description": "Too long", "keyed_by": "message", "status": {"state": "removed", "since": "0.1.0"}}),
            serde_json::json!({"code": 400, "name": "Other", "description": "Way too long", "keyed_by": "message"}),
        ]);
        catalog.errors[2].name = "Long".into();
        catalog.article.annotations = "notes.toml".into();
        assert_eq!(
            validated(catalog).unwrap_err().to_string(),
            "a.md: entry 3: code 400 | Way too long: name \"Long\" is used twice (also by code 400 | Too long, kept from the release) (check notes.toml)"
        );
    }

    #[test]
    fn annotations_of_codes_the_model_lacks_are_warned_of() {
        let entries = listed_entries(vec![row(3), row(4)], &notes(), None);
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
