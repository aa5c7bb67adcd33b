// With an `[envelope]` in the configuration: the crate's responses, read by
// the shared runtime's reader through the `ENVELOPE` that `quote!` writes
// from it. Nothing here is per vendor but the name in the docs.

/// Why a call to VENDOR gave no payload: its error code, an HTTP status
/// without its envelope (a gateway), a body or payload that could not be
/// read, or a transport error. Ask it anything through
/// [`channel_errors::ChannelError`]; `code()` gives the typed code.
#[cfg_attr(not(test), cfg(feature = "json"))]
pub type ResponseError = ::channel_errors::ResponseError<ErrorCode>;

/// Reads a whole VENDOR response (status, the `Retry-After` header's value,
/// the body): the payload (`None` when a success has none), or the one
/// [`ResponseError`] that says why not, as
/// [`channel_errors::read_response`] reads it by [`ENVELOPE`].
#[cfg_attr(not(test), cfg(feature = "json"))]
pub fn read_response<T: ::serde::de::DeserializeOwned>(
    status: u16,
    retry_after: Option<&str>,
    body: &[u8],
) -> Result<Option<T>, ResponseError> {
    ::channel_errors::read_response::<ErrorCode, T>(&ENVELOPE, status, retry_after, body)
}

/// [`read_response`] of an `http::Response`, its headers included
/// ([`channel_errors::read_http_response`]).
#[cfg_attr(not(test), cfg(feature = "http"))]
pub fn read_http_response<T: ::serde::de::DeserializeOwned, B: AsRef<[u8]>>(
    response: &::http::Response<B>,
) -> Result<Option<T>, ResponseError> {
    ::channel_errors::read_http_response::<ErrorCode, T, B>(&ENVELOPE, response)
}
