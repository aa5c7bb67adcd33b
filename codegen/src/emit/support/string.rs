// String codes (slugs), unknown ones kept inline.

const NOT_A_CODE: &str = "not a VENDOR error code: expected a known code or an identifier";
const TOO_LARGE: &str = "VENDOR error code too long: expected at most 63 bytes";
const UNKNOWN_DEBUG: &str = r#""code""#;

/// A code this version of the crate has no variant for, kept inline
/// (up to [`UnknownCode::MAX_LEN`] bytes) so the error type stays
/// `Copy` and needs no allocator.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownCode {
    len: u8,
    bytes: [u8; 63],
    truncated: bool,
}

impl UnknownCode {
    /// The longest code kept whole.
    pub const MAX_LEN: usize = 63;

    /// Keeps `code`; a longer one keeps its first bytes (at a
    /// character boundary) and says so in [`Self::is_truncated`].
    fn new(code: &str) -> UnknownCode {
        let mut end = code.len().min(UnknownCode::MAX_LEN);
        while !code.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0u8; 63];
        bytes[..end].copy_from_slice(&code.as_bytes()[..end]);
        UnknownCode {
            len: end as u8,
            bytes,
            truncated: end < code.len(),
        }
    }

    /// The code that was sent.
    pub fn as_str(&self) -> &str {
        ::core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    /// Whether the code was longer than [`Self::MAX_LEN`] and was cut
    /// (only `from_code` cuts; parsing refuses instead).
    pub const fn is_truncated(&self) -> bool {
        self.truncated
    }
}

impl ::core::fmt::Debug for UnknownCode {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        ::core::fmt::Debug::fmt(self.as_str(), f)
    }
}

// @splice: the lookups' block, which takes `from_code` with `code`.

impl ErrorCode {
    /// The code for a string the API sent. Never fails: an unknown
    /// code becomes [`Self::Unknown`] and keeps its value.
    pub fn from_code(code: &str) -> ErrorCode {
        ErrorCode::from_known_str(code)
            .unwrap_or_else(|| ErrorCode::Unknown(UnknownCode::new(code)))
    }
}

impl Ord for ErrorCode {
    /// By code, known or not: the article's order may change, a code does not.
    fn cmp(&self, other: &ErrorCode) -> ::core::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

// @splice: `Debug` (common.rs).

impl ::core::fmt::Display for ErrorCode {
    /// The code, the variant's name, then the article's description.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self.description() {
            Some(description) => write!(f, "{} {}: {}", self.code(), self.name(), description),
            None => write!(
                f,
                "{} Unknown: a VENDOR error code this crate does not know",
                self.code()
            ),
        }
    }
}

impl ErrorCode {
    /// A code as the API sends it: any non-empty code of at most
    /// [`UnknownCode::MAX_LEN`] bytes without whitespace; unknown ones
    /// keep their value. Stable ids are not codes (serde reads this).
    fn parse_code(code: &str) -> Result<ErrorCode, ParseErrorCodeError> {
        if code.is_empty() || code.contains(char::is_whitespace) {
            return Err(ParseErrorCodeError {
                kind: ParseKind::NotACode,
            });
        }
        if code.len() > UnknownCode::MAX_LEN && ErrorCode::from_known_str(code).is_none() {
            return Err(ParseErrorCodeError {
                kind: ParseKind::TooLarge,
            });
        }
        Ok(ErrorCode::from_code(code))
    }
}

// @splice: the parse error (common.rs).

/// The code as the API sends it: a string. Deserialising keeps unknown
/// codes; one longer than [`UnknownCode::MAX_LEN`] is refused.
#[cfg_attr(not(test), cfg(feature = "serde"))]
const _: () = {
    use ::serde::de::{self, Deserialize, Deserializer, Visitor};
    use ::serde::ser::{Serialize, Serializer};

    impl Serialize for ErrorCode {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.code())
        }
    }

    struct CodeVisitor;

    impl Visitor<'_> for CodeVisitor {
        type Value = ErrorCode;

        fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str("a VENDOR error code: a string of at most 63 bytes")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<ErrorCode, E> {
            ErrorCode::parse_code(value)
                .map_err(|_| E::invalid_value(de::Unexpected::Str(value), &self))
        }
    }

    impl<'de> Deserialize<'de> for ErrorCode {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ErrorCode, D::Error> {
            deserializer.deserialize_str(CodeVisitor)
        }
    }
};
