//! The JSON fixture: the model, pretty-printed, for tests and other languages.

use crate::model::Catalog;

pub fn emit(catalog: &Catalog) -> String {
    let mut text = serde_json::to_string_pretty(catalog).expect("a model always serialises");
    text.push('\n');
    text
}

/// The JSON Schema every fixture matches, derived from the model's types:
/// what another language generates its types from.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Catalog);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    text.push('\n');
    text
}
