//! Exporting the full 2020 workbook (IMDi example on the embedded norway-2020 data); the budget is 200 ms.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::data::embedded_dataset;
use bosetting::engine::allocate;
use bosetting::export::{allocation_xlsx, table_tsv};
use bosetting::lang::Lang;
use bosetting::report::{CsvStyle, result_table, write_csv};
use bosetting::scenario::load_scenario;

fn export(c: &mut Criterion) {
    let dataset = embedded_dataset("norway-2020").expect("embedded dataset");
    let scenario = load_scenario(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2020.ron"))
        .expect("example scenario");
    let allocation = allocate(&dataset, &scenario).expect("allocation");
    c.bench_function("xlsx_imdi_2020", |b| {
        b.iter(|| allocation_xlsx(&dataset, &scenario, black_box(&allocation), Lang::Nb, "2025-03-01"))
    });
    c.bench_function("csv_imdi_2020", |b| {
        b.iter(|| write_csv(&result_table(&dataset, &scenario, black_box(&allocation), Lang::Nb), CsvStyle::ExcelNo))
    });
    c.bench_function("tsv_imdi_2020", |b| {
        b.iter(|| table_tsv(&result_table(&dataset, &scenario, black_box(&allocation), Lang::Nb), Lang::Nb))
    });
}

criterion_group!(benches, export);
criterion_main!(benches);
