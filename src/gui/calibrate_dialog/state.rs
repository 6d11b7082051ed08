//! The dialog's state: the reference chosen, the options, the running search and its outcome.

use std::path::PathBuf;

use super::worker::{Fitted, Job, fit};
use crate::calibrate::{CalibrateOptions, reference_from_column};
use crate::data::{ColumnRole, Dataset, Kind};
use crate::gui::task::Job as Running;
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
    /// The search, running or done; its status is the share of it done.
    pub job: Running<Fitted, f32>,
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
            job: Running::default(),
        }
    }

    pub fn options(&self) -> CalibrateOptions {
        CalibrateOptions {
            fit_exponent: self.fit_exponent,
            target: (!self.use_reference_total).then_some(self.target),
            include_continuity: self.include_continuity,
        }
    }

    /// Starts the search on a background thread; the previous outcome is dropped. `repaint` is asked for as it
    /// goes and when the search ends.
    pub fn run(&mut self, dataset: &Dataset, scenario: &Scenario, revision: u64, repaint: Option<egui::Context>) {
        let Some(source) = self.reference.clone() else { return };
        let job =
            Job { dataset: dataset.clone(), scenario: scenario.clone(), source, options: self.options(), revision };
        self.job.start("calibrate", repaint, move |progress| fit(&job, progress));
    }
}
