//! The Overrides section of the left panel, and the scenario's notes.

use egui::{CollapsingHeader, RichText, Ui};

use super::OverrideTexts;
use crate::data::Dataset;
use crate::gui::command::Command;
use crate::gui::edit::Edit;
use crate::gui::panels::widgets::{count_field, push_edit};
use crate::lang::Lang;
use crate::numfmt::integer;
use crate::scenario::{Override, Scenario};

/// The room an override's kind, number and remove button take beside its name.
const NAME_ROOM: f32 = 190.0;

/// Every override with its kind, its locked number and its reason; each can be changed or removed.
pub fn panel(
    ui: &mut Ui,
    scenario: &Scenario,
    dataset: &Dataset,
    plan: Option<&crate::engine::Allocation>,
    lang: Lang,
    cmds: &mut Vec<Command>,
) {
    let t = OverrideTexts::get(lang);
    let title = format!("{} ({})", t.title, scenario.overrides.len());
    let header = CollapsingHeader::new(title).id_salt("overrides").default_open(true);
    header
        .show(ui, |ui| {
            super::add::field(ui, scenario, dataset, plan, lang, cmds);
            if scenario.overrides.is_empty() {
                ui.weak(t.none);
                return;
            }
            // Two lines per override, each as wide as the panel: a long name or reason never widens it.
            for (i, (code, value)) in scenario.overrides.iter().enumerate() {
                if i > 0 {
                    ui.separator();
                }
                ui.push_id(code, |ui| row(ui, scenario, dataset, code, *value, lang, cmds));
            }
            let locked: u64 =
                scenario.overrides.values().map(|o| if let Override::Lock(n) = o { u64::from(*n) } else { 0 }).sum();
            if locked > 0 {
                ui.label(format!(
                    "{}: {} {} {}",
                    t.locked_total,
                    integer(locked as f64, lang),
                    lang.pick("av", "of"),
                    integer(f64::from(scenario.target.total), lang)
                ));
            }
        })
        .header_response
        .on_hover_text(t.title_tip);
}

fn row(
    ui: &mut Ui,
    scenario: &Scenario,
    dataset: &Dataset,
    code: &str,
    value: Override,
    lang: Lang,
    cmds: &mut Vec<Command>,
) {
    let t = OverrideTexts::get(lang);
    let name = dataset.index_of_code(code).map_or_else(|| format!("? {code}"), |r| dataset.display_name(r));
    let set = |value: Option<Override>, cmds: &mut Vec<Command>| {
        cmds.push(Command::Edit { edit: Edit::SetOverride { code: code.to_owned(), value }, gesture: None });
    };
    ui.horizontal(|ui| {
        // The name takes what the controls leave, cut with "…" (whole on hover).
        let controls = NAME_ROOM;
        let label = ui
            .add_sized(
                [(ui.available_width() - controls).max(60.0), ui.spacing().interact_size.y],
                egui::Label::new(RichText::new(&name).strong()).truncate(),
            )
            .on_hover_text(format!("{name} ({code})"));
        let kind = |o: Override| match o {
            Override::Exclude => t.exclude,
            Override::Include => t.include,
            Override::Lock(_) => t.lock,
        };
        let mut chosen = value;
        let lock = match value {
            Override::Lock(n) => Override::Lock(n),
            _ => Override::Lock(0),
        };
        egui::ComboBox::from_id_salt("kind")
            .selected_text(kind(value))
            .width(80.0)
            .show_ui(ui, |ui| {
                for o in [Override::Exclude, Override::Include, lock] {
                    ui.selectable_value(&mut chosen, o, kind(o));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(t.kind_tip);
        if chosen != value {
            set(Some(chosen), cmds);
        }
        if let Override::Lock(n) = value {
            let (r, v) = count_field(ui, n, 0..=1_000_000, 0.2, lang);
            let r = r.labelled_by(label.id).on_hover_text(t.value_tip);
            push_edit(&r, v != n, Edit::SetOverride { code: code.to_owned(), value: Some(Override::Lock(v)) }, cmds);
        }
        if ui.small_button("✖").on_hover_text(t.remove).clicked() {
            set(None, cmds);
        }
    });
    let mut note = scenario.override_notes.get(code).cloned().unwrap_or_default();
    let response = ui
        .add(egui::TextEdit::singleline(&mut note).hint_text(t.reason_hint).desired_width(ui.available_width()))
        .on_hover_text(t.reason_tip);
    text_gesture(&response, Edit::SetOverrideNote { code: code.to_owned(), note }, cmds);
}

/// Typing in one text field is one undo step: its edits share the field's gesture until it loses focus.
fn text_gesture(response: &egui::Response, edit: Edit, cmds: &mut Vec<Command>) {
    if response.changed() {
        cmds.push(Command::Edit { edit, gesture: Some(response.id) });
    }
    if response.lost_focus() {
        cmds.push(Command::EndGesture);
    }
}

/// The scenario's notes, several lines.
pub fn notes(ui: &mut Ui, scenario: &Scenario, lang: Lang, cmds: &mut Vec<Command>) {
    let t = OverrideTexts::get(lang);
    CollapsingHeader::new(t.notes).id_salt("notes").default_open(true).show(ui, |ui| {
        let mut text = scenario.notes.clone();
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut text)
                    .hint_text(t.notes_hint)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY),
            )
            .on_hover_text(t.notes_tip);
        text_gesture(&response, Edit::SetNotes(text), cmds);
    });
}
