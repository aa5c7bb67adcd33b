//! The fixed, cross-vendor kinds of failure each article's own categories
//! map to.

use core::fmt;
use core::str::FromStr;

use crate::{Action, ParseError};

/// What kind of failure a code reports, in one set shared by every channel.
///
/// Each article's configuration maps its own categories (however the vendor
/// groups its codes) onto one of these, so a policy or a dashboard can group
/// TikTok's and another channel's failures together. The category sets a
/// code's default [`Action`]; the configuration may still give a code
/// another one.
///
/// The order is the one the TikTok crate has always had, so that it can
/// re-export this type without changing how its users' categories sort.
/// Non-exhaustive: a later release may add categories, so keep a wildcard
/// arm. The stable ids never change.
///
/// ```
/// use channel_errors::{Action, Category};
/// assert_eq!("rate_limit".parse::<Category>(), Ok(Category::RateLimit));
/// assert_eq!(Category::RateLimit.default_action(), Action::Backoff);
/// assert_eq!(Category::Unknown.to_string(), "unknown");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
#[non_exhaustive]
pub enum Category {
    /// The caller is not allowed to perform the action.
    Permission,
    /// The request itself is malformed; retrying it unchanged will fail again.
    InvalidRequest,
    /// The referenced object, recipient or URL does not exist.
    NotFound,
    /// The caller is being throttled; retry later with backoff.
    RateLimit,
    /// The credentials (an access token, an API key) are missing, invalid or expired.
    Authentication,
    /// The file or media type is not accepted.
    UnsupportedMedia,
    /// The vendor's messaging rules blocked the action.
    Policy,
    /// The vendor failed on its side; the same request may succeed later.
    Server,
    /// A code nobody has classified (unknown codes, unmapped categories).
    Unknown,
}

impl Category {
    /// Every category, in declaration order.
    pub const ALL: &'static [Category] = &[
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

    /// The stable snake_case id (`"rate_limit"`), as configurations and
    /// fixtures spell it.
    pub const fn as_str(self) -> &'static str {
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

    /// What to do about a code of this kind unless its configuration says
    /// otherwise. [`Category::Unknown`] escalates: a code nobody has
    /// classified is never silently retried.
    pub const fn default_action(self) -> Action {
        match self {
            Category::Permission => Action::Escalate,
            Category::InvalidRequest => Action::FixRequest,
            Category::NotFound => Action::FixRequest,
            Category::RateLimit => Action::Backoff,
            Category::Authentication => Action::Reauthorize,
            Category::UnsupportedMedia => Action::FixRequest,
            Category::Policy => Action::Escalate,
            Category::Server => Action::Retry,
            Category::Unknown => Action::Escalate,
        }
    }

    /// Whether failures of this kind are, by default, worth retrying
    /// unchanged (after a backoff).
    pub const fn is_retryable(self) -> bool {
        self.default_action().is_retryable()
    }

    /// One sentence on what the category means.
    pub const fn description(self) -> &'static str {
        match self {
            Category::Permission => "The caller is not allowed to perform the action.",
            Category::InvalidRequest => {
                "The request itself is malformed; retrying it unchanged will fail again."
            }
            Category::NotFound => "The referenced object, recipient or URL does not exist.",
            Category::RateLimit => "The caller is being throttled; retry later with backoff.",
            Category::Authentication => {
                "The credentials (an access token, an API key) are missing, invalid or expired."
            }
            Category::UnsupportedMedia => "The file or media type is not accepted.",
            Category::Policy => "The vendor's messaging rules blocked the action.",
            Category::Server => {
                "The vendor failed on its side; the same request may succeed later."
            }
            Category::Unknown => {
                "A code nobody has classified (unknown codes, unmapped categories)."
            }
        }
    }
}

impl fmt::Display for Category {
    /// The stable id: `rate_limit`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Category {
    type Err = ParseError;

    /// The stable id, exactly (`"rate_limit"`).
    fn from_str(id: &str) -> Result<Category, ParseError> {
        Category::ALL
            .iter()
            .copied()
            .find(|category| category.as_str() == id)
            .ok_or(ParseError::new(
                "category id",
                "one of permission, invalid_request, not_found, rate_limit, authentication, unsupported_media, policy, server, unknown",
            ))
    }
}

#[cfg(feature = "serde")]
const _: () = {
    use serde::de::{Deserialize, Deserializer};
    use serde::ser::{Serialize, Serializer};

    /// The stable id, as a string.
    impl Serialize for Category {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    /// The stable id; anything else is refused.
    impl<'de> Deserialize<'de> for Category {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Category, D::Error> {
            deserializer.deserialize_str(crate::parse_error::FromStrVisitor::new("a category id"))
        }
    }
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn ids_round_trip_and_are_the_cross_vendor_set() {
        let ids: std::vec::Vec<_> = Category::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            ids,
            [
                "permission",
                "invalid_request",
                "not_found",
                "rate_limit",
                "authentication",
                "unsupported_media",
                "policy",
                "server",
                "unknown"
            ]
        );
        for &category in Category::ALL {
            assert_eq!(category.to_string().parse::<Category>(), Ok(category));
        }
        assert!("RateLimit".parse::<Category>().is_err());
    }

    #[test]
    fn default_actions_match_the_tiktok_crate_and_unknown_escalates() {
        use Action::*;
        let actions: std::vec::Vec<_> = Category::ALL.iter().map(|c| c.default_action()).collect();
        assert_eq!(
            actions,
            [
                Escalate,
                FixRequest,
                FixRequest,
                Backoff,
                Reauthorize,
                FixRequest,
                Escalate,
                Retry,
                Escalate
            ]
        );
        assert!(Category::Server.is_retryable() && !Category::Unknown.is_retryable());
        let mut sorted = Category::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, Category::ALL);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_uses_the_stable_id() {
        for &category in Category::ALL {
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), category);
        }
        assert_eq!(
            serde_json::to_string(&Category::NotFound).unwrap(),
            "\"not_found\""
        );
        assert!(serde_json::from_str::<Category>("\"throttled\"").is_err());
    }
}
