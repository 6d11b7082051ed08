//! The calibration dialog driven through the real app: widgets found by role and label, the search on its
//! background thread. A small synthetic dataset keeps the search quick in debug builds.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::texts::CalibrateTexts;
use super::{CalibrateCmd, RefChoice, reference_columns};
use crate::data::embedded_dataset;
use crate::data::synthetic::synthetic_dataset;
use crate::gui::app::App;
use crate::gui::command::{Command, FileAction};
use crate::gui::document::Document;
use crate::gui::panels::dialogs::DialogTexts;
use crate::gui::panels::menu::MenuTexts;
use crate::gui::test_harness::{harness, shows};
use crate::gui::view_state::Prefs;

/// The dialog's words, as the tests select its widgets by them.
const T: &CalibrateTexts = &CalibrateTexts::NB;

/// Long enough for a debug-build search on the small dataset on a busy machine.
const PATIENCE: Duration = Duration::from_secs(120);

/// The IMDi 2020 scenario on 40 synthetic municipalities (the same column ids).
fn small_app() -> App {
    let mut doc = Document::new_default().unwrap();
    doc.replace_dataset(synthetic_dataset(40, 11));
    let mut app = App::new(doc, Prefs::default());
    app.refresh();
    app
}

fn weights(app: &App) -> Vec<f64> {
    app.doc.scenario().criteria.iter().map(|c| c.weight).collect()
}

fn running(h: &Harness<'_, App>) -> bool {
    h.state().modal.calibrate().is_some_and(|d| d.job.is_running())
}

/// Waits for the search (on its own thread, so the frame that started it has returned) and draws its result.
fn step_until_done(h: &mut Harness<'_, App>) {
    assert!(running(h), "the search runs beside the frames, not in the one that started it");
    let done = h.state_mut().modal.calibrate_mut().is_some_and(|d| d.job.wait(PATIENCE));
    assert!(done, "the calibration did not finish");
    h.run();
}

/// Opens the dialog with the button below the weights and starts the search with the default reference.
fn open_and_run(h: &mut Harness<'_, App>) {
    h.get_by_role_and_label(Role::Button, T.button).click();
    h.run();
    assert!(shows(h, T.title));
    h.get_by_role_and_label(Role::Button, T.run).click();
    h.step();
    step_until_done(h);
}

#[test]
fn fit_accept_and_one_undo_restores_the_weights() {
    let mut h = harness(small_app());
    let before = weights(h.state());
    let exponent = h.state().doc.scenario().size_exponent;
    open_and_run(&mut h);
    let fitted = h.state().modal.calibrate().unwrap().job.done().expect("a result").weights();
    assert_eq!(h.state().modal.calibrate().unwrap().reference, Some(RefChoice::Column("anmodning_2019".into())));
    for text in ["Tilpasset til anmodning_2019", T.mae, T.agreement, "R²"] {
        assert!(shows(&h, text), "{text}");
    }
    assert_eq!(weights(h.state()), before, "nothing changes before Accept");

    h.get_by_role_and_label(Role::Button, T.accept).click();
    h.run();
    assert!(h.state().modal.calibrate().is_none(), "Accept closes the dialog");
    assert_eq!(weights(h.state()), fitted);
    assert_ne!(fitted, before);
    assert_eq!(h.state().doc.scenario().size_exponent, exponent, "the exponent was not fitted");
    assert!(shows(&h, "Vekter tilpasset til anmodning_2019"));

    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(weights(h.state()), before, "one undo step restores the weights");
    assert!(!h.state().history.can_undo());
}

#[test]
fn discard_changes_nothing() {
    let mut h = harness(small_app());
    let before = h.state().doc.scenario().clone();
    open_and_run(&mut h);
    assert!(h.state().modal.calibrate().unwrap().job.done().is_some());
    h.get_by_role_and_label(Role::Button, T.discard).click();
    h.run();
    assert!(h.state().modal.calibrate().is_none());
    assert_eq!(*h.state().doc.scenario(), before);
    assert!(!h.state().history.can_undo());
}

#[test]
fn the_exponent_is_fitted_when_asked_and_accepted_with_the_weights() {
    let mut h = harness(small_app());
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::Open));
    h.run();
    h.get_by_role_and_label(Role::CheckBox, T.fit_exponent).click();
    h.run();
    assert!(h.state().modal.calibrate().unwrap().fit_exponent);
    h.get_by_role_and_label(Role::Button, T.run).click();
    h.step();
    step_until_done(&mut h);
    let f = h.state().modal.calibrate().unwrap().job.done().unwrap().clone();
    h.get_by_role_and_label(Role::Button, T.accept).click();
    h.run();
    assert_eq!(h.state().doc.scenario().size_exponent, f.calibration.size_exponent);
    h.state_mut().apply(Command::Undo);
    assert_eq!(h.state().doc.scenario().size_exponent, 0.5);
}

#[test]
fn a_column_is_picked_from_the_combo() {
    let mut h = harness(small_app());
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::Open));
    h.run();
    h.get_by_role_and_label(Role::ComboBox, T.reference).click();
    h.run();
    h.get_by_label("bosatt_snitt_2017_2019, 2020").click();
    h.run();
    let d = h.state().modal.calibrate().unwrap();
    assert_eq!(d.reference, Some(RefChoice::Column("bosatt_snitt_2017_2019".into())));
    // Intensive columns (shares) are no references.
    assert!(!d.columns.iter().any(|c| c.ends_with("_pst")), "{:?}", d.columns);
}

#[test]
fn a_bad_csv_reference_shows_its_message_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("ref.csv");
    std::fs::write(&bad, "kommunenummer,anmodning\n0001,25\n9999,10\n").unwrap();
    let mut h = harness(small_app());
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::Open));
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::SetCsv(bad)));
    h.run();
    assert!(shows(&h, "ref.csv"), "the chosen file is shown");
    h.get_by_role_and_label(Role::Button, T.run).click();
    h.step();
    step_until_done(&mut h);
    assert!(shows(&h, "Kunne ikke tilpasse: ref.csv, line 3: municipality 9999 is not in the dataset"));
    assert!(h.get_by_role_and_label(Role::Button, T.accept).accesskit_node().is_disabled());

    let zero = dir.path().join("zero.csv");
    std::fs::write(&zero, "kommunenummer,anmodning\n0001,0\n").unwrap();
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::SetCsv(zero)));
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::Run));
    step_until_done(&mut h);
    assert!(shows(&h, "zero.csv: the reference is zero"));

    let missing = dir.path().join("missing.csv");
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::SetCsv(missing)));
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::Run));
    step_until_done(&mut h);
    assert!(shows(&h, "missing.csv: cannot read the file"));
}

#[test]
fn without_a_file_dialog_the_path_field_sets_a_csv_reference() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.csv");
    std::fs::write(&path, "kommunenummer;anmodning\n0001;25\n0002;12\n").unwrap();
    let mut h = harness(small_app());
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::Open));
    h.run();
    // What the app does when no native dialog can be shown: the path field, above the calibration dialog.
    h.state_mut().show_path_field(FileAction::CalibrationReference);
    h.run();
    assert!(shows(&h, DialogTexts::NB.reference_path));
    let field = h.get_by_role_and_label(Role::TextInput, DialogTexts::NB.path);
    assert!(field.is_focused(), "the field has the keyboard");
    h.event(egui::Event::Text(path.display().to_string()));
    h.run();
    h.get_by_role_and_label(Role::Button, DialogTexts::NB.ok).click();
    h.run();
    assert!(h.state().modal.path_field().is_none());
    let d = h.state().modal.calibrate().expect("the calibration dialog stays open");
    assert_eq!(d.reference, Some(RefChoice::Csv(path)));
    assert!(shows(&h, "typed.csv"));
}

#[test]
fn the_search_runs_beside_the_frames_and_cancel_drops_it() {
    // The full 2020 dataset: long enough in a debug build to watch it run.
    let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
    let before = h.state().doc.scenario().clone();
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::Open));
    h.state_mut().modal.calibrate_mut().unwrap().fit_exponent = true;
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::Run));
    // Counted frames, not timed ones: five frames are drawn while the search goes on beside them.
    for _ in 0..5 {
        h.step();
    }
    assert!(running(&h), "still searching after five frames");
    assert!(shows(&h, T.running));
    h.get_by_role_and_label(Role::Button, T.cancel).click();
    h.step();
    h.step();
    let d = h.state().modal.calibrate().unwrap();
    assert!(!d.job.is_running() && d.job.outcome.is_none(), "cancelled: no result");
    assert_eq!(*h.state().doc.scenario(), before);
    // Closing the dialog from the menu path and reopening starts fresh.
    h.state_mut().apply(Command::Calibrate(CalibrateCmd::Close));
    h.run();
    assert!(!shows(&h, T.title));
}

#[test]
fn the_edit_menu_opens_the_dialog() {
    let mut h = harness(small_app());
    h.get_by_role_and_label(Role::Button, MenuTexts::NB.edit).click();
    h.run();
    h.get_by_role_and_label(Role::Button, T.menu).click();
    h.run();
    assert!(h.state().modal.calibrate().is_some());
    assert!(shows(&h, T.title));
}

#[test]
fn norway_2020_offers_requests_and_decisions_as_references() {
    let columns = reference_columns(&embedded_dataset("norway-2020").unwrap());
    for id in ["anmodning_2018", "anmodning_2019", "vedtak_2019", "bosatt_snitt_2017_2019"] {
        assert!(columns.iter().any(|c| c == id), "{id} in {columns:?}");
    }
    assert!(!columns.iter().any(|c| c == "innvandrerandel_2020_pst"));
}

#[test]
fn the_dialog_leads_on_to_next_years_request() {
    let mut h = harness(small_app());
    h.get_by_role_and_label(Role::Button, T.button).click();
    h.run();
    let entry = crate::gui::next_year_dialog::texts::NextYearTexts::NB.menu;
    h.get_by_role_and_label(Role::Button, entry).click();
    h.run();
    assert!(h.state().modal.calibrate().is_none(), "the calibration closes");
    assert!(h.state().modal.next_year().is_some(), "next year's dialog opens in its place");
}
