//! The generator as a library: read an article into one model, emit the
//! outputs from it. Pure functions over strings and bytes; the `xtask` binary
//! does all file I/O.
//!
//! ```text
//! read::{html, markdown, text}  ->  model::Catalog  ->  emit::{rust, json, markdown}
//!        (+ annotations, previous fixture: catalog; versioning: release)
//! ```

pub mod annotations;
pub mod catalog;
pub mod changes;
pub mod emit;
pub mod error;
pub mod manifest;
pub mod model;
pub mod names;
pub mod read;
pub mod release;

use sha2::{Digest, Sha256};

pub use changes::{Bump, Changes};
pub use error::{Error, Result};
pub use manifest::{Entry, Manifest};
pub use model::{Catalog, Format};

/// Everything one generation reads. Paths are workspace-relative, `/`-separated,
/// and name each input in errors and provenance headers.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub entry: &'a Entry,
    /// The article: its path (as recorded in the outputs) and raw bytes.
    pub source_path: &'a str,
    pub source: &'a [u8],
    /// Forces a reader; otherwise chosen by extension, then by content.
    pub format: Option<Format>,
    pub annotations: &'a str,
    /// The committed fixture, if any: the crate's memory of earlier codes.
    pub previous_fixture: Option<&'a str>,
    pub crate_manifest: &'a str,
    pub changelog: &'a str,
}

/// One file to write, relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub contents: String,
}

#[derive(Debug, Clone)]
pub struct Generated {
    pub catalog: Catalog,
    pub outputs: Vec<Output>,
    pub warnings: Vec<String>,
    pub changes: Changes,
    pub bump: Bump,
    pub version: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads an article and applies annotations (and, if given, the memory of a
/// previous fixture): the model `cargo xtask parse` prints.
pub fn model(
    entry: &Entry,
    source_path: &str,
    source: &[u8],
    format: Option<Format>,
    annotations: &str,
    previous: Option<&Catalog>,
    warnings: &mut Vec<String>,
) -> Result<Catalog> {
    let article = read::read(source_path, source, format)?;
    warnings.extend(
        article
            .warnings
            .iter()
            .map(|w| format!("{source_path}: {w}")),
    );
    let annotations = annotations::parse(&entry.annotations, annotations)?;
    let info = model::SourceInfo {
        path: source_path.to_owned(),
        format: article.format,
        sha256: sha256_hex(source),
    };
    catalog::build(&article, info, &annotations, previous, warnings)
}

/// The whole pipeline: every output for one manifest entry, or the first error.
pub fn generate(inputs: Inputs<'_>) -> Result<Generated> {
    let entry = inputs.entry;
    let previous = inputs
        .previous_fixture
        .map(|text| emit::json::parse(&entry.fixture, text))
        .transpose()?;
    let mut warnings = Vec::new();
    let mut catalog = model(
        entry,
        inputs.source_path,
        inputs.source,
        inputs.format,
        inputs.annotations,
        previous.as_ref(),
        &mut warnings,
    )?;
    let changes = previous
        .as_ref()
        .map(|p| changes::diff(p, &catalog))
        .unwrap_or_default();
    let release = release::plan(
        &changes,
        &mut catalog,
        previous.is_none(),
        &entry.crate_manifest(),
        inputs.crate_manifest,
        inputs.changelog,
    )?;
    let rust_path = format!(
        "{}::{}",
        entry.crate_name.replace('-', "_"),
        entry.type_name
    );
    let rust = emit::rust::emit(&catalog, &entry.type_name)
        .map_err(|e| e.in_file(&entry.generated_rust()))?;
    let outputs = vec![
        Output {
            path: entry.generated_rust(),
            contents: rust,
        },
        Output {
            path: entry.fixture.clone(),
            contents: emit::json::emit(&catalog),
        },
        Output {
            path: entry.markdown.clone(),
            contents: emit::markdown::emit(&catalog, &entry.title, &rust_path, &entry.annotations),
        },
        Output {
            path: entry.crate_manifest(),
            contents: release.cargo_toml,
        },
        Output {
            path: entry.changelog(),
            contents: release.changelog,
        },
    ];
    Ok(Generated {
        catalog,
        outputs,
        warnings,
        changes,
        bump: release.bump,
        version: release.version,
    })
}
