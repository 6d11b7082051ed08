//! The worked example of `docs/model.md`, run through the real program.
//!
//! The page's two tables and the outputs it quotes are made here from what the program computes, and must
//! appear on the page as they are: the page cannot silently go stale. When the model changes on purpose, the
//! failure prints the text the page should now show.

use std::path::Path;

use serde_json::Value;

use bosetting::data::Dataset;
use bosetting::engine::{Allocation, allocate};
use bosetting::scenario::{Scenario, load_scenario, resolve_dataset};

use crate::common::{bosetting, stderr, stdout};

const SCENARIO: &str = "docs/example/example.ron";
const PAGE: &str = "docs/model.md";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn page() -> String {
    std::fs::read_to_string(root().join(PAGE)).expect("read docs/model.md")
}

fn example() -> (Scenario, Dataset) {
    let path = root().join(SCENARIO);
    let scenario = load_scenario(&path).expect("the example scenario opens");
    let (dataset, warning) = resolve_dataset(&scenario, Some(&path)).expect("the example dataset opens");
    assert!(warning.is_none(), "{warning:?}");
    (scenario, dataset)
}

/// The page must show `text` line for line (trailing spaces aside).
fn assert_on_page(what: &str, text: &str) {
    let lines = |s: &str| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    assert!(
        lines(&page()).contains(&lines(text)),
        "{PAGE} no longer shows {what} as the program computes it:\n\n{text}"
    );
}

fn run_json(args: &[&str]) -> Value {
    let out = bosetting(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("JSON output")
}

fn column(dataset: &Dataset, id: &str) -> Vec<f64> {
    dataset.column(id).expect("column").values.iter().map(|v| v.expect("no missing cell")).collect()
}

/// Criterion `k`'s key for every municipality, as the program computed it.
fn program_keys(allocation: &Allocation, k: usize) -> Vec<f64> {
    allocation.key_parts[k].clone().expect("a weighted criterion has a key")
}

#[test]
fn keys_follow_the_formulas_on_the_page() {
    let (scenario, dataset) = example();
    let a = allocate(&dataset, &scenario).expect("the example allocates");
    let population: Vec<f64> = dataset.municipalities.iter().map(|m| m.population).collect();
    let employment = column(&dataset, "sysselsetting_pst");

    // The page's formulas, computed from the inputs: size key √P, normalised; the employment rate scaled to
    // [0, 1] between the lowest and the highest, times √P, normalised.
    let root_p: Vec<f64> = population.iter().map(|p| p.sqrt()).collect();
    let (lo, hi) = employment.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(*v), h.max(*v)));
    let scaled: Vec<f64> = employment.iter().map(|e| (e - lo) / (hi - lo)).collect();
    let labour_raw: Vec<f64> = scaled.iter().zip(&root_p).map(|(x, s)| x * s).collect();
    let normalise = |v: &[f64]| {
        let sum: f64 = v.iter().sum();
        v.iter().map(|x| x / sum).collect::<Vec<_>>()
    };
    let (size_key, labour_key) = (normalise(&root_p), normalise(&labour_raw));

    let (program_size, program_labour) = (program_keys(&a, 0), program_keys(&a, 1));
    assert_eq!(a.weights.iter().map(|(_, w)| *w).collect::<Vec<_>>(), vec![0.6, 0.4]);
    for i in 0..dataset.len() {
        assert!((program_size[i] - size_key[i]).abs() < 1e-12, "size key {i}");
        assert!((program_labour[i] - labour_key[i]).abs() < 1e-12, "labour-market key {i}");
        let combined = 0.6 * size_key[i] + 0.4 * labour_key[i];
        assert!((a.rows[i].key - combined).abs() < 1e-12, "combined key {i}");
    }

    let mut table = String::from(
        "| Municipality | population P | √P | employment % | scaled x | size key | labour-market key | K |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for (i, m) in dataset.municipalities.iter().enumerate() {
        table.push_str(&format!(
            "| {} ({}) | {} | {} | {} | {:.2} | {:.4} | {:.4} | {:.4} |\n",
            m.name,
            m.code,
            m.population,
            root_p[i],
            employment[i],
            scaled[i],
            program_size[i],
            program_labour[i],
            a.rows[i].key
        ));
    }
    assert_on_page("the keys table", &table);
}

#[test]
fn shares_and_requests_are_the_programs() {
    let (scenario, dataset) = example();
    let a = allocate(&dataset, &scenario).expect("the example allocates");
    // The shares after caps with nobody dropped: the same scenario without the minimum request.
    let mut no_minimum = scenario.clone();
    no_minimum.rules.min_request = 0;
    let capped = allocate(&dataset, &no_minimum).expect("the example allocates without a minimum");
    let json = run_json(&["allocate", SCENARIO, "--format", "json", "--lang", "en"]);
    assert_eq!(json["target"], 150);
    assert_eq!(json["asked"], 4);

    let mut table = String::from(
        "| Municipality | size | labour market | share before caps and drops | cap | after caps | after the drop | \
         request | minors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut total = 0;
    for (i, (m, row)) in dataset.municipalities.iter().zip(json["municipalities"].as_array().unwrap()).enumerate() {
        assert_eq!(row["code"], m.code.as_str());
        // The criteria's contributions as `bosetting explain` reports them.
        let explained = run_json(&["explain", SCENARIO, &m.code, "--format", "json", "--lang", "en"]);
        let steps = explained["steps"].as_array().unwrap();
        let contribution = |criterion: &str| {
            steps.iter().find(|s| s["criterion"] == criterion).and_then(|s| s["delta"].as_f64()).unwrap()
        };
        let (size, labour) = (contribution("size"), contribution("labour_market"));
        // `explain --format json` writes four decimals.
        assert!((size + labour - a.rows[i].initial_quota).abs() < 2e-4);
        let after_drop = match row["asked"].as_bool().unwrap() {
            true => format!("{:.2}", row["quota"].as_f64().unwrap()),
            false => "dropped".to_owned(),
        };
        let request = row["allocation"].as_u64().unwrap();
        total += request;
        table.push_str(&format!(
            "| {} ({}) | {size:.2} | {labour:.2} | {:.2} | {} | {:.2} | {after_drop} | {request} | {} |\n",
            m.name,
            m.code,
            a.rows[i].initial_quota,
            a.rows[i].cap.map_or("none".to_owned(), |c| c.to_string()),
            capped.rows[i].quota,
            row["minors"],
        ));
    }
    assert_eq!(total, 150);
    assert_on_page("the shares-to-requests table", &table);
}

#[test]
fn quoted_outputs_are_the_programs() {
    for args in [
        &["allocate", SCENARIO, "--lang", "en"][..],
        &["explain", SCENARIO, "Bekkeby", "--lang", "en"][..],
        &["explain", SCENARIO, "Dalsøy", "--lang", "en"][..],
    ] {
        let out = bosetting(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_on_page(&format!("the output of `bosetting {}`", args.join(" ")), &stdout(&out));
    }
}
