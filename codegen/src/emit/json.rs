//! The JSON fixture: the model, pretty-printed, for tests and other languages.

use crate::model::Catalog;

pub fn emit(catalog: &Catalog) -> String {
    let mut bytes = Vec::new();
    write(catalog, &mut bytes).expect("writing to memory does not fail");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// [`emit`] straight into a writer, so printing a large model does not hold
/// a second copy of it as text.
pub fn write(catalog: &Catalog, mut out: impl std::io::Write) -> std::io::Result<()> {
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
