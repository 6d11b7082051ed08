//! Figures and the briefing report from the planner: drawn from the plan's data by the same code as the CLI
//! (`crate::figure`, `crate::briefing`), on a background thread so the window keeps responding; the file is
//! written atomically.

use std::path::{Path, PathBuf};

use crate::data::Dataset;
use crate::engine::Allocation;
use crate::figure::{FigureSpec, Kind};
use crate::lang::Lang;
use crate::scenario::Scenario;

use super::charts::ChartView;
use super::task::{Task, TaskError};
use super::view_state::{Tab, ViewState};

/// A file on its way: the answer arrives when the task is done.
pub struct PendingChart {
    pub path: PathBuf,
    pub task: Result<Task<(), String>, TaskError<String>>,
}

impl PendingChart {
    /// How writing the file ended, once it has.
    pub fn poll(&mut self) -> Option<Result<(), TaskError<String>>> {
        match &mut self.task {
            Ok(task) => task.poll(),
            Err(e) => Some(Err(e.clone())),
        }
    }

    /// Blocks until the file is written, at most `limit` (tests).
    #[cfg(test)]
    pub fn wait(&mut self, limit: std::time::Duration) {
        if let Ok(task) = &mut self.task {
            task.wait(limit);
        }
    }
}

/// The plan, copied for a background thread.
pub struct PlanCopy {
    pub dataset: Dataset,
    pub scenario: Scenario,
    pub allocation: Allocation,
    pub date: String,
    /// The open year's status, for the briefing's year section.
    pub year: Option<crate::year::YearStatus>,
}

impl PlanCopy {
    fn plan(&self) -> crate::figure::Plan<'_> {
        crate::figure::Plan {
            dataset: &self.dataset,
            scenario: &self.scenario,
            allocation: &self.allocation,
            date: &self.date,
        }
    }
}

/// The figure of what the central area shows: the map with its measure, the chart in view, the waterfall of
/// the selected municipality, or (elsewhere) the county totals.
pub fn figure_for_view(view: &ViewState, dataset: &Dataset, lang: Lang) -> FigureSpec {
    let kind = match view.tab {
        Tab::Map => Kind::Map,
        Tab::Charts => match view.charts.0.view {
            ChartView::Top => Kind::Top,
            ChartView::Concentration => Kind::Concentration,
            _ => Kind::Counties,
        },
        Tab::Explain if view.selected.is_some() => Kind::Waterfall,
        _ => Kind::Counties,
    };
    let mut spec = FigureSpec::new(kind, lang);
    if kind == Kind::Map {
        spec.measure = view.map.0.measure().clone();
    }
    spec.code = view.selected.and_then(|row| dataset.municipalities.get(row)).map(|m| m.code.clone());
    spec
}

fn spawn(path: &Path, ctx: &egui::Context, work: impl FnOnce() -> Result<(), String> + Send + 'static) -> PendingChart {
    PendingChart { path: path.to_path_buf(), task: Task::spawn("figure", Some(ctx.clone()), move |_| work()) }
}

/// Draws the figure into `path` (SVG or PNG by its extension) on a background thread.
pub fn request_figure(ctx: &egui::Context, plan: PlanCopy, spec: FigureSpec, path: &Path) -> PendingChart {
    let target = path.to_path_buf();
    spawn(path, ctx, move || crate::figure::write_figure(&target, &plan.plan(), &spec).map_err(|e| e.to_string()))
}

/// Writes the briefing report to `path` on a background thread.
pub fn request_briefing(ctx: &egui::Context, plan: PlanCopy, lang: Lang, path: &Path) -> PendingChart {
    let target = path.to_path_buf();
    spawn(path, ctx, move || {
        let input = crate::briefing::BriefingInput {
            plan: plan.plan(),
            reference: None,
            board: None,
            year: plan.year.as_ref(),
            lang,
        };
        crate::briefing::write_briefing(&target, &input).map_err(|e| format!("{e:#}"))
    })
}
