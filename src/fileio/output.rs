//! A command's `--out`: a file (written with [`write_replacing`](super::write_replacing)) or `-`, standard
//! output.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Where a command writes its result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    Stdout,
    File(PathBuf),
}

impl Output {
    /// `-` is standard output; anything else a file.
    pub fn from_arg(path: &Path) -> Output {
        if path.as_os_str() == "-" { Output::Stdout } else { Output::File(path.to_owned()) }
    }

    /// The file's extension in lower case (none for standard output).
    pub fn extension(&self) -> Option<String> {
        match self {
            Output::Stdout => None,
            Output::File(p) => p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase),
        }
    }

    /// For messages: the path, or "standard output".
    pub fn name(&self) -> String {
        match self {
            Output::Stdout => "standard output".to_owned(),
            Output::File(p) => p.display().to_string(),
        }
    }
}

/// Writes `bytes` to the output: standard output as is, a file atomically with a backup of the file replaced.
pub fn write_output(output: &Output, bytes: &[u8]) -> std::io::Result<()> {
    match output {
        Output::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()
        }
        Output::File(path) => super::write_replacing(path, bytes),
    }
}
