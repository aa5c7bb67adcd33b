//! What an article's configuration defines beside its codes, and what the
//! model carries so that every output can be made from the model alone: the
//! vendor's wording, the categories with their docs and default actions,
//! and the actions themselves.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of failure a code reports: a snake_case name the article's
/// configuration defines (`[[category]]`), with its docs and default action.
/// `unknown` always exists.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct Category(pub String);

impl Category {
    pub const UNKNOWN: &'static str = "unknown";

    pub fn unknown() -> Category {
        Category(Category::UNKNOWN.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The Rust variant name in the generated crate (`rate_limit` -> `RateLimit`).
    pub fn variant(&self) -> String {
        heck::ToUpperCamelCase::to_upper_camel_case(self.0.as_str())
    }

    /// Whether `name` can be a category: snake_case ASCII, starting with a letter.
    pub fn is_valid_name(name: &str) -> bool {
        name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && !name.ends_with('_')
            && !name.contains("__")
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a client should do when it gets a code. The one decision every
/// integration hand-writes today; the generated crate's `Action`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
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

/// The vendor's wording, used in generated docs and messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Vendor {
    /// Who sends the codes: "a TikTok error code this crate does not know".
    pub name: String,
    /// The first line of the generated type's docs.
    pub type_doc: String,
    /// The title of the solution column in generated docs.
    pub solution_title: String,
    /// The title of a separate cause column in generated docs.
    pub cause_title: String,
    /// The Rust type of a code's value: `u32`, `i64` (negative codes), or
    /// `str` (slugs such as `access_token_invalid`; needs `alloc`).
    pub code_type: CodeType,
}

impl Default for Vendor {
    fn default() -> Vendor {
        Vendor {
            name: "the API".into(),
            type_doc: "An error code, as the API sends it.".into(),
            solution_title: "Solution".into(),
            cause_title: "Cause".into(),
            code_type: CodeType::U32,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CodeType {
    U32,
    I64,
    Str,
}

impl CodeType {
    pub fn as_str(self) -> &'static str {
        match self {
            CodeType::U32 => "u32",
            CodeType::I64 => "i64",
            CodeType::Str => "str",
        }
    }
}

/// A category as the configuration defines it (`[[category]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    /// Its snake_case name, as entries give it.
    pub name: String,
    /// One sentence for the generated docs.
    pub doc: String,
    /// What a code of this category calls for unless its annotation says otherwise.
    pub action: Action,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_their_names() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
        }
        assert!(Category::is_valid_name("rate_limit"));
        assert!(!Category::is_valid_name("RateLimit"));
        assert_eq!(Category("rate_limit".into()).variant(), "RateLimit");
    }
}
