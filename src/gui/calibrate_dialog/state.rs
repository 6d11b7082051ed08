//! The dialog's state: the reference chosen, the options, the running search and its outcome.

use std::path::PathBuf;

use super::worker::{Fitted, Job, Worker, start};
use crate::calibrate::{CalibrateOptions, reference_from_column};
use crate::data::{ColumnRole, Dataset, Kind};
use crate::scenario::Scenario;

/// Where the reference allocation comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum RefChoice {
    /// A dataset column id.
    Column(String),
    Csv(PathBuf),
}

/// Dataset columns a calibration can use as reference: counts of persons (extensive), never negative and not
/// zero everywhere; requests and decisions of earlier years are the usual choice.
pub fn reference_columns(dataset: &Dataset) -> Vec<String> {
    dataset
        .columns
        .iter()
        .filter(|c| c.meta.kind == Kind::Extensive && reference_from_column(dataset, &c.meta.id).is_ok())
        .map(|c| c.meta.id.clone())
        .collect()
}

pub struct CalibrateDialog {
    /// The columns offered as references (the dataset cannot change while the dialog is open).
    pub columns: Vec<String>,
    pub reference: Option<RefChoice>,
    pub fit_exponent: bool,
    /// Fit at the reference's own sum (as the CLI does by default); otherwise at `target`.
    pub use_reference_total: bool,
    pub target: u32,
    pub include_continuity: bool,
    pub(super) running: Option<Worker>,
    pub outcome: Option<Result<Box<Fitted>, String>>,
}

impl CalibrateDialog {
    /// The reference starts at the scenario's reference column when it can be one, else the newest year's
    /// request (by its role), else the first usable column.
    pub fn new(dataset: &Dataset, scenario: &Scenario) -> Self {
        let columns = reference_columns(dataset);
        let own = scenario.reference_column.as_ref().filter(|id| columns.contains(id));
        let request = dataset
            .roles()
            .filter_map(|(c, role)| match role {
                ColumnRole::Request { year } => Some((year, &c.meta.id)),
                _ => None,
            })
            .filter(|(_, id)| columns.contains(id))
            .max_by_key(|(year, _)| *year)
            .map(|(_, id)| id);
        let reference = own.or(request).or(columns.first()).cloned().map(RefChoice::Column);
        CalibrateDialog {
            columns,
            reference,
            fit_exponent: false,
            use_reference_total: true,
            target: scenario.target.total.max(1),
            include_continuity: false,
            running: None,
            outcome: None,
        }
    }

    pub fn options(&self) -> CalibrateOptions {
        CalibrateOptions {
            fit_exponent: self.fit_exponent,
            target: (!self.use_reference_total).then_some(self.target),
            include_continuity: self.include_continuity,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Share of the search done (0–1) while it runs.
    pub fn progress(&self) -> Option<f32> {
        self.running.as_ref().map(|w| w.status().clamp(0.0, 1.0))
    }

    /// The finished calibration, if the last run succeeded.
    pub fn fitted(&self) -> Option<&Fitted> {
        self.outcome.as_ref().and_then(|o| o.as_ref().ok()).map(|f| &**f)
    }

    /// Starts the search on a background thread; the previous outcome is dropped. `repaint` is asked for when
    /// the search ends.
    pub fn run(&mut self, dataset: &Dataset, scenario: &Scenario, revision: u64, repaint: Option<egui::Context>) {
        let Some(source) = self.reference.clone() else { return };
        self.cancel();
        self.outcome = None;
        let job =
            Job { dataset: dataset.clone(), scenario: scenario.clone(), source, options: self.options(), revision };
        match start(job, repaint) {
            Ok(worker) => self.running = Some(worker),
            Err(e) => self.outcome = Some(Err(e.to_string())),
        }
    }

    /// Stops the search; its result is dropped when it arrives.
    pub fn cancel(&mut self) {
        if let Some(worker) = self.running.take() {
            worker.cancel();
        }
    }

    /// Takes the search's result once it is there. Never waits.
    pub fn poll(&mut self) {
        let Some(worker) = &mut self.running else { return };
        if let Some(outcome) = worker.poll() {
            self.running = None;
            self.outcome = Some(outcome.map(Box::new).map_err(|e| e.to_string()));
        }
    }

    /// Waits up to `limit` for the search to end (tests).
    #[cfg(test)]
    pub fn wait(&mut self, limit: std::time::Duration) -> bool {
        let Some(worker) = &mut self.running else { return true };
        if worker.wait(limit) {
            self.poll();
        }
        self.running.is_none()
    }
}
