//! Switching the scenario to another dataset: what will not match is listed, and the switch waits for a yes.

use egui::{Context, RichText};

use super::app::App;
use super::command::Command;
use super::commit::Change;
use super::edit::Edit;
use super::modal::{Modal, confirm};
use crate::borders::Vintage;
use crate::engine::validate;
use crate::lang::Lang;
use crate::scenario::{DatasetRef, resolve_dataset};

/// A switch waiting for the answer: the dataset asked for and what of the scenario would not match it.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetSwitch {
    pub to: DatasetRef,
    pub problems: Vec<String>,
    /// The other dataset is on other municipality borders: moving the scenario there is offered instead.
    pub move_to: Option<Vintage>,
}

/// The answers the question offers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Answer {
    Switch,
    Move(Vintage),
    Cancel,
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
    move_hint: "Datasettet har andre kommunegrenser. Scenarioet kan i stedet flyttes til dem (kan angres).",
        "The dataset has other municipality borders. The scenario can be moved to them instead (can be undone).";
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
        let (problems, other) = match resolve_dataset(&scenario, self.doc.path()) {
            Ok((dataset, _)) => {
                (validate(&scenario, &dataset).iter().map(|p| p.line(self.view.lang)).collect(), dataset.vintage())
            }
            // Cannot be read: the edit reports it and changes nothing.
            Err(_) => (Vec::new(), None),
        };
        let move_to = other.filter(|to| self.doc.dataset().vintage().is_some_and(|from| from != *to));
        if problems.is_empty() {
            self.commit(Change::Edit(Edit::SetDataset(to)), None);
        } else {
            self.modal.open(Modal::DatasetSwitch(DatasetSwitch { to, problems, move_to }));
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
        if asked.move_to.is_some() {
            ui.label(t.move_hint);
        }
        egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
            for p in asked.problems.iter().take(PROBLEMS_SHOWN) {
                ui.label(RichText::new(format!("• {p}")).color(ui.visuals().warn_fg_color));
            }
            if asked.problems.len() > PROBLEMS_SHOWN {
                ui.label(format!("… {} {} {}", t.more, asked.problems.len() - PROBLEMS_SHOWN, t.more_tail));
            }
        });
    };
    // The same words as the Data tab's button for the same move.
    let borders = crate::gui::data_tab::texts::BorderTexts::get(lang);
    let move_label = asked.move_to.map(|to| borders.move_to.replace("{to}", &to.to_string()));
    let mut answers = vec![(t.switch, Answer::Switch)];
    if let (Some(label), Some(to)) = (&move_label, asked.move_to) {
        answers.push((label.as_str(), Answer::Move(to)));
    }
    answers.push((t.cancel, Answer::Cancel));
    match confirm(ctx, "dataset switch", 560.0, body, &answers, Some(Answer::Cancel)) {
        Some(Answer::Switch) => cmds.push(Command::SwitchDataset(true)),
        Some(Answer::Move(to)) => {
            cmds.push(Command::SwitchDataset(false));
            cmds.push(Command::Import(crate::gui::data_tab::ImportCmd::MoveBorders(to)));
        }
        Some(Answer::Cancel) => cmds.push(Command::SwitchDataset(false)),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;

    use crate::borders::Vintage;
    use crate::gui::app::App;
    use crate::gui::command::Command;
    use crate::gui::document::Document;
    use crate::gui::test_harness::{harness, shows};
    use crate::gui::view_state::Prefs;
    use crate::scenario::DatasetRef;

    #[test]
    fn a_switch_to_other_borders_offers_the_move() {
        let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
        h.state_mut().apply(Command::AskDataset(DatasetRef::Embedded("norway-2024".into())));
        h.run();
        assert!(shows(&h, super::SwitchTexts::NB.move_hint), "the question says the borders differ");
        h.get_by_role_and_label(Role::Button, "Flytt til 2024-grenser").click();
        h.run();
        assert!(h.state().modal.dataset_switch().is_none(), "the question is answered");
        assert_eq!(h.state().doc.dataset().vintage(), Some(Vintage::Y2024), "moved instead of switched");
        assert!(h.state().computed.result.is_ok(), "and the plan computes");
    }
}
