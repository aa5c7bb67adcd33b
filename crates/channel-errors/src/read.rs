//! One reader for every channel's responses: a whole HTTP response (status,
//! `Retry-After`, body) to the payload or one [`ResponseError`], read by the
//! [`Envelope`] the channel's article describes.

use alloc::string::{String, ToString};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{ChannelError, Code, Envelope, FromVendorCode, ResponseError, RetryAfter, Success};

/// Reads a response: the payload (`None` when a successful response has
/// none), or the one error that says why not.
///
/// - The vendor's envelope with an error code, under a 2xx or one of the
///   envelope's [`error_statuses`](Envelope::error_statuses):
///   [`ErrorKind::Vendor`](crate::ErrorKind::Vendor), with the vendor's
///   message, request id, the status and `Retry-After`.
/// - Any other non-2xx (a gateway's 429 or 503, an HTML page, a success
///   envelope under an error status): [`ErrorKind::Status`](crate::ErrorKind::Status).
/// - A 2xx whose body is not the envelope (truncated, HTML, empty):
///   [`ErrorKind::UnreadableBody`](crate::ErrorKind::UnreadableBody), delivery
///   [`MaybeSent`](crate::Delivery::MaybeSent).
/// - A success whose payload is not a `T`:
///   [`ErrorKind::UnexpectedPayload`](crate::ErrorKind::UnexpectedPayload),
///   delivery [`Sent`](crate::Delivery::Sent): the call took effect, do not
///   resend it.
///
/// The body is read by pointer, so key order does not matter (`data` before
/// `code` reads the same), and unknown fields are ignored. A code may be an
/// integer or its string form (`"40100"`); a `null` code, sub-code, message
/// or payload is absent. Under [`Success::NoCode`], an empty 2xx body (a 204)
/// is a success without payload; for the other signals it is not the
/// envelope. `retry_after` is the `Retry-After` header's value,
/// if any; an invalid one is ignored.
///
/// ```
/// use channel_errors::{read_response, Action, ChannelError, Code, Delivery, Envelope,
///     FromVendorCode, Category, Success, Vendor, VendorCode};
///
/// const ACME: Vendor = Vendor::new("acme", "Acme");
/// const ENVELOPE: Envelope = Envelope::new(ACME, "/code")
///     .message("/message").request_id("/request_id").data("/data")
///     .success(Success::CodeIs(0));
///
/// // A generated crate's code type; here, one code.
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// enum AcmeCode { RateLimited, Unknown(i64) }
/// impl VendorCode for AcmeCode {
///     fn vendor(&self) -> Vendor { ACME }
///     fn code(&self) -> Code { Code::number(match self { AcmeCode::RateLimited => 40100, AcmeCode::Unknown(n) => *n }) }
///     fn stable_id(&self) -> &'static str { match self { AcmeCode::RateLimited => "rate_limited", _ => "unknown" } }
///     fn category(&self) -> Category { match self { AcmeCode::RateLimited => Category::RateLimit, _ => Category::Unknown } }
///     fn description(&self) -> Option<&'static str> { None }
///     fn solution(&self) -> Option<&'static str> { None }
///     fn article_url(&self) -> &'static str { "https://example.com/errors" }
///     fn is_known(&self) -> bool { !matches!(self, AcmeCode::Unknown(_)) }
/// }
/// impl FromVendorCode for AcmeCode {
///     fn from_vendor_code(code: &Code) -> Option<AcmeCode> {
///         match code.as_i64()? { 40100 => Some(AcmeCode::RateLimited), n => Some(AcmeCode::Unknown(n)) }
///     }
/// }
///
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// struct Sent { message_id: String }
///
/// let ok = br#"{"code": 0, "message": "OK", "request_id": "r1", "data": {"message_id": "m1"}}"#;
/// let sent = read_response::<AcmeCode, Sent>(&ENVELOPE, 200, None, ok).unwrap();
/// assert_eq!(sent, Some(Sent { message_id: "m1".into() }));
///
/// // HTTP 200 with a non-zero code, keys in any order.
/// let throttled = br#"{"data": {}, "request_id": "r2", "code": 40100, "message": "Too many requests"}"#;
/// let error = read_response::<AcmeCode, Sent>(&ENVELOPE, 200, Some("30"), throttled).unwrap_err();
/// assert_eq!(error.code(), Some(&AcmeCode::RateLimited));
/// assert_eq!((error.action(), error.delivery(), error.status()), (Action::Backoff, Delivery::NotSent, Some(200)));
/// assert_eq!(error.backoff(0), Some(core::time::Duration::from_secs(30)));
/// assert_eq!(error.to_string(), "Acme error 40100 (acme.rate_limited): Too many requests (HTTP 200, request id r2, Retry-After: 30)");
///
/// // A gateway answered before the vendor did.
/// let error = read_response::<AcmeCode, Sent>(&ENVELOPE, 503, None, b"<html>Service Unavailable</html>").unwrap_err();
/// assert_eq!((error.stable_id().to_string(), error.action()), ("http_503".to_string(), Action::Retry));
/// ```
pub fn read_response<C: FromVendorCode, T: DeserializeOwned>(
    envelope: &Envelope,
    status: u16,
    retry_after: Option<&str>,
    body: &[u8],
) -> Result<Option<T>, ResponseError<C>> {
    read(
        envelope,
        status,
        retry_after.and_then(RetryAfter::parse),
        None,
        body,
    )
}

/// [`read_response`] with the header facts already read (the `http` reader's).
pub(crate) fn read<C: FromVendorCode, T: DeserializeOwned>(
    envelope: &Envelope,
    status: u16,
    retry_after: Option<RetryAfter>,
    header_request_id: Option<&str>,
    body: &[u8],
) -> Result<Option<T>, ResponseError<C>> {
    let vendor = envelope.vendor();
    let success_status = matches!(status, 200..=299);
    let with_headers = |mut error: ResponseError<C>| {
        if let Some(retry_after) = retry_after {
            error = error.with_retry_after(retry_after);
        }
        match header_request_id {
            Some(id) if error.request_id().is_none() => error.with_request_id(id),
            _ => error,
        }
    };
    let not_envelope = |reason: String| {
        with_headers(if success_status {
            ResponseError::unreadable_body(vendor, status, reason).with_body(body)
        } else {
            ResponseError::http_status(vendor, status).with_body(body)
        })
    };
    if !envelope.carries_envelope(status) {
        return Err(with_headers(
            ResponseError::http_status(vendor, status).with_body(body),
        ));
    }
    // An API without a success code may answer a success with no body (204).
    let empty = body.iter().all(u8::is_ascii_whitespace);
    if empty && success_status && envelope.success_signal() == Success::NoCode {
        return Ok(None);
    }
    let mut value: Value = match serde_json::from_slice(body) {
        Ok(value @ Value::Object(_)) => value,
        Ok(_) => return Err(not_envelope("not a JSON object".to_string())),
        Err(error) => return Err(not_envelope(error.to_string())),
    };
    let outcome = match outcome(envelope, &value) {
        Ok(outcome) => outcome,
        Err(reason) => return Err(not_envelope(reason)),
    };
    let text = |pointer: Option<&str>| pointer.and_then(|p| value.pointer(p)).and_then(as_text);
    let message = text(envelope.message_pointer());
    let request_id = text(envelope.request_id_pointer());
    let details = |mut error: ResponseError<C>| {
        if let Some(message) = &message {
            error = error.with_message(message.as_str());
        }
        if let Some(id) = &request_id {
            error = error.with_request_id(id.as_str());
        }
        with_headers(error)
    };
    match outcome {
        Outcome::Failure(code) => match C::from_vendor_code(&code) {
            Some(code) => Err(details(ResponseError::from_code(code).with_status(status))),
            None => Err(not_envelope(alloc::format!(
                "the code at {} ({code}) is not one of {vendor}'s",
                envelope.code_pointer()
            ))),
        },
        // The envelope says success, the status does not: the status failed.
        Outcome::Success if !success_status => Err(details(
            ResponseError::http_status(vendor, status).with_body(body),
        )),
        Outcome::Success => {
            let data = envelope
                .data_pointer()
                .and_then(|p| value.pointer_mut(p))
                .map(Value::take)
                .filter(|data| !data.is_null());
            match data.map(serde_json::from_value::<T>) {
                None => Ok(None),
                Some(Ok(data)) => Ok(Some(data)),
                Some(Err(error)) => Err(details(ResponseError::unexpected_payload(
                    vendor,
                    status,
                    error.to_string(),
                ))),
            }
        }
    }
}

enum Outcome {
    Success,
    Failure(Code),
}

/// What the envelope says, or why the body is not the envelope.
fn outcome(envelope: &Envelope, value: &Value) -> Result<Outcome, String> {
    let code = code_at(value, envelope)?;
    match (envelope.success_signal(), code) {
        (Success::CodeIs(_), None) => Err(alloc::format!("no code at {}", envelope.code_pointer())),
        (Success::CodeIs(ok), Some(code)) if code.as_i64() == Some(ok) => Ok(Outcome::Success),
        (Success::NoCode, None) => Ok(Outcome::Success),
        (Success::Flag(flag), code) => match (value.pointer(flag), code) {
            (Some(Value::Bool(true)), _) => Ok(Outcome::Success),
            (Some(Value::Bool(false)), Some(code)) => Ok(Outcome::Failure(code)),
            (Some(Value::Bool(false)), None) => Err(alloc::format!(
                "{flag} is false but there is no code at {}",
                envelope.code_pointer()
            )),
            _ => Err(alloc::format!("no boolean at {flag}")),
        },
        (_, Some(code)) => Ok(Outcome::Failure(code)),
    }
}

/// The code (with its sub-code) at the envelope's pointers; `None` when
/// absent or null.
fn code_at(value: &Value, envelope: &Envelope) -> Result<Option<Code>, String> {
    let Some(code) = value
        .pointer(envelope.code_pointer())
        .filter(|v| !v.is_null())
    else {
        return Ok(None);
    };
    let bad = || {
        alloc::format!(
            "the value at {} is not an error code",
            envelope.code_pointer()
        )
    };
    let mut code = match code {
        Value::Number(n) => Code::number(n.as_i64().ok_or_else(bad)?),
        Value::String(s) => s.parse::<Code>().map_err(|_| bad())?,
        _ => return Err(bad()),
    };
    if let Some(pointer) = envelope.subcode_pointer() {
        let bad = || alloc::format!("the value at {pointer} is not a sub-code");
        match value.pointer(pointer) {
            None | Some(Value::Null) => {}
            Some(Value::Number(n)) => code = code.with_subcode(n.as_i64().ok_or_else(bad)?),
            Some(Value::String(s)) => match s
                .parse::<Code>()
                .ok()
                .and_then(|c| c.as_i64().filter(|_| c.subcode().is_none()))
            {
                Some(n) => code = code.with_subcode(n),
                None => return Err(bad()),
            },
            Some(_) => return Err(bad()),
        }
    }
    Ok(Some(code))
}

/// A message or request id: a string as sent, a number in decimal.
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
