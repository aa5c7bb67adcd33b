//! Column pins: what an article's configuration (its `[columns]` table) or a
//! `--code-column`-style flag says about the error table's columns, read by
//! the readers to find that table when its header's words mislead detection.

use std::fmt;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::KeyChoice;

/// One column, as a pin names it: by its header text (compared
/// case-insensitively, whitespace collapsed), or by its 1-based position,
/// for a header in words nobody listed or no header at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnPin {
    Header(String),
    /// 1-based, as a person counts columns.
    Position(usize),
}

/// The settings of `[columns]`, in the order of the roles a column plays.
pub const SETTINGS: [&str; 5] = ["code", "subcode", "description", "solution", "cause"];

/// What a pin's value must be, for every message that refuses one.
const EXPECTED: &str = "expected the column's header text (\"Error code\") or its 1-based position (1 for the first column)";

/// The pinned column of each part, when detection is wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnPins {
    pub code: Option<ColumnPin>,
    pub subcode: Option<ColumnPin>,
    pub description: Option<ColumnPin>,
    pub solution: Option<ColumnPin>,
    pub cause: Option<ColumnPin>,
    /// What makes entries unique where codes repeat (`code`,
    /// `code_subcode`, `code_message`, `section_code`); chosen from the
    /// table, with a warning, when unset (see `read::repeats`).
    pub key: Option<KeyChoice>,
}

impl ColumnPins {
    /// Each setting's name in `[columns]` and its pin, in [`SETTINGS`] order.
    pub fn settings(&self) -> [(&'static str, Option<&ColumnPin>); 5] {
        let pins = [
            &self.code,
            &self.subcode,
            &self.description,
            &self.solution,
            &self.cause,
        ];
        std::array::from_fn(|i| (SETTINGS[i], pins[i].as_ref()))
    }

    pub fn is_empty(&self) -> bool {
        *self == ColumnPins::default()
    }

    /// The `[columns]` table's settings for these pins (`code = 2`, `key =
    /// "code_message"`), one per setting given, as TOML values.
    fn toml_settings(&self) -> Vec<(&'static str, toml_edit::Value)> {
        let key = self
            .key
            .map(|k| ("key", toml_edit::Value::from(k.as_str()).decorated("", "")));
        self.settings()
            .iter()
            .filter_map(|(name, pin)| Some((*name, (*pin)?.toml())))
            .chain(key)
            .collect()
    }

    /// The `[columns]` table's lines for these pins (`code = 2`), one per
    /// setting given; empty when none is.
    pub fn toml_lines(&self) -> String {
        self.toml_settings()
            .iter()
            .map(|(name, value)| format!("{name} = {value}\n"))
            .collect()
    }
}

impl ColumnPin {
    /// The pin as a TOML value: a string header or an integer position.
    pub fn toml(&self) -> toml_edit::Value {
        match self {
            ColumnPin::Header(text) => toml_edit::Value::from(text.as_str()),
            ColumnPin::Position(n) => toml_edit::Value::from(*n as i64),
        }
        .decorated("", "")
    }

    /// The 0-based index of this pin's column in `header`, if it has one.
    pub fn index_in(&self, header: &[String]) -> Option<usize> {
        match self {
            ColumnPin::Header(text) => header.iter().position(|h| same_header(h, text)),
            ColumnPin::Position(n) => (*n <= header.len()).then(|| n - 1),
        }
    }
}

/// Whether two header texts are the same header: case and runs of
/// whitespace do not count.
pub(crate) fn same_header(a: &str, b: &str) -> bool {
    crate::read::normalize::collapse(a).to_lowercase()
        == crate::read::normalize::collapse(b).to_lowercase()
}

impl std::str::FromStr for ColumnPin {
    type Err = String;

    /// A flag's value: digits are a position, anything else a header.
    fn from_str(text: &str) -> Result<ColumnPin, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err(format!("empty column: {EXPECTED}"));
        }
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(ColumnPin::Header(text.to_owned()));
        }
        position(text.parse().ok(), text)
    }
}

/// Column `n`, as `written`, counted from 1: 0 and what is no number are refused.
fn position(n: Option<usize>, written: impl fmt::Display) -> Result<ColumnPin, String> {
    let n = n.filter(|n| *n >= 1);
    n.map(ColumnPin::Position)
        .ok_or_else(|| format!("column {written}: {EXPECTED}"))
}

impl<'de> Deserialize<'de> for ColumnPin {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ColumnPin;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ColumnPin, E> {
                Ok(ColumnPin::Header(text.to_owned()))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<ColumnPin, E> {
                position(usize::try_from(n).ok(), n).map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A configuration's text with `pins` set in its `[columns]` table (a pin
/// given on the command line wins over the file's); the rest is kept as
/// written.
pub fn over_configuration(file: &str, text: &str, pins: &ColumnPins) -> Result<String> {
    if pins.is_empty() {
        return Ok(text.to_owned());
    }
    let mut document: toml_edit::DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| {
            let line = e
                .span()
                .map(|s| crate::read::lines::Lines::new(text).line(s.start));
            Error::new(e.message().trim().to_owned())
                .at_line(line)
                .in_file(file)
        })?;
    let columns = document
        .entry("columns")
        .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()))
        .as_table_like_mut()
        .ok_or_else(|| Error::new("`columns` is not a table: expected [columns]").in_file(file))?;
    for (name, value) in pins.toml_settings() {
        columns.insert(name, toml_edit::Item::Value(value));
    }
    Ok(document.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pins(toml: &str) -> Result<ColumnPins, String> {
        toml::from_str(toml).map_err(|e| e.to_string())
    }

    #[test]
    fn a_pin_is_a_header_or_a_position() {
        let read = pins("code = \"Mã lỗi\"\ndescription = 2\n").unwrap();
        assert_eq!(read.code, Some(ColumnPin::Header("Mã lỗi".into())));
        assert_eq!(read.description, Some(ColumnPin::Position(2)));
        for bad in ["code = 0", "code = -1", "code = true"] {
            let err = pins(bad).unwrap_err();
            assert!(err.contains("1-based position"), "{bad}: {err}");
        }
        assert!(pins("kode = 1").unwrap_err().contains("unknown field"));
    }

    #[test]
    fn a_flag_value_of_digits_is_a_position() {
        assert_eq!("3".parse(), Ok(ColumnPin::Position(3)));
        assert_eq!(
            " Error code ".parse(),
            Ok(ColumnPin::Header("Error code".into()))
        );
        assert!(
            "0".parse::<ColumnPin>()
                .unwrap_err()
                .starts_with("column 0: expected")
        );
        assert!(
            "".parse::<ColumnPin>()
                .unwrap_err()
                .starts_with("empty column")
        );
    }

    #[test]
    fn pins_find_their_column() {
        let header: Vec<String> = ["Code", "Error  MESSAGE"].map(String::from).into();
        let at = |pin: &str| pin.parse::<ColumnPin>().unwrap().index_in(&header);
        assert_eq!(at("error message"), Some(1));
        assert_eq!(at("2"), Some(1));
        assert_eq!(at("3"), None);
        assert_eq!(at("Notes"), None);
    }

    #[test]
    fn pins_are_written_as_they_are_read() {
        let given = ColumnPins {
            code: Some(ColumnPin::Position(2)),
            solution: Some(ColumnPin::Header("Cách \"xử lý\"".into())),
            ..ColumnPins::default()
        };
        let lines = given.toml_lines();
        assert_eq!(lines, "code = 2\nsolution = 'Cách \"xử lý\"'\n");
        assert_eq!(pins(&lines), Ok(given.clone()));
        assert_eq!(ColumnPins::default().toml_lines(), "");
        // Over a configuration: the flag wins, the rest is kept.
        let text = "[vendor]\nname = \"A\"\n\n[columns]\ncode = \"Key\"\ncause = 4\n";
        let merged = over_configuration("a.toml", text, &given).unwrap();
        assert!(merged.starts_with("[vendor]\nname = \"A\"\n"), "{merged}");
        let table: toml::Table = toml::from_str(&merged).unwrap();
        let columns: ColumnPins = table["columns"].clone().try_into().unwrap();
        assert_eq!(columns.code, Some(ColumnPin::Position(2)));
        assert_eq!(columns.cause, Some(ColumnPin::Position(4)));
        assert_eq!(columns.solution, given.solution);
        let err = over_configuration("a.toml", "columns = 3\n", &given).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.toml: `columns` is not a table: expected [columns]"
        );
        let err = over_configuration("a.toml", "x = \n", &given).unwrap_err();
        assert!(err.to_string().starts_with("a.toml:1: "), "{err}");
    }
}
