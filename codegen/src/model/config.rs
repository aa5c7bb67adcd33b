//! What an article's configuration defines beside its codes, and what the
//! model carries so that every output can be made from the model alone: the
//! vendor's wording, the categories with their docs and default actions,
//! and the actions themselves.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Code;

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
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Backoff => "backoff",
            Action::Retry => "retry",
            Action::Reauthorize => "reauthorize",
            Action::FixRequest => "fix_request",
            Action::Escalate => "escalate",
        }
    }

    /// The Rust variant name in the generated crate (`fix_request` -> `FixRequest`).
    pub fn variant(self) -> String {
        heck::ToUpperCamelCase::to_upper_camel_case(self.as_str())
    }

    /// Whether the same request may succeed later without any change.
    pub fn is_retryable(self) -> bool {
        matches!(self, Action::Backoff | Action::Retry)
    }
}

/// The vendor's wording, used in generated docs and messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Vendor {
    /// Who sends the codes: "a TikTok error code this crate does not know".
    pub name: String,
    /// The stable id of qualified ids and metric labels (`tiktok` in
    /// `tiktok.rate_limited`); empty: the name in lower case ([`Vendor::id`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
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
            id: String::new(),
            type_doc: "An error code, as the API sends it.".into(),
            solution_title: "Solution".into(),
            cause_title: "Cause".into(),
            code_type: CodeType::U32,
        }
    }
}

impl Vendor {
    /// The stable id: the configured one, else the name's letters and
    /// digits in lower case, other runs as one `_` (`TikTok` -> `tiktok`).
    pub fn id(&self) -> String {
        if !self.id.is_empty() {
            return self.id.clone();
        }
        let words = self.name.split(|c: char| !c.is_ascii_alphanumeric());
        let id = words
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("_");
        if id.is_empty() {
            "vendor".to_owned()
        } else {
            id.to_ascii_lowercase()
        }
    }

    /// Whether `id` can be a vendor id: what `channel_errors::Vendor::new`
    /// accepts (lower-case ASCII letters, digits and `_`, not empty).
    pub fn is_valid_id(id: &str) -> bool {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
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

    /// The numbers a numeric code type holds, lowest and highest.
    pub fn range(self) -> Option<(i64, i64)> {
        match self {
            CodeType::U32 => Some((0, i64::from(u32::MAX))),
            CodeType::I64 => Some((i64::MIN, i64::MAX)),
            CodeType::Str => None,
        }
    }

    /// Whether the type can hold `code`: a number in a numeric type's range;
    /// text is always held (an alphanumeric `Code`, or a `str`).
    pub fn holds(self, code: &Code) -> bool {
        match (self.range(), code) {
            (Some((low, high)), Code::Numeric(n)) => (low..=high).contains(n),
            _ => true,
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
    /// The cross-vendor category (`channel_errors::Category`, by its stable
    /// id) this one maps to, where its name is not one of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<String>,
}

impl CategoryDef {
    /// The shared category's stable id: `shared`, else the name itself.
    pub fn shared_id(&self) -> &str {
        self.shared.as_deref().unwrap_or(&self.name)
    }
}

/// The stable ids of the shared category set (`channel_errors::Category`),
/// in its order: what every article's categories map to.
pub fn shared_categories() -> impl Iterator<Item = &'static str> {
    channel_errors::Category::ALL.iter().map(|c| c.as_str())
}

/// An API's response envelope as the configuration describes it
/// (`[envelope]`): JSON pointers (RFC 6901) to its parts, how it says
/// "success", which HTTP statuses carry it. The generated crate's
/// `ENVELOPE` (a `channel_errors::Envelope`) and `read_response` come
/// from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// Where the error code is (`/code`, `/error/code`).
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// A response header carrying the request id, when the body has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id_header: Option<String>,
    /// Where a success's payload is (`""`: the whole body); none: no payload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    pub success: SuccessSignal,
    /// The HTTP status ranges (inclusive) besides 2xx whose bodies are the
    /// envelope; empty: every status may carry it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub error_statuses: Vec<(u16, u16)>,
}

impl Envelope {
    /// Its JSON pointers, by the key the configuration gives each.
    pub fn pointers(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let optional = [
            ("subcode", &self.subcode),
            ("message", &self.message),
            ("request_id", &self.request_id),
            ("data", &self.data),
        ];
        let flag = match &self.success {
            SuccessSignal::Flag(flag) => Some(("success.flag", flag.as_str())),
            _ => None,
        };
        std::iter::once(("code", self.code.as_str()))
            .chain(
                optional
                    .into_iter()
                    .filter_map(|(k, v)| v.as_deref().map(|v| (k, v))),
            )
            .chain(flag)
    }
}

/// How an envelope says a call succeeded (`channel_errors::Success`):
/// `success = { code_is = 0 }`, `success = "no_code"`, or `success = {
/// flag = "/ok" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SuccessSignal {
    /// The code is this number; any other is the error.
    CodeIs(i64),
    /// There is no code; a code is the error.
    NoCode,
    /// The boolean at this JSON pointer is true.
    Flag(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_their_names() {
        for a in [
            Action::Backoff,
            Action::Retry,
            Action::Reauthorize,
            Action::FixRequest,
            Action::Escalate,
        ] {
            let name = serde_json::Value::from(a.as_str());
            assert_eq!(serde_json::from_value::<Action>(name).unwrap(), a);
        }
        assert!(Category::is_valid_name("rate_limit"));
        assert!(!Category::is_valid_name("RateLimit"));
        assert_eq!(Category("rate_limit".into()).variant(), "RateLimit");
    }

    #[test]
    fn a_vendor_id_is_configured_or_the_name_in_lower_case() {
        let vendor = |name: &str, id: &str| Vendor {
            name: name.into(),
            id: id.into(),
            ..Vendor::default()
        };
        assert_eq!(vendor("TikTok", "").id(), "tiktok");
        assert_eq!(vendor("Acme Chat (EU)", "").id(), "acme_chat_eu");
        assert_eq!(vendor("— —", "").id(), "vendor");
        assert_eq!(vendor("TikTok", "tt").id(), "tt");
        for name in ["TikTok", "Acme Chat (EU)", "— —", "the API"] {
            assert!(Vendor::is_valid_id(&vendor(name, "").id()), "{name}");
        }
        assert!(!Vendor::is_valid_id("Tik.Tok") && !Vendor::is_valid_id(""));
    }
}
