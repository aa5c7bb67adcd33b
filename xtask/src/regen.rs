//! `cargo xtask regen [--check]`: one `run` behind the CLI and the drift test.

use std::path::Path;

use codegen::{Format, Generated, Inputs, Output};

use crate::files;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Adopt this article (workspace-relative) as the entry's source: it is
    /// read, recorded in the outputs, and written into the manifest.
    pub source: Option<String>,
    pub format: Option<Format>,
    /// Compare only; write nothing.
    pub check: bool,
    /// Manifest entry; when `None`, every entry for [`run_all`] and the
    /// first for [`run`]. With a `source` and several entries, both refuse
    /// `None`: a capture is one article's.
    pub article: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    Unchanged,
    /// Would change (check) or changed (write); carries a unified diff in
    /// check mode, which prints it (empty when writing).
    Changed {
        diff: String,
    },
}

#[derive(Debug, Clone)]
pub struct Report {
    /// The generation, without its outputs: their texts went on to `files`
    /// and the write, so a large crate module is not held twice.
    pub generated: Generated,
    pub files: Vec<(String, FileState)>,
}

impl Report {
    pub fn stale(&self) -> Vec<&str> {
        self.files
            .iter()
            .filter(|(_, s)| *s != FileState::Unchanged)
            .map(|(p, _)| p.as_str())
            .collect()
    }
}

/// Reads everything one generation reads from the workspace (`entry`'s
/// inputs, with the article at `source_path`) and hands it to `generate`.
pub(crate) fn with_inputs<T>(
    root: &Path,
    entry: &codegen::Entry,
    source_path: &str,
    format: Option<Format>,
    generate: impl FnOnce(Inputs) -> Result<T, String>,
) -> Result<T, String> {
    // Text inputs as LF, like the outputs: a CRLF checkout (core.autocrlf
    // without .gitattributes) must generate the same bytes.
    let text = |path: &str| files::read_text(root, path).map(files::normalized);
    let optional = |path: &str| files::read_optional(root, path).map(|t| t.map(files::normalized));
    let source = files::read_bytes(root, source_path)?;
    let annotations = text(&entry.annotations)?;
    let released = optional(&entry.released)?;
    let crate_manifest = text(&entry.crate_manifest())?;
    let changelog = optional(&entry.changelog())?.unwrap_or_default();
    let crate_readme = optional(&entry.crate_readme())?;
    generate(Inputs {
        entry,
        source_path,
        source: &source,
        format,
        annotations: &annotations,
        released: released.as_deref(),
        crate_manifest: &crate_manifest,
        changelog: &changelog,
        crate_readme: crate_readme.as_deref(),
    })
}

/// Generates in memory, then compares with (and unless `check`, writes) the
/// files under `root`. Nothing is written unless everything succeeded. The
/// chosen article (`options.article`), else the first: see [`run_all`]. A
/// `source` is one article's capture, which it must name when there are
/// several, as [`run_all`] refuses.
pub fn run(root: &Path, options: &Options) -> Result<Report, String> {
    let mut options = options.clone();
    if options.article.is_none() {
        let manifest = crate::manifest(root)?;
        let entry = match options.source {
            Some(_) => crate::one_entry(&manifest, None, "--source names one article's capture")?,
            None => crate::entry(&manifest, None)?,
        };
        options.article = Some(entry.name);
    }
    Ok(run_all(root, &options)?.remove(0))
}

/// [`run`] for every article in the manifest (or the one `options.article`
/// names), as one all-or-nothing run: a failure in any article writes nothing.
pub fn run_all(root: &Path, options: &Options) -> Result<Vec<Report>, String> {
    // Held until the run ends: inputs are read, and outputs written, as one.
    let _lock = files::lock(root)?;
    let manifest = crate::manifest(root)?;
    let for_one = options
        .source
        .as_ref()
        .map(|_| "--source names one article's capture");
    let entries = crate::entries(&manifest, options.article.as_deref(), for_one)?;
    let mut reports = Vec::new();
    let mut to_write = Vec::new();
    for entry in &entries {
        let (report, writes) = plan(root, entry, options)?;
        reports.push(report);
        to_write.extend(writes);
    }
    if !options.check {
        files::write_all(root, &to_write)?;
    }
    Ok(reports)
}

/// One article's outputs, compared with the files; what would be written.
fn plan(
    root: &Path,
    entry: &codegen::Entry,
    options: &Options,
) -> Result<(Report, Vec<Output>), String> {
    let source_path = options
        .source
        .clone()
        .unwrap_or_else(|| entry.source.clone());
    codegen::manifest::check_path(&source_path)
        .map_err(|problem| format!("--source \"{}\": {problem}", source_path.escape_debug()))?;
    let mut generated = with_inputs(root, entry, &source_path, options.format, |inputs| {
        codegen::generate(inputs).map_err(|e| e.to_string())
    })?;
    // The outputs move on into the files to write; the report keeps the rest.
    let mut outputs = std::mem::take(&mut generated.outputs);
    // Only a run for one article adopts a source (`crate::entries`).
    if source_path != entry.source {
        let text = files::read_text(root, crate::MANIFEST)?;
        let adopted =
            codegen::manifest::with_source(crate::MANIFEST, &text, &entry.name, &source_path)
                .map_err(|e| e.to_string())?;
        outputs.push(Output {
            path: crate::MANIFEST.to_owned(),
            contents: adopted,
        });
    }
    let mut states = Vec::new();
    let mut to_write = Vec::new();
    for output in outputs {
        let current = files::read_optional(root, &output.path)?.map(files::normalized);
        if current.as_ref() == Some(&output.contents) {
            states.push((output.path, FileState::Unchanged));
            continue;
        }
        // The diff is what --check prints; a write does not need one.
        let diff = if options.check {
            similar::TextDiff::from_lines(current.as_deref().unwrap_or(""), &output.contents)
                .unified_diff()
                .header(&format!("a/{}", output.path), &format!("b/{}", output.path))
                .to_string()
        } else {
            String::new()
        };
        states.push((output.path.clone(), FileState::Changed { diff }));
        to_write.push(output);
    }
    let report = Report {
        generated,
        files: states,
    };
    Ok((report, to_write))
}
