//! The county round tab driven headless: the real app on the 2024 scenario, returned files written by the
//! test as a county would send them, dropped on the window, widgets found by role and label.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::{CountyRoundCmd, CountyRoundTexts, FramesChoice};
use crate::followup::column_counts;
use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::test_harness::{harness as harness_of, shows};
use crate::gui::view_state::{Prefs, Tab};

fn harness() -> Harness<'static, App> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    let (doc, _) = Document::open(&path).unwrap();
    let mut app = App::new(doc, Prefs::default());
    app.apply(Command::SetTab(Tab::CountyRound));
    app.view.county_round.frames = FramesChoice::Column("anmodning_2024".into());
    harness_of(app)
}

/// A file dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_files(h: &mut Harness<'_, App>, paths: &[PathBuf]) {
    for p in paths {
        h.input_mut().dropped_files.push(Arc::new(Dropped(p.clone())));
    }
    h.run();
}

/// code → (county code, the 2024 request), from the app's dataset.
fn request_2024(app: &App) -> BTreeMap<String, (String, u32)> {
    let d = app.doc.dataset();
    let values = column_counts(d, "anmodning_2024").unwrap();
    d.municipalities
        .iter()
        .zip(values)
        .map(|(m, v)| (m.code.clone(), (m.county_code.clone(), v.unwrap_or(0))))
        .collect()
}

/// One CSV per county with the 2024 request as the recommendation, Bergen raised by `bergen`.
fn write_answers(app: &App, dir: &Path, bergen: u32) -> Vec<PathBuf> {
    let d = app.doc.dataset();
    let request = request_2024(app);
    let mut by_county: BTreeMap<String, String> = BTreeMap::new();
    for m in &d.municipalities {
        let v = request[&m.code].1 + if m.code == "4601" { bergen } else { 0 };
        let text =
            by_county.entry(m.county_code.clone()).or_insert_with(|| "Kommunenummer;Kommune;Anbefaling\n".into());
        text.push_str(&format!("{};{};{v}\n", m.code, m.name));
    }
    by_county
        .iter()
        .map(|(county, text)| {
            let path = dir.join(format!("{county}.csv"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn click(h: &mut Harness<'_, App>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

#[test]
fn import_reconcile_and_open_as_plan() {
    let mut h = harness();
    let t = CountyRoundTexts::get(h.state().view.lang);
    assert!(shows(&h, t.none_yet), "nothing imported yet");
    let dir = tempfile::tempdir().unwrap();
    let files = write_answers(h.state(), dir.path(), 200);
    drop_files(&mut h, &files);
    assert_eq!(h.state().view.county_round.files.len(), files.len(), "every dropped file read");
    assert!(h.state().view.county_round.problem.is_none());
    click(&mut h, t.reconcile);
    let (reconciled, _) = h.state().view.county_round.reconciled.clone().expect("reconciled");
    let log = reconciled.deviations.len();
    assert!(log > 0, "Bergen's +200 is taken from Vestland's others");
    assert!(shows(&h, &format!("{} ({log})", t.deviations)), "the log is shown with its count");
    let before = h.state().doc.scenario().clone();
    click(&mut h, t.open_as_plan);
    let app = h.state();
    assert_eq!(app.view.tab, Tab::Table, "the plan is shown like any plan");
    let request = request_2024(app);
    let plan = app.computed.result.as_ref().expect("the reconciled plan allocates");
    let d = app.doc.dataset();
    let mut vestland = (0u64, 0u64);
    for (row, m) in d.municipalities.iter().enumerate() {
        let (county, v) = &request[&m.code];
        let got = plan.rows[row].allocation;
        assert_eq!(got, reconciled.requests[row], "{} as reconciled", m.code);
        if county == "46" {
            vestland = (vestland.0 + u64::from(*v), vestland.1 + u64::from(got));
        } else {
            assert_eq!(got, *v, "{} outside Vestland unchanged", m.code);
        }
        let logged = reconciled.deviations.iter().any(|dv| dv.row == row);
        assert_eq!(logged, got != reconciled.starting[row], "{} moves only with a log line", m.code);
    }
    assert_eq!(vestland.0, vestland.1, "Vestland brought to its frame");
    h.state_mut().apply(Command::Undo);
    assert_eq!(h.state().doc.scenario(), &before, "one undo step back");
}

#[test]
fn a_bad_file_is_refused_whole_with_file_row_and_cause() {
    let mut h = harness();
    let t = CountyRoundTexts::get(h.state().view.lang);
    let dir = tempfile::tempdir().unwrap();
    let mut files = write_answers(h.state(), dir.path(), 0);
    let bad = dir.path().join("svar.csv");
    std::fs::write(&bad, "Kommunenummer;Kommune;Anbefaling\n4601;Bergen;-3\n").unwrap();
    files.push(bad);
    drop_files(&mut h, &files);
    let state = &h.state().view.county_round;
    assert!(state.files.is_empty(), "nothing imported half");
    assert!(state.recommendations.by_code.is_empty());
    let problem = "svar.csv, row 2: 4601 Bergen: -3 is negative";
    assert!(state.problem.as_deref().is_some_and(|p| p.contains(problem)), "{:?}", state.problem);
    assert!(shows(&h, problem), "the cause is on screen");
    assert!(shows(&h, t.not_imported));
}

#[test]
fn the_county_workbooks_go_to_a_folder_and_never_over_a_file() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    h.state_mut().apply(Command::CountyRound(CountyRoundCmd::Export(dir.path().to_path_buf())));
    let written: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    let counties = h.state().doc.dataset().row_index().counties.len();
    assert_eq!(written.len(), counties + 1, "one per county and one for all");
    let bytes = |p: &Path| std::fs::read(p).unwrap();
    let first = written[0].path();
    let kept = bytes(&first);
    h.state_mut().apply(Command::CountyRound(CountyRoundCmd::Export(dir.path().to_path_buf())));
    assert_eq!(bytes(&first), kept, "an existing workbook is not replaced");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), counties + 1, "no file written");
}

#[test]
fn a_typed_folder_imports_its_returned_files() {
    let mut h = harness();
    let t = CountyRoundTexts::get(h.state().view.lang);
    let dir = tempfile::tempdir().unwrap();
    let files = write_answers(h.state(), dir.path(), 0);
    std::fs::write(dir.path().join("notes.md"), "not a returned file").unwrap();
    h.get_by_role_and_label(Role::TextInput, t.path).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, t.path).type_text(&dir.path().display().to_string());
    h.run();
    assert_eq!(h.state().view.county_round.path, dir.path().display().to_string());
    click(&mut h, t.import_path);
    let state = &h.state().view.county_round;
    assert_eq!(state.problem, None);
    assert_eq!(state.files.len(), files.len(), "every CSV of the folder, nothing else");
    let counties = h.state().doc.dataset().row_index().counties.len();
    assert_eq!(state.recommendations.received.len(), counties, "every county received");
}

#[test]
fn a_changed_choice_marks_the_log_out_of_date_and_opening_reconciles_again() {
    let mut h = harness();
    let t = CountyRoundTexts::get(h.state().view.lang);
    let dir = tempfile::tempdir().unwrap();
    let files = write_answers(h.state(), dir.path(), 200);
    drop_files(&mut h, &files);
    click(&mut h, t.reconcile);
    assert!(!shows(&h, t.stale));
    h.get_by_role_and_label(Role::CheckBox, t.accept_sums).click();
    h.run();
    assert!(shows(&h, t.stale), "the log no longer matches the choices");
    click(&mut h, t.open_as_plan);
    let app = h.state();
    let bergen = app.doc.dataset().index_of_code("4601").unwrap();
    let asked = request_2024(app)["4601"].1 + 200;
    let plan = app.computed.result.as_ref().unwrap();
    assert_eq!(plan.rows[bergen].allocation, asked, "Vestland keeps its own sum: Bergen as recommended");
}

#[test]
fn the_reconciled_request_becomes_the_years_round_with_its_log() {
    use crate::gui::year_view::YearCmd;
    let mut h = harness();
    let t = CountyRoundTexts::get(h.state().view.lang);
    let dir = tempfile::tempdir().unwrap();
    let files = write_answers(h.state(), dir.path(), 200);
    drop_files(&mut h, &files);
    click(&mut h, t.reconcile);
    click(&mut h, t.to_year);
    assert!(h.state().year.is_none(), "no year open: nothing made");
    assert!(h.state().notices.iter().any(|n| n.text.contains(t.no_year)), "and the tab says what to do");
    let file = dir.path().join("2025.year.ron");
    h.state_mut().apply(Command::Year(YearCmd::New(file.clone())));
    h.state_mut().apply(Command::SetTab(Tab::CountyRound));
    let kinn = crate::county_round::Override { code: "4602".into(), value: 150, reason: "avtalt med Kinn".into() };
    h.state_mut().apply(Command::CountyRound(CountyRoundCmd::AddOverride(kinn)));
    h.run();
    click(&mut h, t.to_year);
    let (reconciled, _) = h.state().view.county_round.reconciled.clone().expect("reconciled");
    let app = h.state();
    assert_eq!(app.view.tab, Tab::Year, "the round is shown where it is sent");
    let open = app.year.as_ref().expect("a year");
    let made = &open.unsent().last().expect("an unsent round").round;
    assert_eq!(made.deviations.len(), reconciled.deviations.len(), "every line of the log travels with the round");
    let manual = crate::county_round::DeviationReason::Manual("avtalt med Kinn".into());
    assert_eq!(made.deviations.get("4602").map(|d| &d.reason), Some(&manual), "the override with its reason");
    assert_eq!(made.requests.get("4602"), Some(&150));
    let d = app.doc.dataset();
    for (row, m) in d.municipalities.iter().enumerate() {
        assert_eq!(made.requests.get(&m.code).copied().unwrap_or(0), reconciled.requests[row], "{}", m.code);
    }
    h.state_mut().apply(Command::Year(YearCmd::Send { accept_warnings: false }));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("deviations: {") && text.contains("reason: frame"), "sent with its log");
    let again = crate::year::parse_year(&text, "2025.year.ron").unwrap();
    assert_eq!(again.rounds.last().unwrap().deviations.len(), reconciled.deviations.len());
}

#[test]
fn the_county_table_sets_last_years_request_and_decisions_beside_the_frames() {
    let h = harness();
    let d = h.state().doc.dataset();
    for id in ["anmodning_2024", "vedtak_2024"] {
        let c = d.column(id).unwrap();
        assert!(shows(&h, &c.meta.label.nb), "{id} heads a column");
        let vestland: f64 = d
            .municipalities
            .iter()
            .zip(c.values.iter())
            .filter(|(m, _)| m.county_code == "46")
            .filter_map(|(_, v)| *v)
            .sum();
        assert!(shows(&h, &crate::numfmt::integer(vestland, crate::lang::Lang::Nb)), "{id}: Vestland's sum");
    }
}

fn type_into(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).type_text(text);
    h.run();
}

fn add_button_disabled(h: &Harness<'_, App>, t: &CountyRoundTexts) -> bool {
    h.get_by_role_and_label(Role::Button, t.add_override).accesskit_node().is_disabled()
}

#[test]
fn an_override_made_in_the_tab_holds_is_logged_with_its_reason_and_can_be_removed() {
    let mut h = harness();
    let lang = h.state().view.lang;
    let t = CountyRoundTexts::get(lang);
    let dir = tempfile::tempdir().unwrap();
    let files = write_answers(h.state(), dir.path(), 0);
    drop_files(&mut h, &files);
    click(&mut h, t.reconcile);
    let (plain, _) = h.state().view.county_round.reconciled.clone().expect("reconciled");
    assert!(plain.deviations.is_empty(), "the counties answered their frames");
    let bergen = h.state().doc.dataset().index_of_code("4601").unwrap();
    let set = plain.requests[bergen] - 100;

    assert!(add_button_disabled(&h, t), "nothing typed yet");
    type_into(&mut h, t.municipality, "bergen");
    type_into(&mut h, t.number, &set.to_string());
    assert!(add_button_disabled(&h, t), "no reason yet");
    assert!(shows(&h, t.need_reason), "and the tab says what is missing");
    type_into(&mut h, &super::overrides::reason_label(lang), "   ");
    assert!(add_button_disabled(&h, t), "a blank reason is none");
    type_into(&mut h, &super::overrides::reason_label(lang), "avtalt med Bergen");
    assert!(!add_button_disabled(&h, t));
    click(&mut h, t.add_override);
    let state = &h.state().view.county_round;
    assert_eq!(state.overrides.len(), 1);
    assert_eq!(state.draft, Default::default(), "the row is emptied for the next");
    assert!(shows(&h, t.stale), "the log no longer matches the overrides");

    click(&mut h, t.reconcile);
    let (done, _) = h.state().view.county_round.reconciled.clone().expect("reconciled");
    assert_eq!(done.requests[bergen], set, "held at the number set");
    let line = done.deviations.iter().find(|d| d.row == bergen).expect("Bergen in the log");
    let reason = crate::county_round::DeviationReason::Manual("avtalt med Bergen".into());
    assert_eq!(line.reason, reason);
    assert!(shows(&h, &reason.label(lang)), "the log shows the reason as the command line's --set does");
    let d = h.state().doc.dataset();
    let vestland = |r: &crate::county_round::Reconciled| -> u64 {
        d.municipalities
            .iter()
            .zip(&r.requests)
            .filter(|(m, _)| m.county_code == "46")
            .map(|(_, &v)| u64::from(v))
            .sum()
    };
    assert_eq!(vestland(&done), vestland(&plain), "the rest of Vestland makes up the 100");

    click(&mut h, crate::gui::overrides::OverrideTexts::get(lang).remove);
    assert!(h.state().view.county_round.overrides.is_empty());
    click(&mut h, t.reconcile);
    let (again, _) = h.state().view.county_round.reconciled.clone().expect("reconciled");
    assert_eq!(again.requests, plain.requests, "removing it restores the result");
    assert!(again.deviations.is_empty());
}

#[test]
fn an_override_reaches_the_plan_opened_and_a_shared_name_is_chosen_from_the_matches() {
    let mut h = harness();
    let lang = h.state().view.lang;
    let t = CountyRoundTexts::get(lang);
    type_into(&mut h, t.municipality, "Herøy");
    assert!(add_button_disabled(&h, t), "two municipalities have the name");
    let choose = h.query_all_by_role_and_label(Role::Button, t.choose).count();
    assert_eq!(choose, 2, "both are offered");
    h.query_all_by_role_and_label(Role::Button, t.choose).next().unwrap().click();
    h.run();
    let chosen = h.state().view.county_round.draft.municipality.clone();
    let d = h.state().doc.dataset();
    let row = match d.rows_named(&chosen)[..] {
        [row] => row,
        _ => panic!("{chosen} names one municipality"),
    };
    let code = d.municipalities[row].code.clone();
    type_into(&mut h, t.number, "7");
    type_into(&mut h, &super::overrides::reason_label(lang), "etter møte");
    // Enter in the reason field adds it, as the button does.
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().view.county_round.overrides.len(), 1, "added from the keyboard");
    click(&mut h, t.reconcile);
    click(&mut h, t.open_as_plan);
    let app = h.state();
    let plan = app.computed.result.as_ref().expect("the plan allocates");
    assert_eq!(plan.rows[row].allocation, 7);
    let note = app.doc.scenario().override_notes.get(&code).cloned().unwrap_or_default();
    assert!(note.ends_with("etter møte."), "{note}");
    assert!(app.doc.scenario().county_recommendations.is_empty(), "no county answered: nothing recommended");
}

#[test]
fn in_a_small_window_the_tables_scroll_and_the_override_row_stays_in_view() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    let (doc, _) = Document::open(&path).unwrap();
    let mut app = App::new(doc, Prefs::default());
    app.apply(Command::SetTab(Tab::CountyRound));
    let width = 1280.0;
    let h = crate::gui::test_harness::harness_sized(app, egui::vec2(width, 720.0));
    let t = CountyRoundTexts::NB;
    let add = h.get_by_role_and_label(Role::Button, t.add_override).rect();
    let label = super::overrides::reason_label(crate::lang::Lang::Nb);
    let reason = h.get_by_role_and_label(Role::TextInput, &label).rect();
    assert!(add.right() <= width, "the add button is cut at the window's edge: {add:?}");
    assert!(reason.right() <= width, "the reason field is cut: {reason:?}");
}

#[test]
fn county_headers_break_between_words_only() {
    let mut h = harness();
    h.state_mut().apply(Command::SetLang(crate::lang::Lang::En));
    h.run();
    let t = CountyRoundTexts::EN;
    // The height of a header's text: one line for a single word, however narrow the window.
    let height = |text: &str| {
        // A label keeps its text in its value.
        h.query_all_by(|n| n.value().is_some_and(|v| v == text)).map(|n| n.rect().height()).fold(0.0f32, f32::max)
    };
    let line = height(t.county);
    assert!(line > 0.0, "the County header is shown");
    for word in [t.recommended, t.received, t.model_total, t.frame] {
        assert!(height(word) < 1.5 * line, "{word} is broken inside the word: {} against {line}", height(word));
    }
}
