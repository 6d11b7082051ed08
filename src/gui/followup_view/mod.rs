//! The Follow-up tab (Oppfølging): the sent request against the municipalities' decisions — nationally, per
//! county and per municipality with status colours — and from there a shortfall round or a revision, each
//! opened as the plan (table, charts, map, Explain, Compare and exports as any plan). The numbers come from
//! `crate::followup`; this is only their face.

mod apply;
mod outlook;
pub use apply::FollowUpFile;
mod state;
mod table;
mod texts;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use egui::{Color32, RichText, Ui};

use crate::export::ExportFormat;
use crate::followup::{Among, Answer, FollowUp, ReviseMode};
use crate::gui::command::Command;
use crate::gui::view::{ViewAction, ViewContext};
use crate::lang::Lang;
use crate::numfmt;
use crate::scenario::Scenario;

pub use state::{FollowUpState, RequestSource, StatusSort, StatusView, count_columns, order};
pub use texts::FollowUpTexts;

/// What the Follow-up tab asks for. Its choices and sorting are edited in place (view state).
#[derive(Debug, Clone, PartialEq)]
pub enum FollowUpCmd {
    /// Makes the shortfall round of the current choices the plan (one undo step).
    ShortfallRound,
    /// Makes the revision of the current choices the plan (one undo step).
    Revise,
    /// Opens a derived plan (a shortfall round or a revision) as the document's scenario.
    UsePlan(Box<DerivedPlan>),
    /// Colours the map by the follow-up status and shows it.
    ShowOnMap,
    /// Shows the save dialog for an export of the status.
    ExportDialog(ExportFormat),
    /// Writes the status (asks first when the file exists).
    Export(PathBuf, ExportFormat),
}

/// A shortfall round or a revision, ready to open. When the sent request was the open plan, that plan is kept
/// as a column of the dataset (`sent_column`), which the derived plan starts from and is shown beside.
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedPlan {
    pub scenario: Scenario,
    /// The dataset with the sent plan recorded; `None` when the request was a dataset column already.
    pub dataset: Option<crate::data::Dataset>,
    pub sent_column: Option<String>,
}

/// The status colour of an answer, as the table, the map and the workbook show it.
pub fn answer_colour(answer: Answer) -> Option<Color32> {
    answer.rgb().map(|[r, g, b]| Color32::from_rgb(r, g, b))
}

pub fn show(ui: &mut Ui, ctx: &ViewContext, state: &mut FollowUpState, cmds: &mut Vec<Command>) -> Vec<ViewAction> {
    let t = FollowUpTexts::get(ctx.lang);
    choosers(ui, ctx, state);
    ui.separator();
    let Some(result) = state.compute(ctx.dataset, ctx.scenario, ctx.allocation.ok()) else {
        ui.label(t.choose_first);
        return Vec::new();
    };
    let f = match result {
        Ok(f) => f,
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e.to_string());
            return Vec::new();
        }
    };
    summary(ui, &f, state.outlook.get(ctx.dataset, &f), ctx.lang);
    legend(ui, &f, state, ctx.lang);
    ui.separator();
    let mut actions = Vec::new();
    let side = egui::Panel::right("followup.side").resizable(true).default_size(340.0).show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("followup.side.scroll").show(ui, |ui| {
            actions_panel(ui, ctx, state, &f, cmds);
            ui.separator();
            ui.strong(t.counties);
            table::counties(ui, &f, ctx.lang);
        });
    });
    let rows = order(ctx.dataset, &f, &state.table);
    // The table stays left of the side panel, clipped there, whatever its columns ask for.
    let mut rect = ui.available_rect_before_wrap();
    rect.max.x = rect.max.x.min(side.response.rect.left() - ui.spacing().item_spacing.x);
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.shrink_clip_rect(rect);
        if let Some(a) = table::municipalities(ui, ctx, &f, &mut state.table, &rows) {
            actions.push(a);
        }
    });
    actions
}

fn column_label(ctx: &ViewContext, id: &str) -> String {
    match ctx.dataset.column(id) {
        Some(c) => format!("{} ({id})", ctx.lang.pick(&c.meta.label.nb, &c.meta.label.en)),
        None => id.to_owned(),
    }
}

fn choosers(ui: &mut Ui, ctx: &ViewContext, state: &mut FollowUpState) {
    let t = FollowUpTexts::get(ctx.lang);
    let columns = count_columns(ctx.dataset);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.request).on_hover_text(t.request_tip);
        let current = match state.request(ctx.dataset) {
            Some(RequestSource::Column(id)) => column_label(ctx, &id),
            Some(RequestSource::Plan) => t.current_plan.to_owned(),
            None => t.choose.to_owned(),
        };
        egui::ComboBox::from_id_salt("followup.request")
            .selected_text(current)
            .width(220.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(state.request == Some(RequestSource::Plan), t.current_plan).clicked() {
                    state.request = Some(RequestSource::Plan);
                }
                for id in &columns {
                    let chosen = state.request == Some(RequestSource::Column((*id).to_owned()));
                    if ui.selectable_label(chosen, column_label(ctx, id)).clicked() {
                        state.request = Some(RequestSource::Column((*id).to_owned()));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(12.0);
        let label = ui.label(t.decisions).on_hover_text(t.decisions_tip);
        let current = state.decisions(ctx.dataset).map_or(t.choose.to_owned(), |id| column_label(ctx, &id));
        egui::ComboBox::from_id_salt("followup.decisions")
            .selected_text(current)
            .width(200.0)
            .show_ui(ui, |ui| {
                for id in &columns {
                    if ui.selectable_label(state.decisions.as_deref() == Some(id), column_label(ctx, id)).clicked() {
                        state.decisions = Some((*id).to_owned());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(12.0);
        let label = ui.label(t.settled).on_hover_text(t.settled_tip);
        let current = state.settled(ctx.dataset).map_or(t.none.to_owned(), |id| column_label(ctx, &id));
        egui::ComboBox::from_id_salt("followup.settled")
            .selected_text(current)
            .width(220.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(state.settled == Some(None), t.none).clicked() {
                    state.settled = Some(None);
                }
                for id in &columns {
                    let chosen = state.settled == Some(Some((*id).to_owned()));
                    if ui.selectable_label(chosen, column_label(ctx, id)).clicked() {
                        state.settled = Some(Some((*id).to_owned()));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The key figures; with a record of decisions, also decided so far plus the decisions to expect from the
/// not answered, against the target.
fn summary(ui: &mut Ui, f: &FollowUp, outlook: Option<&crate::expect::Outlook>, lang: Lang) {
    let t = FollowUpTexts::get(lang);
    let n = |v: f64| numfmt::integer(v, lang);
    let x = &f.national;
    let shortfall = f.shortfall(false);
    ui.horizontal_wrapped(|ui| {
        let big = |ui: &mut Ui, label: &str, value: String| {
            ui.vertical(|ui| {
                ui.weak(label);
                ui.label(RichText::new(value).size(20.0).strong());
            });
            ui.add_space(14.0);
        };
        big(ui, t.target, n(f64::from(f.target)));
        big(ui, t.requested, n(x.requested as f64));
        big(ui, t.decided, n(x.decided as f64));
        big(ui, t.coverage, format!("{} %", numfmt::decimal(f.coverage() * 100.0, 1, lang)));
        big(ui, t.shortfall, n(shortfall as f64));
        if x.decided > 0 && x.settled > 0 {
            let pct = numfmt::decimal(x.settled as f64 * 100.0 / x.decided as f64, 1, lang);
            big(ui, t.settled, format!("{} ({pct} % {})", n(x.settled as f64), t.settled_of_decided));
        }
    });
    if let Some(o) = outlook {
        outlook_figures(ui, o, lang);
    }
    ui.label(format!(
        "{}: {}   {}: {}   {}: {}   {}: {}   {}: {}",
        t.asked,
        x.asked,
        t.answered,
        x.answered,
        t.said_yes,
        x.said_yes,
        t.said_no,
        x.said_no,
        t.not_answered,
        x.not_answered
    ));
}

/// Decided so far plus the decisions to expect from the not answered, and the shortfall that leaves: a row of
/// their own, so the figures above never wrap.
fn outlook_figures(ui: &mut Ui, o: &crate::expect::Outlook, lang: Lang) {
    let t = FollowUpTexts::get(lang);
    let w = crate::lang::Words::get(lang);
    let n = |v: f64| numfmt::integer(v, lang);
    let (low, high) = o.range();
    ui.horizontal(|ui| {
        for (label, value, tip) in [
            (t.outlook, format!("{} ({}–{})", n(o.expected_total()), n(low), n(high)), w.decided_and_expected),
            (w.expected_shortfall, n(o.expected_shortfall().max(0.0)), w.expected_shortfall),
        ] {
            ui.vertical(|ui| {
                ui.weak(label);
                ui.label(RichText::new(value).size(16.0).strong());
            })
            .response
            .on_hover_text(tip);
            ui.add_space(14.0);
        }
    });
}

/// The status colours with their counts; a click filters the table by the status.
fn legend(ui: &mut Ui, f: &FollowUp, state: &mut FollowUpState, lang: Lang) {
    let t = FollowUpTexts::get(lang);
    ui.horizontal_wrapped(|ui| {
        if ui.selectable_label(state.table.answer.is_none(), t.all_statuses).clicked() {
            state.table.answer = None;
        }
        for answer in Answer::ALL {
            let count = f.rows.iter().filter(|r| r.answer == answer).count();
            let swatch = answer_colour(answer).unwrap_or(ui.visuals().weak_text_color());
            let text = RichText::new(format!("■ {} ({count})", answer.label(lang))).color(swatch);
            if ui.selectable_label(state.table.answer == Some(answer), text).clicked() {
                state.table.answer = if state.table.answer == Some(answer) { None } else { Some(answer) };
            }
        }
    });
}

fn actions_panel(ui: &mut Ui, ctx: &ViewContext, state: &mut FollowUpState, f: &FollowUp, cmds: &mut Vec<Command>) {
    let t = FollowUpTexts::get(ctx.lang);
    ui.horizontal_wrapped(|ui| {
        if ui.button(t.show_on_map).clicked() {
            cmds.push(Command::FollowUp(FollowUpCmd::ShowOnMap));
        }
        if ui.button(t.export_xlsx).clicked() {
            cmds.push(Command::FollowUp(FollowUpCmd::ExportDialog(ExportFormat::Xlsx)));
        }
        if ui.button(t.export_csv).clicked() {
            let style = crate::report::CsvStyle::ExcelNo;
            cmds.push(Command::FollowUp(FollowUpCmd::ExportDialog(ExportFormat::Csv(style))));
        }
    });
    ui.separator();
    ui.strong(t.shortfall_round);
    ui.horizontal(|ui| {
        let label = ui.label(t.among);
        egui::ComboBox::from_id_salt("followup.among")
            .selected_text(state.among.label(ctx.lang))
            .show_ui(ui, |ui| {
                for among in Among::ALL {
                    ui.selectable_value(&mut state.among, among, among.label(ctx.lang));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.checkbox(&mut state.count_unanswered, t.count_unanswered).on_hover_text(t.count_unanswered_tip);
    let shortfall = f.shortfall(state.count_unanswered);
    let button = egui::Button::new(format!("{} ({})", t.make_round, numfmt::integer(shortfall as f64, ctx.lang)));
    if ui.add_enabled(shortfall > 0, button).on_hover_text(t.make_round_tip).clicked() {
        cmds.push(Command::FollowUp(FollowUpCmd::ShortfallRound));
    }
    ui.separator();
    ui.strong(t.revise);
    let from_plan = matches!(state.request(ctx.dataset), Some(RequestSource::Plan));
    ui.horizontal(|ui| {
        let label = ui.label(t.new_target);
        let mut target = state.revise_target(ctx.scenario);
        if ui.add(egui::DragValue::new(&mut target).range(0..=10_000_000)).labelled_by(label.id).changed() {
            state.revise_target = Some(target);
        }
        let label = ui.label(t.mode);
        egui::ComboBox::from_id_salt("followup.mode")
            .selected_text(state.mode.label(ctx.lang))
            .show_ui(ui, |ui| {
                for mode in ReviseMode::ALL {
                    ui.selectable_value(&mut state.mode, mode, mode.label(ctx.lang));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.checkbox(&mut state.keep_decisions, t.keep_decisions);
    let tip = if from_plan { t.make_revision_from_plan_tip } else { t.make_revision_tip };
    if ui.button(t.make_revision).on_hover_text(tip).clicked() {
        cmds.push(Command::FollowUp(FollowUpCmd::Revise));
    }
}
