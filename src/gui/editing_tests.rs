//! Editing as analysts do it all day: typed numbers, exact weights, the note over a whole drag, and a dataset
//! switch that asks first.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::app::App;
use super::changes::{ChangeNote, asked_flags};
use super::command::Command;
use super::document::Document;
use super::edit::Edit;
use super::view_state::Prefs;
use crate::gui::test_harness::{harness, shows};
use crate::scenario::DatasetRef;

fn new_app() -> App {
    App::new(Document::new_default().unwrap(), Prefs::default())
}

/// Clicks the target field into text editing and types `text` over its value.
fn type_into_target(h: &mut egui_kittest::Harness<'static, App>, text: &str) {
    h.get_by_role_and_label(Role::SpinButton, crate::gui::panels::controls::ControlTexts::NB.total).click();
    h.run();
    let field = h.get_by_role_and_label(Role::SpinButton, crate::gui::panels::controls::ControlTexts::NB.total);
    assert!(field.is_focused(), "the field is being edited");
    field.type_text(text);
    h.run();
}

#[test]
fn a_typed_target_applies_on_enter_as_one_undo_step() {
    let mut h = harness(new_app());
    type_into_target(&mut h, "6000");
    assert_eq!(h.state().doc.scenario().target.total, 5120, "nothing applies while typing");
    assert!(!h.state().history.can_undo());
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().doc.scenario().target.total, 6000);
    assert!(shows(&h, "Fordelt: 6\u{a0}000 av 6\u{a0}000"));
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.scenario().target.total, 5120, "one undo step goes all the way back");
    assert!(!h.state().history.can_undo());
}

#[test]
fn escape_puts_back_the_value() {
    let mut h = harness(new_app());
    type_into_target(&mut h, "7000");
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().doc.scenario().target.total, 5120);
    assert!(!h.state().history.can_undo());
    assert!(shows(&h, "5\u{a0}120"));
}

#[test]
fn a_weight_shows_as_the_file_holds_it() {
    let mut h = harness(new_app());
    h.state_mut().apply(Command::Edit { edit: Edit::SetWeight { idx: 1, value: 7.7 }, gesture: None });
    h.run();
    assert!(shows(&h, "7,7"), "7.7 is not rounded to 8");
}

#[test]
fn the_change_note_covers_the_whole_drag() {
    let mut h = harness(new_app());
    let start = asked_flags(h.state().computed.result.as_ref().unwrap());
    let drag = Some(egui::Id::unique("drag"));
    for total in [9000, 8000, 6500] {
        h.state_mut().apply(Command::Edit { edit: Edit::SetTargetTotal(total), gesture: drag });
    }
    h.run();
    let app = h.state();
    let end = asked_flags(app.computed.result.as_ref().unwrap());
    let whole = ChangeNote::between(app.doc.dataset(), &start, &end).expect("a larger target asks more");
    assert_eq!(app.current_note(), Some(&whole), "the note compares with the state before the drag");
    // Only the last step of the drag (8000 → 6500) would have shown people leaving.
    assert!(whole.left.is_empty());
}

#[test]
fn a_change_that_moves_nobody_clears_the_previous_note() {
    let mut h = harness(new_app());
    h.state_mut().apply(Command::Edit { edit: Edit::SetTargetTotal(9000), gesture: None });
    h.run();
    assert!(h.state().current_note().is_some(), "a larger target asks more");
    // Oslo locked at what it already gets: the same municipalities are asked.
    let result = h.state().computed.result.as_ref().unwrap();
    let oslo = h.state().doc.dataset().municipalities.iter().position(|m| m.code == "0301").unwrap();
    let value = Some(crate::scenario::Override::Lock(result.rows[oslo].allocation));
    h.state_mut().apply(Command::Edit { edit: Edit::SetOverride { code: "0301".into(), value }, gesture: None });
    h.run();
    assert_eq!(h.state().current_note(), None, "the note of the target change is not shown for the lock");
    h.state_mut().apply(Command::Undo);
    h.state_mut().apply(Command::Undo);
    h.run();
    let note = h.state().current_note().expect("undoing the target change lets people go");
    assert!(note.came_in.is_empty() && !note.left.is_empty(), "{note:?}");
}

#[test]
fn switching_dataset_says_what_will_not_match_and_asks() {
    let mut h = harness(new_app());
    let to = DatasetRef::Embedded("norway-2024".into());
    h.state_mut().apply(Command::AskDataset(to.clone()));
    h.run();
    assert!(h.state().modal.dataset_switch().is_some());
    assert!(shows(&h, "Bytte datasett?"));
    assert!(shows(&h, "criteria["), "the problems name the scenario field");
    h.get_by_role_and_label(Role::Button, crate::gui::dataset_switch::SwitchTexts::NB.cancel).click();
    h.run();
    assert!(h.state().modal.dataset_switch().is_none());
    assert_eq!(h.state().doc.scenario().dataset, DatasetRef::Embedded("norway-2020".into()), "Cancel keeps it");

    h.state_mut().apply(Command::AskDataset(to.clone()));
    h.run();
    h.get_by_role_and_label(Role::Button, crate::gui::dataset_switch::SwitchTexts::NB.switch).click();
    h.run();
    assert_eq!(h.state().doc.scenario().dataset, to);
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.scenario().dataset, DatasetRef::Embedded("norway-2020".into()), "one undo step");
}

#[test]
fn a_start_from_last_years_request_is_set_in_the_rules_and_undone_in_one_step() {
    // Tall enough for the whole left panel: the start is the last of the rules.
    let mut h = crate::gui::test_harness::harness_sized(new_app(), egui::vec2(1400.0, 1500.0));
    let plan = |h: &egui_kittest::Harness<'static, App>| -> Vec<u32> {
        h.state().computed.result.as_ref().unwrap().rows.iter().map(|r| r.allocation).collect()
    };
    let plain = plan(&h);
    let t = &crate::gui::panels::rules::RuleTexts::NB;
    h.get_by_role_and_label(Role::CheckBox, t.start).click();
    h.run();
    let start = h.state().doc.scenario().start.clone().expect("a start");
    assert_eq!((start.column.as_str(), start.criteria_share), ("anmodning_2019", 0.5), "the newest request");
    assert!(shows(&h, t.start_share), "the share is shown once there is a start");
    let moved = plan(&h);
    assert_ne!(moved, plain, "the plan starts from last year's request");
    h.state_mut().apply(Command::Undo);
    h.run();
    assert!(h.state().doc.scenario().start.is_none());
    assert_eq!(plan(&h), plain);
}
