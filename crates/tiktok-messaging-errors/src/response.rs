//! The body every TikTok Business API call answers with:
//! `{"code": 0, "message": "OK", "request_id": "…", "data": {…}}`, HTTP 200
//! even on failure, with a non-zero `code` saying what went wrong.

use alloc::string::{String, ToString};
use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::ErrorCode;

/// A TikTok Business API response body, success or failure.
///
/// ```
/// use tiktok_messaging_errors::{ApiResponse, ErrorCode};
///
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// struct Sent { message_id: String }
///
/// let ok: ApiResponse<Sent> = serde_json::from_str(
///     r#"{"code": 0, "message": "OK", "request_id": "r1", "data": {"message_id": "m1"}}"#,
/// ).unwrap();
/// assert_eq!(ok.into_result().unwrap(), Some(Sent { message_id: "m1".into() }));
///
/// // Failures carry `data: {}`, which is not a `Sent`: it is skipped.
/// let failed: ApiResponse<Sent> = serde_json::from_str(
///     r#"{"code": 40100, "message": "Too many requests", "request_id": "r2", "data": {}}"#,
/// ).unwrap();
/// let error = failed.into_result().unwrap_err();
/// assert_eq!(error.code(), ErrorCode::RateLimited);
/// assert!(error.code().is_retryable());
/// assert_eq!(error.message(), "Too many requests");
/// assert_eq!(error.request_id(), Some("r2"));
/// ```
///
/// To read a whole HTTP response, non-200 statuses and non-JSON bodies
/// included, use [`read_response`](crate::read_response) (feature `json`).
///
/// When `code` comes before `data`, as TikTok sends it, a failed response's
/// `data` is skipped without being parsed as `T`. Unknown fields are ignored;
/// `message`, `request_id` and `data` may be missing.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiResponse<T> {
    /// `None` for success (`code: 0`), else the error code.
    pub error: Option<ErrorCode>,
    /// TikTok's own message (`"OK"` on success).
    pub message: Option<String>,
    /// TikTok's request id, worth logging with any failure.
    pub request_id: Option<String>,
    /// The payload of a successful response.
    pub data: Option<T>,
}

impl<T> ApiResponse<T> {
    /// A successful response carrying `data` (for tests and mocks).
    pub fn success(data: T) -> ApiResponse<T> {
        ApiResponse {
            error: None,
            message: None,
            request_id: None,
            data: Some(data),
        }
    }

    /// A failed response with `code` (for tests and mocks).
    pub fn failure(code: ErrorCode) -> ApiResponse<T> {
        ApiResponse {
            error: Some(code),
            message: None,
            request_id: None,
            data: None,
        }
    }

    /// `None` for success, else the error code.
    pub fn error(&self) -> Option<ErrorCode> {
        self.error
    }

    /// TikTok's own message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// TikTok's request id.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The payload of a successful response.
    pub fn data(&self) -> Option<&T> {
        self.data.as_ref()
    }

    /// Whether TikTok answered `code: 0`.
    pub fn is_success(&self) -> bool {
        self.error.is_none()
    }

    /// The payload on success (`None` if the response had no `data`), or the
    /// error with TikTok's message and request id.
    pub fn into_result(self) -> Result<Option<T>, ApiError> {
        match self.error {
            None => Ok(self.data),
            Some(code) => Err(ApiError {
                code,
                message: self.message.unwrap_or_default(),
                request_id: self.request_id,
                status: None,
                retry_after: None,
            }),
        }
    }
}

/// A failed TikTok API call: the code, TikTok's message and its request id.
///
/// Non-exhaustive: later releases may carry more of the response. Build one
/// (in tests, for mocks) with [`ApiError::new`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// What went wrong, with the crate's description and advice.
    pub code: ErrorCode,
    /// TikTok's own message; empty if the response had none.
    pub message: String,
    /// TikTok's request id, if the response had one.
    pub request_id: Option<String>,
    /// Set by `read_response`, which sees the whole HTTP response.
    pub(crate) status: Option<u16>,
    pub(crate) retry_after: Option<RetryAfter>,
}

impl ApiError {
    /// An error with `code`, TikTok's `message` and no request id.
    ///
    /// ```
    /// use tiktok_messaging_errors::{ApiError, ErrorCode};
    /// let error = ApiError::new(ErrorCode::RateLimited, "slow down").with_request_id("r1");
    /// assert_eq!((error.code(), error.message(), error.request_id()), (ErrorCode::RateLimited, "slow down", Some("r1")));
    /// ```
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            request_id: None,
            status: None,
            retry_after: None,
        }
    }

    /// The same error with TikTok's request id.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> ApiError {
        self.request_id = Some(request_id.into());
        self
    }

    /// What went wrong.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// TikTok's own message; empty if the response had none.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// TikTok's request id, if the response had one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The HTTP status, when the error came from
    /// [`read_response`](crate::read_response).
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The response's `Retry-After`, when the error came from
    /// [`read_response`](crate::read_response) and the response had one.
    pub fn retry_after(&self) -> Option<&RetryAfter> {
        self.retry_after.as_ref()
    }

    /// What to do about it: the code's [`Action`](crate::Action).
    pub fn action(&self) -> crate::Action {
        self.code.action()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "TikTok API error {} {}",
            self.code.code(),
            self.code.name()
        )?;
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request_id {id})")?;
        }
        Ok(())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ApiError {}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ApiResponse<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ResponseVisitor(PhantomData))
    }
}

struct ResponseVisitor<T>(PhantomData<T>);

/// `data` is parsed only once we know the call succeeded (or before `code`).
struct Data<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ResponseVisitor<T> {
    type Value = ApiResponse<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TikTok API response object with a `code` field")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut code: Option<ErrorCode> = None;
        let mut message = None;
        let mut request_id = None;
        let mut data = Data(None);
        while let Some(key) = map.next_key::<alloc::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "code" => code = Some(map.next_value()?),
                "message" => message = map.next_value()?,
                "request_id" => request_id = map.next_value()?,
                "data" if code.is_some_and(|c| c != 0) => {
                    map.next_value::<IgnoredAny>()?;
                }
                "data" => data = Data(map.next_value()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let code = code.ok_or_else(|| de::Error::missing_field("code"))?;
        let error = (code != 0).then_some(code);
        Ok(ApiResponse {
            error,
            message,
            request_id,
            data: if error.is_some() { None } else { data.0 },
        })
    }
}

/// A `Retry-After` header: a number of seconds, or an HTTP date, kept as sent;
/// [`delay_from`](Self::delay_from) measures either from a clock you give.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryAfter {
    /// `Retry-After: 30`.
    Seconds(u64),
    /// `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`, as sent.
    Date(String),
}

impl RetryAfter {
    /// Reads a header value; `None` for an empty one.
    pub fn parse(value: &str) -> Option<RetryAfter> {
        let value = value.trim();
        if value.is_empty() {
            None
        } else if value.bytes().all(|b| b.is_ascii_digit()) {
            // More digits than a u64 holds is still "a very long time".
            Some(RetryAfter::Seconds(value.parse().unwrap_or(u64::MAX)))
        } else {
            Some(RetryAfter::Date(value.to_string()))
        }
    }

    /// The delay in seconds, when the header gave one.
    pub fn seconds(&self) -> Option<u64> {
        match self {
            RetryAfter::Seconds(seconds) => Some(*seconds),
            RetryAfter::Date(_) => None,
        }
    }

    /// The header as the shared runtime holds it: a delay, or the instant
    /// an HTTP date names (any of the three forms HTTP allows); `None` for
    /// a date that is not one.
    ///
    /// ```
    /// use tiktok_messaging_errors::RetryAfter;
    /// let date = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
    /// assert_eq!(date.to_shared(), Some(channel_errors::RetryAfter::At(1_445_412_480)));
    /// assert_eq!(RetryAfter::parse("soon").unwrap().to_shared(), None);
    /// ```
    pub fn to_shared(&self) -> Option<channel_errors::RetryAfter> {
        match self {
            RetryAfter::Seconds(seconds) => Some(channel_errors::RetryAfter::Delay(
                core::time::Duration::from_secs(*seconds),
            )),
            RetryAfter::Date(date) => channel_errors::RetryAfter::parse(date),
        }
    }

    /// How long to wait from `now` (the time since the Unix epoch): the
    /// delay, or the time until the date (zero once it has passed); `None`
    /// for a date that is not one.
    ///
    /// ```
    /// use core::time::Duration;
    /// use tiktok_messaging_errors::RetryAfter;
    /// let date = RetryAfter::parse("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
    /// let now = Duration::from_secs(1_445_412_480 - 90);
    /// assert_eq!(date.delay_from(now), Some(Duration::from_secs(90)));
    /// ```
    pub fn delay_from(&self, now: core::time::Duration) -> Option<core::time::Duration> {
        self.to_shared().map(|r| r.delay_from(now))
    }
}

impl fmt::Display for RetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetryAfter::Seconds(seconds) => write!(f, "{seconds}"),
            RetryAfter::Date(date) => f.write_str(date),
        }
    }
}
