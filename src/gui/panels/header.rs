//! The line under the menu: the scenario name (editable), the unsaved mark and the file.

use egui::Ui;

use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::edit::Edit;
use crate::lang::Lang;

texts!(HeaderTexts {
    scenario: "Scenario:", "Scenario:";
    name_tip: "Navnet på scenarioet, lagres i filen.", "The scenario's name, saved in the file.";
    unsaved: "Ulagrede endringer", "Unsaved changes";
    not_saved: "ikke lagret i fil ennå", "not saved to a file yet";
});

pub fn show(ui: &mut Ui, doc: &Document, lang: Lang, cmds: &mut Vec<Command>) {
    let t = HeaderTexts::get(lang);
    ui.horizontal(|ui| {
        let label = ui.label(t.scenario);
        let mut name = doc.scenario().name.clone();
        let response = ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(280.0))
            .labelled_by(label.id)
            .on_hover_text(t.name_tip);
        if response.changed() {
            cmds.push(Command::Edit { edit: Edit::SetName(name), gesture: Some(response.id) });
        }
        if response.lost_focus() {
            cmds.push(Command::EndGesture);
        }
        if doc.is_dirty() {
            ui.label(egui::RichText::new("●").size(16.0).color(ui.visuals().warn_fg_color)).on_hover_text(t.unsaved);
        }
        match doc.path() {
            Some(p) => ui.weak(p.display().to_string()),
            None => ui.weak(t.not_saved),
        };
    });
}
