//! A failed write said in words a user understands: that the disk is full, that the folder is not writable,
//! that the file belongs to someone else — rather than the system's bare "Permission denied (os error 13)".
//! The error keeps its kind, so callers can still tell causes apart; the caller names the file being written.

use std::io::{Error, ErrorKind};
use std::path::Path;

/// The step of a save that failed: a permission refused reads differently for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    /// Reading the file about to be replaced, to keep it as `FILE.bak`.
    ReadOld,
    /// Creating the new file beside the old one.
    Create,
    /// Writing the new content and flushing it to disk.
    Write,
    /// Renaming the new file over `target`.
    Replace,
}

/// `e` with a cause a user understands. `target`: the file being written (for [`Stage::Replace`], the one being
/// replaced, which may be the backup).
pub(super) fn explain(e: Error, step: Stage, target: &Path) -> Error {
    let folder = folder_words(target);
    let system = system_words(&e);
    let cause = match e.kind() {
        ErrorKind::StorageFull => format!("the disk is full ({system}); free some space or write to another disk"),
        ErrorKind::QuotaExceeded => {
            format!("your disk quota is used up ({system}); free some space or write elsewhere")
        }
        ErrorKind::FileTooLarge => format!("the file is larger than this process may write ({system}; see ulimit -f)"),
        ErrorKind::ReadOnlyFilesystem => format!("{folder} is on a read-only disk ({system}); write elsewhere"),
        ErrorKind::PermissionDenied => match step {
            Stage::ReadOld => format!("the file cannot be read to keep it as a backup ({system})"),
            Stage::Create | Stage::Write => {
                format!("{folder} is not writable ({system}); write to another folder or ask for write access")
            }
            Stage::Replace if owned_by_another_in_sticky_folder(target) => format!(
                "{} belongs to another user, and {folder} lets only a file's owner replace it ({system}); \
                 write to another file",
                name_of(target)
            ),
            Stage::Replace => format!("{folder} does not allow replacing {} ({system})", name_of(target)),
        },
        _ => return e,
    };
    Error::new(e.kind(), cause)
}

/// The system's words without the error number ("No space left on device").
fn system_words(e: &Error) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// "the folder out/plans" or "the current folder", for the folder of `path`.
fn folder_words(path: &Path) -> String {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => format!("the folder {}", folder.display()),
        None => "the current folder".to_owned(),
    }
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Whether `path`'s folder has the sticky bit (`/tmp`, shared folders), where only a file's owner may replace
/// it: the one reason a rename fails for want of permission once the new file could be created beside it.
fn owned_by_another_in_sticky_folder(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::metadata(folder).is_ok_and(|dir| dir.permissions().mode() & 0o1000 != 0)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(code: i32) -> Error {
        Error::from_raw_os_error(code)
    }

    #[test]
    fn a_full_disk_and_a_file_size_limit_are_said_in_words() {
        let e = explain(os(libc::ENOSPC), Stage::Write, Path::new("out/plan.csv"));
        assert_eq!(e.kind(), ErrorKind::StorageFull);
        assert_eq!(
            e.to_string(),
            "the disk is full (No space left on device); free some space or write to another disk"
        );
        let e = explain(os(libc::EFBIG), Stage::Write, Path::new("plan.csv"));
        assert_eq!(e.to_string(), "the file is larger than this process may write (File too large; see ulimit -f)");
    }

    #[test]
    fn a_permission_refused_names_the_folder() {
        let e = explain(os(libc::EACCES), Stage::Create, Path::new("plan.csv"));
        assert_eq!(e.kind(), ErrorKind::PermissionDenied);
        assert_eq!(
            e.to_string(),
            "the current folder is not writable (Permission denied); write to another folder or ask for write access"
        );
        let e = explain(os(libc::EACCES), Stage::Replace, Path::new("/nowhere/x/plan.csv"));
        assert_eq!(e.to_string(), "the folder /nowhere/x does not allow replacing plan.csv (Permission denied)");
        let e = explain(os(libc::EACCES), Stage::ReadOld, Path::new("plan.csv"));
        assert_eq!(e.to_string(), "the file cannot be read to keep it as a backup (Permission denied)");
        let e = explain(os(libc::EDQUOT), Stage::Write, Path::new("plan.csv"));
        assert_eq!(
            e.to_string(),
            "your disk quota is used up (Disk quota exceeded); free some space or write elsewhere"
        );
        let e = explain(os(libc::EROFS), Stage::Create, Path::new("/mnt/cd/plan.csv"));
        assert_eq!(e.to_string(), "the folder /mnt/cd is on a read-only disk (Read-only file system); write elsewhere");
    }

    #[test]
    fn other_errors_are_left_as_they_are() {
        let e = explain(os(libc::EIO), Stage::Write, Path::new("plan.csv"));
        assert_eq!(e.raw_os_error(), Some(libc::EIO));
    }
}
