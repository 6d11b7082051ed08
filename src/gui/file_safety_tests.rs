//! Never losing work, driven headless: autosave, recovery after a crash, failed saves, files changed by others.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::app::App;
use super::autosave::Autosave;
use super::command::{Command, DiskChoice};
use super::document::Document;
use super::edit::Edit;
use super::view_state::Prefs;
use crate::gui::test_harness::{harness, shows};
use crate::scenario::{Scenario, load_scenario, save_scenario};

fn app_in(folder: &Path) -> App {
    App::new(Document::new_default().unwrap(), Prefs::default())
        .with_autosave(Autosave::in_folder(Some(folder.to_path_buf())))
}

/// The autosave folder holds no session's files.
fn nothing_in(folder: &Path) -> bool {
    std::fs::read_dir(folder).unwrap().next().is_none()
}

fn edit(edit: Edit) -> Command {
    Command::Edit { edit, gesture: None }
}

fn plan(name: &str, total: u32) -> Scenario {
    let mut s = Document::new_default().unwrap().scenario().clone();
    s.name = name.into();
    s.target.total = total;
    s
}

#[test]
fn the_app_autosaves_after_the_interval_and_a_save_removes_it() {
    let data = tempfile::tempdir().unwrap();
    let mut app = app_in(data.path());
    let t0 = Instant::now();
    app.autosave_tick(t0);
    app.apply(edit(Edit::SetTargetTotal(4444)));
    app.autosave_tick(t0 + Duration::from_secs(29));
    assert!(app.autosave.scenario_file().is_none());
    app.autosave_tick(t0 + Duration::from_secs(30));
    let autosaved = app.autosave.scenario_file().unwrap();
    assert_eq!(load_scenario(&autosaved).unwrap(), *app.doc.scenario());

    // The user's file is written by Save; the autosave is then gone.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    app.apply(Command::SaveAs(path.clone()));
    assert!(path.exists());
    assert!(!autosaved.exists());
    assert!(nothing_in(data.path()));
}

#[test]
fn after_a_crash_the_work_can_be_recovered() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("plan.ron");
    save_scenario(&original, &plan("On disk", 5000)).unwrap();

    // A session edits the plan, autosaves, and dies without cleaning up.
    let (doc, _) = Document::open(&original).unwrap();
    let mut crashed = App::new(doc, Prefs::default()).with_autosave(Autosave::in_folder(Some(data.path().into())));
    crashed.apply(edit(Edit::SetTargetTotal(6100)));
    crashed.autosave.write(&crashed.doc).unwrap();
    let lost = crashed.doc.scenario().clone();
    drop(crashed);

    let mut h = harness(app_in(data.path()));
    assert!(shows(&h, "Gjenopprette ulagret arbeid fra"));
    assert!(shows(&h, "plan.ron"), "the dialog names the file the work belongs to");
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.recover).click();
    h.run();
    let app = h.state();
    assert!(app.modal.recovery().is_none());
    assert_eq!(*app.doc.scenario(), lost);
    assert!(app.doc.is_dirty());
    assert_eq!(app.doc.path(), Some(original.as_path()));
    assert!(shows(&h, "Fordelt: 6\u{a0}100 av 6\u{a0}100"));

    // Save goes back to its file, after the usual check: unchanged since the lost session opened it.
    h.state_mut().apply(Command::Save);
    h.run();
    assert!(h.state().modal.disk_conflict().is_none());
    assert_eq!(load_scenario(&original).unwrap().target.total, 6100);
    assert!(!h.state().doc.is_dirty());
    assert!(nothing_in(data.path()), "saved: nothing left to recover");
}

#[test]
fn recovered_work_asks_before_overwriting_a_file_changed_since() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("plan.ron");
    save_scenario(&original, &plan("On disk", 5000)).unwrap();
    let (mut doc, _) = Document::open(&original).unwrap();
    doc.set_scenario(plan("Edited", 6100)).unwrap();
    Autosave::in_folder(Some(data.path().into())).write(&doc).unwrap();
    save_scenario(&original, &plan("Someone else's", 3000)).unwrap();
    let file = std::fs::File::options().write(true).open(&original).unwrap();
    file.set_modified(std::time::SystemTime::now() + Duration::from_secs(5)).unwrap();
    drop(file);

    let mut h = harness(app_in(data.path()));
    h.state_mut().apply(Command::Recover(true));
    h.state_mut().apply(Command::Save);
    h.run();
    assert!(shows(&h, "Filen er endret på disken siden du åpnet den."));
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.overwrite).click();
    h.run();
    assert_eq!(load_scenario(&original).unwrap().name, "Edited");
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn discarding_the_recovery_deletes_it() {
    let data = tempfile::tempdir().unwrap();
    let (doc, _) = Document::from_scenario(plan("Lost", 4000), None).unwrap();
    Autosave::in_folder(Some(data.path().into())).write(&doc).unwrap();

    let mut h = harness(app_in(data.path()));
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.discard).click();
    h.run();
    assert!(h.state().modal.recovery().is_none());
    assert_eq!(h.state().doc.scenario().name, "IMDi 2020");
    assert!(!h.state().doc.is_dirty());
    assert!(nothing_in(data.path()));
    assert!(Autosave::in_folder(Some(data.path().into())).find().is_none());
}

#[test]
fn a_failed_save_says_why_keeps_the_old_file_and_stays_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_scenario(&path, &plan("Old", 5000)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let (doc, _) = Document::open(&path).unwrap();
    let mut h = harness(App::new(doc, Prefs::default()));
    h.state_mut().apply(edit(Edit::SetTargetTotal(7000)));

    // Tests run as root, where permissions do not stop writes: a target that is a folder makes the
    // rename fail, and a parent that is a file makes the temporary file fail.
    let folder = dir.path().join("taken.ron");
    std::fs::create_dir(&folder).unwrap();
    let under_file = path.join("plan.ron");
    for target in [&folder, &under_file] {
        h.state_mut().apply(Command::SaveAs(target.clone()));
        h.run();
        assert!(shows(&h, "Kunne ikke lagre:"));
        assert!(shows(&h, &target.display().to_string()), "the message names the file");
        assert!(h.state().doc.is_dirty());
        assert_eq!(h.state().doc.path(), Some(path.as_path()), "the document still belongs to its file");
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "the old file is intact");
    assert!(folder.is_dir());
    assert_eq!(h.state().doc.scenario().target.total, 7000, "the work is still there");
}

#[test]
fn a_file_changed_on_disk_asks_before_it_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_scenario(&path, &plan("Mine", 5000)).unwrap();
    let (doc, _) = Document::open(&path).unwrap();
    let mut h = harness(App::new(doc, Prefs::default()));
    h.state_mut().apply(edit(Edit::SetTargetTotal(5500)));

    // Someone else saves the file meanwhile.
    save_scenario(&path, &plan("Theirs", 3000)).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(std::time::SystemTime::now() + Duration::from_secs(5)).unwrap();
    drop(file);
    let theirs = std::fs::read(&path).unwrap();

    h.state_mut().apply(Command::Save);
    h.run();
    assert!(shows(&h, "Filen er endret på disken siden du åpnet den."));
    assert!(h.query_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.save_as).is_some());
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.cancel).click();
    h.run();
    assert!(h.state().modal.disk_conflict().is_none());
    assert_eq!(std::fs::read(&path).unwrap(), theirs, "Cancel leaves their file alone");
    assert!(h.state().doc.is_dirty());

    // Overwrite writes, and from then on the file is ours again: no more questions.
    h.state_mut().apply(Command::Save);
    h.state_mut().apply(Command::DiskChanged(DiskChoice::Overwrite));
    h.run();
    assert_eq!(load_scenario(&path).unwrap().target.total, 5500);
    h.state_mut().apply(edit(Edit::SetTargetTotal(5600)));
    h.state_mut().apply(Command::Save);
    assert!(h.state().modal.disk_conflict().is_none());
    assert_eq!(load_scenario(&path).unwrap().target.total, 5600);
}

#[test]
fn an_unchanged_file_is_saved_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save_scenario(&path, &plan("Mine", 5000)).unwrap();
    let (doc, _) = Document::open(&path).unwrap();
    let mut app = App::new(doc, Prefs::default());
    app.apply(edit(Edit::SetTargetTotal(5200)));
    app.apply(Command::Save);
    assert!(app.modal.disk_conflict().is_none());
    assert_eq!(load_scenario(&path).unwrap().target.total, 5200);
}

#[test]
fn open_asks_about_unsaved_changes_before_the_path_and_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    save_scenario(&other, &plan("Et annet scenario", 4_000)).unwrap();
    let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
    h.state_mut().apply(edit(Edit::SetTargetTotal(6_000)));
    h.run();
    let t = crate::gui::panels::dialogs::DialogTexts::NB;

    h.state_mut().apply(Command::OpenDialog);
    h.run();
    assert!(shows(&h, t.unsaved_title), "the question comes first");
    assert!(h.state().modal.path_field().is_none(), "no path asked for yet");
    h.get_by_role_and_label(Role::Button, t.discard).click();
    h.run();
    // No native dialog here: the path field takes the file; it opens without a second question.
    assert!(h.state().modal.path_field().is_some());
    h.state_mut().apply(Command::Open(other.clone()));
    h.run();
    assert!(!shows(&h, t.unsaved_title));
    assert_eq!(h.state().doc.scenario().name, "Et annet scenario");

    // A file opened any other way with unsaved changes still asks.
    h.state_mut().apply(edit(Edit::SetTargetTotal(4_500)));
    h.state_mut().apply(Command::Open(other));
    h.run();
    assert!(shows(&h, t.unsaved_title));
}
