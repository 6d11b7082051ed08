//! The Compare tab driven headless: the real app, its commands, widgets found by role and label.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::CompareCmd;
use crate::analysis::{Baseline, Comparison, compare, summary_line};
use crate::export::ExportFormat;
use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::edit::Edit;
use crate::gui::test_harness::{harness as harness_of, shows};
use crate::gui::view_state::{Prefs, Tab};
use crate::lang::Lang;
use crate::report::CsvStyle;
use crate::scenario::save_scenario;

fn harness() -> Harness<'static, App> {
    let mut app = App::new(Document::new_default().unwrap(), Prefs::default());
    app.apply(Command::SetTab(Tab::Compare));
    harness_of(app)
}

fn cmd(h: &mut Harness<'_, App>, c: CompareCmd) {
    h.state_mut().apply(Command::Compare(c));
    h.run();
}

/// The live plan against the 2019 request, computed directly from the engine.
fn against_2019(app: &App) -> Comparison {
    let a = app.computed.result.as_ref().unwrap();
    compare(app.doc.dataset(), a, Baseline::Column("anmodning_2019")).unwrap()
}

fn shown_comparison(h: &mut Harness<'_, App>) -> Comparison {
    let app = h.state_mut();
    let inputs = super::inputs(&app.doc, &app.computed, app.view.lang);
    app.view.compare.sync(&inputs).cloned().unwrap().unwrap()
}

#[test]
fn choosing_a_column_shows_the_summary_line() {
    let mut h = harness();
    assert_eq!(
        h.state().view.compare.choice(),
        Some(&super::BaselineChoice::Column("anmodning_2019".into())),
        "before any choice, the scenario's reference column is the baseline"
    );
    h.get_by_role_and_label(Role::Button, super::CompareTexts::NB.saved).click();
    h.run();
    // A combo box shows its choice as its value.
    let chooser = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::ComboBox && n.value().is_some_and(|v| v == "Kolonne i datasettet (velg kolonne)")
    };
    h.query_all_by(chooser).next().expect("the column chooser").click();
    h.run();
    h.get_by_label("Anmodning 2019 (anmodning_2019)").click();
    h.run();
    let expected = summary_line(&against_2019(h.state()), Lang::Nb);
    assert!(expected.contains("kommuner får mer"), "{expected}");
    assert!(shows(&h, &expected), "the summary line is shown: {expected}");
    assert!(shows(&h, "Kolonne: Anmodning 2019 (anmodning_2019)"), "what is compared is named");
    // Both sides' totals: the 2019 request summed, and this plan's 5 120.
    let c = against_2019(h.state());
    assert!(shows(&h, &crate::numfmt::integer(c.total_before, Lang::Nb)));
    assert!(shows(&h, "5\u{a0}120"));
    assert!(!h.state().doc.is_dirty(), "choosing a baseline is no change to the document");
    assert!(!h.state().history.can_undo());
}

#[test]
fn an_edit_changes_the_diff_live() {
    let mut h = harness();
    cmd(&mut h, CompareCmd::UseSaved);
    assert!(shows(&h, "0 kommuner får mer, 0 mindre, 0 nye anmodet, 0 ikke lenger anmodet"));

    h.state_mut().apply(Command::Edit { edit: Edit::SetWeight { idx: 1, value: 80.0 }, gesture: None });
    h.run();
    let c = shown_comparison(&mut h);
    assert!(c.gains > 0 && c.losses > 0, "a heavier weight moves requests both ways");
    // The diff is against the saved copy, made from the engine directly.
    let saved = crate::engine::allocate(h.state().doc.dataset(), h.state().doc.saved()).unwrap();
    let after = h.state().computed.result.as_ref().unwrap();
    let direct = compare(h.state().doc.dataset(), after, Baseline::Allocation(&saved)).unwrap();
    assert_eq!(c, direct);
    assert!(shows(&h, &summary_line(&c, Lang::Nb)));

    // Undo brings the plan back to the saved one, and the diff follows.
    h.state_mut().apply(Command::Undo);
    h.run();
    assert!(shows(&h, "0 kommuner får mer, 0 mindre, 0 nye anmodet, 0 ikke lenger anmodet"));

    // Against a column too: a target change moves the totals line.
    cmd(&mut h, CompareCmd::UseColumn("anmodning_2019".into()));
    let before = shown_comparison(&mut h);
    h.state_mut().apply(Command::Edit { edit: Edit::SetTargetTotal(8000), gesture: None });
    h.run();
    let after = shown_comparison(&mut h);
    assert_eq!(after.total_after, 8000.0);
    assert_ne!(before, after);
    assert!(shows(&h, &summary_line(&after, Lang::Nb)));
}

#[test]
fn summary_counts_match_the_table_rows() {
    let mut h = harness();
    cmd(&mut h, CompareCmd::UseColumn("anmodning_2019".into()));
    let c = against_2019(h.state());
    assert!(shows(&h, "Viser 356 av 356"));
    h.get_by_role_and_label(Role::CheckBox, super::CompareTexts::NB.only_changed).click();
    h.run();
    let changed = c.gains + c.losses;
    assert!(shows(&h, &format!("Viser {changed} av 356")), "the changed rows are the gains and the losses");
    // The table's rows, in order: gains first (largest first), then no losses before a gain.
    let rows = h.state().view.compare.rows.as_ref().unwrap().3.clone();
    assert_eq!(rows.len(), changed);
    assert_eq!(rows.iter().filter(|&&r| c.rows[r].change > 0.0).count(), c.gains);
    assert_eq!(rows.iter().filter(|&&r| c.rows[r].change < 0.0).count(), c.losses);
    assert!(rows.windows(2).all(|w| c.rows[w[0]].change >= c.rows[w[1]].change));
    let newly = rows.iter().filter(|&&r| c.rows[r].newly_asked).count();
    let gone = rows.iter().filter(|&&r| c.rows[r].no_longer_asked).count();
    assert_eq!((newly, gone), (c.newly_asked, c.no_longer_asked));
    assert!(shows(&h, &format!("{} nye anmodet, {} ikke lenger anmodet", newly, gone)));
}

#[test]
fn clicking_a_row_selects_the_municipality() {
    let mut h = harness();
    cmd(&mut h, CompareCmd::UseColumn("anmodning_2019".into()));
    // The largest change is the first row of the table.
    let c = against_2019(h.state());
    let top = c.rows.iter().max_by(|a, b| a.change.total_cmp(&b.change)).unwrap().row;
    let name = h.state().doc.dataset().municipalities[top].name.clone();
    h.query_all_by_value(&name).next().unwrap().click();
    h.run();
    assert_eq!(h.state().view.selected, Some(top));
}

#[test]
fn a_broken_baseline_file_leaves_the_document_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(\n    version: 1,\n    name: \"x\",\n    oops\n").unwrap();
    let mut h = harness();
    cmd(&mut h, CompareCmd::UseColumn("anmodning_2019".into()));
    h.state_mut().apply(Command::Edit { edit: Edit::SetMinRequest(5), gesture: None });
    let scenario = h.state().doc.scenario().clone();
    let revision = h.state().doc.revision();
    cmd(&mut h, CompareCmd::LoadFile(broken.clone()));
    let app = h.state();
    assert_eq!(app.doc.scenario(), &scenario);
    assert_eq!(app.doc.revision(), revision);
    assert!(app.doc.is_dirty() && app.history.can_undo(), "the edit and its undo step stay");
    assert!(shows(&h, "Kunne ikke lese sammenligningsgrunnlaget:"));
    assert!(shows(&h, "broken.ron, line 4"), "the message names file and line");
    assert_eq!(
        app.view.compare.choice(),
        Some(&super::BaselineChoice::Column("anmodning_2019".into())),
        "the baseline before stays"
    );

    let missing = dir.path().join("nowhere.ron");
    cmd(&mut h, CompareCmd::LoadFile(missing));
    assert!(shows(&h, "nowhere.ron"));
    assert_eq!(h.state().doc.scenario(), &scenario);
}

#[test]
fn another_scenario_file_is_compared_even_on_other_borders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("smaller.ron");
    let mut other = Document::new_default().unwrap().scenario().clone();
    other.name = "Smaller".into();
    other.target.total = 3000;
    save_scenario(&path, &other).unwrap();

    let mut h = harness();
    cmd(&mut h, CompareCmd::LoadFile(path.clone()));
    let c = shown_comparison(&mut h);
    assert_eq!((c.total_before, c.total_after), (3000.0, 5120.0));
    assert!(c.gains > 0);
    assert!(shows(&h, &summary_line(&c, Lang::Nb)));
    assert!(shows(&h, "Scenariofil: smaller.ron"), "the file is named in the chooser");
    assert!(shows(&h, "«Smaller»"));
    assert_eq!(h.state().doc.scenario().name, "IMDi 2020", "the open document stays");

    let path_2024 = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    // A plan on 2024 borders is compared through SSB's code changes, and the tab says so.
    cmd(&mut h, CompareCmd::LoadFile(path_2024));
    let c = shown_comparison(&mut h);
    assert_eq!(c.total_before, 36985.0, "every request of the 2024 plan lands on a 2020 municipality");
    assert_eq!(c.borders.as_ref().map(|b| b.merged.len()), Some(1));
    assert!(shows(&h, "Planen det sammenlignes med er på andre kommunegrenser"));
    assert!(shows(&h, &summary_line(&c, Lang::Nb)));
}

#[test]
fn exports_a_workbook_and_a_csv() {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    cmd(&mut h, CompareCmd::UseColumn("anmodning_2019".into()));
    let c = against_2019(h.state());
    let xlsx = dir.path().join("cmp.xlsx");
    cmd(&mut h, CompareCmd::Export(xlsx.clone(), ExportFormat::Xlsx));
    assert!(shows(&h, "Sammenligningen er eksportert til"));
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(book.sheet_names(), ["Sammendrag", "Sammenligning", "Fylker"]);
    let summary = book.worksheet_range("Sammendrag").unwrap();
    let texts: Vec<String> =
        summary.rows().flatten().filter_map(|d| if let Data::String(s) = d { Some(s.clone()) } else { None }).collect();
    assert!(texts.contains(&summary_line(&c, Lang::Nb)));
    assert!(texts.contains(&"Kolonne: Anmodning 2019 (anmodning_2019)".to_owned()), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Gjeldende scenario «IMDi 2020»")));
    let table = book.worksheet_range("Sammenligning").unwrap();
    assert_eq!(table.height(), 357);
    let changes: Vec<f64> = table.rows().skip(1).map(|r| if let Data::Float(f) = r[5] { f } else { 0.0 }).collect();
    assert_eq!(changes.iter().filter(|v| **v > 0.0).count(), c.gains);
    assert_eq!(changes.iter().filter(|v| **v < 0.0).count(), c.losses);
    let counties = book.worksheet_range("Fylker").unwrap();
    assert_eq!(counties.height(), c.counties.len() + 1);

    let csv = dir.path().join("cmp.csv");
    cmd(&mut h, CompareCmd::Export(csv.clone(), ExportFormat::Csv(CsvStyle::ExcelNo)));
    let text = String::from_utf8(std::fs::read(&csv).unwrap()).unwrap();
    assert!(text.starts_with("\u{feff}Kommunenummer;Kommune;Fylke;Før;Etter;Endring;Endring %;Merknad"));
    assert_eq!(text.lines().count(), 357);
    // The code stays text in Excel.
    assert!(text.lines().any(|l| l.starts_with("=\"0301\";Oslo;Oslo;250;")));

    // An existing file is not replaced without asking.
    std::fs::write(&csv, "keep").unwrap();
    cmd(&mut h, CompareCmd::Export(csv.clone(), ExportFormat::Csv(CsvStyle::ExcelNo)));
    assert!(shows(&h, "Filen finnes allerede"));
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.cancel).click();
    h.run();
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "keep");
    cmd(&mut h, CompareCmd::Export(csv.clone(), ExportFormat::Csv(CsvStyle::ExcelNo)));
    h.get_by_role_and_label(Role::Button, crate::gui::panels::dialogs::DialogTexts::NB.overwrite).click();
    h.run();
    assert!(std::fs::read_to_string(&csv).unwrap().contains("Kommunenummer"));
}

#[test]
fn the_file_menu_exports_the_comparison_without_visiting_the_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_of(App::new(Document::new_default().unwrap(), Prefs::default()));
    h.get_by_role_and_label(Role::Button, crate::gui::panels::menu::MenuTexts::NB.file).click();
    h.run();
    assert!(shows(&h, "Eksporter sammenligning"), "the File menu offers the comparison export");
    let path = dir.path().join("mot-2019.csv");
    h.state_mut().apply(Command::Compare(CompareCmd::Export(path.clone(), ExportFormat::Csv(CsvStyle::Plain))));
    h.run();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 357, "against the scenario's reference column by default");
    assert_eq!(h.state().view.tab, Tab::Table);
}

/// Red–green blindness (deuteranopia) sees mostly the blue–yellow axis: the two changes must differ there.
#[test]
fn more_and_fewer_differ_on_the_blue_yellow_axis() {
    for dark in [false, true] {
        let (Some(more), Some(fewer)) = (super::change_colour(dark, 1.0), super::change_colour(dark, -1.0)) else {
            panic!("both changes have a colour")
        };
        let blue_yellow = |c: egui::Color32| f32::from(c.b()) - (f32::from(c.r()) + f32::from(c.g())) / 2.0;
        assert!(blue_yellow(more) - blue_yellow(fewer) > 100.0, "{more:?} against {fewer:?}");
        assert_eq!(super::change_colour(dark, 0.0), None);
    }
}
