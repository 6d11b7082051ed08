//! The whole pipeline of `docs/model.md`: the integer stage (`stage`: eligibility, keys, locks, caps,
//! minimum-request drop, rounding), then the minors and the result rows.

use super::bounds::{BoundRule, bound};
use super::contributions::Contributions;
use super::eligibility::Gate;
use super::error::AllocError;
use super::minors::minors;
use super::result::{Allocation, CountyTotal, MunicipalityResult, Reason, StartPart, Status, TieStage};
use super::stage::{Shares, Stage, tie_report};
use crate::data::Dataset;
use crate::scenario::Scenario;

/// Computes the request to every municipality. The same input gives the same output, bit for bit.
pub fn allocate(dataset: &Dataset, scenario: &Scenario) -> Result<Allocation, AllocError> {
    let mut stage = Stage::new(dataset, scenario)?;
    let target = scenario.target;
    let Shares { requests: allocations, keys, open_target, scale, quotas, dropped, mut ties } =
        stage.shares(&stage.weights, target)?;
    stage.free_groups();
    let n = dataset.len();
    let index = dataset.row_index();
    let (g, eligible) = (&stage.gates, &stage.eligible);
    // With a start, the criteria move only their share of the key.
    let criteria_share = stage.start.as_ref().map_or(1.0, |s| s.criteria_share);
    let m = minors(
        &allocations,
        &keys,
        &index.code_rank,
        target.minors,
        scenario.rules.minors_threshold,
        scenario.rounding,
    )?;
    ties.extend(m.ties.into_iter().map(|t| tie_report(TieStage::Minors, &t, dataset)));

    let rows: Vec<MunicipalityResult> = (0..n)
        .map(|i| {
            let initial_quota = keys[i] * scale;
            let status = match &g[i] {
                Gate::Locked { value: 0, .. } => Status::NotAsked(Reason::LockedToZero),
                Gate::Locked { .. } => Status::Locked,
                Gate::Excluded(reason) => Status::NotAsked(reason.clone()),
                Gate::Open { .. } if dropped[i] => Status::NotAsked(Reason::BelowMinimumRequest {
                    quota: initial_quota,
                    min_request: scenario.rules.min_request,
                }),
                Gate::Open { .. } if allocations[i] == 0 => {
                    Status::NotAsked(Reason::RoundedToZero { quota: quotas[i] })
                }
                Gate::Open { .. } => Status::Asked,
            };
            MunicipalityResult {
                status,
                eligible: eligible[i],
                key: keys[i],
                contributions: Contributions::from_iter_capped(stage.parts.iter().zip(&stage.weights).map(
                    |(part, w)| match part {
                        Some(part) if eligible[i] => w * part[i] * scale * criteria_share,
                        _ => 0.0,
                    },
                )),
                initial_quota: if eligible[i] { initial_quota } else { 0.0 },
                start: stage.start.as_ref().map(|s| StartPart {
                    value: s.values[i],
                    scaled: s.values[i] * s.scale,
                    contribution: if eligible[i] { (1.0 - s.criteria_share) * s.key[i] * scale } else { 0.0 },
                    band: stage.bands[i],
                }),
                quota: match g[i] {
                    Gate::Locked { value, .. } => f64::from(value),
                    _ => quotas[i],
                },
                cap: stage.caps[i],
                cap_rule: stage.cap_rules[i],
                floor: match g[i] {
                    Gate::Open { .. } if !dropped[i] => {
                        let include = g[i] == Gate::Open { include: true };
                        let asked = stage.start.as_ref().is_some_and(|s| s.asked(i));
                        let b = bound(&scenario.rules, include, stage.band_lower[i], stage.caps[i], keys[i], asked);
                        let rule = if stage.band_lower[i] == b.quota_lower {
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
    let counties = county_totals(dataset, &index.counties, &index.county_of, &rows);
    Ok(Allocation {
        target: target.total,
        minors_target: target.minors,
        resettlement: target.resettlement,
        open_target,
        weights: scenario.criteria.iter().map(|c| c.id).zip(stage.weights.iter().copied()).collect(),
        asked: rows.iter().filter(|r| r.asked()).count(),
        allocated: rows.iter().map(|r| u64::from(r.allocation)).sum(),
        minors_allocated: rows.iter().map(|r| u64::from(r.minors)).sum(),
        rows,
        counties,
        ties,
        filled: stage.filled,
        key_parts: stage.parts,
    })
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
        assert!(
            matches!(&e, AllocError::Bounds { reasons } if reasons[0].to_string().contains("more than the 5120")),
            "{e}"
        );
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
