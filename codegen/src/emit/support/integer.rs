// Integer codes (`u32`, renamed `i64` for negative ones), written for codes
// with sub-codes: `if SUBCODES` keeps one branch for the crate (and `if
// MESSAGES`, `if SECTIONS` for codes keyed by message or section, `if
// SIGNED` for `i64`).

const NOT_A_CODE: &str = "not a VENDOR error code: expected a known code or a decimal number";
const TOO_LARGE: &str = "VENDOR error code out of range: expected a number that fits u32";
const UNKNOWN_DEBUG: &str = "12345";

#[doc = " A code's value as the article writes it: a number, as VENDOR sends it,\n or an alphanumeric code (`E1001`, `0001`), which has a form of its own\n instead of a sentinel number. Compares with `u32` directly."]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Code {
    /// A decimal code, as VENDOR sends it.
    Numeric(u32),
    /// A code with letters or significant leading zeros (`E1001`,
    /// `0001`); never in a response's integer field.
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

impl ::core::fmt::Display for Code {
    /// The string form: `40100`, `E1001`.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self {
            Code::Numeric(n) => ::core::fmt::Display::fmt(n, f),
            Code::Alphanumeric(s) => f.write_str(s),
        }
    }
}

// @splice: `UnknownCode` (number.rs or subcodes.rs), the lookups by value
// and `code`.

impl Ord for ErrorCode {
    /// By code value (numbers ascending, then alphanumeric codes), known
    /// or not: the order the article lists codes in may change, a code's
    /// value does not. Two codes with the same value are the same code.
    fn cmp(&self, other: &ErrorCode) -> ::core::cmp::Ordering {
        if SUBCODES {
            (self.code(), self.subcode()).cmp(&(other.code(), other.subcode()))
        } else if MESSAGES {
            (self.code(), self.message()).cmp(&(other.code(), other.message()))
        } else if SECTIONS {
            (self.code(), self.section()).cmp(&(other.code(), other.section()))
        } else {
            self.code().cmp(&other.code())
        }
    }
}

// @splice: `Debug` (common.rs).

impl ::core::fmt::Display for ErrorCode {
    /// The code, the variant's name, then the article's description.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self.description() {
            Some(description) => {
                if SUBCODES {
                    match self.subcode() {
                        Some(sub) => write!(
                            f,
                            "{}:{} {}: {}",
                            self.code(),
                            sub,
                            self.name(),
                            description
                        ),
                        None => write!(f, "{} {}: {}", self.code(), self.name(), description),
                    }
                } else {
                    write!(f, "{} {}: {}", self.code(), self.name(), description)
                }
            }
            None => {
                if SUBCODES {
                    write!(f, "{}", self.code())?;
                    if let Some(sub) = self.subcode() {
                        write!(f, ":{sub}")?;
                    }
                    f.write_str(" Unknown: a VENDOR error code this crate does not know")
                } else {
                    write!(
                        f,
                        "{} Unknown: a VENDOR error code this crate does not know",
                        self.code()
                    )
                }
            }
        }
    }
}

impl ErrorCode {
    /// A code as the API sends it: a known code's string form
    /// (`"40100"`, `"E1001"`), or any decimal number that fits, which
    /// keeps its value. Stable ids are not codes (serde reads this).
    fn parse_code(code: &str) -> Result<ErrorCode, ParseErrorCodeError> {
        if let Some(known) = ErrorCode::from_known_str(code) {
            return Ok(known);
        }
        if SUBCODES {
            let (code, subcode) = match code.split_once(':') {
                Some((code, subcode)) => (code, Some(subcode)),
                None => (code, None),
            };
            let parse = |code: &str| -> Result<u32, ParseErrorCodeError> {
                if SIGNED {
                    let digits = code.strip_prefix('-').unwrap_or(code);
                    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(ParseErrorCodeError {
                            kind: ParseKind::NotACode,
                        });
                    }
                } else {
                    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                        return Err(ParseErrorCodeError {
                            kind: ParseKind::NotACode,
                        });
                    }
                }
                code.parse::<u32>().map_err(|_| ParseErrorCodeError {
                    kind: ParseKind::TooLarge,
                })
            };
            let subcode = match subcode {
                Some(subcode) => Some(parse(subcode)?),
                None => None,
            };
            Ok(ErrorCode::from_code_and_subcode(parse(code)?, subcode))
        } else {
            if SIGNED {
                let digits = code.strip_prefix('-').unwrap_or(code);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(ParseErrorCodeError {
                        kind: ParseKind::NotACode,
                    });
                }
            } else {
                if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(ParseErrorCodeError {
                        kind: ParseKind::NotACode,
                    });
                }
            }
            code.parse::<u32>()
                .map(ErrorCode::from_code)
                .map_err(|_| ParseErrorCodeError {
                    kind: ParseKind::TooLarge,
                })
        }
    }
}

impl TryFrom<u32> for ErrorCode {
    type Error = UnknownCodeError;

    /// Only codes this crate knows; use `from_code` to keep any number.
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

// @splice: the parse error (common.rs).

/// A number that is not a code this crate knows (from `TryFrom`).
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

impl ::core::fmt::Display for UnknownCodeError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        write!(
            f,
            "{} is not a VENDOR error code this crate knows",
            self.code
        )
    }
}

impl ::core::error::Error for UnknownCodeError {}

/// An alphanumeric code asked for as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotNumericError {
    code: ErrorCode,
}

impl ::core::fmt::Display for NotNumericError {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        write!(
            f,
            "error code {} is alphanumeric and has no number",
            self.code.code()
        )
    }
}

impl ::core::error::Error for NotNumericError {}

/// The code as the API sends it: an integer (a string for alphanumeric
/// codes). Deserialising never loses a code: unknown numbers are kept.
#[cfg_attr(not(test), cfg(feature = "serde"))]
const _: () = {
    use ::serde::de::{self, Deserialize, Deserializer, Visitor};
    use ::serde::ser::{Serialize, Serializer};

    impl Serialize for ErrorCode {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            if SUBCODES {
                // A code with a sub-code as the string `FromStr` reads
                // (`"1:77"`); the number alone would read back as the
                // code's own row.
                if let Some(sub) = self.subcode() {
                    return serializer.collect_str(&format_args!("{}:{}", self.code(), sub));
                }
            } else {
                // Without sub-codes, a code is its value alone.
            }
            match self.code() {
                Code::Numeric(n) => serializer.serialize_u32(n),
                Code::Alphanumeric(s) => serializer.serialize_str(s),
            }
        }
    }

    struct CodeVisitor;

    impl Visitor<'_> for CodeVisitor {
        type Value = ErrorCode;

        fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str("a VENDOR error code: an integer that fits u32, or its string form")
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<ErrorCode, E> {
            u32::try_from(value)
                .map(ErrorCode::from_code)
                .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<ErrorCode, E> {
            u32::try_from(value)
                .map(ErrorCode::from_code)
                .map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<ErrorCode, E> {
            ErrorCode::parse_code(value)
                .map_err(|_| E::invalid_value(de::Unexpected::Str(value), &self))
        }
    }

    impl<'de> Deserialize<'de> for ErrorCode {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ErrorCode, D::Error> {
            deserializer.deserialize_any(CodeVisitor)
        }
    }
};
