//! The Explain tab: why the selected municipality gets its number (a waterfall and plain sentences), how its
//! request moves with each weight, how the whole plan reacts to ±10 points on each weight, and every
//! municipality's request over a range of targets.
//!
//! The explanation is cheap and cached per result, row and language. The sweeps take longer than a frame
//! and run on a thread (`job`), keyed on the result's generation: they rerun when the scenario changes, not
//! when the selection does (the whole-plan sweep holds every municipality's curve).

mod job;
mod picker;
pub mod sensitivity;
pub mod target_range;
pub mod texts;
pub mod tornado;
pub mod waterfall;

#[cfg(test)]
mod tests;

use egui::RichText;

use crate::analysis::{PlanSweep, TargetRange, TornadoBar, explain, explain_sentences, target_range, whole_plan_sweep};
use crate::engine::{AllocError, Allocation};
use crate::gui::command::Command;
use crate::gui::table::RangeColumn;
use crate::gui::view::{ViewAction, ViewContext};
use crate::lang::Lang;
use crate::numfmt;
use job::Job;
pub use target_range::{RangeSettings, Span};
use texts::ExplainTexts;
use waterfall::WaterfallBar;

/// Weight shares per criterion in the sweep: whole percents.
pub const SWEEP_STEPS: usize = 101;

/// What the tab shows below the municipality line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Steps,
    Weights,
    Plan,
    Target,
}

impl Section {
    pub const ALL: [Section; 4] = [Section::Steps, Section::Weights, Section::Plan, Section::Target];

    fn title(self, t: &ExplainTexts) -> (&'static str, &'static str) {
        match self {
            Section::Steps => (t.steps, t.steps_tip),
            Section::Weights => (t.weights, t.weights_tip),
            Section::Plan => (t.plan, t.plan_tip),
            Section::Target => (t.target, t.target_tip),
        }
    }
}

/// What the tab asks for (applied in `App::apply`).
#[derive(Debug, Clone, PartialEq)]
pub enum ExplainCmd {
    Section(Section),
    SetRange(Span),
    /// Back to today's target ±20 %.
    ResetRange,
    /// Show or hide the range column in the results table.
    RangeInTable(bool),
}

/// One municipality's explanation, ready to draw.
struct Explained {
    sentences: Vec<String>,
    bars: Vec<WaterfallBar>,
}

type ExplainKey = (u64, usize, Lang);

/// State of the Explain tab, kept in the view state.
#[derive(Default)]
pub struct ExplainState {
    pub section: Section,
    pub range: RangeSettings,
    /// The municipality search field.
    pub search: String,
    explained: Option<(ExplainKey, Explained)>,
    sweep: Job<u64, Vec<PlanSweep>>,
    tornado: Job<u64, Result<Vec<TornadoBar>, AllocError>>,
    ranges: Job<(u64, Span), TargetRange>,
}

impl ExplainState {
    pub fn apply(&mut self, cmd: ExplainCmd) {
        match cmd {
            ExplainCmd::Section(s) => self.section = s,
            ExplainCmd::SetRange(span) => self.range.custom = Some(span),
            ExplainCmd::ResetRange => self.range.custom = None,
            ExplainCmd::RangeInTable(on) => self.range.in_table = on,
        }
    }

    /// Starts the computations the visible views need. Called every frame, whichever tab is shown (the
    /// table's range column needs the target range too).
    pub fn update(&mut self, ctx: &ViewContext, generation: u64, tab_shown: bool, egui_ctx: &egui::Context) {
        if ctx.allocation.is_err() {
            return;
        }
        let (dataset, scenario) = (ctx.dataset, ctx.scenario);
        if tab_shown && self.section == Section::Weights {
            self.sweep.want(&generation, egui_ctx, || {
                let (d, s) = (dataset.clone(), scenario.clone());
                move || whole_plan_sweep(&d, &s, SWEEP_STEPS)
            });
        }
        if tab_shown && self.section == Section::Plan {
            self.tornado.want(&generation, egui_ctx, || {
                let (d, s) = (dataset.clone(), scenario.clone());
                move || crate::analysis::tornado(&d, &s, tornado::POINTS)
            });
        }
        if (tab_shown && self.section == Section::Target) || self.range.in_table {
            let span = self.range.span(scenario.target.total);
            self.ranges.want(&(generation, span), egui_ctx, || {
                let (d, s) = (dataset.clone(), scenario.clone());
                move || target_range(&d, &s, span.from, span.to, span.step)
            });
        }
    }

    /// The results table's range column while it is switched on; its cells wait ("…") while the range for
    /// the current result is computed.
    pub fn range_column(&self, ctx: &ViewContext, generation: u64) -> Option<RangeColumn<'_>> {
        if !self.range.in_table {
            return None;
        }
        let t = ExplainTexts::get(ctx.lang);
        let span = self.range.span(ctx.scenario.target.total);
        let int = |v: u32| numfmt::integer(f64::from(v), ctx.lang);
        Some(RangeColumn {
            rows: self.ranges.get(&(generation, span)).map(|r| r.rows.as_slice()),
            header: t.range_column.to_owned(),
            tip: format!("{} {}–{}", t.range_column_tip, int(span.from), int(span.to)),
        })
    }

    /// Waits for every computation in progress (tests).
    #[cfg(test)]
    pub fn wait_for_jobs(&mut self) {
        let limit = std::time::Duration::from_secs(120);
        self.sweep.wait(limit);
        self.tornado.wait(limit);
        self.ranges.wait(limit);
    }

    #[cfg(test)]
    pub fn is_busy(&self) -> bool {
        self.sweep.is_running() || self.tornado.is_running() || self.ranges.is_running()
    }

    fn explained(&mut self, ctx: &ViewContext, allocation: &Allocation, generation: u64, row: usize) -> &Explained {
        let key = (generation, row, ctx.lang);
        if self.explained.as_ref().is_some_and(|(k, _)| *k != key) {
            self.explained = None;
        }
        let (_, explained) = self.explained.get_or_insert_with(|| {
            let e = explain(ctx.dataset, ctx.scenario, allocation, row);
            let sentences = explain_sentences(&e, ctx.dataset, ctx.scenario, allocation, ctx.lang);
            let bars = waterfall::bars(&e, ctx.lang);
            (key, Explained { sentences, bars })
        });
        explained
    }
}

pub fn show(
    ui: &mut egui::Ui,
    ctx: &ViewContext,
    state: &mut ExplainState,
    generation: u64,
    cmds: &mut Vec<Command>,
) -> Vec<ViewAction> {
    let t = ExplainTexts::get(ctx.lang);
    let mut actions = Vec::new();
    let allocation = match ctx.allocation {
        Ok(a) => a,
        Err(e) => {
            ui.heading(t.no_result);
            ui.colored_label(ui.visuals().error_fg_color, e.to_string());
            return actions;
        }
    };
    let selected = ctx.selected.filter(|&r| r < ctx.dataset.len() && r < allocation.rows.len());
    ui.horizontal_wrapped(|ui| {
        for section in Section::ALL {
            let (title, tip) = section.title(t);
            if ui.selectable_label(state.section == section, title).on_hover_text(tip).clicked() {
                cmds.push(Command::Explain(ExplainCmd::Section(section)));
            }
        }
        ui.separator();
        let label = ui.label(t.municipality);
        egui::ComboBox::from_id_salt("explain.choose")
            .selected_text(selected.map_or(t.choose, |r| ctx.dataset.municipalities[r].name.as_str()))
            .width(200.0)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show_ui(ui, |ui| {
                ui.set_min_width(320.0);
                if let Some(r) = picker::show(ui, ctx.dataset, &mut state.search, ctx.lang, 320.0) {
                    actions.push(ViewAction::Select(Some(r)));
                    ui.close();
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.separator();
    if let Some(row) = selected {
        municipality_line(ui, ctx, allocation, row);
        ui.add_space(4.0);
    } else if matches!(state.section, Section::Steps | Section::Weights) {
        ui.heading(t.none_selected);
        ui.label(t.how_to_select);
        ui.add_space(4.0);
        let height = ui.available_height().max(120.0);
        if let Some(r) = picker::show(ui, ctx.dataset, &mut state.search, ctx.lang, height) {
            actions.push(ViewAction::Select(Some(r)));
        }
        return actions;
    }
    match (state.section, selected) {
        (Section::Steps, Some(row)) => steps(ui, ctx, allocation, state, generation, row),
        (Section::Weights, Some(row)) => weights(ui, ctx, allocation, state, generation, row),
        (Section::Plan, _) => plan(ui, ctx, allocation, state, generation),
        (Section::Target, _) => target(ui, ctx, allocation, state, generation, selected, cmds),
        (Section::Steps | Section::Weights, None) => {}
    }
    actions
}

/// "Bodø (1804), Nordland   Anmodning: 74, herav 6 enslige mindreårige".
fn municipality_line(ui: &mut egui::Ui, ctx: &ViewContext, allocation: &Allocation, row: usize) {
    let t = ExplainTexts::get(ctx.lang);
    let m = &ctx.dataset.municipalities[row];
    let r = &allocation.rows[row];
    let int = |v: u32| numfmt::integer(f64::from(v), ctx.lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{} ({}), {}", m.name, m.code, m.county_name)).heading().strong());
        ui.add_space(12.0);
        let mut request = format!("{}: {}", t.request, int(r.allocation));
        if r.minors > 0 {
            let minors =
                if r.minors == 1 { t.minors_one.to_owned() } else { t.minors_count.replace("{}", &int(r.minors)) };
            request.push_str(&format!(" ({minors})"));
        }
        if !r.asked() {
            request.push_str(&format!(" ({})", t.not_asked));
        }
        ui.label(RichText::new(request).heading());
    });
}

fn steps(
    ui: &mut egui::Ui,
    ctx: &ViewContext,
    allocation: &Allocation,
    state: &mut ExplainState,
    generation: u64,
    row: usize,
) {
    let t = ExplainTexts::get(ctx.lang);
    let lang = ctx.lang;
    let explained = state.explained(ctx, allocation, generation, row);
    let available = ui.available_size();
    let plot_height = (explained.bars.len() as f32 * 34.0 + 70.0).clamp(200.0, available.y.max(200.0));
    let sentences = |ui: &mut egui::Ui| {
        ui.label(RichText::new(t.in_words).strong());
        egui::ScrollArea::vertical().id_salt("explain.sentences").auto_shrink([false, true]).show(ui, |ui| {
            for s in &explained.sentences {
                ui.label(s);
                ui.add_space(2.0);
            }
        });
    };
    let key = |ui: &mut egui::Ui| {
        let c = waterfall::Colours::for_visuals(ui.visuals());
        crate::gui::charts::palette::key(
            ui,
            &[(c.up, t.up), (c.down, t.down), (c.total, t.total), (c.minors, t.minors_part)],
        );
    };
    if available.x >= 900.0 {
        // Side by side: the chart and the sentences it draws.
        let plot_width = (available.x * 0.58).floor();
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(plot_width);
                key(ui);
                waterfall::show(ui, &explained.bars, lang, egui::vec2(plot_width, plot_height));
            });
            ui.separator();
            ui.vertical(|ui| sentences(ui));
        });
    } else {
        key(ui);
        waterfall::show(ui, &explained.bars, lang, egui::vec2(available.x, plot_height.min(available.y * 0.55)));
        ui.add_space(6.0);
        sentences(ui);
    }
}

fn computing(ui: &mut egui::Ui, lang: Lang) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.weak(ExplainTexts::get(lang).computing);
    });
}

fn weights(
    ui: &mut egui::Ui,
    ctx: &ViewContext,
    allocation: &Allocation,
    state: &mut ExplainState,
    generation: u64,
    row: usize,
) {
    let t = ExplainTexts::get(ctx.lang);
    ui.label(t.weights_intro);
    let Some((sweep, fresh)) = state.sweep.latest(&generation) else {
        computing(ui, ctx.lang);
        return;
    };
    if !fresh {
        computing(ui, ctx.lang);
    }
    let refused = sensitivity::refused_points(sweep);
    if refused > 0 {
        ui.weak(format!("{} {}", numfmt::integer(refused as f64, ctx.lang), t.refused_points));
    }
    let curves = sensitivity::curves_for_row(sweep, row);
    let height = (ui.available_height() - 40.0 - 24.0 * (curves.len() as f32 + 1.0)).max(220.0);
    sensitivity::show(ui, &curves, &allocation.weights, allocation.rows[row].allocation, ctx.lang, height);
}

fn plan(ui: &mut egui::Ui, ctx: &ViewContext, allocation: &Allocation, state: &mut ExplainState, generation: u64) {
    let t = ExplainTexts::get(ctx.lang);
    ui.label(t.plan_intro);
    let Some((bars, fresh)) = state.tornado.latest(&generation) else {
        computing(ui, ctx.lang);
        return;
    };
    if !fresh {
        computing(ui, ctx.lang);
    }
    match bars {
        Ok(bars) => {
            let rows = tornado::rows(bars, &allocation.weights);
            let height = (ui.available_height() - 40.0 - 24.0 * (rows.len() as f32 + 1.0)).max(220.0);
            tornado::show(ui, &rows, ctx.dataset, ctx.lang, height);
        }
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e.to_string());
        }
    }
}

fn target(
    ui: &mut egui::Ui,
    ctx: &ViewContext,
    allocation: &Allocation,
    state: &mut ExplainState,
    generation: u64,
    selected: Option<usize>,
    cmds: &mut Vec<Command>,
) {
    let t = ExplainTexts::get(ctx.lang);
    let target = ctx.scenario.target.total;
    ui.label(t.target_intro);
    target_range::controls(ui, &state.range, target, ctx.lang, cmds);
    ui.separator();
    let span = state.range.span(target);
    let Some((range, fresh)) = state.ranges.latest(&(generation, span)) else {
        computing(ui, ctx.lang);
        return;
    };
    if !fresh {
        computing(ui, ctx.lang);
    }
    if selected.is_none() {
        ui.weak(t.select_for_range);
    }
    let selected = selected.map(|r| (r, allocation.rows[r].allocation));
    egui::ScrollArea::vertical().id_salt("explain.range").auto_shrink([false, true]).show(ui, |ui| {
        target_range::summary(ui, range, ctx.dataset, selected, target, ctx.lang);
    });
}
