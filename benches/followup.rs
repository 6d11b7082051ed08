//! The plan's year: revising the 2024 request and sharing its shortfall, 357 municipalities each.

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::data::embedded_dataset;
use bosetting::followup::{Among, ReviseMode, column_counts, follow_up, redistribute, revise};
use bosetting::scenario::parse_scenario;

fn benches(c: &mut Criterion) {
    let scenario = parse_scenario(include_str!("../scenarios/imdi-2024.ron"), "imdi-2024.ron").unwrap();
    let dataset = embedded_dataset("norway-2024").unwrap();
    let request: Vec<u32> = column_counts(&dataset, "anmodning_2024").unwrap().iter().map(|v| v.unwrap_or(0)).collect();
    let decisions = column_counts(&dataset, "vedtak_2024").unwrap();
    c.bench_function("follow-up status 2024 (357 municipalities)", |b| {
        b.iter(|| follow_up(&dataset, 36_985, &request, &decisions, None).unwrap())
    });
    let f = follow_up(&dataset, 36_985, &request, &decisions, None).unwrap();
    c.bench_function("redistribute the 2024 shortfall (357 municipalities)", |b| {
        b.iter(|| redistribute(&dataset, &scenario, &f, Among::AllButNo, false, Some("anmodning_2024")).unwrap())
    });
    c.bench_function("revise the 2024 request to 30,000, proportional (357 municipalities)", |b| {
        b.iter(|| revise(&dataset, &scenario, "anmodning_2024", 30_000, None, ReviseMode::Proportional).unwrap())
    });
    c.bench_function("revise the 2024 request to 30,000, keeping decisions", |b| {
        b.iter(|| {
            revise(&dataset, &scenario, "anmodning_2024", 30_000, Some(&decisions), ReviseMode::Proportional).unwrap()
        })
    });
}

criterion_group!(followup, benches);
criterion_main!(followup);
