//! The one trait every channel's response errors implement, so that one
//! policy handles them all.

use core::fmt;
use core::time::Duration;

use crate::{Action, Delivery, RetryAfter, StableId, Vendor, VendorCode};

/// What failed, without the details: a vendor code, an HTTP status, a body
/// or payload that could not be read, or no response at all.
///
/// Non-exhaustive: match with a wildcard arm, or use the
/// [`ChannelError`] methods, which answer for every kind.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum ErrorKind<'a> {
    /// The vendor answered with its envelope and an error code.
    Vendor(&'a dyn VendorCode),
    /// An HTTP status without the vendor's envelope: usually a gateway
    /// (throttling, an outage) answering before the vendor did.
    Status(u16),
    /// A body that is not the vendor's envelope (truncated, HTML, empty)
    /// under a success status: whether the request took effect is unknown.
    UnreadableBody,
    /// The vendor said it succeeded, but its payload is not the expected
    /// type: the request took effect.
    UnexpectedPayload,
    /// No usable response at all (connect, TLS, timeout), from the caller's
    /// HTTP client.
    Transport,
}

impl ErrorKind<'_> {
    /// The default action of each kind: the code's action; the status's
    /// ([`Action::for_http_status`]); [`Action::Escalate`] for an unreadable
    /// body or payload (nothing says a retry helps, and it may duplicate);
    /// [`Action::Retry`] for transport errors.
    pub fn action(&self) -> Action {
        match self {
            ErrorKind::Vendor(code) => code.action(),
            ErrorKind::Status(status) => Action::for_http_status(*status),
            ErrorKind::UnreadableBody | ErrorKind::UnexpectedPayload => Action::Escalate,
            ErrorKind::Transport => Action::Retry,
        }
    }

    /// The default delivery of each kind: the code's
    /// ([`VendorCode::delivery`]); [`Delivery::for_http_status`]; [`Delivery::MaybeSent`] for an
    /// unreadable body and a transport error; [`Delivery::Sent`] for an
    /// unexpected payload.
    pub fn delivery(&self) -> Delivery {
        match self {
            ErrorKind::Vendor(code) => code.delivery(),
            ErrorKind::Status(status) => Delivery::for_http_status(*status),
            ErrorKind::UnreadableBody | ErrorKind::Transport => Delivery::MaybeSent,
            ErrorKind::UnexpectedPayload => Delivery::Sent,
        }
    }

    /// The stable id of each kind: the code's qualified id, `http_429`,
    /// `unreadable_body`, `unexpected_payload`, `transport`.
    pub fn stable_id(&self) -> StableId {
        match self {
            ErrorKind::Vendor(code) => StableId::Vendor(code.qualified_id()),
            ErrorKind::Status(status) => StableId::Http(*status),
            ErrorKind::UnreadableBody => StableId::UNREADABLE_BODY,
            ErrorKind::UnexpectedPayload => StableId::UNEXPECTED_PAYLOAD,
            ErrorKind::Transport => StableId::TRANSPORT,
        }
    }
}

/// A failed call to any channel: what every generated crate's response
/// error implements, so that one `fn decide(error: &dyn ChannelError)`
/// handles every channel without a conversion per channel.
///
/// Object-safe. The required methods are the facts of the response; the
/// provided ones derive the decisions from them ([`ErrorKind`]'s defaults)
/// and may be overridden where a channel knows better.
///
/// ```
/// use channel_errors::{Action, ChannelError, Delivery};
/// use core::time::Duration;
///
/// enum Decision { RetryIn(Duration), RefreshThenRetry, CheckBeforeResend, Drop }
///
/// fn decide(error: &dyn ChannelError, attempt: u32) -> Decision {
///     if error.delivery() != Delivery::NotSent {
///         return Decision::CheckBeforeResend;
///     }
///     match (error.action(), error.backoff(attempt)) {
///         (Action::Reauthorize, Some(_)) => Decision::RefreshThenRetry,
///         (_, Some(delay)) => Decision::RetryIn(delay),
///         _ => Decision::Drop,
///     }
/// }
/// ```
pub trait ChannelError: fmt::Debug + fmt::Display {
    /// The channel the call went to.
    fn vendor(&self) -> Vendor;

    /// What failed.
    fn kind(&self) -> ErrorKind<'_>;

    /// The HTTP status of the response; `None` when none was seen (a
    /// transport error, an error built by hand): never invented.
    fn status(&self) -> Option<u16>;

    /// The vendor's request id (from the body or a header), worth logging.
    fn request_id(&self) -> Option<&str>;

    /// The vendor's own message, as it sent it.
    fn vendor_message(&self) -> Option<&str>;

    /// The response's `Retry-After`, when it had a valid one.
    fn retry_after(&self) -> Option<RetryAfter>;

    /// What to do about it ([`ErrorKind::action`]).
    fn action(&self) -> Action {
        self.kind().action()
    }

    /// Whether the request may have taken effect ([`ErrorKind::delivery`]).
    fn delivery(&self) -> Delivery {
        self.kind().delivery()
    }

    /// The id for logs and metric labels ([`ErrorKind::stable_id`]).
    fn stable_id(&self) -> StableId {
        self.kind().stable_id()
    }

    /// How long to wait before retry number `attempt + 1`, from `now` (the
    /// time since the Unix epoch), or `None` not to retry.
    ///
    /// The action decides whether to retry at all
    /// ([`Action::default_backoff`] is `None`: never, or no more); when it
    /// does, the server's `Retry-After` comes first, and the action's default
    /// delay applies only without one.
    fn backoff_at(&self, attempt: u32, now: Duration) -> Option<Duration> {
        let default = self.action().default_backoff(attempt)?;
        Some(self.retry_after().map_or(default, |r| r.delay_from(now)))
    }

    /// [`backoff_at`](Self::backoff_at) now: with feature `std`, by the system
    /// clock. Without it (no clock) a `Retry-After` date cannot be measured,
    /// so only a `Retry-After` delay is honoured and a date falls back to the
    /// action's default; use `backoff_at` with your own clock to honour both.
    fn backoff(&self, attempt: u32) -> Option<Duration> {
        let default = self.action().default_backoff(attempt)?;
        #[cfg(feature = "std")]
        let retry_after = self.retry_after().map(|r| r.delay_from_now());
        #[cfg(not(feature = "std"))]
        let retry_after = self.retry_after().and_then(|r| r.delay());
        Some(retry_after.unwrap_or(default))
    }
}
