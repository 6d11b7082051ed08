//! Allocation speed: the real 2020 dataset, and 100,000 synthetic municipalities.

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::data::{embedded_dataset, synthetic::synthetic_dataset};
use bosetting::engine::allocate;
use bosetting::scenario::parse_scenario;

fn benches(c: &mut Criterion) {
    let scenario = parse_scenario(include_str!("../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
    let dataset = embedded_dataset("norway-2020").unwrap();
    c.bench_function("allocate 2020 (356 municipalities)", |b| b.iter(|| allocate(&dataset, &scenario).unwrap()));

    let big = synthetic_dataset(100_000, 7);
    let mut big_scenario = scenario.clone();
    big_scenario.criteria.retain(|c| c.id != bosetting::scenario::CriterionId::Continuity);
    big_scenario.target.total = 1_000_000;
    big_scenario.target.minors = 20_000;
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("allocate 100,000 synthetic municipalities", |b| {
        b.iter(|| allocate(&big, &big_scenario).unwrap())
    });
    group.finish();

    c.bench_function("load embedded 2020 dataset", |b| b.iter(|| embedded_dataset("norway-2020").unwrap()));
}

criterion_group!(allocation, benches);
criterion_main!(allocation);
