//! The Follow-up tab driven headless: the real app on the 2024 scenario, widgets found by role and label.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::{FollowUpCmd, RequestSource};
use crate::export::ExportFormat;
use crate::followup::{Answer, column_counts};
use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::map_view::Measure;
use crate::gui::test_harness::{harness as harness_of, shows};
use crate::gui::view_state::{Prefs, Tab};
use crate::numfmt;

fn harness() -> Harness<'static, App> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    let (doc, _) = Document::open(&path).unwrap();
    let mut app = App::new(doc, Prefs::default());
    app.apply(Command::SetTab(Tab::FollowUp));
    harness_of(app)
}

fn column(app: &App, id: &str) -> Vec<Option<u32>> {
    column_counts(app.doc.dataset(), id).unwrap()
}

#[test]
fn the_tab_shows_the_2024_status() {
    let h = harness();
    let app = h.state();
    let decided: u32 = column(app, "vedtak_2024").iter().flatten().sum();
    let lang = app.view.lang;
    assert!(shows(&h, &numfmt::integer(f64::from(decided), lang)), "decided places shown");
    let shortfall = f64::from(app.doc.scenario().target.total) - f64::from(decided);
    assert!(shows(&h, &numfmt::integer(shortfall, lang)), "shortfall shown");
    let unanswered = column(app, "vedtak_2024")
        .iter()
        .zip(column(app, "anmodning_2024"))
        .filter(|(d, r)| d.is_none() && r.unwrap_or(0) > 0)
        .count();
    assert!(shows(&h, &format!("{} ({unanswered})", Answer::NotAnswered.label(lang))), "legend counts");
    // Decided so far plus the decisions to expect from the not answered, with its range.
    let f = app.view.followup.compute(app.doc.dataset(), app.doc.scenario(), app.computed.result.as_ref().ok());
    let f = f.expect("chosen").expect("computed");
    let o = crate::expect::outlook(app.doc.dataset(), &f).expect("the 2024 record");
    assert!(o.expected_total() > f64::from(decided));
    let (low, high) = o.range();
    let n = |v: f64| numfmt::integer(v, lang);
    assert!(shows(&h, super::texts::FollowUpTexts::get(lang).outlook), "the outlook's label");
    assert!(shows(&h, &format!("{} ({}–{})", n(o.expected_total()), n(low), n(high))), "the outlook with its range");
}

#[test]
fn the_shortfall_round_becomes_the_plan_and_undo_returns() {
    let mut h = harness();
    let original = h.state().doc.scenario().clone();
    let button = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("Lag tilleggsanmodning"))
    };
    h.query_all_by(button).next().expect("the shortfall button").click();
    h.run();
    let app = h.state();
    let decided: u32 = column(app, "vedtak_2024").iter().flatten().sum();
    assert_eq!(app.doc.scenario().target.total, original.target.total - decided);
    let a = app.computed.result.as_ref().unwrap();
    assert_eq!(a.allocated, u64::from(original.target.total - decided));
    let decisions = column(app, "vedtak_2024");
    let requests = column(app, "anmodning_2024");
    for ((r, d), q) in a.rows.iter().zip(&decisions).zip(&requests) {
        if r.allocation > 0 {
            assert!(d.is_some_and(|d| d >= q.unwrap_or(0) && d > 0), "only those who said yes in full");
        }
    }
    assert_eq!(app.view.tab, Tab::Table, "the plan is shown like any plan");
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.scenario(), &original);
}

#[test]
fn a_revision_sums_to_the_new_target_and_the_map_shows_statuses() {
    let mut h = harness();
    h.state_mut().view.followup.revise_target = Some(30_000);
    h.run();
    h.get_by_role_and_label(Role::Button, super::FollowUpTexts::NB.make_revision).click();
    h.run();
    let a = h.state().computed.result.as_ref().unwrap().clone();
    assert_eq!(a.allocated, 30_000);
    let requests = column(h.state(), "anmodning_2024");
    for (r, q) in a.rows.iter().zip(&requests) {
        assert_eq!(r.allocation > 0, q.unwrap_or(0) > 0, "the asked set is kept");
    }
    h.state_mut().apply(Command::Undo);
    h.state_mut().apply(Command::SetTab(Tab::FollowUp));
    h.run();
    h.get_by_role_and_label(Role::Button, super::FollowUpTexts::NB.show_on_map).click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Map);
    assert!(matches!(h.state().view.map.0.measure(), Measure::FollowUp { .. }));
    assert!(shows(&h, Answer::NotAnswered.label(h.state().view.lang)), "the legend names the statuses");
}

#[test]
fn the_status_exports_as_a_workbook() {
    let mut h = harness();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("status.xlsx");
    h.state_mut().apply(Command::FollowUp(FollowUpCmd::Export(path.clone(), ExportFormat::Xlsx)));
    h.run();
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a real workbook");
}

#[test]
fn the_floor_and_the_band_are_in_the_controls() {
    let mut h = harness();
    h.get_by_role_and_label(Role::CheckBox, crate::gui::panels::rules::RuleTexts::NB.band).click();
    h.run();
    let band = h.state().doc.scenario().rules.change_band.clone().expect("a band");
    assert_eq!((band.column.as_str(), band.lower, band.upper), ("anmodning_2024", 0.5, 1.5), "around the reference");
    let a = h.state().computed.result.as_ref().unwrap();
    assert_eq!(a.allocated, 36_985);
    assert!(shows(&h, "Nedre og øvre faktor"));
    h.state_mut().apply(Command::Edit {
        edit: crate::gui::edit::Edit::SetBelowMinimum(crate::scenario::BelowMinimum::Floor),
        gesture: None,
    });
    h.run();
    assert!(shows(&h, crate::scenario::BelowMinimum::Floor.label(h.state().view.lang)), "the combo shows the choice");
}

#[test]
fn the_open_plan_is_revised_after_it_is_kept_as_the_sent_request() {
    let mut h = harness();
    let original = h.state().doc.scenario().clone();
    let sent = h.state().computed.result.as_ref().unwrap().clone();
    let columns_before = h.state().doc.dataset().columns.len();
    h.state_mut().view.followup.request = Some(RequestSource::Plan);
    h.state_mut().view.followup.revise_target = Some(30_000);
    h.run();
    h.get_by_role_and_label(Role::Button, super::FollowUpTexts::NB.make_revision).click();
    h.run();
    let app = h.state();
    let kept = column(app, "anmodning_sendt");
    assert!(kept.iter().zip(&sent.rows).all(|(k, r)| *k == Some(r.allocation)), "the plan is kept as sent");
    let a = app.computed.result.as_ref().unwrap();
    assert_eq!(a.allocated, 30_000);
    for (r, s) in a.rows.iter().zip(&sent.rows) {
        assert_eq!(r.allocation > 0, s.allocation > 0, "the asked set of the sent plan is kept");
    }
    assert_eq!(app.doc.scenario().reference_column.as_deref(), Some("anmodning_sendt"), "shown beside it");
    assert_eq!(app.view.followup.request, Some(RequestSource::Column("anmodning_sendt".into())));
    h.state_mut().apply(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.scenario(), &original, "one undo step");
    assert_eq!(h.state().doc.dataset().columns.len(), columns_before, "the column goes with it");
}

#[test]
fn a_shortfall_plan_is_shown_beside_the_sent_request() {
    let mut h = harness();
    h.state_mut().apply(Command::FollowUp(FollowUpCmd::ShortfallRound));
    h.run();
    assert_eq!(h.state().doc.scenario().reference_column.as_deref(), Some("anmodning_2024"));
}

/// The table header that starts with `text` (a sort arrow may follow): the lowest such button.
fn header(h: &Harness<'_, App>, text: &str) -> egui::Rect {
    h.query_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(text)))
        .map(|n| n.rect())
        .max_by(|a, b| a.top().total_cmp(&b.top()))
        .unwrap_or_else(|| panic!("no header {text}"))
}

#[test]
fn headers_break_between_words_only() {
    let h = harness();
    let t = super::FollowUpTexts::NB;
    // One line of bold text, as a short header has; a header broken inside its one word would take two.
    let line = header(&h, t.county).height();
    for text in [t.request, t.decision, t.difference, t.remaining, t.status, t.settled] {
        let rect = header(&h, text);
        if text.contains(' ') {
            assert!(rect.height() <= 2.0 * line + 0.5, "{text}: {rect:?}");
        } else {
            assert!(rect.height() <= line + 0.5, "{text} wraps inside the word: {rect:?} against a line of {line}");
        }
    }
}
