//! Whether a failed send may have reached the recipient anyway: what decides
//! whether a retry can duplicate a message.

use core::fmt;

use crate::Category;

/// Whether the message (or whatever the request did) may have taken effect
/// despite the error: whether resending can duplicate it.
///
/// Exhaustive on purpose: a caller deciding about duplicates should handle
/// all three.
///
/// ```
/// use channel_errors::Delivery;
/// assert_eq!(Delivery::for_http_status(429), Delivery::NotSent);
/// assert_eq!(Delivery::for_http_status(502), Delivery::MaybeSent);
/// assert!(Delivery::NotSent.is_safe_to_resend());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Delivery {
    /// Refused before it took effect (the vendor's error code, a 4xx): a
    /// resend cannot duplicate it.
    NotSent,
    /// Unknown (a 5xx, a truncated or unreadable body, a lost connection):
    /// resend only with an idempotency key, or after checking.
    MaybeSent,
    /// It took effect, but the response could not be used (the payload is not
    /// the expected type): do not resend.
    Sent,
}

impl Delivery {
    /// A stable id: `not_sent`, `maybe_sent`, `sent`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Delivery::NotSent => "not_sent",
            Delivery::MaybeSent => "maybe_sent",
            Delivery::Sent => "sent",
        }
    }

    /// Whether a resend cannot duplicate anything: [`Delivery::NotSent`].
    pub const fn is_safe_to_resend(self) -> bool {
        matches!(self, Delivery::NotSent)
    }

    /// For an HTTP status without the vendor's body: 2xx [`Sent`](Self::Sent),
    /// 4xx [`NotSent`](Self::NotSent) (the request was refused, 429 and 408
    /// included), anything else [`MaybeSent`](Self::MaybeSent) (a gateway's
    /// 502 or 504 may come after the vendor accepted the request).
    pub const fn for_http_status(status: u16) -> Delivery {
        match status {
            200..=299 => Delivery::Sent,
            400..=499 => Delivery::NotSent,
            _ => Delivery::MaybeSent,
        }
    }

    /// For a vendor's error code: the vendor answered that it failed, so
    /// [`NotSent`](Self::NotSent), but for [`Category::Server`] (it failed on
    /// its side, maybe after acting): [`MaybeSent`](Self::MaybeSent).
    pub const fn for_category(category: Category) -> Delivery {
        match category {
            Category::Server => Delivery::MaybeSent,
            _ => Delivery::NotSent,
        }
    }
}

impl fmt::Display for Delivery {
    /// The stable id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_categories() {
        assert_eq!(Delivery::for_http_status(200), Delivery::Sent);
        assert_eq!(Delivery::for_http_status(408), Delivery::NotSent);
        assert_eq!(Delivery::for_http_status(503), Delivery::MaybeSent);
        assert_eq!(Delivery::for_http_status(302), Delivery::MaybeSent);
        assert_eq!(
            Delivery::for_category(Category::Server),
            Delivery::MaybeSent
        );
        assert_eq!(
            Delivery::for_category(Category::RateLimit),
            Delivery::NotSent
        );
        assert_eq!(Delivery::for_category(Category::Unknown), Delivery::NotSent);
        assert_eq!(std::format!("{}", Delivery::MaybeSent), "maybe_sent");
        assert!(!Delivery::Sent.is_safe_to_resend() && !Delivery::MaybeSent.is_safe_to_resend());
    }
}
