//! The example scenarios say what they are: a scenario whose notes compare it with IMDi's real request quotes the
//! numbers the program computes now, so the notes cannot drift from the plan.

use std::path::Path;

use bosetting::engine::allocate;
use bosetting::lang::Lang;
use bosetting::numfmt;
use bosetting::scenario::{load_scenario, resolve_dataset};

#[test]
fn the_2024_example_quotes_how_far_it_is_from_the_real_request() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    let scenario = load_scenario(&path).expect("the example opens");
    let (dataset, _) = resolve_dataset(&scenario, Some(&path)).expect("its dataset opens");
    let plan = allocate(&dataset, &scenario).expect("it allocates");
    let real = dataset.column("anmodning_2024").expect("the real 2024 request");
    let n = plan.rows.len();
    let differences: Vec<f64> =
        plan.rows.iter().zip(real.values.iter()).map(|(r, v)| f64::from(r.allocation) - v.unwrap_or(0.0)).collect();
    let mean = differences.iter().map(|d| d.abs()).sum::<f64>() / n as f64;
    let notes = &scenario.notes;
    assert!(notes.contains("it is NOT the 2024 request"), "{notes}");
    assert!(
        notes.contains(&format!("differs by {} per municipality on average over the {n}", mean.round())),
        "the mean difference is now {mean:.1}: {notes}"
    );
    let asked = plan.rows.iter().filter(|r| r.asked()).count();
    let asked_real = real.values.iter().filter(|v| v.is_some_and(|v| v > 0.0)).count();
    assert!(notes.contains(&format!("asks {asked} municipalities where IMDi asked {asked_real}")), "{notes}");
    for (name, code) in [("Oslo", "0301"), ("Bergen", "4601")] {
        let i = dataset.index_of_code(code).expect("the city is in the data");
        let here = numfmt::integer(f64::from(plan.rows[i].allocation), Lang::En);
        let asked = numfmt::integer(real.values[i].unwrap_or(0.0), Lang::En);
        assert!(notes.contains(&format!("{name} {here} here against {asked}")), "{name}: {here} vs {asked}: {notes}");
    }
}
