//! Signals around a save. A write cut short by the file-size limit (`ulimit -f`) is an error like any other:
//! by default the system kills the process with SIGXFSZ, with no message and the temporary file left behind;
//! ignored, the write fails with "File too large" instead, which is reported, and the temporary is removed.
//! An interrupt (Ctrl-C, SIGTERM, SIGHUP) during a save is held until the save is done or undone, so it never
//! leaves a temporary or half of a pair of files; then it takes effect as usual.

/// Makes the file-size limit an error of the write rather than a signal. Called once, first thing in `main`.
#[allow(unsafe_code)] // the one call: std has no safe way to set a signal's disposition
pub fn report_file_size_limit() {
    #[cfg(unix)]
    // SAFETY: setting SIGXFSZ to SIG_IGN installs no handler and touches no memory of this program.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// While alive, the calling thread holds SIGINT, SIGTERM and SIGHUP back; dropped, it restores the thread's
/// signal mask, and a signal that arrived meanwhile is delivered then. (A command writes from its one thread;
/// in the planner a signal may be taken by another thread, which is no worse than without it.)
pub(super) struct HeldSignals {
    #[cfg(unix)]
    previous: libc::sigset_t,
}

#[allow(unsafe_code)] // sigset_t and pthread_sigmask have no safe wrapper in std
pub(super) fn hold_signals() -> HeldSignals {
    #[cfg(unix)]
    // SAFETY: both sets are initialised by sigemptyset before use; pthread_sigmask only reads `held` and
    // writes `previous`, which outlives the call.
    unsafe {
        let mut held: libc::sigset_t = std::mem::zeroed();
        let mut previous: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut held);
        libc::sigemptyset(&mut previous);
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            libc::sigaddset(&mut held, signal);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &held, &mut previous);
        HeldSignals { previous }
    }
    #[cfg(not(unix))]
    HeldSignals {}
}

impl Drop for HeldSignals {
    #[allow(unsafe_code)] // restoring the mask saved by hold_signals
    fn drop(&mut self) {
        #[cfg(unix)]
        // SAFETY: `previous` was filled by pthread_sigmask in hold_signals.
        unsafe {
            libc::pthread_sigmask(libc::SIG_SETMASK, &self.previous, std::ptr::null_mut());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[allow(unsafe_code)]
    fn blocked(signal: i32) -> bool {
        // SAFETY: `now` is initialised by sigemptyset and filled by pthread_sigmask.
        unsafe {
            let mut now: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut now);
            libc::pthread_sigmask(libc::SIG_BLOCK, std::ptr::null(), &mut now);
            libc::sigismember(&now, signal) == 1
        }
    }

    #[test]
    fn signals_are_held_during_a_save_and_released_after() {
        assert!(!blocked(libc::SIGTERM));
        {
            let _held = hold_signals();
            assert!(blocked(libc::SIGINT) && blocked(libc::SIGTERM) && blocked(libc::SIGHUP));
        }
        assert!(!blocked(libc::SIGTERM) && !blocked(libc::SIGINT));
    }
}
