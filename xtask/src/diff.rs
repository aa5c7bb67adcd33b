//! `cargo xtask diff OLD NEW`: what changed between two articles (any form)
//! or fixtures, for people and for scripts.

use codegen::controls::for_terminal;
use std::path::Path;

use codegen::model::{Catalog, ErrorEntry, Key};
use codegen::{Changes, Entry};
use std::collections::HashMap;

use crate::files;

/// A model from an article in any form, or from a JSON fixture, at `path`
/// from the current directory; the annotations are the workspace's, at `root`.
pub fn load(root: &Path, entry: &Entry, path: &str) -> Result<Catalog, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let looks_json =
        path.ends_with(".json") || bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if looks_json {
        let text = files::into_text(path, bytes)?;
        return Catalog::from_json(path, &text).map_err(|e| e.to_string());
    }
    crate::read_article(
        root,
        entry,
        path,
        &bytes,
        None,
        &Default::default(),
        &mut Vec::new(),
    )
}

fn field<'a>(by_key: &HashMap<Key, &'a ErrorEntry>, code: &Key, name: &str) -> &'a str {
    let Some(entry) = by_key.get(code) else {
        return "";
    };
    match name {
        "description" => &entry.description,
        "solution" => &entry.solution,
        "cause" => &entry.cause,
        "section" => entry.section.as_deref().unwrap_or_default(),
        "name" => &entry.name,
        "category" => entry.category.as_str(),
        "action" => entry.action.as_str(),
        other => other
            .strip_prefix("extra.")
            .and_then(|c| entry.extra.get(c))
            .map_or("", String::as_str),
    }
}

const REMOVED: anstyle::Style = anstyle::AnsiColor::Red.on_default().bold();
const ADDED: anstyle::Style = anstyle::AnsiColor::Green.on_default().bold();

/// Old and new text, with changed words highlighted when `color` is set.
fn show_change(old: &str, new: &str, color: bool) -> String {
    if !color {
        return format!(
            "    - {}\n    + {}\n",
            old.replace('\n', "\n      "),
            new.replace('\n', "\n      ")
        );
    }
    let diff = similar::TextDiff::from_words(old, new);
    let (mut minus, mut plus) = (String::new(), String::new());
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            similar::ChangeTag::Equal => {
                minus.push_str(text);
                plus.push_str(text);
            }
            similar::ChangeTag::Delete => minus.push_str(&format!("{REMOVED}{text}{REMOVED:#}")),
            similar::ChangeTag::Insert => plus.push_str(&format!("{ADDED}{text}{ADDED:#}")),
        }
    }
    format!("    - {minus}\n    + {plus}\n")
}

/// A short readable list of the changes; with `old`, each changed field's
/// old and new text.
pub fn human(changes: &Changes, old: Option<&Catalog>, new: &Catalog, color: bool) -> String {
    // Looked up once per change: an article that changed every row is n
    // lookups, not n².
    let new_by_key = new.by_key();
    // Without the old model, removed codes are named from the new one.
    let old_index = old.map(Catalog::by_key);
    let old_by_key = old_index.as_ref().unwrap_or(&new_by_key);
    let name = |by_key: &HashMap<Key, &ErrorEntry>, code: &Key| {
        by_key
            .get(code)
            .map_or(String::new(), |e| format!(" {}", e.name))
    };
    let mut out = String::new();
    for code in &changes.added {
        out.push_str(&format!("added:   {code}{}\n", name(&new_by_key, code)));
    }
    for code in &changes.removed {
        out.push_str(&format!("removed: {code}{}\n", name(old_by_key, code)));
    }
    for changed in &changes.changed {
        out.push_str(&format!(
            "changed: {}{} ({})\n",
            changed.code,
            name(&new_by_key, &changed.code),
            for_terminal(&changed.fields.join(", "))
        ));
        if old.is_some() {
            for f in &changed.fields {
                out.push_str(&format!("  {}:\n", for_terminal(f)));
                // The article's text, with anything that would drive a
                // terminal (or hide in a PR body) shown as an escape.
                out.push_str(&show_change(
                    &for_terminal(field(old_by_key, &changed.code, f)),
                    &for_terminal(field(&new_by_key, &changed.code, f)),
                    color,
                ));
            }
        }
    }
    out
}

/// The `--json` form: codes ascending, plus the semver bump.
pub fn json(changes: &Changes) -> String {
    let value = serde_json::json!({
        "added": changes.added,
        "removed": changes.removed,
        "changed": changes.changed,
        "bump": changes.bump(),
    });
    format!("{value}\n")
}
