//! A computation that runs off the UI thread and is cached by its key.
//!
//! The sweeps take tens of milliseconds (more in a debug build), longer than a frame: they run on a thread,
//! one at a time per job, and the view keeps showing the last finished result until the new one is in. When
//! the key changes while a run is busy (a slider drag), the latest key starts once the run is done; keys
//! passed in between are skipped.

use std::convert::Infallible;
#[cfg(test)]
use std::time::Duration;

use crate::gui::task::Task;

pub struct Job<K, V> {
    done: Option<(K, V)>,
    running: Option<(K, Task<V, Infallible>)>,
    /// A key whose run ended without a value (a panic): not started again.
    failed: Option<K>,
}

impl<K, V> Default for Job<K, V> {
    fn default() -> Self {
        Job { done: None, running: None, failed: None }
    }
}

impl<K: Clone + PartialEq, V: Send + 'static> Job<K, V> {
    /// Makes sure a value for `key` is there or on its way. `work` is only called when a run starts.
    pub fn want<W>(&mut self, key: &K, ctx: &egui::Context, work: impl FnOnce() -> W)
    where
        W: FnOnce() -> V + Send + 'static,
    {
        self.poll();
        let has = |slot: Option<&K>| slot.is_some_and(|k| k == key);
        if has(self.done.as_ref().map(|(k, _)| k)) || has(self.failed.as_ref()) || self.running.is_some() {
            return;
        }
        let run = work();
        match Task::spawn("explain-sensitivity", Some(ctx.clone()), move |_| Ok(run())) {
            Ok(task) => self.running = Some((key.clone(), task)),
            Err(_) => self.failed = Some(key.clone()),
        }
    }

    /// Takes a finished run's value.
    pub fn poll(&mut self) {
        let Some((key, task)) = &mut self.running else { return };
        match task.poll() {
            Some(Ok(value)) => {
                self.done = Some((key.clone(), value));
                self.running = None;
            }
            None => {}
            Some(Err(_)) => {
                self.failed = Some(key.clone());
                self.running = None;
            }
        }
    }

    /// The last finished value, and whether it belongs to `key` (else a newer one is being computed).
    pub fn latest(&self, key: &K) -> Option<(&V, bool)> {
        self.done.as_ref().map(|(k, v)| (v, k == key))
    }

    /// The value for `key`, when it is done.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.done.as_ref().filter(|(k, _)| k == key).map(|(_, v)| v)
    }

    #[cfg(test)]
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Blocks until the run in progress (if any) is done, at most `limit`. For tests and shutdown.
    #[cfg(test)]
    pub fn wait(&mut self, limit: Duration) {
        let Some((_, task)) = &mut self.running else { return };
        if task.wait(limit) {
            self.poll();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_once_per_key_and_keeps_the_last_value_while_the_next_runs() {
        let ctx = egui::Context::default();
        let mut job: Job<u32, u32> = Job::default();
        let mut starts = 0;
        job.want(&1, &ctx, || {
            starts += 1;
            || 10
        });
        job.wait(Duration::from_secs(10));
        assert_eq!(job.get(&1), Some(&10));
        job.want(&1, &ctx, || {
            starts += 1;
            || 11
        });
        assert_eq!(starts, 1, "a done key does not run again");
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        job.want(&2, &ctx, || move || rx.recv().map_or(0, |()| 20));
        // Key 3 arrives while 2 is busy: 2's run goes on, the old value stays visible and marked stale.
        job.want(&3, &ctx, || || 30);
        assert!(job.is_running());
        assert_eq!(job.latest(&3), Some((&10, false)));
        tx.send(()).unwrap();
        job.wait(Duration::from_secs(10));
        assert_eq!(job.latest(&3), Some((&20, false)));
        job.want(&3, &ctx, || || 30);
        job.wait(Duration::from_secs(10));
        assert_eq!(job.get(&3), Some(&30));
    }

    #[test]
    fn a_run_that_panics_is_not_repeated() {
        let ctx = egui::Context::default();
        let mut job: Job<u32, u32> = Job::default();
        job.want(&1, &ctx, || || panic!("broken run"));
        job.wait(Duration::from_secs(10));
        assert!(!job.is_running());
        let mut again = false;
        job.want(&1, &ctx, || {
            again = true;
            || 1
        });
        assert!(!again);
        assert_eq!(job.get(&1), None);
    }
}
