//! The Data tab itself: the dataset's identity and every column with its metadata and missing cells.

use egui::{Grid, ScrollArea, Ui};

use super::texts::{BorderTexts, DataTexts};
use super::{DataTabState, ImportCmd};
use crate::borders::Vintage;
use crate::data::{ColumnMeta, ColumnRole, Direction, EMBEDDED_IDS, Kind, role_choices};
use crate::gui::command::Command;
use crate::gui::view::ViewContext;
use crate::lang::Lang;
use crate::numfmt;
use crate::scenario::{DatasetRef, Scenario};

/// `dataset_unsaved`: the dataset has imported columns that are on no disk yet.
pub fn show(ui: &mut Ui, ctx: &ViewContext, state: &mut DataTabState, dataset_unsaved: bool, cmds: &mut Vec<Command>) {
    let (d, lang) = (ctx.dataset, ctx.lang);
    let t = DataTexts::get(lang);
    ui.heading(d.heading(lang));
    Grid::new("dataset facts").num_columns(2).show(ui, |ui| {
        for (name, value) in [
            (t.id, d.id.clone()),
            (t.fingerprint, d.fingerprint.clone()),
            (t.municipalities, numfmt::integer(d.len() as f64, lang)),
            (t.credits, d.credits_in(ctx.lang)),
        ] {
            ui.label(name);
            ui.label(value);
            ui.end_row();
        }
    });
    if dataset_unsaved {
        ui.colored_label(ui.visuals().warn_fg_color, t.unsaved);
    }
    for w in crate::analysis::data_warnings(ctx.scenario, d) {
        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {}", w.message(lang)));
    }
    // Wraps in a narrow window, so nothing here widens the tab past the window (the columns table below
    // scrolls sideways within it).
    ui.horizontal_wrapped(|ui| {
        if ui.button(t.import).clicked() {
            cmds.push(Command::Import(ImportCmd::PickFile));
        }
        if ui.button(t.fetch_ssb).clicked() {
            cmds.push(Command::Import(ImportCmd::OpenSsb));
        }
        if ui.button(t.save_dataset).clicked() {
            cmds.push(Command::Import(ImportCmd::SaveDataset));
        }
        ui.separator();
        ui.label(t.switch);
        for id in EMBEDDED_IDS {
            let chosen = DatasetRef::Embedded(id.to_owned());
            if ui.selectable_label(ctx.scenario.dataset == chosen, id).clicked() && ctx.scenario.dataset != chosen {
                cmds.push(Command::AskDataset(chosen));
            }
        }
        if let DatasetRef::File(path) = &ctx.scenario.dataset {
            let _ = ui.selectable_label(true, path.as_str());
        }
        if ui.button(t.open_file).on_hover_text(t.open_file_tip).clicked() {
            cmds.push(Command::Import(ImportCmd::PickDatasetFile));
        }
    });
    borders(ui, ctx, state, cmds);
    ui.separator();
    columns_table(ui, ctx, cmds);
}

/// Every column with its metadata. The label and id stay in place on the left while the rest scrolls sideways
/// (only the label in a window too narrow for both); both halves scroll up and down together in one area. Its
/// own ids: the Table tab's scrolling never moves it.
fn columns_table(ui: &mut Ui, ctx: &ViewContext, cmds: &mut Vec<Command>) {
    let (d, lang) = (ctx.dataset, ctx.lang);
    let t = DataTexts::get(lang);
    let label = |c: &crate::data::Column| lang.pick(&c.meta.label.nb, &c.meta.label.en).to_owned();
    let widest = |texts: &mut dyn Iterator<Item = egui::RichText>| {
        texts
            .map(|text| {
                egui::WidgetText::from(text)
                    .into_galley(ui, Some(egui::TextWrapMode::Extend), f32::INFINITY, egui::TextStyle::Body)
                    .size()
                    .x
            })
            .fold(0.0, f32::max)
    };
    let frozen_width = widest(&mut d.columns.iter().map(|c| egui::RichText::new(label(c))))
        + widest(&mut d.columns.iter().map(|c| egui::RichText::new(&c.meta.id).monospace()));
    let id_frozen = frozen_width < ui.available_width() / 2.0;
    let headers = [t.role, t.unit, t.year, t.source, t.licence, t.direction, t.kind, t.missing, t.filled];
    // One height for every row of both halves, so they line up whatever font a cell uses.
    let row_height = ui.spacing().interact_size.y;
    // The vertical area takes the width of what it holds: the sideways part is held to what is left of the view.
    let right_edge = ui.max_rect().right();
    ScrollArea::vertical().id_salt("data columns scroll").auto_shrink([false, false]).show(ui, |ui| {
        ui.horizontal_top(|ui| {
            let frozen_columns = if id_frozen { 2 } else { 1 };
            Grid::new("dataset columns frozen")
                .num_columns(frozen_columns)
                .striped(true)
                .min_row_height(row_height)
                .show(ui, |ui| {
                    ui.strong(t.label);
                    if id_frozen {
                        ui.strong(t.id);
                    }
                    ui.end_row();
                    for c in &d.columns {
                        ui.label(label(c));
                        if id_frozen {
                            ui.monospace(&c.meta.id);
                        }
                        ui.end_row();
                    }
                });
            let room = (right_edge - ui.cursor().min.x - ui.spacing().scroll.bar_width).max(120.0);
            let sideways = ScrollArea::horizontal().id_salt("data columns sideways").max_width(room);
            sideways.auto_shrink([false, true]).show(ui, |ui| {
                let columns = headers.len() + usize::from(!id_frozen);
                Grid::new("dataset columns").num_columns(columns).striped(true).min_row_height(row_height).show(
                    ui,
                    |ui| {
                        if !id_frozen {
                            ui.strong(t.id);
                        }
                        for h in headers {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for c in &d.columns {
                            let m = &c.meta;
                            if !id_frozen {
                                ui.monospace(&m.id);
                            }
                            role_combo(ui, ctx, &m.id, cmds);
                            ui.label(m.unit_in(lang));
                            ui.label(&m.year);
                            ui.label(&m.source);
                            ui.label(&m.licence);
                            ui.label(match m.direction {
                                Direction::HigherIsBetter => t.higher,
                                Direction::LowerIsBetter => t.lower,
                            });
                            ui.label(match m.kind {
                                Kind::Intensive => t.intensive,
                                Kind::Extensive => t.extensive,
                            });
                            ui.label(numfmt::integer(c.missing_count() as f64, lang));
                            ui.label(filled_by(ctx.scenario, m, lang));
                            ui.end_row();
                        }
                    },
                );
            });
        });
    });
}

/// The column's role, changed by choosing another; a rate has none and shows no choice.
fn role_combo(ui: &mut Ui, ctx: &ViewContext, column: &str, cmds: &mut Vec<Command>) {
    let (d, lang) = (ctx.dataset, ctx.lang);
    let t = DataTexts::get(lang);
    let Some(c) = d.column(column) else { return };
    if c.meta.kind != Kind::Extensive {
        ui.weak(t.role_rate);
        return;
    }
    let current = c.meta.role;
    egui::ComboBox::from_id_salt(("data.role", column))
        .selected_text(ColumnRole::label_of(current, lang))
        .show_ui(ui, |ui| {
            for choice in role_choices(d, column) {
                if ui.selectable_label(choice == current, ColumnRole::label_of(choice, lang)).clicked()
                    && choice != current
                {
                    cmds.push(Command::Import(ImportCmd::SetRole { column: column.to_owned(), role: choice }));
                }
            }
        })
        .response
        .on_hover_text(t.role_tip);
}

/// The dataset's border vintage, the move to the other one, and what the last move did.
fn borders(ui: &mut Ui, ctx: &ViewContext, state: &DataTabState, cmds: &mut Vec<Command>) {
    let t = BorderTexts::get(ctx.lang);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", t.borders));
        match ctx.dataset.vintage() {
            Some(v) => {
                ui.strong(v.to_string());
                for to in Vintage::ALL.into_iter().filter(|&to| to != v) {
                    let text = t.move_to.replace("{to}", &to.to_string());
                    if ui.button(text).on_hover_text(t.move_tip).clicked() {
                        cmds.push(Command::Import(ImportCmd::MoveBorders(to)));
                    }
                }
            }
            None => {
                ui.weak(t.neither);
            }
        }
    });
    if let Some(lines) = &state.borders_report {
        ScrollArea::vertical().id_salt("borders report").max_height(120.0).show(ui, |ui| {
            for line in lines {
                ui.add(egui::Label::new(line).wrap());
            }
        });
    }
}

/// How the scenario fills the column's missing cells: each criterion's policy, the column default when only
/// rules or the reference use it, or "not used".
pub fn filled_by(scenario: &Scenario, meta: &ColumnMeta, lang: Lang) -> String {
    let t = DataTexts::get(lang);
    let uses: Vec<String> = scenario
        .criteria
        .iter()
        .filter(|c| c.column.as_deref() == Some(meta.id.as_str()))
        .map(|c| format!("{}: {}", c.id.label(lang), c.missing.unwrap_or(meta.default_missing).label(lang)))
        .collect();
    if !uses.is_empty() {
        return uses.join("; ");
    }
    let id = Some(meta.id.as_str());
    let elsewhere = scenario.rules.capacity_column.as_deref() == id
        || scenario.rules.immigrant_share_column == meta.id
        || scenario.reference_column.as_deref() == id;
    if elsewhere {
        format!("{} ({}): {}", t.rules, t.default_for, meta.default_missing.label(lang))
    } else {
        t.not_used.to_owned()
    }
}
