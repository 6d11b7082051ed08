//! The Explain tab driven through the real app: commands in, widgets found by role and label.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::{ExplainCmd, Section, Span};
use crate::analysis::{explain, explain_sentences, target_range};
use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::edit::Edit;
use crate::gui::test_harness::{harness, shows};
use crate::gui::view_state::{Prefs, Tab};
use crate::lang::Lang;
use crate::numfmt;

/// The default scenario (IMDi 2020) on the Explain tab.
fn explain_tab() -> Harness<'static, App> {
    let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
    h.state_mut().apply(Command::SetTab(Tab::Explain));
    h.run();
    h
}

/// Runs frames until no background computation is left, then settles.
fn settle(h: &mut Harness<'static, App>) {
    for _ in 0..20 {
        h.run_steps(1);
        if !h.state().view.explain.is_busy() {
            break;
        }
        h.state_mut().view.explain.wait_for_jobs();
    }
    h.run();
}

fn row_of(h: &Harness<'_, App>, code: &str) -> usize {
    h.state().doc.dataset().index_of_code(code).unwrap()
}

fn sentences(app: &App, row: usize, lang: Lang) -> Vec<String> {
    let (d, s) = (app.doc.dataset(), app.doc.scenario());
    let a = app.computed.result.as_ref().unwrap();
    explain_sentences(&explain(d, s, a, row), d, s, a, lang)
}

fn request(app: &App, row: usize) -> u32 {
    app.computed.result.as_ref().unwrap().rows[row].allocation
}

#[test]
fn with_a_selection_the_tab_shows_the_sentences_ending_at_the_request() {
    let mut h = explain_tab();
    assert!(
        h.query_by_role_and_label(Role::Button, crate::gui::tabs::TabTexts::NB.explain).is_some(),
        "the tab is in the tab row"
    );
    let bodo = row_of(&h, "1804");
    h.state_mut().apply(Command::Select(Some(bodo)));
    h.run();
    let expected = sentences(h.state(), bodo, Lang::Nb);
    let last = format!("Anmodning: {}.", numfmt::integer(f64::from(request(h.state(), bodo)), Lang::Nb));
    assert_eq!(expected.last(), Some(&last));
    for s in &expected {
        assert!(shows(&h, s), "missing sentence: {s}");
    }
    assert!(shows(&h, "Bodø (1804), Nordland"));

    h.state_mut().apply(Command::SetLang(Lang::En));
    h.run();
    let last = format!("Request: {}.", numfmt::integer(f64::from(request(h.state(), bodo)), Lang::En));
    assert!(shows(&h, &last));
    assert!(shows(&h, "Step by step"));
}

#[test]
fn without_a_selection_the_tab_says_how_and_the_picker_selects() {
    let mut h = explain_tab();
    assert!(shows(&h, "Ingen kommune er valgt"));
    assert!(shows(&h, "Klikk en kommune i tabellen"));
    h.get_by_role_and_label(Role::TextInput, super::texts::ExplainTexts::NB.search).type_text("bodø");
    h.run();
    h.get_by_label("Bodø (1804), Nordland").click();
    h.run();
    let bodo = row_of(&h, "1804");
    assert_eq!(h.state().view.selected, Some(bodo));
    assert!(shows(&h, "Anmodning: "));
}

#[test]
fn changing_a_weight_updates_the_explanation() {
    let mut h = explain_tab();
    let bodo = row_of(&h, "1804");
    h.state_mut().apply(Command::Select(Some(bodo)));
    h.run();
    let before = sentences(h.state(), bodo, Lang::Nb);
    assert!(shows(&h, &before[0]));
    h.state_mut().apply(Command::Edit { edit: Edit::SetWeight { idx: 0, value: 80.0 }, gesture: None });
    h.run();
    let after = sentences(h.state(), bodo, Lang::Nb);
    assert_ne!(before[0], after[0], "the size criterion's sentence names its new weight");
    assert!(shows(&h, &after[0]));
    assert!(!shows(&h, &before[0]), "the old explanation is gone");
    let last = format!("Anmodning: {}.", numfmt::integer(f64::from(request(h.state(), bodo)), Lang::Nb));
    assert!(shows(&h, &last));
}

#[test]
fn the_weight_curves_and_the_tornado_list_every_criterion() {
    let mut h = explain_tab();
    let bodo = row_of(&h, "1804");
    h.state_mut().apply(Command::Select(Some(bodo)));
    h.state_mut().apply(Command::Explain(ExplainCmd::Section(Section::Weights)));
    settle(&mut h);
    let criteria: Vec<_> = h.state().doc.scenario().criteria.iter().map(|c| c.id).collect();
    for id in &criteria {
        assert!(shows(&h, id.label(Lang::Nb)), "{id:?} in the weight table");
    }
    assert!(!shows(&h, "Beregner"), "the sweep is done");

    h.get_by_role_and_label(Role::Button, super::texts::ExplainTexts::NB.plan).click();
    settle(&mut h);
    assert_eq!(h.state().view.explain.section, Section::Plan);
    // One row per criterion in the table under the tornado, with both sides.
    let rows =
        h.query_all_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.starts_with("flyttet til "))).count();
    assert_eq!(rows, 2 * criteria.len(), "a −10 and a +10 entry per criterion");
}

#[test]
fn the_table_range_column_contains_the_current_request() {
    let mut h = explain_tab();
    h.state_mut().apply(Command::Explain(ExplainCmd::RangeInTable(true)));
    h.state_mut().apply(Command::SetTab(Tab::Table));
    settle(&mut h);
    assert!(h.query_by_role_and_label(Role::Button, "Spenn").is_some() || shows(&h, "Spenn"), "the column header");
    let app = h.state();
    let span = Span::around(app.doc.scenario().target.total);
    let range = target_range(app.doc.dataset(), app.doc.scenario(), span.from, span.to, span.step);
    // The first rows (dataset order, sorted by number) are on screen.
    let oslo = app.doc.dataset().index_of_code("0301").unwrap();
    let (lo, hi) = range.rows[oslo];
    let now = request(app, oslo);
    assert!(lo <= now && now <= hi && lo < hi, "{lo}–{hi} around {now}");
    let text = format!("{}–{}", numfmt::integer(f64::from(lo), Lang::Nb), numfmt::integer(f64::from(hi), Lang::Nb));
    assert!(shows(&h, &text), "Oslo's range {text} in the table");

    // Switched off, the column goes.
    h.state_mut().apply(Command::Explain(ExplainCmd::RangeInTable(false)));
    h.run();
    assert!(!shows(&h, &text));
}

#[test]
fn the_target_section_shows_the_selected_range_and_edits_the_span() {
    let mut h = explain_tab();
    let bodo = row_of(&h, "1804");
    h.state_mut().apply(Command::Select(Some(bodo)));
    h.state_mut().apply(Command::Explain(ExplainCmd::Section(Section::Target)));
    settle(&mut h);
    assert!(shows(&h, "41 mål beregnet"));
    let span = Span { from: 4000, to: 6000, step: 100 };
    h.state_mut().apply(Command::Explain(ExplainCmd::SetRange(span)));
    settle(&mut h);
    assert!(shows(&h, "21 mål beregnet"));
    let app = h.state();
    let range = target_range(app.doc.dataset(), app.doc.scenario(), 4000, 6000, 100);
    let text = format!("Bodø: {}", super::target_range::range_text(range.rows[bodo], Lang::Nb));
    assert!(shows(&h, &text), "{text}");
    h.get_by_role_and_label(Role::Button, super::texts::ExplainTexts::NB.reset_range).click();
    h.run();
    assert_eq!(h.state().view.explain.range.custom, None);
}
