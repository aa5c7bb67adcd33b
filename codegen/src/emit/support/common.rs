// Every crate's, whatever its codes: strict parsing, the order, `Error` and
// `Debug` of the code type, and the parse error. The shape's file gives the
// texts that differ (`NOT_A_CODE`, `TOO_LARGE`, `UNKNOWN_DEBUG`).

impl ErrorCode {
    /// Strict parsing: only codes this crate knows, by their string form.
    pub fn try_parse(code: &str) -> Result<ErrorCode, ParseErrorCodeError> {
        ErrorCode::from_known_str(code).ok_or(ParseErrorCodeError {
            kind: ParseKind::Unknown,
        })
    }
}

impl PartialOrd for ErrorCode {
    fn partial_cmp(&self, other: &ErrorCode) -> Option<::core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl ::core::error::Error for ErrorCode {}

// @splice: the shape's `Code`, `UnknownCode`, lookups by value and `Ord`.

impl ::core::fmt::Debug for ErrorCode {
    /// The variant name; `Unknown(UNKNOWN_DEBUG)` for unknown codes.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self {
            ErrorCode::Unknown(unknown) => write!(f, "Unknown({:?})", unknown),
            known => f.write_str(known.name()),
        }
    }
}

// @splice: the shape's `Display`, `FromStr` and conversions.

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

impl ::core::fmt::Display for ParseErrorCodeError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str(match self.kind {
            ParseKind::NotACode => NOT_A_CODE,
            ParseKind::TooLarge => TOO_LARGE,
            ParseKind::Unknown => "not a VENDOR error code this crate knows",
        })
    }
}

impl ::core::error::Error for ParseErrorCodeError {}
