//! The JSON fixture: the model, pretty-printed, for tests and other languages.

use crate::model::Catalog;

pub fn emit(catalog: &Catalog) -> String {
    pretty(catalog)
}

/// The JSON Schema every fixture matches, derived from the model's types:
/// what another language generates its types from.
pub fn schema() -> String {
    pretty(&schemars::schema_for!(Catalog))
}

fn pretty(value: &impl serde::Serialize) -> String {
    let text = serde_json::to_string_pretty(value).expect("a model and its schema serialise");
    text + "\n"
}
