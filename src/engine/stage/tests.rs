//! The stage answers what the full engine answers, from scratch and from a warm start.

use super::*;
use crate::analysis::test_support::{example, examples};
use crate::engine::allocate;
use crate::scenario::Override;

/// The stage, made from `base`, gives every variant what the full engine gives it (or refuses it with the
/// engine's refusal). Returns how many the engine accepts.
fn same_as_engine(dataset: &Dataset, base: &Scenario, variants: &[Scenario]) -> usize {
    let mut accepted = 0;
    let a = allocate(dataset, base).unwrap();
    let stage = Stage::new(dataset, base).unwrap();
    let base_requests: Vec<u32> = a.rows.iter().map(|r| r.allocation).collect();
    for variant in variants {
        let weights = variant.normalised_weights().unwrap();
        // From scratch, and repaired from the base's requests.
        let cold = stage.requests(&weights, variant.target, None).unwrap();
        let warm = stage.requests(&weights, variant.target, Some(&base_requests)).unwrap();
        match allocate(dataset, variant) {
            Ok(full) => {
                let full: Vec<u32> = full.rows.iter().map(|r| r.allocation).collect();
                assert_eq!(cold.as_ref().ok(), Some(&full), "{} {weights:?}", variant.name);
                assert_eq!(warm.as_ref().ok(), Some(&full), "{} {weights:?}", variant.name);
                accepted += 1;
            }
            Err(e) => {
                assert!(cold.is_err() && warm.is_err(), "{}: the engine refuses with {e}", variant.name);
                // The refusal is the engine's own, word for word.
                assert_eq!(cold.as_ref().err(), Some(&e), "{}", variant.name);
                assert_eq!(warm.as_ref().err(), Some(&e), "{}", variant.name);
            }
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
