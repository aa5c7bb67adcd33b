//! The one error every `FromStr` of this crate returns.

use core::fmt;

/// A string that is not the stable form of what was asked for: an
/// [`Action`](crate::Action) or [`Category`](crate::Category) id, a
/// [`Code`](crate::Code) or a [`RetryAfter`](crate::RetryAfter) header value.
///
/// ```
/// use channel_errors::Action;
/// let error = "later".parse::<Action>().unwrap_err();
/// assert_eq!(error.to_string(), "not an action id: expected one of backoff, retry, reauthorize, fix_request, escalate");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseError {
    what: &'static str,
    expected: &'static str,
}

impl ParseError {
    /// An error for a string that is not a `what` (`"category id"`), with
    /// what would have been accepted: for the `FromStr` of types that build
    /// on this crate's, such as a generated crate's categories.
    pub const fn new(what: &'static str, expected: &'static str) -> ParseError {
        ParseError { what, expected }
    }

    /// What the string was to be: `"action id"`, `"category id"`, `"code"`,
    /// `"Retry-After value"`.
    pub const fn what(&self) -> &'static str {
        self.what
    }

    /// What would have been accepted, in words.
    pub const fn expected(&self) -> &'static str {
        self.expected
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not {} {}: expected {}",
            article(self.what),
            self.what,
            self.expected
        )
    }
}

fn article(word: &str) -> &'static str {
    match word.as_bytes().first() {
        Some(b'a' | b'e' | b'i' | b'o' | b'u') => "an",
        _ => "a",
    }
}

impl core::error::Error for ParseError {}

/// Deserialises a string through `T`'s `FromStr`, for the serde impls.
#[cfg(feature = "serde")]
pub(crate) struct FromStrVisitor<T> {
    expecting: &'static str,
    parsed: core::marker::PhantomData<T>,
}

#[cfg(feature = "serde")]
impl<T> FromStrVisitor<T> {
    pub(crate) const fn new(expecting: &'static str) -> FromStrVisitor<T> {
        FromStrVisitor {
            expecting,
            parsed: core::marker::PhantomData,
        }
    }
}

#[cfg(feature = "serde")]
impl<T: core::str::FromStr> serde::de::Visitor<'_> for FromStrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        value
            .parse()
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(value), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::format;

    #[test]
    fn says_what_and_what_was_expected() {
        let error = ParseError::new("code", "a number");
        assert_eq!(error.what(), "code");
        assert_eq!(error.expected(), "a number");
        assert_eq!(format!("{error}"), "not a code: expected a number");
        let error = ParseError::new("action id", "backoff");
        assert_eq!(format!("{error}"), "not an action id: expected backoff");
    }
}
