//! What changed between two models, in the terms a downstream user cares
//! about, and the semver bump that calls for. Used by regen (to version the
//! crate) and by `cargo xtask diff`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use crate::model::{Catalog, ErrorEntry, Key};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Codes listed now that were not listed before (new or returning).
    pub added: Vec<Key>,
    /// Codes listed before that the article no longer lists.
    pub removed: Vec<Key>,
    pub changed: Vec<Changed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changed {
    pub code: Key,
    /// `description`, `solution`, `name`, `category`, `action`, `extra.<column>`.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    None,
    Patch,
    Minor,
    Major,
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        })
    }
}

fn listed(catalog: &Catalog) -> BTreeMap<Key, &ErrorEntry> {
    catalog.listed().map(|e| (e.key(), e)).collect()
}

fn changed_fields(old: &ErrorEntry, new: &ErrorEntry) -> Vec<String> {
    let fields = [
        ("description", old.description != new.description),
        ("solution", old.solution != new.solution),
        ("cause", old.cause != new.cause),
        ("section", old.section != new.section),
        ("name", old.name != new.name),
        ("category", old.category != new.category),
        ("action", old.action != new.action),
    ];
    let fields = fields
        .into_iter()
        .filter_map(|(name, differs)| differs.then_some(name));
    let columns: BTreeSet<&String> = old.extra.keys().chain(new.extra.keys()).collect();
    let extra = columns
        .into_iter()
        .filter(|c| old.extra.get(*c) != new.extra.get(*c));
    let extra = extra.map(|column| format!("extra.{column}"));
    fields.map(str::to_owned).chain(extra).collect()
}

/// Compares the codes each model lists; order and removed entries aside.
pub fn diff(old: &Catalog, new: &Catalog) -> Changes {
    let (before, after) = (listed(old), listed(new));
    let only_in = |these: &BTreeMap<Key, &ErrorEntry>, not: &BTreeMap<Key, &ErrorEntry>| {
        let keys = these.keys().filter(|c| !not.contains_key(*c));
        keys.cloned().collect::<Vec<Key>>()
    };
    let mut changed: BTreeMap<Key, Vec<String>> = after
        .iter()
        .filter_map(|(code, new)| {
            let fields = changed_fields(before.get(code)?, new);
            (!fields.is_empty()).then_some((code.clone(), fields))
        })
        .collect();
    // A deprecated variant is public API too: renaming it breaks users.
    let new_by_key = new.by_key();
    for old_entry in &old.errors {
        let Some(new_entry) = new_by_key.get(&old_entry.key()) else {
            continue;
        };
        let both_listed = old_entry.status.is_listed() && new_entry.status.is_listed();
        if !both_listed && old_entry.name != new_entry.name {
            changed
                .entry(old_entry.key())
                .or_default()
                .push("name".to_owned());
        }
    }
    let changed = changed
        .into_iter()
        .map(|(code, fields)| Changed { code, fields })
        .collect();
    Changes {
        added: only_in(&after, &before),
        removed: only_in(&before, &after),
        changed,
    }
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// Text changes are a patch; new codes (the enum is non-exhaustive), new
    /// deprecations and a changed category or action (what `action()` tells
    /// a client to do) are minor; only a renamed variant, which no doc update
    /// can cause, is major.
    pub fn bump(&self) -> Bump {
        let any_field = |wanted: &[&str]| {
            self.changed
                .iter()
                .any(|c| c.fields.iter().any(|f| wanted.contains(&f.as_str())))
        };
        if any_field(&["name"]) {
            Bump::Major
        } else if !self.added.is_empty()
            || !self.removed.is_empty()
            || any_field(&["category", "action"])
        {
            Bump::Minor
        } else if !self.changed.is_empty() {
            Bump::Patch
        } else {
            Bump::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Category, Code, Format, SourceInfo, Status};

    fn key(code: i64) -> Key {
        Key::code(Code::Numeric(code))
    }

    fn entry(code: i64, description: &str) -> ErrorEntry {
        ErrorEntry {
            code: Code::Numeric(code),
            subcode: None,
            name: format!("Code{code}"),
            description: description.into(),
            solution: String::new(),
            cause: String::new(),
            section: None,
            other_sections: Vec::new(),
            keyed_by: None,
            category: Category::unknown(),
            action: Action::Escalate,
            extra: Default::default(),
            status: Status::Listed,
        }
    }

    fn catalog(errors: Vec<ErrorEntry>) -> Catalog {
        let source = SourceInfo {
            path: "x".into(),
            format: Format::Text,
            sha256: String::new(),
        };
        Catalog {
            schema_version: crate::model::SCHEMA_VERSION,
            article: Default::default(),
            vendor: Default::default(),
            categories: Vec::new(),
            envelope: None,
            source,
            errors,
        }
    }

    #[test]
    fn classifies_changes_and_bumps() {
        let old = catalog(vec![entry(1, "a"), entry(2, "b"), entry(3, "c")]);
        let reordered = catalog(vec![entry(3, "c"), entry(1, "a"), entry(2, "b")]);
        assert!(diff(&old, &reordered).is_empty());
        assert_eq!(diff(&old, &reordered).bump(), Bump::None);
        let new = catalog(vec![entry(1, "a"), entry(2, "B"), entry(4, "d")]);
        let changes = diff(&old, &new);
        assert_eq!(changes.added, [key(4)]);
        assert_eq!(changes.removed, [key(3)]);
        assert_eq!(
            changes.changed,
            [Changed {
                code: key(2),
                fields: vec!["description".into()]
            }]
        );
        assert_eq!(changes.bump(), Bump::Minor);
        let reworded = catalog(vec![entry(1, "a"), entry(2, "B"), entry(3, "c")]);
        assert_eq!(diff(&old, &reworded).bump(), Bump::Patch);
        let mut renamed = old.clone();
        renamed.errors[0].name = "Other".into();
        assert_eq!(diff(&old, &renamed).bump(), Bump::Major);
        let mut deprecated = old.clone();
        deprecated.errors[2].status = Status::Removed { since: None };
        let mut renamed_deprecated = deprecated.clone();
        renamed_deprecated.errors[2].name = "Other".into();
        let changes = diff(&deprecated, &renamed_deprecated);
        assert_eq!(changes.changed[0].fields, ["name"]);
        assert_eq!(changes.bump(), Bump::Major);
        let mut escalated = old.clone();
        escalated.errors[1].action = Action::Retry;
        let changes = diff(&old, &escalated);
        assert_eq!(changes.changed[0].fields, ["action"]);
        assert_eq!(changes.bump(), Bump::Minor);
    }
}
