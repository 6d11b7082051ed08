//! Atomic saves: a failed write never leaves a half-written file, and the old file survives until the new one is complete.

use std::io::Write;
use std::path::{Path, PathBuf};

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = sibling(path, &format!(".tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Like [`write_atomic`], and keeps the previous version as `FILE.bak` (e.g. `plan.ron.bak`).
pub fn write_atomic_with_backup(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.exists() {
        std::fs::copy(path, sibling(path, ".bak"))?;
    }
    write_atomic(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        write_atomic_with_backup(&path, b"one").unwrap();
        write_atomic_with_backup(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(dir.path().join("plan.ron.bak")).unwrap(), b"one");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(|e| e.ok()).collect();
        assert_eq!(leftovers.len(), 2, "no temporary file is left behind");
    }

    #[test]
    fn failed_write_leaves_no_file() {
        let path = Path::new("/nonexistent-dir/plan.ron");
        assert!(write_atomic(path, b"x").is_err());
        assert!(!path.exists());
    }
}
