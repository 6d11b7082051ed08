//! Property tests: the guarantees of `docs/model.md` on random datasets and scenarios.

use proptest::prelude::*;

use super::{Method, Status, allocate};
use crate::data::synthetic::synthetic_dataset;
use crate::scenario::{Criterion, CriterionId, DatasetRef, Override, Rules, Scenario, Target};

fn scenario_strategy() -> impl Strategy<Value = (usize, u64, Scenario)> {
    (
        5usize..60,
        any::<u64>(),
        0u32..3000,
        0u32..40,
        prop::collection::vec(0.0f64..10.0, 5),
        0.3f64..=1.0,
        (prop::option::of(5.0f64..30.0), 0u32..15, prop::option::of(2.0f64..20.0), any::<bool>()),
        prop::sample::select(Method::ALL.to_vec()),
        any::<bool>(),
        prop::collection::vec((0usize..60, 0u8..3, 0u32..30), 0..4),
    )
        .prop_map(
            |(
                n,
                seed,
                total,
                minors,
                w,
                exponent,
                (ceiling, min_request, max_per_1000, capacity),
                method,
                county_first,
                ov,
            )| {
                let columns = [
                    (CriterionId::LabourMarket, "sysselsettingsrate_2013_pst"),
                    (CriterionId::IntegrationResults, "intro_arbeid_utdanning_2013_pst"),
                    (CriterionId::Capacity, "bosatt_snitt_2017_2019"),
                    (CriterionId::ImmigrantShare, "innvandrerandel_2020_pst"),
                ];
                let mut criteria =
                    vec![Criterion { id: CriterionId::Size, weight: w[0] + 0.1, column: None, missing: None }];
                criteria.extend(columns.iter().zip(&w[1..]).map(|((id, col), w)| Criterion {
                    id: *id,
                    weight: *w,
                    column: Some((*col).to_owned()),
                    missing: None,
                }));
                let mut overrides = std::collections::BTreeMap::new();
                for (i, kind, value) in ov {
                    let code = format!("{:04}", (i % n) + 1);
                    let o = match kind {
                        0 => Override::Exclude,
                        1 => Override::Include,
                        _ => Override::Lock(value),
                    };
                    overrides.insert(code, o);
                }
                let scenario = Scenario {
                    version: 1,
                    name: "random".into(),
                    notes: String::new(),
                    dataset: DatasetRef::Embedded("synthetic".into()),
                    dataset_fingerprint: None,
                    target: Target { total, minors: minors.min(total), resettlement: 0 },
                    size_exponent: exponent,
                    criteria,
                    rules: Rules {
                        immigrant_share_ceiling: ceiling,
                        min_request,
                        max_per_1000,
                        capacity_column: capacity.then(|| "anmodning_2019".to_owned()),
                        ..Rules::default()
                    },
                    overrides,
                    override_notes: Default::default(),
                    county_recommendations: Default::default(),
                    rounding: method,
                    county_first,
                    reference_column: None,
                    start: None,
                };
                (n, seed, scenario)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold((n, seed, scenario) in scenario_strategy()) {
        let dataset = synthetic_dataset(n, seed);
        let Ok(a) = allocate(&dataset, &scenario) else {
            // Refusals are fine (and must not panic); their messages are tested elsewhere.
            return Ok(());
        };
        prop_assert_eq!(a.allocated, u64::from(scenario.target.total));
        prop_assert_eq!(a.minors_allocated, u64::from(scenario.target.minors));
        let m = scenario.rules.min_request;
        for (row, r) in dataset.municipalities.iter().zip(&a.rows) {
            prop_assert!(r.minors <= r.allocation);
            match (&r.status, scenario.overrides.get(&row.code)) {
                (_, Some(Override::Lock(v))) => prop_assert_eq!(r.allocation, *v),
                (Status::NotAsked(_), _) => prop_assert_eq!(r.allocation, 0),
                (Status::Asked, include) => {
                    if let Some(cap) = r.cap {
                        prop_assert!(r.allocation <= cap, "{} above cap {}", r.allocation, cap);
                    }
                    let floor = if include == Some(&Override::Include) { r.cap.map_or(m, |c| c.min(m)) } else { m };
                    prop_assert!(r.allocation >= floor, "{} below minimum {}", r.allocation, floor);
                }
                (Status::Locked, _) => prop_assert!(false, "locked without a lock override"),
            }
        }
        let again = allocate(&dataset, &scenario).unwrap();
        prop_assert_eq!(&a, &again);
    }

    #[test]
    fn no_alabama_paradox((n, seed, scenario) in scenario_strategy()) {
        prop_assume!(scenario.rounding != Method::Hamilton);
        let dataset = synthetic_dataset(n, seed);
        let Ok(a) = allocate(&dataset, &scenario) else { return Ok(()) };
        let mut bigger = scenario.clone();
        bigger.target.total += 1;
        let Ok(b) = allocate(&dataset, &bigger) else { return Ok(()) };
        let asked = |x: &super::Allocation| x.rows.iter().map(|r| r.asked()).collect::<Vec<_>>();
        prop_assume!(asked(&a) == asked(&b));
        for (x, y) in a.rows.iter().zip(&b.rows) {
            prop_assert!(y.allocation >= x.allocation, "{} fell to {}", x.allocation, y.allocation);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    /// With a change band and either reading of the minimum request, every asked municipality stays within its
    /// bounds and the sum is exact; a floored or banded one is never dropped.
    #[test]
    fn bounds_hold((n, seed, mut scenario) in scenario_strategy(), lower in 0.0f64..1.2, width in 0.0f64..1.5, floor: bool) {
        use crate::scenario::{BelowMinimum, ChangeBand};
        let band = ChangeBand { column: "anmodning_2019".into(), lower, upper: lower + width };
        scenario.rules.change_band = Some(band.clone());
        scenario.rules.below_minimum = if floor { BelowMinimum::Floor } else { BelowMinimum::Drop };
        let dataset = synthetic_dataset(n, seed);
        let Ok(a) = allocate(&dataset, &scenario) else { return Ok(()) };
        prop_assert_eq!(a.allocated, u64::from(scenario.target.total));
        let values = &dataset.column("anmodning_2019").unwrap().values;
        let m = scenario.rules.min_request;
        for ((row, r), v) in dataset.municipalities.iter().zip(&a.rows).zip(values.iter()) {
            let held = matches!(r.status, Status::Asked) || (r.eligible && r.floor.is_some());
            if !held {
                continue;
            }
            if scenario.overrides.contains_key(&row.code) {
                continue;
            }
            if let Some(cap) = r.cap {
                prop_assert!(r.allocation <= cap, "{} above its upper bound {}", r.allocation, cap);
            }
            if let Some((lo, _)) = band.bounds(*v) {
                prop_assert!(r.allocation >= lo, "{} below the band's {}", r.allocation, lo);
            }
            if floor && r.key > 0.0 {
                prop_assert!(r.allocation >= m.min(r.cap.unwrap_or(m)), "floored row at {}", r.allocation);
            }
        }
    }
}
