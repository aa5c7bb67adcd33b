//! The JSON fixture: the model, pretty-printed, for tests and other languages.

use crate::model::Catalog;

pub fn emit(catalog: &Catalog) -> String {
    let mut text = serde_json::to_string_pretty(catalog).expect("a model always serialises");
    text.push('\n');
    text
}
