//! The dialog's state: the two columns and the new total, the running fit and its outcome.

use crate::calibrate::{Transition, calibrate_transition, moved_on, reference_from_column};
use crate::data::Dataset;
use crate::engine::allocate;
use crate::gui::calibrate_dialog::reference_columns;
use crate::gui::task::Task;
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

type Worker = Task<Planned, String, ()>;

pub struct NextYearDialog {
    /// The columns offered (counts of persons; requests first).
    pub columns: Vec<String>,
    pub last: Option<String>,
    pub before: Option<String>,
    pub target: u32,
    running: Option<Worker>,
    pub outcome: Option<Result<Box<Planned>, String>>,
}

impl NextYearDialog {
    /// Last year is the latest request column, the year before the one before it.
    pub fn new(dataset: &Dataset, scenario: &Scenario) -> Self {
        let columns = reference_columns(dataset);
        // Request columns are named by year (`anmodning_2019`), so their order by name is their order in time.
        let mut requests: Vec<&String> = columns.iter().filter(|c| c.starts_with("anmodning")).collect();
        requests.sort();
        let last = requests.last().map(|c| (*c).clone());
        let before = requests.len().checked_sub(2).and_then(|i| requests.get(i)).map(|c| (*c).clone());
        NextYearDialog { columns, last, before, target: scenario.target.total.max(1), running: None, outcome: None }
    }

    /// Both columns chosen, and not the same one.
    pub fn ready(&self) -> bool {
        matches!((&self.last, &self.before), (Some(l), Some(b)) if l != b)
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    pub fn planned(&self) -> Option<&Planned> {
        self.outcome.as_ref().and_then(|o| o.as_ref().ok()).map(|p| &**p)
    }

    /// Starts the fit on its own thread; the previous outcome is dropped.
    pub fn run(&mut self, dataset: &Dataset, scenario: &Scenario, revision: u64, repaint: Option<egui::Context>) {
        let (Some(last), Some(before)) = (self.last.clone(), self.before.clone()) else { return };
        self.cancel();
        self.outcome = None;
        let (dataset, scenario, target) = (dataset.clone(), scenario.clone(), self.target);
        let task = Task::spawn("next-year", repaint, move |_| {
            plan(&dataset, &scenario, &last, &before, target).map(|(transition, plan, asked)| Planned {
                transition,
                plan,
                asked,
                last,
                before,
                revision,
            })
        });
        match task {
            Ok(worker) => self.running = Some(worker),
            Err(e) => self.outcome = Some(Err(e.to_string())),
        }
    }

    /// Stops the fit; its result is dropped when it arrives.
    pub fn cancel(&mut self) {
        if let Some(worker) = self.running.take() {
            worker.cancel();
        }
    }

    /// Takes the fit's result once it is there. Never waits.
    pub fn poll(&mut self) {
        let Some(worker) = &mut self.running else { return };
        if let Some(outcome) = worker.poll() {
            self.running = None;
            self.outcome = Some(outcome.map(Box::new).map_err(|e| e.to_string()));
        }
    }

    /// Waits up to `limit` for the fit to end (tests).
    #[cfg(test)]
    pub fn wait(&mut self, limit: std::time::Duration) -> bool {
        let Some(worker) = &mut self.running else { return true };
        if worker.wait(limit) {
            self.poll();
        }
        self.running.is_none()
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
