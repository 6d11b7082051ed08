//! The Data tab and the import dialog, driven through the real app and its commands.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::ImportCmd;
use super::overview::filled_by;
use crate::data::EMBEDDED_IDS;
use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::edit::Edit;
use crate::gui::test_harness::{harness, shows};
use crate::gui::view_state::{Prefs, Tab};
use crate::lang::Lang;
use crate::numfmt;
use crate::scenario::DatasetRef;
use crate::scenario::MissingPolicy;

fn app_2024() -> App {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    App::new(Document::open(&path).unwrap().0, Prefs::default())
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

/// Loads `file` through the command path and waits for the background read.
fn load(h: &mut Harness<'_, App>, file: &str) {
    h.state_mut().apply(Command::Import(ImportCmd::Load(fixture(file))));
    let app = h.state_mut();
    let dataset = app.doc.dataset().clone();
    app.modal.import_mut().unwrap().wait(&dataset);
    h.run();
}

fn import(cmd: ImportCmd) -> Command {
    Command::Import(cmd)
}

/// Fills in the source and licence the dialog requires.
fn credit(h: &mut Harness<'_, App>) {
    let d = h.state_mut().modal.import_mut().unwrap();
    d.source = "Testkilde".into();
    d.licence = "CC BY 4.0".into();
}

#[test]
fn data_tab_lists_every_column_with_its_missing_count() {
    let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
    h.state_mut().apply(Command::SetTab(Tab::Data));
    h.run();
    let d = h.state().doc.dataset().clone();
    assert_eq!(d.id, "norway-2020");
    assert_eq!(d.columns.len(), 14);
    for c in &d.columns {
        assert!(shows(&h, &c.meta.label.nb), "column {} is listed by its label", c.meta.id);
    }
    let intro = d.column("intro_arbeid_utdanning_2013_pst").unwrap();
    assert!(intro.missing_count() > 0);
    assert!(shows(&h, &numfmt::integer(intro.missing_count() as f64, Lang::Nb)));
    assert!(shows(&h, &d.fingerprint));
    // The scenario's policy for the intro column; columns nobody uses say so.
    let s = h.state().doc.scenario().clone();
    assert_eq!(filled_by(&s, &intro.meta, Lang::En), "Integration results: county median");
    assert!(shows(&h, &filled_by(&s, &intro.meta, Lang::Nb)));
    let unused = d.columns.iter().find(|c| filled_by(&s, &c.meta, Lang::En) == "not used");
    assert!(unused.is_some());
    // Both embedded datasets can be chosen from the tab.
    for id in EMBEDDED_IDS {
        assert!(shows(&h, id));
    }
}

#[test]
fn importing_an_ssb_table_adds_a_column_a_criterion_can_use() {
    let mut h = harness(app_2024());
    let before = h.state().doc.dataset().clone();
    let allocated_before = h.state().computed.result.as_ref().unwrap().allocated;
    let scenario_before = h.state().doc.scenario().clone();
    load(&mut h, "ssb_tab_hidden.tsv");
    let d = h.state().modal.import().unwrap();
    let table = d.table.as_ref().unwrap();
    let year_col = table.headers.iter().position(|c| c == "2024").unwrap();
    h.state_mut().apply(import(ImportCmd::SetValueColumn(year_col)));
    h.run();
    let p = h.state().modal.import().unwrap().preview.clone().unwrap();
    assert!(p.with_value >= 1);
    assert_eq!(p.without_value, before.len() - p.with_value);
    assert!(shows(&h, &format!("{} kommuner med verdi", p.with_value)));
    assert!(shows(&h, &format!("{} ukjente kommunenummer", p.unknown.len())));

    h.state_mut().modal.import_mut().unwrap().id = "sysselsatte_2024".into();
    h.state_mut().modal.import_mut().unwrap().label = "Sysselsatte 2024".into();
    h.state_mut().apply(import(ImportCmd::SetLeaveOutUnknown(true)));
    credit(&mut h);
    h.state_mut().apply(import(ImportCmd::Apply));
    h.run();
    let app = h.state();
    assert!(app.modal.import().is_none(), "the dialog closes after applying");
    let col = app.doc.dataset().column("sysselsatte_2024").unwrap();
    assert_eq!(col.values[app.doc.dataset().index_of_code("0301").unwrap()], Some(12.5));
    assert_eq!(app.doc.dataset().columns.len(), before.columns.len() + 1);
    assert_eq!(app.doc.scenario(), &scenario_before, "the scenario is unchanged");
    assert!(app.doc.is_dirty());
    h.state_mut().apply(Command::SetTab(Tab::Data));
    h.run();
    assert!(shows(&h, "Sysselsatte 2024"), "the Data tab lists the new column");
    assert!(shows(&h, super::texts::DataTexts::NB.unsaved));

    h.state_mut().apply(Command::Edit {
        edit: Edit::SetColumn { idx: 1, column: Some("sysselsatte_2024".into()) },
        gesture: None,
    });
    h.state_mut().apply(Command::Edit {
        edit: Edit::SetMissing { idx: 1, policy: Some(MissingPolicy::NationalMedian) },
        gesture: None,
    });
    h.run();
    let app = h.state();
    let a = app.computed.result.as_ref().unwrap();
    assert_eq!(a.allocated, allocated_before, "the allocation still sums to the target");
    assert!(shows(&h, "Sysselsatte 2024"), "the indicator chooser shows the new column");
    assert!(a.weights.len() > 1);
}

#[test]
fn an_import_is_one_undo_step_and_keeps_both_labels() {
    let mut h = harness(app_2024());
    let columns_before = h.state().doc.dataset().columns.len();
    load(&mut h, "ssb_tab_hidden.tsv");
    let table = h.state().modal.import().unwrap().table.clone().unwrap();
    let year_col = table.headers.iter().position(|c| c == "2024").unwrap();
    h.state_mut().apply(import(ImportCmd::SetValueColumn(year_col)));
    let d = h.state_mut().modal.import_mut().unwrap();
    d.id = "sysselsatte_2024".into();
    d.label = "Sysselsatte 2024".into();
    d.label_en = "Employed 2024".into();
    h.state_mut().apply(import(ImportCmd::SetLeaveOutUnknown(true)));
    credit(&mut h);
    h.state_mut().apply(import(ImportCmd::Apply));
    h.run();
    let label = &h.state().doc.dataset().column("sysselsatte_2024").unwrap().meta.label;
    assert_eq!((label.nb.as_str(), label.en.as_str()), ("Sysselsatte 2024", "Employed 2024"));

    h.state_mut().apply(Command::Undo);
    h.run();
    let app = h.state();
    assert!(app.doc.dataset().column("sysselsatte_2024").is_none(), "undo takes the column out");
    assert_eq!(app.doc.dataset().columns.len(), columns_before);
    assert!(!app.doc.is_dirty(), "back to the opened state");

    h.state_mut().apply(Command::Redo);
    h.run();
    assert!(h.state().doc.dataset().column("sysselsatte_2024").is_some(), "redo brings it back");
    assert!(h.state().doc.dataset_unsaved());
}

#[test]
fn unknown_codes_are_listed_with_their_lines_and_must_be_left_out() {
    let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
    load(&mut h, "plain_semicolon_utf8.csv");
    let d = h.state().modal.import().unwrap();
    let p = d.preview.clone().unwrap();
    assert!(!p.unknown.is_empty(), "{p:?}");
    let (code, line) = &p.unknown[0];
    assert!(shows(&h, &format!("linje {line}: {code} (ikke en kommune i norway-2020)")));
    h.state_mut().modal.import_mut().unwrap().id = "ny".into();
    credit(&mut h);
    h.state_mut().apply(import(ImportCmd::Apply));
    assert!(h.state().modal.import().is_some(), "not applied before the unknown codes are left out");
    assert!(h.state().doc.dataset().column("ny").is_none());
}

#[test]
fn a_broken_file_shows_its_line_and_changes_nothing() {
    let mut h = harness(app_2024());
    let before = h.state().doc.dataset().fingerprint.clone();
    load(&mut h, "broken_ragged.csv");
    let d = h.state().modal.import().unwrap();
    let error = d.error.clone().unwrap();
    assert!(error.contains("broken_ragged.csv") && error.contains("line 5"), "{error}");
    assert!(shows(&h, &error));
    h.state_mut().apply(import(ImportCmd::Apply));
    h.state_mut().apply(import(ImportCmd::Close));
    h.run();
    assert_eq!(h.state().doc.dataset().fingerprint, before);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn saving_after_an_import_writes_the_dataset_next_to_the_scenario() {
    let mut h = harness(app_2024());
    load(&mut h, "ssb_tab_hidden.tsv");
    let d = h.state_mut().modal.import_mut().unwrap();
    d.id = "sysselsatte_2024".into();
    d.leave_out_unknown = true;
    credit(&mut h);
    h.state_mut().apply(import(ImportCmd::Apply));
    let fingerprint = h.state().doc.dataset().fingerprint.clone();

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    h.state_mut().apply(Command::SaveAs(path.clone()));
    let app = h.state();
    assert!(!app.doc.is_dirty());
    assert!(dir.path().join("plan.dataset.ron").is_file());
    assert_eq!(app.doc.scenario().dataset, DatasetRef::File("plan.dataset.ron".into()));

    let (reopened, warning) = Document::open(&path).unwrap();
    assert!(warning.is_none(), "{warning:?}");
    assert_eq!(reopened.dataset().fingerprint, fingerprint);
    assert!(reopened.dataset().column("sysselsatte_2024").is_some());

    // Saved into another folder, the scenario takes its dataset along.
    let other = tempfile::tempdir().unwrap();
    let moved = other.path().join("moved.ron");
    h.state_mut().apply(Command::SaveAs(moved.clone()));
    assert!(other.path().join("moved.dataset.ron").is_file());
    let (reopened, _) = Document::open(&moved).unwrap();
    assert_eq!(reopened.dataset().fingerprint, fingerprint);
}

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs").join(name)
}

#[test]
fn a_dataset_file_can_be_used_undone_and_a_broken_one_changes_nothing() {
    let mut h = harness(app_2024());
    let before = h.state().doc.snapshot();
    h.state_mut().apply(import(ImportCmd::UseDatasetFile(corpus("d_duplicate_code.dataset.ron"))));
    h.run();
    let app = h.state();
    assert_eq!(app.doc.scenario(), &before.scenario, "a broken dataset changes nothing");
    assert_eq!(app.doc.dataset().fingerprint, before.dataset.fingerprint);
    let notice = app.notices.last().map(|n| n.text.clone()).unwrap_or_default();
    assert!(notice.contains("d_duplicate_code.dataset.ron"), "the message names the file: {notice}");

    let mini = corpus("support/mini.dataset.ron");
    h.state_mut().apply(import(ImportCmd::UseDatasetFile(mini.clone())));
    h.run();
    // The scenario's columns are not in the small file: the switch asks first.
    assert!(h.state().modal.dataset_switch().is_some());
    h.state_mut().apply(Command::SwitchDataset(true));
    h.run();
    let app = h.state();
    assert_eq!(app.doc.scenario().dataset, DatasetRef::File(mini.display().to_string()));
    assert_ne!(app.doc.dataset().fingerprint, before.dataset.fingerprint);
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.dataset().fingerprint, before.dataset.fingerprint, "undo returns to the old dataset");
}

#[test]
fn dropped_files_open_scenarios_use_datasets_and_import_tables() {
    use crate::gui::app::dropped_file_command;
    let p = PathBuf::from;
    assert_eq!(dropped_file_command(p("/x/plan.ron")), Some(Command::Open(p("/x/plan.ron"))));
    assert_eq!(
        dropped_file_command(p("/x/plan.dataset.ron")),
        Some(import(ImportCmd::UseDatasetFile(p("/x/plan.dataset.ron"))))
    );
    for table in ["/x/ssb.csv", "/x/ssb.TSV", "/x/stat.json", "/x/export.txt"] {
        assert_eq!(dropped_file_command(p(table)), Some(import(ImportCmd::Load(p(table)))));
    }
    assert_eq!(dropped_file_command(p("/x/picture.png")), None);
}

#[test]
fn the_label_stays_in_place_when_the_columns_scroll_sideways() {
    let mut app = App::new(Document::new_default().unwrap(), Prefs::default());
    app.view.tab = Tab::Data;
    // Narrow, so the metadata columns need scrolling.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .with_max_steps(32)
        .with_context_setup(crate::gui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run();
    let rect = |h: &Harness<'_, App>, text: &str| {
        h.query_all_by(|n| n.value().as_deref() == Some(text) || n.label().as_deref() == Some(text))
            .map(|n| n.rect())
            .next()
    };
    let label_header = rect(&h, "Navn").expect("the label column");
    let unit = rect(&h, "Enhet").expect("the unit header");
    let last = rect(&h, "Manglende verdier fylles med").expect("the last header");
    assert!(last.right() > 1000.0, "off to the right at first: {last:?}");
    // The pointer over the sideways part, then the wheel.
    let widest_label = rect(&h, "Introduksjonsprogram: i arbeid eller utdanning").expect("a long label");
    h.event(egui::Event::PointerMoved(widest_label.right_center() + egui::vec2(60.0, 0.0)));
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-3000.0, 0.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    h.run();
    assert_eq!(rect(&h, "Navn"), Some(label_header), "the label column stays in place");
    let last = rect(&h, "Manglende verdier fylles med").expect("the last header");
    assert!(last.right() <= 1000.0, "the last column came into view: {last:?}");
    assert!(rect(&h, "Enhet").is_none_or(|r| r.left() < unit.left()), "the unit column moved left");
}

#[test]
fn a_fetched_ssb_table_replaces_the_form_with_the_import_dialog() {
    use super::texts::{ImportTexts, SsbTexts};
    let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
    h.state_mut().apply(import(ImportCmd::OpenSsb));
    h.run();
    assert!(shows(&h, SsbTexts::NB.title));
    assert!(h.state().modal.is_up(), "the form has the keyboard");
    let form = h.state_mut().modal.ssb_mut().unwrap();
    form.table = "07459".into();
    form.year = "2020".into();
    form.base = Some(super::ssb::ssb_server::serve(false));
    h.state_mut().apply(import(ImportCmd::FetchSsb));
    assert!(h.state().modal.ssb().is_some_and(super::ssb::SsbForm::is_running));
    h.state_mut().modal.ssb_mut().unwrap().settle();
    h.run();
    assert!(h.state().modal.ssb().is_none(), "the form is gone");
    let d = h.state().modal.import().expect("the import dialog is open");
    assert_eq!((d.source.as_str(), d.licence.as_str()), ("SSB, tabell 07459", "CC BY 4.0 (SSB)"), "from SSB");
    assert!(d.table.is_some());
    assert!(shows(&h, ImportTexts::NB.title));
    let t = &ImportTexts::NB;
    let d = h.state().modal.import().unwrap();
    let waits_for = d.column(t).err().unwrap_or_default();
    assert!(![t.need_source_and_licence, t.need_source, t.need_licence].contains(&waits_for.as_str()), "{waits_for}");
}

#[test]
fn a_role_is_changed_from_the_tab_as_one_undo_step_and_the_follow_up_follows_it() {
    use crate::data::ColumnRole;
    use egui::accesskit::Role;
    let mut h = harness(app_2024());
    h.state_mut().apply(Command::SetTab(Tab::Data));
    h.run();
    let role = |h: &Harness<'_, App>, id: &str| h.state().doc.dataset().column(id).unwrap().meta.role;
    assert_eq!(role(&h, "vedtak_2024"), Some(ColumnRole::Decisions { year: 2024 }));
    assert_eq!(h.state().view.followup.decisions(h.state().doc.dataset()).as_deref(), Some("vedtak_2024"));
    // Each count shows its role in a combo box; a rate shows none.
    let combo = |value: &'static str| {
        move |n: &egui_kittest::kittest::AccessKitNode<'_>| {
            n.role() == Role::ComboBox && n.value().is_some_and(|v| v == value)
        }
    };
    assert_eq!(h.query_all_by(combo("Vedtak 2024")).count(), 1);
    assert!(shows(&h, super::texts::DataTexts::NB.role_rate), "the centrality class is a rate");
    h.query_all_by(combo("Vedtak 2024")).next().expect("the decisions' role").click();
    h.run();
    h.get_by_label("ingen rolle").click();
    h.run();
    assert_eq!(role(&h, "vedtak_2024"), None);
    assert!(h.state().doc.dataset_unsaved(), "saved with the scenario");
    assert_eq!(h.state().view.followup.decisions(h.state().doc.dataset()), None, "no decisions by role now");
    // Given to another column, the follow-up takes that one.
    let decisions = Some(ColumnRole::Decisions { year: 2024 });
    h.state_mut().apply(import(ImportCmd::SetRole { column: "bosatt_2023".into(), role: decisions }));
    h.run();
    assert_eq!(h.state().view.followup.decisions(h.state().doc.dataset()).as_deref(), Some("bosatt_2023"));
    // A rate is refused with a notice; nothing changes.
    let before = h.state().doc.dataset().clone();
    h.state_mut().apply(import(ImportCmd::SetRole { column: "sentralitetsklasse_2024".into(), role: decisions }));
    assert_eq!(*h.state().doc.dataset(), before);
    // Undo takes each step back.
    h.state_mut().apply(Command::Undo);
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(role(&h, "vedtak_2024"), Some(ColumnRole::Decisions { year: 2024 }));
    assert_eq!(role(&h, "bosatt_2023"), Some(ColumnRole::Settled { year: 2023, partial: false }));
}

#[test]
fn an_imported_request_is_a_count_with_the_role_its_name_gives() {
    use crate::data::{ColumnRole, Kind};
    let dir = tempfile::tempdir().unwrap();
    let d = crate::data::embedded_dataset("norway-2024").unwrap();
    let mut text = String::from("kommunenummer;anmodning\n");
    for (m, v) in d.municipalities.iter().zip(d.column("anmodning_2024").unwrap().values.iter()) {
        text.push_str(&format!("{};{}\n", m.code, v.unwrap_or(0.0)));
    }
    let file = dir.path().join("anmodning.csv");
    std::fs::write(&file, text).unwrap();
    let mut h = harness(app_2024());
    h.state_mut().apply(import(ImportCmd::Load(file)));
    let dataset = h.state().doc.dataset().clone();
    h.state_mut().modal.import_mut().unwrap().wait(&dataset);
    h.run();
    assert_eq!(h.state().modal.import().unwrap().kind, Kind::Extensive, "whole numbers summing to 36 985");
    let dialog = h.state_mut().modal.import_mut().unwrap();
    dialog.id = "anmodning_2025".into();
    h.run();
    assert!(shows(&h, "Anmodning 2025 (ut fra id og år; endres i Data-fanen)"), "the role is shown before it is added");
    credit(&mut h);
    h.state_mut().apply(import(ImportCmd::Apply));
    h.run();
    let meta = h.state().doc.dataset().column("anmodning_2025").unwrap().meta.clone();
    assert_eq!((meta.kind, meta.role), (Kind::Extensive, Some(ColumnRole::Request { year: 2025 })));
}

/// A file credits nobody: the Add button stays disabled, with a hint naming what is missing, until a source and a
/// licence are typed (from the keyboard), and the column then carries what was typed.
#[test]
fn the_add_button_waits_for_a_source_and_a_licence_typed_by_the_analyst() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT as _;
    let t = super::texts::ImportTexts::NB;
    let mut h = harness(app_2024());
    load(&mut h, "ssb_07459_semicolon_latin1.csv");
    let d = h.state_mut().modal.import_mut().unwrap();
    assert_eq!((d.source.as_str(), d.licence.as_str()), ("", ""), "nothing is credited to SSB by the file's format");
    d.id = "egen_2024".into();
    d.leave_out_unknown = true;
    h.run();
    let disabled = |h: &Harness<'_, App>| h.get_by_role_and_label(Role::Button, t.apply).accesskit_node().is_disabled();
    assert!(disabled(&h), "no source, no licence");
    assert!(shows(&h, t.need_source_and_licence));

    h.get_by_role_and_label(Role::TextInput, t.source).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, t.source).type_text("Kommunen selv");
    h.run();
    assert!(disabled(&h), "a source without a licence");
    assert!(shows(&h, t.need_licence));
    h.key_press(egui::Key::Tab);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, t.licence).is_focused(),
        "Tab goes from the source to the licence"
    );
    h.event(egui::Event::Text("CC BY 4.0".into()));
    h.run();
    assert!(!disabled(&h), "both filled in");
    assert!(!shows(&h, t.need_licence));

    // The button is reached with Tab and pressed with Enter.
    for _ in 0..40 {
        if h.get_by_role_and_label(Role::Button, t.apply).is_focused() {
            break;
        }
        h.key_press(egui::Key::Tab);
        h.run();
    }
    assert!(h.get_by_role_and_label(Role::Button, t.apply).is_focused(), "Tab reaches the Add button");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.state().modal.import().is_none(), "the column is added");
    let meta = &h.state().doc.dataset().column("egen_2024").unwrap().meta;
    assert_eq!((meta.source.as_str(), meta.licence.as_str()), ("Kommunen selv", "CC BY 4.0"));
}
