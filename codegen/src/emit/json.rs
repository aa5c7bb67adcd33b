//! The JSON fixture: the model, pretty-printed, for tests and other languages.

use std::io::{self, Write};

use crate::model::Catalog;

pub fn emit(catalog: &Catalog) -> String {
    let mut text = serde_json::to_string_pretty(catalog).expect("a model always serialises");
    text.push('\n');
    text
}

/// [`emit`] straight into a writer (the CLI's stdout).
pub fn write(catalog: &Catalog, mut out: impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut out, catalog)?;
    out.write_all(b"\n")
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
