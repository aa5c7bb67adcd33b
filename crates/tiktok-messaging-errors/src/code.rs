//! The value of a code, numeric or alphanumeric, and the opaque holder of
//! numbers this crate does not know.

use core::fmt;

/// A code's value as the article writes it.
///
/// Every code TikTok sends in a response is a number; the article allows
/// alphanumeric codes too, so those have a form of their own instead of a
/// sentinel number. Compares with `u32` directly:
///
/// ```
/// use tiktok_messaging_errors::{Code, ErrorCode};
/// assert_eq!(ErrorCode::RateLimited.code(), 40100);
/// assert_eq!(ErrorCode::RateLimited.code().as_u32(), Some(40100));
/// assert_eq!(ErrorCode::RateLimited.code(), Code::Numeric(40100));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Code {
    /// A decimal code, as TikTok sends it in a response's `code` field.
    Numeric(u32),
    /// A code with letters (`E1001`); never in a response's integer field.
    Alphanumeric(&'static str),
}

impl Code {
    /// The number, for numeric codes.
    pub const fn as_u32(self) -> Option<u32> {
        match self {
            Code::Numeric(n) => Some(n),
            Code::Alphanumeric(_) => None,
        }
    }

    /// Whether this is a decimal code.
    pub const fn is_numeric(self) -> bool {
        matches!(self, Code::Numeric(_))
    }
}

impl PartialEq<u32> for Code {
    fn eq(&self, other: &u32) -> bool {
        *self == Code::Numeric(*other)
    }
}

impl PartialEq<Code> for u32 {
    fn eq(&self, other: &Code) -> bool {
        other == self
    }
}

impl fmt::Display for Code {
    /// The string form: `40100`, `E1001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Numeric(n) => fmt::Display::fmt(n, f),
            Code::Alphanumeric(s) => f.write_str(s),
        }
    }
}

/// A number this version of the crate has no variant for.
///
/// Only [`ErrorCode::from_code`](crate::ErrorCode::from_code) (and the
/// parsers built on it) make one, and only for numbers that are not known
/// codes, so an unknown code never equals a known one.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownCode(u32);

impl UnknownCode {
    pub(crate) const fn new(code: u32) -> UnknownCode {
        UnknownCode(code)
    }

    /// The number TikTok sent.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Debug for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}
