//! Next year's request from this year's: the allocation with a start must follow every slider move (within
//! 100 µs for the 356 municipalities of 2020, as the integer stage answers it), and the fit behind
//! `bosetting next-year` (the transition fit with its leave-one-county-out backtest) must stay within 2 s.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::calibrate::{calibrate_transition, reference_from_column};
use bosetting::data::embedded_dataset;
use bosetting::engine::{Stage, allocate};
use bosetting::scenario::{BelowMinimum, Scenario, Start, parse_scenario};

fn plan_2020() -> Scenario {
    let mut s = parse_scenario(include_str!("../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
    s.start = Some(Start { column: "anmodning_2019".into(), criteria_share: 0.44 });
    s.rules.below_minimum = BelowMinimum::FloorStartAsked;
    s
}

fn benches(c: &mut Criterion) {
    let dataset = embedded_dataset("norway-2020").unwrap();
    let scenario = plan_2020();
    let stage = Stage::new(&dataset, &scenario).unwrap();
    let weights = scenario.normalised_weights().unwrap();
    c.bench_function("next-year: allocation with a start, integer stage (356 municipalities)", |b| {
        b.iter(|| stage.requests(&weights, scenario.target, None).unwrap().unwrap())
    });
    c.bench_function("next-year: allocation with a start, full allocate (356 municipalities)", |b| {
        b.iter(|| allocate(&dataset, &scenario).unwrap())
    });
    let reference = reference_from_column(&dataset, "anmodning_2019").unwrap();
    let mut group = c.benchmark_group("next-year");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("fit 2018 → 2019 with leave-one-county-out (12 fits)", |b| {
        b.iter(|| calibrate_transition(&dataset, &scenario, "anmodning_2018", &reference, None).unwrap())
    });
    group.finish();
}

criterion_group!(next_year, benches);
criterion_main!(next_year);
