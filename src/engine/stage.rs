//! The integer stage of the engine: from weights and a target to every municipality's request (locks, caps
//! and lower bounds, the minimum-request drop, county-first, rounding).
//!
//! Everything before it (the filled columns, who is eligible, the locks, the bounds and each criterion's key)
//! depends on which criteria carry weight, not on how much, and not on the target: the combined key is linear
//! in the weights, K = Σ w_k·key_k. [`Stage::new`] computes that fixed part once; [`Stage::requests`] answers
//! any weights that weight the same criteria, with any target, and can start its rounding from a nearby
//! result. `allocate` runs the same stage once and adds the detail of the result rows, so what a sweep gets,
//! answers and refusals alike, is the engine's own.

use super::apportion::{ApportionError, Claim, Method, Tie, apportion, apportion_from};
use super::bounds::{Bound, BoundRule, BoundsReason, bound};
use super::collect::collect_within;
use super::eligibility::{Gate, gates};
use super::error::AllocError;
use super::fill::{Filled, FilledCell, filled_column};
use super::keys::{CriterionInput, combine, keys, size_keys};
use super::minors::minors_room;
use super::quotas::{OpenSet, drop_order, level_order, quotas};
use super::result::{TieReport, TieStage};
use super::start::StartKey;
use super::validate::{Problem, ProblemKind, target_problems, validate};
use crate::data::{Dataset, Direction, Kind, RowIndex};
use crate::scenario::{BelowMinimum, Rules, Scenario, Target};

/// A criterion's column: its dataset index and its values after filling.
type FilledColumn<'a> = (usize, Filled<'a>);

/// The fixed part of an allocation: what stays the same while the weights (with the same criteria above
/// zero) or the target change.
pub struct Stage<'a> {
    dataset: &'a Dataset,
    index: &'a RowIndex,
    rules: Rules,
    rounding: Method,
    county_first: bool,
    /// The scenario's own normalised weights.
    pub(super) weights: Vec<f64>,
    /// Which criteria (scenario order) carry weight.
    mask: Vec<bool>,
    /// Per criterion, its key per row normalised to sum 1 over the eligible set; `None` without weight.
    pub(super) parts: Vec<Option<Vec<f64>>>,
    pub(super) gates: Vec<Gate>,
    pub(super) eligible: Vec<bool>,
    pub(super) caps: Vec<Option<u32>>,
    pub(super) cap_rules: Vec<Option<BoundRule>>,
    pub(super) band_lower: Vec<u32>,
    pub(super) bands: Vec<Option<(u32, u32)>>,
    pub(super) filled: Vec<FilledCell>,
    /// The plan's start, mixed into the combined key; `None` without one.
    pub(super) start: Option<StartKey>,
    /// With a start and a change band the bounds follow the target: the scenario to build them again from
    /// for another target, and the target they were built for.
    follow_total: Option<(Box<Scenario>, u32)>,
    /// Per row, its lock (0 for every other row): where every result starts.
    locks: Vec<u32>,
    locked: u64,
    open: Vec<usize>,
    /// Every row is locked: a target beyond the locks cannot be met by anyone.
    all_locked: bool,
    any_include: bool,
    /// One group of all open rows, or under county-first one per county (every county, in code order).
    groups: Vec<Group>,
}

/// Open rows that share one total: all of them, or one county's under county-first. Everything but the keys
/// is fixed, so it is built once.
struct Group {
    /// Dataset rows.
    rows: Vec<usize>,
    /// `f64::INFINITY` where there is no cap.
    caps: Vec<f64>,
    /// Lower bounds of the shares (empty when none has one: the faster caps-only path).
    quota_lower: Vec<f64>,
    /// Never dropped by the minimum-request rule.
    keep: Vec<bool>,
    rank: Vec<u32>,
    /// Rounding bounds.
    lower: Vec<u32>,
    upper: Vec<u32>,
}

/// What one run of the stage gives.
pub(super) struct Shares {
    /// Per row: its lock, its rounded share, or 0.
    pub requests: Vec<u32>,
    /// Per row, the combined key K_i.
    pub keys: Vec<f64>,
    pub open_target: u32,
    /// Persons per unit of key before caps and drops: T' / Σ K over the open rows.
    pub scale: f64,
    /// Per row, its water-filled share (0 where not open).
    pub quotas: Vec<f64>,
    /// Per row, whether the minimum-request rule dropped it.
    pub dropped: Vec<bool>,
    pub ties: Vec<TieReport>,
}

impl<'a> Stage<'a> {
    /// Validates the scenario and computes everything that does not depend on the weights' values or the
    /// target.
    pub fn new(dataset: &'a Dataset, scenario: &Scenario) -> Result<Stage<'a>, AllocError> {
        let problems = validate(scenario, dataset);
        if !problems.is_empty() {
            return Err(AllocError::Invalid(problems));
        }
        let weights = scenario.normalised_weights().ok_or_else(|| {
            AllocError::Invalid(vec![Problem { field: "criteria".into(), kind: ProblemKind::AllWeightsZero }])
        })?;
        let n = dataset.len();

        // Fill missing cells of every column the criteria use.
        let mut filled: Vec<FilledCell> = Vec::new();
        let mut columns: Vec<Option<FilledColumn>> = Vec::with_capacity(scenario.criteria.len());
        for c in &scenario.criteria {
            let Some(index) = c.column.as_deref().and_then(|id| dataset.column_index(id)) else {
                columns.push(None);
                continue;
            };
            let policy = c.missing.unwrap_or(dataset.columns[index].meta.default_missing);
            let f = filled_column(dataset, index, policy);
            filled.extend_from_slice(f.filled());
            columns.push(Some((index, f)));
        }
        // Only criteria with weight decide eligibility through missing data.
        let gate_inputs: Vec<(&str, &[Option<f64>])> = scenario
            .criteria
            .iter()
            .zip(&columns)
            .filter(|(c, _)| c.weight > 0.0)
            .filter_map(|(_, col)| col.as_ref().map(|(i, v)| (dataset.columns[*i].meta.id.as_str(), v.values())))
            .collect();
        let g = gates(dataset, scenario, &gate_inputs);
        filled.retain(|cell| !matches!(g.gates[cell.row], Gate::Excluded(_)));

        let eligible: Vec<bool> =
            g.gates.iter().map(|g| matches!(g, Gate::Open { .. } | Gate::Locked { eligible: true, .. })).collect();
        let size = size_keys(dataset, scenario.size_exponent);
        let inputs: Vec<CriterionInput> = scenario
            .criteria
            .iter()
            .zip(&columns)
            .zip(&weights)
            .map(|((c, col), w)| {
                let meta = col.as_ref().map(|(i, _)| &dataset.columns[*i].meta);
                CriterionInput {
                    name: c.id.key(),
                    weight: *w,
                    values: col.as_ref().map(|(_, v)| v.values()),
                    kind: meta.map_or(Kind::Extensive, |m| m.kind),
                    direction: meta.map_or(Direction::HigherIsBetter, |m| m.direction),
                }
            })
            .collect();
        let parts = keys(&inputs, &size, &eligible)?.parts;
        let start = StartKey::new(dataset, scenario, &eligible);
        // Each large buffer goes as soon as it is used, so the next ones can take its place.
        drop((inputs, gate_inputs));
        drop((columns, size));

        // A row's key is positive where any weighted criterion's key is (or the start's, while it counts),
        // whatever the weights' values.
        let bounds: Vec<Bound> = (0..n)
            .map(|i| {
                let from_start = start.as_ref().is_some_and(|s| s.criteria_share < 1.0 && s.key[i] > 0.0);
                let positive = from_start || parts.iter().flatten().any(|p| p[i] > 0.0);
                let include = g.gates[i] == Gate::Open { include: true };
                let asked = start.as_ref().is_some_and(|s| s.asked(i));
                bound(&scenario.rules, include, g.band_lower[i], g.caps[i], if positive { 1.0 } else { 0.0 }, asked)
            })
            .collect();
        let index = dataset.row_index();
        let open = collect_within(n, (0..n).filter(|&i| matches!(g.gates[i], Gate::Open { .. })));
        let group = |rows: Vec<usize>| Group::new(rows, &bounds, &index.code_rank);
        let groups = if scenario.county_first {
            let mut members: Vec<Vec<usize>> = vec![Vec::new(); index.counties.len()];
            for &i in &open {
                members[index.county_of[i]].push(i);
            }
            members.into_iter().map(group).collect()
        } else {
            vec![group(open.clone())]
        };
        let locks: Vec<u32> =
            g.gates.iter().map(|g| if let Gate::Locked { value, .. } = g { *value } else { 0 }).collect();
        Ok(Stage {
            dataset,
            index,
            rules: scenario.rules.clone(),
            rounding: scenario.rounding,
            county_first: scenario.county_first,
            mask: weights.iter().map(|w| *w > 0.0).collect(),
            weights,
            parts,
            eligible,
            locked: locks.iter().map(|&v| u64::from(v)).sum(),
            locks,
            all_locked: g.gates.iter().all(|g| matches!(g, Gate::Locked { .. })),
            any_include: open.iter().any(|&i| g.gates[i] == Gate::Open { include: true }),
            open,
            groups,
            gates: g.gates,
            caps: g.caps,
            cap_rules: g.cap_rules,
            band_lower: g.band_lower,
            bands: g.bands,
            filled,
            follow_total: (start.is_some() && scenario.rules.change_band.is_some())
                .then(|| (Box::new(scenario.clone()), scenario.target.total)),
            start,
        })
    }

    /// Whether these normalised weights weight the same criteria as the scenario the stage was made from.
    pub fn fits(&self, weights: &[f64]) -> bool {
        weights.len() == self.mask.len() && weights.iter().zip(&self.mask).all(|(w, m)| (*w > 0.0) == *m)
    }

    /// Per criterion (scenario order), its key per dataset row, normalised to sum 1 over the eligible set;
    /// `None` for a criterion without weight.
    pub fn key_parts(&self) -> &[Option<Vec<f64>>] {
        &self.parts
    }

    /// The request of every row (dataset order) for normalised `weights` and `target`, or why the engine
    /// refuses them; `None` when the weights do not fit this stage (see [`Stage::fits`]). `warm`, the requests
    /// of a nearby point, lets divisor-method rounding start from there; the result is the same either way.
    /// The minors are not placed, but a target whose minors cannot be placed is refused.
    pub fn requests(
        &self,
        weights: &[f64],
        target: Target,
        warm: Option<&[u32]>,
    ) -> Option<Result<Vec<u32>, AllocError>> {
        if !self.fits(weights) {
            return None;
        }
        if let Some((scenario, built_for)) = &self.follow_total
            && *built_for != target.total
        {
            // The band follows the total: its bounds are those of the new target.
            let mut scenario = (**scenario).clone();
            scenario.target = target;
            let mut stage = match Stage::new(self.dataset, &scenario) {
                Ok(stage) => stage,
                Err(e) => return Some(Err(e)),
            };
            if let Some((own, other)) = self.start.as_ref().zip(stage.start.as_mut()) {
                other.criteria_share = own.criteria_share;
            }
            return stage.requests(weights, target, warm);
        }
        Some(self.run(weights, target, warm, false).and_then(|s| {
            minors_room(&s.requests, &s.keys, target.minors, self.rules.minors_threshold)?;
            Ok(s.requests)
        }))
    }

    /// Every row's share and request, with the water-filled quotas, the drops and the ties (for `allocate`).
    pub(super) fn shares(&self, weights: &[f64], target: Target) -> Result<Shares, AllocError> {
        self.run(weights, target, None, true)
    }

    /// The criteria's share of a plan with a start (see `scenario::Start`); without a start nothing changes.
    /// The bounds do not depend on it, so the stage stays valid.
    pub fn set_criteria_share(&mut self, share: f64) {
        if let Some(start) = &mut self.start {
            start.criteria_share = share.clamp(0.0, 1.0);
        }
    }

    /// Frees what only sharing needs, once `allocate` has its shares: on a large dataset the result rows then
    /// take the memory the groups held.
    pub(super) fn free_groups(&mut self) {
        self.groups = Vec::new();
        self.open = Vec::new();
    }

    fn run(&self, weights: &[f64], target: Target, warm: Option<&[u32]>, detail: bool) -> Result<Shares, AllocError> {
        // The rules of `validate` that depend on the target.
        let problems = target_problems(target, self.locked);
        if !problems.is_empty() {
            return Err(AllocError::Invalid(problems));
        }
        let mut keys = combine(&self.parts, weights, self.locks.len());
        if let Some(start) = &self.start {
            start.mix(&mut keys);
        }
        let open_target = u32::try_from(
            u64::from(target.total)
                .checked_sub(self.locked)
                .ok_or(AllocError::LocksAboveTarget { locked: self.locked, target: target.total })?,
        )
        .unwrap_or(0);
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
        let n = self.locks.len();
        let (quotas, dropped) = if detail { (vec![0.0; n], vec![false; n]) } else { (Vec::new(), Vec::new()) };
        let mut out = Shares {
            requests: self.locks.clone(),
            open_target,
            scale: if open_key_sum > 0.0 { f64::from(open_target) / open_key_sum } else { 0.0 },
            quotas,
            dropped,
            ties: Vec::new(),
            keys,
        };
        if self.county_first {
            self.share_by_county(open_target, warm, detail, &mut out)?;
        } else if let Some(group) = self.groups.first() {
            self.share(group, open_target, warm, detail, &mut out)?;
        }
        Ok(out)
    }

    /// Shares `total` within a group: water-filling within bounds, minimum-request drop, rounding within the
    /// same bounds.
    fn share(
        &self,
        group: &Group,
        total: u32,
        warm: Option<&[u32]>,
        detail: bool,
        out: &mut Shares,
    ) -> Result<(), AllocError> {
        if group.rows.is_empty() {
            return Ok(());
        }
        self.check_bounds(group, total)?;
        let keys: Vec<f64> = group.rows.iter().map(|&i| out.keys[i]).collect();
        let set = OpenSet {
            keys: &keys,
            caps: &group.caps,
            lower: &group.quota_lower,
            include: &group.keep,
            rank: &group.rank,
        };
        let min_request = self.rules.min_request;
        let drops = if detail {
            let q = quotas(&set, total, min_request)?;
            for (&row, quota) in group.rows.iter().zip(&q.quotas) {
                out.quotas[row] = *quota;
            }
            q.dropped
        } else {
            drop_order(&set, &level_order(&set), total, min_request)?
        };
        let mut dropped = vec![false; keys.len()];
        for &d in &drops {
            dropped[d] = true;
            if detail {
                out.dropped[group.rows[d]] = true;
            }
        }
        let mut kept = Vec::with_capacity(keys.len());
        let mut claims = Vec::with_capacity(keys.len());
        for l in (0..keys.len()).filter(|&l| !dropped[l]) {
            kept.push(l);
            claims.push(Claim { weight: keys[l], lower: group.lower[l], upper: group.upper[l], rank: group.rank[l] });
        }
        let sum_lower: u64 = claims.iter().map(|c| u64::from(c.lower)).sum();
        if sum_lower > u64::from(total) {
            return Err(AllocError::MinimumTooHigh { count: claims.len(), min_request, needed: total });
        }
        let start = warm
            .filter(|w| w.len() == out.requests.len())
            .map(|w| kept.iter().map(|&l| w[group.rows[l]]).collect::<Vec<_>>());
        let (seats, ties) = match start.and_then(|start| apportion_from(&claims, total, self.rounding, &start)) {
            Some(seats) => (seats, Vec::new()),
            None => {
                let result = apportion(&claims, total, self.rounding).map_err(|e| rounding_refusal(e, total))?;
                (result.seats, result.ties)
            }
        };
        for (&l, seats) in kept.iter().zip(&seats) {
            out.requests[group.rows[l]] = *seats;
        }
        if detail {
            for mut tie in ties {
                tie.contenders.iter_mut().chain(tie.winners.iter_mut()).for_each(|i| *i = group.rows[kept[*i]]);
                out.ties.push(tie_report(TieStage::Rounding, &tie, self.dataset));
            }
        }
        Ok(())
    }

    /// County-first: the open target is split across counties by their summed keys (within their caps and
    /// minimums), then shared within each county.
    fn share_by_county(
        &self,
        total: u32,
        warm: Option<&[u32]>,
        detail: bool,
        out: &mut Shares,
    ) -> Result<(), AllocError> {
        let claims: Vec<Claim> = self
            .groups
            .iter()
            .enumerate()
            .map(|(c, g)| {
                let upper: u64 = g.upper.iter().map(|&u| u64::from(u)).sum();
                let lower: u64 =
                    g.lower.iter().zip(&g.keep).filter(|(_, keep)| **keep).map(|(&l, _)| u64::from(l)).sum();
                Claim {
                    weight: g.rows.iter().map(|&i| out.keys[i]).sum(),
                    lower: u32::try_from(lower).unwrap_or(u32::MAX),
                    upper: u32::try_from(upper).unwrap_or(u32::MAX),
                    rank: c as u32,
                }
            })
            .collect();
        let split = apportion(&claims, total, self.rounding).map_err(|e| match e {
            ApportionError::NoWeight { .. } => AllocError::NoKey { needed: total },
            other => rounding_refusal(other, total),
        })?;
        if detail {
            for tie in &split.ties {
                let code = |i: &usize| self.index.counties[*i].0.clone();
                out.ties.push(TieReport {
                    stage: TieStage::Counties,
                    contenders: tie.contenders.iter().map(code).collect(),
                    winners: tie.winners.iter().map(code).collect(),
                    units: tie.units,
                });
            }
        }
        for (group, county_total) in self.groups.iter().zip(split.seats) {
            self.share(group, county_total, warm, detail, out)?;
        }
        Ok(())
    }

    /// Refuses bounds that cannot be met before any sharing, naming the municipalities and the rules: a lower
    /// bound above an upper one, or lower bounds (of rows that stay asked) that add up to more than the total.
    fn check_bounds(&self, group: &Group, total: u32) -> Result<(), AllocError> {
        let municipality = |i: usize| &self.dataset.municipalities[i];
        // No upper bound is `u32::MAX`, which no lower bound exceeds.
        let crossed: Vec<BoundsReason> = (0..group.rows.len())
            .filter(|&l| group.lower[l] > group.upper[l])
            .map(|l| {
                let i = group.rows[l];
                BoundsReason::LowerAboveUpper {
                    municipality: municipality(i).name.clone(),
                    code: municipality(i).code.clone(),
                    lower: group.lower[l],
                    upper: group.upper[l],
                    upper_rule: self.cap_rules[i].unwrap_or(BoundRule::ChangeBand),
                }
            })
            .collect();
        if !crossed.is_empty() {
            return Err(AllocError::Bounds { reasons: crossed });
        }
        // Share lower bounds are whole numbers kept as `f64` for water-filling.
        let mut held: Vec<(u32, usize)> = group
            .quota_lower
            .iter()
            .zip(&group.rows)
            .map(|(&lower, &i)| (lower as u32, i))
            .filter(|(lower, _)| *lower > 0)
            .collect();
        let sum: u64 = held.iter().map(|(lo, _)| u64::from(*lo)).sum();
        if sum > u64::from(total) {
            held.sort_by(|a, b| b.0.cmp(&a.0).then(self.index.code_rank[a.1].cmp(&self.index.code_rank[b.1])));
            let rules = [
                (self.rules.change_band.is_some(), BoundRule::ChangeBand),
                (self.rules.below_minimum != BelowMinimum::Drop, BoundRule::MinimumFloor),
            ];
            return Err(AllocError::Bounds {
                reasons: vec![BoundsReason::LowerBoundsAboveTotal {
                    rules: rules.iter().filter(|(on, _)| *on).map(|(_, rule)| *rule).collect(),
                    sum,
                    count: held.len(),
                    total,
                    largest: held
                        .iter()
                        .take(5)
                        .map(|(lo, i)| (municipality(*i).name.clone(), municipality(*i).code.clone(), *lo))
                        .collect(),
                }],
            });
        }
        Ok(())
    }
}

impl Group {
    fn new(rows: Vec<usize>, bounds: &[Bound], rank: &[u32]) -> Group {
        let bounds: Vec<&Bound> = rows.iter().map(|&i| &bounds[i]).collect();
        Group {
            caps: bounds.iter().map(|b| b.upper.map_or(f64::INFINITY, f64::from)).collect(),
            quota_lower: if bounds.iter().any(|b| b.quota_lower > 0) {
                bounds.iter().map(|b| f64::from(b.quota_lower)).collect()
            } else {
                Vec::new()
            },
            keep: bounds.iter().map(|b| b.keep).collect(),
            rank: rows.iter().map(|&i| rank[i]).collect(),
            lower: bounds.iter().map(|b| b.lower).collect(),
            upper: bounds.iter().map(|b| b.upper.unwrap_or(u32::MAX)).collect(),
            rows,
        }
    }
}

/// A refusal of the rounding, in the words of the allocation.
fn rounding_refusal(e: ApportionError, total: u32) -> AllocError {
    match e {
        ApportionError::BoundsTooLow { sum_upper, .. } => {
            AllocError::CapsTooTight { capacity: sum_upper, needed: total }
        }
        other => AllocError::Rounding(other),
    }
}

/// A tie of the rounding or the minors (dataset rows), by municipality code.
pub(super) fn tie_report(stage: TieStage, tie: &Tie, dataset: &Dataset) -> TieReport {
    let code = |i: &usize| dataset.municipalities[*i].code.clone();
    TieReport {
        stage,
        contenders: tie.contenders.iter().map(code).collect(),
        winners: tie.winners.iter().map(code).collect(),
        units: tie.units,
    }
}

#[cfg(test)]
mod tests;
