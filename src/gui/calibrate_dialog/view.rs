//! The dialog: reference and options, progress while the search runs, then the fitted weights, the fit and
//! the scatter of model against reference.

use std::time::Duration;

use egui::{Color32, ComboBox, Context, Grid, Id, Modal, ProgressBar, RichText, Ui};

use super::texts::CalibrateTexts;
use super::worker::Fitted;
use super::{CalibrateCmd, CalibrateDialog, RefChoice};
use crate::data::Dataset;
use crate::gui::command::Command;
use crate::gui::modal::DialogContext;
use crate::gui::next_year_dialog as next_year;
use crate::gui::panels::widgets::{column_name, count_field};
use crate::lang::Lang;
use crate::numfmt;

/// How often the progress bar moves while the search runs.
const PROGRESS_EVERY: Duration = Duration::from_millis(60);
const WIDTH: f32 = 820.0;
const SCATTER: egui::Vec2 = egui::vec2(400.0, 330.0);

pub fn show(ctx: &Context, d: &mut CalibrateDialog, dc: &DialogContext<'_>, cmds: &mut Vec<Command>) {
    let (lang, picking, dataset) = (dc.lang, dc.picking, dc.dataset);
    let locks: Vec<(String, u32)> = dc
        .scenario
        .overrides
        .iter()
        .filter_map(|(code, o)| match o {
            crate::scenario::Override::Lock(n) => {
                Some((dataset.index_of_code(code).map_or_else(|| code.clone(), |r| dataset.display_name(r)), *n))
            }
            _ => None,
        })
        .collect();
    d.job.poll();
    if d.job.is_running() {
        ctx.request_repaint_after(PROGRESS_EVERY);
    }
    let t = CalibrateTexts::get(lang);
    let mut to_next_year = Vec::new();
    let response = Modal::new(Id::unique("calibrate weights")).show(ctx, |ui| {
        ui.set_width(WIDTH);
        ui.heading(t.title);
        ui.label(RichText::new(t.intro).weak());
        if !locks.is_empty() {
            // Locked municipalities keep their number whatever the weights: they shape what the fit can reach.
            let total: u64 = locks.iter().map(|(_, n)| u64::from(*n)).sum();
            let names: Vec<String> = locks
                .iter()
                .take(4)
                .map(|(name, n)| format!("{name} {}", numfmt::integer(f64::from(*n), lang)))
                .collect();
            let more = if locks.len() > 4 { ", …" } else { "" };
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "🔒 {} {} ({}{more}). {}",
                    t.locks,
                    numfmt::integer(total as f64, lang),
                    names.join(", "),
                    t.locks_tail
                ),
            );
        }
        ui.add_space(6.0);
        let mut out = Vec::new();
        let running = d.job.is_running();
        ui.add_enabled_ui(!running, |ui| options(ui, d, dataset, lang, picking, &mut out));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ready = !running && d.reference.is_some();
            if ui.add_enabled(ready, egui::Button::new(t.run)).clicked() {
                out.push(CalibrateCmd::Run);
            }
            if let Some(share) = d.job.status() {
                ui.spinner();
                ui.label(t.running);
                ui.add(ProgressBar::new(share).desired_width(260.0).show_percentage());
                if ui.button(t.cancel).clicked() {
                    out.push(CalibrateCmd::Cancel);
                }
            }
        });
        if let Some(Err(e)) = &d.job.outcome {
            ui.add_space(4.0);
            ui.colored_label(Color32::from_rgb(200, 40, 40), format!("{} {e}", t.failed));
        }
        if let Some(f) = d.job.done() {
            ui.separator();
            results(ui, f, dataset, lang);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let can_accept = d.job.done().is_some() && !running;
            if ui.add_enabled(can_accept, egui::Button::new(t.accept)).on_hover_text(t.accept_tip).clicked() {
                out.push(CalibrateCmd::Accept);
            }
            let close = if d.job.done().is_some() { t.discard } else { t.close };
            if ui.button(close).clicked() {
                out.push(CalibrateCmd::Close);
            }
            // Fitting to last year's request is half of next year's: the fit on a transition is one step away.
            ui.separator();
            next_year::menu_item(ui, lang, !running, &mut to_next_year);
        });
        out
    });
    let close = response.should_close();
    cmds.extend(response.inner.into_iter().map(Command::Calibrate));
    if close || !to_next_year.is_empty() {
        cmds.push(Command::Calibrate(CalibrateCmd::Close));
    }
    cmds.append(&mut to_next_year);
}

fn options(
    ui: &mut Ui,
    d: &mut CalibrateDialog,
    dataset: &Dataset,
    lang: Lang,
    picking: bool,
    out: &mut Vec<CalibrateCmd>,
) {
    let t = CalibrateTexts::get(lang);
    Grid::new("calibrate.options").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        let label = ui.label(t.reference).on_hover_text(t.reference_tip);
        ui.vertical(|ui| {
            reference_combo(ui, d, dataset, lang, picking, out).labelled_by(label.id);
            if let Some(RefChoice::Csv(path)) = &d.reference {
                ui.label(RichText::new(path.display().to_string()).weak());
            }
            if d.columns.is_empty() {
                ui.label(RichText::new(t.no_columns).weak());
            }
        });
        ui.end_row();

        let label = ui.label(t.target).on_hover_text(t.target_tip);
        ui.horizontal(|ui| {
            let total = match &d.reference {
                Some(RefChoice::Column(id)) => dataset.column(id).map(|c| c.values.iter().flatten().sum::<f64>()),
                _ => None,
            };
            let own = match total {
                Some(sum) => format!("{} ({})", t.reference_total, numfmt::integer(sum.round(), lang)),
                None => t.reference_total.to_owned(),
            };
            ui.checkbox(&mut d.use_reference_total, own).on_hover_text(t.target_tip);
            if !d.use_reference_total {
                let (r, v) = count_field(ui, d.target, 1..=1_000_000, 10.0, lang);
                r.labelled_by(label.id);
                d.target = v;
            }
        });
        ui.end_row();

        ui.label("");
        ui.checkbox(&mut d.fit_exponent, t.fit_exponent).on_hover_text(t.fit_exponent_tip);
        ui.end_row();

        ui.label("");
        ui.checkbox(&mut d.include_continuity, t.continuity).on_hover_text(t.continuity_tip);
        ui.end_row();
    });
}

/// The dataset's usable columns, then "CSV file…" (which opens the file dialog).
fn reference_combo(
    ui: &mut Ui,
    d: &mut CalibrateDialog,
    dataset: &Dataset,
    lang: Lang,
    picking: bool,
    out: &mut Vec<CalibrateCmd>,
) -> egui::Response {
    let t = CalibrateTexts::get(lang);
    let selected = match &d.reference {
        Some(RefChoice::Column(id)) => column_name(dataset, id, lang),
        Some(RefChoice::Csv(path)) => {
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
        }
        None => t.choose.to_owned(),
    };
    ComboBox::from_id_salt("calibrate.reference")
        .selected_text(selected)
        .width(360.0)
        .truncate()
        .show_ui(ui, |ui| {
            for id in &d.columns {
                let is = matches!(&d.reference, Some(RefChoice::Column(c)) if c == id);
                if ui.selectable_label(is, column_name(dataset, id, lang)).on_hover_text(id).clicked() {
                    d.reference = Some(RefChoice::Column(id.clone()));
                }
            }
            ui.separator();
            let is_csv = matches!(d.reference, Some(RefChoice::Csv(_)));
            let csv = ui.add_enabled(!picking, egui::Button::selectable(is_csv, t.csv_file)).on_hover_text(t.csv_tip);
            if csv.clicked() {
                out.push(CalibrateCmd::PickCsv);
            }
        })
        .response
        .on_hover_text(t.reference_tip)
}

fn results(ui: &mut Ui, f: &Fitted, dataset: &Dataset, lang: Lang) {
    let t = CalibrateTexts::get(lang);
    let c = &f.calibration;
    ui.label(format!(
        "{} {} ({} {}, {} {})",
        t.fitted_to,
        f.reference_name,
        t.target.to_lowercase(),
        numfmt::integer(f64::from(f.target), lang),
        numfmt::integer(f.asked as f64, lang),
        t.asked
    ));
    ui.add_space(4.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(WIDTH - SCATTER.x - 24.0);
            Grid::new("calibrate.weights").num_columns(3).striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
                ui.label(RichText::new(t.criterion).strong());
                number(ui, RichText::new(t.now).strong());
                number(ui, RichText::new(t.fitted).strong());
                ui.end_row();
                for (k, (id, share)) in c.weights.iter().enumerate() {
                    ui.label(id.label(lang));
                    let before = f.before_weights.get(k).copied().unwrap_or(0.0);
                    number(ui, RichText::new(numfmt::percent(before, 1, lang)));
                    number(ui, RichText::new(numfmt::percent(*share, 1, lang)).strong());
                    ui.end_row();
                }
                ui.label(t.size_exponent);
                number(ui, RichText::new(numfmt::decimal(f.before_exponent, 2, lang)));
                number(ui, RichText::new(numfmt::decimal(c.size_exponent, 3, lang)).strong());
                ui.end_row();
            });
            ui.add_space(10.0);
            ui.label(RichText::new(t.fit).strong());
            Grid::new("calibrate.fit").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
                ui.label(t.mae).on_hover_text(t.mae_tip);
                ui.label(format!("{} {}", numfmt::decimal(c.fit.mae, 2, lang), t.persons));
                ui.end_row();
                ui.label(t.agreement).on_hover_text(t.agreement_tip);
                ui.label(numfmt::percent(c.fit.asked_agreement, 1, lang));
                ui.end_row();
                ui.label("R²").on_hover_text(t.r2_tip);
                ui.label(numfmt::decimal(c.fit.r2, 3, lang));
                ui.end_row();
            });
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!("{} {}", numfmt::integer(c.evaluations as f64, lang), t.evaluations)).weak(),
            );
        });
        super::scatter::show(ui, &f.points, dataset, lang, SCATTER);
    });
}

/// Numbers line up on the right of a column of fixed width (a right-to-left cell alone would take all the
/// width there is).
fn number(ui: &mut Ui, text: RichText) {
    let size = egui::vec2(70.0, ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center), |ui| ui.label(text));
}
