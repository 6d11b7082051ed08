//! Why a municipality gets its number: the steps from nothing to its request, as a waterfall.
//!
//! Start at 0; each weighted criterion adds its contribution T'·w_k·key_ik/ΣK(open) (together the share of
//! the open target before caps and drops); a binding cap holds the share down; other municipalities' caps and
//! minimum-request drops raise it (Redistribution, which under county-first also holds the county split); a
//! municipality whose share is below the minimum request is dropped to 0; rounding takes the share to the
//! whole request. A locked municipality is one step to its lock, an excluded one a single step that names the
//! reason. For every step but `Minors`, `running` is the previous running value plus `delta`; the last
//! running value equals the allocation exactly.

use crate::data::Dataset;
use crate::engine::{Allocation, BoundRule, Reason, Status};
use crate::scenario::{CriterionId, Override, Scenario};

#[derive(Debug, Clone, PartialEq)]
pub enum StepKind {
    /// With a start (`scenario.start`): the start's value scaled to the new target, where the plan begins.
    Start,
    /// With a start: how far the criteria move the scaled start (their share of the key), of the whole target.
    CriteriaMove,
    /// A weighted criterion's part of the share before caps and drops, of the whole target.
    Contribution(CriterionId),
    /// Other municipalities are locked: the open municipalities share only what the locks leave, so every
    /// contribution shrinks by the same factor (target less locks, over target).
    LockedElsewhere,
    /// Held at a fixed number by an override.
    Locked,
    /// Not eligible (rules, data or a manual exclusion).
    Excluded(Reason),
    /// The municipality's own cap holds its share down.
    Cap,
    /// A lower bound holds its share up: the minimum request under `below_minimum: floor`, or a change band.
    Floor(BoundRule),
    /// The effect of other municipalities' caps and minimum-request drops on this one's share (and, with
    /// county-first, of splitting the target across counties first).
    Redistribution,
    /// The share is below the minimum request: not asked.
    Dropped,
    /// From the share to a whole number, by the scenario's rounding method.
    Rounding,
    /// Not a change: of the request, `delta` are unaccompanied minors; `running` stays at the request. A chart
    /// draws it as the part from `running - delta` to `running`.
    Minors,
}

impl StepKind {
    /// The step's name in tables, charts and figures.
    pub fn label(&self, lang: crate::lang::Lang) -> String {
        match self {
            StepKind::Contribution(id) => id.label(lang).to_owned(),
            StepKind::Start => {
                lang.pick("I fjor, skalert til ny ramme", "Last year, scaled to the new total").to_owned()
            }
            StepKind::CriteriaMove => lang.pick("Kriteriene flytter", "The criteria move it").to_owned(),
            StepKind::Locked => lang.pick("Låst", "Locked").to_owned(),
            StepKind::Excluded(_) => lang.pick("Ikke med", "Excluded").to_owned(),
            StepKind::Cap => lang.pick("Tak", "Cap").to_owned(),
            StepKind::Floor(rule) => format!("{} {}", lang.pick("Nedre grense:", "Lower bound:"), rule.label(lang)),
            StepKind::Redistribution => lang.pick("Omfordeling", "Redistribution").to_owned(),
            StepKind::LockedElsewhere => lang.pick("Låst hos andre", "Locked elsewhere").to_owned(),
            StepKind::Dropped => lang.pick("Under minste anmodning", "Below the minimum request").to_owned(),
            StepKind::Rounding => lang.pick("Avrunding", "Rounding").to_owned(),
            StepKind::Minors => lang.pick("herav enslige mindreårige", "of which minors").to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub kind: StepKind,
    pub delta: f64,
    /// The value after this step.
    pub running: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The dataset row.
    pub row: usize,
    pub code: String,
    pub name: String,
    pub steps: Vec<Step>,
    pub allocation: u32,
}

/// A step's change as shown beside values rounded to `places` decimals: the difference of the rounded values,
/// so the parts shown always add up to the totals shown (no "31,2 + 12,4 = 43,5").
pub fn shown_change(start: f64, end: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    ((end * scale).round() - (start * scale).round()) / scale
}

/// Changes smaller than this are floating-point noise, not an effect worth a step.
const NOISE: f64 = 1e-9;

/// The steps to the request of `row`. `allocation` must be the allocation of `scenario` on `dataset`, and
/// `row` a row of both (indexing panics otherwise, as for a slice).
pub fn explain(dataset: &Dataset, scenario: &Scenario, allocation: &Allocation, row: usize) -> Explanation {
    let m = &dataset.municipalities[row];
    let r = &allocation.rows[row];
    let mut steps = Vec::new();
    let mut push = |kind: StepKind, delta: f64, running: f64| steps.push(Step { kind, delta, running });
    let lock = match scenario.overrides.get(&m.code) {
        Some(Override::Lock(v)) => Some(*v),
        _ => None,
    };
    if let Some(value) = lock {
        push(StepKind::Locked, f64::from(value), f64::from(value));
    } else if !r.eligible {
        let reason = r.reason().cloned().unwrap_or(Reason::ManuallyExcluded);
        push(StepKind::Excluded(reason), 0.0, 0.0);
    } else {
        // Contributions are shown of the whole target; a lock's rescaling is a step of its own.
        let (target, open) = (f64::from(allocation.target), f64::from(allocation.open_target));
        let scale = if open > 0.0 && open < target { target / open } else { 1.0 };
        let mut running = 0.0;
        let mut open_share = 0.0;
        if let Some(start) = r.start {
            // The start scaled to the target, then the criteria's move: the two parts of the share.
            open_share = start.contribution + r.contributions.iter().sum::<f64>();
            push(StepKind::Start, start.scaled, start.scaled);
            push(StepKind::CriteriaMove, open_share * scale - start.scaled, open_share * scale);
            running = open_share * scale;
        } else {
            for ((id, w), c) in allocation.weights.iter().zip(&r.contributions) {
                if *w > 0.0 {
                    running += c * scale;
                    open_share += c;
                    push(StepKind::Contribution(*id), c * scale, running);
                }
            }
        }
        if scale != 1.0 {
            push(StepKind::LockedElsewhere, open_share - running, open_share);
            running = open_share;
        }
        if let Some(cap) = r.cap.map(f64::from)
            && cap < r.initial_quota
        {
            push(StepKind::Cap, cap - running, cap);
            running = cap;
        }
        if let Some((floor, rule)) = r.floor
            && f64::from(floor) > running + NOISE
        {
            push(StepKind::Floor(rule), f64::from(floor) - running, f64::from(floor));
            running = f64::from(floor);
        }
        if matches!(r.status, Status::NotAsked(Reason::BelowMinimumRequest { .. })) {
            push(StepKind::Dropped, -running, 0.0);
        } else {
            if (r.quota - running).abs() > NOISE {
                push(StepKind::Redistribution, r.quota - running, r.quota);
                running = r.quota;
            }
            let value = f64::from(r.allocation);
            push(StepKind::Rounding, value - running, value);
        }
    }
    if r.minors > 0 {
        push(StepKind::Minors, f64::from(r.minors), f64::from(r.allocation));
    }
    Explanation { row, code: m.code.clone(), name: m.name.clone(), steps, allocation: r.allocation }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::{example, examples};
    use crate::engine::allocate;

    fn check_waterfall(e: &Explanation) {
        let mut running = 0.0;
        for s in &e.steps {
            if s.kind != StepKind::Minors {
                assert!((running + s.delta - s.running).abs() < 1e-9, "{e:?}");
                running = s.running;
            }
        }
        let last = e.steps.last().unwrap();
        assert_eq!(last.running, f64::from(e.allocation), "{e:?}");
    }

    #[test]
    fn every_row_of_every_example_ends_at_its_allocation() {
        for ex in examples() {
            for row in 0..ex.dataset.len() {
                let e = explain(&ex.dataset, &ex.scenario, &ex.allocation, row);
                assert_eq!(e.allocation, ex.allocation.rows[row].allocation);
                check_waterfall(&e);
                let r = &ex.allocation.rows[row];
                if r.eligible {
                    let sum: f64 = e
                        .steps
                        .iter()
                        .filter(|s| {
                            matches!(
                                s.kind,
                                StepKind::Contribution(_)
                                    | StepKind::Start
                                    | StepKind::CriteriaMove
                                    | StepKind::LockedElsewhere
                            )
                        })
                        .map(|s| s.delta)
                        .sum();
                    assert!((sum - r.initial_quota).abs() < 1e-9, "{}: {sum} vs {}", ex.name, r.initial_quota);
                }
            }
        }
    }

    #[test]
    fn shown_parts_add_up_to_the_shown_totals() {
        for ex in examples() {
            for row in 0..ex.dataset.len() {
                let e = explain(&ex.dataset, &ex.scenario, &ex.allocation, row);
                let mut before = 0.0;
                let mut shown_sum = 0.0;
                for s in e.steps.iter().filter(|s| s.kind != StepKind::Minors) {
                    shown_sum += shown_change(before, s.running, 1);
                    let shown_running = (s.running * 10.0).round() / 10.0;
                    assert!((shown_sum - shown_running).abs() < 1e-6, "{}: {e:?}", ex.name);
                    before = s.running;
                }
                assert!((shown_sum - f64::from(e.allocation)).abs() < 1e-6);
            }
        }
    }

    #[test]
    fn bodo_in_imdi_2020() {
        let ex = example("imdi-2020.ron");
        let row = ex.dataset.index_of_code("1804").unwrap();
        let e = explain(&ex.dataset, &ex.scenario, &ex.allocation, row);
        assert_eq!(e.name, "Bodø");
        let kinds: Vec<&StepKind> = e.steps.iter().map(|s| &s.kind).collect();
        // Five weighted criteria (continuity has weight 0), then rounding and minors.
        assert_eq!(kinds.iter().filter(|k| matches!(k, StepKind::Contribution(_))).count(), 5);
        assert!(!kinds.iter().any(|k| matches!(k, StepKind::Contribution(CriterionId::Continuity))));
        assert!(kinds.contains(&&StepKind::Rounding));
        assert!(kinds.contains(&&StepKind::Redistribution), "210 of 356 asked: the drops raise Bodø's share");
        assert_eq!(kinds.last(), Some(&&StepKind::Minors));
    }

    #[test]
    fn dropped_excluded_locked_and_capped_rows() {
        let ex = example("imdi-2020.ron");
        let d = &ex.dataset;
        let a = &ex.allocation;
        let dropped = a.rows.iter().position(|r| matches!(r.reason(), Some(Reason::BelowMinimumRequest { .. })));
        let e = explain(d, &ex.scenario, a, dropped.unwrap());
        assert_eq!(e.steps.last().map(|s| &s.kind), Some(&StepKind::Dropped));
        let ex = example("labour-market-first-2020.ron"); // ceiling 25 %: Oslo is above it
        let e = explain(d, &ex.scenario, &ex.allocation, d.index_of_code("0301").unwrap());
        assert!(matches!(e.steps[..], [Step { kind: StepKind::Excluded(_), running: 0.0, .. }]));

        let mut s = ex.scenario.clone();
        s.overrides.insert("1804".into(), Override::Lock(60));
        s.rules.max_per_1000 = Some(1.5);
        let a = allocate(d, &s).unwrap();
        let e = explain(d, &s, &a, d.index_of_code("1804").unwrap());
        assert_eq!((&e.steps[0].kind, e.steps[0].running, e.allocation), (&StepKind::Locked, 60.0, 60));
        // Another municipality's lock is its own step: the contributions are of the whole target.
        let bergen = explain(d, &s, &a, d.index_of_code("4601").unwrap());
        let lock_step = bergen.steps.iter().position(|s| s.kind == StepKind::LockedElsewhere).expect("a lock step");
        let before = bergen.steps[lock_step - 1].running;
        let factor = f64::from(a.open_target) / f64::from(a.target);
        assert!((bergen.steps[lock_step].running - before * factor).abs() < 1e-9);
        let mut capped = 0;
        for row in 0..d.len() {
            let e = explain(d, &s, &a, row);
            check_waterfall(&e);
            if let Some(cap) = e.steps.iter().find(|s| s.kind == StepKind::Cap) {
                assert!(cap.delta < 0.0);
                assert_eq!(Some(cap.running as u32), a.rows[row].cap);
                capped += 1;
            }
        }
        assert!(capped > 0, "a cap of 1.5 per 1,000 binds somewhere");
    }

    #[test]
    fn a_binding_band_or_floor_is_a_step() {
        let ex = example("imdi-2020.ron");
        let d = &ex.dataset;
        let mut s = ex.scenario.clone();
        s.rules.change_band =
            Some(crate::scenario::ChangeBand { column: "anmodning_2019".into(), lower: 0.8, upper: 1.2 });
        let a = allocate(d, &s).unwrap();
        let mut held_up = 0;
        let mut banded_caps = 0;
        for row in 0..d.len() {
            let e = explain(d, &s, &a, row);
            check_waterfall(&e);
            held_up += e.steps.iter().filter(|x| x.kind == StepKind::Floor(BoundRule::ChangeBand)).count();
            banded_caps += usize::from(
                e.steps.iter().any(|x| x.kind == StepKind::Cap) && a.rows[row].cap_rule == Some(BoundRule::ChangeBand),
            );
        }
        assert!(held_up > 0 && banded_caps > 0, "a ±20 % band binds both ways: {held_up} up, {banded_caps} down");

        let mut s = ex.scenario.clone();
        s.rules.below_minimum = crate::scenario::BelowMinimum::Floor;
        let a = allocate(d, &s).unwrap();
        let floored = (0..d.len())
            .filter(|&row| {
                explain(d, &s, &a, row).steps.iter().any(|x| x.kind == StepKind::Floor(BoundRule::MinimumFloor))
            })
            .count();
        assert!(floored > 100, "floor keeps the small ones asked: {floored}");
    }
}
