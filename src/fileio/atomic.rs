//! Every file the program writes goes through here. What is guaranteed:
//!
//! * a regular file is replaced atomically: the new content goes to a temporary file beside it (unpredictable
//!   name, created exclusively, so nothing planted at a guessable path can redirect the write), is flushed to
//!   disk, and is renamed over the old one; a failed write leaves the old file as it was and no temporary;
//! * the replaced file keeps its permissions, its owner and group (where the saving user may set them) and its
//!   extended attributes (see `fileio::keep`); a new file gets the usual ones (0666 less the umask);
//! * a read-only file is refused, not silently replaced; a directory is refused;
//! * a symbolic link is followed: the file it points to is replaced and the link stays;
//! * a device (`/dev/stdout`, `/dev/null`) or a named pipe with a reader is written through, never renamed
//!   over; anything under `/dev` or `/proc` likewise; block devices and sockets are refused;
//! * with a backup ([`write_atomic_with_backup`]), `FILE.bak` is itself replaced atomically: the new backup is
//!   complete and on disk before the old one goes, and a symbolic link at the backup path is replaced, never
//!   written through;
//! * files that belong together ([`write_all_with_backup`]) are all written before the first is replaced;
//! * SIGINT, SIGTERM and SIGHUP are held while a regular file is saved (see `fileio::signals`), and the
//!   file-size limit is an error, not a signal: neither leaves a temporary behind.

use std::fs::Metadata;
use std::io::{Error, ErrorKind, Write};
use std::path::{Path, PathBuf};

use super::failure::{Stage, explain};
use super::keep::Kept;
use super::kind::describe;
use super::signals::hold_signals;

/// Where the bytes go.
enum Target {
    /// A regular file to replace (the end of any symbolic links), with what the new file keeps of it.
    Replace { path: PathBuf, kept: Kept },
    /// Nothing is there yet.
    Create(PathBuf),
    /// A device or a named pipe: written through.
    WriteThrough { is_pipe: bool },
}

fn refuse(kind: ErrorKind, message: String) -> Error {
    Error::new(kind, message)
}

/// Decides what writing to `path` means, refusing what must not be written.
fn target(path: &Path) -> std::io::Result<Target> {
    let link = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Target::Create(path.to_owned())),
        Err(e) => return Err(e),
    };
    let meta: Metadata = if link.file_type().is_symlink() {
        match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                return Err(refuse(ErrorKind::NotFound, "it is a symbolic link to a file that does not exist".into()));
            }
            Err(e) => return Err(e),
        }
    } else {
        link
    };
    let file_type = meta.file_type();
    let system_path = path.starts_with("/dev") || path.starts_with("/proc");
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_char_device() || file_type.is_fifo() || (system_path && file_type.is_file()) {
            return Ok(Target::WriteThrough { is_pipe: file_type.is_fifo() });
        }
    }
    let _ = system_path;
    if !file_type.is_file() {
        return Err(refuse(
            ErrorKind::InvalidInput,
            format!("it is {}; give the path of a file to write", describe(&file_type)),
        ));
    }
    if meta.permissions().readonly() {
        return Err(refuse(
            ErrorKind::PermissionDenied,
            "the file is read-only; make it writable or choose another name".into(),
        ));
    }
    let real = if path.is_symlink() { std::fs::canonicalize(path)? } else { path.to_owned() };
    let kept = Kept::of(&real, &meta);
    Ok(Target::Replace { path: real, kept })
}

/// The folder a file is in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Writes `bytes` into a new temporary file in `path`'s folder, flushes it to disk and renames it over `path`.
/// `kept`: what the new file keeps of the file being replaced (permissions, owner, extended attributes), or
/// `None` for a new file.
fn replace(path: &Path, bytes: &[u8], kept: Option<&Kept>) -> std::io::Result<()> {
    let _held = hold_signals();
    prepare(path, bytes, kept)?.commit()
}

/// New content written in full beside the file it will replace, not yet renamed into place. Dropped without
/// [`Prepared::commit`], the temporary is removed and the file is untouched.
struct Prepared {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
}

impl Prepared {
    /// Renames the new content over the file.
    fn commit(self) -> std::io::Result<()> {
        let folder = folder_of(&self.path).to_owned();
        self.tmp.persist(&self.path).map_err(|e| explain(e.error, Stage::Replace, &self.path))?;
        sync_folder(&folder);
        Ok(())
    }
}

/// Writes `bytes` to a new temporary beside `path` and flushes it to disk.
fn prepare(path: &Path, bytes: &[u8], kept: Option<&Kept>) -> std::io::Result<Prepared> {
    let folder = folder_of(path);
    let mut builder = tempfile::Builder::new();
    // Short, so a file name near the 255-byte limit still has a temporary beside it.
    builder.prefix(".bst").suffix("");
    #[cfg(unix)]
    if kept.is_none() {
        use std::os::unix::fs::PermissionsExt;
        // Masked by the umask at creation, as for any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Errors are the system's own, without the temporary's name: the caller names the file being written, and
    // the temporary is gone by the time the message is read.
    let mut tmp = builder.tempfile_in(folder).map_err(|e| explain(without_path(e), Stage::Create, path))?;
    if let Some(kept) = kept {
        kept.apply_to(tmp.as_file()).map_err(|e| explain(e, Stage::Write, path))?;
    }
    let written = tmp.as_file_mut().write_all(bytes).and_then(|()| tmp.as_file().sync_all());
    written.map_err(|e| explain(e, Stage::Write, path))?;
    Ok(Prepared { tmp, path: path.to_owned() })
}

/// The error without the path `tempfile` adds to it ("… at path /abs/folder/.bstXYZ").
fn without_path(e: Error) -> Error {
    match e.raw_os_error() {
        Some(code) => Error::from_raw_os_error(code),
        None => e,
    }
}

/// Makes a rename durable: on unix the folder's entry is flushed too. Best effort (some filesystems refuse).
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

fn write_through(path: &Path, is_pipe: bool, bytes: &[u8]) -> std::io::Result<()> {
    #[cfg(unix)]
    let mut file = if is_pipe {
        super::kind::open_pipe_for_writing(path)?
    } else {
        std::fs::OpenOptions::new().write(true).open(path)?
    };
    #[cfg(not(unix))]
    let mut file = {
        let _ = is_pipe;
        std::fs::OpenOptions::new().write(true).open(path)?
    };
    file.write_all(bytes)?;
    file.flush()
}

/// Writes `bytes` to `path` as described in the module documentation.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match target(path)? {
        Target::Replace { path, kept } => replace(&path, bytes, Some(&kept)),
        Target::Create(path) => replace(&path, bytes, None),
        Target::WriteThrough { is_pipe } => write_through(path, is_pipe, bytes),
    }
}

/// `FILE.bak` beside `path` (e.g. `plan.ron.bak`).
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Like [`write_atomic`], and keeps the previous version as `FILE.bak`. The backup is written and renamed into
/// place like any save, before the file itself is touched: at every moment the old or the new backup is whole.
pub fn write_atomic_with_backup(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match target(path)? {
        Target::Replace { path: real, kept } => {
            let old = std::fs::read(&real).map_err(|e| explain(e, Stage::ReadOld, &real))?;
            replace(&backup_path(path), &old, Some(&kept))?;
            replace(&real, bytes, Some(&kept))
        }
        Target::Create(path) => replace(&path, bytes, None),
        Target::WriteThrough { is_pipe } => write_through(path, is_pipe, bytes),
    }
}

/// Like [`write_atomic_with_backup`] for several files that belong together (a scenario and its dataset):
/// every backup and every new content is written in full before the first file is replaced, so a failure
/// while writing (a full disk, the file-size limit) leaves every file as it was and no temporary behind.
/// `Err` carries the index of the file that failed.
pub fn write_all_with_backup(files: &[(&Path, &[u8])]) -> Result<(), (usize, Error)> {
    enum Step<'a> {
        Rename(Prepared),
        Through(&'a Path, bool, &'a [u8]),
    }
    // Files only: a pipe that is slow to read must stay interruptible.
    let _held = files.iter().all(|(p, _)| !matches!(target(p), Ok(Target::WriteThrough { .. }))).then(hold_signals);
    let mut steps = Vec::with_capacity(files.len());
    for (i, &(path, bytes)) in files.iter().enumerate() {
        let step = (|| match target(path)? {
            Target::Replace { path: real, kept } => {
                let old = std::fs::read(&real).map_err(|e| explain(e, Stage::ReadOld, &real))?;
                replace(&backup_path(path), &old, Some(&kept))?;
                Ok(Step::Rename(prepare(&real, bytes, Some(&kept))?))
            }
            Target::Create(path) => Ok(Step::Rename(prepare(&path, bytes, None)?)),
            Target::WriteThrough { is_pipe } => Ok(Step::Through(files[i].0, is_pipe, bytes)),
        })()
        .map_err(|e: Error| (i, e))?;
        steps.push(step);
    }
    for (i, step) in steps.into_iter().enumerate() {
        match step {
            Step::Rename(prepared) => prepared.commit(),
            Step::Through(path, is_pipe, bytes) => write_through(path, is_pipe, bytes),
        }
        .map_err(|e| (i, e))?;
    }
    Ok(())
}

/// Whether two paths name the same existing file (through links, `..`, hard links). For refusing an output
/// that would overwrite one of the command's inputs.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
        false
    }
    #[cfg(not(unix))]
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
#[path = "atomic_tests.rs"]
mod tests;
