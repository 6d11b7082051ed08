//! The integer stage of the engine (locks, caps, minimum-request drop, rounding) run on its own, for the many
//! allocations a sensitivity analysis needs.
//!
//! The combined key is linear in the weights, K(w) = Σ w_k·key_k, and which municipalities are eligible
//! depends only on which criteria have a weight above zero. So one full allocation per set of weighted
//! criteria gives every criterion's key (read back from its contributions, which are w_k·key_ik·scale), the
//! locks, the caps and the eligible set; each further weight vector or target then only needs K and the
//! integer stage. That stage follows `engine::allocate` step by step (sharing, caps and drops, county-first),
//! with cheaper bookkeeping: running sums for the drop search, and rounding repaired from a nearby result
//! (`warm_divisor`). Keys read back can differ from the engine's in the last bits, which could only matter for
//! a share within about 1e-13 of the minimum request; the tests hold the stage equal to the engine, and
//! callers send every refusal back to the full engine, so errors are always the engine's own.

use crate::data::Dataset;
use crate::engine::apportion::{ApportionError, Claim, apportion};
use crate::engine::bounds::{Bound, band_bounds, bound};
use crate::engine::quotas::{OpenSet, by_cap_ratio, drop_order};
use crate::engine::{AllocError, Allocation};
use crate::scenario::{Override, Scenario, Target};

use super::warm_divisor::divisor_from;

/// Open municipalities that share one total: all of them, or one county's under county-first. Everything but
/// the keys is fixed, so it is built once.
struct Group {
    /// Dataset rows.
    rows: Vec<usize>,
    /// `f64::INFINITY` where there is no cap.
    caps: Vec<f64>,
    /// Lower bounds of the shares (empty when none has one), as in the engine.
    quota_lower: Vec<f64>,
    /// Never dropped by the minimum-request rule.
    include: Vec<bool>,
    rank: Vec<u32>,
    /// Rounding bounds: the engine's `bounds::bound` of each row.
    lower: Vec<u32>,
    upper: Vec<u32>,
}

/// What stays fixed while the weights (with the same criteria above zero) or the target change.
pub(crate) struct Frame {
    /// Which criteria (scenario order) had a weight above zero in the reference allocation.
    mask: Vec<bool>,
    /// Per weighted criterion, its key per row, normalised over the eligible set.
    parts: Vec<Option<Vec<f64>>>,
    /// Per row, its lock (0 for every other row): where every allocation starts.
    locks: Vec<u32>,
    locked: u64,
    open: Vec<usize>,
    /// Every row is locked: a target beyond the locks cannot be met by anyone.
    all_locked: bool,
    any_include: bool,
    /// One group of all open rows, or under county-first one per county (every county, in code order).
    groups: Vec<Group>,
    min_request: u32,
    minors_threshold: u32,
    rounding: crate::engine::Method,
    county_first: bool,
}

/// Which criteria have a weight above zero: the only thing about the weights that eligibility depends on.
fn weight_mask(weights: &[f64]) -> Vec<bool> {
    weights.iter().map(|w| *w > 0.0).collect()
}

impl Frame {
    /// Reads the fixed parts from a full allocation of `scenario`. `None` when the keys cannot be read back
    /// (nothing was shared by key, e.g. every municipality locked).
    pub(crate) fn new(dataset: &Dataset, scenario: &Scenario, allocation: &Allocation) -> Option<Frame> {
        let n = dataset.len();
        if allocation.rows.len() != n || allocation.weights.len() != scenario.criteria.len() {
            return None;
        }
        let mask = weight_mask(&allocation.weights.iter().map(|(_, w)| *w).collect::<Vec<_>>());
        let mut parts: Vec<Option<Vec<f64>>> = Vec::with_capacity(mask.len());
        for (k, weighted) in mask.iter().enumerate() {
            if !weighted {
                parts.push(None);
                continue;
            }
            // Σ_i w_k·key_ik·scale = w_k·scale, since each key sums to 1 over the eligible set.
            let sum: f64 = allocation.rows.iter().map(|r| r.contributions[k]).sum();
            if !(sum > 0.0 && sum.is_finite()) {
                return None;
            }
            parts.push(Some(allocation.rows.iter().map(|r| r.contributions[k] / sum).collect()));
        }
        // Open: eligible and not locked (a lock wins over every rule, as in the engine).
        let mut locks = vec![0; n];
        let mut open = Vec::new();
        let mut include = vec![false; n];
        for (i, (m, r)) in dataset.municipalities.iter().zip(&allocation.rows).enumerate() {
            match scenario.overrides.get(&m.code) {
                Some(Override::Lock(v)) => locks[i] = *v,
                o if r.eligible => {
                    open.push(i);
                    include[i] = o == Some(&Override::Include);
                }
                _ => {}
            }
        }
        let rank = &dataset.row_index().code_rank;
        let min_request = scenario.rules.min_request;
        let bands = band_bounds(dataset, &scenario.rules);
        // The key is positive where any weighted criterion's key is: fixed while the same criteria are weighted.
        let positive = |i: usize| parts.iter().flatten().any(|p| p[i] > 0.0);
        let group = |rows: Vec<usize>| {
            let bounds: Vec<Bound> = rows
                .iter()
                .map(|&i| {
                    let band_lower = bands[i].map_or(0, |(lo, _)| lo);
                    let key = if positive(i) { 1.0 } else { 0.0 };
                    bound(&scenario.rules, include[i], band_lower, allocation.rows[i].cap, key)
                })
                .collect();
            Group {
                caps: bounds.iter().map(|b| b.upper.map_or(f64::INFINITY, f64::from)).collect(),
                quota_lower: if bounds.iter().any(|b| b.quota_lower > 0) {
                    bounds.iter().map(|b| f64::from(b.quota_lower)).collect()
                } else {
                    Vec::new()
                },
                include: bounds.iter().map(|b| b.keep).collect(),
                rank: rows.iter().map(|&i| rank[i]).collect(),
                lower: bounds.iter().map(|b| b.lower).collect(),
                upper: bounds.iter().map(|b| b.upper.unwrap_or(u32::MAX)).collect(),
                rows,
            }
        };
        let groups = if scenario.county_first {
            let index = dataset.row_index();
            let mut members: Vec<Vec<usize>> = vec![Vec::new(); index.counties.len()];
            for &i in &open {
                members[index.county_of[i]].push(i);
            }
            members.into_iter().map(group).collect()
        } else {
            vec![group(open.clone())]
        };
        Some(Frame {
            mask,
            parts,
            locked: locks.iter().map(|&v| u64::from(v)).sum(),
            locks,
            any_include: include.iter().any(|x| *x),
            all_locked: dataset
                .municipalities
                .iter()
                .all(|m| matches!(scenario.overrides.get(&m.code), Some(Override::Lock(_)))),
            open,
            groups,
            min_request,
            minors_threshold: scenario.rules.minors_threshold,
            rounding: scenario.rounding,
            county_first: scenario.county_first,
        })
    }

    /// Whether these normalised weights weight the same criteria as the reference allocation.
    pub(crate) fn fits(&self, weights: &[f64]) -> bool {
        weights.len() == self.mask.len() && weights.iter().zip(&self.mask).all(|(w, m)| (*w > 0.0) == *m)
    }

    /// The request of every row for normalised `weights` (which must fit) and `target`. An error means "ask
    /// the full engine": the caller does, for the exact refusal. `warm`, the requests of a nearby point (per
    /// row), lets divisor-method rounding start from there (see `warm_divisor`).
    pub(crate) fn requests(
        &self,
        weights: &[f64],
        target: Target,
        warm: Option<&[u32]>,
    ) -> Result<Vec<u32>, AllocError> {
        // Validation rules that depend on the target; the engine names them.
        if !self.fits(weights) || target.minors > target.total || target.resettlement > target.total {
            return Err(AllocError::Invalid(Vec::new()));
        }
        let n = self.locks.len();
        let mut keys = vec![0.0; n];
        // Same order of additions as the engine.
        for (w, part) in weights.iter().zip(&self.parts) {
            if let (true, Some(part)) = (*w > 0.0, part) {
                for (k, p) in keys.iter_mut().zip(part) {
                    *k += w * p;
                }
            }
        }
        let open_target = u64::from(target.total)
            .checked_sub(self.locked)
            .ok_or(AllocError::LocksAboveTarget { locked: self.locked, target: target.total })?;
        let open_target = u32::try_from(open_target).unwrap_or(0);
        if self.open.is_empty() && open_target > 0 {
            if self.all_locked {
                return Err(AllocError::LocksBelowTarget { locked: self.locked, target: target.total });
            }
            return Err(AllocError::NoEligible);
        }
        let open_key_sum: f64 = self.open.iter().map(|&i| keys[i]).sum();
        if open_key_sum <= 0.0 && open_target > 0 && !self.any_include {
            return Err(AllocError::NoKey { needed: open_target });
        }
        let mut allocations = self.locks.clone();
        if self.county_first {
            self.share_by_county(&keys, open_target, warm, &mut allocations)?;
        } else if let Some(group) = self.groups.first() {
            self.share(group, &keys, open_target, warm, &mut allocations)?;
        }
        // The minors are not part of the result here, but a plan that cannot place them is refused.
        if target.minors > 0 {
            let room: u64 = (0..n)
                .filter(|&i| allocations[i] > 0 && allocations[i] >= self.minors_threshold && keys[i] > 0.0)
                .map(|i| u64::from(allocations[i]))
                .sum();
            if room < u64::from(target.minors) {
                return Err(AllocError::MinorsInfeasible {
                    minors: target.minors,
                    threshold: self.minors_threshold,
                    room,
                });
            }
        }
        Ok(allocations)
    }

    /// Shares `total` within a group: caps, minimum-request drop, rounding within bounds (the engine's `share`).
    fn share(
        &self,
        group: &Group,
        all_keys: &[f64],
        total: u32,
        warm: Option<&[u32]>,
        out: &mut [u32],
    ) -> Result<(), AllocError> {
        if group.rows.is_empty() {
            return Ok(());
        }
        let keys: Vec<f64> = group.rows.iter().map(|&i| all_keys[i]).collect();
        let set = OpenSet {
            keys: &keys,
            caps: &group.caps,
            lower: &group.quota_lower,
            include: &group.include,
            rank: &group.rank,
        };
        let dropped = dropped(&set, total, self.min_request)?;
        let mut kept = Vec::with_capacity(keys.len());
        let mut claims = Vec::with_capacity(keys.len());
        for l in (0..keys.len()).filter(|&l| !dropped[l]) {
            kept.push(group.rows[l]);
            claims.push(Claim { weight: keys[l], lower: group.lower[l], upper: group.upper[l], rank: group.rank[l] });
        }
        let sum_lower: u64 = claims.iter().map(|c| u64::from(c.lower)).sum();
        if sum_lower > u64::from(total) {
            return Err(AllocError::MinimumTooHigh {
                count: claims.len(),
                min_request: self.min_request,
                needed: total,
            });
        }
        let start = warm.filter(|w| w.len() == out.len()).map(|w| kept.iter().map(|&row| w[row]).collect::<Vec<_>>());
        let seats = match start.and_then(|start| divisor_from(&claims, total, self.rounding, &start)) {
            Some(seats) => seats,
            None => {
                apportion(&claims, total, self.rounding)
                    .map_err(|e| match e {
                        ApportionError::BoundsTooLow { sum_upper, .. } => {
                            AllocError::CapsTooTight { capacity: sum_upper, needed: total }
                        }
                        other => AllocError::Rounding(other),
                    })?
                    .seats
            }
        };
        for (&row, seats) in kept.iter().zip(&seats) {
            out[row] = *seats;
        }
        Ok(())
    }

    /// County-first: the open target split across counties by summed keys, then shared within each.
    fn share_by_county(
        &self,
        keys: &[f64],
        total: u32,
        warm: Option<&[u32]>,
        out: &mut [u32],
    ) -> Result<(), AllocError> {
        let claims: Vec<Claim> = self
            .groups
            .iter()
            .enumerate()
            .map(|(c, g)| {
                let upper: u64 = g.upper.iter().map(|&u| u64::from(u)).sum();
                let lower: u64 =
                    g.lower.iter().zip(&g.include).filter(|(_, keep)| **keep).map(|(&l, _)| u64::from(l)).sum();
                Claim {
                    weight: g.rows.iter().map(|&i| keys[i]).sum(),
                    lower: u32::try_from(lower).unwrap_or(u32::MAX),
                    upper: u32::try_from(upper).unwrap_or(u32::MAX),
                    rank: c as u32,
                }
            })
            .collect();
        let split = apportion(&claims, total, self.rounding).map_err(|e| match e {
            ApportionError::BoundsTooLow { sum_upper, .. } => {
                AllocError::CapsTooTight { capacity: sum_upper, needed: total }
            }
            ApportionError::NoWeight { .. } => AllocError::NoKey { needed: total },
            other => AllocError::Rounding(other),
        })?;
        for (group, county_total) in self.groups.iter().zip(split.seats) {
            self.share(group, keys, county_total, warm, out)?;
        }
        Ok(())
    }
}

/// Which items the minimum-request rule drops: the engine's own drop order, as a flag per item.
fn dropped(set: &OpenSet, total: u32, min_request: u32) -> Result<Vec<bool>, AllocError> {
    let mut out = vec![false; set.keys.len()];
    for i in drop_order(set, &by_cap_ratio(set), total, min_request)? {
        out[i] = true;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::{example, examples};
    use crate::engine::{Method, allocate};

    /// The stage, read from `base`'s allocation, gives every variant what the full engine gives it (or refuses
    /// what the engine refuses). Returns how many the engine accepts.
    fn same_as_engine(dataset: &Dataset, base: &Scenario, variants: &[Scenario]) -> usize {
        let mut accepted = 0;
        let a = allocate(dataset, base).unwrap();
        let frame = Frame::new(dataset, base, &a).unwrap();
        let base_requests: Vec<u32> = a.rows.iter().map(|r| r.allocation).collect();
        for variant in variants {
            let weights = variant.normalised_weights().unwrap();
            // From scratch, and repaired from the base's requests.
            let cold = frame.requests(&weights, variant.target, None);
            let warm = frame.requests(&weights, variant.target, Some(&base_requests));
            match allocate(dataset, variant) {
                Ok(full) => {
                    let full: Vec<u32> = full.rows.iter().map(|r| r.allocation).collect();
                    assert_eq!(cold.as_ref().ok(), Some(&full), "{} {weights:?}", variant.name);
                    assert_eq!(warm.as_ref().ok(), Some(&full), "{} {weights:?}", variant.name);
                    accepted += 1;
                }
                Err(e) => assert!(cold.is_err() && warm.is_err(), "{}: the engine refuses with {e}", variant.name),
            }
        }
        accepted
    }

    /// Weight vectors from a fixed pseudo-random sequence, every criterion above zero.
    fn random_weights(base: &Scenario, count: usize) -> Vec<Scenario> {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        (0..count)
            .map(|_| {
                let mut v = base.clone();
                for c in v.criteria.iter_mut().filter(|c| c.weight > 0.0) {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    c.weight = 1.0 + (state >> 40) as f64 / f64::from(1u32 << 24) * 60.0;
                }
                v
            })
            .collect()
    }

    #[test]
    fn the_reference_weights_give_the_reference_allocation() {
        for ex in examples() {
            assert_eq!(same_as_engine(&ex.dataset, &ex.scenario, std::slice::from_ref(&ex.scenario)), 1);
        }
    }

    #[test]
    fn other_weights_and_targets_match_the_engine() {
        let ex = example("imdi-2020.ron");
        let mut variants = random_weights(&ex.scenario, 6);
        for total in [3000, 5121, 9000, 150, 100] {
            let mut v = ex.scenario.clone();
            v.target.total = total;
            variants.push(v);
        }
        // All but the targets of 150 and 100, which cannot place the 140 minors.
        assert_eq!(same_as_engine(&ex.dataset, &ex.scenario, &variants), variants.len() - 2);
    }

    #[test]
    fn caps_locks_includes_methods_and_county_first_match_the_engine() {
        let ex = example("imdi-2020.ron");
        let mut base = ex.scenario.clone();
        base.rules.max_per_1000 = Some(2.0);
        base.overrides.insert("1804".into(), Override::Lock(74));
        base.overrides.insert("0301".into(), Override::Exclude);
        base.overrides.insert("1856".into(), Override::Include);
        let cases = [
            (Method::Hamilton, true),
            (Method::DHondt, false),
            (Method::SainteLague, true),
            (Method::ModifiedSainteLague, false),
            (Method::HuntingtonHill, false),
        ];
        for (method, county_first) in cases {
            base.rounding = method;
            base.county_first = county_first;
            let mut variants = random_weights(&base, 2);
            variants.push(base.clone());
            assert_eq!(same_as_engine(&ex.dataset, &base, &variants), variants.len(), "{method:?}");
        }
    }

    #[test]
    fn bands_and_the_minimum_floor_match_the_engine() {
        let ex = example("imdi-2020.ron");
        let mut base = ex.scenario.clone();
        base.rules.change_band =
            Some(crate::scenario::ChangeBand { column: "anmodning_2019".into(), lower: 0.7, upper: 1.3 });
        base.overrides.insert("1856".into(), Override::Include);
        // Every municipality with a key at 10 or more, and the band's lower ends, need more than 5,120.
        base.target.total = 7000;
        for (floor, county_first) in [(false, false), (true, false), (false, true), (true, true)] {
            base.rules.below_minimum =
                if floor { crate::scenario::BelowMinimum::Floor } else { crate::scenario::BelowMinimum::Drop };
            base.county_first = county_first;
            let mut variants = random_weights(&base, 3);
            for total in [6000, 9000] {
                let mut v = base.clone();
                v.target.total = total;
                variants.push(v);
            }
            let accepted = same_as_engine(&ex.dataset, &base, &variants);
            assert!(accepted > 0, "floor={floor} county_first={county_first}");
        }
    }
}
