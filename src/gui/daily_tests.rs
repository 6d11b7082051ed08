//! The planner as analysts use it all day: table keys and totals, theme, help, locks in calibration, names.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::app::App;
use super::command::Command;
use super::document::Document;
use super::edit::Edit;
use super::view_state::{Prefs, SortKey, Tab, Theme};
use crate::gui::test_harness::{harness, shows};
use crate::scenario::Override;

fn new_app() -> App {
    App::new(Document::new_default().unwrap(), Prefs::default())
}

#[test]
fn the_totals_follow_the_filter() {
    let mut h = harness(new_app());
    assert!(shows(&h, "Sum for viste: anmodning 5\u{a0}120"), "all rows: the whole target");
    h.state_mut().view.table.county = Some("18".into());
    h.run();
    let app = h.state();
    let a = app.computed.result.as_ref().unwrap();
    let d = app.doc.dataset();
    let nordland: u32 =
        (0..d.len()).filter(|&i| d.municipalities[i].county_code == "18").map(|i| a.rows[i].allocation).sum();
    let text = format!("Sum for viste: anmodning {}", crate::numfmt::integer(f64::from(nordland), app.view.lang));
    assert!(shows(&h, &text), "{text}");
}

#[test]
fn arrow_keys_move_the_selection_and_enter_opens_explain() {
    let mut h = harness(new_app());
    h.key_press(egui::Key::ArrowDown);
    h.run();
    let first = h.state().view.table_rows.rows_cached()[0];
    assert_eq!(h.state().view.selected, Some(first), "the first row");
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::ArrowUp);
    h.run();
    let second = h.state().view.table_rows.rows_cached()[1];
    assert_eq!(h.state().view.selected, Some(second), "down, down, up: the second row");
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().view.tab, Tab::Explain);
    let name = h.state().doc.dataset().display_name(second);
    assert!(shows(&h, &name), "Explain shows the selected municipality");
}

#[test]
fn a_new_sort_goes_back_to_the_top() {
    let mut h = harness(new_app());
    // Scroll down by selecting the last row in code order.
    let last = h.state().doc.dataset().len() - 1;
    let last_code = h.state().doc.dataset().municipalities[last].code.clone();
    h.state_mut().apply(Command::Select(Some(last)));
    h.run();
    h.run();
    assert!(shows(&h, &last_code));
    assert!(!shows(&h, "0301"), "scrolled away from the top");
    h.state_mut().view.table.click_header(SortKey::Name);
    h.run();
    h.run();
    let first = h.state().view.table_rows.rows_cached()[0];
    let name = h.state().doc.dataset().display_name(first);
    assert!(shows(&h, &name), "the first row by name, {name}, is in view after sorting");
    assert!(!shows(&h, &last_code), "the selection far down the new order is not what is shown");
}

#[test]
fn theme_is_a_preference_that_persists() {
    let mut h = harness(new_app());
    assert_eq!(h.state().prefs.theme, Theme::System);
    h.state_mut().apply(Command::SetTheme(Theme::Dark));
    h.run();
    assert!(h.ctx.theme() == egui::Theme::Dark);
    h.state_mut().apply(Command::SetTheme(Theme::Light));
    h.run();
    assert!(h.ctx.theme() == egui::Theme::Light, "light for print and projectors");
    let saved = ron::to_string(&h.state().prefs).unwrap();
    let back: Prefs = ron::from_str(&saved).unwrap();
    assert_eq!(back.theme, Theme::Light);
    let old: Prefs = ron::from_str("(lang: en, recent: [])").unwrap();
    assert_eq!(old.theme, Theme::System, "preferences saved before the theme existed still load");
}

#[test]
fn the_help_page_explains_the_model_with_a_worked_example() {
    let mut h = harness(new_app());
    h.key_press(egui::Key::F1);
    h.run();
    let t = &super::help::HelpTexts::NB;
    assert!(shows(&h, t.window_title));
    assert!(shows(&h, t.example_heading));
    // The numbers themselves are the engine's (help::example_tests).
    assert!(shows(&h, t.example_result));
    h.state_mut().apply(Command::ShowHelp(None));
    h.state_mut().apply(Command::SetLang(crate::lang::Lang::En));
    h.run();
    // A section's "?" opens the page there, in the interface's language.
    h.query_all_by_role_and_label(Role::Button, "?").next().expect("a help link").click();
    h.run();
    assert!(shows(&h, super::help::HelpTexts::EN.window_title));
    assert!(shows(&h, super::help::HelpTexts::EN.example_heading));
}

#[test]
fn f1_on_a_control_opens_the_help_at_its_section() {
    let mut h = harness(new_app());
    h.get_by_role_and_label(Role::Slider, "Arbeidsmarked").hover();
    h.run();
    // The tooltip names the section F1 leads to.
    assert!(shows(&h, "F1: Hjelp om «Kriterier, vekter og nøkler»"), "the tooltip's last line");
    h.key_press(egui::Key::F1);
    h.run();
    assert_eq!(h.state().view.help, Some(super::help::HelpSection::Criteria));
    assert!(shows(&h, "Kriterier, vekter og nøkler"));
    h.state_mut().apply(Command::ShowHelp(None));
    // F1 away from the controls opens the page at the top.
    h.get_by_role_and_label(Role::Button, crate::gui::panels::menu::MenuTexts::NB.file).hover();
    h.run();
    h.key_press(egui::Key::F1);
    h.run();
    assert_eq!(h.state().view.help, Some(super::help::HelpSection::Overview));
}

#[test]
fn calibration_says_when_locks_shape_the_result() {
    let mut h = harness(new_app());
    h.state_mut().apply(Command::Edit {
        edit: Edit::SetOverride { code: "1818".into(), value: Some(Override::Lock(30)) },
        gesture: None,
    });
    h.state_mut().apply(Command::Calibrate(super::calibrate_dialog::CalibrateCmd::Open));
    h.run();
    assert!(shows(&h, "Låste kommuner tar 30 (Herøy (Nordland) 30)"));
}

#[test]
fn the_status_bar_names_shared_names_with_their_county() {
    let mut h = harness(new_app());
    // Drop Herøy in Møre og Romsdal: the note names which Herøy left.
    h.state_mut().apply(Command::Edit {
        edit: Edit::SetOverride { code: "1515".into(), value: Some(Override::Exclude) },
        gesture: None,
    });
    h.run();
    assert!(shows(&h, "ikke lenger anmodet: Herøy (Møre og Romsdal)"));
}

#[test]
fn tab_brings_the_focused_control_into_view() {
    let mut h = harness(new_app());
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0));
    let mut below_the_fold = false;
    for _ in 0..80 {
        h.key_press(egui::Key::Tab);
        h.run();
        let focused = h.query_all_by(|n| n.is_focused()).map(|n| n.rect()).find(|r| r.is_finite());
        let Some(focused) = focused else { continue };
        assert!(window.contains_rect(focused), "the focused control is in view: {focused:?}");
        // The left panel starts in view: Tab has gone past its first screen once a control lies that low.
        below_the_fold |= focused.top() > 700.0;
    }
    assert!(below_the_fold, "Tab reached the lower controls");
}

#[test]
fn help_tells_the_years_work_beside_the_model() {
    let mut h = harness(new_app());
    h.get_by_role_and_label(Role::Button, crate::gui::panels::menu::MenuTexts::NB.help).click();
    h.run();
    let t = super::help::HelpTexts::NB;
    h.get_by_role_and_label(Role::Button, &format!("{} …", t.work_title)).click();
    h.run();
    assert_eq!(h.state().view.help, Some(super::help::HelpSection::Year));
    assert!(shows(&h, t.window_title), "the window");
    for heading in [t.year_heading, t.followup_heading, t.county_heading, t.data_heading, t.outputs_heading] {
        assert!(shows(&h, heading), "{heading}");
    }
    // The model's part is still there, above.
    assert!(shows(&h, t.example_heading));
}
