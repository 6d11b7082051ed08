//! Reading an input file with a size limit, so a 10 GB mistake is refused instead of filling memory.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Input files above this size are refused.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read the file: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: the file is {size} bytes; files over {limit} bytes (64 MB) are refused")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
}

pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let io = |source| ReadError::Io { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { path: path.to_owned(), size, limit: MAX_INPUT_BYTES });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The limit also holds for files that grow while being read (pipes, devices).
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: MAX_INPUT_BYTES });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_names_the_path() {
        let err = read_limited(Path::new("/nonexistent/x.ron")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/x.ron"), "{err}");
    }
}
