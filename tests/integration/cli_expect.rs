//! `bosetting expect` as a user runs it: the backtest's figures recomputed from its own per-municipality list,
//! the estimate's totals from its rows, the plan that reaches the target, and bad columns named.

use serde_json::Value;

use crate::common::{bosetting, stderr, stdout};

const BACKTEST_2024: [&str; 13] = [
    "expect",
    "scenarios/plan-year-2024.ron",
    "--request",
    "anmodning_2024",
    "--decisions",
    "vedtak_2024",
    "--settled",
    "bosatt_2023",
    "--group",
    "sentralitetsklasse_2024",
    "--backtest",
    "county",
    "--format=json",
];

const ESTIMATE_2024: [&str; 8] = [
    "expect",
    "scenarios/plan-year-2024.ron",
    "--history",
    "anmodning_2024:vedtak_2024",
    "--settled",
    "bosatt_2023",
    "--group",
    "sentralitetsklasse_2024",
];

fn json(args: &[&str]) -> Value {
    let o = bosetting(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

#[test]
fn the_2024_backtest_beats_every_baseline_and_can_be_recomputed() {
    let b = json(&BACKTEST_2024);
    let rows = b["municipalities"].as_array().unwrap();
    assert_eq!(rows.len(), 351, "every municipality that decided");
    let actual: f64 = rows.iter().map(|r| f(&r["actual"])).sum();
    assert_eq!(actual, 28_327.0);
    assert_eq!(f(&b["decided_total"]), actual);
    let mae = |p: &dyn Fn(&Value) -> f64| rows.iter().map(|r| (p(r) - f(&r["actual"])).abs()).sum::<f64>() / 351.0;
    assert!((mae(&|r| f(&r["predicted"])) - f(&b["mae"])).abs() < 0.01);
    let request_mae = mae(&|r| f(&r["request"]));
    assert!((request_mae - f(&b["baselines"]["decision_equals_request"]["mae"])).abs() < 0.01);
    assert!((request_mae - 24.86).abs() < 0.01, "the figure IMDi's data gives");
    let predicted: f64 = rows.iter().map(|r| f(&r["predicted"])).sum();
    assert!((100.0 * (predicted / actual - 1.0)).abs() < 3.0);
    for baseline in ["decision_equals_request", "group_ratio", "request_capped_by_settled"] {
        assert!(f(&b["mae"]) < f(&b["baselines"][baseline]["mae"]), "{baseline}: {b:#}");
    }
}

#[test]
fn the_2019_backtest_totals_within_three_percent() {
    let b = json(&[
        "expect",
        "scenarios/imdi-2020.ron",
        "--request",
        "anmodning_2019",
        "--decisions",
        "vedtak_2019",
        "--settled",
        "bosatt_2018",
        "--backtest",
        "county",
        "--format",
        "json",
    ]);
    assert_eq!(f(&b["decided_total"]), 5_259.0);
    assert!(f(&b["total_error_pct"]).abs() < 3.0, "{}", b["total_error_pct"]);
}

#[test]
fn the_estimate_adds_up_by_county_and_nationally() {
    let mut args = ESTIMATE_2024.to_vec();
    args.push("--format=json");
    let e = json(&args);
    let rows = e["municipalities"].as_array().unwrap();
    assert_eq!(rows.len(), 357);
    let expected: f64 = rows.iter().map(|r| f(&r["expected"])).sum();
    assert!((expected - f(&e["expected_decided"])).abs() < 1.0);
    let counties: f64 = e["counties"].as_array().unwrap().iter().map(|c| f(&c["expected"])).sum();
    assert!((counties - expected).abs() < 1.0);
    assert!((f(&e["expected_shortfall"]) - (36_985.0 - f(&e["expected_decided"]))).abs() < 0.2);
    assert!(f(&e["range"]["low"]) < f(&e["expected_decided"]) && f(&e["expected_decided"]) < f(&e["range"]["high"]));
    for r in rows {
        assert!(f(&r["low"]) <= f(&r["expected"]) && f(&r["expected"]) <= f(&r["high"]), "{r}");
        for key in ["code", "name", "county", "request", "basis", "inputs"] {
            assert!(!r[key].is_null(), "{key} in {r}");
        }
    }
    let o = bosetting(&[&ESTIMATE_2024[..], &["--format", "csv", "--lang", "en"]].concat());
    assert!(stdout(&o).starts_with("Code,Municipality,County,Request,Expected decision,Low,High,Basis"));
}

#[test]
fn the_plan_that_reaches_the_target_is_offered_not_applied() {
    let mut args = ESTIMATE_2024.to_vec();
    args.extend(["--needed", "--format", "json", "--lang", "en"]);
    let o = bosetting(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let plan: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rows = plan["municipalities"].as_array().unwrap();
    let total: u64 = rows.iter().map(|r| r["allocation"].as_u64().unwrap()).sum();
    assert!(total > 36_985, "more must be asked than the target: {total}");
    let note = stderr(&o);
    assert!(note.contains("expected decided") && note.contains("above its own record"), "{note}");
    let scenario =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/plan-year-2024.ron")).unwrap();
    assert!(!scenario.contains("Lock"), "the scenario file is left as it was");
}

#[test]
fn bad_columns_are_named() {
    let run = |extra: &[&str]| {
        let o = bosetting(&[&["expect", "scenarios/plan-year-2024.ron"][..], extra].concat());
        assert_eq!(o.status.code(), Some(1), "{extra:?}");
        stderr(&o)
    };
    assert!(run(&["--history", "anmodning_2024:vedtak_2099"]).contains("\"vedtak_2099\""));
    let e = run(&["--history", "anmodning_2024:vedtak_2024", "--settled", "sentralitetsklasse_2024"]);
    assert!(e.contains("\"sentralitetsklasse_2024\"") && e.contains("not a count"), "{e}");
    assert!(run(&[]).contains("--history"), "no record to learn from");
    let e = run(&[
        "--history",
        "anmodning_2024:vedtak_2024",
        "--request",
        "anmodning_2024",
        "--decisions",
        "vedtak_2024",
        "--backtest",
        "county",
    ]);
    assert!(e.contains("\"vedtak_2024\"") && e.contains("record"), "{e}");
    assert!(run(&["--history", "anmodning_2024"]).contains("REQUEST:DECISIONS"));
}
