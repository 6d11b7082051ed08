//! The Overrides panel and the scenario's notes, driven headless.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::edit::Edit;
use crate::gui::test_harness::{harness, shows};
use crate::gui::view_state::Prefs;
use crate::scenario::Override;

use super::OverrideTexts;

fn new_app() -> App {
    App::new(Document::new_default().unwrap(), Prefs::default())
}

fn set(code: &str, value: Option<Override>) -> Command {
    Command::Edit { edit: Edit::SetOverride { code: code.into(), value }, gesture: None }
}

#[test]
fn the_panel_lists_every_override_with_its_value_and_reason() {
    let mut h = harness(new_app());
    assert!(shows(&h, "Overstyringer (0)"));
    h.state_mut().apply(set("1818", Some(Override::Lock(25))));
    h.state_mut().apply(set("0301", Some(Override::Exclude)));
    h.run();
    assert!(shows(&h, "Overstyringer (2)"));
    assert!(shows(&h, "Herøy (Nordland)"), "a shared name carries its county");
    assert!(shows(&h, "Låst i alt: 25 av 5\u{a0}120"));

    // The locked number is edited in place: typed, applied on Enter, one undo step.
    h.get_by_role_and_label(Role::SpinButton, "Herøy (Nordland)").scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::SpinButton, "Herøy (Nordland)").click();
    h.run();
    h.get_by_role_and_label(Role::SpinButton, "Herøy (Nordland)").type_text("40");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().doc.scenario().overrides.get("1818"), Some(&Override::Lock(40)));
    let row = h.state().doc.dataset().index_of_code("1818").unwrap();
    assert_eq!(h.state().computed.result.as_ref().unwrap().rows[row].allocation, 40);

    // A reason per override, saved in the scenario.
    h.state_mut().apply(Command::Edit {
        edit: Edit::SetOverrideNote { code: "1818".into(), note: "Vedtak 12. mai".into() },
        gesture: None,
    });
    h.run();
    assert!(shows(&h, "Vedtak 12. mai"));

    // Remove: the override and its note go.
    let removes: Vec<_> = h.query_all_by_role_and_label(Role::Button, "✖").collect();
    assert_eq!(removes.len(), 2);
    removes[1].click();
    h.run();
    let s = h.state().doc.scenario();
    assert!(!s.overrides.contains_key("1818"), "{:?}", s.overrides);
    assert!(s.override_notes.is_empty());
}

#[test]
fn notes_are_shown_and_edited_as_one_step() {
    let mut h = harness(new_app());
    h.state_mut().apply(Command::Edit { edit: Edit::SetNotes("Første linje\nandre linje".into()), gesture: None });
    h.run();
    assert!(shows(&h, "Første linje") && shows(&h, "andre linje"), "the notes are shown, several lines");
    h.get_by_role(Role::MultilineTextInput).scroll_to_me();
    h.run();
    h.get_by_role(Role::MultilineTextInput).click();
    h.run();
    h.get_by_role(Role::MultilineTextInput).type_text(" mer");
    h.run();
    let typed = h.state().doc.scenario().notes.clone();
    assert!(typed.contains("mer"), "{typed}");
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.scenario().notes, "Første linje\nandre linje", "typing in the notes is one undo step");
}

#[test]
fn an_old_file_without_override_notes_opens_and_notes_round_trip() {
    let text = include_str!("../../../scenarios/imdi-2020.ron");
    assert!(!text.contains("override_notes"));
    let mut s = crate::scenario::parse_scenario(text, "imdi-2020.ron").unwrap();
    assert!(s.override_notes.is_empty());
    assert!(!crate::scenario::scenario_to_text(&s).contains("override_notes"), "nothing written when empty");
    s.overrides.insert("1818".into(), Override::Lock(30));
    s.override_notes.insert("1818".into(), "Avtalt med kommunen".into());
    let back = crate::scenario::parse_scenario(&crate::scenario::scenario_to_text(&s), "x.ron").unwrap();
    assert_eq!(back, s);
}

/// Where the central area begins: the left edge of the first tab.
fn central_left(h: &egui_kittest::Harness<'_, App>) -> f32 {
    h.get_by_role_and_label(Role::Button, crate::gui::tabs::TabTexts::NB.table).rect().left()
}

#[test]
fn many_overrides_with_long_names_do_not_widen_the_left_panel() {
    let mut h = harness(new_app());
    let before = central_left(&h);
    let d = h.state().doc.dataset().clone();
    let n = d.len() - 5;
    let mut plan = h.state().doc.scenario().clone();
    for m in &d.municipalities[..n] {
        plan.overrides.insert(m.code.clone(), Override::Lock(10));
        plan.override_notes.insert(m.code.clone(), "Avtalt i møte med kommunen om bosetting i år".into());
    }
    h.state_mut().apply(Command::Edit { edit: Edit::ReplaceScenario(Box::new(plan)), gesture: None });
    h.run();
    assert!(shows(&h, &format!("Overstyringer ({n})")));
    assert!((0..n).any(|r| d.display_name(r).chars().count() > 15), "a long name is among them");
    // Scroll through the whole list: every row has been laid out once.
    for _ in 0..6 {
        h.event(egui::Event::PointerMoved(egui::pos2(150.0, 500.0)));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -8000.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    assert!(central_left(&h) <= before + 1.0, "the panel kept its width: {} against {before}", central_left(&h));
}

#[test]
fn the_keyboard_locks_and_excludes_from_the_table_and_the_panel() {
    let mut h = harness(new_app());
    let t = OverrideTexts::NB;
    let oslo = h.state().doc.dataset().index_of_code("0301").unwrap();
    h.state_mut().apply(Command::Select(Some(oslo)));
    h.run();
    // Shift+F10 on the selected row opens its menu; Tab and Enter could choose, a click does here.
    let shift = egui::Modifiers::SHIFT;
    h.event(egui::Event::Key {
        key: egui::Key::F10,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: shift,
    });
    h.run();
    h.get_by_role_and_label(Role::Button, t.exclude_menu).click();
    h.run();
    assert_eq!(h.state().doc.scenario().overrides.get("0301"), Some(&Override::Exclude));

    // The menu key does the same.
    let bergen = h.state().doc.dataset().index_of_code("4601").unwrap();
    h.state_mut().apply(Command::Select(Some(bergen)));
    h.run();
    let none = egui::Modifiers::NONE;
    h.event(egui::Event::Key {
        key: egui::Key::Menu,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: none,
    });
    h.run();
    h.get_by_role_and_label(Role::Button, t.include_menu).click();
    h.run();
    assert_eq!(h.state().doc.scenario().overrides.get("4601"), Some(&Override::Include));

    // The panel's field: type a name, choose Lock at the current request.
    let request = h.state().computed.result.as_ref().unwrap().rows
        [h.state().doc.dataset().index_of_code("5001").unwrap()]
    .allocation;
    h.get_by_role_and_label(Role::TextInput, t.add).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::TextInput, t.add).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, t.add).type_text("Trondheim");
    h.run();
    let lock = format!("{} ({})", t.lock, crate::numfmt::integer(f64::from(request), crate::lang::Lang::Nb));
    h.get_by_role_and_label(Role::Button, &lock).click();
    h.run();
    assert_eq!(h.state().doc.scenario().overrides.get("5001"), Some(&Override::Lock(request)));
    assert!(h.query_by_role_and_label(Role::Button, &lock).is_none(), "the field is cleared once chosen");
}

#[test]
fn matches_by_name_or_number_with_overridden_last() {
    let d = crate::data::embedded_dataset("norway-2020").unwrap();
    let mut s = crate::gui::document::default_scenario().unwrap();
    let names = |rows: Vec<usize>| rows.into_iter().map(|r| d.municipalities[r].code.clone()).collect::<Vec<_>>();
    assert_eq!(names(super::find::matches(&d, "0301", |c| s.overrides.contains_key(c))), ["0301"]);
    assert!(super::find::matches(&d, "  ", |c| s.overrides.contains_key(c)).is_empty());
    let herøy = names(super::find::matches(&d, "herøy", |c| s.overrides.contains_key(c)));
    assert_eq!(herøy.len(), 2, "{herøy:?}");
    s.overrides.insert(herøy[0].clone(), Override::Exclude);
    assert_eq!(
        names(super::find::matches(&d, "herøy", |c| s.overrides.contains_key(c))),
        [herøy[1].clone(), herøy[0].clone()]
    );
}
