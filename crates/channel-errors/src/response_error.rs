//! The error of a failed call, for any channel: one type, generic over the
//! channel's code type, implementing [`ChannelError`].

use alloc::boxed::Box;
use alloc::string::String;
use core::fmt;

use crate::{ChannelError, Delivery, ErrorKind, RetryAfter, Vendor, VendorCode};

/// Why a call to a channel gave no payload: the vendor's error code, an HTTP
/// status without its envelope, a body or payload that could not be read,
/// or a transport failure. `C` is the channel's generated code type.
///
/// [`read_response`](crate::read_response) makes these from a response; the
/// constructors below make them by hand (for mocks and tests, and for the
/// transport errors of your HTTP client). Everything about it is asked
/// through [`ChannelError`]; [`code`](Self::code) gives the typed code.
///
/// `Display` prints the whole error on one line, and `source()` is `None`:
/// nothing is printed twice when a logger walks the chain.
///
/// ```
/// use channel_errors::{Action, Category, ChannelError, Code, ResponseError, Vendor, VendorCode};
///
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// struct Throttled;
/// impl VendorCode for Throttled {
///     fn vendor(&self) -> Vendor { Vendor::new("acme", "Acme") }
///     fn code(&self) -> Code { Code::number(429) }
///     fn stable_id(&self) -> &'static str { "throttled" }
///     fn category(&self) -> Category { Category::RateLimit }
///     fn description(&self) -> Option<&'static str> { None }
///     fn solution(&self) -> Option<&'static str> { None }
///     fn article_url(&self) -> &'static str { "https://example.com/errors" }
///     fn is_known(&self) -> bool { true }
/// }
///
/// let error = ResponseError::from_code(Throttled).with_message("slow down");
/// assert_eq!(error.status(), None); // none was seen, so none is made up
/// assert_eq!(error.action(), Action::Backoff);
/// assert_eq!(error.stable_id(), "acme.throttled");
/// assert_eq!(error.to_string(), "Acme error 429 (acme.throttled): slow down");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseError<C> {
    // Boxed: errors are the cold path, and a `Result` carrying one stays small.
    inner: Box<Inner<C>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner<C> {
    vendor: Vendor,
    kind: Kind<C>,
    status: Option<u16>,
    retry_after: Option<RetryAfter>,
    request_id: Option<String>,
    message: Option<String>,
    reason: Option<String>,
    body: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind<C> {
    Vendor(C),
    Status(u16),
    UnreadableBody,
    UnexpectedPayload,
    Transport(Delivery),
}

/// How much of an unexpected body an error keeps, for logs.
pub(crate) const SNIPPET_BYTES: usize = 256;

impl<C> ResponseError<C> {
    fn new(vendor: Vendor, kind: Kind<C>) -> ResponseError<C> {
        ResponseError {
            inner: Box::new(Inner {
                vendor,
                kind,
                status: None,
                retry_after: None,
                request_id: None,
                message: None,
                reason: None,
                body: None,
            }),
        }
    }

    fn with_reason(mut self, reason: impl Into<String>) -> ResponseError<C> {
        self.inner.reason = Some(reason.into());
        self
    }

    /// The vendor answered with `code`. No HTTP status until
    /// [`with_status`](Self::with_status) gives one.
    pub fn from_code(code: C) -> ResponseError<C>
    where
        C: VendorCode,
    {
        ResponseError::new(code.vendor(), Kind::Vendor(code))
    }

    /// An HTTP `status` from `vendor`'s endpoint without its envelope.
    pub fn http_status(vendor: Vendor, status: u16) -> ResponseError<C> {
        ResponseError::new(vendor, Kind::Status(status)).with_status(status)
    }

    /// A success status whose body is not `vendor`'s envelope, and why.
    pub fn unreadable_body(
        vendor: Vendor,
        status: u16,
        reason: impl Into<String>,
    ) -> ResponseError<C> {
        ResponseError::new(vendor, Kind::UnreadableBody)
            .with_status(status)
            .with_reason(reason)
    }

    /// `vendor` said it succeeded, but its payload is not the expected type,
    /// and why.
    pub fn unexpected_payload(
        vendor: Vendor,
        status: u16,
        reason: impl Into<String>,
    ) -> ResponseError<C> {
        ResponseError::new(vendor, Kind::UnexpectedPayload)
            .with_status(status)
            .with_reason(reason)
    }

    /// No usable response from `vendor` (connect, TLS, timeout: your HTTP
    /// client's error, described by `reason`), and whether the request may
    /// have reached it: [`Delivery::NotSent`] when it failed before
    /// sending (DNS, connect), [`Delivery::MaybeSent`] after.
    pub fn transport(
        vendor: Vendor,
        delivery: Delivery,
        reason: impl Into<String>,
    ) -> ResponseError<C> {
        ResponseError::new(vendor, Kind::Transport(delivery)).with_reason(reason)
    }

    /// The same error with the response's HTTP status.
    pub fn with_status(mut self, status: u16) -> ResponseError<C> {
        self.inner.status = Some(status);
        self
    }

    /// The same error with the vendor's message.
    pub fn with_message(mut self, message: impl Into<String>) -> ResponseError<C> {
        self.inner.message = Some(message.into());
        self
    }

    /// The same error with the vendor's request id.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> ResponseError<C> {
        self.inner.request_id = Some(request_id.into());
        self
    }

    /// The same error with the response's `Retry-After`.
    pub fn with_retry_after(mut self, retry_after: RetryAfter) -> ResponseError<C> {
        self.inner.retry_after = Some(retry_after);
        self
    }

    /// The same error keeping the start of the response's body (at most 256
    /// bytes, cut on a character boundary; invalid UTF-8 replaced), for logs.
    pub fn with_body(mut self, body: &[u8]) -> ResponseError<C> {
        let mut end = body.len().min(SNIPPET_BYTES);
        while end > 0 && end < body.len() && (body[end] & 0b1100_0000) == 0b1000_0000 {
            end -= 1;
        }
        self.inner.body = Some(String::from_utf8_lossy(&body[..end]).into_owned());
        self
    }

    /// The vendor's code, when it answered with one.
    pub fn code(&self) -> Option<&C> {
        match &self.inner.kind {
            Kind::Vendor(code) => Some(code),
            _ => None,
        }
    }

    /// Why the body, payload or transport failed, as the parser or the HTTP
    /// client put it.
    pub fn reason(&self) -> Option<&str> {
        self.inner.reason.as_deref()
    }

    /// The start of the response's body, for errors without the envelope.
    pub fn body(&self) -> Option<&str> {
        self.inner.body.as_deref()
    }
}

impl<C: VendorCode> ChannelError for ResponseError<C> {
    fn vendor(&self) -> Vendor {
        self.inner.vendor
    }

    fn kind(&self) -> ErrorKind<'_> {
        match &self.inner.kind {
            Kind::Vendor(code) => ErrorKind::Vendor(code),
            Kind::Status(status) => ErrorKind::Status(*status),
            Kind::UnreadableBody => ErrorKind::UnreadableBody,
            Kind::UnexpectedPayload => ErrorKind::UnexpectedPayload,
            Kind::Transport(_) => ErrorKind::Transport,
        }
    }

    fn delivery(&self) -> Delivery {
        match &self.inner.kind {
            Kind::Transport(delivery) => *delivery,
            _ => self.kind().delivery(),
        }
    }

    fn status(&self) -> Option<u16> {
        self.inner.status
    }

    fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    fn vendor_message(&self) -> Option<&str> {
        self.inner.message.as_deref()
    }

    fn retry_after(&self) -> Option<RetryAfter> {
        self.inner.retry_after
    }
}

impl<C: VendorCode> fmt::Display for ResponseError<C> {
    /// One line: what failed, then the vendor's message, the status, the
    /// request id, `Retry-After`, and the body's start, each where known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let vendor = self.inner.vendor;
        match &self.inner.kind {
            Kind::Vendor(code) => write!(
                f,
                "{vendor} error {} ({})",
                code.code(),
                code.qualified_id()
            )?,
            Kind::Status(status) => write!(f, "HTTP {status} from {vendor}")?,
            Kind::UnreadableBody => write!(f, "{vendor}'s response body could not be read")?,
            Kind::UnexpectedPayload => write!(
                f,
                "{vendor} accepted the request, but its payload is not the expected type"
            )?,
            Kind::Transport(delivery) => write!(f, "no response from {vendor} ({delivery})")?,
        }
        if let Some(reason) = &self.inner.reason {
            write!(f, ": {reason}")?;
        }
        if let Some(message) = &self.inner.message {
            write!(f, ": {message}")?;
        }
        let mut details = Details::new(f);
        if let (Some(status), false) = (
            self.inner.status,
            matches!(self.inner.kind, Kind::Status(_)),
        ) {
            details.item(format_args!("HTTP {status}"))?;
        }
        if let Some(id) = &self.inner.request_id {
            details.item(format_args!("request id {id}"))?;
        }
        if let Some(retry_after) = &self.inner.retry_after {
            details.item(format_args!("Retry-After: {retry_after}"))?;
        }
        details.end()?;
        if let Some(body) = self.inner.body.as_deref().filter(|b| !b.is_empty()) {
            write!(f, ": {body:?}")?;
        }
        Ok(())
    }
}

/// Writes ` (a, b, c)`, or nothing without items.
struct Details<'a, 'f> {
    f: &'a mut fmt::Formatter<'f>,
    any: bool,
}

impl<'a, 'f> Details<'a, 'f> {
    fn new(f: &'a mut fmt::Formatter<'f>) -> Details<'a, 'f> {
        Details { f, any: false }
    }

    fn item(&mut self, item: fmt::Arguments<'_>) -> fmt::Result {
        self.f.write_str(if self.any { ", " } else { " (" })?;
        self.any = true;
        self.f.write_fmt(item)
    }

    fn end(self) -> fmt::Result {
        if self.any {
            self.f.write_str(")")
        } else {
            Ok(())
        }
    }
}

/// The whole error is in `Display`; there is no underlying error to repeat.
impl<C: VendorCode> core::error::Error for ResponseError<C> {}
