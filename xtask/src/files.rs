//! File access with errors that name the file, and all-or-nothing writes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn read_bytes(root: &Path, relative: &str) -> Result<Vec<u8>, String> {
    fs::read(root.join(relative)).map_err(|e| format!("{relative}: cannot read: {e}"))
}

pub fn read_text(root: &Path, relative: &str) -> Result<String, String> {
    into_text(relative, read_bytes(root, relative)?)
}

/// Bytes as UTF-8 text, or an error naming the file and the byte offset.
pub fn into_text(relative: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{relative}: invalid UTF-8 at byte offset {}",
            e.utf8_error().valid_up_to()
        )
    })
}

/// A file that may not exist yet.
pub fn read_optional(root: &Path, relative: &str) -> Result<Option<String>, String> {
    match fs::metadata(root.join(relative)) {
        Ok(_) => read_text(root, relative).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{relative}: {e}")),
    }
}

/// Text with CRLF normalised, so a Windows checkout is not "stale".
pub fn normalized(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Writes every file or none: each goes to a temporary file beside its
/// target first; only when all are written are they renamed into place.
pub fn write_all(root: &Path, files: &[(String, String)]) -> Result<(), String> {
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let result = files.iter().try_for_each(|(relative, contents)| {
        let target = root.join(relative);
        let dir = target
            .parent()
            .ok_or_else(|| format!("{relative}: has no parent directory"))?;
        fs::create_dir_all(dir)
            .map_err(|e| format!("{relative}: cannot create its directory: {e}"))?;
        let temp = dir.join(format!(
            ".{}.regen-tmp",
            target.file_name().unwrap_or_default().to_string_lossy()
        ));
        let mut file =
            fs::File::create(&temp).map_err(|e| format!("{relative}: cannot write: {e}"))?;
        staged.push((temp.clone(), target));
        file.write_all(contents.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| format!("{relative}: cannot write: {e}"))
    });
    if let Err(e) = result {
        for (temp, _) in &staged {
            let _ = fs::remove_file(temp);
        }
        return Err(e);
    }
    for (temp, target) in &staged {
        fs::rename(temp, target)
            .map_err(|e| format!("{}: cannot replace: {e}", target.display()))?;
    }
    Ok(())
}
