//! Switching the scenario to another dataset: what will not match is listed, and the switch waits for a yes.

use egui::{Context, RichText};

use super::app::App;
use super::command::Command;
use super::commit::Change;
use super::edit::Edit;
use super::modal::{Modal, confirm};
use crate::engine::validate;
use crate::lang::Lang;
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
            self.commit(Change::Edit(Edit::SetDataset(to)), None);
        } else {
            self.modal.open(Modal::DatasetSwitch(DatasetSwitch { to, problems }));
        }
    }

    pub(super) fn answer_dataset(&mut self, switch: bool) {
        if let Some(asked) = self.modal.take_dataset_switch()
            && switch
        {
            self.commit(Change::Edit(Edit::SetDataset(asked.to)), None);
        }
    }
}

/// The question, while a switch waits for it.
pub fn show(ctx: &Context, lang: Lang, asked: &DatasetSwitch, cmds: &mut Vec<Command>) {
    let t = SwitchTexts::get(lang);
    let body = |ui: &mut egui::Ui| {
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
    };
    let answers = [(t.switch, true), (t.cancel, false)];
    if let Some(answer) = confirm(ctx, "dataset switch", 560.0, body, &answers, Some(false)) {
        cmds.push(Command::SwitchDataset(answer));
    }
}
