//! The county round on the 2024 data (15 counties, 357 municipalities). Targets: reconciliation of every county
//! brought to its frame at most 1 ms; the 15 county workbooks and the one for all at most 2 s.

use std::collections::BTreeMap;

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::county_round::{
    Limits, Received, Recommendation, Recommendations, RoundInput, frames_from_plan, reconcile,
};
use bosetting::data::embedded_dataset;
use bosetting::engine::allocate;
use bosetting::export::{RoundWorkbooks, county_round_workbooks};
use bosetting::lang::Lang;
use bosetting::scenario::parse_scenario;

fn benches(c: &mut Criterion) {
    let scenario = parse_scenario(include_str!("../scenarios/imdi-2024.ron"), "imdi-2024.ron").unwrap();
    let dataset = embedded_dataset("norway-2024").unwrap();
    let allocation = allocate(&dataset, &scenario).unwrap();
    let request: Vec<u32> =
        dataset.column("anmodning_2024").unwrap().values.iter().map(|v| v.unwrap_or(0.0) as u32).collect();
    let frames = frames_from_plan(&dataset, &request);
    // Every county answers 7 above the request per municipality, so every county is brought back to its frame.
    let by_code: BTreeMap<String, Recommendation> = dataset
        .municipalities
        .iter()
        .zip(&request)
        .map(|(m, &v)| (m.code.clone(), Recommendation { value: v + 7, file: "f.csv".into(), row: 2 }))
        .collect();
    let received = dataset
        .counties()
        .into_iter()
        .map(|(code, _)| (code, Received { files: vec!["f.csv".into()], date: "2026-12-01".into() }))
        .collect();
    let recommendations = Recommendations { by_code, received, moved: Vec::new() };
    let proposal: Vec<u32> = allocation.rows.iter().map(|r| r.allocation).collect();
    let limits = Limits::of_plan(&allocation);
    let input = RoundInput {
        dataset: &dataset,
        proposal: &proposal,
        limits: &limits,
        frames: &frames,
        recommendations: &recommendations,
        overrides: &[],
        accept_county_sums: false,
        method: scenario.rounding,
    };
    assert!(!reconcile(&input).unwrap().deviations.is_empty(), "every county is brought to its frame");
    c.bench_function("county round: reconcile 15 counties, 357 municipalities", |b| {
        b.iter(|| reconcile(&input).unwrap())
    });

    let books = RoundWorkbooks {
        dataset: &dataset,
        scenario: &scenario,
        allocation: &allocation,
        frames: &frames,
        earlier: vec!["anmodning_2024".into(), "vedtak_2024".into(), "bosatt_2023".into()],
        lang: Lang::Nb,
        saved_at: "2026-12-07",
    };
    let mut group = c.benchmark_group("county round export");
    group.sample_size(10);
    group.bench_function("15 county workbooks and one for all", |b| b.iter(|| county_round_workbooks(&books).unwrap()));
    group.finish();
}

criterion_group!(county_round, benches);
criterion_main!(county_round);
