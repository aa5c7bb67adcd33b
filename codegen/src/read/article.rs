//! What reading an article gives, whatever its form: its entries, each
//! only what the article says, and the warnings worth a maintainer's look.

use std::collections::BTreeMap;

use crate::model::{Code, Format, Key, KeyPart, Qualifier};

/// One validated entry of the article: only what the article itself says.
/// A row whose code cell lists several codes gives one entry per code; rows
/// that repeat one word for word give one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRow {
    pub code: Code,
    pub subcode: Option<Code>,
    pub description: String,
    pub solution: String,
    pub cause: String,
    pub section: Option<String>,
    /// Further sections whose tables list this entry word for word.
    pub other_sections: Vec<String>,
    /// What tells this entry apart from others of its code, where the
    /// article lists the code more than once (see `read::repeats`).
    pub keyed_by: Option<KeyPart>,
    pub extra: BTreeMap<String, String>,
    pub line: Option<usize>,
}

crate::model::code::impl_entry_key!(ArticleRow);

/// Everything read from one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub format: Format,
    pub rows: Vec<ArticleRow>,
    /// Things worth a maintainer's attention that are not errors.
    pub warnings: Vec<String>,
}
