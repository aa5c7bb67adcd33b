//! The body every TikTok Business API call answers with:
//! `{"code": 0, "message": "OK", "request_id": "…", "data": {…}}`, HTTP 200
//! even on failure, with a non-zero `code` saying what went wrong.

use alloc::string::String;
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
/// assert_eq!(error.code, ErrorCode::RateLimited);
/// assert!(error.code.is_retryable());
/// assert_eq!(error.message, "Too many requests");
/// assert_eq!(error.request_id.as_deref(), Some("r2"));
/// ```
///
/// When `code` comes before `data`, as TikTok sends it, a failed response's
/// `data` is skipped without being parsed as `T`. Unknown fields are ignored;
/// `message`, `request_id` and `data` may be missing.
#[derive(Clone, Debug, PartialEq, Eq)]
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
            }),
        }
    }
}

/// A failed TikTok API call: the code, TikTok's message and its request id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// What went wrong, with the crate's description and retry advice.
    pub code: ErrorCode,
    /// TikTok's own message; empty if the response had none.
    pub message: String,
    /// TikTok's request id, if the response had one.
    pub request_id: Option<String>,
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
