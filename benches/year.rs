//! The settlement year's status: 10 rounds (the 2024 request, a revision and eight shortfall rounds) over
//! 357 municipalities, with decisions and settled counts. Target: at most 1 ms.

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::data::embedded_dataset;
use bosetting::followup::Among;
use bosetting::scenario::{DatasetRef, parse_scenario};
use bosetting::year::{
    Date, Need, Revision, RoundKind, Snapshot, counts_from_column, new_year, recorded_round, revision_round,
    shortfall_round, year_status,
};

fn benches(c: &mut Criterion) {
    let plan = parse_scenario(include_str!("../scenarios/plan-year-2024.ron"), "plan-year-2024.ron").unwrap();
    let dataset = embedded_dataset("norway-2024").unwrap();
    let day = |d: u32| Date::from_ymd(2024, 1 + d / 28, 1 + d % 28).unwrap();
    let need = Need { date: day(0), total: 36_985, minors: 0, note: String::new() };
    let mut year = new_year(&plan, DatasetRef::Embedded("norway-2024".into()), &dataset, 2024, need);
    let sent = counts_from_column(&dataset, "anmodning_2024").unwrap();
    year.add_round(recorded_round(&year, &dataset, RoundKind::Request, day(1), &sent, "").unwrap()).unwrap();
    let decisions = counts_from_column(&dataset, "vedtak_2024").unwrap();
    year.decisions.push(Snapshot { date: day(2), source: "vedtak_2024".into(), counts: decisions });
    let settled = counts_from_column(&dataset, "bosatt_2024_delaar").unwrap();
    year.settled.push(Snapshot { date: day(3), source: "bosatt_2024_delaar".into(), counts: settled });
    let to_40000 = Revision { keep_decisions: false, keep_plan_bounds: false, ..Revision::to(40_000) };
    let revision = revision_round(&year, &dataset, day(4), to_40000, "").unwrap();
    year.add_round(revision).unwrap();
    for k in 0..8 {
        let round = shortfall_round(&year, &dataset, day(5 + 3 * k), Among::AllButNo, false, "").unwrap();
        year.add_round(round).unwrap();
    }
    assert_eq!(year.rounds.len(), 10);
    c.bench_function("year status, 10 rounds, 357 municipalities", |b| {
        b.iter(|| year_status(&year, &dataset, None).unwrap())
    });
    c.bench_function("year status as of a date, 10 rounds", |b| {
        b.iter(|| year_status(&year, &dataset, Some(day(12))).unwrap())
    });
}

criterion_group!(year, benches);
criterion_main!(year);
