//! The planner driven headless: real app, real commands, widgets found by role and label.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::app::App;
use super::command::{Command, GuardChoice};
use super::document::Document;
use super::edit::Edit;
use super::view_state::Prefs;
use crate::gui::test_harness::{harness, shows};
use crate::scenario::save_scenario;

fn new_app() -> App {
    App::new(Document::new_default().unwrap(), Prefs::default())
}

fn requests(app: &App) -> Vec<u32> {
    app.computed.result.as_ref().unwrap().rows.iter().map(|r| r.allocation).collect()
}

fn edit(edit: Edit) -> Command {
    Command::Edit { edit, gesture: None }
}

#[test]
fn moving_a_weight_changes_requests_and_keeps_the_total() {
    let mut h = harness(new_app());
    let before = requests(h.state());
    assert!(shows(&h, "Fordelt: 5\u{a0}120 av 5\u{a0}120"));

    h.state_mut().apply(edit(Edit::SetWeight { idx: 1, value: 80.0 }));
    h.run();
    let app = h.state();
    let after = requests(app);
    assert_ne!(before, after, "a heavier labour-market weight moves some requests");
    let a = app.computed.result.as_ref().unwrap();
    assert_eq!(a.allocated, 5120);
    assert!(app.doc.is_dirty());
    assert!(shows(&h, "Fordelt: 5\u{a0}120 av 5\u{a0}120"));
    assert!(shows(&h, "●"), "the unsaved mark is shown");
}

#[test]
fn a_target_change_shows_in_the_status_bar_and_names_who_came_in() {
    let mut h = harness(new_app());
    h.state_mut().apply(edit(Edit::SetTargetTotal(8000)));
    h.run();
    assert!(shows(&h, "Fordelt: 8\u{a0}000 av 8\u{a0}000"));
    // A larger target lifts more municipalities over the minimum request.
    let note = h.state().current_note().expect("a note on who came in").clone();
    assert!(!note.came_in.is_empty());
    assert!(shows(&h, &note.came_in[0]));
    assert!(shows(&h, " nye: "));
}

#[test]
fn opening_a_file_loads_it_and_a_broken_file_keeps_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.ron");
    let mut scenario = Document::new_default().unwrap().scenario().clone();
    scenario.name = "Another plan".into();
    scenario.target.total = 3000;
    scenario.target.minors = 50;
    save_scenario(&path, &scenario).unwrap();

    let mut h = harness(new_app());
    h.state_mut().apply(Command::Open(path.clone()));
    h.run();
    assert_eq!(h.state().doc.scenario().name, "Another plan");
    assert_eq!(h.state().doc.path(), Some(path.as_path()));
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().prefs.recent.first(), Some(&path));
    assert!(shows(&h, "Fordelt: 3\u{a0}000 av 3\u{a0}000"));

    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(\n    version: 1,\n    name: \"x\",\n    oops\n").unwrap();
    h.state_mut().apply(edit(Edit::SetMinRequest(5)));
    h.state_mut().apply(Command::Open(broken.clone()));
    h.run();
    // The guard asks first (there is an edit); discarding would lose it, so the test saves nothing and
    // discards: the broken file must still leave the current work untouched.
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.discard).click();
    h.run();
    let app = h.state();
    assert_eq!(app.doc.scenario().name, "Another plan");
    assert_eq!(app.doc.scenario().rules.min_request, 5, "the edit survives a failed open");
    assert!(shows(&h, "Kunne ikke åpne:"));
    assert!(shows(&h, "broken.ron, line 4"), "the message names file and line");
}

#[test]
fn unsaved_changes_guard_asks_before_new() {
    let mut h = harness(new_app());
    h.state_mut().apply(edit(Edit::SetTargetTotal(6000)));
    h.state_mut().apply(Command::New);
    h.run();
    assert!(shows(&h, "Ulagrede endringer"));
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.cancel).click();
    h.run();
    assert!(h.state().modal.guard().is_none());
    assert_eq!(h.state().doc.scenario().target.total, 6000, "Cancel keeps the edit");
    assert!(
        h.query_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.discard).is_none(),
        "the dialog is gone"
    );

    h.state_mut().apply(Command::New);
    h.run();
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.discard).click();
    h.run();
    assert_eq!(h.state().doc.scenario().target.total, 5120, "Discard replaces");
    assert!(!h.state().doc.is_dirty());
    assert!(!h.state().history.can_undo());
}

#[test]
fn guard_save_writes_the_file_then_continues() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut h = harness(new_app());
    h.state_mut().apply(Command::SaveAs(path.clone()));
    h.state_mut().apply(edit(Edit::SetTargetTotal(4000)));
    h.state_mut().apply(Command::New);
    h.state_mut().apply(Command::Guard(GuardChoice::Save));
    h.run();
    assert_eq!(crate::scenario::load_scenario(&path).unwrap().target.total, 4000);
    assert_eq!(h.state().doc.scenario().target.total, 5120);
    assert!(path.with_extension("ron.bak").exists() || dir.path().join("plan.ron.bak").exists());
}

#[test]
fn undo_and_redo_walk_the_history() {
    let mut h = harness(new_app());
    let original = h.state().doc.scenario().clone();
    h.state_mut().apply(edit(Edit::SetTargetTotal(6000)));
    let once = h.state().doc.scenario().clone();
    h.state_mut().apply(edit(Edit::SetWeight { idx: 0, value: 10.0 }));
    h.run();
    h.state_mut().apply(Command::Undo);
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(*h.state().doc.scenario(), original);
    assert!(!h.state().doc.is_dirty());
    assert!(shows(&h, "Fordelt: 5\u{a0}120 av 5\u{a0}120"));
    h.state_mut().apply(Command::Redo);
    h.run();
    assert_eq!(*h.state().doc.scenario(), once);

    // The keyboard does the same: Ctrl+Z undoes, Ctrl+Shift+Z redoes.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(*h.state().doc.scenario(), original);
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    h.run();
    assert_eq!(*h.state().doc.scenario(), once);
}

#[test]
fn a_slider_drag_is_one_undo_step() {
    let mut h = harness(new_app());
    let original = h.state().doc.scenario().clone();
    let drag = Some(egui::Id::unique("drag"));
    for v in [30.0, 31.0, 32.0, 33.0] {
        h.state_mut().apply(Command::Edit { edit: Edit::SetWeight { idx: 0, value: v }, gesture: drag });
    }
    h.state_mut().apply(Command::EndGesture);
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(*h.state().doc.scenario(), original);
}

#[test]
fn language_switch_changes_the_labels() {
    let mut h = harness(new_app());
    assert!(h.query_by_label(crate::gui::panels::menu::MenuTexts::NB.file).is_some());
    h.get_by_label(crate::gui::panels::menu::MenuTexts::NB.view).click();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, crate::gui::panels::menu::MenuTexts::NB.english).click();
    h.run();
    assert!(h.query_by_label(crate::gui::panels::menu::MenuTexts::EN.file).is_some());
    assert!(h.query_by_label(crate::gui::panels::menu::MenuTexts::NB.file).is_none());
    assert!(shows(&h, "Allocated: 5,120 of 5,120"));
    assert_eq!(h.state().prefs.lang, crate::lang::Lang::En);
}

#[test]
fn an_impossible_setting_shows_why_and_keeps_the_inputs() {
    let mut h = harness(new_app());
    h.state_mut().apply(edit(Edit::SetTargetMinors(6000)));
    h.run();
    let error = h.state().computed.result.as_ref().unwrap_err().clone();
    let message = error.message(crate::lang::Lang::Nb);
    assert!(shows(&h, &message), "the cause in the planner's language: {message}");
    assert_ne!(message, error.to_string());
    assert!(shows(&h, "Ingen fordeling med disse innstillingene"));
    assert!(shows(&h, "⚠ Ingen fordeling"));
    assert_eq!(h.state().doc.scenario().target.minors, 6000);
    h.state_mut().apply(Command::Undo);
    h.run();
    assert!(h.state().computed.result.is_ok());
}

#[test]
fn values_outside_the_widget_ranges_are_left_alone() {
    let mut scenario = Document::new_default().unwrap().scenario().clone();
    scenario.criteria[0].weight = 250.0;
    scenario.rules.min_request = 5000;
    let (doc, _) = Document::from_scenario(scenario.clone(), None).unwrap();
    let mut h = harness(App::new(doc, Prefs::default()));
    h.run();
    assert_eq!(*h.state().doc.scenario(), scenario, "drawing the controls must not edit the scenario");
    assert!(!h.state().history.can_undo());
}

#[test]
fn clicking_a_row_selects_it() {
    let mut h = harness(new_app());
    let oslo = h.state().doc.dataset().index_of_code("0301").unwrap();
    // The county of Oslo is also called Oslo: the first is the name column.
    h.query_all_by_value("Oslo").next().unwrap().click();
    h.run();
    assert_eq!(h.state().view.selected, Some(oslo));
}

#[test]
fn the_path_field_takes_the_keyboard_and_opens_the_typed_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let mut scenario = Document::new_default().unwrap().scenario().clone();
    scenario.name = "Typed".into();
    save_scenario(&path, &scenario).unwrap();

    let mut h = harness(new_app());
    h.state_mut().show_path_field(super::command::FileAction::Open);
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, crate::gui::panels::dialogs::DialogTexts::NB.path);
    assert!(field.is_focused(), "the field has the keyboard");
    h.event(egui::Event::Text(path.display().to_string()));
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().doc.scenario().name, "Typed");
    assert!(h.state().modal.path_field().is_none());
}

#[test]
fn the_path_field_says_where_a_relative_name_goes_and_lists_matching_files() {
    let t = crate::gui::panels::dialogs::DialogTexts::NB;
    let mut h = harness(new_app());
    h.state_mut().show_path_field(super::command::FileAction::Open);
    h.run();
    let cwd = std::env::current_dir().unwrap();
    assert!(shows(&h, &format!("{} {}", t.relative_to, cwd.display())));
    h.event(egui::Event::Text("scenarios/imdi-20".into()));
    h.run();
    assert!(shows(&h, t.matching));
    h.get_by_label("scenarios/imdi-2020.ron").click();
    h.run();
    assert_eq!(h.state().modal.path_field().unwrap().text, "scenarios/imdi-2020.ron", "a click fills the field");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().doc.path(), Some(std::path::Path::new("scenarios/imdi-2020.ron")));
}

/// The commands the app sent to the window in the last frame.
fn window_commands(h: &Harness<'_, App>) -> Vec<egui::ViewportCommand> {
    h.output().viewport_output.get(&egui::ViewportId::ROOT).map(|v| v.commands.clone()).unwrap_or_default()
}

fn request_close(h: &mut Harness<'_, App>) {
    let viewport = h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default();
    viewport.events.push(egui::ViewportEvent::Close);
    h.step();
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = harness(new_app());
    // Clean: the window may close.
    request_close(&mut h);
    assert!(!window_commands(&h).contains(&egui::ViewportCommand::CancelClose));

    h.state_mut().apply(edit(Edit::SetTargetTotal(7000)));
    request_close(&mut h);
    assert!(window_commands(&h).contains(&egui::ViewportCommand::CancelClose));
    h.run();
    assert!(shows(&h, "Ulagrede endringer"));
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.discard).click();
    h.step();
    assert!(window_commands(&h).contains(&egui::ViewportCommand::Close));
    h.run();
    // Agreed once: the close that follows goes through.
    request_close(&mut h);
    assert!(!window_commands(&h).contains(&egui::ViewportCommand::CancelClose));
}

#[test]
fn dragging_a_weight_slider_is_one_undo_step() {
    let mut h = harness(new_app());
    let original = h.state().doc.scenario().clone();
    let rect = h.get_by_role_and_label(Role::Slider, "Arbeidsmarked").rect();
    let y = rect.center().y;
    let press = |h: &Harness<'_, App>, x: f32, pressed: bool| {
        h.event(egui::Event::PointerButton {
            pos: egui::pos2(x, y),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    };
    h.event(egui::Event::PointerMoved(rect.center()));
    press(&h, rect.center().x, true);
    h.run();
    for step in 1..=6 {
        h.event(egui::Event::PointerMoved(egui::pos2(rect.center().x + 20.0 * step as f32, y)));
        h.run();
    }
    press(&h, rect.center().x + 120.0, false);
    h.run();
    let dragged = h.state().doc.scenario().criteria[1].weight;
    assert!(dragged > original.criteria[1].weight + 5.0, "the drag moved the weight to {dragged}");
    h.state_mut().apply(Command::Undo);
    assert_eq!(*h.state().doc.scenario(), original, "one undo takes back the whole drag");
}

#[test]
fn exporting_writes_a_workbook_and_a_csv() {
    use crate::export::ExportFormat;
    use crate::report::CsvStyle;
    use calamine::Reader as _;

    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("plan.xlsx");
    let csv = dir.path().join("plan.csv");
    let mut h = harness(new_app());
    h.state_mut().apply(Command::Export(xlsx.clone(), ExportFormat::Xlsx));
    h.state_mut().apply(Command::Export(csv.clone(), ExportFormat::Csv(CsvStyle::ExcelNo)));
    h.run();
    let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
    assert!(book.sheet_names().iter().any(|s| s == "Kommuner"));
    assert!(book.worksheet_range("Kommuner").unwrap().height() > 300);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'), "Norwegian Excel CSV has a BOM");
    assert!(text.contains(';'));
    assert!(shows(&h, "Eksportert til"));
}

#[test]
fn an_existing_export_target_asks_and_cancel_keeps_the_file() {
    use crate::export::ExportFormat;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.xlsx");
    std::fs::write(&path, "keep me").unwrap();
    let mut h = harness(new_app());
    h.state_mut().apply(Command::Export(path.clone(), ExportFormat::Xlsx));
    h.run();
    assert!(shows(&h, "Filen finnes"));
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.cancel).click();
    h.run();
    assert!(h.state().modal.export_exists().is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");

    h.state_mut().apply(Command::Export(path.clone(), ExportFormat::Xlsx));
    h.run();
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.overwrite).click();
    h.run();
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"), "Overwrite writes the workbook");
}

#[test]
fn copying_the_table_says_so() {
    let mut h = harness(new_app());
    h.state_mut().apply(Command::CopyTable);
    h.run();
    assert!(shows(&h, "Tabellen er kopiert"));
}

#[test]
fn an_existing_chart_file_asks_before_it_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chart.png");
    std::fs::write(&path, "keep me").unwrap();
    let mut h = harness(new_app());
    h.state_mut().apply(Command::SaveChart(path.clone()));
    h.run();
    assert!(shows(&h, "Filen finnes"));
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.cancel).click();
    h.run();
    assert!(h.state().chart.is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
}

/// Runs frames until the background export is done (or 60 s pass).
fn wait_for_export(h: &mut Harness<'static, App>) {
    let start = std::time::Instant::now();
    while let Some(pending) = &mut h.state_mut().chart
        && start.elapsed() < std::time::Duration::from_secs(60)
    {
        pending.wait(std::time::Duration::from_secs(60));
        h.run();
    }
}

#[test]
fn export_figure_draws_the_map_from_the_plan_and_the_briefing_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(new_app());
    h.state_mut().apply(Command::SetTab(super::view_state::Tab::Map));
    let svg = dir.path().join("kart.svg");
    h.state_mut().apply(Command::SaveChart(svg.clone()));
    wait_for_export(&mut h);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.starts_with("<svg") && text.contains("Kart: © Kartverket, CC BY 4.0"),
        "a map figure, not a screen grab"
    );
    assert!(shows(&h, "Figuren er lagret"));

    let pdf = dir.path().join("orientering.pdf");
    h.state_mut().apply(Command::Briefing(pdf.clone()));
    wait_for_export(&mut h);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert!(shows(&h, "Orienteringen er lagret"));
}

#[test]
fn the_board_takes_scenario_files_on_the_same_dataset_and_exports_them() {
    use super::compare_view::CompareCmd;
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2020.ron")).unwrap();
    let smaller = dir.path().join("mindre.ron");
    std::fs::write(
        &smaller,
        base.replace("name: \"IMDi 2020\"", "name: \"Mindre\"").replace("total: 5120", "total: 4000"),
    )
    .unwrap();
    let mut h = harness(new_app());
    h.state_mut().apply(Command::SetTab(super::view_state::Tab::Compare));
    h.state_mut().apply(Command::Compare(CompareCmd::BoardLoad(smaller)));
    h.state_mut().apply(Command::Compare(CompareCmd::BoardLoad(
        concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2024.ron").into(),
    )));
    h.run();
    assert!(shows(&h, "annet datasett"), "a plan on the 2024 borders is refused with a message");
    let app = h.state();
    assert_eq!(app.view.compare.board.entries.len(), 1);
    let inputs = super::compare_view::inputs(&app.doc, &app.computed, app.view.lang);
    let board = app.view.compare.board.board(&inputs).unwrap();
    assert_eq!(board.names, vec!["IMDi 2020", "Mindre"]);
    assert_eq!((board.key[0].allocated, board.key[1].allocated), (5120, 4000));
    let xlsx = dir.path().join("tavle.xlsx");
    h.state_mut().apply(Command::Compare(CompareCmd::BoardExport(xlsx.clone(), crate::export::ExportFormat::Xlsx)));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
}
