//! The search, in two stages. Wide: from surrogate solutions and fixed weightings, for a grid of size exponents,
//! Nelder–Mead on the quick model (continuous quotas with the minimum-request drop). Narrow: the best of
//! those polished by Nelder–Mead on the full pipeline, rounding included.

use std::collections::HashMap;

use super::error::CalibrateError;
use super::fit::{compare, fit_target};
use super::nelder_mead::minimise;
use super::quick::{QuickModel, error_measure};
use super::reference::Reference;
use super::surrogate::{Rows, solve};
use super::{CalibrateOptions, Calibration};
use crate::data::Dataset;
use crate::engine::{AllocError, Allocation, allocate};
use crate::scenario::{CriterionId, Scenario};

/// Full allocations the narrow stage may spend; it usually converges in under half of them.
const FULL_BUDGET: usize = 2000;
/// Quick-model evaluations the wide stage may spend (each about a tenth of an allocation).
const QUICK_BUDGET: usize = 10_000;
/// One quick evaluation in units of one allocation, for progress reports.
const QUICK_COST: f64 = 0.1;
/// Weights are searched in steps of 0.01 percentage point (the precision they are saved with).
const WEIGHT_UNITS: u32 = 10_000;
/// The exponent is searched in steps of 0.001, from 0.01 to 1.
const EXPONENT_STEPS: f64 = 1000.0;
const MIN_EXPONENT: f64 = 0.01;
/// Size exponents the wide stage starts from when the exponent is fitted.
const EXPONENT_GRID: [f64; 20] =
    [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0];
/// Weight of the continuous quotas' error beside the requests' error in the narrow stage: small, it only gives
/// the search a direction where the rounded requests do not change.
const SMOOTH: f64 = 0.1;
/// Penalty per unit a search point lies outside the weight simplex or the exponent range.
const OUTSIDE: f64 = 10.0;
/// Results of the wide stage refined jointly with the exponent, and polished on the full pipeline.
const REFINED: usize = 6;
const POLISHED: usize = 3;

/// Calibrates the scenario's weights (and, if asked, its size exponent) to the reference.
///
/// The search minimises, per municipality the reference asked, the absolute difference between the requests
/// and the reference (scaled to the target), plus one minimum request for every municipality asked by one and
/// not the other: the mean absolute error alone does not see municipalities asked that the reference left out.
///
/// The target is `options.target`, else the reference's sum. `progress` gets the share of the work done and
/// returns `false` to cancel. The same input gives the same result: no randomness is involved.
pub fn calibrate(
    dataset: &Dataset,
    scenario: &Scenario,
    reference: &Reference,
    options: &CalibrateOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<Calibration, CalibrateError> {
    let target = fit_target(dataset, reference, options.target)?;
    let mut work = scenario.clone();
    work.target.total = target;
    // Only the totals are compared; minors and resettlement must not make a smaller target invalid.
    work.target.minors = 0;
    work.target.resettlement = 0;
    let free: Vec<usize> = (0..work.criteria.len())
        .filter(|&k| options.include_continuity || work.criteria[k].id != CriterionId::Continuity)
        .collect();
    let miss_cost = f64::from(work.rules.min_request.max(1));
    let mut search = Search {
        dataset,
        work,
        reference,
        free,
        fit_exponent: options.fit_exponent,
        miss_cost,
        evaluations: 0,
        quick_evaluations: 0,
        cache: HashMap::new(),
        best: None,
        progress,
    };
    let probe = search.probe()?;
    let quick = QuickModel::new(dataset, &search.work, &search.free, &probe, &reference.values, miss_cost);
    let candidates = search.wide(&quick)?;
    search.narrow(candidates)?;
    search.finish(scenario)
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    /// Per fitted criterion, its weight in units of 1/WEIGHT_UNITS; they sum to WEIGHT_UNITS.
    units: Vec<u32>,
    exponent_bits: u64,
}

/// A point of the search: weights over the fitted criteria, exponent, and its error.
#[derive(Debug, Clone)]
struct Point {
    weights: Vec<f64>,
    exponent: f64,
    error: f64,
}

struct Search<'a, 'p> {
    dataset: &'a Dataset,
    /// The scenario as fitted: the calibration target, no minors.
    work: Scenario,
    reference: &'a Reference,
    /// Indices into `work.criteria` of the fitted criteria; the others keep weight 0.
    free: Vec<usize>,
    fit_exponent: bool,
    miss_cost: f64,
    evaluations: usize,
    quick_evaluations: usize,
    /// Full-pipeline errors by rounded point, and the best so far (the first found among equals).
    cache: HashMap<Key, f64>,
    best: Option<(f64, Key)>,
    progress: &'p mut dyn FnMut(f32) -> bool,
}

impl Search<'_, '_> {
    fn report(&mut self) -> Result<(), CalibrateError> {
        let done = self.evaluations as f64 + QUICK_COST * self.quick_evaluations as f64;
        // The narrow stage usually stops well before its budget: count on half of it.
        let all = FULL_BUDGET as f64 / 2.0 + QUICK_COST * QUICK_BUDGET as f64;
        if (self.progress)((done / all).min(0.99) as f32) { Ok(()) } else { Err(CalibrateError::Cancelled) }
    }

    fn allocate(&mut self, scenario: &Scenario) -> Result<Result<Allocation, AllocError>, CalibrateError> {
        self.evaluations += 1;
        self.report()?;
        Ok(allocate(self.dataset, scenario))
    }

    fn exponent(&self, a: f64) -> f64 {
        if self.fit_exponent {
            (a.clamp(MIN_EXPONENT, 1.0) * EXPONENT_STEPS).round() / EXPONENT_STEPS
        } else {
            self.work.size_exponent
        }
    }

    /// Rounds weights (non-negative, not all zero) to units summing to exactly WEIGHT_UNITS: largest remainder,
    /// ties to the earlier criterion.
    fn key(&self, weights: &[f64], exponent: f64) -> Key {
        let sum: f64 = weights.iter().map(|w| w.max(0.0)).sum();
        let exact: Vec<f64> = weights
            .iter()
            .map(|w| if sum > 0.0 { w.max(0.0) / sum } else { 1.0 / weights.len() as f64 } * f64::from(WEIGHT_UNITS))
            .collect();
        let mut units: Vec<u32> = exact.iter().map(|x| x.floor() as u32).collect();
        let mut order: Vec<usize> = (0..units.len()).collect();
        order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b)));
        let short = WEIGHT_UNITS.saturating_sub(units.iter().sum());
        for &k in order.iter().cycle().take(short as usize) {
            units[k] += 1;
        }
        Key { units, exponent_bits: self.exponent(exponent).to_bits() }
    }

    /// `base` with the key's weights (percentages) and exponent.
    fn scenario_for(&self, base: &Scenario, key: &Key) -> Scenario {
        let mut s = base.clone();
        for c in &mut s.criteria {
            c.weight = 0.0;
        }
        for (&k, &u) in self.free.iter().zip(&key.units) {
            s.criteria[k].weight = f64::from(u) * 100.0 / f64::from(WEIGHT_UNITS);
        }
        s.size_exponent = f64::from_bits(key.exponent_bits);
        s
    }

    /// The full pipeline's error at a point (infinite where the allocation fails).
    fn full_error(&mut self, weights: &[f64], exponent: f64) -> Result<f64, CalibrateError> {
        let key = self.key(weights, exponent);
        if let Some(v) = self.cache.get(&key) {
            return Ok(*v);
        }
        let scenario = self.scenario_for(&self.work, &key);
        let v = match self.allocate(&scenario)? {
            Ok(a) => {
                let c = compare(&a, self.reference);
                let asked = c.asked.max(1) as f64;
                error_measure(c.abs_error, c.disagreements, self.miss_cost, c.asked)
                    + SMOOTH * c.quota_abs_error / asked
            }
            Err(_) => f64::INFINITY,
        };
        if self.best.as_ref().is_none_or(|(b, _)| v < *b) {
            self.best = Some((v, key.clone()));
        }
        self.cache.insert(key, v);
        Ok(v)
    }

    /// One allocation with every fitted criterion weighted equally (its `key_parts` are what the quick model needs),
    /// after leaving out criteria whose column has no positive value among eligible municipalities.
    fn probe(&mut self) -> Result<Allocation, CalibrateError> {
        loop {
            if self.free.is_empty() {
                return Err(CalibrateError::NothingToFit);
            }
            let mut s = self.work.clone();
            for c in &mut s.criteria {
                c.weight = 0.0;
            }
            for &k in &self.free {
                s.criteria[k].weight = 1.0;
            }
            match self.allocate(&s)? {
                Ok(a) => return Ok(a),
                Err(AllocError::CriterionWithoutSignal { criterion }) => {
                    let before = self.free.len();
                    let criteria = &self.work.criteria;
                    self.free.retain(|&k| criteria[k].id.key() != criterion);
                    if self.free.len() == before {
                        return Err(AllocError::CriterionWithoutSignal { criterion }.into());
                    }
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// The scenario's own weights (if any), equal weights, and each criterion leading with 60 %.
    fn fixed_weightings(&self) -> Vec<Vec<f64>> {
        let m = self.free.len();
        let own: Vec<f64> = self.free.iter().map(|&k| self.work.criteria[k].weight.max(0.0)).collect();
        let mut out = Vec::new();
        if own.iter().sum::<f64>() > 0.0 {
            out.push(own);
        }
        out.push(vec![1.0 / m as f64; m]);
        if m > 1 {
            for k in 0..m {
                out.push((0..m).map(|j| if j == k { 0.6 } else { 0.4 / (m - 1) as f64 }).collect());
            }
        }
        out
    }

    /// Wide stage on the quick model: for each exponent, Nelder–Mead on the weights from every start; then the
    /// best few refined jointly with the exponent. Returns the results, best first.
    fn wide(&mut self, quick: &QuickModel) -> Result<Vec<Point>, CalibrateError> {
        let exponents: Vec<f64> = if self.fit_exponent {
            let mut e = EXPONENT_GRID.to_vec();
            if !e.contains(&self.work.size_exponent) {
                e.push(self.work.size_exponent);
            }
            e
        } else {
            vec![self.work.size_exponent]
        };
        let fixed = self.fixed_weightings();
        let starts_per_exponent = fixed.len() + 2;
        let refine_budget = if self.fit_exponent { QUICK_BUDGET / 4 } else { 0 };
        let per_start = (QUICK_BUDGET - refine_budget) / (exponents.len() * starts_per_exponent);
        let mut results: Vec<Point> = Vec::new();
        for &a in &exponents {
            let parts = quick.parts(a);
            let mut starts = fixed.clone();
            for rows in [Rows::Open, Rows::Asked] {
                if let Some(w) = solve(&parts, quick.open(), quick.reference(), quick.open_target(), rows) {
                    starts.insert(0, w);
                }
            }
            for start in starts {
                let p = self.quick_search(quick, Some(&parts), &start, a, 0.1, per_start)?;
                results.push(p);
            }
        }
        results.sort_by(|a, b| a.error.total_cmp(&b.error));
        if self.fit_exponent {
            let chosen = self.distinct(&results, REFINED);
            for p in chosen {
                let refined = self.quick_search(quick, None, &p.weights, p.exponent, 0.05, refine_budget / REFINED)?;
                results.push(refined);
            }
            results.sort_by(|a, b| a.error.total_cmp(&b.error));
        }
        Ok(results)
    }

    /// Up to `n` points with different rounded weights and exponent, in the given order.
    fn distinct(&self, points: &[Point], n: usize) -> Vec<Point> {
        let mut keys: Vec<Key> = Vec::new();
        let mut out = Vec::new();
        for p in points.iter().filter(|p| p.error.is_finite()) {
            let key = self.key(&p.weights, p.exponent);
            if !keys.contains(&key) {
                keys.push(key);
                out.push(p.clone());
            }
            if out.len() == n {
                break;
            }
        }
        out
    }

    /// Nelder–Mead on the quick model; with `parts` given the exponent stays fixed at `a`.
    fn quick_search(
        &mut self,
        quick: &QuickModel,
        parts: Option<&Vec<Vec<f64>>>,
        start: &[f64],
        a: f64,
        step: f64,
        budget: usize,
    ) -> Result<Point, CalibrateError> {
        let fit_exponent = parts.is_none();
        let m = self.free.len();
        let fixed = (!fit_exponent).then_some(a);
        let mut count = 0usize;
        let mut objective = |x: &[f64]| -> Result<f64, CalibrateError> {
            count += 1;
            let (w, exponent, outside) = decode(x, m, fixed);
            let v = match parts {
                Some(p) => quick.error(p, &w),
                None => quick.error(&quick.parts(exponent), &w),
            };
            Ok(v + OUTSIDE * outside)
        };
        let (x0, steps) = encode(start, fit_exponent.then_some(a), step);
        let (x, _) = minimise(&mut objective, &x0, &steps, budget, 0.5 / f64::from(WEIGHT_UNITS))?;
        self.quick_evaluations += count;
        self.report()?;
        let (weights, exponent, _) = decode(&x, m, fixed);
        let error = match parts {
            Some(p) => quick.error(p, &weights),
            None => quick.error(&quick.parts(exponent), &weights),
        };
        Ok(Point { weights, exponent, error })
    }

    /// Narrow stage: the quick stage's best points on the full pipeline, the best few polished by Nelder–Mead,
    /// then the best once more with finer steps.
    fn narrow(&mut self, candidates: Vec<Point>) -> Result<(), CalibrateError> {
        let mut scored = Vec::new();
        for p in self.distinct(&candidates, 4 * POLISHED) {
            let error = self.full_error(&p.weights, p.exponent)?;
            scored.push(Point { error, ..p });
        }
        scored.sort_by(|a, b| a.error.total_cmp(&b.error));
        let share = FULL_BUDGET.saturating_sub(self.evaluations) / (POLISHED + 1);
        for p in self.distinct(&scored, POLISHED) {
            self.full_search(&p.weights, p.exponent, 0.05, share)?;
        }
        if let Some((_, key)) = self.best.clone() {
            let weights: Vec<f64> = key.units.iter().map(|u| f64::from(*u) / f64::from(WEIGHT_UNITS)).collect();
            let budget = FULL_BUDGET.saturating_sub(self.evaluations);
            self.full_search(&weights, f64::from_bits(key.exponent_bits), 0.01, budget)?;
        }
        Ok(())
    }

    fn full_search(&mut self, weights: &[f64], exponent: f64, step: f64, budget: usize) -> Result<(), CalibrateError> {
        let m = self.free.len();
        let fixed = (!self.fit_exponent).then_some(exponent);
        let (x0, steps) = encode(weights, self.fit_exponent.then_some(exponent), step);
        if x0.is_empty() {
            self.full_error(weights, exponent)?;
            return Ok(());
        }
        let mut objective = |x: &[f64]| -> Result<f64, CalibrateError> {
            let (w, a, outside) = decode(x, m, fixed);
            Ok(self.full_error(&w, a)? + OUTSIDE * outside)
        };
        minimise(&mut objective, &x0, &steps, budget, 0.5 / f64::from(WEIGHT_UNITS))?;
        Ok(())
    }

    fn finish(mut self, scenario: &Scenario) -> Result<Calibration, CalibrateError> {
        let Some((_, key)) = self.best.clone() else {
            return Err(CalibrateError::NothingToFit);
        };
        let fitted = self.scenario_for(&self.work, &key);
        let allocation = self.allocate(&fitted)??;
        let fit = compare(&allocation, self.reference).fit;
        let out = self.scenario_for(scenario, &key);
        let weights = out.criteria.iter().map(|c| (c.id, c.weight / 100.0)).collect();
        (self.progress)(1.0);
        Ok(Calibration { weights, size_exponent: out.size_exponent, fit, scenario: out, evaluations: self.evaluations })
    }
}

/// Search coordinates: the first m−1 weights (the last is 1 minus their sum), then the exponent if it is
/// searched. Initial steps point into the simplex and the exponent range.
fn encode(weights: &[f64], exponent: Option<f64>, step: f64) -> (Vec<f64>, Vec<f64>) {
    let mut x: Vec<f64> = weights[..weights.len().saturating_sub(1)].to_vec();
    let mut steps: Vec<f64> = x.iter().map(|w| if *w < 0.5 { step } else { -step }).collect();
    if let Some(a) = exponent {
        x.push(a);
        steps.push(if a + step > 1.0 { -step } else { step });
    }
    (x, steps)
}

/// Weights on the simplex, exponent in range, and how far outside the coordinates were. `fixed` is the
/// exponent when it is not searched.
fn decode(x: &[f64], m: usize, fixed: Option<f64>) -> (Vec<f64>, f64, f64) {
    let mut v: Vec<f64> = x[..m - 1].to_vec();
    v.push(1.0 - v.iter().sum::<f64>());
    let w = project_to_simplex(&v);
    let mut outside: f64 = v.iter().zip(&w).map(|(a, b)| (a - b).abs()).sum();
    let a = match fixed {
        Some(a) => a,
        None => {
            let a = x[m - 1].clamp(MIN_EXPONENT, 1.0);
            outside += (x[m - 1] - a).abs();
            a
        }
    };
    (w, a, outside)
}

/// The closest point of the probability simplex (Euclidean), by the sort-and-threshold method.
fn project_to_simplex(v: &[f64]) -> Vec<f64> {
    let mut sorted = v.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let mut cumulative = 0.0;
    let mut theta = 0.0;
    for (i, x) in sorted.iter().enumerate() {
        cumulative += x;
        let t = (cumulative - 1.0) / (i + 1) as f64;
        if x - t > 0.0 {
            theta = t;
        }
    }
    v.iter().map(|x| (x - theta).max(0.0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::{fit, reference_from_column};
    use crate::data::synthetic::synthetic_dataset;
    use crate::scenario::parse_scenario;

    /// The IMDi 2020 scenario (its column ids exist in the synthetic data) with the given weights, in the order
    /// size, labour market, integration, capacity, immigrant share, continuity.
    fn scenario(weights: [f64; 6], exponent: f64, total: u32) -> Scenario {
        let mut s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        for (c, w) in s.criteria.iter_mut().zip(weights) {
            c.weight = w;
        }
        s.size_exponent = exponent;
        s.target.total = total;
        s.target.minors = 0;
        s.target.resettlement = 0;
        s
    }

    fn options(fit_exponent: bool) -> CalibrateOptions {
        CalibrateOptions { fit_exponent, target: None, include_continuity: false }
    }

    fn run(d: &Dataset, s: &Scenario, r: &Reference, o: &CalibrateOptions) -> Calibration {
        calibrate(d, s, r, o, &mut |_| true).unwrap()
    }

    fn assert_weights(c: &Calibration, truth: [f64; 6], within_points: f64) {
        for ((id, got), want) in c.weights.iter().zip(truth) {
            assert!((got * 100.0 - want).abs() <= within_points, "{id:?}: {got} vs {want} in {:?}", c.weights);
        }
    }

    const TRUTH: [f64; 6] = [30.0, 15.0, 5.0, 40.0, 10.0, 0.0];

    /// Continuous quotas of known weights (no minimum request, so nothing is dropped): weights and exponent
    /// come back almost exactly.
    #[test]
    fn recovers_known_weights_and_exponent_from_continuous_quotas() {
        let d = synthetic_dataset(40, 11);
        let mut truth = scenario(TRUTH, 0.6, 20_000);
        truth.rules.min_request = 0;
        let quotas = allocate(&d, &truth).unwrap();
        let r = Reference { values: quotas.rows.iter().map(|r| Some(r.initial_quota)).collect(), name: "q".into() };
        // Start from other weights and exponent.
        let mut start = scenario([20.0, 20.0, 20.0, 20.0, 20.0, 0.0], 0.3, 5120);
        start.rules.min_request = 0;
        let c = run(&d, &start, &r, &options(true));
        assert_weights(&c, TRUTH, 0.5);
        assert!((c.size_exponent - 0.6).abs() <= 0.01, "{}", c.size_exponent);
        assert!(c.fit.mae < 0.5 && c.fit.asked_agreement == 1.0, "{:?}", c.fit);
        assert_eq!(c.scenario.target.total, 5120, "the scenario keeps its own target");
        let percent: f64 = c.scenario.criteria.iter().map(|c| c.weight).sum();
        assert!((percent - 100.0).abs() < 1e-9);
    }

    /// Integer requests with the minimum-request drop: weights within a few points, and a near-perfect fit.
    #[test]
    fn recovers_known_weights_from_integer_requests() {
        let d = synthetic_dataset(80, 4);
        let truth = scenario(TRUTH, 0.5, 2500);
        let a = allocate(&d, &truth).unwrap();
        let r = Reference { values: a.rows.iter().map(|r| Some(f64::from(r.allocation))).collect(), name: "a".into() };
        let c = run(&d, &scenario([20.0, 20.0, 20.0, 20.0, 20.0, 0.0], 0.5, 5120), &r, &options(false));
        assert_weights(&c, TRUTH, 3.0);
        assert!(c.fit.mae < 0.5 && c.fit.asked_agreement > 0.98, "{:?}", c.fit);
        // The reported fit is the fitted scenario's, at the reference's total.
        let mut fitted = c.scenario.clone();
        fitted.target.total = 2500;
        assert_eq!(fit(&d, &fitted, &r).unwrap(), c.fit);
    }

    #[test]
    fn same_input_same_result_and_progress_ends_at_one() {
        let d = synthetic_dataset(25, 2);
        let s = scenario([35.0, 20.0, 10.0, 25.0, 10.0, 0.0], 0.5, 1000);
        let r = reference_from_column(&d, "anmodning_2019").unwrap();
        let mut seen: Vec<f32> = Vec::new();
        let first = calibrate(&d, &s, &r, &options(true), &mut |p| {
            seen.push(p);
            true
        })
        .unwrap();
        assert_eq!(run(&d, &s, &r, &options(true)), first);
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "progress never goes back");
        assert_eq!(seen.last(), Some(&1.0));
        assert!(first.evaluations > 10 && first.evaluations <= FULL_BUDGET + 10);
    }

    #[test]
    fn cancel_stops_the_search() {
        let d = synthetic_dataset(40, 2);
        let s = scenario([35.0, 20.0, 10.0, 25.0, 10.0, 0.0], 0.5, 1000);
        let r = reference_from_column(&d, "anmodning_2019").unwrap();
        let mut calls = 0;
        let e = calibrate(&d, &s, &r, &options(true), &mut |_| {
            calls += 1;
            calls < 5
        });
        assert_eq!(e, Err(CalibrateError::Cancelled));
        assert_eq!(calls, 5);
    }

    #[test]
    fn continuity_is_held_at_zero_unless_asked() {
        let d = synthetic_dataset(30, 8);
        let s = scenario([35.0, 20.0, 10.0, 25.0, 10.0, 30.0], 0.5, 1000);
        // The continuity column itself as the reference: only continuity can reproduce it exactly.
        let r = reference_from_column(&d, "anmodning_2019").unwrap();
        let held = run(&d, &s, &r, &options(false));
        assert_eq!(held.weights[5], (CriterionId::Continuity, 0.0));
        assert_eq!(held.scenario.criteria[5].weight, 0.0);
        let free = run(&d, &s, &r, &CalibrateOptions { include_continuity: true, ..options(false) });
        assert!(free.weights[5].1 > 0.9, "{:?}", free.weights);
        assert!(free.fit.mae <= held.fit.mae);
    }

    #[test]
    fn criteria_without_data_get_no_weight_and_bad_inputs_are_refused() {
        let mut d = synthetic_dataset(40, 8);
        let capacity = d.column_index("bosatt_snitt_2017_2019").unwrap();
        d.columns[capacity].values.iter_mut().for_each(|v| *v = Some(0.0));
        let s = scenario([35.0, 20.0, 10.0, 25.0, 10.0, 0.0], 0.5, 1000);
        let r = reference_from_column(&d, "anmodning_2019").unwrap();
        let c = run(&d, &s, &r, &options(false));
        assert_eq!(c.weights[3], (CriterionId::Capacity, 0.0));

        let zero = Reference { values: vec![Some(0.0); d.len()], name: "z".into() };
        assert_eq!(
            calibrate(&d, &s, &zero, &options(false), &mut |_| true),
            Err(CalibrateError::AllZero { name: "z".into() })
        );
        let short = Reference { values: vec![Some(1.0)], name: "s".into() };
        assert!(matches!(
            calibrate(&d, &s, &short, &options(false), &mut |_| true),
            Err(CalibrateError::WrongLength { .. })
        ));
        let mut tiny = r.clone();
        tiny.values.iter_mut().for_each(|v| *v = v.map(|x| x / 1e6));
        assert!(matches!(
            calibrate(&d, &s, &tiny, &options(false), &mut |_| true),
            Err(CalibrateError::NoTarget { .. })
        ));
        let mut huge = r.clone();
        huge.values.iter_mut().for_each(|v| *v = v.map(|x| x * 1e300));
        let e = calibrate(&d, &s, &huge, &options(false), &mut |_| true).unwrap_err().to_string();
        assert!(e.contains("more than the largest target"), "a huge sum is not called zero: {e}");
        let zero_target = CalibrateOptions { target: Some(0), ..options(false) };
        assert_eq!(calibrate(&d, &s, &r, &zero_target, &mut |_| true), Err(CalibrateError::ZeroTarget));
        let mut only_continuity = s.clone();
        only_continuity.criteria.retain(|c| c.id == CriterionId::Continuity);
        only_continuity.criteria[0].weight = 1.0;
        assert_eq!(
            calibrate(&d, &only_continuity, &r, &options(false), &mut |_| true),
            Err(CalibrateError::NothingToFit)
        );
    }

    #[test]
    fn projection_onto_the_simplex() {
        assert_eq!(project_to_simplex(&[0.2, 0.3, 0.5]), vec![0.2, 0.3, 0.5]);
        assert_eq!(project_to_simplex(&[2.0, 0.0, -1.0]), vec![1.0, 0.0, 0.0]);
        let p = project_to_simplex(&[0.6, 0.6, -0.2]);
        assert!((p[0] - 0.5).abs() < 1e-12 && (p[1] - 0.5).abs() < 1e-12 && p[2] == 0.0);
    }
}
