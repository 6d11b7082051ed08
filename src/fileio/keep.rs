//! What a replaced file keeps: its permissions, its owner and group, and its extended attributes (which
//! include ACLs on Linux). A save writes a new file and renames it over the old one, so whatever the old file
//! carried besides its bytes must be copied to the new one before the rename.

use std::fs::{File, Metadata, Permissions};
use std::path::{Path, PathBuf};

/// The properties of a file about to be replaced.
#[derive(Debug, Clone)]
pub(super) struct Kept {
    /// The file itself (the end of any symbolic links), for reading its extended attributes.
    source: PathBuf,
    permissions: Permissions,
    #[cfg(unix)]
    owner: (u32, u32),
}

impl Kept {
    /// What `meta` (the metadata of the regular file at `source`) says must be kept.
    pub(super) fn of(source: &Path, meta: &Metadata) -> Self {
        Kept {
            source: source.to_owned(),
            permissions: meta.permissions(),
            #[cfg(unix)]
            owner: {
                use std::os::unix::fs::MetadataExt;
                (meta.uid(), meta.gid())
            },
        }
    }

    /// Gives the new file (`file`, not yet renamed into place) the old one's owner, permissions and
    /// extended attributes.
    pub(super) fn apply_to(&self, file: &File) -> std::io::Result<()> {
        // The owner first: changing it may clear set-user-id bits, which the permissions then restore.
        #[cfg(unix)]
        keep_owner(file, self.owner)?;
        file.set_permissions(self.permissions.clone())?;
        #[cfg(unix)]
        copy_attributes(&self.source, file)?;
        Ok(())
    }
}

/// Hands the new file to the old one's owner and group. Only root may give a file away, and a user may only
/// choose a group they belong to: when the system says "not permitted", the group alone is tried, and then the
/// new file stays the saving user's own. Refusing the save instead would leave the user unable to save a
/// file they may write but do not own (a file shared through a group-writable folder).
#[cfg(unix)]
fn keep_owner(file: &File, (uid, gid): (u32, u32)) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, fchown};
    let now = file.metadata()?;
    if (now.uid(), now.gid()) == (uid, gid) {
        return Ok(());
    }
    match fchown(file, Some(uid), Some(gid)) {
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => match fchown(file, None, Some(gid)) {
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Ok(()),
            other => other,
        },
        other => other,
    }
}

/// Copies every extended attribute of `source` that can be read to `file`: `user.*` always; `security.*`,
/// `trusted.*` and ACLs (`system.posix_acl_*`) where the system lets this user set them. A filesystem without
/// extended attributes has none to copy.
#[cfg(unix)]
fn copy_attributes(source: &Path, file: &File) -> std::io::Result<()> {
    use xattr::FileExt;
    let names = match xattr::list(source) {
        Ok(names) => names,
        Err(e) if not_allowed(&e) => return Ok(()),
        Err(e) => return Err(e),
    };
    for name in names {
        let value = match xattr::get(source, &name) {
            Ok(Some(value)) => value,
            Ok(None) => continue,
            Err(e) if not_allowed(&e) => continue,
            Err(e) => return Err(e),
        };
        match file.set_xattr(&name, &value) {
            Ok(()) => {}
            // Namespaces reserved to root or to the security module: kept where allowed, skipped where not.
            Err(e) if not_allowed(&e) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Errors that mean "not permitted here" or "not supported here" rather than a failing disk.
#[cfg(unix)]
fn not_allowed(e: &std::io::Error) -> bool {
    matches!(e.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::Unsupported)
        || e.raw_os_error().is_some_and(|code| code == libc::ENOTSUP || code == libc::EOPNOTSUPP || code == libc::EPERM)
}
