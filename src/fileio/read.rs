//! Reading an input file with a size limit, so a 10 GB mistake is refused instead of filling memory, and
//! only regular files, so a named pipe or a device never makes the program wait or read forever.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::kind::{describe, open_read_nonblocking};

/// Input files above this size are refused.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    // The cause is part of the message, so it is not also given as `source()`: printed chains say it once.
    #[error("{path}: cannot read the file: {cause}")]
    Io { path: PathBuf, cause: std::io::Error },
    #[error("{path}: the file is {size} bytes; files over {limit} bytes (64 MB) are refused")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: this is {kind}, not a file; give the path of a regular file")]
    NotAFile { path: PathBuf, kind: &'static str },
}

/// The bytes of a regular file of at most [`MAX_INPUT_BYTES`].
///
/// The type and size are checked from the path's metadata before the file is opened; the open itself cannot
/// block, and the type is checked again on the opened file (in case the path changed in between).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let io = |cause| ReadError::Io { path: path.to_owned(), cause };
    let checked = |meta: &std::fs::Metadata| {
        if !meta.is_file() {
            return Err(ReadError::NotAFile { path: path.to_owned(), kind: describe(&meta.file_type()) });
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(ReadError::TooLarge { path: path.to_owned(), size: meta.len(), limit: MAX_INPUT_BYTES });
        }
        Ok(meta.len())
    };
    checked(&std::fs::metadata(path).map_err(io)?)?;
    let file = open_read_nonblocking(path).map_err(io)?;
    let size = checked(&file.metadata().map_err(io)?)?;
    let mut bytes = Vec::with_capacity(size as usize);
    // The limit also holds for a file that grows while it is read.
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: MAX_INPUT_BYTES });
    }
    Ok(bytes)
}

/// Refuses a path that exists but is not a regular file (a FIFO, a device, a directory), without opening it.
/// For readers that open the file themselves (a GUI start-up file, a folder of autosaves).
pub fn check_regular(path: &Path) -> Result<(), ReadError> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => {
            Err(ReadError::NotAFile { path: path.to_owned(), kind: describe(&meta.file_type()) })
        }
        Ok(_) => Ok(()),
        Err(cause) => Err(ReadError::Io { path: path.to_owned(), cause }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_names_the_path_once() {
        let err = read_limited(Path::new("/nonexistent/x.ron")).unwrap_err();
        assert!(err.to_string().starts_with("/nonexistent/x.ron: cannot read the file: "), "{err}");
        assert!(std::error::Error::source(&err).is_none(), "the cause is in the message, not repeated as a source");
    }

    #[test]
    fn a_directory_is_refused_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_limited(dir.path()).unwrap_err();
        assert!(matches!(err, ReadError::NotAFile { kind: "a directory", .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.csv");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        // Reading a FIFO with no writer would block this test forever.
        let err = read_limited(&fifo).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: this is a named pipe (FIFO), not a file; give the path of a regular file", fifo.display())
        );
        assert!(check_regular(&fifo).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_by_type_not_by_size() {
        let err = read_limited(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(err.to_string(), "/dev/zero: this is a device, not a file; give the path of a regular file");
    }
}
