//! The generator as a library: read an article into one model, emit the
//! outputs from it. Pure functions over strings and bytes; the `xtask` binary
//! does all file I/O.
//!
//! ```text
//! read::{html, markdown, text}  ->  model::Catalog  ->  emit::{rust, json, markdown}
//!        (+ annotations, released baseline: catalog; versions: release)
//! ```

pub mod annotations;
pub mod catalog;
pub mod changes;
pub mod controls;
pub mod emit;
pub mod error;
pub mod manifest;
pub mod model;
pub mod names;
pub mod notes;
pub mod read;
pub mod release;
pub mod scaffold;

use sha2::{Digest, Sha256};

/// The manifest's path in the workspace.
pub const MANIFEST_PATH: &str = "docs/sources.toml";

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
    /// The model as of the last release (`entry.released`), if there was one:
    /// the crate's memory of every code users have seen.
    pub released: Option<&'a str>,
    pub crate_manifest: &'a str,
    pub changelog: &'a str,
    /// The crate's README, whose source block regen rewrites; `None` if the
    /// crate has no README.
    pub crate_readme: Option<&'a str>,
}

/// One file to write, relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub contents: String,
}

/// What `cargo xtask regen` makes: the outputs, and what changed since the
/// last release (listed under `## Unreleased` in the CHANGELOG).
#[derive(Debug, Clone)]
pub struct Generated {
    pub catalog: Catalog,
    pub outputs: Vec<Output>,
    pub warnings: Vec<String>,
    /// Changes since the last release.
    pub changes: Changes,
    /// The semver class those changes call for.
    pub bump: Bump,
    /// The crate's current version: the last release.
    pub version: String,
    /// Nothing was released yet.
    pub first_release: bool,
}

/// What `cargo xtask release` makes: the outputs with the deprecations
/// dated, the CHANGELOG entry, the bumped Cargo.toml and the new baseline.
#[derive(Debug, Clone)]
pub struct Release {
    pub catalog: Catalog,
    pub version: String,
    pub bump: Bump,
    pub changes: Changes,
    pub outputs: Vec<Output>,
    /// What the release shipped that needs a look (placeholder names it
    /// was allowed to release).
    pub warnings: Vec<String>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads an article and applies its configuration (and, if given, the
/// memory of the last release): the model `cargo xtask parse` prints.
pub fn read_catalog(
    entry: &Entry,
    source_path: &str,
    source: impl AsRef<[u8]>,
    format: Option<Format>,
    annotations: &str,
    released: Option<&Catalog>,
    warnings: &mut Vec<String>,
) -> Result<Catalog> {
    let annotations = annotations::parse(&entry.annotations, annotations)?;
    let source = source.as_ref();
    let article = read::read(source_path, source, format, &annotations.columns)?;
    warnings.extend(
        article
            .warnings
            .iter()
            .map(|w| format!("{source_path}: {w}")),
    );
    let own = source_path.trim_start_matches("./") == entry.source;
    catalog::check_code_type(&article, source_path, &annotations, own, warnings)?;
    // The capture's identity: its sha256 is taken over its bytes with CRLF as LF.
    let hashed = read::normalize::lf_line_ends(source, read::normalize::LoneCr::Kept);
    let info = model::SourceInfo {
        path: source_path.to_owned(),
        format: article.format,
        sha256: sha256_hex(&hashed),
    };
    let about = model::ArticleInfo {
        title: entry.title.clone(),
        url: entry.url.clone(),
        annotations: annotations.file.clone(),
        crate_name: entry.crate_name.clone(),
        type_name: entry.type_name.clone(),
    };
    catalog::build(article, info, about, &annotations, released, warnings)
}

/// The model and how it differs from the last release (no outputs yet),
/// with the hand-written API changes under `## Unreleased`, if any.
fn prepare(inputs: &Inputs<'_>) -> Result<(Generated, Option<notes::ApiNotes>)> {
    let entry = inputs.entry;
    let released = inputs
        .released
        .map(|text| Catalog::from_json(&entry.released, text))
        .transpose()?;
    let first_release = released.is_none();
    if first_release && let Some(v) = release::released_versions(inputs.changelog).first() {
        return Err(Error::new(format!(
            "the release baseline is missing, but {} lists release {v}: the baseline is the memory of every code users have seen (without it, codes the article dropped would vanish from the crate); restore it (git checkout -- {}) instead of regenerating without it",
            entry.changelog(),
            entry.released
        ))
        .in_file(&entry.released));
    }
    let version = release::current_version(&entry.crate_manifest(), inputs.crate_manifest)?;
    let mut warnings = Vec::new();
    let catalog = read_catalog(
        entry,
        inputs.source_path,
        inputs.source,
        inputs.format,
        inputs.annotations,
        released.as_ref(),
        &mut warnings,
    )?;
    let changes = changes::diff(released.as_ref().unwrap_or(&Catalog::default()), &catalog);
    let notes = notes::read(&entry.changelog(), inputs.changelog)?;
    // A first release keeps the version the crate was written with.
    let bump = if first_release {
        Bump::None
    } else {
        changes
            .bump()
            .max(notes.as_ref().map_or(Bump::None, |n| n.bump))
    };
    let generated = Generated {
        catalog,
        outputs: Vec::new(),
        warnings,
        changes,
        bump,
        version,
        first_release,
    };
    Ok((generated, notes))
}

/// The generated crate module, the fixture and its schema, the markdown
/// table, the CHANGELOG and the README's source block.
fn emit_all(inputs: &Inputs<'_>, catalog: &Catalog, changelog: String) -> Result<Vec<Output>> {
    let entry = inputs.entry;
    let rust = emit::rust::emit(catalog).map_err(|e| e.in_file(&entry.generated_rust()))?;
    let files = [
        (entry.generated_rust(), rust),
        (entry.fixture.clone(), emit::json::emit(catalog)),
        (entry.fixture_schema(), emit::json::schema()),
        (entry.markdown.clone(), emit::markdown::emit(catalog)),
        (entry.changelog(), changelog),
    ];
    let mut outputs: Vec<Output> = files
        .map(|(path, contents)| Output { path, contents })
        .into();
    if let Some(readme) = inputs.crate_readme {
        let path = entry.crate_readme();
        outputs.push(Output {
            contents: emit::readme::with_source_block(&path, readme, catalog)?,
            path,
        });
    }
    Ok(outputs)
}

/// The whole pipeline: every output for one manifest entry, or the first error.
/// Versions do not move here; `## Unreleased` says what the next release holds.
pub fn generate(inputs: Inputs<'_>) -> Result<Generated> {
    let (mut generated, notes) = prepare(&inputs)?;
    let notes = notes.as_ref().map(notes::ApiNotes::unreleased);
    let section = release::unreleased_section(
        &generated.changes,
        &generated.catalog,
        &generated.version,
        generated.first_release,
        generated.bump,
        notes.as_deref(),
    );
    let changelog = release::without_unreleased(inputs.changelog);
    let changelog = match section {
        Some(section) => release::with_section(&changelog, &section),
        None => changelog,
    };
    generated.outputs = emit_all(&inputs, &generated.catalog, changelog)?;
    Ok(generated)
}

/// Cuts the release `## Unreleased` describes. `lock` is the workspace's
/// `Cargo.lock` (path, text), if the crate is a member of one. Entries
/// still under a placeholder name are refused unless `placeholders` allows
/// them: naming one after it ships is a major release.
pub fn release(
    inputs: Inputs<'_>,
    lock: Option<(&str, &str)>,
    placeholders: release::Placeholders,
) -> Result<Release> {
    let entry = inputs.entry;
    let (generated, notes) = prepare(&inputs)?;
    let Generated {
        mut catalog,
        changes,
        bump,
        version: current,
        first_release,
        ..
    } = generated;
    if !first_release && changes.is_empty() && notes.is_none() {
        return Err(Error::new(format!(
            "nothing to release: the article reads as version {current} did"
        ))
        .in_file(inputs.source_path));
    }
    let annotations = annotations::parse(&entry.annotations, inputs.annotations)?;
    let warnings = release::check_placeholders(&catalog, &annotations, placeholders)?;
    let version = release::next_version(&current, bump);
    release::date_deprecations(&mut catalog, &version);
    let section = release::release_section(
        &changes,
        &catalog,
        &version,
        bump,
        first_release,
        notes.as_ref().map(notes::ApiNotes::released).as_deref(),
    );
    let changelog = release::with_section(&release::without_unreleased(inputs.changelog), &section);
    let mut outputs = emit_all(&inputs, &catalog, changelog)?;
    let path = entry.crate_manifest();
    let manifest = release::cargo_toml_with_version(&path, inputs.crate_manifest, &version)?;
    let baseline = emit::json::emit(&catalog);
    let mut files = vec![(path, manifest), (entry.released.clone(), baseline)];
    if let Some((path, text)) = lock {
        let lock = release::lock_with_version(path, text, &entry.crate_name, &version)?;
        files.push((path.to_owned(), lock));
    }
    outputs.extend(
        files
            .into_iter()
            .map(|(path, contents)| Output { path, contents }),
    );
    Ok(Release {
        catalog,
        version,
        bump,
        changes,
        outputs,
        warnings: warnings.into_iter().collect(),
    })
}
