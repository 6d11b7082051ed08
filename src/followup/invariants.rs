//! A hand-worked revision, reproduced exactly, and property tests for revisions and shortfall rounds.

use proptest::prelude::*;

use super::*;
use crate::data::Dataset;
use crate::data::synthetic::synthetic_dataset;
use crate::engine::{Method, Status};
use crate::scenario::{Scenario, parse_scenario};

fn base() -> Scenario {
    parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap()
}

/// A synthetic dataset of `values.len()` rows whose `anmodning_2019` column holds `values`.
fn with_request(values: &[Option<u32>], seed: u64) -> Dataset {
    let mut d = synthetic_dataset(values.len(), seed);
    let c = d.columns.iter().position(|c| c.meta.id == "anmodning_2019").unwrap();
    d.columns[c].values = values.iter().map(|v| v.map(f64::from)).collect();
    d
}

fn allocations(a: &crate::engine::Allocation) -> Vec<u32> {
    a.rows.iter().map(|r| r.allocation).collect()
}

/// Sent 100, 50, 30, 12 and 8 (200); cut to 120 with a minimum of 10. Scaled by 0.6 the two smallest would
/// get 7.2 and 4.8, so they are held at 10 and the other three share 100 in proportion to 100 : 50 : 30
/// (55.6, 27.8, 16.7). Sainte-Laguë with divisor 1.81 gives 55, 28 and 17: 100 + 10 + 10 = 120.
/// Keeping the second one's decision of 40, the rest share 80: the 12 and 8 at 10, and 60 for 100 : 30
/// (divisor 2.17: 46 and 14).
#[test]
fn hand_worked_revision_with_a_floor_and_a_lock() {
    let d = with_request(&[Some(100), Some(50), Some(30), Some(12), Some(8)], 1);
    let (_, a) = revise(&d, &base(), "anmodning_2019", 120, None, ReviseMode::Proportional).unwrap();
    assert_eq!(allocations(&a), vec![55, 28, 17, 10, 10]);
    let keep = [None, Some(40), None, None, None];
    let (_, a) = revise(&d, &base(), "anmodning_2019", 120, Some(&keep), ReviseMode::Proportional).unwrap();
    assert_eq!(allocations(&a), vec![46, 40, 14, 10, 10]);
    assert_eq!(a.rows[1].status, Status::Locked);
}

#[test]
fn criteria_mode_bounds_by_the_sent_request() {
    let d = synthetic_dataset(80, 7);
    let s = base();
    let request: Vec<u32> = column_counts(&d, "anmodning_2019").unwrap().iter().map(|v| v.unwrap_or(0)).collect();
    let sent: u32 = request.iter().sum();
    let (_, up) = revise(&d, &s, "anmodning_2019", sent + 300, None, ReviseMode::Criteria).unwrap();
    assert_eq!(up.allocated, u64::from(sent + 300));
    assert!(up.rows.iter().zip(&request).all(|(r, q)| r.allocation >= *q), "nobody gets less when it grows");
    let (_, down) = revise(&d, &s, "anmodning_2019", sent * 3 / 4, None, ReviseMode::Criteria).unwrap();
    assert_eq!(down.allocated, u64::from(sent * 3 / 4));
    assert!(down.rows.iter().zip(&request).all(|(r, q)| r.allocation <= *q), "nobody gets more when it shrinks");
}

#[test]
fn a_plan_from_a_start_is_revised_as_the_request_it_sent() {
    let d = synthetic_dataset(80, 7);
    let mut started = base();
    started.start = Some(crate::scenario::Start { column: "bosatt_snitt_2017_2019".into(), criteria_share: 0.4 });
    started.rules.below_minimum = crate::scenario::BelowMinimum::FloorStartAsked;
    for mode in [ReviseMode::Proportional, ReviseMode::Criteria] {
        let (_, plain) = revise(&d, &base(), "anmodning_2019", 900, None, mode).unwrap();
        let (_, from_start) = revise(&d, &started, "anmodning_2019", 900, None, mode).unwrap();
        assert_eq!(allocations(&plain), allocations(&from_start), "{mode:?}");
    }
}

#[test]
fn impossible_revisions_name_their_cause() {
    let d = with_request(&[Some(100), Some(50), Some(30), Some(12), Some(8)], 1);
    let e = revise(&d, &base(), "anmodning_2019", 45, None, ReviseMode::Proportional).unwrap_err().to_string();
    assert!(e.contains("rules.below_minimum") && e.contains("50"), "five at 10 is more than 45: {e}");
    let keep = [Some(100), None, None, None, None];
    let e = revise(&d, &base(), "anmodning_2019", 90, Some(&keep), ReviseMode::Proportional).unwrap_err();
    assert!(matches!(e, FollowUpError::DecisionsAboveTarget { kept: 100, target: 90 }));
    let d = with_request(&[None, Some(0), None], 1);
    let e = revise(&d, &base(), "anmodning_2019", 90, None, ReviseMode::Proportional).unwrap_err();
    assert!(matches!(e, FollowUpError::EmptyRequest { .. }));
}

#[test]
fn criteria_mode_keeps_the_scenarios_own_band_on_the_other_side() {
    let d = synthetic_dataset(80, 7);
    let mut s = base();
    s.rules.change_band = Some(crate::scenario::ChangeBand { column: "anmodning_2019".into(), lower: 0.5, upper: 1.5 });
    let request: Vec<u32> = column_counts(&d, "anmodning_2019").unwrap().iter().map(|v| v.unwrap_or(0)).collect();
    let sent: u32 = request.iter().sum();
    let (_, up) = revise(&d, &s, "anmodning_2019", sent * 5 / 4, None, ReviseMode::Criteria).unwrap();
    for (r, &q) in up.rows.iter().zip(&request).filter(|(_, q)| **q > 0) {
        assert!(
            r.allocation >= q && f64::from(r.allocation) <= (1.5 * f64::from(q)).floor(),
            "{} of {q}",
            r.allocation
        );
    }
    let (_, down) = revise(&d, &s, "anmodning_2019", sent * 3 / 4, None, ReviseMode::Criteria).unwrap();
    for (r, &q) in down.rows.iter().zip(&request).filter(|(_, q)| **q > 0) {
        assert!(r.allocation <= q && f64::from(r.allocation) >= (0.5 * f64::from(q)).ceil(), "{} of {q}", r.allocation);
    }
    s.rules.change_band = Some(crate::scenario::ChangeBand { column: "bosatt_2019".into(), lower: 0.5, upper: 1.5 });
    let e = revise(&d, &s, "anmodning_2019", sent, None, ReviseMode::Criteria).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the scenario's change band is on column \"bosatt_2019\", but the revision bounds by the sent request in \
         \"anmodning_2019\"; one band cannot hold both: set the scenario's band on \"anmodning_2019\", or remove it"
    );
}

fn request_strategy() -> impl Strategy<Value = (Vec<Option<u32>>, u64)> {
    (
        prop::collection::vec(prop_oneof![1 => Just(None), 1 => Just(Some(0)), 4 => (1u32..300).prop_map(Some)], 3..50),
        any::<u64>(),
    )
        .prop_filter("someone asked", |(v, _)| v.iter().flatten().any(|x| *x > 0))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn proportional_revisions_keep_the_asked_set_and_sum_exactly(
        (request, seed) in request_strategy(),
        scale in 0.2f64..3.0,
        method in prop::sample::select(vec![Method::SainteLague, Method::DHondt, Method::ModifiedSainteLague, Method::HuntingtonHill]),
        locks in prop::collection::vec(prop::option::weighted(0.2, 0u32..60), 50),
    ) {
        let d = with_request(&request, seed);
        let mut s = base();
        s.rounding = method;
        let m = s.rules.min_request;
        let asked = request.iter().flatten().filter(|r| **r > 0).count() as u32;
        let sent: u32 = request.iter().flatten().sum();
        // Decisions are kept for asked municipalities only: one of a municipality not asked is refused.
        let keep: Vec<Option<u32>> =
            locks[..request.len()].iter().zip(&request).map(|(k, r)| k.filter(|_| r.unwrap_or(0) > 0)).collect();
        let kept: u32 = keep.iter().flatten().sum();
        prop_assume!(request.iter().zip(&keep).any(|(r, k)| r.unwrap_or(0) > 0 && k.is_none()));
        let target = ((f64::from(sent) * scale) as u32).max(m * asked + kept);
        if let Some(outside) = request.iter().position(|r| r.unwrap_or(0) == 0) {
            let mut widened = keep.clone();
            widened[outside] = Some(5);
            let refused = revise(&d, &s, "anmodning_2019", target, Some(&widened), ReviseMode::Proportional);
            prop_assert!(matches!(refused, Err(FollowUpError::KeptOutsideAsked { .. })), "{:?}", refused.err());
        }
        let (_, a) = revise(&d, &s, "anmodning_2019", target, Some(&keep), ReviseMode::Proportional).unwrap();
        prop_assert_eq!(a.allocated, u64::from(target));
        for ((r, sent), keep) in a.rows.iter().zip(&request).zip(&keep) {
            match keep {
                Some(k) => prop_assert_eq!(r.allocation, *k),
                None if sent.unwrap_or(0) > 0 => prop_assert!(r.allocation >= m),
                None => prop_assert_eq!(r.allocation, 0, "never asked, never asked now"),
            }
        }
        // No Alabama paradox: the asked set is fixed, so one more to place never lowers anyone.
        let (_, b) = revise(&d, &s, "anmodning_2019", target + 1, Some(&keep), ReviseMode::Proportional).unwrap();
        for (x, y) in a.rows.iter().zip(&b.rows) {
            prop_assert!(y.allocation >= x.allocation, "{} fell to {}", x.allocation, y.allocation);
        }
    }

    #[test]
    fn shortfall_rounds_sum_to_the_shortfall_and_never_ask_a_no(
        (request, seed) in request_strategy(),
        answers in prop::collection::vec((0u8..4, 0.0f64..1.5), 50),
        among in prop::sample::select(Among::ALL.to_vec()),
        count_unanswered in any::<bool>(),
        extra in 0u32..400,
    ) {
        let d = with_request(&request, seed);
        let request: Vec<u32> = request.iter().map(|r| r.unwrap_or(0)).collect();
        let decisions: Vec<Option<u32>> = request
            .iter()
            .zip(&answers)
            .map(|(r, (kind, share))| match kind {
                0 => None,
                1 => Some(0),
                _ => Some((f64::from(*r) * share).round() as u32),
            })
            .collect();
        let target = request.iter().sum::<u32>() + extra;
        let f = follow_up(&d, target, &request, &decisions, None).unwrap();
        let mut s = base();
        s.rules.min_request = 1;
        match redistribute(&d, &s, &f, among, count_unanswered, None) {
            Ok((_, a)) => {
                prop_assert_eq!(a.allocated as i64, f.shortfall(count_unanswered));
                for (r, status) in a.rows.iter().zip(&f.rows) {
                    if r.allocation > 0 {
                        prop_assert!(status.answer != Answer::No, "a no was asked again");
                        prop_assert!(among.admits(status));
                    }
                }
            }
            // A shortfall of 0, nobody to ask, or caps the set cannot meet: refused, never a wrong answer.
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
