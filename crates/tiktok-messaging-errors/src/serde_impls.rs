//! `ErrorCode` as TikTok sends it: an integer (a string for alphanumeric
//! codes). Deserialising never loses a code: unknown numbers are kept.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{Code, ErrorCode};

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.code() {
            Code::Numeric(n) => serializer.serialize_u32(n),
            Code::Alphanumeric(s) => serializer.serialize_str(s),
        }
    }
}

pub(crate) struct CodeVisitor;

impl Visitor<'_> for CodeVisitor {
    type Value = ErrorCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TikTok error code: an integer from 0 to 4294967295, or its string form")
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
        value
            .parse()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(value), &self))
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ErrorCode, D::Error> {
        deserializer.deserialize_any(CodeVisitor)
    }
}
