//! Briefing outputs on the IMDi 2020 example (356 municipalities): a figure (budget 200 ms), the PDF report
//! (budget 2 s) and a board of six scenarios (budget 50 ms).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::board::{BoardPlan, board, board_table};
use bosetting::briefing::{BriefingInput, briefing_pdf};
use bosetting::data::embedded_dataset;
use bosetting::engine::allocate;
use bosetting::figure::{FigureSpec, Kind, Plan, render_png, render_svg};
use bosetting::lang::Lang;
use bosetting::report::{CsvStyle, write_csv};
use bosetting::scenario::load_scenario;

fn briefing(c: &mut Criterion) {
    let dataset = embedded_dataset("norway-2020").expect("embedded dataset");
    let scenario = load_scenario(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2020.ron"))
        .expect("example scenario");
    let allocation = allocate(&dataset, &scenario).expect("allocation");
    let plan = Plan { dataset: &dataset, scenario: &scenario, allocation: &allocation, date: "2026-12-04" };
    let mut group = c.benchmark_group("figure");
    group.sample_size(10);
    for kind in [Kind::Map, Kind::Counties] {
        let spec = FigureSpec::new(kind, Lang::Nb);
        group.bench_function(format!("{}_png", kind.key()), |b| b.iter(|| render_png(black_box(&plan), &spec)));
        group.bench_function(format!("{}_svg", kind.key()), |b| b.iter(|| render_svg(black_box(&plan), &spec)));
    }
    group.finish();

    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    let input = BriefingInput { plan, reference: None, board: None, year: None, lang: Lang::Nb };
    group.bench_function("pdf_imdi_2020", |b| b.iter(|| briefing_pdf(black_box(&input))));
    group.finish();

    // Six scenarios: allocations made beforehand (what `bosetting compare` then does is the board).
    let allocations: Vec<_> = (0..6)
        .map(|k| {
            let mut s = scenario.clone();
            s.target.total = 4000 + 300 * k;
            allocate(&dataset, &s).expect("allocation")
        })
        .collect();
    let names: Vec<String> = (0..6).map(|k| format!("Scenario {k}")).collect();
    c.bench_function("compare_six_scenarios", |b| {
        b.iter(|| {
            let plans: Vec<BoardPlan> =
                names.iter().zip(&allocations).map(|(name, a)| BoardPlan { name, allocation: a }).collect();
            let board = board(&dataset, black_box(&plans), true).expect("board");
            write_csv(&board_table(&dataset, &board, Lang::En), CsvStyle::Plain)
        })
    });
}

criterion_group!(benches, briefing);
criterion_main!(benches);
