//! The CLI's JSON result, in the shape the issue tracker documents.

use serde_json::{Value, json};

use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::scenario::Scenario;

pub fn allocation_json(dataset: &Dataset, scenario: &Scenario, allocation: &Allocation, lang: Lang) -> Value {
    let municipalities: Vec<Value> = dataset
        .municipalities
        .iter()
        .zip(&allocation.rows)
        .enumerate()
        .map(|(i, (m, r))| {
            json!({
                "code": m.code,
                "name": dataset.display_name(i),
                "county": m.county_name,
                "population": m.population as i64,
                "eligible": r.eligible,
                "asked": r.asked(),
                "reason": r.reason().map(|reason| reason.message(lang)),
                "reason_code": r.reason().map(|reason| reason.code()),
                "quota": rounded(r.quota, 4),
                "allocation": r.allocation,
                "minors": r.minors,
                "per_1000": rounded(r.per_1000, 3),
            })
        })
        .collect();
    json!({
        "scenario": scenario.name,
        "dataset": dataset.id,
        "target": allocation.target,
        "minors": allocation.minors_target,
        "resettlement": allocation.resettlement,
        "asked": allocation.asked,
        "ties": allocation.ties.iter().map(|t| t.message(lang)).collect::<Vec<_>>(),
        "municipalities": municipalities,
    })
}

/// `value` to `places` decimals, so JSON shows 0.0938 rather than 0.09380000000000001. Whole numbers and
/// anything not finite are written as they are.
pub fn rounded(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    let r = (value * scale).round() / scale;
    if r.is_finite() { r } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_rounded_and_reasons_have_codes() {
        assert_eq!(rounded(0.09380000000000001, 4), 0.0938);
        assert_eq!(serde_json::to_string(&rounded(0.1 + 0.2, 4)).unwrap(), "0.3");
        let d = crate::data::embedded_dataset("norway-2020").unwrap();
        let s =
            crate::scenario::parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        let a = crate::engine::allocate(&d, &s).unwrap();
        let v = allocation_json(&d, &s, &a, Lang::En);
        let rows = v["municipalities"].as_array().unwrap();
        for row in rows {
            assert_eq!(row["reason"].is_null(), row["reason_code"].is_null(), "the code is beside the sentence");
            let text = row["quota"].to_string();
            assert!(text.len() <= 12, "{text}");
        }
        assert!(rows.iter().any(|r| r["reason_code"] == "below_min_request"));
        let heroy: Vec<&str> =
            rows.iter().filter_map(|r| r["name"].as_str()).filter(|n| n.starts_with("Herøy")).collect();
        assert_eq!(heroy, ["Herøy (Møre og Romsdal)", "Herøy (Nordland)"]);
    }
}
