//! Adding an override from the keyboard: a field that finds municipalities by name or number, and for each
//! match the same choices as the right-click menu.

use egui::Ui;

use super::OverrideTexts;
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::gui::command::Command;
use crate::gui::edit::Edit;
use crate::lang::Lang;
use crate::numfmt::integer;
use crate::scenario::{Override, Scenario};

pub fn field(
    ui: &mut Ui,
    scenario: &Scenario,
    dataset: &Dataset,
    plan: Option<&Allocation>,
    lang: Lang,
    cmds: &mut Vec<Command>,
) {
    let t = OverrideTexts::get(lang);
    // What is typed is the field's own state, as egui keeps a text field's cursor.
    let id = ui.make_persistent_id("overrides.add");
    let mut text: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(t.add);
        ui.add(egui::TextEdit::singleline(&mut text).hint_text(t.add_hint).desired_width(ui.available_width()))
            .labelled_by(label.id)
            .on_hover_text(t.add_tip);
    });
    let found = super::find::matches(dataset, &text, |code| scenario.overrides.contains_key(code));
    let chosen = super::find::suggestions(ui, &found, t.more, |ui, r| {
        let code = &dataset.municipalities[r].code;
        let name_text = dataset.display_name(r);
        ui.label(&name_text);
        let request = plan.and_then(|a| a.rows.get(r)).map(|x| x.allocation);
        let mut choices = vec![(t.exclude, Override::Exclude), (t.include, Override::Include)];
        if let Some(n) = request {
            choices.push((t.lock, Override::Lock(n)));
        }
        let mut chosen = false;
        for (label, value) in choices {
            let text = match value {
                Override::Lock(n) => format!("{label} ({})", integer(f64::from(n), lang)),
                _ => label.to_owned(),
            };
            if ui.button(text).on_hover_text(&name_text).clicked() {
                let edit = Edit::SetOverride { code: code.clone(), value: Some(value) };
                cmds.push(Command::Edit { edit, gesture: None });
                chosen = true;
            }
        }
        chosen
    });
    if chosen {
        text.clear();
    }
    ui.data_mut(|d| d.insert_temp(id, text));
}
