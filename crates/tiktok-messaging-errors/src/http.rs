//! A whole HTTP response (status, `Retry-After`, body bytes) to the payload or
//! one error. TikTok reports failures as a non-zero `code` under HTTP 200, but
//! gateways in front of it answer 429, 5xx or an HTML page before any of
//! TikTok's JSON exists; a client has to handle all three the same way.

use alloc::string::{String, ToString};
use core::fmt;

use channel_errors::{ChannelError, ErrorKind, Vendor};
use serde::de::DeserializeOwned;

use crate::{Action, ApiError, ErrorCode, RetryAfter};

/// Reads a TikTok Business API response: the payload (`None` when a
/// successful response has no `data`), or the one error that says why not.
///
/// - TikTok's JSON with a non-zero `code`, under any status: [`ResponseError::Api`].
/// - Any other non-2xx status (a gateway's 429 or 503, an HTML error page):
///   [`ResponseError::Status`], with `Retry-After` when the response had one.
/// - A 2xx status whose body is not TikTok's JSON, or whose `data` is not a
///   `T`: [`ResponseError::Body`]; [`BodyError::is_unexpected_payload`]
///   tells the two apart (TikTok accepted the call, or maybe not).
///
/// The body is read by the envelope TikTok's configuration describes
/// ([`ENVELOPE`](crate::ENVELOPE)), through the shared runtime's
/// `channel_errors::read_response`: by JSON pointer, so the order of its
/// keys does not matter (`data` before `code` reads the same).
///
/// `retry_after` is the `Retry-After` header's value, if any.
///
/// ```
/// use tiktok_messaging_errors::{read_response, Action, ErrorCode, ResponseError};
///
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// struct Sent { message_id: String }
///
/// let ok = br#"{"code": 0, "message": "OK", "request_id": "r1", "data": {"message_id": "m1"}}"#;
/// assert_eq!(read_response::<Sent>(200, None, ok), Ok(Some(Sent { message_id: "m1".into() })));
///
/// let throttled = br#"{"code": 40100, "message": "Too many requests", "request_id": "r2", "data": {}}"#;
/// let error = read_response::<Sent>(200, None, throttled).unwrap_err();
/// assert_eq!(error.code(), Some(ErrorCode::RateLimited));
/// assert_eq!(error.action(), Action::Backoff);
///
/// // A gateway answered before TikTok did.
/// let error = read_response::<Sent>(429, Some("30"), b"<html>Too Many Requests</html>").unwrap_err();
/// assert!(matches!(error, ResponseError::Status(_)));
/// assert_eq!((error.status(), error.code()), (429, None));
/// assert_eq!(error.retry_after().and_then(|r| r.seconds()), Some(30));
/// assert_eq!(error.action(), Action::Backoff);
///
/// // HTTP 200, but not TikTok's JSON.
/// let error = read_response::<Sent>(200, None, b"<html>maintenance</html>").unwrap_err();
/// assert!(matches!(error, ResponseError::Body(_)));
/// ```
///
/// # With an HTTP client
///
/// Any client that hands over the status, the headers and the body bytes
/// works; here a response in the `http` crate's types, as hyper and ureq
/// give it:
///
/// ```
/// use http::header::RETRY_AFTER;
/// use tiktok_messaging_errors::{read_response, Action, ResponseError};
///
/// #[derive(serde::Deserialize)]
/// struct Sent { message_id: String }
///
/// fn handle(response: http::Response<Vec<u8>>) -> Result<Sent, Box<dyn std::error::Error>> {
///     let retry_after = response
///         .headers()
///         .get(RETRY_AFTER)
///         .and_then(|value| value.to_str().ok());
///     match read_response::<Sent>(response.status().as_u16(), retry_after, response.body()) {
///         Ok(Some(sent)) => Ok(sent),
///         Ok(None) => Err("TikTok answered OK without data".into()),
///         Err(error) => {
///             match error.action() {
///                 Action::Backoff | Action::Retry => { /* schedule a retry */ }
///                 Action::Reauthorize => { /* refresh the access token */ }
///                 _ => { /* log it and tell a person */ }
///             }
///             Err(error.into())
///         }
///     }
/// }
///
/// let throttled = http::Response::builder()
///     .status(429)
///     .header(RETRY_AFTER, "30")
///     .body(b"<html>Too Many Requests</html>".to_vec())
///     .unwrap();
/// assert!(handle(throttled).is_err());
/// ```
pub fn read_response<T: DeserializeOwned>(
    status: u16,
    retry_after: Option<&str>,
    body: &[u8],
) -> Result<Option<T>, ResponseError> {
    crate::generated::read_response(status, retry_after, body)
        .map_err(|error| ResponseError::from_shared(error, retry_after, body))
}

/// [`read_response`] of an `http::Response` (feature `http`): its status,
/// its `Retry-After` header and its body, as hyper, reqwest, ureq and axum
/// give a response.
///
/// ```
/// use tiktok_messaging_errors::{read_http_response, ResponseError};
///
/// let throttled = http::Response::builder()
///     .status(429)
///     .header("retry-after", "30")
///     .body(b"<html>Too Many Requests</html>".to_vec())
///     .unwrap();
/// let error = read_http_response::<(), _>(&throttled).unwrap_err();
/// assert!(matches!(error, ResponseError::Status(_)));
/// assert_eq!(error.retry_after().and_then(|r| r.seconds()), Some(30));
/// ```
#[cfg(feature = "http")]
pub fn read_http_response<T: DeserializeOwned, B: AsRef<[u8]>>(
    response: &http::Response<B>,
) -> Result<Option<T>, ResponseError> {
    let retry_after = response
        .headers()
        .get_all(http::header::RETRY_AFTER)
        .iter()
        .find_map(|value| value.to_str().ok().filter(|v| !v.trim().is_empty()));
    crate::generated::read_http_response(response)
        .map_err(|error| ResponseError::from_shared(error, retry_after, response.body().as_ref()))
}

/// Why a response gave no payload. Match with a wildcard arm: later releases
/// may add kinds. [`ResponseError::action`] says what to do about any of them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResponseError {
    /// TikTok answered with its JSON and a non-zero `code`.
    Api(ApiError),
    /// A status other than 2xx without TikTok's JSON: usually a gateway
    /// (throttling, an outage) answering before TikTok did.
    Status(StatusError),
    /// A 2xx status whose body is not TikTok's JSON envelope, or whose `data`
    /// does not have the expected shape.
    Body(BodyError),
}

impl ResponseError {
    /// The shared reader's error as this crate's: the same facts, with
    /// `Retry-After` kept as sent (`retry_after`, the header's value) and,
    /// for a payload that is not a `T`, the start of the `body`.
    fn from_shared(
        error: crate::generated::ResponseError,
        retry_after: Option<&str>,
        body: &[u8],
    ) -> ResponseError {
        let retry_after = retry_after.and_then(RetryAfter::parse);
        let status = error.status().unwrap_or_default();
        let text = |text: Option<&str>| text.unwrap_or_default().to_string();
        if let Some(&code) = error.code() {
            return ResponseError::Api(ApiError {
                code,
                message: text(error.vendor_message()),
                request_id: error.request_id().map(ToString::to_string),
                status: error.status(),
                retry_after,
            });
        }
        let unexpected_payload = matches!(error.kind(), ErrorKind::UnexpectedPayload);
        match error.kind() {
            ErrorKind::Status(status) => ResponseError::Status(StatusError {
                status,
                retry_after,
                body: text(error.body()),
            }),
            _ => ResponseError::Body(BodyError {
                status,
                reason: text(error.reason()),
                body: match error.body() {
                    Some(body) => body.to_string(),
                    None => text(error.with_body(body).body()),
                },
                unexpected_payload,
            }),
        }
    }

    /// The HTTP status of the response, or `0`, which is no HTTP status,
    /// when none was seen: an error made from an [`ApiError`] by hand
    /// (`ResponseError::from(ApiError::new(..))`) has none, and used to
    /// answer 200. [`http_status`](Self::http_status) (and
    /// [`ChannelError::status`]) say `None` instead.
    pub fn status(&self) -> u16 {
        self.http_status().unwrap_or(0)
    }

    /// The HTTP status of the response; `None` when no response was seen.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            ResponseError::Api(error) => error.status,
            ResponseError::Status(error) => Some(error.status),
            ResponseError::Body(error) => Some(error.status),
        }
    }

    /// TikTok's code, when the body had one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ResponseError::Api(error) => Some(error.code),
            _ => None,
        }
    }

    /// The response's `Retry-After`, when it had one.
    pub fn retry_after(&self) -> Option<&RetryAfter> {
        match self {
            ResponseError::Api(error) => error.retry_after.as_ref(),
            ResponseError::Status(error) => error.retry_after.as_ref(),
            ResponseError::Body(_) => None,
        }
    }

    /// What to do: the code's action for TikTok's errors, the status's for a
    /// gateway's ([`StatusError::action`]), and [`Action::Escalate`] for a body
    /// nobody expected.
    pub fn action(&self) -> Action {
        match self {
            ResponseError::Api(error) => error.code.action(),
            ResponseError::Status(error) => error.action(),
            ResponseError::Body(_) => Action::Escalate,
        }
    }
}

/// One line on what failed, with the code or status; the details (TikTok's
/// message and request id, the body) are the [`source`](std::error::Error::source)'s,
/// so a logger walking the chain (`{error}: {source}`) no longer prints the
/// whole error twice (the code or status may show in both).
impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::Api(error) => {
                write!(f, "TikTok answered")?;
                if let Some(status) = error.status {
                    write!(f, " HTTP {status} with")?;
                }
                write!(f, " error code {}", error.code.code())?;
            }
            ResponseError::Status(error) => {
                write!(f, "the TikTok API call failed with HTTP {}", error.status)?;
            }
            ResponseError::Body(error) if error.unexpected_payload => write!(
                f,
                "TikTok accepted the request (HTTP {}), but its data could not be read",
                error.status
            )?,
            ResponseError::Body(error) => write!(
                f,
                "the TikTok API call's response (HTTP {}) could not be read",
                error.status
            )?,
        }
        // When to try again is what a log reader needs first.
        match self.retry_after() {
            Some(retry_after) => write!(f, " (Retry-After: {retry_after})"),
            None => Ok(()),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(match self {
            ResponseError::Api(error) => error,
            ResponseError::Status(error) => error,
            ResponseError::Body(error) => error,
        })
    }
}

/// What every channel's response errors answer, so one policy (`fn
/// decide(error: &dyn ChannelError)`) handles TikTok's and any other
/// generated crate's alike.
impl ChannelError for ResponseError {
    fn vendor(&self) -> Vendor {
        crate::VENDOR
    }

    fn kind(&self) -> ErrorKind<'_> {
        match self {
            ResponseError::Api(error) => ErrorKind::Vendor(&error.code),
            ResponseError::Status(error) => ErrorKind::Status(error.status),
            ResponseError::Body(error) if error.unexpected_payload => ErrorKind::UnexpectedPayload,
            ResponseError::Body(_) => ErrorKind::UnreadableBody,
        }
    }

    fn status(&self) -> Option<u16> {
        self.http_status()
    }

    fn request_id(&self) -> Option<&str> {
        match self {
            ResponseError::Api(error) => error.request_id(),
            _ => None,
        }
    }

    fn vendor_message(&self) -> Option<&str> {
        match self {
            ResponseError::Api(error) if !error.message.is_empty() => Some(&error.message),
            _ => None,
        }
    }

    /// A date is honoured too: TikTok's own [`RetryAfter::Date`] kept as
    /// sent is read as the instant it names.
    fn retry_after(&self) -> Option<channel_errors::RetryAfter> {
        ResponseError::retry_after(self).and_then(RetryAfter::to_shared)
    }
}

impl From<ApiError> for ResponseError {
    fn from(error: ApiError) -> ResponseError {
        ResponseError::Api(error)
    }
}

/// A non-2xx response without TikTok's JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusError {
    status: u16,
    retry_after: Option<RetryAfter>,
    body: String,
}

impl StatusError {
    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The response's `Retry-After`, when it had one.
    pub fn retry_after(&self) -> Option<&RetryAfter> {
        self.retry_after.as_ref()
    }

    /// The start of the body (at most 256 bytes), for logs.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// 429: [`Action::Backoff`]; 408 and 5xx: [`Action::Retry`]; 401:
    /// [`Action::Reauthorize`]; 403 and anything unexpected:
    /// [`Action::Escalate`]; other 4xx: [`Action::FixRequest`].
    pub fn action(&self) -> Action {
        match self.status {
            429 => Action::Backoff,
            408 | 500..=599 => Action::Retry,
            401 => Action::Reauthorize,
            403 => Action::Escalate,
            400..=499 => Action::FixRequest,
            _ => Action::Escalate,
        }
    }
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {} without a TikTok response body", self.status)?;
        if let Some(retry_after) = &self.retry_after {
            write!(f, " (Retry-After: {retry_after})")?;
        }
        if !self.body.is_empty() {
            write!(f, ": {:?}", self.body)?;
        }
        Ok(())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for StatusError {}

/// A 2xx response whose body is not TikTok's JSON (or not the expected `data`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BodyError {
    status: u16,
    reason: String,
    body: String,
    unexpected_payload: bool,
}

impl BodyError {
    /// Whether TikTok answered success (`code: 0`) and only its `data` is
    /// not the expected type: the call took effect, so resending it may
    /// duplicate it. `false` for a body that is not TikTok's JSON at all
    /// (truncated, HTML), where whether it took effect is unknown.
    pub fn is_unexpected_payload(&self) -> bool {
        self.unexpected_payload
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Why the body could not be read, as the JSON parser put it.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The start of the body (at most 256 bytes), for logs.
    pub fn body(&self) -> &str {
        &self.body
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.unexpected_payload {
            write!(
                f,
                "HTTP {}: TikTok accepted the request, but its data is not the expected type: {}",
                self.status, self.reason
            )?;
        } else {
            write!(
                f,
                "HTTP {} with a body that is not a TikTok response: {}",
                self.status, self.reason
            )?;
        }
        if !self.body.is_empty() {
            write!(f, ": {:?}", self.body)?;
        }
        Ok(())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for BodyError {}
