//! Calibration: the 2018 → 2019 backtest on the 2020 dataset (printed and checked against the targets),
//! recovery of known weights on the real data (too slow for debug tests), and the search's speed.

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};

use bosetting::calibrate::{CalibrateOptions, Calibration, Reference, calibrate, fit, reference_from_column};
use bosetting::data::{Dataset, embedded_dataset};
use bosetting::engine::allocate;
use bosetting::scenario::{CriterionId, Scenario, parse_scenario};

fn imdi_2020() -> Scenario {
    parse_scenario(include_str!("../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap()
}

fn weights(c: &Calibration) -> String {
    c.weights.iter().map(|(id, w)| format!("{} {:.2} %", id.key(), w * 100.0)).collect::<Vec<_>>().join(", ")
}

/// Calibrated on the 2018 requests (target 5,350), tested on the 2019 requests (target 5,350).
fn backtest(d: &Dataset, fit_exponent: bool) {
    let r2018 = reference_from_column(d, "anmodning_2018").unwrap();
    let r2019 = reference_from_column(d, "anmodning_2019").unwrap();
    let options = CalibrateOptions { fit_exponent, target: Some(5350), include_continuity: false };
    let start = Instant::now();
    let c = calibrate(d, &imdi_2020(), &r2018, &options, &mut |_| true).unwrap();
    let elapsed = start.elapsed();
    let mut next = c.scenario.clone();
    next.target.total = 5350;
    let out = fit(d, &next, &r2019).unwrap();
    println!(
        "backtest 2018 → 2019, fit_exponent = {fit_exponent}: {:.0} ms, {} allocations",
        elapsed.as_secs_f64() * 1e3,
        c.evaluations
    );
    println!("  weights: {}; size exponent {:.3}", weights(&c), c.size_exponent);
    println!(
        "  in sample (2018):     MAE {:.3}, agreement {:.1} %, R² {:.3}",
        c.fit.mae,
        c.fit.asked_agreement * 100.0,
        c.fit.r2
    );
    println!(
        "  out of sample (2019): MAE {:.3}, agreement {:.1} %, R² {:.3}",
        out.mae,
        out.asked_agreement * 100.0,
        out.r2
    );
    if fit_exponent {
        assert!(out.mae <= 5.5, "2019 MAE {} above 5.5", out.mae);
        assert!(out.asked_agreement >= 0.92, "2019 agreement {} below 92 %", out.asked_agreement);
    }
}

/// Known weights and exponent on the real data come back: within 1 point from continuous quotas, within a few
/// from the integer requests.
fn recovery(d: &Dataset) {
    let truth = [25.0, 15.0, 10.0, 40.0, 10.0, 0.0];
    let mut s = imdi_2020();
    for (c, w) in s.criteria.iter_mut().zip(truth) {
        c.weight = w;
    }
    s.size_exponent = 0.6;
    let options = CalibrateOptions { fit_exponent: true, target: None, include_continuity: false };
    let mut start = imdi_2020();
    start.size_exponent = 0.3;
    for (label, continuous, within) in [("continuous quotas", true, 1.0), ("integer requests", false, 3.0)] {
        let mut truth_scenario = s.clone();
        let mut from = start.clone();
        if continuous {
            // No minimum request, and a large target: rounding is all that separates quotas and requests.
            truth_scenario.rules.min_request = 0;
            truth_scenario.target.total = 50_000;
            from.rules.min_request = 0;
        }
        let a = allocate(d, &truth_scenario).unwrap();
        let values =
            a.rows.iter().map(|r| Some(if continuous { r.initial_quota } else { f64::from(r.allocation) })).collect();
        let reference = Reference { values, name: label.into() };
        let c = calibrate(d, &from, &reference, &options, &mut |_| true).unwrap();
        println!(
            "recovery from {label}: {}; exponent {:.3} (truth 0.6); MAE {:.3}",
            weights(&c),
            c.size_exponent,
            c.fit.mae
        );
        for ((id, w), want) in c.weights.iter().zip(truth) {
            assert!((w * 100.0 - want).abs() <= within, "{label}: {id:?} {w} vs {want}");
        }
        assert!((c.size_exponent - 0.6).abs() <= 0.05, "{label}: exponent {}", c.size_exponent);
        assert_eq!(c.weights[5].0, CriterionId::Continuity);
    }
}

fn benches(c: &mut Criterion) {
    let d = embedded_dataset("norway-2020").unwrap();
    backtest(&d, true);
    backtest(&d, false);
    recovery(&d);

    let r2018 = reference_from_column(&d, "anmodning_2018").unwrap();
    let scenario = imdi_2020();
    let mut group = c.benchmark_group("calibrate");
    group.sample_size(10).measurement_time(std::time::Duration::from_secs(8));
    for fit_exponent in [true, false] {
        let options = CalibrateOptions { fit_exponent, target: Some(5350), include_continuity: false };
        group.bench_function(format!("2020 data on anmodning_2018, fit_exponent = {fit_exponent}"), |b| {
            b.iter(|| calibrate(&d, &scenario, &r2018, &options, &mut |_| true).unwrap())
        });
    }
    group.finish();
}

criterion_group!(calibration, benches);
criterion_main!(calibration);
