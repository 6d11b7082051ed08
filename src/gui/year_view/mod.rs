//! The Året (year) tab: the open settlement year — its follow-up figures and timeline from `year_status`,
//! a chart of requested, decided and settled over the year, and the next round (shortfall round, revision,
//! a request, decisions or settled counts from a column) made by the same `crate::year` functions the command
//! line calls. A round made here is unsent until *Send/Frys*; undo takes it back until then. A sent round is
//! taken back only by the confirmed *Trekk tilbake runden*, which keeps it on record in the file.

mod apply;
mod chart;
mod open_year;
mod prepare;
mod state;
mod texts;
pub mod withdraw;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use egui::{RichText, Ui};

pub use apply::YearFile;
pub use open_year::OpenYear;
pub use prepare::{RoundLine, YearTabData, prepare};
pub use state::YearViewState;
pub use texts::YearTexts;

use crate::followup::{Among, ReviseMode, table::FollowUpTableTexts};
use crate::gui::command::Command;
use crate::lang::Lang;
use crate::numfmt;
use crate::year::table::YearTableTexts;
use crate::year::{Revision, RoundKind};

/// What the next round is.
#[derive(Debug, Clone, PartialEq)]
pub enum RoundOrder {
    /// The plan at the need in force, or at `target` (total, minors).
    Request {
        target: Option<(u32, u32)>,
    },
    /// A round made elsewhere, its numbers from a dataset column.
    FromColumn {
        kind: RoundKind,
        column: String,
    },
    Shortfall {
        among: Among,
        count_unanswered: bool,
    },
    Revision(Revision),
    /// The request reconciled in the county round: its numbers and where they left the counties'.
    Reconciled {
        counts: crate::year::Counts,
        deviations: std::collections::BTreeMap<String, crate::county_round::RecordedDeviation>,
    },
}

/// What the Året tab asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum YearCmd {
    /// Shows the save dialog for a new year made from the open plan.
    NewDialog,
    OpenDialog,
    /// A new year from the open plan at `path` (saved at once).
    New(PathBuf),
    Open(PathBuf),
    /// Makes the next round; it stays unsent (one undo step).
    Make {
        order: RoundOrder,
        date: crate::year::Date,
        note: String,
    },
    /// Freezes the unsent rounds into the year file.
    Send {
        accept_warnings: bool,
    },
    /// Takes back the last unsent round.
    UndoRound,
    /// Asks before sent round `number` (from 1) is withdrawn.
    AskWithdraw(usize),
    /// The answer to "Withdraw the round": `true` withdraws with the reason typed.
    Withdraw(bool),
    /// Opens round `number` (from 1) as the document's plan.
    OpenRound(usize),
    /// A dated snapshot of decisions (`settled: false`) or settled counts from a column.
    Record {
        settled: bool,
        column: String,
        date: crate::year::Date,
    },
    ExportDialog,
    Export(PathBuf),
}

/// What the tab reads: the open year (if any), the columns its dataset offers, the language.
pub struct YearInputs<'a> {
    pub year: Option<&'a OpenYear>,
    pub lang: Lang,
    /// A file is being chosen: the file buttons wait.
    pub picking: bool,
}

pub fn show(ui: &mut Ui, inputs: &YearInputs<'_>, state: &mut YearViewState, cmds: &mut Vec<Command>) {
    let t = YearTexts::get(inputs.lang);
    let Some(open) = inputs.year else {
        ui.label(t.no_year);
        ui.horizontal(|ui| file_buttons(ui, inputs, cmds));
        return;
    };
    let data = open.prepared();
    ui.horizontal(|ui| {
        ui.heading(format!("{} {}", YearTableTexts::get(inputs.lang).year, data.year));
        ui.label(format!("{}: {}", t.year_file, open.name()));
        ui.separator();
        file_buttons(ui, inputs, cmds);
        if ui.add_enabled(!inputs.picking, egui::Button::new(t.export_xlsx)).clicked() {
            cmds.push(Command::Year(YearCmd::ExportDialog));
        }
    });
    if let Err(e) = &data.status {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    figures(ui, data);
    if let Ok(Some(r)) = data.status.as_ref().map(|s| s.reconsider) {
        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {}", r.message(inputs.lang)));
    }
    if !data.warnings.is_empty() {
        let warn = ui.visuals().warn_fg_color;
        ui.label(RichText::new(t.warnings).color(warn).strong());
        for w in &data.warnings {
            ui.label(RichText::new(format!("⚠ {w}")).color(warn));
        }
    }
    ui.separator();
    egui::Panel::right("year.side").resizable(true).default_size(320.0).show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("year.side.scroll").show(ui, |ui| {
            next_round(ui, open, state, inputs.lang, cmds);
        });
    });
    // The chart fits the area; both ways, so a wide timeline is clipped to it and never covers the side panel.
    let width = ui.available_width();
    egui::ScrollArea::both().id_salt("year.main").show(ui, |ui| {
        ui.strong(t.rounds);
        timeline(ui, data, state, inputs.lang, cmds);
        ui.add_space(8.0);
        ui.strong(t.chart_title);
        chart::show(ui, &data.series, inputs.lang, width - 12.0, 260.0);
        if !data.withdrawn.is_empty() {
            ui.add_space(8.0);
            ui.strong(t.withdrawn);
            for line in &data.withdrawn {
                ui.weak(line);
            }
        }
    });
}

fn file_buttons(ui: &mut Ui, inputs: &YearInputs<'_>, cmds: &mut Vec<Command>) {
    let t = YearTexts::get(inputs.lang);
    if ui.add_enabled(!inputs.picking, egui::Button::new(t.new_year)).clicked() {
        cmds.push(Command::Year(YearCmd::NewDialog));
    }
    if ui.add_enabled(!inputs.picking, egui::Button::new(t.open_year)).clicked() {
        cmds.push(Command::Year(YearCmd::OpenDialog));
    }
}

/// The follow-up figures, labelled and written as `bosetting year status` writes them.
fn figures(ui: &mut Ui, data: &YearTabData) {
    ui.horizontal_wrapped(|ui| {
        // The year and the date are in the heading.
        for (label, value) in data.figures.iter().skip(2) {
            ui.vertical(|ui| {
                ui.weak(*label);
                ui.label(RichText::new(value).size(20.0).strong());
            });
            ui.add_space(14.0);
        }
    });
}

fn timeline(ui: &mut Ui, data: &YearTabData, state: &mut YearViewState, lang: Lang, cmds: &mut Vec<Command>) {
    let t = YearTexts::get(lang);
    let y = YearTableTexts::get(lang);
    let f = FollowUpTableTexts::get(lang);
    let n = |v: f64| numfmt::integer(v, lang);
    let selected = state.round.filter(|&k| k < data.rounds.len()).or(data.rounds.len().checked_sub(1));
    egui::Grid::new("year.timeline").striped(true).spacing([12.0, 4.0]).show(ui, |ui| {
        for h in [y.round, "", y.date, y.kind, y.total, f.requested, f.decided, f.settled] {
            ui.strong(h);
        }
        ui.end_row();
        for (k, r) in data.rounds.iter().enumerate() {
            let number = ui.selectable_label(selected == Some(k), r.number.to_string());
            if number.clicked() {
                state.round = Some(k);
            }
            if r.sent {
                ui.label(RichText::new(format!("✔ {}", t.sent)).color(ui.visuals().hyperlink_color));
            } else {
                ui.label(RichText::new(t.unsent).color(ui.visuals().warn_fg_color).strong());
            }
            ui.label(r.date.to_string());
            let kind =
                if r.note.is_empty() { r.kind.label(lang).to_owned() } else { format!("{} ✱", r.kind.label(lang)) };
            ui.label(kind).on_hover_text(&r.note);
            ui.label(n(r.total as f64)).on_hover_text(format!(
                "{} {}, {} {}",
                r.municipalities,
                y.municipalities,
                y.need,
                n(f64::from(r.need))
            ));
            ui.label(n(r.requested as f64));
            ui.label(n(r.decided as f64));
            ui.label(n(r.settled as f64));
            ui.end_row();
        }
    });
    let Some(r) = selected.and_then(|k| data.rounds.get(k)) else { return };
    // What can be done with the round chosen (the last one unless another is clicked).
    let last_unsent = data.rounds.iter().rposition(|r| !r.sent);
    let first_unsent = data.rounds.iter().position(|r| !r.sent);
    let k = r.number - 1;
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} {}: {} {}", y.round, r.number, r.kind.label(lang), r.date));
        if ui.button(t.open_plan).on_hover_text(t.open_plan_tip).clicked() {
            cmds.push(Command::Year(YearCmd::OpenRound(r.number)));
        }
        if r.sent {
            if ui.button(t.withdraw).clicked() {
                cmds.push(Command::Year(YearCmd::AskWithdraw(r.number)));
            }
            return;
        }
        if first_unsent == Some(k) {
            let can = data.warnings.is_empty() || state.accept_warnings;
            if ui.add_enabled(can, egui::Button::new(t.send)).on_hover_text(t.send_tip).clicked() {
                cmds.push(Command::Year(YearCmd::Send { accept_warnings: state.accept_warnings }));
            }
        }
        if last_unsent == Some(k) && ui.button(t.undo_round).clicked() {
            cmds.push(Command::Year(YearCmd::UndoRound));
        }
    });
}

fn next_round(ui: &mut Ui, open: &OpenYear, state: &mut YearViewState, lang: Lang, cmds: &mut Vec<Command>) {
    let t = YearTexts::get(lang);
    let data = open.prepared();
    ui.heading(t.next_round);
    ui.horizontal(|ui| {
        let label = ui.label(t.date);
        ui.add(egui::TextEdit::singleline(&mut state.date).desired_width(100.0)).labelled_by(label.id);
    });
    let date = state.date();
    if date.is_none() {
        ui.colored_label(ui.visuals().error_fg_color, t.bad_date);
    }
    ui.horizontal(|ui| {
        let label = ui.label(t.note);
        ui.add(egui::TextEdit::singleline(&mut state.note).desired_width(220.0)).labelled_by(label.id);
    });
    if !data.warnings.is_empty() {
        ui.checkbox(&mut state.accept_warnings, t.accept_warnings);
    }
    ui.separator();
    ui.strong(t.from_column);
    let columns = crate::gui::followup_view::count_columns(&open.dataset);
    ui.horizontal(|ui| {
        let label = ui.label(t.column);
        egui::ComboBox::from_id_salt("year.column")
            .selected_text(state.column.clone().unwrap_or_else(|| t.choose.to_owned()))
            .show_ui(ui, |ui| {
                for id in &columns {
                    if ui.selectable_label(state.column.as_deref() == Some(id), *id).clicked() {
                        state.column = Some((*id).to_owned());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label(YearTableTexts::get(lang).kind);
        egui::ComboBox::from_id_salt("year.record_kind")
            .selected_text(state.record_kind.label(lang))
            .show_ui(ui, |ui| {
                for kind in RoundKind::ALL {
                    ui.selectable_value(&mut state.record_kind, kind, kind.label(lang));
                }
            })
            .response
            .labelled_by(label.id);
    });
    let column = state.column.clone();
    ui.add_enabled_ui(column.is_some() && date.is_some(), |ui| {
        if let (Some(column), Some(date)) = (column, date) {
            let order = RoundOrder::FromColumn { kind: state.record_kind, column: column.clone() };
            make_button(ui, t.record_round, Some(date), &state.note, order, cmds);
            if ui.button(t.record_decisions).clicked() {
                cmds.push(Command::Year(YearCmd::Record { settled: false, column: column.clone(), date }));
            }
            if ui.button(t.record_settled).clicked() {
                cmds.push(Command::Year(YearCmd::Record { settled: true, column, date }));
            }
        } else {
            let _ = ui.button(t.record_round);
            let _ = ui.button(t.record_decisions);
            let _ = ui.button(t.record_settled);
        }
    });
    ui.separator();
    ui.strong(RoundKind::Shortfall.label(lang));
    ui.horizontal(|ui| {
        let label = ui.label(t.among);
        egui::ComboBox::from_id_salt("year.among")
            .selected_text(state.among.label(lang))
            .show_ui(ui, |ui| {
                for among in Among::ALL {
                    ui.selectable_value(&mut state.among, among, among.label(lang));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.checkbox(&mut state.count_unanswered, t.count_unanswered);
    let shortfall = data.status.as_ref().map_or(0, |s| s.shortfall());
    let order = RoundOrder::Shortfall { among: state.among, count_unanswered: state.count_unanswered };
    make_button(
        ui,
        &format!("{} ({})", t.make_shortfall, numfmt::integer(shortfall as f64, lang)),
        date,
        &state.note,
        order,
        cmds,
    );

    ui.separator();
    ui.strong(RoundKind::Revision.label(lang));
    let need = data.status.as_ref().map_or(0, |s| s.target);
    ui.horizontal(|ui| {
        let label = ui.label(t.new_target);
        let mut target = state.revise_target.unwrap_or(need);
        if ui.add(egui::DragValue::new(&mut target).range(0..=10_000_000)).labelled_by(label.id).changed() {
            state.revise_target = Some(target);
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(t.mode);
        egui::ComboBox::from_id_salt("year.mode")
            .selected_text(state.mode.label(lang))
            .show_ui(ui, |ui| {
                for mode in ReviseMode::ALL {
                    ui.selectable_value(&mut state.mode, mode, mode.label(lang));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.checkbox(&mut state.keep_decisions, t.keep_decisions);
    ui.checkbox(&mut state.keep_bounds, t.keep_bounds);
    ui.horizontal(|ui| {
        let mut capped = state.ceiling.is_some();
        if ui.checkbox(&mut capped, t.ceiling).changed() {
            state.ceiling = capped.then_some(30.0);
        }
        if let Some(c) = &mut state.ceiling {
            ui.add(egui::DragValue::new(c).range(0.1..=1000.0).speed(0.5));
        }
    });
    let revision = Revision {
        target: state.revise_target.unwrap_or(need),
        keep_decisions: state.keep_decisions,
        mode: state.mode,
        keep_plan_bounds: state.keep_bounds,
        ceiling: state.ceiling,
    };
    make_button(ui, t.make_revision, date, &state.note, RoundOrder::Revision(revision), cmds);

    ui.separator();
    ui.strong(RoundKind::Request.label(lang));
    make_button(ui, t.make_request, date, &state.note, RoundOrder::Request { target: None }, cmds);
}

/// A button that makes the next round `order`, enabled once the date reads.
fn make_button(
    ui: &mut Ui,
    label: &str,
    date: Option<crate::year::Date>,
    note: &str,
    order: RoundOrder,
    cmds: &mut Vec<Command>,
) {
    if ui.add_enabled(date.is_some(), egui::Button::new(label)).clicked()
        && let Some(date) = date
    {
        cmds.push(Command::Year(YearCmd::Make { order, date, note: note.to_owned() }));
    }
}
