//! Switching the scenario to another dataset: what will not match is listed, and the switch waits for a yes.

use egui::{Context, Id, Modal, RichText};

use super::app::App;
use super::command::Command;
use super::edit::Edit;
use crate::engine::validate;
use crate::scenario::{DatasetRef, resolve_dataset};

/// A switch waiting for the answer: the dataset asked for and what of the scenario would not match it.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetSwitch {
    pub to: DatasetRef,
    pub problems: Vec<String>,
}

/// How many problems the dialog lists before "and N more".
const PROBLEMS_SHOWN: usize = 12;

texts!(SwitchTexts {
    title: "Bytte datasett?", "Switch dataset?";
    body: "Dette stemmer ikke med det nye datasettet, og planen kan ikke beregnes før det er rettet:",
        "This does not match the new dataset, and the plan cannot be computed until it is fixed:";
    more: "og", "and";
    more_tail: "til", "more";
    switch: "Bytt likevel", "Switch anyway";
    cancel: "Avbryt", "Cancel";
});

impl App {
    /// Switches at once when the scenario fits the other dataset; otherwise asks with the list of problems.
    pub(super) fn ask_dataset(&mut self, to: DatasetRef) {
        let mut scenario = self.doc.scenario().clone();
        Edit::SetDataset(to.clone()).apply(&mut scenario);
        if scenario == *self.doc.scenario() {
            return;
        }
        let problems = match resolve_dataset(&scenario, self.doc.path()) {
            Ok((dataset, _)) => validate(&scenario, &dataset).iter().map(|p| p.line(self.view.lang)).collect(),
            // Cannot be read: the edit reports it and changes nothing.
            Err(_) => Vec::new(),
        };
        if problems.is_empty() {
            self.apply(Command::Edit { edit: Edit::SetDataset(to), gesture: None });
        } else {
            self.dataset_switch = Some(DatasetSwitch { to, problems });
        }
    }

    pub(super) fn answer_dataset(&mut self, switch: bool) {
        if let Some(asked) = self.dataset_switch.take()
            && switch
        {
            self.apply(Command::Edit { edit: Edit::SetDataset(asked.to), gesture: None });
        }
    }
}

/// The question, while a switch waits for it.
pub fn show(ctx: &Context, app: &App, cmds: &mut Vec<Command>) {
    let Some(asked) = &app.dataset_switch else { return };
    let t = SwitchTexts::get(app.view.lang);
    let response = Modal::new(Id::unique("dataset switch")).show(ctx, |ui| {
        ui.set_width(560.0);
        let to = match &asked.to {
            DatasetRef::Embedded(id) | DatasetRef::File(id) => id,
        };
        ui.heading(format!("{} ({to})", t.title));
        ui.label(t.body);
        egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
            for p in asked.problems.iter().take(PROBLEMS_SHOWN) {
                ui.label(RichText::new(format!("• {p}")).color(ui.visuals().warn_fg_color));
            }
            if asked.problems.len() > PROBLEMS_SHOWN {
                ui.label(format!("… {} {} {}", t.more, asked.problems.len() - PROBLEMS_SHOWN, t.more_tail));
            }
        });
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.button(t.switch).clicked() {
                answer = Some(true);
            }
            if ui.button(t.cancel).clicked() {
                answer = Some(false);
            }
        });
        answer
    });
    if let Some(answer) = response.inner {
        cmds.push(Command::SwitchDataset(answer));
    } else if response.should_close() {
        cmds.push(Command::SwitchDataset(false));
    }
}
