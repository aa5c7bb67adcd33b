//! The one intermediate model. The JSON fixture is exactly its serialisation,
//! so every emitter and every other language sees the same facts.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub mod code;
pub mod config;

pub use code::{Code, Key, KeyChoice, KeyPart, Qualifier};
pub use config::{
    Action, Category, CategoryDef, CodeType, Envelope, SuccessSignal, Vendor, shared_categories,
};

/// 2: `action` replaced `retryable` (which is now `action` is backoff or retry).
/// 3: `article`, `vendor` and `categories`: the model holds everything the
/// outputs say, so each is made from the model alone.
/// 4: `envelope`, a category's `shared` and the vendor's `id` (each
/// optional): what the crate's shared-runtime wiring is made from.
pub const SCHEMA_VERSION: u32 = 4;

/// The oldest schema still read: a released baseline is written only by a
/// release, and only its entries are read back, which 2 has as 3 does.
pub const OLDEST_SCHEMA_VERSION: u32 = 2;

/// An article's error codes with everything the outputs say about them: the
/// JSON fixture is exactly this.
// The default is the empty model a first release's changes are measured from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Which version of this format the file follows (see the changelog in
    /// the generator's `SCHEMA_VERSION`).
    pub schema_version: u32,
    /// The manifest's facts about the article and its crate (since 3).
    #[serde(default)]
    pub article: ArticleInfo,
    pub source: SourceInfo,
    /// The vendor's wording, from the configuration (since 3).
    #[serde(default)]
    pub vendor: Vendor,
    /// The configuration's categories in its order, then `unknown` (since 3).
    #[serde(default)]
    pub categories: Vec<CategoryDef>,
    /// The API's response envelope, when the configuration describes it (since 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub envelope: Option<Envelope>,
    /// Listed codes in the article's order, then codes the article no longer
    /// lists (kept so the generated crate never loses a variant).
    pub errors: Vec<ErrorEntry>,
}

/// What the manifest says about the article and the crate made from it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ArticleInfo {
    /// Human title, used in generated headers and docs.
    pub title: String,
    /// Where the live article is published.
    pub url: String,
    /// The article's configuration (annotations), relative to the workspace root.
    pub annotations: String,
    /// The generated crate's package name.
    pub crate_name: String,
    /// The generated error type's name.
    pub type_name: String,
}

impl ArticleInfo {
    /// The generated type's path in Rust (`tiktok_messaging_errors::ErrorCode`).
    pub fn rust_path(&self) -> String {
        format!("{}::{}", self.crate_name.replace('-', "_"), self.type_name)
    }
}

/// The capture the model was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    /// Path relative to the workspace root, with `/` separators.
    pub path: String,
    pub format: Format,
    pub sha256: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Markdown,
    #[default]
    Text,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Html, Format::Markdown, Format::Text];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Text => "text",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One code: what the article says about it, and what the annotations add.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorEntry {
    pub code: Code,
    /// The sub-code, where the article has a sub-code column and the row
    /// gives one (`/` or an empty cell gives none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcode: Option<Code>,
    /// The Rust variant name; from the annotations file, never from the prose.
    pub name: String,
    pub description: String,
    pub solution: String,
    /// A cause column of its own (`Cause`, `Probable cause`), where the
    /// article has one apart from the solution.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cause: String,
    /// The title of the section (heading) whose table lists the code, where
    /// the article splits its codes into several tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Further sections whose tables list this entry word for word (the
    /// same code and text in several per-endpoint tables is one entry).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_sections: Vec<String>,
    /// Where the article lists the code more than once: what tells this
    /// entry apart from the others, its message (the description, which the
    /// API sends with the code) or its section. Absent for a code listed
    /// once, which is its own entry whatever comes with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyed_by: Option<KeyPart>,
    pub category: Category,
    /// What a client should do about it; from the annotations, else the
    /// category's default.
    pub action: Action,
    /// Columns the article has beyond code, description and solution, by header.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Status::is_listed")]
    pub status: Status,
}

/// Whether the article still lists a code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum Status {
    #[default]
    Listed,
    /// Gone from the article; the crate keeps it as a deprecated variant.
    Removed {
        /// The release that first shipped it deprecated; `None` until
        /// `cargo xtask release` cuts that release.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        since: Option<String>,
    },
}

impl Status {
    pub fn is_listed(&self) -> bool {
        matches!(self, Status::Listed)
    }

    /// When a removed code was deprecated, for people: `since version 1.2.0`,
    /// or `in the next release` while that release is not cut yet.
    pub fn deprecated_when(&self) -> Option<String> {
        match self {
            Status::Listed => None,
            Status::Removed { since: Some(v) } => Some(format!("since version {v}")),
            Status::Removed { since: None } => Some("in the next release".to_owned()),
        }
    }
}

impl Catalog {
    /// Reads a fixture back, or a released baseline: the crate's memory of
    /// earlier codes.
    pub fn from_json(file: &str, text: &str) -> Result<Catalog> {
        let catalog: Catalog = serde_json::from_str(text).map_err(|e| {
            Error::new(format!("not a valid fixture: {e}"))
                .at_line(Some(e.line()))
                .in_file(file)
        })?;
        catalog.validate().map_err(|e| e.in_file(file))?;
        Ok(catalog)
    }

    /// The invariants every reader and every emitter relies on.
    pub fn validate(&self) -> Result<()> {
        if !(OLDEST_SCHEMA_VERSION..=SCHEMA_VERSION).contains(&self.schema_version) {
            return Err(Error::new(format!(
                "schema_version {} is not supported: expected {OLDEST_SCHEMA_VERSION} to {SCHEMA_VERSION}",
                self.schema_version
            )));
        }
        if !self.errors.iter().any(|e| e.status.is_listed()) {
            return Err(Error::new("no error codes: expected at least one row"));
        }
        // Codes and names are checked apart: the first problem in row order
        // is the one reported, since each check looks only at earlier rows,
        // and a row's code comes before its name (`min_by_key` keeps the
        // first of equals).
        let problems = self.first_code_problem().into_iter();
        let problems = problems.chain(self.first_name_problem());
        problems
            .min_by_key(|problem| problem.row)
            .map_or(Ok(()), Err)
    }

    /// The error of the first entry whose code is written wrong or repeats
    /// an earlier one, or whose description is empty, at its row (from 1).
    fn first_code_problem(&self) -> Option<Error> {
        let mut keys = HashSet::new();
        for (index, entry) in self.errors.iter().enumerate() {
            let row = index + 1;
            let problem = |message: String| Some(Error::new(message).at_row(row));
            for code in std::iter::once(&entry.code).chain(&entry.subcode) {
                if let Code::Text(text) = code {
                    let parsed = match Code::parse(text) {
                        Ok(parsed) => parsed,
                        Err(m) => return problem(m),
                    };
                    if parsed != *code {
                        return problem(format!(
                            "code \"{text}\" is written as text but reads as the number {parsed}: expected a JSON number"
                        ));
                    }
                }
            }
            if entry.description.trim().is_empty() {
                return problem(format!("code {}: empty description", entry.key()));
            }
            if let Some(problem_text) = self.keyed_problem(entry) {
                return problem(problem_text);
            }
            if !keys.insert(entry.key()) {
                return problem(format!("code {} appears twice", entry.key()));
            }
        }
        None
    }

    /// What is wrong with how an entry is keyed: by a part other than the
    /// first keyed entry's (one article has one key), or by a section it
    /// does not have.
    fn keyed_problem(&self, entry: &ErrorEntry) -> Option<String> {
        let part = entry.keyed_by?;
        let key = entry.key();
        if self.key_part() != Some(part) {
            return Some(format!(
                "code {key}: keyed by {}, but earlier entries by {}: expected one key for the article",
                part.describe(),
                self.key_part().map_or("", KeyPart::describe)
            ));
        }
        (part == KeyPart::Section && entry.section.is_none())
            .then(|| format!("code {key}: keyed by section, but has no section"))
    }

    /// The error of the first entry whose name is not a variant name, or
    /// repeats an earlier name or its snake_case id, at its row (from 1).
    fn first_name_problem(&self) -> Option<Error> {
        // Each name's id, and the name that has it. A name used twice shares
        // its id with itself, so one map finds both clashes (ids are unique
        // until the first one), and the message tells them apart.
        let mut ids: HashMap<String, &ErrorEntry> = HashMap::new();
        for (index, entry) in self.errors.iter().enumerate() {
            let row = index + 1;
            let problem = |message: String| Some(Error::new(message).at_row(row));
            if !crate::names::is_variant_name(&entry.name) {
                return problem(format!(
                    "code {}: name \"{}\" is not an UpperCamelCase Rust identifier",
                    entry.code, entry.name
                ));
            }
            let id = crate::names::stable_id(&entry.name);
            if let Some(other) = ids.insert(id.clone(), entry) {
                // Which entry has it: one the article dropped is in the
                // model only because the last release shipped it.
                let also = match other.status.is_listed() {
                    true => format!("code {}", other.key()),
                    false => format!("code {}, kept from the release", other.key()),
                };
                let (key, name) = (entry.key(), &entry.name);
                return problem(if other.name == *name {
                    format!("code {key}: name \"{name}\" is used twice (also by {also})")
                } else {
                    format!(
                        "code {key}: name \"{name}\" has the same snake_case id \"{id}\" as \"{}\" ({also}): ids must be unique",
                        other.name
                    )
                });
            }
        }
        None
    }

    pub fn listed(&self) -> impl Iterator<Item = &ErrorEntry> {
        self.errors.iter().filter(|e| e.status.is_listed())
    }

    /// Every entry by its key: one pass, so comparing two models of n codes
    /// costs n lookups, not n².
    pub fn by_key(&self) -> HashMap<Key, &ErrorEntry> {
        self.errors.iter().map(|e| (e.key(), e)).collect()
    }

    /// Whether any entry has a sub-code: the generated type is then looked
    /// up by (code, sub-code).
    pub fn has_subcodes(&self) -> bool {
        self.errors.iter().any(|e| e.subcode.is_some())
    }

    /// What tells apart the entries of a repeated code, if any code
    /// repeats: the generated type is then also looked up by it.
    pub fn key_part(&self) -> Option<KeyPart> {
        self.errors.iter().find_map(|e| e.keyed_by)
    }
}

code::impl_entry_key!(ErrorEntry);

impl ErrorEntry {
    /// The entry's section as docs show it: `Chats`, or `Chats (also under
    /// Groups, Channels)` for an entry several tables list word for word.
    pub fn section_note(&self) -> Option<String> {
        let section = self.section.as_ref()?;
        Some(match self.other_sections.is_empty() {
            true => section.clone(),
            false => format!("{section} (also under {})", self.other_sections.join(", ")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model of these names, entry `i` with code `i`.
    fn catalog_named(names: &[&str]) -> Catalog {
        Catalog {
            schema_version: SCHEMA_VERSION,
            article: ArticleInfo::default(),
            vendor: Vendor::default(),
            categories: Vec::new(),
            envelope: None,
            source: SourceInfo {
                path: "a.md".into(),
                format: Format::Markdown,
                sha256: String::new(),
            },
            errors: names
                .iter()
                .enumerate()
                .map(|(i, name)| ErrorEntry {
                    code: Code::Numeric(i as i64),
                    subcode: None,
                    name: (*name).into(),
                    description: "d".into(),
                    solution: String::new(),
                    cause: String::new(),
                    section: None,
                    other_sections: Vec::new(),
                    keyed_by: None,
                    category: Category::unknown(),
                    action: Action::Escalate,
                    extra: BTreeMap::new(),
                    status: Status::Listed,
                })
                .collect(),
        }
    }

    #[test]
    fn the_first_problem_in_row_order_is_reported() {
        let len = 40;
        let at = len - 30;
        let names: Vec<String> = (0..len).map(|i| format!("Code{i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        // A bad name at row `name_row`, a repeated code at `code_row`.
        let check = |name_row: usize, code_row: usize| {
            let mut catalog = catalog_named(&names);
            catalog.errors[name_row - 1].name = "bad name".into();
            catalog.errors[code_row - 1].code = Code::Numeric(0);
            catalog.validate().unwrap_err()
        };
        let err = check(at, at + 5);
        assert_eq!(err.row, Some(at), "{len}: {err}");
        assert!(err.message.contains("not an UpperCamelCase"), "{err}");
        let err = check(at + 5, at);
        assert_eq!(err.row, Some(at), "{len}: {err}");
        assert!(err.message.contains("code 0 appears twice"), "{err}");
        // On one row, the code is checked first.
        let err = check(at, at);
        assert_eq!(err.row, Some(at), "{len}: {err}");
        assert!(err.message.contains("appears twice"), "{err}");
        assert!(catalog_named(&names).validate().is_ok());
    }

    #[test]
    fn a_repeated_code_is_valid_only_keyed_one_way_by_what_tells_it_apart() {
        let mut catalog = catalog_named(&["A", "B", "C"]);
        for entry in &mut catalog.errors[..2] {
            entry.code = Code::Numeric(400);
        }
        catalog.errors[1].description = "other".into();
        let err = catalog.validate().unwrap_err();
        assert!(err.message.contains("code 400 appears twice"), "{err}");
        for entry in &mut catalog.errors[..2] {
            entry.keyed_by = Some(KeyPart::Message);
        }
        assert!(catalog.validate().is_ok());
        catalog.errors[1].keyed_by = Some(KeyPart::Section);
        let err = catalog.validate().unwrap_err();
        assert_eq!(err.row, Some(2));
        assert!(
            err.message
                .contains("keyed by section and code, but earlier entries by code and message"),
            "{err}"
        );
        for entry in &mut catalog.errors[..2] {
            entry.keyed_by = Some(KeyPart::Section);
        }
        let err = catalog.validate().unwrap_err();
        assert!(
            err.message
                .ends_with("keyed by section, but has no section"),
            "{err}"
        );
        catalog.errors[0].section = Some("Chats".into());
        catalog.errors[1].section = Some("Chats".into());
        let err = catalog.validate().unwrap_err();
        assert!(
            err.message.contains("code Chats / 400 appears twice"),
            "{err}"
        );
        catalog.errors[1].other_sections = vec!["Groups".into()];
        assert_eq!(
            catalog.errors[1].section_note().as_deref(),
            Some("Chats (also under Groups)")
        );
    }

    #[test]
    fn names_that_share_a_snake_case_id_are_refused() {
        let catalog = catalog_named;
        let err = catalog(&["HttpTimeout", "Other", "HTTPTimeout"])
            .validate()
            .unwrap_err();
        assert_eq!(err.row, Some(3));
        assert!(
            err.message.contains(
                "\"HTTPTimeout\" has the same snake_case id \"http_timeout\" as \"HttpTimeout\""
            ),
            "{err}"
        );
        // Equal ignoring case is not enough: `ab_c` and `a_bc` differ.
        assert!(catalog(&["AbC", "ABc", "Abc"]).validate().is_ok());
        // The clash is found with whichever earlier name has the id.
        let err = catalog(&["AbC", "ABc", "Abc", "ABC"])
            .validate()
            .unwrap_err();
        assert_eq!(err.row, Some(4), "{err}");
        assert!(err.message.contains("as \"Abc\""), "{err}");
        assert!(
            catalog(&["Same", "Same"])
                .validate()
                .unwrap_err()
                .message
                .contains("used twice")
        );
    }

    /// The name check written another way, a set of exact names beside a
    /// case-blind one: the check must report what it reports.
    fn first_name_problem_with_two_sets(names: &[&str]) -> Option<String> {
        let mut exact = std::collections::HashSet::new();
        let mut caseless = std::collections::HashMap::new();
        let mut ids = std::collections::HashMap::new();
        for name in names {
            if !exact.insert(*name) {
                return Some(format!("name \"{name}\" is used twice"));
            }
            let Some(first) = caseless.insert(name.to_ascii_lowercase(), *name) else {
                continue;
            };
            ids.entry(crate::names::stable_id(first)).or_insert(first);
            let id = crate::names::stable_id(name);
            if let Some(other) = ids.insert(id.clone(), *name) {
                return Some(format!(
                    "name \"{name}\" has the same snake_case id \"{id}\" as \"{other}\""
                ));
            }
        }
        None
    }

    #[test]
    fn names_used_twice_are_told_from_names_sharing_an_id_in_every_order() {
        let pool = [
            "AbC",
            "ABc",
            "Abc",
            "ABC",
            "Same",
            "SAME",
            "HttpTimeout",
            "HTTPTimeout",
        ];
        let mut lists: Vec<Vec<&str>> = vec![Vec::new()];
        for _ in 0..4 {
            let longer: Vec<Vec<&str>> = lists
                .iter()
                .flat_map(|list| {
                    pool.iter().map(move |name| {
                        let mut list = list.clone();
                        list.push(name);
                        list
                    })
                })
                .collect();
            for list in &longer {
                let expected = first_name_problem_with_two_sets(list);
                let found = catalog_named(list).validate().err().map(|e| e.to_string());
                match (&expected, &found) {
                    (None, None) => {}
                    (Some(expected), Some(found)) => {
                        assert!(found.contains(expected.as_str()), "{list:?}: {found}")
                    }
                    _ => panic!("{list:?}: expected {expected:?}, found {found:?}"),
                }
            }
            lists = longer;
        }
    }
}
