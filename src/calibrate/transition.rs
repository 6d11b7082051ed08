//! Calibration on a transition: how one year's request (the start) became the next (the reference).
//!
//! The plan is the start scaled to the target and moved by the criteria (`scenario.start`), with those the
//! start asked floored at the minimum request and the others dropped below it. The criteria's share and their
//! weights are fitted so that the plan from the start comes closest to the reference, by Nelder–Mead on the
//! engine's own integer stage. Beside the fit: the baseline "the start scaled, its asked set kept", and a
//! leave-one-county-out error (each county predicted by a fit on the other counties only).

use super::error::CalibrateError;
use super::fit::{check_length, fit_target};
use super::nelder_mead::minimise;
use super::reference::Reference;
use crate::data::Dataset;
use crate::engine::{Allocation, Stage, allocate};
use crate::scenario::{BelowMinimum, CriterionId, Scenario, Start, Target};

/// Starting points for the criteria's share: the search runs from each and keeps the best.
const SHARE_STARTS: [f64; 3] = [0.25, 0.5, 0.75];
/// Evaluations of the integer stage per start.
const BUDGET: usize = 160;
/// Penalty per unit a search point lies outside [0, 1] or below a zero weight.
const OUTSIDE: f64 = 10.0;

/// How close a plan comes to the reference, over every municipality with a known reference value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TransitionFit {
    /// Mean absolute difference in persons over all municipalities (the asked and the not asked).
    pub mae: f64,
    /// Share of municipalities (0–1) on which "asked / not asked" agrees.
    pub asked_agreement: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    /// The input scenario with the start, the fitted criteria share and weights (percentages, two decimals),
    /// `below_minimum: floor_start_asked`, and the reference's total as target.
    pub scenario: Scenario,
    /// The fitted plan against the reference (full pipeline).
    pub fit: TransitionFit,
    /// The start scaled to the target with its asked set kept, against the reference.
    pub baseline: TransitionFit,
    /// Mean absolute error when every county is predicted by a fit on the other counties.
    pub loco_mae: f64,
    /// Evaluations of the integer stage spent.
    pub evaluations: usize,
}

/// Fits the plan from `start` (a column of the dataset) to `reference`, at `target` (default: the reference's
/// sum). Refuses a start that is the reference itself: the fit would only copy it.
pub fn calibrate_transition(
    dataset: &Dataset,
    scenario: &Scenario,
    start: &str,
    reference: &Reference,
    target: Option<u32>,
) -> Result<Transition, CalibrateError> {
    check_length(dataset, reference)?;
    if reference.name == start {
        return Err(CalibrateError::StartIsReference { column: start.to_owned() });
    }
    let target = fit_target(dataset, reference, target)?;
    let work = from_start(scenario, start, target);
    let free: Vec<usize> = (0..work.criteria.len()).filter(|&k| work.criteria[k].weight > 0.0).collect();
    if free.is_empty() {
        return Err(CalibrateError::NothingToFit);
    }
    let mut stage = Stage::new(dataset, &work)?;
    let scale = f64::from(target) / reference.total();
    let wanted: Vec<Option<f64>> = reference.values.iter().map(|v| v.map(|v| v * scale)).collect();
    let mut search = Search { stage: &mut stage, work: &work, free: &free, wanted: &wanted, target, evaluations: 0 };

    let everyone = vec![true; dataset.len()];
    let best = search.fit(&everyone)?;
    let county_of = &dataset.row_index().county_of;
    let counties = county_of.iter().copied().max().map_or(0, |c| c + 1);
    let mut loco_error = 0.0;
    for county in 0..counties {
        let others: Vec<bool> = county_of.iter().map(|&c| c != county).collect();
        let point = search.fit(&others)?;
        let requests = search.requests(&point).unwrap_or_default();
        loco_error += (0..dataset.len())
            .filter(|&i| county_of[i] == county)
            .filter_map(|i| wanted[i].map(|w| (f64::from(requests.get(i).copied().unwrap_or(0)) - w).abs()))
            .sum::<f64>();
    }
    let known = wanted.iter().flatten().count().max(1) as f64;
    let evaluations = search.evaluations;
    let fitted = search.scenario(&best);
    let fit = transition_fit(&allocate(dataset, &fitted)?, &wanted);
    let baseline = transition_fit(&allocate(dataset, &baseline_scenario(scenario, start, target))?, &wanted);
    let mut saved = fitted;
    saved.target.minors = scenario.target.minors.min(target);
    saved.target.resettlement = scenario.target.resettlement.min(target);
    Ok(Transition { scenario: saved, fit, baseline, loco_mae: loco_error / known, evaluations })
}

/// The plan from a start: the scenario's criteria (continuity held at 0: the start is last year's request),
/// its rules, `floor_start_asked`, and a band only when it is around the start (it then follows the total).
pub fn from_start(scenario: &Scenario, start: &str, target: u32) -> Scenario {
    let mut s = scenario.clone();
    let share = scenario.start.as_ref().map_or(0.5, |s| s.criteria_share);
    s.start = Some(Start { column: start.to_owned(), criteria_share: share });
    s.rules.below_minimum = BelowMinimum::FloorStartAsked;
    if s.rules.change_band.as_ref().is_some_and(|b| b.column != start) {
        s.rules.change_band = None;
    }
    for c in &mut s.criteria {
        if c.id == CriterionId::Continuity {
            c.weight = 0.0;
        }
    }
    s.target = Target { total: target, minors: 0, resettlement: 0 };
    s
}

/// The fitted scenario moved one year on: it starts from `last` (a band around the start moves with it) at
/// the new `target`.
pub fn moved_on(fitted: &Scenario, last: &str, target: Target) -> Scenario {
    let mut plan = fitted.clone();
    if let Some(start) = &mut plan.start {
        start.column = last.to_owned();
    }
    if let Some(band) = &mut plan.rules.change_band {
        band.column = last.to_owned();
    }
    plan.target = Target {
        total: target.total,
        minors: target.minors.min(target.total),
        resettlement: target.resettlement.min(target.total),
    };
    plan
}

/// "The start scaled, its asked set kept": the start's own key, everyone it asked floored at the minimum
/// request, none of the scenario's other rules (as `revise --mode proportional`).
pub fn baseline_scenario(scenario: &Scenario, start: &str, target: u32) -> Scenario {
    let mut s = from_start(scenario, start, target);
    if let Some(start) = &mut s.start {
        start.criteria_share = 0.0;
    }
    s.rules.immigrant_share_ceiling = None;
    s.rules.min_population = None;
    s.rules.max_per_1000 = None;
    s.rules.capacity_column = None;
    s.rules.change_band = None;
    s.overrides.clear();
    s.county_first = false;
    s
}

/// Mean absolute error over every municipality with a known value, and the asked/not-asked agreement.
fn transition_fit(allocation: &Allocation, wanted: &[Option<f64>]) -> TransitionFit {
    let known: Vec<(f64, u32)> =
        wanted.iter().zip(&allocation.rows).filter_map(|(w, r)| w.map(|w| (w, r.allocation))).collect();
    let n = known.len().max(1) as f64;
    TransitionFit {
        mae: known.iter().map(|(w, a)| (f64::from(*a) - w).abs()).sum::<f64>() / n,
        asked_agreement: known.iter().filter(|(w, a)| (*w > 0.0) == (*a > 0)).count() as f64 / n,
    }
}

struct Search<'s, 'a> {
    stage: &'s mut Stage<'a>,
    work: &'s Scenario,
    /// Indices into `work.criteria` of the fitted criteria; the others keep weight 0.
    free: &'s [usize],
    /// The reference scaled to the target, per row.
    wanted: &'s [Option<f64>],
    target: u32,
    evaluations: usize,
}

impl Search<'_, '_> {
    /// A search point: the criteria's share, then the free criteria's weights.
    fn decode(&self, x: &[f64]) -> (f64, Vec<f64>) {
        let share = x[0].clamp(0.0, 1.0);
        let raw: Vec<f64> = x[1..].iter().map(|w| w.max(1e-6)).collect();
        let sum: f64 = raw.iter().sum();
        let mut weights = vec![0.0; self.work.criteria.len()];
        for (&k, w) in self.free.iter().zip(&raw) {
            weights[k] = w / sum;
        }
        (share, weights)
    }

    fn requests(&mut self, x: &[f64]) -> Option<Vec<u32>> {
        let (share, weights) = self.decode(x);
        self.stage.set_criteria_share(share);
        self.evaluations += 1;
        let target = Target { total: self.target, minors: 0, resettlement: 0 };
        self.stage.requests(&weights, target, None)?.ok()
    }

    /// The mean absolute error over the rows in `rows` (infinite where the engine refuses the point).
    fn error(&mut self, x: &[f64], rows: &[bool]) -> f64 {
        let outside: f64 = (x[0] - x[0].clamp(0.0, 1.0)).abs() + x[1..].iter().map(|w| (-w).max(0.0)).sum::<f64>();
        let Some(requests) = self.requests(x) else { return f64::INFINITY };
        let (mut sum, mut n) = (0.0, 0usize);
        for ((w, r), _) in self.wanted.iter().zip(&requests).zip(rows).filter(|(_, keep)| **keep) {
            if let Some(w) = w {
                sum += (f64::from(*r) - w).abs();
                n += 1;
            }
        }
        sum / n.max(1) as f64 + OUTSIDE * outside
    }

    /// The best point for the rows in `rows`, from each starting share; the first found among equals.
    fn fit(&mut self, rows: &[bool]) -> Result<Vec<f64>, CalibrateError> {
        let weights: Vec<f64> = {
            let sum: f64 = self.free.iter().map(|&k| self.work.criteria[k].weight).sum();
            self.free.iter().map(|&k| self.work.criteria[k].weight / sum).collect()
        };
        let mut best: Option<(Vec<f64>, f64)> = None;
        for share in SHARE_STARTS {
            let start: Vec<f64> = std::iter::once(share).chain(weights.iter().copied()).collect();
            let steps: Vec<f64> = std::iter::once(0.15).chain(weights.iter().map(|w| (w * 0.5).max(0.05))).collect();
            let mut f = |x: &[f64]| -> Result<f64, CalibrateError> { Ok(self.error(x, rows)) };
            let (x, v) = minimise(&mut f, &start, &steps, BUDGET, 1e-4)?;
            if best.as_ref().is_none_or(|(_, b)| v < *b) {
                best = Some((x, v));
            }
        }
        best.map(|(x, _)| x).ok_or(CalibrateError::NothingToFit)
    }

    /// The work scenario at a point, weights as percentages with two decimals and the share with three.
    fn scenario(&self, x: &[f64]) -> Scenario {
        let (share, weights) = self.decode(x);
        let mut s = self.work.clone();
        for (c, w) in s.criteria.iter_mut().zip(&weights) {
            c.weight = (w * 10_000.0).round() / 100.0;
        }
        if let Some(start) = &mut s.start {
            start.criteria_share = (share * 1000.0).round() / 1000.0;
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::reference_from_column;
    use crate::data::embedded_dataset;
    use crate::scenario::parse_scenario;

    fn imdi() -> Scenario {
        parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap()
    }

    #[test]
    fn the_start_cannot_be_the_reference() {
        let d = embedded_dataset("norway-2020").unwrap();
        let r = reference_from_column(&d, "anmodning_2019").unwrap();
        let e = calibrate_transition(&d, &imdi(), "anmodning_2019", &r, None).unwrap_err();
        assert!(matches!(e, CalibrateError::StartIsReference { .. }), "{e}");
        assert!(e.to_string().contains("anmodning_2019"), "{e}");
    }

    #[test]
    fn the_baseline_keeps_the_starts_asked_set_scaled() {
        let d = embedded_dataset("norway-2020").unwrap();
        let start = d.column("anmodning_2018").unwrap();
        let a = allocate(&d, &baseline_scenario(&imdi(), "anmodning_2018", 5350)).unwrap();
        for (r, v) in a.rows.iter().zip(&start.values) {
            let v = v.unwrap_or(0.0);
            assert_eq!(r.asked(), v > 0.0);
            // Both sum to 5,350: the start as it is, but for the floor at 10.
            assert!((f64::from(r.allocation) - v).abs() <= 1.0 + 0.02 * v, "{} vs {v}", r.allocation);
        }
    }
}

#[cfg(test)]
mod backtest {
    use super::*;
    use crate::calibrate::reference_from_column;
    use crate::data::embedded_dataset;
    use crate::scenario::parse_scenario;

    /// 2018 → 2019 in the embedded 2020 dataset (the numbers docs/model.md reports).
    #[test]
    fn from_2018_to_2019_beats_the_baseline_out_of_county() {
        let d = embedded_dataset("norway-2020").unwrap();
        let s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        let r = reference_from_column(&d, "anmodning_2019").unwrap();
        let t = calibrate_transition(&d, &s, "anmodning_2018", &r, None).unwrap();
        eprintln!(
            "fit {:.3} baseline {:.3} loco {:.3} agreement {:.3} share {:?} evals {}",
            t.fit.mae, t.baseline.mae, t.loco_mae, t.fit.asked_agreement, t.scenario.start, t.evaluations
        );
        eprintln!("{:?}", t.scenario.criteria.iter().map(|c| c.weight).collect::<Vec<_>>());
        // The baseline is last year's request as it is (both years sum to 5,350).
        let last = d.column("anmodning_2018").unwrap();
        let raw =
            last.values.iter().zip(&r.values).map(|(a, b)| (a.unwrap_or(0.0) - b.unwrap_or(0.0)).abs()).sum::<f64>()
                / d.len() as f64;
        assert!((t.baseline.mae - raw).abs() < 0.05, "{} vs {raw}", t.baseline.mae);
        assert!(t.loco_mae < t.baseline.mae, "{} vs {}", t.loco_mae, t.baseline.mae);
        assert!(t.fit.mae <= t.loco_mae + 1e-9);
    }
}
