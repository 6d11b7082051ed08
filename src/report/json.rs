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
        .map(|(m, r)| {
            json!({
                "code": m.code,
                "name": m.name,
                "county": m.county_name,
                "population": m.population as i64,
                "eligible": r.eligible,
                "asked": r.asked(),
                "reason": r.reason().map(|reason| reason.message(lang)),
                "quota": r.quota,
                "allocation": r.allocation,
                "minors": r.minors,
                "per_1000": r.per_1000,
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
