//! The standard traits, in the spirit of `http::StatusCode`: obvious, total
//! where they can be, and explicit (`TryFrom`) where they cannot.

use core::cmp::Ordering;
use core::fmt;
use core::str::FromStr;

use crate::{Action, Category, Code, ErrorCode};

impl ErrorCode {
    /// Whether this crate knows the code (it has a variant).
    pub const fn is_known(self) -> bool {
        !matches!(self, ErrorCode::Unknown(_))
    }

    /// Strict parsing: only codes this crate knows, by their string form.
    pub fn try_parse(code: &str) -> Result<ErrorCode, ParseErrorCodeError> {
        ErrorCode::from_known_str(code).ok_or(ParseErrorCodeError {
            kind: ParseKind::Unknown,
        })
    }
}

impl PartialOrd for ErrorCode {
    fn partial_cmp(&self, other: &ErrorCode) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ErrorCode {
    /// By code value (numbers ascending, then alphanumeric codes), known or
    /// not: the order the article lists codes in may change, a code's value
    /// does not. Two codes with the same value are the same code.
    fn cmp(&self, other: &ErrorCode) -> Ordering {
        self.code().cmp(&other.code())
    }
}

impl fmt::Debug for ErrorCode {
    /// The variant name; `Unknown(12345)` for unknown codes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorCode::Unknown(unknown) => write!(f, "Unknown({})", unknown.get()),
            known => f.write_str(known.name()),
        }
    }
}

impl fmt::Display for ErrorCode {
    /// `40100 RateLimited: ` followed by the article's description.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.description() {
            Some(description) => write!(f, "{} {}: {description}", self.code(), self.name()),
            None => write!(
                f,
                "{} Unknown: a TikTok error code this crate does not know",
                self.code()
            ),
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Action {
    /// The stable id: `backoff`, `fix_request`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ErrorCode {
    type Err = ParseErrorCodeError;

    /// Lenient parsing: any known code's string form (`"40100"`, `"E1001"`),
    /// or any decimal number that fits `u32`, which keeps its value.
    fn from_str(code: &str) -> Result<ErrorCode, ParseErrorCodeError> {
        if let Some(known) = ErrorCode::from_known_str(code) {
            return Ok(known);
        }
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseErrorCodeError {
                kind: ParseKind::NotACode,
            });
        }
        code.parse::<u32>()
            .map(ErrorCode::from_code)
            .map_err(|_| ParseErrorCodeError {
                kind: ParseKind::TooLarge,
            })
    }
}

impl TryFrom<u32> for ErrorCode {
    type Error = UnknownCodeError;

    /// Only codes this crate knows; use [`ErrorCode::from_code`] to keep any number.
    fn try_from(code: u32) -> Result<ErrorCode, UnknownCodeError> {
        match ErrorCode::from_code(code) {
            ErrorCode::Unknown(_) => Err(UnknownCodeError { code }),
            known => Ok(known),
        }
    }
}

impl From<ErrorCode> for Code {
    fn from(code: ErrorCode) -> Code {
        code.code()
    }
}

impl TryFrom<ErrorCode> for u32 {
    type Error = NotNumericError;

    /// The number, for every numeric code; alphanumeric codes have none.
    fn try_from(code: ErrorCode) -> Result<u32, NotNumericError> {
        code.code().as_u32().ok_or(NotNumericError { code })
    }
}

impl PartialEq<u32> for ErrorCode {
    fn eq(&self, other: &u32) -> bool {
        self.code() == *other
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ParseKind {
    NotACode,
    TooLarge,
    Unknown,
}

/// A string that is not an error code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseErrorCodeError {
    kind: ParseKind,
}

impl fmt::Display for ParseErrorCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            ParseKind::NotACode => {
                "not a TikTok error code: expected a known code or a decimal number"
            }
            ParseKind::TooLarge => {
                "TikTok error code out of range: expected a number that fits u32"
            }
            ParseKind::Unknown => "not a TikTok error code this crate knows",
        })
    }
}

/// A number that is not a code this crate knows (from `TryFrom<u32>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownCodeError {
    code: u32,
}

impl UnknownCodeError {
    /// The number that was refused.
    pub const fn code(self) -> u32 {
        self.code
    }
}

impl fmt::Display for UnknownCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is not a TikTok error code this crate knows",
            self.code
        )
    }
}

/// An alphanumeric code asked for as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotNumericError {
    code: ErrorCode,
}

impl fmt::Display for NotNumericError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "error code {} is alphanumeric and has no number",
            self.code.code()
        )
    }
}

#[cfg(feature = "std")]
mod std_errors {
    use super::*;

    impl std::error::Error for ErrorCode {}
    impl std::error::Error for ParseErrorCodeError {}
    impl std::error::Error for UnknownCodeError {}
    impl std::error::Error for NotNumericError {}
}
