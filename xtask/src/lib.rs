//! The workspace's command line, as a library so tests can drive it: every
//! command here is file I/O around the pure `codegen` library.

pub mod add;
pub mod diff;
pub mod drift;
pub mod fetch;
pub mod files;
pub mod regen;
pub mod release;

use std::path::{Path, PathBuf};

/// Where the manifest lives, relative to the root.
pub const MANIFEST: &str = codegen::MANIFEST_PATH;

/// The workspace this run works on, found at run time, never compiled in:
/// a binary shared between checkouts (a global target dir, git worktrees)
/// must not read or write the checkout it was built in.
///
/// `cargo xtask` runs through `cargo run`, which sets `CARGO_MANIFEST_DIR`
/// to the xtask crate of the checkout being run; the workspace is its parent.
/// Run directly, the workspace is the nearest ancestor of the current
/// directory that holds `docs/sources.toml`.
pub fn workspace_root() -> Result<PathBuf, String> {
    let is_root = |dir: &Path| dir.join(MANIFEST).is_file() && dir.join("Cargo.toml").is_file();
    if let Some(xtask_dir) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from)
        && let Some(root) = xtask_dir.parent().filter(|r| is_root(r))
    {
        return Ok(root.to_owned());
    }
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    cwd.ancestors().find(|d| is_root(d)).map(Path::to_owned).ok_or_else(|| {
        format!(
            "{}: not inside the workspace: expected {MANIFEST} and Cargo.toml here or in a parent directory",
            cwd.display()
        )
    })
}

/// A path given on the command line, as the workspace records it: relative to
/// the current directory (as cargo and git take paths), then made relative to
/// the workspace `root` and normalised. Refused when it leaves the workspace
/// or holds a character that would not print as itself.
pub fn workspace_path(root: &Path, arg: &str) -> Result<String, String> {
    let shown = arg.escape_debug().to_string();
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    // `..` is resolved lexically: the file may not exist yet (fetch --output).
    // (`components` drops every `.` from an absolute path.)
    let mut normal = PathBuf::new();
    for component in cwd.join(arg).components() {
        if component == std::path::Component::ParentDir {
            normal.pop();
        } else {
            normal.push(component);
        }
    }
    let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
    let normal = match normal.parent().and_then(|p| p.canonicalize().ok()) {
        Some(dir) => dir.join(normal.file_name().unwrap_or_default()),
        None => normal,
    };
    let inside = normal.strip_prefix(&root).map_err(|_| {
        format!(
            "{shown}: outside the workspace ({}): expected a path inside it",
            root.display()
        )
    })?;
    let relative = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    codegen::manifest::check_path(&relative).map_err(|problem| format!("{shown}: {problem}"))?;
    Ok(relative)
}

/// The model of the article `path` names (`bytes`), read with `entry`'s
/// configuration under `root`; a pin given on the command line wins over
/// the configuration's.
pub fn read_article(
    root: &Path,
    entry: &codegen::Entry,
    path: &str,
    bytes: &[u8],
    format: Option<codegen::Format>,
    pins: &codegen::read::ColumnPins,
    warnings: &mut Vec<String>,
) -> Result<codegen::Catalog, String> {
    let annotations = files::read_text(root, &entry.annotations)?;
    let annotations =
        codegen::read::pins::over_configuration(&entry.annotations, &annotations, pins)
            .map_err(|e| e.to_string())?;
    codegen::read_catalog(entry, path, bytes, format, &annotations, None, warnings)
        .map_err(|e| e.to_string())
}

/// Reads and parses `docs/sources.toml` under `root`.
pub fn manifest(root: &Path) -> Result<codegen::Manifest, String> {
    let text = files::read_text(root, MANIFEST)?;
    codegen::manifest::parse(MANIFEST, &text).map_err(|e| e.to_string())
}

/// The entry `name` names, else every entry; `for_one` is why this run is
/// for one article (a flag that names one article's file), when it is.
pub fn entries(
    manifest: &codegen::Manifest,
    name: Option<&str>,
    for_one: Option<&str>,
) -> Result<Vec<codegen::Entry>, String> {
    let count = manifest.articles.len();
    match (name, for_one) {
        (Some(name), _) => Ok(vec![entry(manifest, Some(name))?]),
        (None, Some(why)) if count > 1 => Err(format!(
            "{why}, and {MANIFEST} has {count}: pick one with --article"
        )),
        (None, _) => Ok(manifest.articles.clone()),
    }
}

/// The article `name` names, which must be given when the manifest has
/// several: for a command that acts on one article only, where taking the
/// first would act on the wrong one. `why` is said in the refusal.
pub fn one_entry(
    manifest: &codegen::Manifest,
    name: Option<&str>,
    why: &str,
) -> Result<codegen::Entry, String> {
    let count = manifest.articles.len();
    if name.is_none() && count > 1 {
        return Err(format!(
            "{MANIFEST} has {count} articles: pick one with --article ({why})"
        ));
    }
    entry(manifest, name)
}

/// The manifest entry named `name`, or the only/first one.
pub fn entry(manifest: &codegen::Manifest, name: Option<&str>) -> Result<codegen::Entry, String> {
    let Some(name) = name else {
        return Ok(manifest.articles[0].clone());
    };
    let found = manifest.articles.iter().find(|a| a.name == name);
    found.cloned().ok_or_else(|| {
        let known: Vec<&str> = manifest.articles.iter().map(|a| a.name.as_str()).collect();
        format!(
            "{MANIFEST}: no article named \"{name}\"; expected one of: {}",
            known.join(", ")
        )
    })
}
