//! How much the plan depends on its choices: each weight swept from 0 to 100 %, each weight moved a little
//! (the tornado), and the target moved over a range.
//!
//! Moving a weight rescales the other criteria to keep their sizes relative to each other
//! ([`with_weight_share`]). A point the engine refuses (for example too few municipalities left to place the
//! minors) is kept with its refusal in the whole-plan sweep and the target range, and left out of a single
//! municipality's curve.

use crate::data::Dataset;
use crate::engine::{AllocError, Allocation, Stage, allocate};
use crate::scenario::{CriterionId, Scenario};

use super::reweight::with_weight_share;

/// One municipality's request as one criterion's weight share goes from 0 to 1; refused points are left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    pub criterion: CriterionId,
    /// (weight share 0..=1, request).
    pub points: Vec<(f64, u32)>,
}

/// The whole plan as one criterion's weight share goes from 0 to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSweep {
    pub criterion: CriterionId,
    pub points: Vec<PlanPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanPoint {
    /// The criterion's weight share, 0..=1.
    pub share: f64,
    /// The request of every municipality (dataset order), or why the engine refuses this point.
    pub requests: Result<Vec<u32>, AllocError>,
}

/// What moving one weight does to the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    /// The weight share the criterion was moved to.
    pub share: f64,
    /// Municipalities whose request changes.
    pub changed: usize,
    /// The largest change (signed; the first in dataset order among equal sizes); 0 when nothing changes.
    pub largest_change: i64,
    /// Its municipality's code; empty when nothing changes.
    pub largest_code: String,
}

/// One criterion's bar: its weight moved down and up by the same number of percentage points (within 0–100 %).
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    pub criterion: CriterionId,
    pub minus: Result<Impact, AllocError>,
    pub plus: Result<Impact, AllocError>,
}

/// Every municipality's request over a range of targets.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRange {
    /// Per dataset row, the smallest and largest request over the feasible targets; empty when none is.
    pub rows: Vec<(u32, u32)>,
    /// The targets the engine accepted.
    pub targets: Vec<u32>,
    /// The targets it refused, and why.
    pub refused: Vec<(u32, AllocError)>,
}

/// `steps` weight shares evenly spaced from 0 to 1 (one step: just 0).
pub fn shares(steps: usize) -> Vec<f64> {
    match steps {
        0 => Vec::new(),
        1 => vec![0.0],
        _ => (0..steps).map(|j| j as f64 / (steps - 1) as f64).collect(),
    }
}

/// The request of `row` as each criterion's weight share goes from 0 to 1 in `steps` points (101: whole
/// percents). Refused points are left out of the curve; a row outside the dataset gives empty curves.
pub fn weight_sweep(dataset: &Dataset, scenario: &Scenario, row: usize, steps: usize) -> Vec<Curve> {
    whole_plan_sweep(dataset, scenario, steps)
        .into_iter()
        .map(|sweep| Curve {
            criterion: sweep.criterion,
            points: sweep
                .points
                .iter()
                .filter_map(|p| p.requests.as_ref().ok().and_then(|r| r.get(row)).map(|v| (p.share, *v)))
                .collect(),
        })
        .collect()
}

/// The whole plan at every point of every criterion's sweep (criteria in scenario order). The criteria are
/// shared between two threads; within one, each point after the first with the same weighted criteria runs
/// only the integer stage of the engine (`engine::Stage`).
pub fn whole_plan_sweep(dataset: &Dataset, scenario: &Scenario, steps: usize) -> Vec<PlanSweep> {
    let grid = shares(steps);
    let base = allocate(dataset, scenario);
    let sweep = |k: usize, solver: &mut Solver| {
        let points = grid
            .iter()
            .map(|&share| PlanPoint { share, requests: solver.requests(&with_weight_share(scenario, k, share)) })
            .collect();
        (k, PlanSweep { criterion: scenario.criteria[k].id, points })
    };
    let criteria: Vec<usize> = (0..scenario.criteria.len()).collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(2);
    if threads < 2 || criteria.len() < 2 {
        let mut solver = Solver::new(dataset, scenario, base.as_ref().ok());
        return criteria.into_iter().map(|k| sweep(k, &mut solver).1).collect();
    }
    // Criteria alternate between the two threads; each thread keeps its own frames.
    let (even, odd): (Vec<usize>, Vec<usize>) = criteria.into_iter().partition(|k| k % 2 == 0);
    let run = |part: &[usize]| {
        let mut solver = Solver::new(dataset, scenario, base.as_ref().ok());
        part.iter().map(|&k| sweep(k, &mut solver)).collect::<Vec<_>>()
    };
    let (a, b) = std::thread::scope(|s| {
        let other = s.spawn(|| run(&odd));
        let mine = run(&even);
        (mine, other.join())
    });
    let b = b.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let mut out: Vec<(usize, PlanSweep)> = a.into_iter().chain(b).collect();
    out.sort_by_key(|(k, _)| *k);
    out.into_iter().map(|(_, sweep)| sweep).collect()
}

/// For each criterion, how many municipalities change and the largest change when its weight share moves
/// `pp` (0.10 = ten percentage points) down and up, within 0–100 %, the others rescaled. Refused when the
/// scenario itself is.
pub fn tornado(dataset: &Dataset, scenario: &Scenario, pp: f64) -> Result<Vec<TornadoBar>, AllocError> {
    let base = allocate(dataset, scenario)?;
    let weights: Vec<f64> = base.weights.iter().map(|(_, w)| *w).collect();
    let before: Vec<u32> = base.rows.iter().map(|r| r.allocation).collect();
    let mut solver = Solver::new(dataset, scenario, Some(&base));
    let mut impact = |k: usize, share: f64| -> Result<Impact, AllocError> {
        let share = share.clamp(0.0, 1.0);
        let after = solver.requests(&with_weight_share(scenario, k, share))?;
        Ok(impact(dataset, share, &before, &after))
    };
    Ok(scenario
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| TornadoBar {
            criterion: c.id,
            minus: impact(k, weights[k] - pp),
            plus: impact(k, weights[k] + pp),
        })
        .collect())
}

fn impact(dataset: &Dataset, share: f64, before: &[u32], after: &[u32]) -> Impact {
    let mut out = Impact { share, changed: 0, largest_change: 0, largest_code: String::new() };
    for (i, (b, a)) in before.iter().zip(after).enumerate() {
        let change = i64::from(*a) - i64::from(*b);
        if change == 0 {
            continue;
        }
        out.changed += 1;
        if change.abs() > out.largest_change.abs() {
            out.largest_change = change;
            out.largest_code = dataset.municipalities[i].code.clone();
        }
    }
    out
}

/// Every municipality's smallest and largest request for the targets `from, from + step, ..., <= to` (step 0
/// counts as 1; `from > to` is read as the range `to..=from`). The minors target stays the scenario's.
pub fn target_range(dataset: &Dataset, scenario: &Scenario, from: u32, to: u32, step: u32) -> TargetRange {
    let (from, to) = (from.min(to), from.max(to));
    let step = step.max(1);
    let mut solver = Solver::new(dataset, scenario, None);
    let mut out = TargetRange { rows: Vec::new(), targets: Vec::new(), refused: Vec::new() };
    let mut total = from;
    loop {
        let mut variant = scenario.clone();
        variant.target.total = total;
        match solver.requests(&variant) {
            Ok(requests) => {
                if out.rows.is_empty() {
                    out.rows = requests.iter().map(|&r| (r, r)).collect();
                }
                for (range, r) in out.rows.iter_mut().zip(&requests) {
                    *range = (range.0.min(*r), range.1.max(*r));
                }
                out.targets.push(total);
            }
            Err(e) => out.refused.push((total, e)),
        }
        match total.checked_add(step) {
            Some(next) if next <= to => total = next,
            _ => break,
        }
    }
    out
}

/// Answers many variants of one scenario that differ only in weights or target: the scenario's own
/// allocation for itself, and otherwise the engine's integer stage, one per set of weighted criteria, each
/// point's rounding started from the last answer.
struct Solver<'a> {
    dataset: &'a Dataset,
    base: Option<(&'a Scenario, Vec<u32>)>,
    stages: Vec<Stage<'a>>,
    /// The last answer: where the next nearby point's rounding starts.
    last: Option<Vec<u32>>,
}

impl<'a> Solver<'a> {
    fn new(dataset: &'a Dataset, scenario: &'a Scenario, base: Option<&Allocation>) -> Solver<'a> {
        let base = base.map(|a| (scenario, a.rows.iter().map(|r| r.allocation).collect()));
        Solver { dataset, base, stages: Vec::new(), last: None }
    }

    fn requests(&mut self, variant: &Scenario) -> Result<Vec<u32>, AllocError> {
        let answer = self.solve(variant);
        if let Ok(requests) = &answer {
            self.last = Some(requests.clone());
        }
        answer
    }

    fn solve(&mut self, variant: &Scenario) -> Result<Vec<u32>, AllocError> {
        if let Some((scenario, requests)) = &self.base
            && scenario.target == variant.target
            && scenario.criteria == variant.criteria
        {
            return Ok(requests.clone());
        }
        let warm = self.last.as_deref();
        if let Some(weights) = variant.normalised_weights() {
            if let Some(answer) = self.stages.iter().find_map(|s| s.requests(&weights, variant.target, warm)) {
                return answer;
            }
            let stage = Stage::new(self.dataset, variant)?;
            let answer = stage.requests(&weights, variant.target, warm);
            self.stages.push(stage);
            if let Some(answer) = answer {
                return answer;
            }
        }
        // Weights that weight nothing: the engine names the problem.
        allocate(self.dataset, variant).map(|a| a.rows.iter().map(|r| r.allocation).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::{example, examples};

    #[test]
    fn the_own_weight_reproduces_the_scenario() {
        for ex in examples() {
            let row = ex.dataset.len() / 3;
            let curves = weight_sweep(&ex.dataset, &ex.scenario, row, 101);
            assert_eq!(curves.len(), ex.scenario.criteria.len());
            for (curve, (_, w)) in curves.iter().zip(&ex.allocation.weights) {
                let own = curve.points.iter().find(|(s, _)| (s - w).abs() < 1e-12);
                assert_eq!(own.map(|p| p.1), Some(ex.allocation.rows[row].allocation), "{} {curve:?}", ex.name);
            }
        }
    }

    #[test]
    fn sweep_points_match_the_full_engine() {
        // Every fifth point of two examples, against a fresh allocation.
        for name in ["imdi-2020.ron", "imdi-2024.ron"] {
            let ex = example(name);
            let sweeps = whole_plan_sweep(&ex.dataset, &ex.scenario, 21);
            for (k, sweep) in sweeps.iter().enumerate() {
                assert_eq!(sweep.criterion, ex.scenario.criteria[k].id);
                assert_eq!(sweep.points.len(), 21);
                for p in sweep.points.iter().step_by(5) {
                    let full = allocate(&ex.dataset, &with_weight_share(&ex.scenario, k, p.share))
                        .map(|a| a.rows.iter().map(|r| r.allocation).collect::<Vec<_>>());
                    assert_eq!(p.requests, full, "{name} {:?} at {}", sweep.criterion, p.share);
                }
            }
        }
    }

    #[test]
    fn refused_points_are_kept_with_their_cause() {
        // Only the size criterion weighted: at share 0 every weight is zero, which the engine refuses.
        let mut s = example("imdi-2024.ron").scenario.clone();
        let d = &example("imdi-2024.ron").dataset;
        s.criteria.truncate(1);
        let sweeps = whole_plan_sweep(d, &s, 3);
        assert!(matches!(sweeps[0].points[0].requests, Err(AllocError::Invalid(_))));
        assert!(sweeps[0].points[1].requests.is_ok());
        let curve = &weight_sweep(d, &s, 0, 3)[0];
        assert_eq!(curve.points.len(), 2);
    }

    #[test]
    fn tornado_counts_match_a_direct_recomputation() {
        let ex = example("imdi-2020.ron");
        let bars = tornado(&ex.dataset, &ex.scenario, 0.10).unwrap();
        assert_eq!(bars.len(), ex.scenario.criteria.len());
        for (k, bar) in bars.iter().enumerate() {
            let w = ex.allocation.weights[k].1;
            for (side, share) in [(&bar.minus, w - 0.10), (&bar.plus, w + 0.10)] {
                let share = share.clamp(0.0, 1.0);
                let a = allocate(&ex.dataset, &with_weight_share(&ex.scenario, k, share)).unwrap();
                let changes: Vec<i64> = a
                    .rows
                    .iter()
                    .zip(&ex.allocation.rows)
                    .map(|(after, before)| i64::from(after.allocation) - i64::from(before.allocation))
                    .collect();
                let side = side.as_ref().unwrap();
                assert_eq!(side.share, share);
                assert_eq!(side.changed, changes.iter().filter(|c| **c != 0).count(), "{:?}", bar.criterion);
                let largest = changes.iter().map(|c| c.abs()).max().unwrap_or(0);
                assert_eq!(side.largest_change.abs(), largest);
                if largest > 0 {
                    let row = ex.dataset.index_of_code(&side.largest_code).unwrap();
                    assert_eq!(changes[row], side.largest_change);
                }
            }
        }
        // Continuity has weight 0: moving it down changes nothing.
        let continuity = bars.iter().find(|b| b.criterion == CriterionId::Continuity).unwrap();
        assert_eq!(continuity.minus.as_ref().unwrap().changed, 0);
        assert!(continuity.plus.as_ref().unwrap().changed > 0);
    }

    #[test]
    fn target_range_brackets_the_scenario() {
        let ex = example("imdi-2020.ron");
        let range = target_range(&ex.dataset, &ex.scenario, 4000, 6000, 40);
        assert!(range.targets.contains(&5120));
        assert_eq!(range.targets.len() + range.refused.len(), 51);
        assert_eq!(range.rows.len(), ex.dataset.len());
        for ((lo, hi), r) in range.rows.iter().zip(&ex.allocation.rows) {
            assert!(*lo <= r.allocation && r.allocation <= *hi);
        }
        // The largest municipality grows with the target.
        assert!(range.rows[0].0 < range.rows[0].1);
        // Below the 140 minors every target is refused, and no row gets a range.
        let small = target_range(&ex.dataset, &ex.scenario, 100, 0, 50);
        assert!(small.targets.is_empty() && small.rows.is_empty());
        assert_eq!(small.refused.iter().map(|(t, _)| *t).collect::<Vec<_>>(), vec![0, 50, 100]);
        assert!(matches!(small.refused[0].1, AllocError::Invalid(_)));
    }
}
