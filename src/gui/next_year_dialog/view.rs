//! The dialog: the two columns and the new total, a spinner while the fit runs, then the backtest beside the
//! baseline and the plan's key figures.

use std::time::Duration;

use egui::{Color32, ComboBox, Context, Grid, Id, Modal, RichText, Ui};

use super::texts::NextYearTexts;
use super::{NextYearCmd, NextYearDialog, Planned};
use crate::data::Dataset;
use crate::gui::command::Command;
use crate::gui::modal::DialogContext;
use crate::gui::panels::widgets::{column_name, count_field};
use crate::lang::Lang;
use crate::numfmt;

/// How often the window looks for the result while the fit runs.
const POLL_EVERY: Duration = Duration::from_millis(100);
const WIDTH: f32 = 560.0;

pub fn show(ctx: &Context, d: &mut NextYearDialog, dc: &DialogContext<'_>, cmds: &mut Vec<Command>) {
    let (lang, dataset) = (dc.lang, dc.dataset);
    d.job.poll();
    if d.job.is_running() {
        ctx.request_repaint_after(POLL_EVERY);
    }
    let t = NextYearTexts::get(lang);
    let response = Modal::new(Id::unique("next year's request")).show(ctx, |ui| {
        ui.set_width(WIDTH);
        ui.heading(t.title);
        ui.label(RichText::new(t.intro).weak());
        ui.add_space(6.0);
        let mut out = Vec::new();
        let running = d.job.is_running();
        ui.add_enabled_ui(!running, |ui| choices(ui, d, dataset, lang));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.add_enabled(!running && d.ready(), egui::Button::new(t.run)).clicked() {
                out.push(NextYearCmd::Run);
            }
            if running {
                ui.spinner();
                ui.label(t.running);
                if ui.button(t.cancel).clicked() {
                    out.push(NextYearCmd::Cancel);
                }
            }
        });
        if let Some(Err(e)) = &d.job.outcome {
            ui.colored_label(Color32::from_rgb(200, 40, 40), format!("{} {e}", t.failed));
        }
        if let Some(p) = d.job.done() {
            ui.separator();
            results(ui, p, lang);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.add_enabled(d.job.done().is_some() && !running, egui::Button::new(t.accept)).clicked() {
                out.push(NextYearCmd::Accept);
            }
            if ui.button(t.close).clicked() {
                out.push(NextYearCmd::Close);
            }
        });
        out
    });
    let close = response.should_close();
    cmds.extend(response.inner.into_iter().map(Command::NextYear));
    if close {
        cmds.push(Command::NextYear(NextYearCmd::Close));
    }
}

fn choices(ui: &mut Ui, d: &mut NextYearDialog, dataset: &Dataset, lang: Lang) {
    let t = NextYearTexts::get(lang);
    if d.columns.len() < 2 {
        ui.label(t.too_few);
        return;
    }
    Grid::new("next year choices").num_columns(2).show(ui, |ui| {
        for (label, chosen) in [(t.last, &mut d.last), (t.before, &mut d.before)] {
            let name = ui.label(label);
            let shown = chosen.as_deref().map_or_else(String::new, |id| column_name(dataset, id, lang));
            ComboBox::from_id_salt(label)
                .selected_text(shown)
                .width(300.0)
                .show_ui(ui, |ui| {
                    for id in &d.columns {
                        ui.selectable_value(chosen, Some(id.clone()), column_name(dataset, id, lang));
                    }
                })
                .response
                .labelled_by(name.id);
            ui.end_row();
        }
        let name = ui.label(t.target);
        let (response, target) = count_field(ui, d.target, 1..=1_000_000, 10.0, lang);
        response.labelled_by(name.id);
        d.target = target;
        ui.end_row();
    });
    if d.last.is_some() && d.last == d.before {
        ui.colored_label(ui.visuals().warn_fg_color, t.same);
    }
}

fn results(ui: &mut Ui, p: &Planned, lang: Lang) {
    let t = NextYearTexts::get(lang);
    let tr = &p.transition;
    let d2 = |v: f64| numfmt::decimal(v, 2, lang);
    ui.label(RichText::new(format!("{} → {}", p.before, p.last)).strong());
    Grid::new("next year fit").num_columns(2).show(ui, |ui| {
        let share = tr.scenario.start.as_ref().map_or(0.0, |s| s.criteria_share);
        let rows = [
            (t.share, numfmt::percent(share, 1, lang)),
            (t.mae, d2(tr.fit.mae)),
            (t.baseline, d2(tr.baseline.mae)),
            (t.loco, d2(tr.loco_mae)),
            (t.agreement, numfmt::percent(tr.fit.asked_agreement, 1, lang)),
            (t.asked, p.asked.to_string()),
        ];
        for (label, value) in rows {
            ui.label(label);
            ui.label(value);
            ui.end_row();
        }
    });
}
