//! The county round tab (Fylkesrunden): the county frames, the county workbooks out, the counties'
//! recommendations back (file dialog or dropped on the window), the county status, the reconciliation with
//! its deviation log, and the reconciled request opened as the plan. The numbers come from
//! `crate::county_round`; this is only their face.

mod apply;
mod overrides;
mod state;
mod texts;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::gui::table::{HEADER_HEIGHT, header_width};

use crate::county_round::{CountyLine, CountyState, Reconciled};
use crate::gui::command::Command;
use crate::gui::view::ViewContext;
use crate::lang::Lang;
use crate::numfmt;

pub use state::{CountyRoundState, FramesChoice, ReturnedCopy};
pub use texts::CountyRoundTexts;

/// What the county round tab asks for. Its choices (frames, accept the counties' sums) are edited in place.
#[derive(Debug, Clone, PartialEq)]
pub enum CountyRoundCmd {
    /// Shows the file dialog for returned files (several at once).
    ImportDialog,
    /// Reads these returned files (a folder: its workbooks and CSV files) together with those read before;
    /// all or nothing.
    Import(Vec<PathBuf>),
    /// Forgets the files read so far.
    Clear,
    /// Reconciles the recommendations with the frames; the deviation log is shown.
    Reconcile,
    /// Sets a municipality by hand on top of the recommendations (in place of its earlier override).
    AddOverride(crate::county_round::Override),
    /// Removes the override of this municipality (by code).
    RemoveOverride(String),
    /// Makes the reconciled request the plan (one undo step).
    OpenAsPlan,
    /// Makes the reconciled request the next round of the open year, with its deviation log (unsent until
    /// *Send/Frys* on the Året tab).
    ToYear,
    /// Shows the folder dialog for the county workbooks.
    ExportDialog,
    /// Writes the county workbooks into this folder.
    Export(PathBuf),
}

/// The files dropped on the window that the county round reads (workbooks and CSV).
pub fn returned_files(paths: impl IntoIterator<Item = PathBuf>) -> Vec<PathBuf> {
    paths
        .into_iter()
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
            [".xlsx", ".csv", ".tsv", ".txt"].iter().any(|ext| name.ends_with(ext))
        })
        .collect()
}

pub fn show(ui: &mut Ui, ctx: &ViewContext, state: &mut CountyRoundState, generation: u64, cmds: &mut Vec<Command>) {
    let t = CountyRoundTexts::get(ctx.lang);
    poll_dialogs(state, ctx.lang, cmds);
    let Ok(allocation) = ctx.allocation else {
        ui.label(t.no_plan);
        return;
    };
    frames_chooser(ui, ctx, state);
    let round = match state.round(ctx.dataset, ctx.scenario, allocation) {
        Ok(round) => round,
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, format!("{} {e}", t.no_plan));
            return;
        }
    };
    actions(ui, state, ctx.lang, cmds);
    ui.separator();
    // The status follows the files and choices live; the log is the last reconciliation's.
    let live = state.reconcile(ctx.dataset, ctx.scenario, &round);
    // Counties above (fifteen rows, no scrolling), the log below in the rest of the tab.
    match &live {
        // Scrolled sideways in a narrow window, so the table never widens the tab (the rows below keep to it).
        Ok(r) => {
            egui::ScrollArea::horizontal()
                .id_salt("county_round.counties.scroll")
                .show(ui, |ui| counties(ui, r, &round.proposal, ctx, ctx.lang));
        }
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    }
    ui.separator();
    overrides::show(ui, ctx.dataset, state, ctx.lang, cmds);
    ui.separator();
    egui::ScrollArea::horizontal()
        .id_salt("county_round.deviations.scroll")
        .show(ui, |ui| deviations(ui, state, generation, ctx.lang, cmds));
}

/// Turns a finished dialog into its command.
fn poll_dialogs(state: &mut CountyRoundState, lang: Lang, cmds: &mut Vec<Command>) {
    if let Some(task) = state.picking.as_mut()
        && let Some(answer) = task.poll()
    {
        state.picking = None;
        match answer {
            Ok(Some(paths)) if !paths.is_empty() => cmds.push(Command::CountyRound(CountyRoundCmd::Import(paths))),
            Err(_) => state.problem = Some(CountyRoundTexts::get(lang).no_dialog.to_owned()),
            Ok(_) => {}
        }
    }
    if let Some(task) = state.choosing_folder.as_mut()
        && let Some(answer) = task.poll()
    {
        state.choosing_folder = None;
        match answer {
            Ok(Some(folder)) => cmds.push(Command::CountyRound(CountyRoundCmd::Export(folder))),
            Err(_) => state.problem = Some(CountyRoundTexts::get(lang).no_dialog.to_owned()),
            Ok(None) => {}
        }
    }
}

fn frames_chooser(ui: &mut Ui, ctx: &ViewContext, state: &mut CountyRoundState) {
    let t = CountyRoundTexts::get(ctx.lang);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.frames_from).on_hover_text(t.frames_tip);
        let current = match &state.frames {
            FramesChoice::Model => t.model.to_owned(),
            FramesChoice::Column(id) => id.clone(),
        };
        egui::ComboBox::from_id_salt("county_round.frames")
            .selected_text(current)
            .width(220.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.frames, FramesChoice::Model, t.model);
                for c in ctx.dataset.columns.iter().filter(|c| c.meta.kind == crate::data::Kind::Extensive) {
                    let id = c.meta.id.clone();
                    ui.selectable_value(&mut state.frames, FramesChoice::Column(id.clone()), id);
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(12.0);
        ui.checkbox(&mut state.accept_county_sums, t.accept_sums).on_hover_text(t.accept_sums_tip);
    });
}

fn actions(ui: &mut Ui, state: &mut CountyRoundState, lang: Lang, cmds: &mut Vec<Command>) {
    let t = CountyRoundTexts::get(lang);
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(state.choosing_folder.is_none(), egui::Button::new(t.export))
            .on_hover_text(t.export_tip)
            .clicked()
        {
            cmds.push(Command::CountyRound(CountyRoundCmd::ExportDialog));
        }
        if ui.add_enabled(state.picking.is_none(), egui::Button::new(t.import)).on_hover_text(t.import_tip).clicked() {
            cmds.push(Command::CountyRound(CountyRoundCmd::ImportDialog));
        }
        if ui.add_enabled(!state.files.is_empty(), egui::Button::new(t.clear)).clicked() {
            cmds.push(Command::CountyRound(CountyRoundCmd::Clear));
        }
        if ui.button(t.reconcile).on_hover_text(t.reconcile_tip).clicked() {
            cmds.push(Command::CountyRound(CountyRoundCmd::Reconcile));
        }
    });
    ui.weak(t.drop_hint);
    // Without a file dialog (no desktop portal) a file or folder is typed here.
    ui.horizontal(|ui| {
        let label = ui.label(t.path);
        ui.add(egui::TextEdit::singleline(&mut state.path).hint_text(t.path_hint).desired_width(320.0))
            .labelled_by(label.id);
        let typed = PathBuf::from(state.path.trim());
        let ready = !state.path.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new(t.import_path)).clicked() {
            cmds.push(Command::CountyRound(CountyRoundCmd::Import(vec![typed.clone()])));
        }
        if ui.add_enabled(ready, egui::Button::new(t.export_path)).clicked() {
            cmds.push(Command::CountyRound(CountyRoundCmd::Export(typed)));
        }
    });
    if let Some(problem) = &state.problem {
        ui.colored_label(ui.visuals().error_fg_color, format!("{} {problem}", t.not_imported));
    }
    if state.files.is_empty() {
        ui.label(t.none_yet);
    } else {
        let names: Vec<&str> = state.files.iter().map(|f| f.name.as_str()).collect();
        ui.label(format!("{}: {}", t.files, names.join(", ")));
    }
    for moved in &state.moved {
        ui.weak(moved);
    }
}

/// Frames and county status in one table: county, last year's request and decisions, model total, frame,
/// received or missing, recommended, against the frame, recommended 0, final, date received.
fn counties(ui: &mut Ui, r: &Reconciled, proposal: &[u32], ctx: &ViewContext, lang: Lang) {
    let t = CountyRoundTexts::get(lang);
    let n = |v: f64| numfmt::integer(v, lang);
    let index = ctx.dataset.row_index();
    let mut model = vec![0u64; index.counties.len()];
    for (row, &v) in proposal.iter().enumerate() {
        if let Some(&c) = index.county_of.get(row) {
            model[c] += u64::from(v);
        }
    }
    let county_of = |line: &CountyLine| index.counties.iter().position(|(code, _)| *code == line.code);
    let model_of = |line: &CountyLine| county_of(line).map_or(0, |c| model[c]);
    // Last year beside the frame: the newest request and decisions the dataset holds, summed per county.
    let earlier: Vec<(String, Vec<f64>)> = crate::export::latest_earlier(ctx.dataset)
        .iter()
        .filter_map(|id| ctx.dataset.column(id))
        .take(2)
        .map(|c| {
            let mut sums = vec![0.0; index.counties.len()];
            for (row, v) in c.values.iter().enumerate() {
                if let (Some(v), Some(&k)) = (v, index.county_of.get(row)) {
                    sums[k] += v;
                }
            }
            (lang.pick(&c.meta.label.nb, &c.meta.label.en).to_owned(), sums)
        })
        .collect();
    ui.strong(format!("{} · {}", t.frames, t.status));
    // Each column at least as wide as its header's longest word: headers wrap between words, never inside.
    let heads = [t.model_total, t.frame, t.state, t.recommended, t.against_frame, t.zeros, t.final_total, t.received];
    let widths: Vec<f32> = earlier
        .iter()
        .map(|(label, _)| header_width(ui, label))
        .chain(heads.iter().map(|head| header_width(ui, head)))
        .collect();
    let mut table = TableBuilder::new(ui)
        .id_salt("county_round.counties")
        .striped(true)
        .vscroll(false)
        .column(Column::auto().at_least(150.0));
    for width in widths {
        table = table.column(Column::auto().at_least(width.max(64.0)));
    }
    table
        .header(HEADER_HEIGHT, |mut h| {
            h.col(|ui| {
                ui.strong(t.county);
            });
            for (label, _) in &earlier {
                h.col(|ui| {
                    ui.strong(label);
                });
            }
            for head in heads {
                h.col(|ui| {
                    ui.strong(head);
                });
            }
        })
        .body(|mut body| {
            for line in &r.counties {
                body.row(18.0, |mut row| {
                    row.col(|ui| {
                        ui.label(format!("{} ({})", line.name, line.code));
                    });
                    for (_, sums) in &earlier {
                        row.col(|ui| {
                            ui.label(county_of(line).map_or("–".to_owned(), |c| n(sums[c])));
                        });
                    }
                    row.col(|ui| {
                        ui.label(n(model_of(line) as f64));
                    });
                    row.col(|ui| {
                        ui.label(n(f64::from(line.frame)));
                    });
                    row.col(|ui| {
                        let text = RichText::new(line.state.label(lang));
                        match line.state {
                            CountyState::Received => ui.label(text.strong()),
                            CountyState::Missing => ui.weak(line.state.label(lang)),
                        };
                    });
                    row.col(|ui| {
                        ui.label(line.recommended.map_or("–".to_owned(), |v| n(v as f64)));
                    });
                    row.col(|ui| {
                        let against = line.recommended.map(|v| v as i64 - i64::from(line.frame));
                        ui.label(against.map_or("–".to_owned(), |d| signed(d, lang)));
                    });
                    row.col(|ui| {
                        // A county that has not answered recommended none for 0.
                        let zeros = line.recommended.map(|_| line.zeros.to_string());
                        ui.label(zeros.unwrap_or_else(|| "–".to_owned()));
                    });
                    row.col(|ui| {
                        ui.label(n(line.final_total as f64));
                    });
                    row.col(|ui| {
                        ui.label(&line.received);
                    });
                });
            }
        });
}

fn signed(d: i64, lang: Lang) -> String {
    let n = numfmt::integer(d.unsigned_abs() as f64, lang);
    match d {
        0 => "0".to_owned(),
        d if d > 0 => format!("+{n}"),
        _ => format!("−{n}"),
    }
}

/// The last reconciliation's deviation log, and the button that opens it as the plan.
fn deviations(ui: &mut Ui, state: &CountyRoundState, generation: u64, lang: Lang, cmds: &mut Vec<Command>) {
    let t = CountyRoundTexts::get(lang);
    let Some((r, stamp)) = &state.reconciled else {
        ui.weak(t.reconcile_tip);
        return;
    };
    ui.horizontal(|ui| {
        ui.strong(format!("{} ({})", t.deviations, r.deviations.len()));
        if ui.button(t.open_as_plan).on_hover_text(t.open_as_plan_tip).clicked() {
            cmds.push(Command::CountyRound(CountyRoundCmd::OpenAsPlan));
        }
        if ui.button(t.to_year).on_hover_text(t.to_year_tip).clicked() {
            cmds.push(Command::CountyRound(CountyRoundCmd::ToYear));
        }
    });
    if *stamp != state.stamp(generation) {
        ui.colored_label(ui.visuals().warn_fg_color, t.stale);
    }
    if r.deviations.is_empty() {
        ui.label(t.no_deviations);
        return;
    }
    let n = |v: u32| numfmt::integer(f64::from(v), lang);
    let least = |head: &str, least: f32| header_width(ui, head).max(least);
    let (recommended, final_total, difference) =
        (least(t.recommended, 64.0), least(t.final_total, 64.0), least(t.difference, 64.0));
    TableBuilder::new(ui)
        .id_salt("county_round.deviations")
        .striped(true)
        .column(Column::auto().at_least(40.0))
        .column(Column::auto().at_least(110.0))
        .column(Column::auto().at_least(recommended))
        .column(Column::auto().at_least(final_total))
        .column(Column::auto().at_least(difference))
        .column(Column::remainder().at_least(120.0))
        .header(HEADER_HEIGHT, |mut h| {
            for head in [t.code, t.name, t.recommended, t.final_total, t.difference, t.reason] {
                h.col(|ui| {
                    ui.strong(head);
                });
            }
        })
        .body(|body| {
            body.rows(18.0, r.deviations.len(), |mut row| {
                let Some(d) = r.deviations.get(row.index()) else { return };
                row.col(|ui| {
                    ui.label(&d.code);
                });
                row.col(|ui| {
                    ui.label(&d.name);
                });
                row.col(|ui| {
                    ui.label(n(d.recommended));
                });
                row.col(|ui| {
                    ui.label(n(d.final_request));
                });
                row.col(|ui| {
                    ui.label(signed(d.difference(), lang));
                });
                row.col(|ui| {
                    ui.label(d.reason.label(lang));
                });
            });
        });
}
