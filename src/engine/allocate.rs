//! The whole pipeline of `docs/model.md`: eligibility, keys, locks, caps, minimum-request drop, rounding, minors.

use super::apportion::{ApportionError, Claim, Tie, apportion};
use super::bounds::{Bound, BoundRule, bound, lower_above_upper};
use super::collect::collect_within;
use super::contributions::Contributions;
use super::eligibility::{Gate, gates};
use super::error::AllocError;
use super::fill::{Filled, FilledCell, filled_column};
use super::keys::{CriterionInput, keys};
use super::minors::minors;
use super::quotas::{OpenSet, quotas};
use super::result::{Allocation, CountyTotal, MunicipalityResult, Reason, Status, TieReport, TieStage};
use super::validate::validate;
use crate::data::{Dataset, Direction, Kind};
use crate::scenario::{BelowMinimum, Scenario};

/// A criterion's column: its dataset index and its values after filling.
type FilledColumn<'a> = (usize, Filled<'a>);

/// Computes the request to every municipality. The same input gives the same output, bit for bit.
pub fn allocate(dataset: &Dataset, scenario: &Scenario) -> Result<Allocation, AllocError> {
    let problems = validate(scenario, dataset);
    if !problems.is_empty() {
        return Err(AllocError::Invalid(problems));
    }
    let n = dataset.len();
    let index = dataset.row_index();
    let (rank, counties, county_of) = (&index.code_rank, &index.counties, &index.county_of);
    let weights = scenario.normalised_weights().ok_or_else(|| AllocError::Invalid(Vec::new()))?;

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
    let k = keys(&inputs, &size, &eligible)?;
    // Each large buffer goes as soon as it is used, so the next ones can take its place.
    drop((inputs, gate_inputs));
    drop((columns, size));

    let target = scenario.target;
    let locked: u64 =
        g.gates.iter().map(|g| if let Gate::Locked { value, .. } = g { u64::from(*value) } else { 0 }).sum();
    let open_target = u32::try_from(
        u64::from(target.total)
            .checked_sub(locked)
            .ok_or(AllocError::LocksAboveTarget { locked, target: target.total })?,
    )
    .unwrap_or(0);
    let open = collect_within(n, (0..n).filter(|&i| matches!(g.gates[i], Gate::Open { .. })));
    if open.is_empty() && open_target > 0 {
        if g.gates.iter().all(|g| matches!(g, Gate::Locked { .. })) {
            return Err(AllocError::LocksBelowTarget { locked, target: target.total });
        }
        return Err(AllocError::NoEligible);
    }
    let open_key_sum: f64 = open.iter().map(|&i| k.combined[i]).sum();
    if open_key_sum <= 0.0 && open_target > 0 && !open.iter().any(|&i| g.gates[i] == Gate::Open { include: true }) {
        return Err(AllocError::NoKey { needed: open_target });
    }
    let scale = if open_key_sum > 0.0 { f64::from(open_target) / open_key_sum } else { 0.0 };

    let ctx = ShareContext {
        dataset,
        keys: &k.combined,
        caps: &g.caps,
        cap_rules: &g.cap_rules,
        band_lower: &g.band_lower,
        gates: &g.gates,
        rank,
        scenario,
    };
    let mut shared = Shared { quotas: vec![0.0; n], seats: vec![0; n], dropped: vec![false; n], ties: Vec::new() };
    if scenario.county_first {
        share_by_county(&ctx, counties, county_of, &open, open_target, &mut shared)?;
    } else {
        ctx.share(&open, open_target, &mut shared)?;
    }
    drop(open);

    let allocations: Vec<u32> = (0..n)
        .map(|i| match g.gates[i] {
            Gate::Locked { value, .. } => value,
            Gate::Open { .. } => shared.seats[i],
            Gate::Excluded(_) => 0,
        })
        .collect();
    let m = minors(&allocations, &k.combined, rank, target.minors, scenario.rules.minors_threshold, scenario.rounding)?;
    let mut ties = shared.ties;
    ties.extend(m.ties.into_iter().map(|t| tie_report(TieStage::Minors, &t, dataset)));

    let rows: Vec<MunicipalityResult> = (0..n)
        .map(|i| {
            let initial_quota = k.combined[i] * scale;
            let status = match &g.gates[i] {
                Gate::Locked { value: 0, .. } => Status::NotAsked(Reason::LockedToZero),
                Gate::Locked { .. } => Status::Locked,
                Gate::Excluded(reason) => Status::NotAsked(reason.clone()),
                Gate::Open { .. } if shared.dropped[i] => Status::NotAsked(Reason::BelowMinimumRequest {
                    quota: initial_quota,
                    min_request: scenario.rules.min_request,
                }),
                Gate::Open { .. } if allocations[i] == 0 => {
                    Status::NotAsked(Reason::RoundedToZero { quota: shared.quotas[i] })
                }
                Gate::Open { .. } => Status::Asked,
            };
            MunicipalityResult {
                status,
                eligible: eligible[i],
                key: k.combined[i],
                contributions: Contributions::from_iter_capped(k.parts.iter().zip(&weights).map(
                    |(part, w)| match part {
                        Some(part) if eligible[i] => w * part[i] * scale,
                        _ => 0.0,
                    },
                )),
                initial_quota: if eligible[i] { initial_quota } else { 0.0 },
                quota: match g.gates[i] {
                    Gate::Locked { value, .. } => f64::from(value),
                    _ => shared.quotas[i],
                },
                cap: g.caps[i],
                cap_rule: g.cap_rules[i],
                floor: match g.gates[i] {
                    Gate::Open { .. } if !shared.dropped[i] => {
                        let b = ctx.bound(i);
                        let rule = if g.band_lower[i] == b.quota_lower {
                            BoundRule::ChangeBand
                        } else {
                            BoundRule::MinimumFloor
                        };
                        (b.quota_lower > 0).then_some((b.quota_lower, rule))
                    }
                    _ => None,
                },
                allocation: allocations[i],
                minors: m.minors[i],
                per_1000: f64::from(allocations[i]) * 1000.0 / dataset.municipalities[i].population,
            }
        })
        .collect();
    let counties = county_totals(dataset, counties, county_of, &rows);
    Ok(Allocation {
        target: target.total,
        minors_target: target.minors,
        resettlement: target.resettlement,
        open_target,
        weights: scenario.criteria.iter().map(|c| c.id).zip(weights).collect(),
        asked: rows.iter().filter(|r| r.asked()).count(),
        allocated: rows.iter().map(|r| u64::from(r.allocation)).sum(),
        minors_allocated: rows.iter().map(|r| u64::from(r.minors)).sum(),
        rows,
        counties,
        ties,
        filled,
    })
}

/// P_i^a per row. The usual exponents take exact shortcuts: `sqrt` is correctly rounded, so it gives the best
/// value of P^0.5 (the same as `powf` on every population tried), at a fraction of the cost.
fn size_keys(dataset: &Dataset, exponent: f64) -> Vec<f64> {
    let people = dataset.municipalities.iter().map(|m| m.population);
    if exponent == 1.0 {
        people.collect()
    } else if exponent == 0.5 {
        people.map(f64::sqrt).collect()
    } else {
        people.map(|p| p.powf(exponent)).collect()
    }
}

fn tie_report(stage: TieStage, tie: &Tie, dataset: &Dataset) -> TieReport {
    let code = |i: &usize| dataset.municipalities[*i].code.clone();
    TieReport {
        stage,
        contenders: tie.contenders.iter().map(code).collect(),
        winners: tie.winners.iter().map(code).collect(),
        units: tie.units,
    }
}

struct ShareContext<'a> {
    dataset: &'a Dataset,
    keys: &'a [f64],
    caps: &'a [Option<u32>],
    cap_rules: &'a [Option<BoundRule>],
    band_lower: &'a [u32],
    gates: &'a [Gate],
    rank: &'a [u32],
    scenario: &'a Scenario,
}

/// What sharing the open target produced, per dataset row.
struct Shared {
    quotas: Vec<f64>,
    seats: Vec<u32>,
    dropped: Vec<bool>,
    ties: Vec<TieReport>,
}

impl ShareContext<'_> {
    fn include(&self, i: usize) -> bool {
        self.gates[i] == Gate::Open { include: true }
    }

    /// A row's bounds: one place for every rule that limits it.
    fn bound(&self, i: usize) -> Bound {
        bound(&self.scenario.rules, self.include(i), self.band_lower[i], self.caps[i], self.keys[i])
    }

    /// Shares `total` among `rows` (dataset indices): water-filling within bounds, minimum-request drop,
    /// rounding within the same bounds.
    fn share(&self, rows: &[usize], total: u32, out: &mut Shared) -> Result<(), AllocError> {
        if rows.is_empty() {
            return Ok(());
        }
        let bounds: Vec<Bound> = rows.iter().map(|&i| self.bound(i)).collect();
        self.check_bounds(rows, &bounds, total)?;
        let keys: Vec<f64> = rows.iter().map(|&i| self.keys[i]).collect();
        let caps: Vec<f64> = bounds.iter().map(|b| b.upper.map_or(f64::INFINITY, f64::from)).collect();
        let lower: Vec<f64> = if bounds.iter().any(|b| b.quota_lower > 0) {
            bounds.iter().map(|b| f64::from(b.quota_lower)).collect()
        } else {
            Vec::new()
        };
        let include: Vec<bool> = bounds.iter().map(|b| b.keep).collect();
        let rank: Vec<u32> = rows.iter().map(|&i| self.rank[i]).collect();
        let min_request = self.scenario.rules.min_request;
        let set = OpenSet { keys: &keys, caps: &caps, lower: &lower, include: &include, rank: &rank };
        let q = quotas(&set, total, min_request)?;
        let mut dropped = vec![false; rows.len()];
        for &d in &q.dropped {
            dropped[d] = true;
            out.dropped[rows[d]] = true;
        }
        let kept = collect_within(rows.len(), (0..rows.len()).filter(|&l| !dropped[l]));
        let claims: Vec<Claim> = kept
            .iter()
            .map(|&l| Claim {
                weight: keys[l],
                lower: bounds[l].lower,
                upper: bounds[l].upper.unwrap_or(u32::MAX),
                rank: rank[l],
            })
            .collect();
        let sum_lower: u64 = claims.iter().map(|c| u64::from(c.lower)).sum();
        if sum_lower > u64::from(total) {
            return Err(AllocError::MinimumTooHigh { count: claims.len(), min_request, needed: total });
        }
        let result = apportion(&claims, total, self.scenario.rounding).map_err(|e| match e {
            ApportionError::BoundsTooLow { sum_upper, .. } => {
                AllocError::CapsTooTight { capacity: sum_upper, needed: total }
            }
            other => AllocError::Rounding(other),
        })?;
        for (&l, seats) in kept.iter().zip(&result.seats) {
            out.seats[rows[l]] = *seats;
        }
        for (l, quota) in q.quotas.iter().enumerate() {
            out.quotas[rows[l]] = *quota;
        }
        for mut tie in result.ties {
            tie.contenders.iter_mut().chain(tie.winners.iter_mut()).for_each(|i| *i = rows[kept[*i]]);
            out.ties.push(tie_report(TieStage::Rounding, &tie, self.dataset));
        }
        Ok(())
    }
}

impl ShareContext<'_> {
    /// Refuses bounds that cannot be met before any sharing, naming the municipalities and the rules: a lower
    /// bound above an upper one, or lower bounds (of rows that stay asked) that add up to more than the total.
    fn check_bounds(&self, rows: &[usize], bounds: &[Bound], total: u32) -> Result<(), AllocError> {
        let municipality = |i: usize| &self.dataset.municipalities[i];
        let crossed: Vec<String> = rows
            .iter()
            .zip(bounds)
            .filter_map(|(&i, b)| {
                let upper = b.upper.filter(|u| b.lower > *u)?;
                let rule = self.cap_rules[i].unwrap_or(BoundRule::ChangeBand);
                Some(lower_above_upper(&municipality(i).name, &municipality(i).code, b.lower, upper, rule))
            })
            .collect();
        if !crossed.is_empty() {
            return Err(AllocError::Bounds { reasons: crossed });
        }
        let mut held: Vec<(u32, usize)> =
            rows.iter().zip(bounds).filter(|(_, b)| b.quota_lower > 0).map(|(&i, b)| (b.quota_lower, i)).collect();
        let sum: u64 = held.iter().map(|(lo, _)| u64::from(*lo)).sum();
        if sum > u64::from(total) {
            held.sort_by(|a, b| b.0.cmp(&a.0).then(self.rank[a.1].cmp(&self.rank[b.1])));
            let names: Vec<String> = held
                .iter()
                .take(5)
                .map(|(lo, i)| format!("{} ({}) {lo}", municipality(*i).name, municipality(*i).code))
                .collect();
            let rules = [
                (self.scenario.rules.change_band.is_some(), BoundRule::ChangeBand.field()),
                (self.scenario.rules.below_minimum == BelowMinimum::Floor, BoundRule::MinimumFloor.field()),
            ];
            let rules: Vec<&str> = rules.iter().filter(|(on, _)| *on).map(|(_, f)| *f).collect();
            return Err(AllocError::Bounds {
                reasons: vec![format!(
                    "the lower bounds from {} add up to {sum} in {} municipalities, more than the {total} to place \
                     (largest: {}{})",
                    rules.join(" and "),
                    held.len(),
                    names.join(", "),
                    if held.len() > 5 { ", …" } else { "" }
                )],
            });
        }
        Ok(())
    }
}

/// County-first: the open target is split across counties by their summed keys (within their caps and
/// minimums), then shared within each county.
fn share_by_county(
    ctx: &ShareContext,
    counties: &[(String, String)],
    county_of: &[usize],
    open: &[usize],
    total: u32,
    out: &mut Shared,
) -> Result<(), AllocError> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); counties.len()];
    for &i in open {
        members[county_of[i]].push(i);
    }
    let claims: Vec<Claim> = members
        .iter()
        .enumerate()
        .map(|(c, rows)| {
            let bounds: Vec<Bound> = rows.iter().map(|&i| ctx.bound(i)).collect();
            let upper: u64 = bounds.iter().map(|b| b.upper.map_or(u64::from(u32::MAX), u64::from)).sum();
            let lower: u64 = bounds.iter().filter(|b| b.keep).map(|b| u64::from(b.lower)).sum();
            Claim {
                weight: rows.iter().map(|&i| ctx.keys[i]).sum(),
                lower: u32::try_from(lower).unwrap_or(u32::MAX),
                upper: u32::try_from(upper).unwrap_or(u32::MAX),
                rank: c as u32,
            }
        })
        .collect();
    let split = apportion(&claims, total, ctx.scenario.rounding).map_err(|e| match e {
        ApportionError::BoundsTooLow { sum_upper, .. } => {
            AllocError::CapsTooTight { capacity: sum_upper, needed: total }
        }
        ApportionError::NoWeight { .. } => AllocError::NoKey { needed: total },
        other => AllocError::Rounding(other),
    })?;
    for tie in &split.ties {
        let code = |i: &usize| counties[*i].0.clone();
        out.ties.push(TieReport {
            stage: TieStage::Counties,
            contenders: tie.contenders.iter().map(code).collect(),
            winners: tie.winners.iter().map(code).collect(),
            units: tie.units,
        });
    }
    for (rows, county_total) in members.iter().zip(split.seats) {
        ctx.share(rows, county_total, out)?;
    }
    Ok(())
}

fn county_totals(
    dataset: &Dataset,
    counties: &[(String, String)],
    county_of: &[usize],
    rows: &[MunicipalityResult],
) -> Vec<CountyTotal> {
    let mut totals: Vec<CountyTotal> = counties
        .iter()
        .map(|(code, name)| CountyTotal {
            code: code.clone(),
            name: name.clone(),
            population: 0.0,
            quota: 0.0,
            allocation: 0,
            minors: 0,
            asked: 0,
            municipalities: 0,
        })
        .collect();
    for ((m, r), &c) in dataset.municipalities.iter().zip(rows).zip(county_of) {
        {
            let t = &mut totals[c];
            t.population += m.population;
            t.quota += r.quota;
            t.allocation += u64::from(r.allocation);
            t.minors += u64::from(r.minors);
            t.asked += usize::from(r.asked());
            t.municipalities += 1;
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;
    use crate::engine::Method;
    use crate::scenario::{Override, parse_scenario};

    fn imdi() -> (Dataset, Scenario) {
        let s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        (embedded_dataset("norway-2020").unwrap(), s)
    }

    fn row(d: &Dataset, code: &str) -> usize {
        d.index_of_code(code).unwrap()
    }

    #[test]
    fn imdi_2020_meets_the_targets() {
        let (d, s) = imdi();
        let a = allocate(&d, &s).unwrap();
        assert_eq!(a.allocated, 5120);
        assert_eq!(a.minors_allocated, 140);
        assert!((190..=230).contains(&a.asked), "asked {}", a.asked);
        for r in &a.rows {
            let sum: f64 = r.contributions.iter().sum();
            assert!((sum - r.initial_quota).abs() < 1e-9, "contributions {sum} vs quota {}", r.initial_quota);
        }
        let county_sum: u64 = a.counties.iter().map(|c| c.allocation).sum();
        assert_eq!(county_sum, 5120);
    }

    #[test]
    fn ceiling_excludes_with_reason() {
        let (d, mut s) = imdi();
        s.rules.immigrant_share_ceiling = Some(20.0);
        let a = allocate(&d, &s).unwrap();
        let oslo = &a.rows[row(&d, "0301")];
        assert_eq!(oslo.allocation, 0);
        assert!(matches!(oslo.reason(), Some(Reason::AboveImmigrantShareCeiling { .. })));
    }

    #[test]
    fn locks_include_and_exclude_are_kept() {
        let (d, mut s) = imdi();
        s.overrides.insert("1804".into(), Override::Lock(74));
        s.overrides.insert("0301".into(), Override::Exclude);
        s.overrides.insert("1856".into(), Override::Include); // Røst: tiny, would be dropped
        let a = allocate(&d, &s).unwrap();
        assert_eq!(a.rows[row(&d, "1804")].allocation, 74);
        assert_eq!(a.rows[row(&d, "1804")].status, Status::Locked);
        assert_eq!(a.rows[row(&d, "0301")].allocation, 0);
        assert!(a.rows[row(&d, "1856")].allocation >= 10);
        assert_eq!(a.allocated, 5120);
    }

    #[test]
    fn impossible_inputs_are_refused_with_their_cause() {
        let (d, mut s) = imdi();
        s.rules.max_per_1000 = Some(0.5);
        s.rules.min_request = 0;
        assert!(matches!(allocate(&d, &s), Err(AllocError::CapsTooTight { .. })));

        let (d, mut s) = imdi();
        for code in d.municipalities.iter().map(|m| m.code.clone()) {
            s.overrides.insert(code, Override::Exclude);
        }
        assert!(matches!(allocate(&d, &s), Err(AllocError::NoEligible)));

        let (d, mut s) = imdi();
        s.target = crate::scenario::Target { total: 5, minors: 0, resettlement: 0 };
        let e = allocate(&d, &s);
        assert!(matches!(e, Err(AllocError::MinimumTooHigh { .. })), "{e:?}");

        let (d, mut s) = imdi();
        s.rules.minors_threshold = 10_000;
        assert!(matches!(allocate(&d, &s), Err(AllocError::MinorsInfeasible { .. })));

        let (d, mut s) = imdi();
        s.criteria.iter_mut().for_each(|c| c.weight = 0.0);
        assert!(matches!(allocate(&d, &s), Err(AllocError::Invalid(_))));
    }

    #[test]
    fn impossible_bounds_name_the_municipalities_and_rules() {
        let (d, mut s) = imdi();
        s.rules.change_band =
            Some(crate::scenario::ChangeBand { column: "anmodning_2019".into(), lower: 1.0, upper: 2.0 });
        s.rules.max_per_1000 = Some(1.0);
        let e = allocate(&d, &s).unwrap_err().to_string();
        assert!(e.contains("rules.change_band") && e.contains("rules.max_per_1000"), "{e}");
        assert!(d.municipalities.iter().any(|m| e.contains(&format!("{} ({})", m.name, m.code))), "{e}");

        let (d, mut s) = imdi();
        s.rules.change_band =
            Some(crate::scenario::ChangeBand { column: "anmodning_2019".into(), lower: 1.2, upper: 2.0 });
        let e = allocate(&d, &s).unwrap_err();
        assert!(matches!(&e, AllocError::Bounds { reasons } if reasons[0].contains("more than the 5120")), "{e}");
    }

    #[test]
    fn bounds_hold_and_sum_exactly() {
        let (d, mut s) = imdi();
        let band = crate::scenario::ChangeBand { column: "anmodning_2019".into(), lower: 0.8, upper: 1.2 };
        s.rules.change_band = Some(band.clone());
        let column = d.column("anmodning_2019").unwrap();
        for floor in [false, true] {
            s.rules.below_minimum =
                if floor { crate::scenario::BelowMinimum::Floor } else { crate::scenario::BelowMinimum::Drop };
            s.target.total = 6000;
            let a = allocate(&d, &s).unwrap();
            assert_eq!(a.allocated, 6000);
            for (r, v) in a.rows.iter().zip(&column.values) {
                if let (Some((lo, hi)), true) = (band.bounds(*v), r.eligible) {
                    // The cap folds in the band's upper end; the minimum request applies as far as it allows.
                    let upper = r.cap.unwrap_or(u32::MAX);
                    assert!(upper <= hi);
                    let lower = lo.max(10.min(upper));
                    assert!((lower..=upper).contains(&r.allocation), "{} not in {lower}..{upper}", r.allocation);
                }
                if floor && r.eligible && r.key > 0.0 {
                    assert!(r.allocation >= 10, "floor keeps every positive key asked");
                }
            }
        }
    }

    #[test]
    fn every_method_and_county_first_sum_exactly() {
        let (d, mut s) = imdi();
        for method in Method::ALL {
            for county_first in [false, true] {
                s.rounding = method;
                s.county_first = county_first;
                let a = allocate(&d, &s).unwrap();
                assert_eq!(a.allocated, 5120, "{method:?} county_first={county_first}");
                assert_eq!(a.minors_allocated, 140);
            }
        }
    }

    #[test]
    fn missing_policies_fill_or_exclude() {
        let (d, mut s) = imdi();
        let a = allocate(&d, &s).unwrap();
        assert!(a.filled.iter().any(|f| &*f.column == "intro_arbeid_utdanning_2013_pst"));
        let i = s.criteria.iter().position(|c| c.id == crate::scenario::CriterionId::IntegrationResults).unwrap();
        s.criteria[i].missing = Some(crate::scenario::MissingPolicy::Exclude);
        let a = allocate(&d, &s).unwrap();
        assert!(a.rows.iter().any(|r| matches!(r.reason(), Some(Reason::MissingData { .. }))));
        assert_eq!(a.allocated, 5120);
    }
}
