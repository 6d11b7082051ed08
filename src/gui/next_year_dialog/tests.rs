//! The dialog driven through the real app, the fit on its background thread. A small synthetic dataset
//! (with a second request column made from the first) keeps the fit quick in debug builds.

use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use super::NextYearCmd;
use super::texts::NextYearTexts;
use crate::data::synthetic::synthetic_dataset;
use crate::data::{ColumnMeta, add_column};
use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::document::Document;
use crate::gui::test_harness::{harness, shows};
use crate::gui::view_state::Prefs;

const T: &NextYearTexts = &NextYearTexts::NB;
const PATIENCE: Duration = Duration::from_secs(240);

/// The IMDi 2020 scenario on 40 synthetic municipalities, with `anmodning_2018` beside `anmodning_2019`.
fn small_app() -> App {
    let d = synthetic_dataset(40, 11);
    let last = d.column("anmodning_2019").unwrap().clone();
    let values: Vec<(String, Option<f64>)> = d
        .municipalities
        .iter()
        .zip(&last.values)
        .enumerate()
        .map(|(i, (m, v))| (m.code.clone(), v.map(|v| if i % 3 == 0 { v + 5.0 } else { v })))
        .collect();
    let meta = ColumnMeta { id: "anmodning_2018".into(), ..last.meta.clone() };
    let d = add_column(&d, meta, &values).unwrap();
    let mut doc = Document::new_default().unwrap();
    doc.replace_dataset(d);
    let mut app = App::new(doc, Prefs::default());
    app.refresh();
    app
}

#[test]
fn the_plan_from_last_year_opens_as_one_undo_step() {
    let mut h = harness(small_app());
    h.state_mut().apply(Command::NextYear(NextYearCmd::Open));
    h.run();
    assert!(shows(&h, T.title));
    let d = h.state().modal.next_year().unwrap();
    assert_eq!((d.last.as_deref(), d.before.as_deref()), (Some("anmodning_2019"), Some("anmodning_2018")));
    h.get_by_role_and_label(Role::Button, T.run).click();
    h.step();
    let done = h.state_mut().modal.next_year_mut().is_some_and(|d| d.job.wait(PATIENCE));
    assert!(done, "the fit did not finish");
    h.run();
    assert!(shows(&h, T.loco) && shows(&h, T.baseline), "the backtest is shown beside the baseline");
    h.get_by_role_and_label(Role::Button, T.accept).click();
    h.run();
    let s = h.state().doc.scenario().clone();
    assert_eq!(s.start.as_ref().map(|s| s.column.as_str()), Some("anmodning_2019"));
    assert!(h.state().modal.next_year().is_none(), "the dialog closed");
    h.state_mut().apply(Command::Undo);
    assert_eq!(h.state().doc.scenario().start, None, "one undo step takes the plan back");
}
