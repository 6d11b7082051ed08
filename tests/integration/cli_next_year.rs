//! `bosetting next-year` and `calibrate --start` as a user runs them, and the worked example of a plan from
//! last year's request in docs/model.md. A small synthetic dataset keeps the fits quick in a debug build.

use std::path::Path;

use bosetting::scenario::{load_scenario, save_scenario};
use serde_json::Value;

use crate::common::{bosetting, stderr, stdout, synthetic_workspace};

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn json(args: &[&str]) -> Value {
    let o = bosetting(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("JSON output")
}

fn requests(v: &Value) -> Vec<u64> {
    v["municipalities"].as_array().expect("municipalities").iter().map(|m| m["allocation"].as_u64().unwrap()).collect()
}

const BEFORE: &str = "bosatt_snitt_2017_2019";
const LAST: &str = "anmodning_2019";

#[test]
fn the_plan_has_allocates_schema_with_the_fit_and_write_saves_it() {
    let (dir, plan) = synthetic_workspace();
    let fitted = dir.path().join("fitted.ron");
    let next = [
        "next-year",
        path(&plan),
        "--last",
        LAST,
        "--before",
        BEFORE,
        "--target",
        "700",
        "--minors",
        "15",
        "--format",
        "json",
        "--write",
        path(&fitted),
    ];
    let v = json(&next);
    let fit = &v["fit"];
    for key in ["mae", "baseline_mae", "asked_agreement", "loco_mae"] {
        assert!(fit[key].as_f64().is_some_and(|x| x >= 0.0), "fit.{key}: {fit}");
    }
    assert!(fit["loco_mae"].as_f64() >= fit["mae"].as_f64(), "out of sample is no better than in sample: {fit}");
    assert_eq!(requests(&v).iter().sum::<u64>(), 700);
    // The saved scenario starts from last year and plans the same numbers.
    let saved = load_scenario(&fitted).unwrap();
    let start = saved.start.as_ref().expect("a start");
    assert_eq!((start.column.as_str(), saved.target.total, saved.target.minors), (LAST, 700, 15));
    let again = json(&["allocate", path(&fitted), "--format", "json"]);
    assert_eq!(requests(&again), requests(&v));
    // Allocate's keys are all there: the same schema.
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert!(keys(&again).iter().all(|k| keys(&v).contains(k)), "{:?} vs {:?}", keys(&again), keys(&v));
    // --write never replaces a file without --force.
    let o = bosetting(&next);
    assert!(!o.status.success() && stderr(&o).contains("--force"), "{}", stderr(&o));
}

#[test]
fn text_output_reports_the_backtest_on_standard_error() {
    let (_dir, plan) = synthetic_workspace();
    let o =
        bosetting(&["next-year", path(&plan), "--last", LAST, "--before", BEFORE, "--target", "700", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Target: 700"), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("baseline") && err.contains("leaving one county out"), "{err}");
}

#[test]
fn the_same_column_twice_is_refused_with_its_name() {
    let (_dir, plan) = synthetic_workspace();
    let o = bosetting(&["next-year", path(&plan), "--last", LAST, "--before", LAST, "--target", "700"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "nothing printed on failure");
    assert!(stderr(&o).contains("same column anmodning_2019"), "{}", stderr(&o));
    let o = bosetting(&["calibrate", path(&plan), "--reference-column", LAST, "--start", LAST]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("same column anmodning_2019"), "{}", stderr(&o));
}

#[test]
fn calibrate_start_reports_the_fit_beside_the_baseline() {
    let (_dir, plan) = synthetic_workspace();
    let v = json(&["calibrate", path(&plan), "--reference-column", LAST, "--start", BEFORE, "--format", "json"]);
    for key in ["mae", "baseline_mae", "asked_agreement", "loco_mae", "criteria_share"] {
        assert!(v[key].as_f64().is_some(), "{key}: {v}");
    }
    assert_eq!(v["weights"]["continuity"], 0.0, "the start is last year's request: continuity stays out");
}

#[test]
fn continuity_on_the_reference_itself_is_warned_about() {
    let (dir, plan) = synthetic_workspace();
    let mut s = load_scenario(&plan).unwrap();
    s.criteria.retain(|c| c.id != bosetting::scenario::CriterionId::Continuity);
    s.criteria.push(bosetting::scenario::Criterion {
        id: bosetting::scenario::CriterionId::Continuity,
        weight: 10.0,
        column: Some(LAST.into()),
        missing: None,
    });
    let plan = dir.path().join("continuity.ron");
    save_scenario(&plan, &s).unwrap();
    let o = bosetting(&["calibrate", path(&plan), "--reference-column", LAST, "--include-continuity"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: the continuity column anmodning_2019 is the reference"), "{}", stderr(&o));
}

/// The worked example of docs/model.md: the requests and the two parts of each, as the page shows them.
#[test]
fn the_worked_example_is_reproduced_exactly() {
    let v = json(&["allocate", "docs/example/next-year.ron", "--format", "json"]);
    assert_eq!(requests(&v), vec![39, 26, 25, 10, 0]);
    let page = std::fs::read_to_string("docs/model.md").unwrap();
    for name in ["Almedal", "Bekkeby", "Cedervik", "Dalsøy", "Elvestad"] {
        let o = bosetting(&["explain", "docs/example/next-year.ron", name, "--lang", "en"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        let line = out.lines().nth(2).unwrap_or_default();
        assert!(line.starts_with("Last year"), "{out}");
        assert!(page.contains(&format!("| {name} | {line} |")), "docs/model.md does not show:\n| {name} | {line} |");
    }
}
