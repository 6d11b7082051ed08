//! A write cut short by the file-size limit (`ulimit -f`) is an error like any other: by default the system
//! kills the process with SIGXFSZ, with no message and the temporary file left behind. Ignored, the write
//! fails with "File too large" instead, which is reported, and the temporary is removed.

/// Makes the file-size limit an error of the write rather than a signal. Called once, first thing in `main`.
#[allow(unsafe_code)] // the one call: std has no safe way to set a signal's disposition
pub fn report_file_size_limit() {
    #[cfg(unix)]
    // SAFETY: setting SIGXFSZ to SIG_IGN installs no handler and touches no memory of this program.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}
