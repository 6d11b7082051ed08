//! The Table tab as a user scrolls it: code and name stay in place, both halves move up and down together,
//! and headers fit on two lines.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::gui::app::App;
use crate::gui::document::Document;
use crate::gui::test_harness::harness;
use crate::gui::view_state::Prefs;

fn wheel(h: &mut Harness<'_, App>, at: egui::Pos2, delta: egui::Vec2) {
    h.event(egui::Event::PointerMoved(at));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    h.run();
}

/// The rectangle of the label showing exactly `text`.
fn label_rect(h: &Harness<'_, App>, text: &str) -> Option<egui::Rect> {
    h.query_all_by(|n| n.value().as_deref() == Some(text) || n.label().as_deref() == Some(text))
        .map(|n| n.rect())
        .find(|r| r.width() > 0.0)
}

#[test]
fn code_and_name_stay_while_both_halves_scroll_together() {
    let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
    let name_header = h.get_by_role_and_label(Role::Button, super::columns::ColumnTexts::NB.name).rect();
    let population_header = h.get_by_role_and_label(Role::Button, super::columns::ColumnTexts::NB.population).rect();
    assert!(label_rect(&h, "Oslo").is_some(), "the first row shows");

    // Down, with the pointer over the right half: the left half follows.
    wheel(&mut h, population_header.center() + egui::vec2(0.0, 200.0), egui::vec2(0.0, -600.0));
    assert!(label_rect(&h, "Oslo").is_none(), "scrolled past the first rows");
    let d = h.state().doc.dataset();
    let lang = h.state().view.lang;
    // A municipality whose name shows on the left has its population on the same line on the right.
    let (row, name) = (0..d.len())
        .filter_map(|r| label_rect(&h, &d.display_name(r)).map(|rect| (r, rect)))
        .min_by(|a, b| a.1.top().total_cmp(&b.1.top()))
        .expect("names in view");
    let population = label_rect(&h, &crate::numfmt::integer(d.municipalities[row].population, lang))
        .expect("its population in view");
    assert!((name.center().y - population.center().y).abs() < 1.0, "{name:?} against {population:?}");

    // Right: the other columns move, the name column does not.
    wheel(&mut h, population_header.center() + egui::vec2(0.0, 200.0), egui::vec2(-5000.0, 0.0));
    assert_eq!(
        h.get_by_role_and_label(Role::Button, super::columns::ColumnTexts::NB.name).rect(),
        name_header,
        "the name stays in place"
    );
    let note = h.get_by_role_and_label(Role::Button, super::columns::ColumnTexts::NB.note).rect();
    assert!(note.right() <= 1400.0 && note.left() > name_header.right(), "the last column came into view: {note:?}");
    let moved = h
        .query_all_by_role_and_label(Role::Button, super::columns::ColumnTexts::NB.population)
        .next()
        .map(|n| n.rect());
    assert!(moved.is_none_or(|r| r.left() < population_header.left()), "the population column moved left");
}

#[test]
fn a_long_header_fits_on_two_lines_at_its_width() {
    let header = "Introduksjonsprogram: i arbeid eller utdanning";
    let mut h = Harness::new_ui(|ui| {
        let width = super::header_width(ui, header);
        let galley = egui::WidgetText::from(egui::RichText::new(format!("{header} ⏷")).strong()).into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            width - 2.0 * ui.spacing().button_padding.x,
            egui::TextStyle::Body,
        );
        assert!(galley.rows.len() <= 2, "{} rows at {width}", galley.rows.len());
        assert!(width < super::text_width(ui, header, true), "narrower than on one line");
    });
    h.run();
}

/// What the last frame put on the clipboard.
fn copied(h: &Harness<'_, App>) -> Option<String> {
    h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(text) => Some(text.clone()),
        _ => None,
    })
}

#[test]
fn copy_table_copies_the_rows_shown_with_codes_as_text() {
    let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
    let search = h.get_by_role_and_label(Role::TextInput, super::TableTexts::NB.search);
    search.click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, super::TableTexts::NB.search).type_text("Oslo");
    h.run();
    // Out of the field, so the shortcut reaches the window.
    h.key_press(egui::Key::Escape);
    h.run();
    // One key event in one frame: that frame's output holds what was copied.
    let modifiers = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
    h.event(egui::Event::Key { key: egui::Key::C, physical_key: None, pressed: true, repeat: false, modifiers });
    h.step();
    let text = copied(&h).expect("the table reached the clipboard");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "the header and Oslo: {text}");
    assert!(lines[1].starts_with("=\"0301\"\tOslo\t"), "{}", lines[1]);
    h.run();
    assert!(crate::gui::test_harness::shows(&h, "1 av 356 rader"), "the notice says what was copied");
}

#[test]
fn the_expected_decision_has_its_column_sort_and_key_figures() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    let (doc, _) = Document::open(&path).unwrap();
    let mut h = harness(App::new(doc, Prefs::default()));
    let t = crate::gui::expected::ExpectedTexts::NB;
    let expected = h.state().view.expected.get().expect("the 2024 dataset holds decisions").clone();
    let header = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(t.column))
    };
    h.query_all_by(header).next().expect("the column").scroll_to_me();
    h.run();
    h.query_all_by(header).next().expect("the column").click();
    h.run();
    assert_eq!(h.state().view.table.sort, crate::gui::view_state::SortKey::Expected);
    // Sorted ascending: the first row shown has the smallest expected decision.
    let first = h.state().view.table_rows.rows_cached()[0];
    let least = expected.rows.iter().map(|e| e.expected).fold(f64::INFINITY, f64::min);
    assert_eq!(expected.rows[first].expected, least);

    // Point at Oslo's cell: the range and the basis.
    let oslo = h.state().doc.dataset().index_of_code("0301").unwrap();
    let shown = crate::numfmt::integer(expected.rows[oslo].expected, crate::lang::Lang::Nb);
    h.get_by_role_and_label(Role::TextInput, super::TableTexts::NB.search).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, super::TableTexts::NB.search).type_text("Oslo");
    h.run();
    h.get_by_value(&shown).hover();
    h.run();
    let tip = crate::gui::expected::tip(&expected.rows[oslo], crate::lang::Lang::Nb);
    let first_line = tip.lines().next().unwrap();
    assert!(crate::gui::test_harness::shows(&h, first_line), "the tooltip: {first_line}");

    h.state_mut().apply(crate::gui::command::Command::SetTab(crate::gui::view_state::Tab::Charts));
    h.run();
    assert!(crate::gui::test_harness::shows(&h, t.coverage), "the key figures name the expected coverage");
    let named = h.query_all_by(|n| n.value().as_deref() == Some(t.decided)).count();
    assert!(named >= 2, "the key figures and the county chart's key name the expected decisions: {named}");
}

#[test]
fn the_workbook_carries_the_expected_decisions_after_the_request() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    let (doc, _) = Document::open(&path).unwrap();
    let mut h = harness(App::new(doc, Prefs::default()));
    let expected = h.state().view.expected.get().expect("an estimate").clone();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.xlsx");
    h.state_mut().apply(crate::gui::command::Command::Export(out.clone(), crate::export::ExportFormat::Xlsx));
    h.run();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let sheet = book.worksheet_range("Kommuner").unwrap();
    let header: Vec<String> = sheet.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let request = header.iter().position(|x| x == "Anmodning").unwrap();
    assert_eq!(header[request + 1], crate::gui::expected::ExpectedTexts::NB.column);
    let value = |c: &Data| match c {
        Data::Float(v) => *v,
        Data::Int(v) => *v as f64,
        _ => 0.0,
    };
    let rows: Vec<_> = sheet.rows().skip(1).take(expected.rows.len()).collect();
    for (row, e) in rows.iter().zip(&expected.rows) {
        assert_eq!(value(&row[request + 1]), if e.request > 0.0 { e.expected.round() } else { 0.0 });
    }
}

#[test]
fn the_note_cell_tells_every_reason_on_hover() {
    use crate::gui::command::Command;
    use crate::gui::edit::Edit;
    let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
    let code = "5001";
    let why = "Avtalt med kommunen i møte 3. mars";
    let exclude = Edit::SetOverride { code: code.into(), value: Some(crate::scenario::Override::Exclude) };
    h.state_mut().apply(Command::Edit { edit: exclude, gesture: None });
    h.state_mut()
        .apply(Command::Edit { edit: Edit::SetOverrideNote { code: code.into(), note: why.into() }, gesture: None });
    h.run();
    h.get_by_role_and_label(Role::TextInput, super::TableTexts::NB.search).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, super::TableTexts::NB.search).type_text("Trondheim");
    h.run();
    let app = h.state();
    let row = app.doc.dataset().index_of_code(code).unwrap();
    let result = app.computed.result.as_ref().unwrap().rows.get(row);
    let ctx = app.view_context();
    let shown = super::columns::shown_note(&ctx, row, result);
    let tip = super::columns::note_tip(&ctx, row, result);
    let reason = result.and_then(|r| r.reason()).unwrap().message(crate::lang::Lang::Nb);
    assert_eq!(tip.lines().count(), 3, "the rule, the override and its reason: {tip}");
    let cell = label_rect(&h, &shown).expect("the note cell");
    // The table scrolled to its right edge: the note column is in view.
    wheel(&mut h, egui::pos2(900.0, cell.center().y), egui::vec2(-3000.0, 0.0));
    let cell = label_rect(&h, &shown).unwrap();
    assert!(cell.max.x <= 1400.0, "the whole note can be scrolled into view: {cell:?}");
    h.query_all_by(|n| n.value().as_deref() == Some(shown.as_str())).next().unwrap().hover();
    h.run();
    h.run();
    for line in [reason.as_str(), &format!("Begrunnelse: {why}")] {
        let in_tip = h.query_all_by(|n| n.value().is_some_and(|v| v.contains(line) && v.contains('\n'))).next();
        assert!(in_tip.is_some(), "the tooltip shows «{line}»");
    }
}
