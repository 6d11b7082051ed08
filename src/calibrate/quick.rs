//! A fast stand-in for the pipeline, for the wide part of the search: the keys for any weights and size
//! exponent from one allocation, continuous quotas with the minimum-request drop, no caps and no rounding.
//! About twenty times cheaper than `allocate`; the final figures always come from the real pipeline.
//!
//! One allocation with every fitted criterion weighted gives each criterion's key part (`key_parts`). The size key and intensive keys are P^a times something that does not depend on a, so their
//! parts at another exponent are the parts at a0 times P^(a − a0), normalised again (`docs/model.md`, Keys).

use crate::data::{Dataset, Kind};
use crate::engine::{Allocation, Reason, Status};
use crate::scenario::{Override, Scenario};

pub(super) struct QuickModel {
    /// Per eligible row (dataset order): ln population, whether it shares the open target, whether it is
    /// never dropped, and its reference value scaled to the target (`None` when unknown).
    ln_population: Vec<f64>,
    open: Vec<bool>,
    include: Vec<bool>,
    reference: Vec<Option<f64>>,
    /// Per fitted criterion, per eligible row: its key part at `a0`, and whether it scales with P^a.
    base: Vec<Vec<f64>>,
    scales: Vec<bool>,
    a0: f64,
    /// The open target T' and the minimum request.
    target: f64,
    min_request: f64,
    /// What an asked/not-asked disagreement costs, in persons.
    miss_cost: f64,
    /// Error (persons) and disagreements of the rows the weights cannot move (locked or not eligible).
    fixed_error: f64,
    fixed_disagreements: usize,
    /// Municipalities the reference asked (known value > 0): the error's denominator.
    asked: usize,
}

/// The search's error measure, in persons per municipality the reference asked: the absolute differences over
/// those municipalities, plus `miss_cost` for every municipality asked by one and not the other.
pub(super) fn error_measure(abs_error_sum: f64, disagreements: usize, miss_cost: f64, asked: usize) -> f64 {
    (abs_error_sum + miss_cost * disagreements as f64) / asked.max(1) as f64
}

impl QuickModel {
    /// `allocation` comes from `scenario` with every criterion in `free` weighted and the others at 0.
    pub fn new(
        dataset: &Dataset,
        scenario: &Scenario,
        free: &[usize],
        allocation: &Allocation,
        reference: &[Option<f64>],
        miss_cost: f64,
    ) -> Self {
        let total: f64 = reference.iter().flatten().sum();
        let scale = if total > 0.0 { f64::from(allocation.target) / total } else { 1.0 };
        let mut m = QuickModel {
            ln_population: Vec::new(),
            open: Vec::new(),
            include: Vec::new(),
            reference: Vec::new(),
            base: vec![Vec::new(); free.len()],
            scales: free
                .iter()
                .map(|&k| {
                    let column = scenario.criteria[k].column.as_deref().and_then(|c| dataset.column(c));
                    column.is_none_or(|c| c.meta.kind == Kind::Intensive)
                })
                .collect(),
            a0: scenario.size_exponent,
            target: f64::from(allocation.open_target),
            min_request: f64::from(scenario.rules.min_request),
            miss_cost,
            fixed_error: 0.0,
            fixed_disagreements: 0,
            asked: reference.iter().flatten().filter(|v| **v > 0.0).count(),
        };
        for (i, row) in allocation.rows.iter().enumerate() {
            let r = reference[i].map(|v| v * scale);
            let open = row.eligible && !matches!(row.status, Status::Locked | Status::NotAsked(Reason::LockedToZero));
            if !open && let Some(r) = r {
                // Locked or not eligible: the same request whatever the weights.
                let a = f64::from(row.allocation);
                if r > 0.0 {
                    m.fixed_error += (a - r).abs();
                }
                m.fixed_disagreements += usize::from((r > 0.0) != (a > 0.0));
            }
            if !row.eligible {
                continue;
            }
            m.ln_population.push(dataset.municipalities[i].population.ln());
            m.open.push(open);
            m.include.push(scenario.overrides.get(&dataset.municipalities[i].code) == Some(&Override::Include));
            m.reference.push(r);
            for (b, &k) in m.base.iter_mut().zip(free) {
                b.push(allocation.key_parts.get(k).and_then(Option::as_ref).map_or(0.0, |part| part[i]));
            }
        }
        m
    }

    /// Each fitted criterion's key part at exponent `a`, per eligible row, normalised to sum 1.
    pub fn parts(&self, a: f64) -> Vec<Vec<f64>> {
        let factor: Vec<f64> = self.ln_population.iter().map(|l| ((a - self.a0) * l).exp()).collect();
        self.base
            .iter()
            .zip(&self.scales)
            .map(|(b, &scales)| {
                let raw: Vec<f64> =
                    if scales { b.iter().zip(&factor).map(|(x, f)| x * f).collect() } else { b.clone() };
                let sum: f64 = raw.iter().sum();
                if sum > 0.0 { raw.iter().map(|x| x / sum).collect() } else { vec![0.0; raw.len()] }
            })
            .collect()
    }

    /// Per eligible row: whether it shares the open target, and its scaled reference value.
    pub fn open(&self) -> &[bool] {
        &self.open
    }

    pub fn reference(&self) -> &[Option<f64>] {
        &self.reference
    }

    pub fn open_target(&self) -> f64 {
        self.target
    }

    /// The error measure for weights `w` (over the fitted criteria) and exponent `a`, given `parts` at `a`.
    pub fn error(&self, parts: &[Vec<f64>], w: &[f64]) -> f64 {
        let n = self.open.len();
        let key: Vec<f64> =
            (0..n).map(|i| if self.open[i] { parts.iter().zip(w).map(|(p, w)| w * p[i]).sum() } else { 0.0 }).collect();
        // Drop smallest first while the smallest kept quota is below the minimum: with quotas proportional to
        // keys, the kept set is the longest run from the top whose smallest member still reaches it.
        let mut order: Vec<usize> = (0..n).filter(|&i| self.open[i] && !self.include[i] && key[i] > 0.0).collect();
        order.sort_by(|&a, &b| key[b].total_cmp(&key[a]).then(a.cmp(&b)));
        let mut kept_sum: f64 = (0..n).filter(|&i| self.open[i] && self.include[i]).map(|i| key[i]).sum();
        let mut kept = vec![false; n];
        for i in (0..n).filter(|&i| self.include[i]) {
            kept[i] = self.open[i];
        }
        for &i in &order {
            let sum = kept_sum + key[i];
            if self.target * key[i] < self.min_request * sum {
                break;
            }
            kept_sum = sum;
            kept[i] = true;
        }
        let scale = if kept_sum > 0.0 { self.target / kept_sum } else { 0.0 };
        let mut abs_error = self.fixed_error;
        let mut disagreements = self.fixed_disagreements;
        for i in 0..n {
            let Some(r) = self.reference[i].filter(|_| self.open[i]) else { continue };
            let q = if kept[i] { key[i] * scale } else { 0.0 };
            if r > 0.0 {
                abs_error += (q - r).abs();
            }
            disagreements += usize::from((r > 0.0) != (q > 0.0));
        }
        error_measure(abs_error, disagreements, self.miss_cost, self.asked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::fit::compare;
    use crate::calibrate::reference_from_column;
    use crate::engine::allocate;
    use crate::scenario::parse_scenario;

    /// The quick model's error is the full pipeline's up to rounding, for any weights and exponent.
    #[test]
    fn agrees_with_the_full_pipeline_up_to_rounding() {
        let d = crate::data::embedded_dataset("norway-2020").unwrap();
        let mut s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        s.target.total = 5350;
        s.target.minors = 0;
        let r = reference_from_column(&d, "anmodning_2018").unwrap();
        let free = [0, 1, 2, 3, 4];
        let mut probe = s.clone();
        for (k, c) in probe.criteria.iter_mut().enumerate() {
            c.weight = if free.contains(&k) { 1.0 } else { 0.0 };
        }
        let quick = QuickModel::new(&d, &probe, &free, &allocate(&d, &probe).unwrap(), &r.values, 10.0);
        for (weights, a) in [([35.0, 20.0, 10.0, 25.0, 10.0], 0.5), ([10.0, 5.0, 5.0, 70.0, 10.0], 0.25)] {
            let mut t = s.clone();
            for (c, w) in t.criteria.iter_mut().zip(weights) {
                c.weight = w;
            }
            t.criteria[5].weight = 0.0;
            t.size_exponent = a;
            let c = compare(&allocate(&d, &t).unwrap(), &r);
            let full = error_measure(c.abs_error, c.disagreements, 10.0, c.asked);
            let w: Vec<f64> = weights.iter().map(|w| w / 100.0).collect();
            let fast = quick.error(&quick.parts(a), &w);
            assert!((fast - full).abs() < 0.5, "quick {fast} vs full {full} at {weights:?}, {a}");
        }
    }
}
