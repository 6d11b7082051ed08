//! The Året tab driven headless on the 2024 plan: a year made in the planner, its rounds made, sent, undone
//! and withdrawn through the buttons (found by role and label), and its figures checked against
//! `year_status` of the file written and of the same steps made as `bosetting year` makes them.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::{YearCmd, YearTexts};
use crate::data::embedded_dataset;
use crate::followup::Among;
use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::test_harness::{harness_sized, shows};
use crate::gui::view_state::{Prefs, Tab};
use crate::scenario::{DatasetRef, load_scenario};
use crate::year::table::summary_lines;
use crate::year::{
    Date, Need, Revision, RoundKind, Snapshot, Year, counts_from_column, new_year, open_year, recorded_round,
    revision_round, shortfall_round, year_status,
};

const T: &YearTexts = &YearTexts::NB;

fn plan_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/plan-year-2024.ron")
}

/// The planner on the 2024 plan with a new year at `file`, on the Året tab.
fn harness(file: &Path) -> Harness<'static, App> {
    let (doc, _) = Document::open(&plan_path()).unwrap();
    let mut app = App::new(doc, Prefs::default());
    // The need's date.
    app.view.year.date = "2023-06-15".into();
    app.apply(Command::Year(YearCmd::New(file.to_path_buf())));
    assert_eq!(app.view.tab, Tab::Year);
    harness_sized(app, egui::vec2(1400.0, 1300.0))
}

fn click(h: &mut Harness<'static, App>, label: &str) {
    let notices: Vec<String> = h.state().notices.iter().map(|n| n.text.clone()).collect();
    let found = h.query_by_role_and_label(Role::Button, label);
    found.unwrap_or_else(|| panic!("no button {label}; notices: {notices:?}")).click();
    h.run();
}

/// The button whose label starts with `start` (its number follows).
fn click_starting(h: &mut Harness<'static, App>, start: &str) {
    let found = h.query_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(start)));
    found.into_iter().next().unwrap_or_else(|| panic!("no button {start}")).click();
    h.run();
}

fn set_date(h: &mut Harness<'static, App>, date: &str) {
    h.state_mut().view.year.date = date.to_owned();
    h.run();
}

/// Records the request (anmodning_2024) and the decisions (vedtak_2024) through the tab's buttons.
fn request_and_decisions(h: &mut Harness<'static, App>) {
    set_date(h, "2023-10-01");
    h.state_mut().view.year.column = Some("anmodning_2024".into());
    h.run();
    click(h, T.record_round);
    click(h, T.send);
    set_date(h, "2024-02-01");
    h.state_mut().view.year.column = Some("vedtak_2024".into());
    h.run();
    click(h, T.record_decisions);
    assert_eq!(h.state().year.as_ref().unwrap().saved().decisions.len(), 1, "the decisions are in the file");
}

fn saved(file: &Path) -> Year {
    open_year(file).unwrap().0
}

/// The same steps as the command line makes them (`year new`, `round --from`, `decisions`, `round --kind
/// shortfall` twice, `round --kind revision --keep-decisions`).
/// Returns the year and the revision's warnings as the command line prints them.
fn the_same_steps_as_the_cli(target: u32) -> (Year, Vec<String>) {
    let d = embedded_dataset("norway-2024").unwrap();
    let plan = load_scenario(&plan_path()).unwrap();
    let need = Need { date: "2023-06-15".parse().unwrap(), total: plan.target.total, minors: 0, note: String::new() };
    let mut y = new_year(&plan, DatasetRef::Embedded("norway-2024".into()), &d, d.year, need);
    let date = |s: &str| s.parse::<Date>().unwrap();
    let sent = counts_from_column(&d, "anmodning_2024").unwrap();
    y.add_round(recorded_round(&y, &d, RoundKind::Request, date("2023-10-01"), &sent, "anmodning_2024").unwrap())
        .unwrap();
    let counts = counts_from_column(&d, "vedtak_2024").unwrap();
    y.decisions.push(Snapshot { date: date("2024-02-01"), source: "vedtak_2024".into(), counts });
    for day in ["2024-03-01", "2024-04-01"] {
        y.add_round(shortfall_round(&y, &d, date(day), Among::Yes, false, "").unwrap()).unwrap();
    }
    let revision = Revision { keep_plan_bounds: false, ..Revision::to(target) };
    let made = revision_round(&y, &d, date("2024-05-01"), revision, "").unwrap();
    let warnings = made.warnings.iter().map(|w| w.message(&made.dataset, &made.after, crate::lang::Lang::Nb)).collect();
    y.add_round(made).unwrap();
    (y, warnings)
}

#[test]
fn two_shortfall_rounds_and_a_revision_give_the_figures_of_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2024.year.ron");
    let mut h = harness(&file);
    request_and_decisions(&mut h);
    for day in ["2024-03-01", "2024-04-01"] {
        set_date(&mut h, day);
        click_starting(&mut h, T.make_shortfall);
        assert!(shows(&h, T.unsent), "a round made is unsent until sent");
        click(&mut h, T.send);
    }
    set_date(&mut h, "2024-05-01");
    // The revision: to 30,000 keeping the decisions, without the plan's band.
    let target = 30_000;
    h.state_mut().view.year.revise_target = Some(target);
    h.run();
    h.get_by_role_and_label(Role::CheckBox, T.keep_bounds).click();
    h.run();
    click(&mut h, T.make_revision);
    assert!(shows(&h, T.warnings), "places pile up, said before the round is sent");
    let (cli_year, cli_warnings) = the_same_steps_as_the_cli(target);
    assert!(!cli_warnings.is_empty());
    for w in &cli_warnings {
        assert!(shows(&h, w), "the warning is shown as the command line prints it: {w}");
    }
    assert!(shows(&h, "Rakkestad"), "naming the municipalities");
    assert!(
        h.get_by_role_and_label(Role::Button, T.send).accesskit_node().is_disabled(),
        "not sent without a second look"
    );
    h.get_by_role_and_label(Role::CheckBox, T.accept_warnings).click();
    h.run();
    click(&mut h, T.send);
    let on_disk = saved(&file);
    assert_eq!(on_disk.rounds.len(), 4, "request, two shortfall rounds and the revision are in the file");
    let d = embedded_dataset("norway-2024").unwrap();
    let from_file = year_status(&on_disk, &d, None).unwrap();
    let cli = year_status(&cli_year, &d, None).unwrap();
    assert_eq!(
        (from_file.target, from_file.requested(), from_file.decided(), from_file.shortfall(), from_file.settled()),
        (cli.target, cli.requested(), cli.decided(), cli.shortfall(), cli.settled())
    );
    assert_eq!(from_file.timeline, cli.timeline);
    assert_eq!((from_file.target, from_file.decided()), (target, 28_327));
    // The tab shows every figure as `year status` writes it.
    for (label, value) in summary_lines(&cli, h.state().view.lang).into_iter().skip(2) {
        assert!(shows(&h, &value), "{label}: {value} shown");
    }
    let title = h.state().title().to_owned();
    assert!(title.contains("2024.year.ron"), "the year in the title: {title}");
    assert!(shows(&h, &format!("{}: 2024.year.ron", T.status_bar)), "and in the status bar");
}

#[test]
fn undo_takes_back_an_unsent_round_and_never_a_sent_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2024.year.ron");
    let mut h = harness(&file);
    request_and_decisions(&mut h);
    let before = std::fs::read(&file).unwrap();
    set_date(&mut h, "2024-03-01");
    click_starting(&mut h, T.make_shortfall);
    let rounds = |h: &Harness<'static, App>| h.state().year.as_ref().unwrap().prepared().rounds.len();
    assert_eq!(rounds(&h), 2);
    assert_eq!(std::fs::read(&file).unwrap(), before, "an unsent round is not in the file");
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(rounds(&h), 1, "undo took the round back");
    h.state_mut().apply(Command::Redo);
    h.run();
    assert_eq!(rounds(&h), 2, "redo made it again");
    click(&mut h, T.send);
    assert_eq!(saved(&file).rounds.len(), 2);
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!((rounds(&h), saved(&file).rounds.len()), (2, 2), "a sent round is out of reach of undo");
}

#[test]
fn a_withdrawn_round_is_confirmed_and_kept_on_record() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2024.year.ron");
    let mut h = harness(&file);
    request_and_decisions(&mut h);
    set_date(&mut h, "2024-03-01");
    click_starting(&mut h, T.make_shortfall);
    click(&mut h, T.send);
    // The last round is the one chosen; its actions are under the timeline.
    click(&mut h, T.withdraw);
    assert!(h.state().modal.withdraw().is_some(), "asked first");
    click(&mut h, T.withdraw_title);
    assert!(h.state().modal.withdraw().is_some(), "not without a reason");
    let field = h.get_by_role_and_label(Role::TextInput, T.reason);
    field.focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, T.reason).type_text("sendt ved en feil");
    h.run();
    click(&mut h, T.withdraw_title);
    assert!(h.state().modal.withdraw().is_none());
    let y = saved(&file);
    assert_eq!(y.rounds.len(), 1);
    assert_eq!(y.withdrawn.len(), 1);
    assert_eq!(
        (y.withdrawn[0].round.kind, y.withdrawn[0].reason.as_str()),
        (RoundKind::Shortfall, "sendt ved en feil")
    );
    assert!(shows(&h, "sendt ved en feil"), "the record is shown");
    assert!(file.with_extension("ron.bak").exists(), "the version before is kept");
}

#[test]
fn a_round_opens_as_the_plan_and_undo_returns() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2024.year.ron");
    let mut h = harness(&file);
    request_and_decisions(&mut h);
    set_date(&mut h, "2024-03-01");
    click_starting(&mut h, T.make_shortfall);
    let original = h.state().doc.scenario().clone();
    click(&mut h, T.open_plan);
    let app = h.state();
    assert_eq!(app.view.tab, Tab::Table);
    let made = &app.year.as_ref().unwrap().unsent()[0];
    assert_eq!(app.computed.result.as_ref().unwrap().allocated, made.round.total(), "the round's own numbers");
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.scenario(), &original, "undo returns to the plan");
    assert_eq!(h.state().year.as_ref().unwrap().unsent().len(), 1, "the round is still there, unsent");
}
