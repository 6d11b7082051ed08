//! Sensitivity speed on the IMDi 2020 example: the whole-plan weight sweep (every criterion, 101 steps) must
//! stay well under the time a slider drag allows.

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::analysis::{target_range, tornado, whole_plan_sweep};
use bosetting::data::embedded_dataset;
use bosetting::scenario::parse_scenario;

fn benches(c: &mut Criterion) {
    let scenario = parse_scenario(include_str!("../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
    let dataset = embedded_dataset("norway-2020").unwrap();
    let criteria = scenario.criteria.len();
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(30);
    group.bench_function(format!("whole-plan weight sweep 2020 ({criteria} criteria x 101 steps)"), |b| {
        b.iter(|| whole_plan_sweep(&dataset, &scenario, 101))
    });
    group.bench_function("tornado 2020 (+-10 points)", |b| b.iter(|| tornado(&dataset, &scenario, 0.10).unwrap()));
    group.bench_function("target range 2020 (4,000-6,000 by 10)", |b| {
        b.iter(|| target_range(&dataset, &scenario, 4000, 6000, 10))
    });
    group.finish();
}

criterion_group!(sensitivity, benches);
criterion_main!(sensitivity);
