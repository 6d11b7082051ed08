//! The board of the Compare tab: the open plan beside up to five other scenarios (files, or the open one as
//! last saved), with key figures per scenario, county totals and every municipality, as numbers or as shares
//! scaled to the same total; exported as a workbook (one column per scenario, a county chart) or CSV.

use std::path::Path;

use egui::{Grid, RichText, ScrollArea, Ui};

use super::state::{BaselinePlan, Inputs};
use super::{CompareCmd, change_colour, coloured, number, signed};
use crate::board::{BoardPlan, MAX_SCENARIOS, board, key_table};
use crate::engine::Allocation;
use crate::gui::command::Command;
use crate::gui::panels::widgets::export_formats_menu;
use crate::lang::Lang;
use crate::report::Cell;
use crate::scenario::Scenario;

texts!(BoardTexts {
    title: "Flere scenarioer side om side", "Several scenarios side by side";
    add_file: "Legg til scenariofil …", "Add scenario file…";
    add_saved: "Legg til sist lagrede versjon", "Add the version last saved";
    remove: "Fjern", "Remove";
    scaled: "Sammenlign andeler (skalert til samme total)", "Compare shares (scaled to the same total)";
    scaled_tip: "Hvert scenario skaleres til det første scenarioets total, så et mindre mål ikke gjør alle kommuner «færre».",
        "Every scenario is scaled to the first one's total, so a smaller target does not make every municipality “fewer”.";
    export: "Eksporter tavle", "Export board";
    hint: "Legg til opptil fem scenarioer på samme datasett for å se dem ved siden av den åpne planen.",
        "Add up to five scenarios on the same dataset to see them beside the open plan.";
    counties: "Fylker", "Counties";
    municipalities: "Kommuner", "Municipalities";
    saved_suffix: "(sist lagret)", "(last saved)";
    not_same: "er på et annet datasett og kan ikke stå på tavla", "is on another dataset and cannot join the board";
    full: "Tavla har plass til seks scenarioer.", "The board holds six scenarios.";
});

/// One scenario on the board besides the open plan.
pub struct BoardEntry {
    pub label: String,
    pub scenario: Scenario,
    pub allocation: Allocation,
}

#[derive(Default)]
pub struct BoardState {
    pub entries: Vec<BoardEntry>,
    pub scaled: bool,
}

impl BoardState {
    pub fn is_full(&self) -> bool {
        self.entries.len() + 1 >= MAX_SCENARIOS
    }

    /// Adds a plan, or says why it cannot join (another dataset, no allocation, the board is full).
    pub fn add(&mut self, label: String, plan: BaselinePlan, inputs: &Inputs, lang: Lang) -> Result<(), String> {
        let t = BoardTexts::get(lang);
        if self.is_full() {
            return Err(t.full.to_owned());
        }
        let codes: Vec<&str> = inputs.dataset.municipalities.iter().map(|m| m.code.as_str()).collect();
        if plan.codes.iter().map(String::as_str).ne(codes.iter().copied()) {
            return Err(format!("{label} {}", t.not_same));
        }
        let allocation = plan.allocation.map_err(|e| format!("{label}: {e}"))?;
        self.entries.push(BoardEntry { label, scenario: plan.scenario, allocation });
        Ok(())
    }

    pub fn add_file(&mut self, path: &Path, inputs: &Inputs, lang: Lang) -> Result<Option<String>, String> {
        let (plan, warning) = BaselinePlan::load(path).map_err(|e| e.to_string())?;
        let label = plan.scenario.name.clone();
        self.add(label, plan, inputs, lang)?;
        Ok(warning)
    }

    /// The board of the open plan and the entries, if the open plan has an allocation.
    pub fn board(&self, inputs: &Inputs) -> Option<crate::board::Board> {
        let current = inputs.allocation.ok()?;
        let mut plans = vec![BoardPlan { name: &inputs.scenario.name, allocation: current }];
        plans.extend(self.entries.iter().map(|e| BoardPlan { name: &e.label, allocation: &e.allocation }));
        board(inputs.dataset, &plans, self.scaled).ok()
    }
}

/// The saved version of the open scenario as a board entry.
pub fn saved_entry(inputs: &Inputs, lang: Lang) -> (String, BaselinePlan) {
    let label = format!("{} {}", inputs.saved.name, BoardTexts::get(lang).saved_suffix);
    (label, BaselinePlan::saved(inputs.saved, inputs.scenario, inputs.dataset, inputs.doc_path))
}

fn cell_text(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Text(t) | Cell::Code(t) => t.clone(),
        Cell::Int(v) => crate::numfmt::integer(*v as f64, lang),
        Cell::Number(v, places) => crate::numfmt::decimal(*v, *places, lang),
        Cell::Empty => String::new(),
    }
}

/// A value, and after the first scenario its difference from the first.
fn with_change(ui: &mut Ui, v: f64, first: f64, k: usize, lang: Lang) {
    let text = number((v * 10.0).round() / 10.0, lang);
    if k == 0 {
        ui.label(text);
    } else {
        let change = v - first;
        let colour = change_colour(ui.visuals().dark_mode, (change * 10.0).round());
        ui.label(coloured(format!("{text} ({})", signed((change * 10.0).round() / 10.0, lang)), colour));
    }
}

pub fn show(ui: &mut Ui, state: &mut BoardState, inputs: &Inputs, dialog_open: bool, cmds: &mut Vec<Command>) {
    let lang = inputs.lang;
    let t = BoardTexts::get(lang);
    egui::CollapsingHeader::new(RichText::new(t.title).strong()).id_salt("compare.board").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let room = !state.is_full();
            if ui.add_enabled(room && !dialog_open, egui::Button::new(t.add_file)).clicked() {
                cmds.push(Command::Compare(CompareCmd::BoardPickFile));
            }
            if ui.add_enabled(room, egui::Button::new(t.add_saved)).clicked() {
                cmds.push(Command::Compare(CompareCmd::BoardAddSaved));
            }
            let mut scaled = state.scaled;
            if ui.checkbox(&mut scaled, t.scaled).on_hover_text(t.scaled_tip).changed() {
                cmds.push(Command::Compare(CompareCmd::BoardScaled(scaled)));
            }
            ui.add_enabled_ui(!state.entries.is_empty() && !dialog_open, |ui| {
                if let Some(format) = export_formats_menu(ui, t.export, lang) {
                    cmds.push(Command::Compare(CompareCmd::BoardExportDialog(format)));
                }
            });
        });
        if state.entries.is_empty() {
            ui.weak(t.hint);
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&inputs.scenario.name).strong());
            for (i, e) in state.entries.iter().enumerate() {
                ui.separator();
                ui.label(&e.label);
                if ui.small_button("✖").on_hover_text(t.remove).clicked() {
                    cmds.push(Command::Compare(CompareCmd::BoardRemove(i)));
                }
            }
        });
        let Some(board) = state.board(inputs) else { return };
        let key = key_table(inputs.dataset, &board, lang);
        Grid::new("compare.board.key").striped(true).show(ui, |ui| {
            for h in &key.headers {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for row in &key.rows {
                for cell in row {
                    ui.label(cell_text(cell, lang));
                }
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        egui::CollapsingHeader::new(t.counties).id_salt("compare.board.counties").default_open(true).show(ui, |ui| {
            Grid::new("compare.board.counties.grid").striped(true).show(ui, |ui| {
                ui.label("");
                for name in &board.names {
                    ui.label(RichText::new(name).strong());
                }
                ui.end_row();
                for c in &board.counties {
                    ui.label(&c.name);
                    for (k, &v) in c.values.iter().enumerate() {
                        with_change(ui, v, c.values[0], k, lang);
                    }
                    ui.end_row();
                }
            });
        });
        egui::CollapsingHeader::new(t.municipalities).id_salt("compare.board.municipalities").show(ui, |ui| {
            let height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
            ScrollArea::vertical().max_height(320.0).show_rows(ui, height, board.values.len(), |ui, range| {
                Grid::new("compare.board.municipalities.grid").striped(true).min_row_height(height).show(ui, |ui| {
                    for i in range {
                        ui.label(&inputs.dataset.municipalities[i].name);
                        let values = &board.values[i];
                        for (k, &v) in values.iter().enumerate() {
                            with_change(ui, v, values[0], k, lang);
                        }
                        ui.end_row();
                    }
                });
            });
        });
    });
}
