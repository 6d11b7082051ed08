//! Other municipality borders in the planner: moving the scenario, and a file on other borders in the import
//! dialog.

use std::path::PathBuf;

use super::ImportCmd;
use crate::borders::Vintage;
use crate::data::{Kind, embedded_dataset};
use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::edit::Edit;
use crate::gui::test_harness::{harness, shows};
use crate::gui::view_state::{Prefs, Tab};
use crate::scenario::Override;

fn app_2020() -> App {
    App::new(Document::new_default().unwrap(), Prefs::default())
}

#[test]
fn moving_to_2024_borders_reports_every_change_and_undoes_in_one_step() {
    let mut h = harness(app_2020());
    h.state_mut().apply(Command::SetTab(Tab::Data));
    h.run();
    assert!(shows(&h, "Flytt til 2024-grenser"));
    let before = h.state().computed.result.as_ref().unwrap().allocated;
    h.state_mut().apply(Command::Import(ImportCmd::MoveBorders(Vintage::Y2024)));
    h.run();
    let d = h.state().doc.dataset().clone();
    assert_eq!((d.len(), d.vintage()), (357, Some(Vintage::Y2024)));
    assert!(h.state().doc.dataset_unsaved(), "the moved dataset is written with the next save");
    let report = h.state().view.data.borders_report.clone().unwrap();
    assert!(report[0].contains("113 nytt nummer, 11 nytt navn, 1 delt"), "{report:?}");
    assert!(shows(&h, &report[0]));
    // Rates of the split municipality are marked as estimates, with the reason.
    let share = d.column("innvandrerandel_2020_pst").unwrap();
    assert!(share.meta.estimate_of("1580").unwrap().nb.contains("Ålesund (1507)"));
    assert_eq!(h.state().computed.result.as_ref().unwrap().allocated, before, "the whole target is still asked");
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.dataset().len(), 356);
}

#[test]
fn the_border_report_goes_when_another_scenario_is_opened() {
    let mut h = harness(app_2020());
    h.state_mut().apply(Command::SetTab(Tab::Data));
    h.state_mut().apply(Command::Import(ImportCmd::MoveBorders(Vintage::Y2024)));
    h.run();
    let report = h.state().view.data.borders_report.clone().unwrap();
    assert!(shows(&h, &report[0]));
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    std::fs::write(&other, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2020.ron"))).unwrap();
    // The moved document is unsaved: the question comes first, then the other file replaces it.
    h.state_mut().apply(Command::Open(other.clone()));
    h.state_mut().apply(Command::Guard(crate::gui::command::GuardChoice::Discard));
    h.run();
    assert_eq!(h.state().doc.path(), Some(other.as_path()));
    assert!(!shows(&h, &report[0]), "the report of the previous file is gone");
    assert!(h.state().view.data.borders_report.is_none());
}

#[test]
fn a_lock_on_a_split_municipality_refuses_the_move_by_name() {
    let mut h = harness(app_2020());
    let edit = Edit::SetOverride { code: "1507".into(), value: Some(Override::Lock(20)) };
    h.state_mut().apply(Command::Edit { edit, gesture: None });
    let scenario = h.state().doc.scenario().clone();
    h.state_mut().apply(Command::Import(ImportCmd::MoveBorders(Vintage::Y2024)));
    h.run();
    assert_eq!(h.state().doc.dataset().len(), 356);
    assert_eq!(h.state().doc.scenario(), &scenario);
    assert!(h.state().notices.iter().any(|n| n.text.contains("Ålesund (1507) is locked at 20")));
}

#[test]
fn the_import_dialog_shows_the_border_report_before_anything_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let d2020 = embedded_dataset("norway-2020").unwrap();
    let column = d2020.column("anmodning_2019").unwrap();
    let mut text = String::from("kommunenummer;anmodning\n");
    for (m, v) in d2020.municipalities.iter().zip(column.values.iter()) {
        text.push_str(&format!("{};{}\n", m.code, v.unwrap_or_default()));
    }
    let file = dir.path().join("anmodning-2019.csv");
    std::fs::write(&file, text).unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    let mut h = harness(App::new(Document::open(&path).unwrap().0, Prefs::default()));
    h.state_mut().apply(Command::Import(ImportCmd::Load(file)));
    let dataset = h.state().doc.dataset().clone();
    h.state_mut().modal.import_mut().unwrap().wait(&dataset);
    h.state_mut().modal.import_mut().unwrap().kind = Kind::Extensive;
    h.run();
    let before = h.state().doc.dataset().clone();
    let preview = h.state().modal.import().unwrap().preview.clone().unwrap();
    assert_eq!((preview.with_value, preview.unknown.len()), (357, 0));
    let report = preview.borders.unwrap();
    assert!(shows(&h, &report.summary(crate::lang::Lang::Nb)));
    assert!(shows(&h, "1507 Ålesund → 1508 Ålesund 86,2 %, 1580 Haram 13,8 %"));
    assert_eq!(h.state().doc.dataset(), &before, "nothing is added before Apply");
    // As a rate the same file marks the split municipality's cells as estimates.
    h.state_mut().modal.import_mut().unwrap().kind = Kind::Intensive;
    h.run();
    let preview = h.state().modal.import().unwrap().preview.clone().unwrap();
    assert_eq!(preview.estimated.len(), 2);
    assert!(shows(&h, "verdier blir merket som anslag"));
}
