//! The worked example on the help page, computed by the engine: the page's numbers are what the program gives.

use super::HelpTexts;
use crate::data::parse_dataset;
use crate::engine::allocate;
use crate::lang::Lang;
use crate::numfmt::decimal;
use crate::scenario::parse_scenario;

/// Three municipalities: sizes 20 000, 10 000 and 2 000; a labour-market count of 50, 40 and 10.
const DATASET: &str = r#"(
    format: 1,
    id: "help-example",
    title: (nb: "Regneeksempel", en: "Worked example"),
    year: 2026,
    credits: "made up",
    population_label: (nb: "Folketall", en: "Population"),
    columns: [
        (id: "arbeid", label: (nb: "Arbeidsmarked", en: "Labour market"), unit: "", year: "2026", source: "made up", licence: "CC0", direction: higher_is_better, kind: extensive, default_missing: zero, range: None),
    ],
    rows: [
        (code: "9901", name: "A", county_code: "99", county_name: "Eksempel", population: 20000.0, values: [50.0]),
        (code: "9902", name: "B", county_code: "99", county_name: "Eksempel", population: 10000.0, values: [40.0]),
        (code: "9903", name: "C", county_code: "99", county_name: "Eksempel", population: 2000.0, values: [10.0]),
    ],
)"#;

/// Target 100; size (exponent 1) weighs 60 %, the labour market 40 %; nobody is asked for fewer than 10.
const SCENARIO: &str = r#"(
    version: 1,
    name: "Regneeksempel",
    dataset: File("help-example.dataset.ron"),
    target: (total: 100, minors: 0),
    size_exponent: 1.0,
    criteria: [
        (id: size, weight: 60.0),
        (id: labour_market, weight: 40.0, column: "arbeid"),
    ],
    rules: (min_request: 10),
    rounding: sainte_lague,
)"#;

/// A number as the page writes it: at most two decimals, no trailing zeros.
fn short(value: f64, lang: Lang) -> String {
    let text = decimal(value, 2, lang);
    text.trim_end_matches('0').trim_end_matches([',', '.']).to_owned()
}

#[test]
fn the_worked_example_is_what_the_engine_computes() {
    let dataset = parse_dataset(DATASET, "help-example.dataset.ron").unwrap();
    let scenario = parse_scenario(SCENARIO, "help-example.ron").unwrap();
    let a = allocate(&dataset, &scenario).unwrap();
    let requests: Vec<u32> = a.rows.iter().map(|r| r.allocation).collect();
    assert_eq!(requests, [62, 38, 0], "C drops out below the minimum request");
    // The shares before the drop are the criteria's contributions; A and B share the target again.
    let shares: Vec<f64> = a.rows.iter().map(|r| r.contributions.iter().sum()).collect();
    let open: f64 = shares[..2].iter().sum();
    for lang in [Lang::Nb, Lang::En] {
        let t = HelpTexts::get(lang);
        for (i, name) in ["A", "B", "C"].iter().enumerate() {
            let share = format!("{name} {}", short(shares[i], lang));
            assert!(t.example_drop.contains(&share), "{lang:?}: {share} in {}", t.example_drop);
        }
        assert!(t.example_drop.contains(&format!("/ {}", short(open, lang))), "{lang:?}: the open sum {open}");
        let and = lang.pick("og", "and");
        let rounded = format!("A {} {and} B {}", requests[0], requests[1]);
        assert!(t.example_result.contains(&rounded), "{lang:?}: {rounded} in {}", t.example_result);
        for r in &a.rows[..2] {
            let quota = decimal(r.quota, 2, lang);
            assert!(t.example_result.contains(&quota), "{lang:?}: the share {quota} in {}", t.example_result);
        }
    }
}
