//! What a caller should do about a failure: the one decision every channel's
//! codes and response errors come down to.

use core::fmt;
use core::str::FromStr;
use core::time::Duration;

use crate::ParseError;

/// What a client should do when a call fails: back off, retry, refresh its
/// credentials, fix the request, or hand it to a person.
///
/// Each generated crate sets one per code (in the article's configuration,
/// by default its category's, see [`Category::default_action`](crate::Category::default_action));
/// [`ChannelError::action`](crate::ChannelError::action) answers it for any
/// response error, HTTP statuses and unreadable bodies included.
///
/// Two questions have two answers here, because they differ for
/// [`Action::Reauthorize`]:
///
/// | action | [`is_retryable`](Self::is_retryable) (same request, unchanged) | [`retries_after_refresh`](Self::retries_after_refresh) | [`default_backoff`](Self::default_backoff)`(0)` |
/// | --- | --- | --- | --- |
/// | [`Backoff`](Self::Backoff) | yes | no | 1 s |
/// | [`Retry`](Self::Retry) | yes | no | 500 ms |
/// | [`Reauthorize`](Self::Reauthorize) | no | yes | 0 (once, after the refresh) |
/// | [`FixRequest`](Self::FixRequest) | no | no | none |
/// | [`Escalate`](Self::Escalate) | no | no | none |
///
/// Non-exhaustive: a later release may add actions, so keep a wildcard arm.
/// The stable ids ([`as_str`](Self::as_str), `Display`, `FromStr`, serde)
/// never change.
///
/// ```
/// use channel_errors::Action;
/// assert_eq!("fix_request".parse::<Action>(), Ok(Action::FixRequest));
/// assert_eq!(Action::Backoff.to_string(), "backoff");
/// assert!(Action::Retry.is_retryable());
/// assert!(!Action::Reauthorize.is_retryable() && Action::Reauthorize.retries_after_refresh());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
#[non_exhaustive]
pub enum Action {
    /// Throttled: wait (honour `Retry-After` when there is one), then retry the same request.
    Backoff,
    /// A transient fault: retry the same request, with a bounded backoff.
    Retry,
    /// The credentials are missing, invalid or expired: refresh or re-authorise
    /// them, then send the request again with the new ones (retrying it
    /// unchanged fails again).
    Reauthorize,
    /// The request is wrong: retrying it unchanged will fail again; fix it first.
    FixRequest,
    /// A person must act (permissions, policy, an unknown failure): do not retry automatically.
    Escalate,
}

impl Action {
    /// Every action, in declaration order.
    pub const ALL: &'static [Action] = &[
        Action::Backoff,
        Action::Retry,
        Action::Reauthorize,
        Action::FixRequest,
        Action::Escalate,
    ];

    /// A stable snake_case id (`"fix_request"`), for logs and metric labels.
    pub const fn as_str(self) -> &'static str {
        match self {
            Action::Backoff => "backoff",
            Action::Retry => "retry",
            Action::Reauthorize => "reauthorize",
            Action::FixRequest => "fix_request",
            Action::Escalate => "escalate",
        }
    }

    /// Whether the same request may succeed later unchanged:
    /// [`Action::Backoff`] and [`Action::Retry`].
    ///
    /// [`Action::Reauthorize`] is not: the request needs new credentials
    /// first, so a retry loop that only waits would fail forever. That the
    /// request may be sent again after the refresh is
    /// [`retries_after_refresh`](Self::retries_after_refresh).
    pub const fn is_retryable(self) -> bool {
        matches!(self, Action::Backoff | Action::Retry)
    }

    /// Whether the request may be sent again once the caller has refreshed
    /// its credentials, with no person involved: [`Action::Reauthorize`] only.
    ///
    /// This is the "then retry" of [`Action::Reauthorize`]'s description,
    /// kept apart from [`is_retryable`](Self::is_retryable) (which stays
    /// false for it, as every generated crate has always said) so that
    /// neither answer is wrong: waiting does not fix an expired token,
    /// refreshing it does.
    pub const fn retries_after_refresh(self) -> bool {
        matches!(self, Action::Reauthorize)
    }

    /// One sentence on what to do.
    pub const fn description(self) -> &'static str {
        match self {
            Action::Backoff => {
                "Throttled: wait (honour `Retry-After` when there is one), then retry the same request."
            }
            Action::Retry => "A transient fault: retry the same request, with a bounded backoff.",
            Action::Reauthorize => {
                "The credentials are missing, invalid or expired: refresh or re-authorise them, then send the request again with the new ones (retrying it unchanged fails again)."
            }
            Action::FixRequest => {
                "The request is wrong: retrying it unchanged will fail again; fix it first."
            }
            Action::Escalate => {
                "A person must act (permissions, policy, an unknown failure): do not retry automatically."
            }
        }
    }

    /// How long to wait before retry number `attempt + 1` (`attempt` counts
    /// the retries already made: 0 before the first), or `None` when the
    /// default policy does not retry (any more).
    ///
    /// The default, so that integrators do not each invent one:
    ///
    /// - [`Action::Backoff`]: 1 s, doubling, capped at 60 s; at most
    ///   [`Action::BACKOFF_RETRIES`] retries.
    /// - [`Action::Retry`]: 500 ms, doubling, capped at 30 s; at most
    ///   [`Action::RETRY_RETRIES`] retries.
    /// - [`Action::Reauthorize`]: no wait, once: the one retry after
    ///   refreshing the credentials ([`retries_after_refresh`](Self::retries_after_refresh));
    ///   a second failure means the refresh did not help.
    /// - [`Action::FixRequest`], [`Action::Escalate`]: never.
    ///
    /// There is no jitter (this crate has no randomness): add your own when
    /// many clients retry at once. A server's `Retry-After` comes first:
    /// [`ChannelError::backoff`](crate::ChannelError::backoff) uses it
    /// instead of this delay whenever this returns `Some`.
    ///
    /// ```
    /// use channel_errors::Action;
    /// use core::time::Duration;
    /// assert_eq!(Action::Backoff.default_backoff(0), Some(Duration::from_secs(1)));
    /// assert_eq!(Action::Backoff.default_backoff(3), Some(Duration::from_secs(8)));
    /// assert_eq!(Action::Backoff.default_backoff(7), Some(Duration::from_secs(60)));
    /// assert_eq!(Action::Backoff.default_backoff(8), None);
    /// assert_eq!(Action::Retry.default_backoff(1), Some(Duration::from_secs(1)));
    /// assert_eq!(Action::Reauthorize.default_backoff(0), Some(Duration::ZERO));
    /// assert_eq!(Action::Reauthorize.default_backoff(1), None);
    /// assert_eq!(Action::FixRequest.default_backoff(0), None);
    /// ```
    pub const fn default_backoff(self, attempt: u32) -> Option<Duration> {
        match self {
            Action::Backoff if attempt < Action::BACKOFF_RETRIES => {
                Some(crate::backoff::exponential(1_000, attempt, 60_000))
            }
            Action::Retry if attempt < Action::RETRY_RETRIES => {
                Some(crate::backoff::exponential(500, attempt, 30_000))
            }
            Action::Reauthorize if attempt == 0 => Some(Duration::ZERO),
            _ => None,
        }
    }

    /// What to do about an HTTP status that came without the vendor's body
    /// (a gateway's answer): 429 [`Action::Backoff`]; 408 and 5xx
    /// [`Action::Retry`]; 401 [`Action::Reauthorize`]; 403 and anything
    /// unexpected (1xx, 3xx) [`Action::Escalate`]; other 4xx
    /// [`Action::FixRequest`].
    ///
    /// ```
    /// use channel_errors::Action;
    /// assert_eq!(Action::for_http_status(503), Action::Retry);
    /// assert_eq!(Action::for_http_status(401), Action::Reauthorize);
    /// ```
    pub const fn for_http_status(status: u16) -> Action {
        match status {
            429 => Action::Backoff,
            408 | 500..=599 => Action::Retry,
            401 => Action::Reauthorize,
            403 => Action::Escalate,
            400..=499 => Action::FixRequest,
            _ => Action::Escalate,
        }
    }

    /// How many times [`default_backoff`](Self::default_backoff) retries a
    /// [`Action::Backoff`] failure.
    pub const BACKOFF_RETRIES: u32 = 8;

    /// How many times [`default_backoff`](Self::default_backoff) retries a
    /// [`Action::Retry`] failure.
    pub const RETRY_RETRIES: u32 = 5;
}

impl fmt::Display for Action {
    /// The stable id: `backoff`, `fix_request`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Action {
    type Err = ParseError;

    /// The stable id, exactly (`"fix_request"`).
    fn from_str(id: &str) -> Result<Action, ParseError> {
        Action::ALL
            .iter()
            .copied()
            .find(|action| action.as_str() == id)
            .ok_or(ParseError::new(
                "action id",
                "one of backoff, retry, reauthorize, fix_request, escalate",
            ))
    }
}

#[cfg(feature = "serde")]
const _: () = {
    use serde::de::{Deserialize, Deserializer};
    use serde::ser::{Serialize, Serializer};

    /// The stable id, as a string.
    impl Serialize for Action {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    /// The stable id; anything else is refused.
    impl<'de> Deserialize<'de> for Action {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Action, D::Error> {
            deserializer.deserialize_str(crate::parse_error::FromStrVisitor::new("an action id"))
        }
    }
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn ids_round_trip_through_display_and_from_str() {
        for &action in Action::ALL {
            assert_eq!(action.to_string(), action.as_str());
            assert_eq!(action.as_str().parse::<Action>(), Ok(action));
        }
        assert!("Backoff".parse::<Action>().is_err());
        assert!("".parse::<Action>().is_err());
    }

    #[test]
    fn all_lists_every_variant_in_declaration_order() {
        let mut sorted = Action::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, Action::ALL);
        assert_eq!(Action::ALL.len(), 5);
    }

    #[test]
    fn reauthorize_is_consistent_with_its_description() {
        // It says "send the request again with the new ones": that is
        // retries_after_refresh, and not is_retryable (unchanged).
        let reauthorize = Action::Reauthorize;
        assert!(reauthorize.description().contains("again"));
        assert!(reauthorize.retries_after_refresh());
        assert!(!reauthorize.is_retryable());
        assert_eq!(reauthorize.default_backoff(0), Some(Duration::ZERO));
        assert_eq!(reauthorize.default_backoff(1), None);
        for &action in Action::ALL {
            // Never both: a wait alone fixes one, a refresh the other.
            assert!(!(action.is_retryable() && action.retries_after_refresh()));
            // The default policy retries exactly what one of them allows.
            assert_eq!(
                action.default_backoff(0).is_some(),
                action.is_retryable() || action.retries_after_refresh()
            );
        }
    }

    #[test]
    fn default_backoff_doubles_up_to_its_cap_and_stops() {
        let delays: std::vec::Vec<_> = (0..10)
            .map(|n| Action::Backoff.default_backoff(n).map(|d| d.as_secs()))
            .collect();
        let expected = [1, 2, 4, 8, 16, 32, 60, 60].map(Some);
        assert_eq!(&delays[..8], &expected);
        assert_eq!(&delays[8..], &[None, None]);
        let retry: std::vec::Vec<_> = (0..6)
            .map(|n| Action::Retry.default_backoff(n).map(|d| d.as_millis()))
            .collect();
        assert_eq!(
            retry,
            [
                Some(500),
                Some(1000),
                Some(2000),
                Some(4000),
                Some(8000),
                None
            ]
        );
        assert_eq!(Action::Escalate.default_backoff(0), None);
        assert_eq!(Action::FixRequest.default_backoff(0), None);
        // Large attempt numbers neither overflow nor panic.
        assert_eq!(Action::Backoff.default_backoff(u32::MAX), None);
    }

    #[test]
    fn http_statuses() {
        let actions: std::vec::Vec<_> = [429, 408, 500, 503, 401, 403, 400, 404, 302, 200]
            .map(Action::for_http_status)
            .to_vec();
        use Action::*;
        assert_eq!(
            actions,
            [
                Backoff,
                Retry,
                Retry,
                Retry,
                Reauthorize,
                Escalate,
                FixRequest,
                FixRequest,
                Escalate,
                Escalate
            ]
        );
    }

    #[test]
    fn const_fns_stay_const() {
        const ID: &str = Action::FixRequest.as_str();
        const RETRY: bool = Action::Retry.is_retryable();
        const WAIT: Option<Duration> = Action::Backoff.default_backoff(2);
        assert_eq!(
            (ID, RETRY, WAIT),
            ("fix_request", true, Some(Duration::from_secs(4)))
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_uses_the_stable_id() {
        for &action in Action::ALL {
            let json = serde_json::to_string(&action).unwrap();
            assert_eq!(json, std::format!("\"{}\"", action.as_str()));
            assert_eq!(serde_json::from_str::<Action>(&json).unwrap(), action);
        }
        assert!(serde_json::from_str::<Action>("\"later\"").is_err());
        assert!(serde_json::from_str::<Action>("3").is_err());
    }
}
