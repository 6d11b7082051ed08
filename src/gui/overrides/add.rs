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

/// Matches shown at once; more asks the user to type more.
const SHOWN: usize = 5;

/// The municipalities (dataset rows) whose name contains `needle` or whose number starts with it, those without
/// an override first.
pub fn matches(dataset: &Dataset, scenario: &Scenario, needle: &str) -> Vec<usize> {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut rows: Vec<usize> = (0..dataset.len())
        .filter(|&r| {
            let m = &dataset.municipalities[r];
            m.name.to_lowercase().contains(&needle) || m.code.starts_with(&needle)
        })
        .collect();
    rows.sort_by_key(|&r| scenario.overrides.contains_key(&dataset.municipalities[r].code));
    rows
}

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
    let found = matches(dataset, scenario, &text);
    let mut chosen = false;
    for &r in found.iter().take(SHOWN) {
        let code = &dataset.municipalities[r].code;
        ui.horizontal_wrapped(|ui| {
            let name_text = dataset.display_name(r);
            ui.label(&name_text);
            let request = plan.and_then(|a| a.rows.get(r)).map(|x| x.allocation);
            let mut choices = vec![(t.exclude, Override::Exclude), (t.include, Override::Include)];
            if let Some(n) = request {
                choices.push((t.lock, Override::Lock(n)));
            }
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
        });
    }
    if found.len() > SHOWN {
        ui.weak(t.more);
    }
    if chosen {
        text.clear();
    }
    ui.data_mut(|d| d.insert_temp(id, text));
}
