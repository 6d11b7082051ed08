//! Work off the UI thread, one way for all of it (file dialogs, figures, imports, SSB requests, calibration,
//! sensitivity sweeps): spawn a closure, poll for its result each frame, cancel it, read its status. The
//! closure gets a [`Progress`] to report its status and to learn that it was cancelled; the window is asked
//! to draw again at each report and when the work ends.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, Mutex, PoisonError};

/// Why a task gave no result.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TaskError<E> {
    /// The work itself failed.
    #[error("{0}")]
    Failed(E),
    /// No thread could be started.
    #[error("the work could not be started: {0}")]
    Spawn(String),
    /// The thread ended without an answer (it panicked).
    #[error("the work stopped unexpectedly")]
    Stopped,
}

struct Shared<S> {
    status: Mutex<S>,
    cancelled: AtomicBool,
    repaint: Option<egui::Context>,
}

impl<S> Shared<S> {
    fn nudge(&self) {
        if let Some(ctx) = &self.repaint {
            ctx.request_repaint();
        }
    }
}

/// The work's side: report the status, ask whether to stop.
pub struct Progress<S> {
    shared: Arc<Shared<S>>,
}

impl<S> Progress<S> {
    pub fn report(&self, status: S) {
        *self.shared.status.lock().unwrap_or_else(PoisonError::into_inner) = status;
        self.shared.nudge();
    }

    /// True once the task was cancelled or dropped: the work may stop, its result is not read.
    pub fn cancelled(&self) -> bool {
        self.shared.cancelled.load(Ordering::Relaxed)
    }
}

/// Work running on its own thread: its result `T` or error `E`, and its status `S` while it runs.
/// Dropping the task cancels it.
pub struct Task<T, E, S = ()> {
    rx: Receiver<Result<T, E>>,
    shared: Arc<Shared<S>>,
    /// A result already received by [`Task::wait`], kept for the next poll.
    arrived: Option<Result<T, E>>,
}

impl<T, E, S> Task<T, E, S>
where
    T: Send + 'static,
    E: Send + 'static,
    S: Clone + Default + Send + 'static,
{
    /// Runs `work` on a thread named `name`; `repaint` is asked to draw at each report and at the end.
    pub fn spawn(
        name: &str,
        repaint: Option<egui::Context>,
        work: impl FnOnce(&Progress<S>) -> Result<T, E> + Send + 'static,
    ) -> Result<Self, TaskError<E>> {
        let (tx, rx) = channel();
        let shared = Arc::new(Shared { status: Mutex::new(S::default()), cancelled: AtomicBool::new(false), repaint });
        let progress = Progress { shared: Arc::clone(&shared) };
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let result = work(&progress);
                // A cancelled task has no one waiting for it.
                let _ = tx.send(result);
                progress.shared.nudge();
            })
            .map_err(|e| TaskError::Spawn(e.to_string()))?;
        Ok(Task { rx, shared, arrived: None })
    }

    /// The result once the work has ended; `None` while it runs. Never waits.
    pub fn poll(&mut self) -> Option<Result<T, TaskError<E>>> {
        if let Some(result) = self.arrived.take() {
            return Some(result.map_err(TaskError::Failed));
        }
        match self.rx.try_recv() {
            Ok(result) => Some(result.map_err(TaskError::Failed)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(TaskError::Stopped)),
        }
    }

    /// The status last reported.
    pub fn status(&self) -> S {
        self.shared.status.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Asks the work to stop; its result, if it still comes, is not read.
    pub fn cancel(&self) {
        self.shared.cancelled.store(true, Ordering::Relaxed);
    }

    /// Blocks until the work has ended, at most `limit`; the result is left for [`Task::poll`]. Returns
    /// whether it ended (tests).
    #[cfg(test)]
    pub fn wait(&mut self, limit: std::time::Duration) -> bool {
        if self.arrived.is_none() {
            match self.rx.recv_timeout(limit) {
                Ok(result) => self.arrived = Some(result),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => return false,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {}
            }
        }
        true
    }
}

/// A dialog's one piece of work at a time and what it last gave: starting again cancels the run before and
/// drops its outcome; a cancelled run's result is never read.
pub struct Job<T, S = ()> {
    running: Option<Task<T, String, S>>,
    /// The last run's result (or why there is none), once it has ended.
    pub outcome: Option<Result<Box<T>, String>>,
}

impl<T, S> Default for Job<T, S> {
    fn default() -> Self {
        Job { running: None, outcome: None }
    }
}

impl<T, S> Job<T, S>
where
    T: Send + 'static,
    S: Clone + Default + Send + 'static,
{
    /// Runs `work` on a thread named `name`, in place of any run before.
    pub fn start(
        &mut self,
        name: &str,
        repaint: Option<egui::Context>,
        work: impl FnOnce(&Progress<S>) -> Result<T, String> + Send + 'static,
    ) {
        self.cancel();
        self.outcome = None;
        match Task::spawn(name, repaint, work) {
            Ok(task) => self.running = Some(task),
            Err(e) => self.outcome = Some(Err(e.to_string())),
        }
    }

    /// Stops the run; its result is dropped when it arrives.
    pub fn cancel(&mut self) {
        if let Some(task) = self.running.take() {
            task.cancel();
        }
    }

    /// Takes the run's result once it is there. Never waits.
    pub fn poll(&mut self) {
        let Some(task) = &mut self.running else { return };
        if let Some(outcome) = task.poll() {
            self.running = None;
            self.outcome = Some(outcome.map(Box::new).map_err(|e| e.to_string()));
        }
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The status last reported, while it runs.
    pub fn status(&self) -> Option<S> {
        self.running.as_ref().map(Task::status)
    }

    /// The result of the last run, when it succeeded.
    pub fn done(&self) -> Option<&T> {
        self.outcome.as_ref().and_then(|o| o.as_ref().ok()).map(|t| &**t)
    }

    /// Waits up to `limit` for the run to end and takes its result; whether it ended (tests).
    #[cfg(test)]
    pub fn wait(&mut self, limit: std::time::Duration) -> bool {
        let Some(task) = &mut self.running else { return true };
        if task.wait(limit) {
            self.poll();
        }
        self.running.is_none()
    }
}

impl<T, E, S> Drop for Task<T, E, S> {
    /// Work nobody waits for stops as soon as it looks.
    fn drop(&mut self) {
        self.shared.cancelled.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::sync_channel;
    use std::time::Duration;

    const LIMIT: Duration = Duration::from_secs(30);

    #[test]
    fn the_result_and_the_last_status_come_back() {
        let (go, wait) = sync_channel::<()>(0);
        let mut task: Task<u32, String, f32> = Task::spawn("test", None, move |p| {
            p.report(0.5);
            let _ = wait.recv();
            Ok(42)
        })
        .unwrap();
        assert!(task.poll().is_none(), "still running");
        go.send(()).unwrap();
        assert!(task.wait(LIMIT));
        assert_eq!(task.poll(), Some(Ok(42)));
        assert_eq!(task.status(), 0.5);
    }

    #[test]
    fn errors_are_typed_and_a_panic_is_a_stop() {
        let mut failed: Task<(), &str> = Task::spawn("test", None, |_| Err("no file")).unwrap();
        assert!(failed.wait(LIMIT));
        assert_eq!(failed.poll(), Some(Err(TaskError::Failed("no file"))));
        let mut panicked: Task<(), ()> = Task::spawn("test", None, |_| panic!("on purpose")).unwrap();
        assert!(panicked.wait(LIMIT));
        assert_eq!(panicked.poll(), Some(Err(TaskError::Stopped)));
    }

    #[test]
    fn cancelling_reaches_the_work() {
        let (seen, saw) = sync_channel::<bool>(1);
        let (go, wait) = sync_channel::<()>(0);
        let task: Task<(), ()> = Task::spawn("test", None, move |p| {
            let _ = wait.recv();
            let _ = seen.send(p.cancelled());
            Ok(())
        })
        .unwrap();
        task.cancel();
        go.send(()).unwrap();
        assert_eq!(saw.recv_timeout(LIMIT), Ok(true));
    }

    #[test]
    fn a_job_keeps_the_last_runs_outcome_and_a_new_run_cancels_the_old() {
        let (go, wait) = sync_channel::<()>(0);
        let mut job: Job<u32, f32> = Job::default();
        job.start("test", None, move |p| {
            p.report(0.25);
            let _ = wait.recv();
            Ok(1)
        });
        assert!(job.is_running());
        // The second run replaces the first: the first's answer is never read.
        job.start("test", None, |_| Ok(2));
        drop(go);
        assert!(job.wait(LIMIT));
        assert_eq!(job.done(), Some(&2));
        assert_eq!(job.status(), None, "no status once it has ended");
        job.start("test", None, |_| Err("no reference".to_owned()));
        assert!(job.wait(LIMIT));
        assert_eq!(job.outcome, Some(Err("no reference".to_owned())));
        assert_eq!(job.done(), None);
        // Cancelled: no outcome at all.
        let (_hold, wait) = sync_channel::<()>(0);
        job.start("test", None, move |_| {
            let _ = wait.recv();
            Ok(3)
        });
        job.cancel();
        assert!(!job.is_running() && job.outcome.is_none());
    }
}
