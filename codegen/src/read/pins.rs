//! Column pins: what an article's configuration (its `[columns]` table) says
//! about the error table's header, read by the readers to find that table.

use serde::Deserialize;

use crate::model::KeyChoice;

/// The header text (compared case-insensitively, whitespace collapsed) of
/// the column that plays each part, when the header's words mislead
/// detection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnPins {
    pub code: Option<String>,
    pub subcode: Option<String>,
    pub description: Option<String>,
    pub solution: Option<String>,
    pub cause: Option<String>,
    /// What makes entries unique where codes repeat (`code`,
    /// `code_subcode`, `code_message`, `section_code`); chosen from the
    /// table, with a warning, when unset (see `read::repeats`).
    pub key: Option<KeyChoice>,
}
