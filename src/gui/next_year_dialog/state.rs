//! The dialog's state: the two columns and the new total, the running fit and its outcome.

use crate::calibrate::{Transition, calibrate_transition, moved_on, reference_from_column};
use crate::data::{ColumnRole, Dataset};
use crate::engine::allocate;
use crate::gui::calibrate_dialog::reference_columns;
use crate::gui::task::Job;
use crate::scenario::{Scenario, Target};

/// A finished fit: its backtest and the plan it gives for next year.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub transition: Transition,
    /// The fitted scenario moved one year on: it starts from last year's column at the new total.
    pub plan: Scenario,
    /// Municipalities the plan asks.
    pub asked: usize,
    pub last: String,
    pub before: String,
    /// The document revision the fit was made from.
    pub revision: u64,
}

pub struct NextYearDialog {
    /// The columns offered (counts of persons; requests first).
    pub columns: Vec<String>,
    pub last: Option<String>,
    pub before: Option<String>,
    pub target: u32,
    /// The fit, running or done.
    pub job: Job<Planned>,
}

impl NextYearDialog {
    /// Last year is the latest request column, the year before the one before it.
    pub fn new(dataset: &Dataset, scenario: &Scenario) -> Self {
        let columns = reference_columns(dataset);
        // The requests in time order, by the year their role gives.
        let mut requests: Vec<(i32, &String)> = dataset
            .roles()
            .filter_map(|(c, role)| match role {
                ColumnRole::Request { year } => Some((year, &c.meta.id)),
                _ => None,
            })
            .filter(|(_, id)| columns.contains(id))
            .collect();
        requests.sort();
        let last = requests.last().map(|(_, c)| (*c).clone());
        let before = requests.len().checked_sub(2).and_then(|i| requests.get(i)).map(|(_, c)| (*c).clone());
        NextYearDialog { columns, last, before, target: scenario.target.total.max(1), job: Job::default() }
    }

    /// Both columns chosen, and not the same one.
    pub fn ready(&self) -> bool {
        matches!((&self.last, &self.before), (Some(l), Some(b)) if l != b)
    }

    /// Starts the fit on its own thread; the previous outcome is dropped.
    pub fn run(&mut self, dataset: &Dataset, scenario: &Scenario, revision: u64, repaint: Option<egui::Context>) {
        let (Some(last), Some(before)) = (self.last.clone(), self.before.clone()) else { return };
        let (dataset, scenario, target) = (dataset.clone(), scenario.clone(), self.target);
        self.job.start("next-year", repaint, move |_| {
            plan(&dataset, &scenario, &last, &before, target).map(|(transition, plan, asked)| Planned {
                transition,
                plan,
                asked,
                last,
                before,
                revision,
            })
        });
    }
}

/// The fit on before → last, and the plan from last at `target` (the scenario's minors, at most the target).
fn plan(
    dataset: &Dataset,
    scenario: &Scenario,
    last: &str,
    before: &str,
    target: u32,
) -> Result<(Transition, Scenario, usize), String> {
    let reference = reference_from_column(dataset, last).map_err(|e| e.to_string())?;
    let transition = calibrate_transition(dataset, scenario, before, &reference, None)
        .map_err(|e| format!("{before} → {last}: {e}"))?;
    let plan = moved_on(&transition.scenario, last, Target { total: target, ..scenario.target });
    let asked = allocate(dataset, &plan).map_err(|e| e.to_string())?.asked;
    Ok((transition, plan, asked))
}
