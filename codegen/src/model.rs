//! The one intermediate model. The JSON fixture is exactly its serialisation,
//! so every emitter and every other language sees the same facts.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// 2: `action` replaced `retryable` (which is now `action` is backoff or retry).
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub schema_version: u32,
    pub source: SourceInfo,
    /// Listed codes in the article's order, then codes the article no longer
    /// lists (kept so the generated crate never loses a variant).
    pub errors: Vec<ErrorEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    /// Path relative to the workspace root, with `/` separators.
    pub path: String,
    pub format: Format,
    pub sha256: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    Markdown,
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

    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorEntry {
    pub code: Code,
    /// The Rust variant name; from the annotations file, never from the prose.
    pub name: String,
    pub description: String,
    pub solution: String,
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// An error code as the article writes it. TikTok's responses carry numbers;
/// the article allows "a numeric or alphanumeric code", so both have a home.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Code {
    Numeric(u32),
    Alphanumeric(String),
}

impl Code {
    /// Parses a code cell: a decimal number that fits `u32`, or a letter
    /// followed by letters, digits, `_` or `-`, ending in a letter or digit, with
    /// at least one digit (`E1001`).
    /// Surrounding formatting (`**`, backticks, quotes) is already gone.
    pub fn parse(cell: &str) -> std::result::Result<Code, String> {
        let text = cell.trim();
        if text.is_empty() {
            return Err("empty code: expected a decimal number such as 40001".into());
        }
        let first = text.chars().next().unwrap_or_default();
        if first == '-' && text[1..].chars().all(|c| c.is_ascii_digit()) && text.len() > 1 {
            return Err(format!(
                "code \"{text}\" is negative: expected a decimal number from 0 to {}",
                u32::MAX
            ));
        }
        if first.is_ascii_digit() || first == '+' {
            if !text.chars().all(|c| c.is_ascii_digit()) {
                return Err(format!("code \"{text}\" is not a decimal number"));
            }
            return text.parse::<u32>().map(Code::Numeric).map_err(|_| {
                format!(
                    "code \"{text}\" is too large: expected a decimal number from 0 to {}",
                    u32::MAX
                )
            });
        }
        let well_formed = first.is_ascii_alphabetic()
            && text.len() <= 32
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            && text.ends_with(|c: char| c.is_ascii_alphanumeric())
            && text.chars().any(|c| c.is_ascii_digit());
        if well_formed {
            Ok(Code::Alphanumeric(text.to_owned()))
        } else {
            Err(format!(
                "code \"{text}\" is not a decimal number (nor an alphanumeric code such as E1001: a letter, then letters, digits, '_' or '-', ending in a letter or digit, with at least one digit)"
            ))
        }
    }

    pub fn as_u32(&self) -> Option<u32> {
        match self {
            Code::Numeric(n) => Some(*n),
            Code::Alphanumeric(_) => None,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Numeric(n) => write!(f, "{n}"),
            Code::Alphanumeric(s) => f.write_str(s),
        }
    }
}

/// What kind of failure a code reports; drives the retry default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Permission,
    InvalidRequest,
    NotFound,
    RateLimit,
    Authentication,
    UnsupportedMedia,
    Policy,
    Server,
    Unknown,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Permission,
        Category::InvalidRequest,
        Category::NotFound,
        Category::RateLimit,
        Category::Authentication,
        Category::UnsupportedMedia,
        Category::Policy,
        Category::Server,
        Category::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Permission => "permission",
            Category::InvalidRequest => "invalid_request",
            Category::NotFound => "not_found",
            Category::RateLimit => "rate_limit",
            Category::Authentication => "authentication",
            Category::UnsupportedMedia => "unsupported_media",
            Category::Policy => "policy",
            Category::Server => "server",
            Category::Unknown => "unknown",
        }
    }

    /// The Rust variant name in the generated crate.
    pub fn variant(self) -> &'static str {
        match self {
            Category::Permission => "Permission",
            Category::InvalidRequest => "InvalidRequest",
            Category::NotFound => "NotFound",
            Category::RateLimit => "RateLimit",
            Category::Authentication => "Authentication",
            Category::UnsupportedMedia => "UnsupportedMedia",
            Category::Policy => "Policy",
            Category::Server => "Server",
            Category::Unknown => "Unknown",
        }
    }

    /// One line for the generated rustdoc.
    pub fn summary(self) -> &'static str {
        match self {
            Category::Permission => "The caller is not allowed to perform the action.",
            Category::InvalidRequest => {
                "The request itself is malformed; retrying it unchanged will fail again."
            }
            Category::NotFound => "The referenced object or URL does not exist.",
            Category::RateLimit => "The caller is being throttled; retry later with backoff.",
            Category::Authentication => "The access token is missing, invalid or expired.",
            Category::UnsupportedMedia => "The uploaded file or media type is not accepted.",
            Category::Policy => "TikTok's messaging rules blocked the action.",
            Category::Server => "TikTok failed on its side; the same request may succeed later.",
            Category::Unknown => "A code this crate has no classification for.",
        }
    }

    /// What to do about a code of this category unless its annotation says
    /// otherwise. Unknown codes get a person's attention, never a blind retry.
    pub fn default_action(self) -> Action {
        match self {
            Category::RateLimit => Action::Backoff,
            Category::Server => Action::Retry,
            Category::Authentication => Action::Reauthorize,
            Category::InvalidRequest | Category::NotFound | Category::UnsupportedMedia => {
                Action::FixRequest
            }
            Category::Permission | Category::Policy | Category::Unknown => Action::Escalate,
        }
    }

    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// What a client should do when it gets a code. The one decision every
/// integration hand-writes today; the generated crate's `Action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Backoff,
    Retry,
    Reauthorize,
    FixRequest,
    Escalate,
}

impl Action {
    pub const ALL: [Action; 5] = [
        Action::Backoff,
        Action::Retry,
        Action::Reauthorize,
        Action::FixRequest,
        Action::Escalate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::Backoff => "backoff",
            Action::Retry => "retry",
            Action::Reauthorize => "reauthorize",
            Action::FixRequest => "fix_request",
            Action::Escalate => "escalate",
        }
    }

    /// The Rust variant name in the generated crate.
    pub fn variant(self) -> &'static str {
        match self {
            Action::Backoff => "Backoff",
            Action::Retry => "Retry",
            Action::Reauthorize => "Reauthorize",
            Action::FixRequest => "FixRequest",
            Action::Escalate => "Escalate",
        }
    }

    /// One line for the generated rustdoc.
    pub fn summary(self) -> &'static str {
        match self {
            Action::Backoff => {
                "Throttled: wait (honour `Retry-After` when there is one), then retry the same request."
            }
            Action::Retry => "A transient fault: retry the same request, with a bounded backoff.",
            Action::Reauthorize => {
                "The access token is missing, invalid or expired: refresh or re-authorise it, then retry."
            }
            Action::FixRequest => {
                "The request is wrong: retrying it unchanged will fail again; fix it first."
            }
            Action::Escalate => {
                "A person must act (permissions, policy, an unknown failure): do not retry automatically."
            }
        }
    }

    /// Whether the same request may succeed later without any change.
    pub fn is_retryable(self) -> bool {
        matches!(self, Action::Backoff | Action::Retry)
    }

    pub fn parse(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

impl Catalog {
    /// The invariants every reader and every emitter relies on.
    pub fn validate(&self) -> Result<()> {
        if self.schema_version != SCHEMA_VERSION {
            return Err(Error::new(format!(
                "schema_version {} is not supported: expected {SCHEMA_VERSION}",
                self.schema_version
            )));
        }
        if !self.errors.iter().any(|e| e.status.is_listed()) {
            return Err(Error::new("no error codes: expected at least one row"));
        }
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        let mut ids = std::collections::HashMap::new();
        for (index, entry) in self.errors.iter().enumerate() {
            let row = index + 1;
            if let Code::Alphanumeric(text) = &entry.code {
                Code::parse(text).map_err(|m| Error::new(m).at_row(row))?;
            }
            if entry.description.trim().is_empty() {
                return Err(
                    Error::new(format!("code {}: empty description", entry.code)).at_row(row),
                );
            }
            if !codes.insert(&entry.code) {
                return Err(Error::new(format!("code {} appears twice", entry.code)).at_row(row));
            }
            if !crate::names::is_variant_name(&entry.name) {
                return Err(Error::new(format!(
                    "code {}: name \"{}\" is not an UpperCamelCase Rust identifier",
                    entry.code, entry.name
                ))
                .at_row(row));
            }
            if !names.insert(&entry.name) {
                return Err(Error::new(format!(
                    "code {}: name \"{}\" is used twice",
                    entry.code, entry.name
                ))
                .at_row(row));
            }
            let id = crate::names::stable_id(&entry.name);
            if let Some(other) = ids.insert(id.clone(), &entry.name) {
                return Err(Error::new(format!(
                    "code {}: name \"{}\" has the same snake_case id \"{id}\" as \"{other}\": ids must be unique",
                    entry.code, entry.name
                ))
                .at_row(row));
            }
        }
        Ok(())
    }

    pub fn listed(&self) -> impl Iterator<Item = &ErrorEntry> {
        self.errors.iter().filter(|e| e.status.is_listed())
    }

    pub fn find(&self, code: &Code) -> Option<&ErrorEntry> {
        self.errors.iter().find(|e| &e.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_strictly() {
        assert_eq!(
            Code::parse("E_10-a"),
            Ok(Code::Alphanumeric("E_10-a".into()))
        );
        assert!(
            Code::parse("E10_").is_err(),
            "trailing punctuation is formatting, not code"
        );
        assert_eq!(Code::parse("40001"), Ok(Code::Numeric(40001)));
        assert_eq!(Code::parse(" 0 "), Ok(Code::Numeric(0)));
        assert_eq!(Code::parse("E1001"), Ok(Code::Alphanumeric("E1001".into())));
        assert_eq!(
            Code::parse("4000I").unwrap_err(),
            "code \"4000I\" is not a decimal number"
        );
        assert!(Code::parse("-5").unwrap_err().contains("negative"));
        assert!(Code::parse("4294967296").unwrap_err().contains("too large"));
        assert_eq!(Code::parse("4294967295"), Ok(Code::Numeric(u32::MAX)));
        assert!(Code::parse("").unwrap_err().contains("empty code"));
        assert!(
            Code::parse("Error")
                .unwrap_err()
                .contains("not a decimal number")
        );
        assert!(
            Code::parse("+5")
                .unwrap_err()
                .contains("not a decimal number")
        );
    }

    #[test]
    fn categories_round_trip_their_names() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
        }
        let retried: Vec<Category> = Category::ALL
            .into_iter()
            .filter(|c| c.default_action().is_retryable())
            .collect();
        assert_eq!(retried, [Category::RateLimit, Category::Server]);
        assert_eq!(Category::Unknown.default_action(), Action::Escalate);
    }
}
