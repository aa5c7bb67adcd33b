//! `cargo xtask add NAME --source FILE`: a second article is data. The
//! library plans every file; this writes them as one all-or-nothing run.

use std::path::Path;

use codegen::Format;
use codegen::read::ColumnPins;

use crate::files;

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub name: String,
    /// The capture, workspace-relative or absolute (it is copied in).
    pub source: std::path::PathBuf,
    pub url: Option<String>,
    pub crate_name: Option<String>,
    pub format: Option<Format>,
    /// Columns pinned on the command line, kept in the new configuration.
    pub pins: ColumnPins,
}

/// What `add` did: the files it wrote, and what reading the article warned of.
#[derive(Debug, Clone)]
pub struct Added {
    pub written: Vec<String>,
    pub warnings: Vec<String>,
}

/// Writes the new article's files; returns their paths and the warnings.
pub fn run(root: &Path, options: &Options) -> Result<Added, String> {
    let _lock = files::lock(root)?;
    let shown = options.source.display().to_string();
    let bytes = std::fs::read(&options.source).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let manifest = files::read_text(root, crate::MANIFEST)?;
    let workspace = files::read_text(root, "Cargo.toml")?;
    let request = codegen::scaffold::Request {
        name: &options.name,
        source_name: &shown,
        source: &bytes,
        format: options.format,
        url: options.url.as_deref(),
        crate_name: options.crate_name.as_deref(),
        pins: &options.pins,
    };
    let codegen::scaffold::Added { outputs, warnings } =
        codegen::scaffold::add(&request, &manifest, &workspace).map_err(|e| e.to_string())?;
    // Only the manifest and the workspace's Cargo.toml may exist already:
    // adding never overwrites another article's files.
    for output in &outputs {
        let shared = output.path == crate::MANIFEST || output.path == "Cargo.toml";
        if !shared && root.join(&output.path).exists() {
            return Err(format!(
                "{}: already exists: expected a new article's files to be new (pick another name or --crate)",
                output.path
            ));
        }
    }
    files::write_all(root, &outputs)?;
    Ok(Added {
        written: outputs.into_iter().map(|o| o.path).collect(),
        warnings,
    })
}
