//! A vendor's error code as a value: a number (`u32` and `i64` codes alike)
//! or a text code, with an optional sub-code, `Copy` and without an
//! allocator.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::str::FromStr;

use crate::ParseError;

/// A vendor's error code: a number or a text code (`E1001`, `0001`,
/// `channel_not_found`), with an optional sub-code (`1:99`).
///
/// - Numbers are `i64`, which holds every `u32` and `i64` code; build them
///   with [`Code::number`] or `From<u32>`/`From<i64>`.
/// - Known text codes are `&'static str`s in the generated crate
///   ([`Code::text`], a `const fn`); text that arrives at run time
///   (parsed, deserialised, or a code this version does not know) is kept
///   inline, up to [`Code::MAX_TEXT_LEN`] bytes, so the type stays `Copy`
///   and needs no allocator. Where it came from never matters: equality,
///   order and hashing look at the text only.
/// - The sub-code is kept everywhere: [`Display`](fmt::Display) writes
///   `1:99`, [`FromStr`] reads it back, serde writes it (as that string)
///   and reads it back.
///
/// ```
/// use channel_errors::{Code, CodeValue};
///
/// let code: Code = "1:99".parse().unwrap();
/// assert_eq!((code.as_i64(), code.subcode()), (Some(1), Some(99)));
/// assert_eq!(code.to_string(), "1:99");
/// assert_eq!(code, Code::number(1).with_subcode(99));
///
/// assert_eq!("40100".parse::<Code>().unwrap(), 40100u32);
/// assert_eq!("-5".parse::<Code>().unwrap().as_i64(), Some(-5));
///
/// // Leading zeros and letters are text, as articles write them.
/// const E1001: Code = Code::text("E1001");
/// assert_eq!("E1001".parse::<Code>().unwrap(), E1001);
/// assert_eq!("0001".parse::<Code>().unwrap().value(), CodeValue::Text("0001"));
/// ```
///
/// Numbers order before text, numbers ascending, text by bytes; a code
/// without a sub-code before the same code with one.
#[derive(Clone, Copy)]
pub struct Code {
    value: Repr,
    subcode: Option<i64>,
}

/// A [`Code`]'s value without its sub-code, borrowed for `match`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeValue<'a> {
    /// A decimal code: every `u32` and `i64` code.
    Number(i64),
    /// A text code (`E1001`, `0001`, `channel_not_found`).
    Text(&'a str),
}

#[derive(Clone, Copy)]
enum Repr {
    Number(i64),
    Static(&'static str),
    Inline(Inline),
}

#[derive(Clone, Copy)]
struct Inline {
    len: u8,
    truncated: bool,
    bytes: [u8; Code::MAX_TEXT_LEN],
}

impl Inline {
    /// Keeps `text`, cut to at most `MAX_TEXT_LEN` bytes at a character
    /// boundary.
    fn new(text: &str) -> Inline {
        let mut end = text.len().min(Code::MAX_TEXT_LEN);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; Code::MAX_TEXT_LEN];
        bytes[..end].copy_from_slice(&text.as_bytes()[..end]);
        Inline {
            len: end as u8,
            truncated: end < text.len(),
            bytes,
        }
    }

    fn as_str(&self) -> &str {
        // Always whole characters: `new` cuts on a boundary.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl Code {
    /// The longest text code kept at run time (parsed, deserialised or
    /// [`from_str_lossy`](Self::from_str_lossy)); [`Code::text`]'s
    /// `&'static str`s have no limit.
    pub const MAX_TEXT_LEN: usize = 63;

    /// A numeric code (`u32` and `i64` codes alike).
    pub const fn number(value: i64) -> Code {
        Code {
            value: Repr::Number(value),
            subcode: None,
        }
    }

    /// A known text code, as a generated crate writes it: `const E1001:
    /// Code = Code::text("E1001");`.
    ///
    /// # Panics
    ///
    /// (At compile time in a `const`.) When `text` is not a text code as
    /// [`FromStr`] reads one: empty, with whitespace, a control character or
    /// `:`, or a decimal number (that is [`Code::number`]); so that `Display`
    /// and `FromStr` always agree.
    pub const fn text(text: &'static str) -> Code {
        assert!(is_text_code(text.as_bytes()), "not a text code");
        Code {
            value: Repr::Static(text),
            subcode: None,
        }
    }

    /// The code for a string a vendor sent, never failing: a decimal number
    /// becomes a number, anything else text, cut to
    /// [`MAX_TEXT_LEN`](Self::MAX_TEXT_LEN) bytes if longer (see
    /// [`is_truncated`](Self::is_truncated)). No sub-code is read: use
    /// [`FromStr`] for `1:99`.
    ///
    /// ```
    /// use channel_errors::Code;
    /// let long = "x".repeat(100);
    /// let code = Code::from_str_lossy(&long);
    /// assert!(code.is_truncated());
    /// assert_eq!(code.as_text().map(str::len), Some(Code::MAX_TEXT_LEN));
    /// assert_eq!(Code::from_str_lossy("42"), 42u32);
    /// ```
    pub fn from_str_lossy(text: &str) -> Code {
        match parse_decimal(text.as_bytes()) {
            Some(n) => Code::number(n),
            None => Code {
                value: Repr::Inline(Inline::new(text)),
                subcode: None,
            },
        }
    }

    /// The same code with a sub-code.
    pub const fn with_subcode(self, subcode: i64) -> Code {
        Code {
            value: self.value,
            subcode: Some(subcode),
        }
    }

    /// The same code without its sub-code.
    pub const fn without_subcode(self) -> Code {
        Code {
            value: self.value,
            subcode: None,
        }
    }

    /// The sub-code, if the code has one.
    pub const fn subcode(&self) -> Option<i64> {
        self.subcode
    }

    /// The value without the sub-code, for `match`.
    pub fn value(&self) -> CodeValue<'_> {
        match &self.value {
            Repr::Number(n) => CodeValue::Number(*n),
            Repr::Static(text) => CodeValue::Text(text),
            Repr::Inline(inline) => CodeValue::Text(inline.as_str()),
        }
    }

    /// The number, for numeric codes (the sub-code aside).
    pub const fn as_i64(&self) -> Option<i64> {
        match self.value {
            Repr::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The number, for numeric codes that fit a `u32` (the sub-code aside).
    pub const fn as_u32(&self) -> Option<u32> {
        match self.value {
            Repr::Number(n) if n >= 0 && n <= u32::MAX as i64 => Some(n as u32),
            _ => None,
        }
    }

    /// The text, for text codes.
    pub fn as_text(&self) -> Option<&str> {
        match self.value() {
            CodeValue::Text(text) => Some(text),
            CodeValue::Number(_) => None,
        }
    }

    /// Whether this is a decimal code.
    pub const fn is_numeric(&self) -> bool {
        matches!(self.value, Repr::Number(_))
    }

    /// Whether [`from_str_lossy`](Self::from_str_lossy) cut the text (a
    /// cut code never equals the whole one).
    pub const fn is_truncated(&self) -> bool {
        matches!(
            self.value,
            Repr::Inline(Inline {
                truncated: true,
                ..
            })
        )
    }

    fn key(&self) -> (CodeValue<'_>, Option<i64>, bool) {
        (self.value(), self.subcode, self.is_truncated())
    }
}

/// `0`, or an optional `-` and digits without a leading zero, that fit `i64`.
const fn parse_decimal(bytes: &[u8]) -> Option<i64> {
    let (negative, start) = match bytes {
        [b'-', ..] => (true, 1),
        _ => (false, 0),
    };
    if bytes.len() == start || (bytes[start] == b'0' && (bytes.len() > start + 1 || negative)) {
        return None;
    }
    let mut magnitude: u64 = 0;
    let mut i = start;
    while i < bytes.len() {
        let digit = bytes[i];
        if !digit.is_ascii_digit() {
            return None;
        }
        magnitude = match magnitude.checked_mul(10) {
            Some(m) => match m.checked_add((digit - b'0') as u64) {
                Some(m) => m,
                None => return None,
            },
            None => return None,
        };
        i += 1;
    }
    if negative {
        if magnitude <= i64::MAX as u64 + 1 {
            Some((magnitude as i64).wrapping_neg())
        } else {
            None
        }
    } else if magnitude <= i64::MAX as u64 {
        Some(magnitude as i64)
    } else {
        None
    }
}

/// Non-empty, no whitespace, control character or `:`, and not a decimal
/// number.
const fn is_text_code(bytes: &[u8]) -> bool {
    if bytes.is_empty() || parse_decimal(bytes).is_some() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b':' || b.is_ascii_whitespace() || b.is_ascii_control() {
            return false;
        }
        i += 1;
    }
    true
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Code {}

impl Hash for Code {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Code) -> Ordering {
        self.key().cmp(&other.key())
    }
}

macro_rules! numbers {
    ($($int:ty),*) => {$(
        impl From<$int> for Code {
            fn from(value: $int) -> Code {
                Code::number(i64::from(value))
            }
        }

        /// Equal when the code is that number, without a sub-code.
        impl PartialEq<$int> for Code {
            fn eq(&self, other: &$int) -> bool {
                self.subcode.is_none() && self.as_i64() == Some(i64::from(*other))
            }
        }

        impl PartialEq<Code> for $int {
            fn eq(&self, other: &Code) -> bool {
                other == self
            }
        }
    )*};
}

numbers!(u8, u16, u32, i8, i16, i32, i64);

impl fmt::Display for Code {
    /// The string form: `40100`, `-5`, `E1001`, `1:99` with a sub-code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value() {
            CodeValue::Number(n) => write!(f, "{n}")?,
            CodeValue::Text(text) => f.write_str(text)?,
        }
        match self.subcode {
            Some(sub) => write!(f, ":{sub}"),
            None => Ok(()),
        }
    }
}

impl fmt::Debug for Code {
    /// `Code(40100)`, `Code("E1001")`, `Code(1:99)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Code(")?;
        match self.value() {
            CodeValue::Number(n) => write!(f, "{n}")?,
            CodeValue::Text(text) => write!(f, "{text:?}")?,
        }
        if let Some(sub) = self.subcode {
            write!(f, ":{sub}")?;
        }
        if self.is_truncated() {
            f.write_str(", truncated")?;
        }
        f.write_str(")")
    }
}

impl FromStr for Code {
    type Err = ParseError;

    /// The string form [`Display`](fmt::Display) writes: a decimal number
    /// (`40100`, `-5`) or a text code of at most
    /// [`MAX_TEXT_LEN`](Self::MAX_TEXT_LEN) bytes, optionally followed by
    /// `:` and a decimal sub-code.
    fn from_str(text: &str) -> Result<Code, ParseError> {
        const ERROR: ParseError = ParseError::new(
            "code",
            "a decimal number or a text code of at most 63 bytes without whitespace or ':', then optionally ':' and a decimal sub-code",
        );
        let (code, subcode) = match text.split_once(':') {
            Some((code, sub)) => (code, Some(parse_decimal(sub.as_bytes()).ok_or(ERROR)?)),
            None => (text, None),
        };
        let value = match parse_decimal(code.as_bytes()) {
            Some(n) => Repr::Number(n),
            None if code.len() <= Code::MAX_TEXT_LEN && is_text_code(code.as_bytes()) => {
                Repr::Inline(Inline::new(code))
            }
            None => return Err(ERROR),
        };
        Ok(Code { value, subcode })
    }
}

#[cfg(feature = "serde")]
const _: () = {
    use serde::de::{self, Deserialize, Deserializer, Visitor};
    use serde::ser::{Serialize, Serializer};

    /// As the API sends it: an integer for a number without a sub-code, else
    /// the string form (`"E1001"`, `"1:99"`), so a sub-code is never lost.
    impl Serialize for Code {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match (self.value(), self.subcode) {
                (CodeValue::Number(n), None) => serializer.serialize_i64(n),
                (CodeValue::Text(text), None) => serializer.serialize_str(text),
                _ => serializer.collect_str(self),
            }
        }
    }

    struct CodeVisitor;

    impl Visitor<'_> for CodeVisitor {
        type Value = Code;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an error code: an integer that fits i64, or its string form")
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<Code, E> {
            i64::try_from(value)
                .map(Code::number)
                .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<Code, E> {
            Ok(Code::number(value))
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<Code, E> {
            value
                .parse()
                .map_err(|_| E::invalid_value(de::Unexpected::Str(value), &self))
        }
    }

    /// An integer, or the string form [`FromStr`] reads (sub-code included).
    impl<'de> Deserialize<'de> for Code {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
            deserializer.deserialize_any(CodeVisitor)
        }
    }
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;
    use std::string::{String, ToString};
    use std::vec::Vec;
    use std::{format, vec};

    fn hash(code: &Code) -> u64 {
        let mut hasher = DefaultHasher::new();
        code.hash(&mut hasher);
        hasher.finish()
    }

    #[test]
    fn display_and_from_str_keep_the_subcode() {
        for text in [
            "40100",
            "0",
            "-5",
            "1:99",
            "1:-2",
            "E1001",
            "0001",
            "E1:7",
            "channel_not_found",
        ] {
            let code: Code = text.parse().unwrap();
            assert_eq!(code.to_string(), text);
        }
        let code: Code = "1:999".parse().unwrap();
        assert_eq!(code.subcode(), Some(999));
        assert_eq!(code.without_subcode(), 1u32);
        assert_ne!(code, 1u32);
        assert_ne!(code, Code::number(1).with_subcode(998));
    }

    #[test]
    fn from_str_refuses_what_display_never_writes() {
        for text in [
            "", " 1", "1 ", "a b", "1:", ":1", "1:x", "1:01", "1:2:3", "a\u{7}",
        ] {
            assert!(text.parse::<Code>().is_err(), "{text:?}");
        }
        assert!("x".repeat(64).parse::<Code>().is_err());
        assert!("x".repeat(63).parse::<Code>().is_ok());
        // Beyond i64 is not a number: leading digits then read as text.
        let huge: Code = "99999999999999999999".parse().unwrap();
        assert_eq!(huge.as_text(), Some("99999999999999999999"));
    }

    #[test]
    fn numbers_cover_u32_and_i64() {
        assert_eq!(
            "4294967295".parse::<Code>().unwrap().as_u32(),
            Some(u32::MAX)
        );
        assert_eq!("4294967296".parse::<Code>().unwrap().as_u32(), None);
        assert_eq!(
            "-9223372036854775808".parse::<Code>().unwrap().as_i64(),
            Some(i64::MIN)
        );
        assert_eq!(
            "9223372036854775807".parse::<Code>().unwrap().as_i64(),
            Some(i64::MAX)
        );
        assert_eq!(Code::from(-3i64).as_u32(), None);
        assert_eq!(Code::from(7u32), 7i64);
        assert_eq!(7i32, Code::from(7u16));
        assert!(Code::number(1).is_numeric() && !Code::text("E1").is_numeric());
    }

    #[test]
    fn static_and_inline_text_are_the_same_code() {
        let known = Code::text("E1001");
        let parsed: Code = "E1001".parse().unwrap();
        let sent = Code::from_str_lossy("E1001");
        assert_eq!(known, parsed);
        assert_eq!(known, sent);
        assert_eq!(hash(&known), hash(&parsed));
        assert_eq!(known.cmp(&parsed), Ordering::Equal);
        assert_eq!(known.value(), CodeValue::Text("E1001"));
    }

    #[test]
    fn lossy_cuts_on_a_character_boundary_and_says_so() {
        let long: String = "é".repeat(40); // 80 bytes
        let code = Code::from_str_lossy(&long);
        assert!(code.is_truncated());
        assert_eq!(code.as_text().unwrap(), "é".repeat(31));
        assert_ne!(code, Code::from_str_lossy(&"é".repeat(31)));
        assert!(format!("{code:?}").ends_with(", truncated)"));
        assert!(!Code::from_str_lossy("short").is_truncated());
    }

    #[test]
    fn orders_numbers_then_text_then_subcodes() {
        let mut codes: Vec<Code> = ["b", "2", "a", "10", "2:1", "-1", "2:0"]
            .iter()
            .map(|t| t.parse().unwrap())
            .collect();
        codes.sort();
        let sorted: Vec<String> = codes.iter().map(ToString::to_string).collect();
        assert_eq!(sorted, vec!["-1", "2", "2:0", "2:1", "10", "a", "b"]);
    }

    #[test]
    fn stays_small_enough_to_copy() {
        // 63 inline bytes, a number and a sub-code: what `Copy` without an
        // allocator costs. Integer crates keep their own 4-byte unknown code
        // and build a `Code` only when asked.
        assert!(
            core::mem::size_of::<Code>() <= 96,
            "{}",
            core::mem::size_of::<Code>()
        );
    }

    #[test]
    fn debug_names_the_type() {
        assert_eq!(format!("{:?}", Code::number(40100)), "Code(40100)");
        assert_eq!(format!("{:?}", Code::text("E1")), "Code(\"E1\")");
        assert_eq!(
            format!("{:?}", Code::number(1).with_subcode(99)),
            "Code(1:99)"
        );
    }

    #[test]
    #[should_panic(expected = "not a text code")]
    fn text_refuses_a_number() {
        let _ = Code::text("123");
    }

    #[test]
    fn const_construction() {
        const KNOWN: Code = Code::text("E1001").with_subcode(3);
        const NUMBER: Option<u32> = Code::number(40100).as_u32();
        assert_eq!(KNOWN.to_string(), "E1001:3");
        assert_eq!(NUMBER, Some(40100));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_keeps_the_subcode() {
        // issue 23: a code + sub-code was written as the code alone.
        let code = Code::number(1).with_subcode(99);
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, "\"1:99\"");
        assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
        for (code, json) in [
            (Code::number(40100), "40100"),
            (Code::number(-5), "-5"),
            (Code::text("E1001"), "\"E1001\""),
        ] {
            assert_eq!(serde_json::to_string(&code).unwrap(), json);
            assert_eq!(serde_json::from_str::<Code>(json).unwrap(), code);
        }
        assert_eq!(serde_json::from_str::<Code>("\"40100\"").unwrap(), 40100u32);
        assert!(serde_json::from_str::<Code>("18446744073709551615").is_err());
        assert!(serde_json::from_str::<Code>("1.5").is_err());
        assert!(serde_json::from_str::<Code>("\"a b\"").is_err());
    }
}
