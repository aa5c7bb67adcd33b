//! Ids for logs and metric labels that never change with the article's
//! wording, and never collide across channels.

use core::fmt;

/// A vendor code's id qualified by its vendor: `tiktok.rate_limited`, so two
/// channels' `rate_limited` stay apart in one log or metric. Written by
/// `Display` without an allocator; compares with `&str`.
///
/// ```
/// use channel_errors::QualifiedId;
/// let id = QualifiedId::new("tiktok", "rate_limited");
/// assert_eq!(id.to_string(), "tiktok.rate_limited");
/// assert_eq!(id, "tiktok.rate_limited");
/// assert_ne!(id, "viber.rate_limited");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QualifiedId {
    vendor: &'static str,
    id: &'static str,
}

impl QualifiedId {
    /// `vendor.id`.
    pub const fn new(vendor: &'static str, id: &'static str) -> QualifiedId {
        QualifiedId { vendor, id }
    }

    /// The vendor's id: `tiktok`.
    pub const fn vendor(&self) -> &'static str {
        self.vendor
    }

    /// The code's own id: `rate_limited`.
    pub const fn id(&self) -> &'static str {
        self.id
    }
}

impl fmt::Display for QualifiedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.vendor, self.id)
    }
}

impl PartialEq<str> for QualifiedId {
    fn eq(&self, other: &str) -> bool {
        other
            .strip_prefix(self.vendor)
            .and_then(|rest| rest.strip_prefix('.'))
            == Some(self.id)
    }
}

impl PartialEq<&str> for QualifiedId {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// The stable id of any [`ChannelError`](crate::ChannelError), for logs and
/// metric labels: the vendor code's [`QualifiedId`] (`tiktok.rate_limited`),
/// `http_429` for an HTTP status without the vendor's body, or a fixed name
/// (`unreadable_body`, `unexpected_payload`, `transport`).
///
/// ```
/// use channel_errors::StableId;
/// assert_eq!(StableId::Http(429).to_string(), "http_429");
/// assert_eq!(StableId::UNREADABLE_BODY, "unreadable_body");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StableId {
    /// A vendor code's id: `tiktok.rate_limited`.
    Vendor(QualifiedId),
    /// An HTTP status without the vendor's body: `http_429`.
    Http(u16),
    /// A kind of failure with no code: `unreadable_body`.
    Named(&'static str),
}

impl StableId {
    /// A body that is not the vendor's envelope (truncated, HTML, empty).
    pub const UNREADABLE_BODY: StableId = StableId::Named("unreadable_body");
    /// A successful response whose payload is not the expected type.
    pub const UNEXPECTED_PAYLOAD: StableId = StableId::Named("unexpected_payload");
    /// No response at all (connect, TLS, timeout).
    pub const TRANSPORT: StableId = StableId::Named("transport");
}

impl fmt::Display for StableId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StableId::Vendor(id) => fmt::Display::fmt(id, f),
            StableId::Http(status) => write!(f, "http_{status}"),
            StableId::Named(name) => f.write_str(name),
        }
    }
}

impl PartialEq<str> for StableId {
    fn eq(&self, other: &str) -> bool {
        match self {
            StableId::Vendor(id) => id == other,
            StableId::Http(status) => other
                .strip_prefix("http_")
                .is_some_and(|digits| is_decimal_of(digits, *status)),
            StableId::Named(name) => *name == other,
        }
    }
}

impl PartialEq<&str> for StableId {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

/// `digits` is how `Display` writes `n`: digits only, no leading zero.
fn is_decimal_of(digits: &str, n: u16) -> bool {
    digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && digits.parse() == Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn compares_with_strings_as_displayed() {
        let ids = [
            StableId::Vendor(QualifiedId::new("tiktok", "rate_limited")),
            StableId::Http(429),
            StableId::Http(0),
            StableId::UNREADABLE_BODY,
            StableId::UNEXPECTED_PAYLOAD,
            StableId::TRANSPORT,
        ];
        for id in ids {
            assert_eq!(id, id.to_string().as_str());
        }
        assert_ne!(StableId::Http(429), "http_0429");
        assert_ne!(StableId::Http(429), "http_42");
        assert_ne!(StableId::Http(429), "429");
        assert_ne!(StableId::Http(429), "http_+429");
        let id = QualifiedId::new("tiktok", "rate_limited");
        assert_ne!(id, "tiktokrate_limited");
        assert_ne!(id, "tiktok.rate_limited.x");
        assert_ne!(id, "tiktok");
        assert_eq!((id.vendor(), id.id()), ("tiktok", "rate_limited"));
    }
}
