//! [`read_response`](crate::read_response) for a response in the `http`
//! crate's types, as hyper, reqwest (through `http`), ureq and axum give it.

use serde::de::DeserializeOwned;

use crate::{Envelope, FromVendorCode, ResponseError, RetryAfter};

/// [`read_response`](crate::read_response) of an `http::Response`: its
/// status, its first valid `Retry-After` header, the envelope's
/// [`request_id_header`](Envelope::request_id_header) when the body has no
/// request id, and its body.
///
/// ```
/// use channel_errors::{read_http_response, Action, ChannelError, Code, Category,
///     Envelope, FromVendorCode, Success, Vendor, VendorCode};
/// use core::time::Duration;
///
/// const ACME: Vendor = Vendor::new("acme", "Acme");
/// const ENVELOPE: Envelope = Envelope::new(ACME, "/error/code")
///     .request_id_header("x-request-id")
///     .data("")
///     .success(Success::NoCode);
///
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// struct AcmeCode(i64);
/// impl VendorCode for AcmeCode {
///     fn vendor(&self) -> Vendor { ACME }
///     fn code(&self) -> Code { Code::number(self.0) }
///     fn stable_id(&self) -> &'static str { "unknown" }
///     fn category(&self) -> Category { Category::Unknown }
///     fn description(&self) -> Option<&'static str> { None }
///     fn solution(&self) -> Option<&'static str> { None }
///     fn article_url(&self) -> &'static str { "https://example.com/errors" }
///     fn is_known(&self) -> bool { false }
/// }
/// impl FromVendorCode for AcmeCode {
///     fn from_vendor_code(code: &Code) -> Option<AcmeCode> { code.as_i64().map(AcmeCode) }
/// }
///
/// let throttled = http::Response::builder()
///     .status(429)
///     .header("retry-after", "7")
///     .header("x-request-id", "abc")
///     .body(b"<html>Too Many Requests</html>".to_vec())
///     .unwrap();
/// let error = read_http_response::<AcmeCode, (), _>(&ENVELOPE, &throttled).unwrap_err();
/// assert_eq!((error.status(), error.action()), (Some(429), Action::Backoff));
/// assert_eq!(error.request_id(), Some("abc"));
/// assert_eq!(error.backoff(0), Some(Duration::from_secs(7)));
/// ```
pub fn read_http_response<C: FromVendorCode, T: DeserializeOwned, B: AsRef<[u8]>>(
    envelope: &Envelope,
    response: &http::Response<B>,
) -> Result<Option<T>, ResponseError<C>> {
    let headers = response.headers();
    let retry_after = headers
        .get_all(http::header::RETRY_AFTER)
        .iter()
        .find_map(|value| value.to_str().ok().and_then(RetryAfter::parse));
    let request_id = envelope
        .request_id_header_name()
        .and_then(|name| headers.get(name))
        .and_then(|value| value.to_str().ok());
    crate::read::read(
        envelope,
        response.status().as_u16(),
        retry_after,
        request_id,
        response.body().as_ref(),
    )
}
