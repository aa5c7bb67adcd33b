// Every crate's, whatever its codes: strict parsing, the order, `Error` and
// `Debug` of the code type, and the parse error. The shape's file gives the
// texts that differ (`NOT_A_CODE`, `TOO_LARGE`, `UNKNOWN_DEBUG`).

impl ErrorCode {
    /// Strict parsing: only codes this crate knows, by their string form
    /// or their stable id (as [`FromStr`](::core::str::FromStr) reads them).
    pub fn try_parse(code: &str) -> Result<ErrorCode, ParseErrorCodeError> {
        ErrorCode::from_known_text(code).ok_or(ParseErrorCodeError {
            kind: ParseKind::Unknown,
        })
    }
}

impl ErrorCode {
    /// A known code by its string form, else by its stable id: a code's
    /// text wins where it equals another entry's id, so what parsed as a
    /// code before ids were read still does.
    fn from_known_text(text: &str) -> Option<ErrorCode> {
        ErrorCode::from_known_str(text).or_else(|| ErrorCode::from_stable_id(text))
    }
}

impl ::core::str::FromStr for ErrorCode {
    type Err = ParseErrorCodeError;

    /// Lenient parsing: a known code's string form (`"40100"`, `"E1001"`,
    /// `"1:99"` with a sub-code), or a known code's stable id
    /// (`"rate_limited"`, what [`Self::as_str`] returns); where a
    /// code's text equals another code's id, the code wins. Any other code
    /// keeps its value as [`Self::Unknown`], as with
    /// [`Self::from_code`]; text that is no code is refused.
    /// `"unknown"` names no code, so it reads as any other text. Serde
    /// reads codes only, never ids.
    fn from_str(text: &str) -> Result<ErrorCode, ParseErrorCodeError> {
        match ErrorCode::from_known_text(text) {
            Some(known) => Ok(known),
            None => ErrorCode::parse_code(text),
        }
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
