//! What kind of thing is at a path, in words for messages, and opening without blocking on named pipes.

use std::fs::{File, FileType, OpenOptions};
use std::path::Path;

/// "a directory", "a named pipe (FIFO)", ... for anything that is not a regular file.
pub fn describe(file_type: &FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory";
    }
    if file_type.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() {
            return "a device";
        }
        if file_type.is_block_device() {
            return "a block device (a disk)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_file() { "a regular file" } else { "not a regular file" }
}

/// Opens for reading without ever blocking: on unix with `O_NONBLOCK`, which a named pipe swapped in after
/// the type check would otherwise need (opening a FIFO for reading waits for a writer). Regular files ignore it.
pub fn open_read_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Opens a named pipe for writing only when a program is reading from it (instead of waiting forever), then
/// switches it back to ordinary blocking writes.
#[cfg(unix)]
#[allow(unsafe_code)] // the one place: std has no safe way to clear O_NONBLOCK on an open descriptor
pub fn open_pipe_for_writing(path: &Path) -> std::io::Result<File> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    let file = OpenOptions::new().write(true).custom_flags(libc::O_NONBLOCK).open(path).map_err(|e| {
        if e.raw_os_error() == Some(libc::ENXIO) {
            std::io::Error::new(e.kind(), "it is a named pipe (FIFO) and no program is reading from it")
        } else {
            e
        }
    })?;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is an open descriptor owned by `file` for the duration of both calls.
    let ok = unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) >= 0
    };
    if !ok {
        return Err(std::io::Error::last_os_error());
    }
    Ok(file)
}
