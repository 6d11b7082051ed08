//! Bounded apportionment: integers from quotas.
//!
//! A national settlement target has to be split into whole-person requests that add up exactly,
//! while each municipality stays within what it can take. This module does that split: real-valued
//! weights in, integers summing to the total out, each inside its own `lower..=upper` range.
//!
//! Divisor methods (Sainte-Laguë, modified Sainte-Laguë, D'Hondt, Huntington-Hill) and Hamilton
//! (largest remainder) are supported. The cost is `O(n log n)` whatever the total: the result is
//! estimated from the bounded quotas and then corrected with a heap, instead of handing out units
//! one at a time.
//!
//! The module is pure: no I/O, no global state, and the same input always gives the same output.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::collect::collect_within;
use crate::lang::Lang;

#[cfg(test)]
mod tests;
mod warm;

pub(crate) use warm::apportion_from;

/// Relative tolerance under which two priorities (or two remainders) count as equal.
///
/// Rounding can separate values that are equal in exact arithmetic (Huntington-Hill's square
/// roots, quotas from a computed divisor); treating them as tied lets the documented weight/rank
/// rule decide instead of the last bit of a division.
pub const TIE_TOLERANCE: f64 = 1e-12;

/// Weights below this fraction of the largest weight are treated as zero.
///
/// Keeps every quotient and priority in the normal floating-point range; no real data spans
/// 250 orders of magnitude.
const NEGLIGIBLE_WEIGHT: f64 = 1e-250;

pub use crate::choices::Method;

impl Method {
    /// The method's name as analysts write it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Method::SainteLague => "Sainte-Laguë",
            Method::ModifiedSainteLague => lang.pick("Modifisert Sainte-Laguë (1,4)", "Modified Sainte-Laguë (1.4)"),
            Method::DHondt => "D'Hondt",
            Method::Hamilton => lang.pick("Hamilton (største brøk)", "Hamilton (largest remainder)"),
            Method::HuntingtonHill => "Huntington-Hill",
        }
    }

    fn divisor_rule(self) -> Option<Divisor> {
        match self {
            Method::SainteLague => Some(Divisor::SainteLague),
            Method::ModifiedSainteLague => Some(Divisor::ModifiedSainteLague),
            Method::DHondt => Some(Divisor::DHondt),
            Method::HuntingtonHill => Some(Divisor::HuntingtonHill),
            Method::Hamilton => None,
        }
    }
}

/// One item's claim on the total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Claim {
    /// Quota basis; finite and not negative. Only ratios between weights matter.
    pub weight: f64,
    /// Fewest units the item may get.
    pub lower: u32,
    /// Most units the item may get (`u32::MAX` for no limit).
    pub upper: u32,
    /// Deterministic tie-break: after the larger weight, the smaller rank wins. Callers pass the
    /// input order or the code order so results do not depend on incidental ordering.
    pub rank: u32,
}

impl Claim {
    /// A claim without bounds.
    pub fn unbounded(weight: f64, rank: u32) -> Claim {
        Claim { weight, lower: 0, upper: u32::MAX, rank }
    }
}

/// The integers, in the order of the claims, and the ties that decided any of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Apportionment {
    pub seats: Vec<u32>,
    pub ties: Vec<Tie>,
}

/// A tie that decided units: at the margin, more items had equal priority than units were left.
///
/// Reported so a planner can see that a request rests on the tie-break rule (larger weight, then
/// smaller rank) rather than on the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    /// Indices of the tied items, ascending.
    pub contenders: Vec<usize>,
    /// Indices of the contenders that got a unit, ascending.
    pub winners: Vec<usize>,
    /// Units decided by the tie (`winners.len()`).
    pub units: u32,
}

/// Why a set of claims cannot be apportioned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApportionError {
    #[error("item {index} has weight {value}; weights must be finite and not negative")]
    InvalidWeight { index: usize, value: f64 },
    #[error("item {index} has a lower bound above its upper bound")]
    LowerAboveUpper { index: usize },
    #[error("the lower bounds add up to {sum_lower}, more than the total {total}")]
    BoundsTooHigh { sum_lower: u64, total: u32 },
    #[error("the upper bounds add up to {sum_upper}, less than the total {total}")]
    BoundsTooLow { sum_upper: u64, total: u32 },
    #[error(
        "cannot apportion {total}: the units above the lower bounds need items with positive \
         weight and room below their upper bounds, and there are not enough of them"
    )]
    NoWeight { total: u32 },
}

/// Splits `total` into integers, one per claim, by `method`.
///
/// Every item starts at its `lower`; the units above the lowers are then given by the method to
/// items with positive weight, never beyond `upper`. Zero-weight items get exactly their `lower`,
/// so when the items with positive weight cannot absorb the rest the result is
/// [`ApportionError::NoWeight`]. Weights below 1e-250 times the largest weight count as zero.
///
/// Divisor methods give the result of handing out the remaining units one by one to the item
/// with the highest priority `weight / D(seats)`. Hamilton floors the bounded quotas (water-filled
/// so they sum to `total` within the bounds) and gives what is left by largest remainder.
/// Priorities (remainders) within [`TIE_TOLERANCE`] of each other are equal; equal ones are
/// ordered by larger weight, then smaller rank, then smaller index.
pub fn apportion(claims: &[Claim], total: u32, method: Method) -> Result<Apportionment, ApportionError> {
    let problem = Problem::new(claims, total)?;
    if let Some(seats) = problem.forced() {
        return Ok(Apportionment { seats, ties: Vec::new() });
    }
    let level = problem.water_fill();
    Ok(match method.divisor_rule() {
        Some(rule) => divisor_method(&problem, rule, level.lambda),
        None => hamilton(&problem, &problem.quotas(&level)),
    })
}

/// Divisor sequences, as the threshold `D(s)` for getting seat `s + 1` while holding `s`.
#[derive(Debug, Clone, Copy)]
enum Divisor {
    SainteLague,
    ModifiedSainteLague,
    DHondt,
    HuntingtonHill,
}

impl Divisor {
    fn threshold(self, seats: u64) -> f64 {
        let s = seats as f64;
        match self {
            Divisor::SainteLague => s + 0.5,
            Divisor::ModifiedSainteLague if seats == 0 => 0.7,
            Divisor::ModifiedSainteLague => s + 0.5,
            Divisor::DHondt => s + 1.0,
            Divisor::HuntingtonHill => (s * (s + 1.0)).sqrt(),
        }
    }

    /// Priority of the next seat for an item holding `seats`; infinite for Huntington-Hill's first.
    fn priority(self, weight: f64, seats: u64) -> f64 {
        if weight > 0.0 { weight / self.threshold(seats) } else { 0.0 }
    }

    /// Approximate number of thresholds below `quotient`; callers correct it by a step or two.
    fn estimate(self, quotient: f64) -> u64 {
        match self {
            Divisor::SainteLague => ceil_to_u64(quotient - 0.5),
            Divisor::ModifiedSainteLague if quotient <= 0.7 => 0,
            Divisor::ModifiedSainteLague | Divisor::HuntingtonHill => ceil_to_u64(quotient - 0.5).max(1),
            Divisor::DHondt => ceil_to_u64(quotient - 1.0),
        }
    }
}

/// `ceil(x)` for the estimate, 0 for negative or NaN, saturating; cheaper than `f64::ceil`,
/// which is a library call on baseline x86-64.
fn ceil_to_u64(x: f64) -> u64 {
    if x.is_nan() || x <= 0.0 {
        return 0;
    }
    let t = x as u64;
    if (t as f64) < x { t.saturating_add(1) } else { t }
}

/// Validated input with weights rescaled for safe arithmetic.
struct Problem<'a> {
    claims: &'a [Claim],
    /// Weights times a power of two (ratios exact), the largest in [0.5, 4); negligible ones 0.
    weights: Vec<f64>,
    total: u64,
    sum_lower: u64,
    /// Total when every item with weight is at its upper bound and every other at its lower.
    capacity: u64,
}

impl<'a> Problem<'a> {
    fn new(claims: &'a [Claim], total: u32) -> Result<Problem<'a>, ApportionError> {
        let mut sum_lower = 0u64;
        let mut sum_upper = 0u64;
        for (index, c) in claims.iter().enumerate() {
            if !(c.weight.is_finite() && c.weight >= 0.0) {
                return Err(ApportionError::InvalidWeight { index, value: c.weight });
            }
            if c.lower > c.upper {
                return Err(ApportionError::LowerAboveUpper { index });
            }
            sum_lower += u64::from(c.lower);
            sum_upper += u64::from(c.upper);
        }
        if sum_lower > u64::from(total) {
            return Err(ApportionError::BoundsTooHigh { sum_lower, total });
        }
        if sum_upper < u64::from(total) {
            return Err(ApportionError::BoundsTooLow { sum_upper, total });
        }
        let weights = scaled_weights(claims);
        let capacity =
            claims.iter().zip(&weights).map(|(c, &w)| u64::from(if w > 0.0 { c.upper } else { c.lower })).sum();
        if capacity < u64::from(total) {
            return Err(ApportionError::NoWeight { total });
        }
        Ok(Problem { claims, weights, total: u64::from(total), sum_lower, capacity })
    }

    fn len(&self) -> usize {
        self.claims.len()
    }

    fn lower(&self, i: usize) -> u32 {
        self.claims[i].lower
    }

    fn upper(&self, i: usize) -> u32 {
        self.claims[i].upper
    }

    /// Whether the item can end anywhere but its lower bound.
    fn movable(&self, i: usize) -> bool {
        self.weights[i] > 0.0 && self.lower(i) < self.upper(i)
    }

    /// The seats when the bounds leave no choice.
    fn forced(&self) -> Option<Vec<u32>> {
        if self.total == self.sum_lower {
            Some(self.claims.iter().map(|c| c.lower).collect())
        } else if self.total == self.capacity {
            Some((0..self.len()).map(|i| if self.weights[i] > 0.0 { self.upper(i) } else { self.lower(i) }).collect())
        } else {
            None
        }
    }

    /// Order among items whose priorities tie: larger weight, then smaller rank, then index.
    fn tie_order(&self, a: usize, b: usize) -> Ordering {
        let (ca, cb) = (&self.claims[a], &self.claims[b]);
        cb.weight.total_cmp(&ca.weight).then(ca.rank.cmp(&cb.rank)).then(a.cmp(&b))
    }

    /// Sum of `clamp(lambda * w, lower, upper)` over all items.
    fn filled(&self, lambda: f64) -> f64 {
        accurate_sum((0..self.len()).map(|i| {
            let (l, u) = (f64::from(self.lower(i)), f64::from(self.upper(i)));
            if self.movable(i) { (lambda * self.weights[i]).clamp(l, u) } else { l }
        }))
    }

    /// Bounded quotas `clamp(lambda * w, lower, upper)` summing to the total.
    ///
    /// The sum is piecewise linear in `lambda`. Newton steps on the current linear piece, kept
    /// inside a bracket, usually land on the right piece within a few passes; the exact
    /// breakpoint search is the fallback. Clamped items get their bound exactly.
    fn water_fill(&self) -> WaterLevel {
        self.water_fill_newton().unwrap_or_else(|| self.water_fill_breakpoints())
    }

    /// Classifies every item at `lambda`; returns the sum of the clamped items and the weight of
    /// the free ones, so the total at `lambda` (on this piece) is `fixed + lambda * slope`.
    fn classify(&self, lambda: f64, states: &mut [State]) -> (u64, f64) {
        let mut fixed = 0u64;
        let mut slope = Sum::default();
        for (i, state) in states.iter_mut().enumerate() {
            let (l, u) = (self.lower(i), self.upper(i));
            *state = if !self.movable(i) {
                State::Lower
            } else {
                let x = lambda * self.weights[i];
                if x <= f64::from(l) {
                    State::Lower
                } else if x >= f64::from(u) {
                    State::Upper
                } else {
                    State::Free
                }
            };
            match state {
                State::Lower => fixed += u64::from(l),
                State::Upper => fixed += u64::from(u),
                State::Free => slope.add(self.weights[i]),
            }
        }
        (fixed, slope.value())
    }

    fn water_fill_newton(&self) -> Option<WaterLevel> {
        let n = self.len();
        let target = self.total as f64;
        let all_weight = accurate_sum((0..n).filter(|&i| self.movable(i)).map(|i| self.weights[i]));
        let mut lambda = target / all_weight;
        let (mut lo, mut hi) = (0.0f64, f64::INFINITY);
        let mut states = vec![State::Lower; n];
        let mut trial = vec![State::Lower; n];
        let (mut fixed, mut slope) = self.classify(lambda, &mut states);
        for _ in 0..40 {
            if !(lambda.is_finite() && lambda > 0.0) {
                return None;
            }
            if fixed as f64 + lambda * slope < target {
                lo = lo.max(lambda);
            } else {
                hi = hi.min(lambda);
            }
            let newton = (target - fixed as f64) / slope;
            let from_newton = slope > 0.0 && newton.is_finite() && newton > lo && newton <= hi;
            let next = if from_newton {
                newton
            } else if hi.is_finite() {
                0.5 * (lo + hi)
            } else {
                2.0 * lambda
            };
            if from_newton && next == lambda {
                // The step stays where it is: no item can change state.
                return Some(WaterLevel { lambda, states });
            }
            let (next_fixed, next_slope) = self.classify(next, &mut trial);
            if from_newton && trial == states {
                // The step stayed on the piece it was computed from: exact solution.
                return Some(WaterLevel { lambda: next, states });
            }
            std::mem::swap(&mut states, &mut trial);
            (lambda, fixed, slope) = (next, next_fixed, next_slope);
        }
        None
    }

    /// Exact but slower: binary search over the sorted breakpoints `lower / w` and `upper / w`
    /// for the piece that reaches the total, then solve it.
    fn water_fill_breakpoints(&self) -> WaterLevel {
        let n = self.len();
        let mut breakpoints = Vec::with_capacity(2 * n + 1);
        breakpoints.push(0.0);
        for i in (0..n).filter(|&i| self.movable(i)) {
            let w = self.weights[i];
            breakpoints.push(f64::from(self.lower(i)) / w);
            breakpoints.push(f64::from(self.upper(i)) / w);
        }
        breakpoints.sort_unstable_by(f64::total_cmp);
        breakpoints.dedup();

        let target = self.total as f64;
        let last = breakpoints.len() - 1;
        // filled(0) is the sum of the lowers, below the total (the forced cases are gone).
        if last == 0 || self.filled(breakpoints[last]) < target {
            // Unreachable but for rounding: every item with weight at its upper bound.
            let states: Vec<State> =
                (0..n).map(|i| if self.movable(i) { State::Upper } else { State::Lower }).collect();
            return self.level(breakpoints[last], &states);
        }
        let (mut below, mut above) = (0, last);
        while above - below > 1 {
            let mid = below + (above - below) / 2;
            if self.filled(breakpoints[mid]) >= target {
                above = mid;
            } else {
                below = mid;
            }
        }
        let (lo, hi) = (breakpoints[below], breakpoints[above]);

        // On (lo, hi) no item changes state.
        let mut fixed = 0u64;
        let mut free_weights = Vec::new();
        let states: Vec<State> = (0..n)
            .map(|i| {
                let (l, u) = (self.lower(i), self.upper(i));
                let w = self.weights[i];
                if !self.movable(i) || f64::from(l) / w >= hi {
                    fixed += u64::from(l);
                    State::Lower
                } else if f64::from(u) / w <= lo {
                    fixed += u64::from(u);
                    State::Upper
                } else {
                    free_weights.push(w);
                    State::Free
                }
            })
            .collect();
        let slope = accurate_sum(free_weights.into_iter());
        let mut lambda = (target - fixed as f64) / slope;
        if !(lambda.is_finite() && lambda > 0.0) {
            lambda = hi;
        }
        self.level(lambda.clamp(lo, hi), &states)
    }

    /// Keeps `lambda` positive so its inverse, the divisor estimate, stays finite.
    fn level(&self, lambda: f64, states: &[State]) -> WaterLevel {
        WaterLevel { lambda: lambda.max(f64::MIN_POSITIVE), states: states.to_vec() }
    }

    /// The bounded quota of each item at a water level.
    fn quotas(&self, level: &WaterLevel) -> Vec<f64> {
        level
            .states
            .iter()
            .enumerate()
            .map(|(i, state)| {
                let (l, u) = (f64::from(self.lower(i)), f64::from(self.upper(i)));
                match state {
                    State::Lower => l,
                    State::Upper => u,
                    State::Free => (level.lambda * self.weights[i]).clamp(l, u),
                }
            })
            .collect()
    }
}

/// Where an item stands on a piece of the water-filling function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At its lower bound (also every item that cannot move).
    Lower,
    /// Strictly between its bounds: quota proportional to weight.
    Free,
    /// At its upper bound.
    Upper,
}

/// Solution of the bounded-quota equation.
struct WaterLevel {
    /// Quota per unit of (scaled) weight; its inverse is a good divisor estimate.
    lambda: f64,
    /// Each item's state on the piece of the solution; the quotas follow from them.
    states: Vec<State>,
}

/// Weights multiplied by a power of two so the largest is near 1, which keeps sums, quotients and
/// priorities finite without changing any ratio. Negligible weights become 0.
fn scaled_weights(claims: &[Claim]) -> Vec<f64> {
    let max = claims.iter().map(|c| c.weight).fold(0.0, f64::max);
    if max <= 0.0 {
        return vec![0.0; claims.len()];
    }
    // Two factors so neither overflows, even for subnormal or huge weights.
    let exponent = (max.log2().floor() as i32).clamp(-1100, 1100);
    let first = -exponent / 2;
    let (a, b) = (2f64.powi(first), 2f64.powi(-exponent - first));
    let floor = NEGLIGIBLE_WEIGHT * (max * a * b);
    claims
        .iter()
        .map(|c| {
            let w = c.weight * a * b;
            if w < floor { 0.0 } else { w }
        })
        .collect()
}

/// Compensated (Neumaier) sum: the water level must not drift with 100 000 terms.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    sum: f64,
    carry: f64,
}

impl Sum {
    fn add(&mut self, v: f64) {
        let t = self.sum + v;
        self.carry += if self.sum.abs() >= v.abs() { (self.sum - t) + v } else { (v - t) + self.sum };
        self.sum = t;
    }

    fn value(self) -> f64 {
        self.sum + self.carry
    }
}

fn accurate_sum(values: impl Iterator<Item = f64>) -> f64 {
    let mut sum = Sum::default();
    values.for_each(|v| sum.add(v));
    sum.value()
}

/// Whether two positive priorities are equal within [`TIE_TOLERANCE`]; infinities only equal
/// themselves.
fn priorities_tie(a: f64, b: f64) -> bool {
    a == b || (a.is_finite() && b.is_finite() && (a - b).abs() <= TIE_TOLERANCE * a.max(b))
}

/// Heap key: exact priority, then index so the order is total and deterministic.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    priority: f64,
    index: usize,
}

impl Eq for Key {}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.priority.total_cmp(&other.priority).then(other.index.cmp(&self.index))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Bounded divisor method.
///
/// A state is consistent with a threshold `t` when every item below its upper bound has next
/// priority `<= t` and every item above its lower bound has last priority `> t`. Giving a unit to
/// the highest next priority keeps a state consistent (with `t` = that priority), and so does
/// taking one from the lowest last priority; a consistent state with the right sum holds the top
/// units of the one-by-one procedure. So: build a consistent state from the water level, move
/// the divisor to narrow the gap, finish with a heap, and re-decide the margin by the tie rule.
fn divisor_method(p: &Problem, rule: Divisor, lambda: f64) -> Apportionment {
    let n = p.len();
    let (mut seats, mut gap) = state_and_gap(p, rule, lambda);
    // A pass costs about as much as a few thousand heap steps, so large gaps (D'Hondt's estimate
    // is biased by half a unit per item; first divisors distort sparse results) are first
    // narrowed by moving the divisor: a Newton step, then regula falsi once the gap has changed
    // sign. Any state from these passes is consistent, so the heap can finish from the best one.
    let mut lambda = lambda;
    let (mut short, mut over) = (None::<(f64, i128)>, None::<(f64, i128)>);
    for _ in 0..5 {
        if gap.unsigned_abs() <= 64 + n as u128 / 16 {
            break;
        }
        if gap > 0 {
            short = Some((lambda, gap));
        } else {
            over = Some((lambda, gap));
        }
        let next = match (short, over) {
            (Some((l0, g0)), Some((l1, g1))) => l0 + (l1 - l0) * (g0 as f64 / (g0 - g1) as f64),
            _ => {
                // Each item that can move gains or loses about `weight * dlambda` units.
                let movable_weight = accurate_sum(
                    (0..n)
                        .filter(|&i| {
                            p.movable(i) && if gap > 0 { seats[i] < p.upper(i) } else { seats[i] > p.lower(i) }
                        })
                        .map(|i| p.weights[i]),
                );
                lambda + gap as f64 / movable_weight
            }
        };
        if !(next.is_finite() && next > 0.0) || next == lambda {
            break;
        }
        let (next_seats, next_gap) = state_and_gap(p, rule, next);
        if next_gap.abs() < gap.abs() {
            (seats, gap, lambda) = (next_seats, next_gap, next);
        } else if next_gap > 0 {
            short = Some((next, next_gap));
        } else {
            over = Some((next, next_gap));
        }
    }

    let next_key = |i: usize, s: u32| Key { priority: rule.priority(p.weights[i], u64::from(s)), index: i };
    // The margin is the lowest priority that got a unit. When units were added it is the last
    // one added (each is at most every earlier last priority); when units were taken it is the
    // lowest last priority left, the top of the heap.
    let mut cutoff = None;
    match gap.cmp(&0) {
        Ordering::Greater => {
            let mut heap = BinaryHeap::from(collect_within(
                n,
                (0..n).filter(|&i| p.movable(i) && seats[i] < p.upper(i)).map(|i| next_key(i, seats[i])),
            ));
            for _ in 0..gap {
                let Some(Key { index: i, priority }) = heap.pop() else {
                    break;
                };
                cutoff = Some(priority);
                seats[i] += 1;
                if seats[i] < p.upper(i) {
                    heap.push(next_key(i, seats[i]));
                }
            }
        }
        Ordering::Less => {
            let mut heap = BinaryHeap::from(collect_within(
                n,
                (0..n).filter(|&i| p.movable(i) && seats[i] > p.lower(i)).map(|i| Reverse(next_key(i, seats[i] - 1))),
            ));
            for _ in 0..gap.unsigned_abs() {
                let Some(Reverse(Key { index: i, .. })) = heap.pop() else {
                    break;
                };
                seats[i] -= 1;
                if seats[i] > p.lower(i) {
                    heap.push(Reverse(next_key(i, seats[i] - 1)));
                }
            }
            cutoff = heap.peek().map(|Reverse(key)| key.priority);
        }
        Ordering::Equal => {}
    }

    let last = |i: usize| rule.priority(p.weights[i], u64::from(seats[i]) - 1);
    if cutoff.is_none() {
        cutoff = (0..n).filter(|&i| p.movable(i) && seats[i] > p.lower(i)).map(last).min_by(f64::total_cmp);
    }
    let mut ties = Vec::new();
    if let Some(cutoff) = cutoff {
        // Priorities of consecutive seats of one item differ by far more than the tolerance, so
        // an item is tied through its last seat or its next one, never both.
        let mut contenders = Vec::new();
        let mut holding = Vec::new();
        for i in (0..n).filter(|&i| p.movable(i)) {
            if seats[i] > p.lower(i) && priorities_tie(last(i), cutoff) {
                contenders.push(i);
                holding.push(i);
            } else if seats[i] < p.upper(i) && priorities_tie(rule.priority(p.weights[i], u64::from(seats[i])), cutoff)
            {
                contenders.push(i);
            }
        }
        let (winners, tie) = split_margin(p, contenders, holding.len());
        for &i in &holding {
            seats[i] -= 1;
        }
        for &i in &winners {
            seats[i] += 1;
        }
        ties.extend(tie);
    }
    Apportionment { seats, ties }
}

/// A consistent state for `lambda` and how many units it lacks (negative: has too many).
fn state_and_gap(p: &Problem, rule: Divisor, lambda: f64) -> (Vec<u32>, i128) {
    let seats = consistent_state(p, rule, lambda);
    let sum: u64 = seats.iter().map(|&s| u64::from(s)).sum();
    let gap = i128::from(p.total) - i128::from(sum);
    (seats, gap)
}

/// Seats consistent with threshold `1 / lambda`, each within its bounds.
fn consistent_state(p: &Problem, rule: Divisor, lambda: f64) -> Vec<u32> {
    let threshold = 1.0 / lambda;
    (0..p.len())
        .map(|i| {
            let (l, u) = (u64::from(p.lower(i)), u64::from(p.upper(i)));
            if !p.movable(i) {
                return p.lower(i);
            }
            let w = p.weights[i];
            let mut s = rule.estimate(lambda * w).clamp(l, u);
            while s < u && rule.priority(w, s) > threshold {
                s += 1;
            }
            while s > l && rule.priority(w, s - 1) <= threshold {
                s -= 1;
            }
            // Within `lower..=upper`, so it fits.
            s as u32
        })
        .collect()
}

/// Decides a margin where `contenders` compete for `units` units: the winners by the tie rule,
/// and the tie if the rule decided something (more contenders than units).
fn split_margin(p: &Problem, mut contenders: Vec<usize>, units: usize) -> (Vec<usize>, Option<Tie>) {
    contenders.sort_by(|&a, &b| p.tie_order(a, b));
    let winners = contenders[..units.min(contenders.len())].to_vec();
    if contenders.len() <= units {
        return (winners, None);
    }
    let mut sorted_winners = winners.clone();
    sorted_winners.sort_unstable();
    contenders.sort_unstable();
    let tie = Tie { contenders, winners: sorted_winners, units: units as u32 };
    (winners, Some(tie))
}

/// Hamilton on bounded quotas: floors, then the rest by largest remainder.
fn hamilton(p: &Problem, quotas: &[f64]) -> Apportionment {
    let n = p.len();
    let mut seats: Vec<u64> = (0..n)
        .map(|i| {
            let (l, u) = (u64::from(p.lower(i)), u64::from(p.upper(i)));
            // `as` truncates (floor for quotas, which are not negative) and saturates.
            (quotas[i] as u64).clamp(l, u)
        })
        .collect();
    let given: u64 = seats.iter().sum();
    let mut eligible = collect_within(n, (0..n).filter(|&i| p.movable(i) && seats[i] < u64::from(p.upper(i))));
    // Rounding could in theory push the floors past the total or leave more units than
    // candidates; repair one unit at a time then (a handful at most).
    if given > p.total || (p.total - given) as usize > eligible.len() {
        repair(p, quotas, &mut seats);
        return Apportionment { seats: seats.into_iter().map(|s| s as u32).collect(), ties: Vec::new() };
    }
    let units = (p.total - given) as usize;
    let mut ties = Vec::new();
    if units > 0 {
        let remainder = |i: usize| quotas[i] - seats[i] as f64;
        // Only the split at the margin matters, not the full order.
        eligible.select_nth_unstable_by(units - 1, |&a, &b| {
            remainder(b).total_cmp(&remainder(a)).then_with(|| p.tie_order(a, b))
        });
        let margin = eligible[units - 1];
        let (cutoff, cutoff_quota) = (remainder(margin), quotas[margin]);
        let mut contenders = Vec::new();
        let mut holding = 0;
        let mut clear = Vec::new();
        for (position, &i) in eligible.iter().enumerate() {
            let scale = TIE_TOLERANCE * quotas[i].max(cutoff_quota);
            if (remainder(i) - cutoff).abs() <= scale {
                contenders.push(i);
                holding += usize::from(position < units);
            } else if position < units {
                clear.push(i);
            }
        }
        for i in clear {
            seats[i] += 1;
        }
        let (winners, tie) = split_margin(p, contenders, holding);
        for i in winners {
            seats[i] += 1;
        }
        ties.extend(tie);
    }
    Apportionment { seats: seats.into_iter().map(|s| s as u32).collect(), ties }
}

/// Brings the sum to the total by moving units where quota and seats differ most.
fn repair(p: &Problem, quotas: &[f64], seats: &mut [u64]) {
    let mut sum: u64 = seats.iter().sum();
    let shortfall = |i: usize, s: &[u64]| quotas[i] - s[i] as f64;
    while sum != p.total {
        let pick = if sum < p.total {
            (0..p.len())
                .filter(|&i| p.movable(i) && seats[i] < u64::from(p.upper(i)))
                .max_by(|&a, &b| shortfall(a, seats).total_cmp(&shortfall(b, seats)).then_with(|| p.tie_order(b, a)))
        } else {
            (0..p.len())
                .filter(|&i| p.movable(i) && seats[i] > u64::from(p.lower(i)))
                .min_by(|&a, &b| shortfall(a, seats).total_cmp(&shortfall(b, seats)).then_with(|| p.tie_order(b, a)))
        };
        let Some(i) = pick else { break };
        if sum < p.total {
            seats[i] += 1;
            sum += 1;
        } else {
            seats[i] -= 1;
            sum -= 1;
        }
    }
}
