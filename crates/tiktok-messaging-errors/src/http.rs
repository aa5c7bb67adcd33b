//! A whole HTTP response (status, `Retry-After`, body bytes) to the payload or
//! one error. TikTok reports failures as a non-zero `code` under HTTP 200, but
//! gateways in front of it answer 429, 5xx or an HTML page before any of
//! TikTok's JSON exists; a client has to handle all three the same way.

use alloc::string::{String, ToString};
use core::fmt;

use serde::de::DeserializeOwned;

use crate::{Action, ApiError, ApiResponse, ErrorCode, RetryAfter};

/// How much of an unexpected body an error keeps, for logs.
const SNIPPET_BYTES: usize = 256;

/// Reads a TikTok Business API response: the payload (`None` when a
/// successful response has no `data`), or the one error that says why not.
///
/// - TikTok's JSON with a non-zero `code`, under any status: [`ResponseError::Api`].
/// - Any other non-2xx status (a gateway's 429 or 503, an HTML error page):
///   [`ResponseError::Status`], with `Retry-After` when the response had one.
/// - A 2xx status whose body is not TikTok's JSON, or whose `data` is not a
///   `T`: [`ResponseError::Body`].
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
    let retry_after = retry_after.and_then(RetryAfter::parse);
    let success = (200..300).contains(&status);
    let status_error = || {
        ResponseError::Status(StatusError {
            status,
            retry_after: retry_after.clone(),
            body: snippet(body),
        })
    };
    match serde_json::from_slice::<ApiResponse<T>>(body) {
        Ok(response) => match response.into_result() {
            Ok(data) if success => Ok(data),
            // `code: 0` under an error status: the status is what failed.
            Ok(_) => Err(status_error()),
            Err(mut error) => {
                error.status = Some(status);
                error.retry_after = retry_after.clone();
                Err(ResponseError::Api(error))
            }
        },
        Err(_) if !success => Err(status_error()),
        Err(error) => Err(ResponseError::Body(BodyError {
            status,
            reason: error.to_string(),
            body: snippet(body),
        })),
    }
}

fn snippet(body: &[u8]) -> String {
    let mut end = body.len().min(SNIPPET_BYTES);
    // Cut on a character boundary where the bytes are UTF-8.
    while end > 0 && end < body.len() && (body[end] & 0b1100_0000) == 0b1000_0000 {
        end -= 1;
    }
    String::from_utf8_lossy(&body[..end]).into_owned()
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
    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        match self {
            ResponseError::Api(error) => error.status.unwrap_or(200),
            ResponseError::Status(error) => error.status,
            ResponseError::Body(error) => error.status,
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

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::Api(error) => fmt::Display::fmt(error, f),
            ResponseError::Status(error) => fmt::Display::fmt(error, f),
            ResponseError::Body(error) => fmt::Display::fmt(error, f),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ResponseError::Api(error) => Some(error),
            ResponseError::Status(error) => Some(error),
            ResponseError::Body(error) => Some(error),
        }
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
}

impl BodyError {
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
        write!(
            f,
            "HTTP {} with a body that is not a TikTok response: {}",
            self.status, self.reason
        )?;
        if !self.body.is_empty() {
            write!(f, ": {:?}", self.body)?;
        }
        Ok(())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for BodyError {}
