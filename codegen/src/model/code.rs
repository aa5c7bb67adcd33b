//! Error codes as the article writes them, and the key (code, sub-code)
//! that identifies an entry: what the model and the names of variants both
//! build on.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An error code as the article writes it. Numbers are numbers (`40001`,
/// `-1`); everything else keeps its exact text: zero-padded numbers whose
/// zeros matter (`0001`), slugs (`access_token_invalid`, `number-in-use`) and
/// alphanumerics (`CT01`, `E1001`).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(untagged)]
pub enum Code {
    Numeric(i64),
    Text(String),
}

/// Longest text code accepted: codes are identifiers, not prose.
const MAX_TEXT_CODE: usize = 64;

impl Code {
    /// Parses a code cell. A decimal integer without leading zeros (`0`,
    /// `40001`, `-1`) is a number; digits with significant leading zeros
    /// (`0001`) and identifiers that start with a letter (`E1001`,
    /// `access_token_invalid`, `number-in-use`) keep their text. Surrounding
    /// formatting (`**`, backticks, quotes) is already gone.
    pub fn parse(cell: &str) -> std::result::Result<Code, String> {
        let text = cell.trim();
        if text.is_empty() {
            return Err("empty code: expected a number such as 40001 or an identifier such as access_token_invalid".into());
        }
        let digits = text.strip_prefix('-').unwrap_or(text);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let padded = digits.len() > 1 && digits.starts_with('0');
            if padded && text.starts_with('-') {
                return Err(format!(
                    "code \"{text}\" is a negative number with leading zeros: expected -1, not -01"
                ));
            }
            if padded {
                // Zero-padded: the zeros are part of the code as written.
                return Ok(Code::Text(text.to_owned()));
            }
            return text.parse::<i64>().map(Code::Numeric).map_err(|_| {
                format!(
                    "code \"{text}\" is too large: expected a number from {} to {}",
                    i64::MIN,
                    i64::MAX
                )
            });
        }
        let first = text.chars().next().unwrap_or_default();
        let well_formed = first.is_ascii_alphabetic()
            && text.len() <= MAX_TEXT_CODE
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && text.ends_with(|c: char| c.is_ascii_alphanumeric());
        if well_formed {
            Ok(Code::Text(text.to_owned()))
        } else if first.is_ascii_digit() || first == '+' || first == '-' {
            Err(format!("code \"{text}\" is not a decimal number"))
        } else {
            Err(format!(
                "code \"{text}\" is not a code: expected a number (40001, -1, 0001) or an identifier (a letter, then letters, digits, '_', '-' or '.', ending in a letter or digit, at most {MAX_TEXT_CODE} characters)"
            ))
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Code::Numeric(n) => Some(*n),
            Code::Text(_) => None,
        }
    }

    pub fn as_u32(&self) -> Option<u32> {
        self.as_i64().and_then(|n| u32::try_from(n).ok())
    }

    /// Whether a value reads as a code in a table's cell rather than as a
    /// header label: a number, or an identifier with a digit, `_`, `-` or no
    /// capital (`access_token_invalid`), unlike `Description` or `Source`.
    pub fn looks_like_value(&self) -> bool {
        match self {
            Code::Numeric(_) => true,
            Code::Text(t) => {
                t.chars()
                    .any(|c| c.is_ascii_digit() || c == '_' || c == '-')
                    || !t.chars().any(|c| c.is_ascii_uppercase())
            }
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Numeric(n) => write!(f, "{n}"),
            Code::Text(s) => f.write_str(s),
        }
    }
}

/// What identifies an entry: its code, its sub-code where the article has a
/// sub-code column (`1` and `1:99` are two entries), and, for a code the
/// article lists more than once, what tells its entries apart under the
/// article's key ([`KeyPart`]). Written `code`, `code:subcode`,
/// `code | message` or `section / code` in annotations and messages.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: Code,
    pub subcode: Option<Code>,
    pub qualifier: Option<Qualifier>,
}

/// What tells apart the entries of a code listed more than once: the
/// message (an HTTP status with a message per row) or the section (the
/// same number meaning different things under different headings).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum KeyPart {
    Message,
    Section,
}

/// The value of a [`KeyPart`] for one entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    Message(String),
    Section(String),
}

/// The article's key setting (`key` under `[columns]`): what makes its
/// entries unique. The sub-code, where the table has a sub-code column, is
/// always part of the key, so `code_subcode` is `code` named for such
/// articles. A code listed once is keyed by itself under every setting (it
/// is its own entry, whatever message or section comes with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyChoice {
    Code,
    CodeSubcode,
    CodeMessage,
    SectionCode,
}

impl KeyChoice {
    /// Every setting, in the order messages list them.
    pub const ALL: [KeyChoice; 4] = [
        KeyChoice::Code,
        KeyChoice::CodeSubcode,
        KeyChoice::CodeMessage,
        KeyChoice::SectionCode,
    ];

    /// The setting as the configuration and `--key` write it.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyChoice::Code => "code",
            KeyChoice::CodeSubcode => "code_subcode",
            KeyChoice::CodeMessage => "code_message",
            KeyChoice::SectionCode => "section_code",
        }
    }

    /// The setting whose key part is `part`.
    pub fn with(part: KeyPart) -> KeyChoice {
        match part {
            KeyPart::Message => KeyChoice::CodeMessage,
            KeyPart::Section => KeyChoice::SectionCode,
        }
    }

    /// What tells repeated codes apart under this setting, if anything does.
    pub fn part(self) -> Option<KeyPart> {
        match self {
            KeyChoice::Code | KeyChoice::CodeSubcode => None,
            KeyChoice::CodeMessage => Some(KeyPart::Message),
            KeyChoice::SectionCode => Some(KeyPart::Section),
        }
    }

    /// The setting as the configuration writes it.
    pub fn of(part: KeyPart) -> &'static str {
        KeyChoice::with(part).as_str()
    }
}

impl std::str::FromStr for KeyChoice {
    type Err = String;

    /// A `--key` value, spelt as the configuration's `key` setting.
    fn from_str(text: &str) -> std::result::Result<KeyChoice, String> {
        KeyChoice::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim())
            .ok_or_else(|| {
                let all: Vec<&str> = KeyChoice::ALL.iter().map(|k| k.as_str()).collect();
                format!("key \"{text}\": expected one of {}", all.join(", "))
            })
    }
}

impl KeyPart {
    /// For people: "code and message", "section and code".
    pub fn describe(self) -> &'static str {
        match self {
            KeyPart::Message => "code and message",
            KeyPart::Section => "section and code",
        }
    }
}

/// `key()` for a type with the fields an entry's key is made of (`code`,
/// `subcode`, `keyed_by`, `description`, `section`): the article's rows and
/// the model's entries, which must key alike. The key is the code and
/// sub-code, with the message (the description) or the section where the
/// entry is keyed by one. `Key`, `KeyPart` and `Qualifier` are the caller's
/// (the model's, in scope where it is used).
macro_rules! impl_entry_key {
    ($entry:ty) => {
        impl $entry {
            pub fn key(&self) -> Key {
                let qualifier = self.keyed_by.map(|part| match part {
                    KeyPart::Message => Qualifier::Message(self.description.clone()),
                    KeyPart::Section => {
                        Qualifier::Section(self.section.clone().unwrap_or_default())
                    }
                });
                Key {
                    code: self.code.clone(),
                    subcode: self.subcode.clone(),
                    qualifier,
                }
            }
        }
    };
}
pub(crate) use impl_entry_key;

/// Between a code and its message in a key's written form.
const MESSAGE_SEPARATOR: &str = " | ";
/// Between a section and its code in a key's written form.
const SECTION_SEPARATOR: &str = " / ";

impl Key {
    pub fn code(code: Code) -> Key {
        Key {
            code,
            subcode: None,
            qualifier: None,
        }
    }

    /// Parses `40001`, `1:99`, `400 | Bad Request: room not found` (a code
    /// and its message: a code never holds `|`) or `Payments / 1001` (a
    /// section and its code: a code never holds `/`). A message may hold
    /// ` / `; a section written with ` | ` cannot be addressed.
    pub fn parse(text: &str) -> std::result::Result<Key, String> {
        if let Some((code, message)) = text.split_once(MESSAGE_SEPARATOR) {
            return Key::parse_code(code)
                .map(|key| key.qualified(Qualifier::Message(message.to_owned())))
                .map_err(|m| format!("{m} (before \"|\", expected `code | message`)"));
        }
        if let Some((section, code)) = text.rsplit_once(SECTION_SEPARATOR) {
            return Key::parse_code(code)
                .map(|key| key.qualified(Qualifier::Section(section.to_owned())))
                .map_err(|m| format!("{m} (after \"/\", expected `section / code`)"));
        }
        Key::parse_code(text)
    }

    fn parse_code(text: &str) -> std::result::Result<Key, String> {
        match text.split_once(':') {
            Some((code, subcode)) => Ok(Key {
                code: Code::parse(code)?,
                subcode: Some(Code::parse(subcode).map_err(|m| format!("sub-code: {m}"))?),
                qualifier: None,
            }),
            None => Code::parse(text).map(Key::code),
        }
    }

    fn qualified(self, qualifier: Qualifier) -> Key {
        Key {
            qualifier: Some(qualifier),
            ..self
        }
    }

    /// The key without its qualifier: the code's own entry.
    pub fn unqualified(&self) -> Key {
        Key {
            qualifier: None,
            ..self.clone()
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(Qualifier::Section(section)) = &self.qualifier {
            write!(f, "{section}{SECTION_SEPARATOR}")?;
        }
        write!(f, "{}", self.code)?;
        if let Some(sub) = &self.subcode {
            write!(f, ":{sub}")?;
        }
        if let Some(Qualifier::Message(message)) = &self.qualifier {
            write!(f, "{MESSAGE_SEPARATOR}{message}")?;
        }
        Ok(())
    }
}

impl Serialize for Key {
    /// The code alone where there is nothing else (as fixtures write codes),
    /// else the written form.
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match (&self.subcode, &self.qualifier) {
            (None, None) => self.code.serialize(s),
            _ => s.serialize_str(&self.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_as_written() {
        let text = |t: &str| Ok(Code::Text(t.into()));
        assert_eq!(Code::parse("40001"), Ok(Code::Numeric(40001)));
        assert_eq!(Code::parse(" 0 "), Ok(Code::Numeric(0)));
        assert_eq!(Code::parse("-1"), Ok(Code::Numeric(-1)));
        assert_eq!(Code::parse("0001"), text("0001"));
        assert_eq!(Code::parse("E1001"), text("E1001"));
        assert_eq!(Code::parse("CT01"), text("CT01"));
        assert_eq!(
            Code::parse("access_token_invalid"),
            text("access_token_invalid")
        );
        assert_eq!(Code::parse("number-in-use"), text("number-in-use"));
        assert_eq!(Code::parse("E_10-a"), text("E_10-a"));
        assert!(
            Code::parse("E10_").is_err(),
            "trailing punctuation is formatting"
        );
        assert_eq!(
            Code::parse("4000I").unwrap_err(),
            "code \"4000I\" is not a decimal number"
        );
        assert!(Code::parse("-01").is_err());
        assert!(
            Code::parse("99999999999999999999")
                .unwrap_err()
                .contains("too large")
        );
        assert!(Code::parse("").unwrap_err().contains("empty code"));
        assert!(Code::parse("two words").unwrap_err().contains("not a code"));
        assert!(Code::parse("+5").is_err());
        assert!(Code::parse("access_denied").unwrap().looks_like_value());
        assert!(!Code::parse("Description").unwrap().looks_like_value());
    }

    #[test]
    fn keys_are_code_or_code_and_subcode() {
        assert_eq!(Key::parse("1:99").unwrap().to_string(), "1:99");
        assert_eq!(
            Key::parse("40001").unwrap(),
            Key::code(Code::Numeric(40001))
        );
        assert!(Key::parse("1:").is_err());
        assert_eq!(
            serde_json::to_string(&Key::parse("7").unwrap()).unwrap(),
            "7"
        );
        assert_eq!(
            serde_json::to_string(&Key::parse("1:2").unwrap()).unwrap(),
            "\"1:2\""
        );
    }

    #[test]
    fn keys_of_repeated_codes_name_their_message_or_section() {
        let key = Key::parse("400 | Bad Request: no chat").unwrap();
        assert_eq!(
            key.qualifier,
            Some(Qualifier::Message("Bad Request: no chat".into()))
        );
        assert_eq!(key.to_string(), "400 | Bad Request: no chat");
        assert_eq!(key.unqualified(), Key::code(Code::Numeric(400)));
        let key = Key::parse("Send / Receive / 1001").unwrap();
        assert_eq!(
            key.qualifier,
            Some(Qualifier::Section("Send / Receive".into()))
        );
        assert_eq!(key.to_string(), "Send / Receive / 1001");
        assert_eq!(Key::parse("7 | a / b").unwrap().to_string(), "7 | a / b");
        let with_sub = Key::parse("1:99 | Gone").unwrap();
        assert_eq!(with_sub.to_string(), "1:99 | Gone");
        let err = Key::parse("Pay ments | Refunds is closed").unwrap_err();
        assert!(err.contains("expected `code | message`"), "{err}");
        let err = Key::parse("Payments / x y").unwrap_err();
        assert!(err.contains("expected `section / code`"), "{err}");
        assert_eq!(KeyChoice::CodeSubcode.part(), None);
        assert_eq!(KeyChoice::of(KeyPart::Section), "section_code");
        for key in KeyChoice::ALL {
            assert_eq!(key.as_str().parse::<KeyChoice>(), Ok(key));
            let toml: toml::Value = toml::from_str(&format!("k = \"{}\"", key.as_str())).unwrap();
            assert_eq!(toml["k"].clone().try_into::<KeyChoice>().unwrap(), key);
        }
        assert!(
            "message"
                .parse::<KeyChoice>()
                .unwrap_err()
                .contains("code_message")
        );
    }
}
