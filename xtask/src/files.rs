//! File access with errors that name the file, and all-or-nothing writes.

use std::fs;
use std::io::Write;
use std::path::Path;

use codegen::Output;

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
pub fn normalized(text: String) -> String {
    text.replace("\r\n", "\n")
}

/// Held for a whole run that writes the workspace: a second `cargo xtask`
/// waits instead of interleaving its files with ours. An OS lock, so a killed
/// run never leaves a stale one behind: the OS releases it when the file
/// closes. No run takes it while holding it (drift fetches, then regenerates):
/// a process that did would wait for itself.
pub struct WorkspaceLock {
    _file: fs::File,
}

const LOCK_FILE: &str = ".xtask.lock";
const STAGING: &str = ".xtask-staging";
const JOURNAL: &str = "journal";

/// Locks the workspace at `root` (waiting for a run that holds it), then
/// finishes or clears what an interrupted run left (and says so on stderr).
pub fn lock(root: &Path) -> Result<WorkspaceLock, String> {
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(root.join(LOCK_FILE))
        .map_err(|e| format!("{LOCK_FILE}: cannot open the workspace lock: {e}"))?;
    let locked = match file.try_lock() {
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!("waiting for another cargo xtask run in this workspace to finish");
            file.lock()
        }
        tried => tried.map_err(std::io::Error::from),
    };
    locked.map_err(|e| format!("{LOCK_FILE}: cannot lock the workspace: {e}"))?;
    if let Some(note) = recover(root)? {
        eprintln!("note: {note}");
    }
    Ok(WorkspaceLock { _file: file })
}

/// An interrupted run either never reached its journal (nothing was
/// replaced: drop what it staged) or did (every file was staged: finish
/// replacing them). Either way the workspace ends as one run left it.
fn recover(root: &Path) -> Result<Option<String>, String> {
    let staging = root.join(STAGING);
    if fs::symlink_metadata(&staging).is_err() {
        return Ok(None);
    }
    let note = match fs::read_to_string(staging.join(JOURNAL)) {
        Ok(journal) => {
            let entries: Vec<(usize, &str)> = journal
                .lines()
                .map(|line| {
                    line.split_once('\t')
                        .and_then(|(i, path)| Some((i.parse().ok()?, path)))
                        .ok_or_else(|| format!("{STAGING}/{JOURNAL}: unreadable line \"{line}\""))
                })
                .collect::<Result<_, String>>()?;
            for (index, relative) in &entries {
                let staged = staging.join(index.to_string());
                if staged.exists() {
                    fs::rename(&staged, root.join(relative)).map_err(|e| {
                        format!("{relative}: cannot finish an interrupted run: {e}")
                    })?;
                }
            }
            Some(format!(
                "finished an interrupted run: replaced {} file(s) it had staged",
                entries.len()
            ))
        }
        Err(_) => None,
    };
    remove_staging(&staging)?;
    Ok(note)
}

fn remove_staging(staging: &Path) -> Result<(), String> {
    let result = match fs::symlink_metadata(staging) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(staging),
        Ok(_) => fs::remove_file(staging),
        Err(_) => Ok(()),
    };
    result.map_err(|e| format!("{STAGING}: cannot clear: {e}"))
}

/// For the tests of interrupted and failed runs (tests/atomic_runs.rs): the
/// process aborts, or the rename fails, after this many renames.
fn test_hook(name: &str) -> Option<usize> {
    std::env::var(name).ok()?.parse().ok()
}

/// Writes every file or none, under the workspace lock ([`lock`]).
///
/// Each file is staged in `.xtask-staging/` (created fresh, files opened with
/// O_EXCL, so nothing planted there is written through), with the mode of the
/// file it replaces. Then a journal naming every staged file is written, and
/// the files are renamed into place. A run killed before the journal replaced
/// nothing; one killed after it is finished by the next run's [`lock`]. A
/// rename that fails puts back the files already replaced.
pub fn write_all(root: &Path, files: &[Output]) -> Result<(), String> {
    let staging = root.join(STAGING);
    remove_staging(&staging)?;
    fs::create_dir(&staging).map_err(|e| format!("{STAGING}: cannot create: {e}"))?;
    let staged = stage(root, &staging, files);
    let result = staged.and_then(|()| replace(root, &staging, files));
    let cleared = remove_staging(&staging);
    result.and(cleared)
}

fn stage(root: &Path, staging: &Path, files: &[Output]) -> Result<(), String> {
    for (index, output) in files.iter().enumerate() {
        let relative = &output.path;
        let target = root.join(relative);
        let dir = target
            .parent()
            .ok_or_else(|| format!("{relative}: has no parent directory"))?;
        fs::create_dir_all(dir)
            .map_err(|e| format!("{relative}: cannot create its directory: {e}"))?;
        let path = staging.join(index.to_string());
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| format!("{relative}: cannot stage: {e}"))?;
        if let Ok(meta) = fs::metadata(&target) {
            file.set_permissions(meta.permissions())
                .map_err(|e| format!("{relative}: cannot keep its mode: {e}"))?;
        }
        file.write_all(output.contents.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| format!("{relative}: cannot write: {e}"))?;
        // The previous version, to put back if a later rename fails.
        if target.exists() {
            fs::copy(&target, staging.join(format!("{index}.old")))
                .map_err(|e| format!("{relative}: cannot keep a copy: {e}"))?;
        }
    }
    let journal: String = files
        .iter()
        .enumerate()
        .map(|(index, output)| format!("{index}\t{}\n", output.path))
        .collect();
    let pending = staging.join("journal.pending");
    fs::write(&pending, journal)
        .and_then(|()| fs::File::open(&pending)?.sync_all())
        .and_then(|()| fs::rename(&pending, staging.join(JOURNAL)))
        .map_err(|e| format!("{STAGING}/{JOURNAL}: cannot write: {e}"))
}

fn replace(root: &Path, staging: &Path, files: &[Output]) -> Result<(), String> {
    if let Some(ms) = test_hook("XTASK_TEST_PAUSE_BEFORE_RENAMES_MS") {
        std::thread::sleep(std::time::Duration::from_millis(ms as u64));
    }
    let abort_after = test_hook("XTASK_TEST_ABORT_AFTER_RENAMES");
    let fail_at = test_hook("XTASK_TEST_FAIL_RENAME_AT");
    for (index, Output { path: relative, .. }) in files.iter().enumerate() {
        if abort_after == Some(index) {
            std::process::abort();
        }
        let renamed = if fail_at == Some(index) {
            Err(std::io::Error::other("injected failure"))
        } else {
            fs::rename(staging.join(index.to_string()), root.join(relative))
        };
        if let Err(e) = renamed {
            roll_back(root, staging, &files[..index]);
            let _ = fs::remove_file(staging.join(JOURNAL));
            return Err(format!(
                "{relative}: cannot replace: {e}; the files already replaced were put back"
            ));
        }
    }
    Ok(())
}

fn roll_back(root: &Path, staging: &Path, done: &[Output]) {
    for (index, Output { path: relative, .. }) in done.iter().enumerate() {
        let old = staging.join(format!("{index}.old"));
        if old.exists() {
            let _ = fs::rename(&old, root.join(relative));
        } else {
            let _ = fs::remove_file(root.join(relative));
        }
    }
}
