//! The JSON fixture: the model, pretty-printed, for tests and other languages.

use crate::model::Catalog;

pub fn emit(catalog: &Catalog) -> String {
    let mut text = serde_json::to_string_pretty(catalog).expect("a model always serialises");
    text.push('\n');
    text
}

/// Reads a fixture back; it is also the crate's memory of earlier codes.
pub fn parse(file: &str, text: &str) -> crate::error::Result<Catalog> {
    let catalog: Catalog = serde_json::from_str(text).map_err(|e| {
        crate::error::Error::new(format!("not a valid fixture: {e}"))
            .at_line(Some(e.line()))
            .in_file(file)
    })?;
    catalog.validate().map_err(|e| e.in_file(file))?;
    Ok(catalog)
}
