//! The decisions to expect for 357 municipalities: the estimate follows every slider move, so it must stay
//! within 200 µs (fit and estimate together; the planner refits only when the record changes).

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::data::embedded_dataset;
use bosetting::expect::{ColumnChoice, Model, Year, backtest_by_county, read_inputs, read_request, read_year};

fn benches(c: &mut Criterion) {
    let dataset = embedded_dataset("norway-2024").unwrap();
    let choice = ColumnChoice {
        history: vec![("anmodning_2024".into(), "vedtak_2024".into())],
        settled: Some("bosatt_2023".into()),
        group: Some("sentralitetsklasse_2024".into()),
    };
    let inputs = read_inputs(&dataset, &choice).unwrap();
    let request = read_request(&dataset, "anmodning_2024").unwrap();
    let years: Vec<&Year> = inputs.history.iter().collect();
    let model = Model::fit(&inputs, &years, &|_| true).unwrap();
    c.bench_function("expect: estimate 2024 (357 municipalities)", |b| {
        b.iter(|| model.estimate(&inputs, &request).unwrap())
    });
    c.bench_function("expect: fit and estimate 2024 (357 municipalities)", |b| {
        b.iter(|| Model::fit(&inputs, &years, &|_| true).unwrap().estimate(&inputs, &request).unwrap())
    });
    let target = read_year(&dataset, "anmodning_2024", "vedtak_2024").unwrap();
    let no_record = read_inputs(&dataset, &ColumnChoice { history: vec![], ..choice }).unwrap();
    c.bench_function("expect: leave-one-county-out backtest 2024 (15 fits)", |b| {
        b.iter(|| backtest_by_county(&no_record, &target).unwrap())
    });
}

criterion_group!(expect, benches);
criterion_main!(expect);
