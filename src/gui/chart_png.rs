//! Figures and the briefing report from the planner: drawn from the plan's data by the same code as the CLI
//! (`crate::figure`, `crate::briefing`), on a background thread so the window keeps responding; the file is
//! written atomically.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::data::Dataset;
use crate::engine::Allocation;
use crate::figure::{FigureSpec, Kind, MapMeasure};
use crate::lang::Lang;
use crate::scenario::Scenario;

use super::charts::ChartView;
use super::map_view::Measure;
use super::view_state::{Tab, ViewState};

/// A file on its way: the answer arrives when the thread is done.
pub struct PendingChart {
    pub path: PathBuf,
    pub rx: Receiver<Result<(), String>>,
}

/// The plan, copied for a background thread.
pub struct PlanCopy {
    pub dataset: Dataset,
    pub scenario: Scenario,
    pub allocation: Allocation,
    pub date: String,
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
        spec.measure = match view.map.0.measure() {
            Measure::Request => MapMeasure::Request,
            Measure::PerThousand => MapMeasure::PerThousand,
            Measure::Difference => MapMeasure::Difference,
            Measure::Column(id) => MapMeasure::Column(id.clone()),
            // Printed maps draw plan measures and indicators; the follow-up statuses print as the request.
            Measure::FollowUp { .. } => MapMeasure::Request,
        };
    }
    spec.code = view.selected.and_then(|row| dataset.municipalities.get(row)).map(|m| m.code.clone());
    spec
}

fn spawn(path: &Path, ctx: &egui::Context, work: impl FnOnce() -> Result<(), String> + Send + 'static) -> PendingChart {
    let (tx, rx) = channel();
    let repaint = ctx.clone();
    let spawned = std::thread::Builder::new().name("figure".into()).spawn(move || {
        // The window may be gone already; then nobody needs the answer.
        let _ = tx.send(work());
        repaint.request_repaint();
    });
    let (tx_err, rx_err) = channel();
    match spawned {
        Ok(_) => PendingChart { path: path.to_path_buf(), rx },
        Err(e) => {
            let _ = tx_err.send(Err(e.to_string()));
            PendingChart { path: path.to_path_buf(), rx: rx_err }
        }
    }
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
        let input = crate::briefing::BriefingInput { plan: plan.plan(), reference: None, board: None, lang };
        crate::briefing::write_briefing(&target, &input).map_err(|e| format!("{e:#}"))
    })
}
