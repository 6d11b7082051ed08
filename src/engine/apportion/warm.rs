//! Divisor-method rounding started from a nearby result, for the many close allocations of a sweep.
//!
//! Neighbouring points of a sweep differ in a few units, so instead of solving from scratch the previous
//! result is repaired: units move from the lowest "last" priority w/D(s-1) to the highest "next" priority
//! w/D(s) until the total is right and no next priority exceeds a last one. Such a state is what handing out
//! units one by one gives, and it is unique when the two priorities at the margin are clearly apart. When they
//! are not (a tie that [`apportion`](super::apportion) would decide and report), or anything else is unusual,
//! this gives up and the caller solves from scratch, so results never depend on this shortcut.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::{Claim, Key, Method, Problem};

/// Margins closer than this (relative) count as possible ties and are left to `apportion`. Far above its
/// own tie tolerance (1e-12), so a tie it sees is always handed back.
const CLEAR_MARGIN: f64 = 1e-9;

/// A heap entry: the key, and the item's seats when it was made (an entry for other seats is stale).
type Entry = (Key, u32);

/// The seats `apportion(claims, total, method)` gives, found from `start` (one per claim); `None` when it
/// must be solved from scratch (Hamilton, infeasible bounds, a possible tie, a forced result, or too far to go).
pub(crate) fn apportion_from(claims: &[Claim], total: u32, method: Method, start: &[u32]) -> Option<Vec<u32>> {
    let rule = method.divisor_rule()?;
    let n = claims.len();
    if start.len() != n {
        return None;
    }
    let p = Problem::new(claims, total).ok()?;
    let next = |i: usize, s: u32| rule.priority(p.weights[i], u64::from(s));
    let mut seats: Vec<u32> =
        (0..n).map(|i| if p.movable(i) { start[i].clamp(p.lower(i), p.upper(i)) } else { p.lower(i) }).collect();
    let mut gap = i64::from(total) - seats.iter().map(|&s| i64::from(s)).sum::<i64>();

    // Highest next priority (room below the upper bound) and lowest last priority (above the lower bound),
    // built in one go (linear) rather than by n pushes.
    let up_entry = |i: usize, s: u32| (s < p.upper(i)).then(|| (Key { priority: next(i, s), index: i }, s));
    let down_entry =
        |i: usize, s: u32| (s > p.lower(i)).then(|| Reverse((Key { priority: next(i, s - 1), index: i }, s)));
    let (mut up, mut down) = (Vec::with_capacity(n + 64), Vec::with_capacity(n + 64));
    for i in (0..n).filter(|&i| p.movable(i)) {
        up.extend(up_entry(i, seats[i]));
        down.extend(down_entry(i, seats[i]));
    }
    let (mut up, mut down) = (BinaryHeap::from(up), BinaryHeap::from(down));
    let push = |i: usize, s: u32, up: &mut BinaryHeap<Entry>, down: &mut BinaryHeap<Reverse<Entry>>| {
        up.extend(up_entry(i, s));
        down.extend(down_entry(i, s));
    };
    let top_up = |up: &mut BinaryHeap<Entry>, seats: &[u32]| -> Option<Key> {
        while let Some((key, s)) = up.peek().copied() {
            if seats[key.index] == s {
                return Some(key);
            }
            up.pop();
        }
        None
    };
    let top_down = |down: &mut BinaryHeap<Reverse<Entry>>, seats: &[u32]| -> Option<Key> {
        while let Some(Reverse((key, s))) = down.peek().copied() {
            if seats[key.index] == s {
                return Some(key);
            }
            down.pop();
        }
        None
    };
    // A warm start is a few units off; much further and solving from scratch is as good.
    let mut budget = n + 64;
    loop {
        budget = budget.checked_sub(1)?;
        let (give, take) = (top_up(&mut up, &seats), top_down(&mut down, &seats));
        match gap.cmp(&0) {
            Ordering::Greater => {
                // `None`: everyone at the upper bound; `apportion` names the problem.
                let g = give?.index;
                seats[g] += 1;
                gap -= 1;
                push(g, seats[g], &mut up, &mut down);
            }
            Ordering::Less => {
                let t = take?.index;
                seats[t] -= 1;
                gap += 1;
                push(t, seats[t], &mut up, &mut down);
            }
            Ordering::Equal => match (give, take) {
                // One unit from the weakest holder to the strongest claimant (never the same item: its next
                // priority is below its last).
                (Some(g), Some(t)) if g.priority > t.priority => {
                    seats[t.index] -= 1;
                    push(t.index, seats[t.index], &mut up, &mut down);
                    seats[g.index] += 1;
                    push(g.index, seats[g.index], &mut up, &mut down);
                }
                (Some(g), Some(t)) => return (g.priority < t.priority * (1.0 - CLEAR_MARGIN)).then_some(seats),
                // Everyone at a bound: a forced result, which `apportion` gives directly.
                _ => return None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::apportion;

    /// Claims from a fixed pseudo-random sequence: weights spread over three orders of magnitude, some bounds.
    fn claims(seed: u64, n: usize) -> Vec<Claim> {
        let mut state = seed;
        let mut next = || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n)
            .map(|i| {
                let weight = 10f64.powf(3.0 * next());
                let upper = if next() < 0.2 { 10 + (next() * 40.0) as u32 } else { u32::MAX };
                Claim { weight, lower: 10, upper, rank: i as u32 }
            })
            .collect()
    }

    #[test]
    fn matches_the_engine_from_near_and_far_starts() {
        for method in [Method::SainteLague, Method::ModifiedSainteLague, Method::DHondt, Method::HuntingtonHill] {
            for seed in 0..6 {
                let c = claims(seed, 150);
                for total in [2000, 4000, 5120] {
                    let exact = apportion(&c, total, method).unwrap().seats;
                    let mut near = exact.clone();
                    for (i, s) in near.iter_mut().enumerate().step_by(7) {
                        *s = if i % 2 == 0 { *s + 2 } else { s.saturating_sub(1) };
                    }
                    // The exact result and a nearby one are always repaired; from the lower bounds it is too
                    // far, and the engine is asked.
                    assert_eq!(apportion_from(&c, total, method, &exact).as_ref(), Some(&exact), "{method:?} {seed}");
                    assert_eq!(apportion_from(&c, total, method, &near).as_ref(), Some(&exact), "{method:?} {seed}");
                    let lowers: Vec<u32> = c.iter().map(|c| c.lower).collect();
                    assert_eq!(apportion_from(&c, total, method, &lowers), None);
                }
            }
            // All at the lower bounds is forced: the engine's case.
            let c = claims(9, 150);
            assert_eq!(apportion_from(&c, 1500, method, &[10; 150]), None);
        }
    }

    #[test]
    fn ties_hamilton_and_impossible_bounds_go_to_the_engine() {
        let tied: Vec<Claim> = (0..4).map(|i| Claim { weight: 1.0, lower: 0, upper: u32::MAX, rank: i }).collect();
        assert_eq!(apportion_from(&tied, 6, Method::SainteLague, &[2, 2, 1, 1]), None);
        assert_eq!(apportion_from(&tied, 8, Method::SainteLague, &[2, 2, 2, 2]), Some(vec![2, 2, 2, 2]));
        assert_eq!(apportion_from(&tied, 8, Method::Hamilton, &[2, 2, 2, 2]), None);
        let tight: Vec<Claim> = (0..2).map(|i| Claim { weight: 1.0, lower: 0, upper: 3, rank: i }).collect();
        assert_eq!(apportion_from(&tight, 7, Method::DHondt, &[3, 3]), None);
    }
}
