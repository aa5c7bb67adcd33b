//! An API's response envelope described as data: where its code, message and
//! payload are, and how it says "success", so that one reader serves every
//! channel.

use crate::Vendor;

/// How an envelope says a call succeeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Success {
    /// The code is this number (TikTok: `"code": 0`); any other code is the
    /// error. A body without a code is not the envelope.
    CodeIs(i64),
    /// There is no code (Graph-style APIs: no `"error"` object); a code is
    /// the error.
    NoCode,
    /// The boolean at this JSON pointer is `true` (`"ok": true`); `false`
    /// with a code is the error. A body without the boolean is not the
    /// envelope.
    Flag(&'static str),
}

/// An API's response envelope: JSON pointers (RFC 6901: `/code`,
/// `/error/error_subcode`; `""` is the whole body) to its parts, how it
/// signals success, and which HTTP statuses carry it.
///
/// `const`-constructible, so a generated crate describes its article's
/// envelope as one `const` and its `read_response` is a thin wrapper over
/// [`read_response`](crate::read_response). Parts not given are absent:
/// no sub-code, message or request id, and no payload (`Ok(None)`).
///
/// TikTok's `{"code": 0, "message": "OK", "request_id": "…", "data": {}}`,
/// which it sends under HTTP 200 even for failures:
///
/// ```
/// use channel_errors::{Envelope, Success, Vendor};
///
/// const TIKTOK: Envelope = Envelope::new(Vendor::new("tiktok", "TikTok"), "/code")
///     .message("/message")
///     .request_id("/request_id")
///     .data("/data")
///     .success(Success::CodeIs(0));
///
/// assert_eq!(TIKTOK.code_pointer(), "/code");
/// assert!(TIKTOK.carries_envelope(200) && TIKTOK.carries_envelope(429));
/// ```
///
/// A Graph-style API, whose errors come as `{"error": {"code": 100,
/// "error_subcode": 33, "message": "…", "fbtrace_id": "…"}}` under 4xx and
/// 5xx, and whose successful body is the payload itself:
///
/// ```
/// use channel_errors::{Envelope, Success, Vendor};
///
/// const GRAPH: Envelope = Envelope::new(Vendor::new("messenger", "Messenger"), "/error/code")
///     .subcode("/error/error_subcode")
///     .message("/error/message")
///     .request_id("/error/fbtrace_id")
///     .request_id_header("x-fb-trace-id")
///     .data("")
///     .success(Success::NoCode)
///     .error_statuses(&[(400, 599)]);
///
/// assert!(GRAPH.carries_envelope(200) && GRAPH.carries_envelope(400));
/// assert!(!GRAPH.carries_envelope(302));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Envelope {
    vendor: Vendor,
    code: &'static str,
    subcode: Option<&'static str>,
    message: Option<&'static str>,
    request_id: Option<&'static str>,
    request_id_header: Option<&'static str>,
    data: Option<&'static str>,
    success: Success,
    error_statuses: &'static [(u16, u16)],
}

/// Asserts (at compile time in a `const`) that `pointer` is a JSON pointer.
const fn pointer(pointer: &'static str) -> &'static str {
    let bytes = pointer.as_bytes();
    assert!(
        bytes.is_empty() || bytes[0] == b'/',
        "a JSON pointer is empty or starts with '/'"
    );
    pointer
}

impl Envelope {
    /// Every status, for [`error_statuses`](Self::error_statuses).
    pub const ANY_STATUS: &'static [(u16, u16)] = &[(0, u16::MAX)];

    /// The envelope of `vendor`'s API, whose error code is at the JSON
    /// pointer `code`. Until said otherwise: success is [`Success::NoCode`],
    /// every status may carry the envelope, and there is no payload.
    ///
    /// # Panics
    ///
    /// (At compile time in a `const`, as every pointer given to this type.)
    /// When `code` is not a JSON pointer (`""` or starting with `/`).
    pub const fn new(vendor: Vendor, code: &'static str) -> Envelope {
        Envelope {
            vendor,
            code: pointer(code),
            subcode: None,
            message: None,
            request_id: None,
            request_id_header: None,
            data: None,
            success: Success::NoCode,
            error_statuses: Envelope::ANY_STATUS,
        }
    }

    /// The sub-code's pointer (`/error/error_subcode`).
    pub const fn subcode(self, subcode: &'static str) -> Envelope {
        Envelope {
            subcode: Some(pointer(subcode)),
            ..self
        }
    }

    /// The vendor's message's pointer (`/message`).
    pub const fn message(self, message: &'static str) -> Envelope {
        Envelope {
            message: Some(pointer(message)),
            ..self
        }
    }

    /// The request id's pointer (`/request_id`).
    pub const fn request_id(self, request_id: &'static str) -> Envelope {
        Envelope {
            request_id: Some(pointer(request_id)),
            ..self
        }
    }

    /// A header that carries the request id when the body does not
    /// (`x-fb-trace-id`); read by [`read_http_response`](crate::read_http_response),
    /// which sees the headers.
    pub const fn request_id_header(self, name: &'static str) -> Envelope {
        Envelope {
            request_id_header: Some(name),
            ..self
        }
    }

    /// The payload's pointer (`/data`; `""` when the whole body is the payload).
    pub const fn data(self, data: &'static str) -> Envelope {
        Envelope {
            data: Some(pointer(data)),
            ..self
        }
    }

    /// How success is signalled.
    pub const fn success(self, success: Success) -> Envelope {
        if let Success::Flag(flag) = success {
            pointer(flag);
        }
        Envelope { success, ..self }
    }

    /// The non-2xx statuses (inclusive ranges) whose bodies are the vendor's
    /// envelope; 2xx always are. Other statuses are read as a gateway's
    /// answer, whatever their body says. Default: [`Envelope::ANY_STATUS`].
    pub const fn error_statuses(self, ranges: &'static [(u16, u16)]) -> Envelope {
        Envelope {
            error_statuses: ranges,
            ..self
        }
    }

    /// The vendor whose envelope this is.
    pub const fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// The code's pointer.
    pub const fn code_pointer(&self) -> &'static str {
        self.code
    }

    /// The sub-code's pointer, if the API has sub-codes.
    pub const fn subcode_pointer(&self) -> Option<&'static str> {
        self.subcode
    }

    /// The message's pointer.
    pub const fn message_pointer(&self) -> Option<&'static str> {
        self.message
    }

    /// The request id's pointer.
    pub const fn request_id_pointer(&self) -> Option<&'static str> {
        self.request_id
    }

    /// The request id's header.
    pub const fn request_id_header_name(&self) -> Option<&'static str> {
        self.request_id_header
    }

    /// The payload's pointer; `None`: no payload.
    pub const fn data_pointer(&self) -> Option<&'static str> {
        self.data
    }

    /// How success is signalled.
    pub const fn success_signal(&self) -> Success {
        self.success
    }

    /// The non-2xx statuses that carry the envelope.
    pub const fn error_status_ranges(&self) -> &'static [(u16, u16)] {
        self.error_statuses
    }

    /// Whether a response with `status` is read as the envelope: every 2xx,
    /// and the [`error_statuses`](Self::error_statuses).
    pub const fn carries_envelope(&self, status: u16) -> bool {
        if matches!(status, 200..=299) {
            return true;
        }
        let mut i = 0;
        while i < self.error_statuses.len() {
            let (low, high) = self.error_statuses[i];
            if low <= status && status <= high {
                return true;
            }
            i += 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VENDOR: Vendor = Vendor::new("acme", "Acme");

    #[test]
    fn builders_set_one_part_each() {
        const E: Envelope = Envelope::new(VENDOR, "/error/code")
            .subcode("/error/sub")
            .message("/error/message")
            .request_id("/id")
            .request_id_header("x-request-id")
            .data("")
            .success(Success::Flag("/ok"))
            .error_statuses(&[(400, 499), (503, 503)]);
        assert_eq!(E.vendor(), VENDOR);
        assert_eq!(E.code_pointer(), "/error/code");
        assert_eq!(E.subcode_pointer(), Some("/error/sub"));
        assert_eq!(E.message_pointer(), Some("/error/message"));
        assert_eq!(E.request_id_pointer(), Some("/id"));
        assert_eq!(E.request_id_header_name(), Some("x-request-id"));
        assert_eq!(E.data_pointer(), Some(""));
        assert_eq!(E.success_signal(), Success::Flag("/ok"));
        assert_eq!(E.error_status_ranges(), &[(400, 499), (503, 503)]);
        let carried: std::vec::Vec<u16> = [200, 204, 299, 302, 400, 499, 500, 503, 504]
            .into_iter()
            .filter(|s| E.carries_envelope(*s))
            .collect();
        assert_eq!(carried, [200, 204, 299, 400, 499, 503]);
    }

    #[test]
    fn defaults() {
        let e = Envelope::new(VENDOR, "/code");
        assert_eq!(e.success_signal(), Success::NoCode);
        assert_eq!(e.data_pointer(), None);
        assert!(e.carries_envelope(0) && e.carries_envelope(599) && e.carries_envelope(u16::MAX));
    }

    #[test]
    #[should_panic(expected = "JSON pointer")]
    fn refuses_a_key_that_is_not_a_pointer() {
        let _ = Envelope::new(VENDOR, "code");
    }
}
