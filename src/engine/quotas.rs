//! From keys to quotas: water-filling within each municipality's bounds (caps, and where a rule sets one, a
//! lower bound), and the minimum-request drop.

use super::error::AllocError;

/// The open municipalities of one allocation (local indices).
pub(crate) struct OpenSet<'a> {
    pub keys: &'a [f64],
    /// `f64::INFINITY` where there is no cap.
    pub caps: &'a [f64],
    /// Lower bounds of the shares; empty when no item has one (then the faster caps-only path runs).
    pub lower: &'a [f64],
    /// Never dropped by the minimum-request rule.
    pub include: &'a [bool],
    /// Deterministic order for equal keys: lower rank is kept longer.
    pub rank: &'a [u32],
}

/// Local indices sorted by cap/key ratio, the order in which caps bind as the water level rises.
fn by_cap_ratio(set: &OpenSet) -> Vec<usize> {
    if set.caps.iter().all(|c| c.is_infinite()) {
        // Without caps nothing binds, and the order does not matter.
        return Vec::new();
    }
    let ratio = |i: usize| if set.keys[i] > 0.0 { set.caps[i] / set.keys[i] } else { f64::INFINITY };
    sorted_by_packed_key((0..set.keys.len()).map(|i| (ratio(i), set.rank[i], i)))
}

/// The order in which the water level meets the items, found once per set: by cap/key ratio (caps only), or,
/// with lower bounds, every item's events (where it leaves its lower bound or reaches its cap) sorted, so the
/// many levels the drop probes need each take one sweep and no sort.
pub(crate) struct LevelOrder {
    ratio: Vec<usize>,
    /// (level, change of slope, item), sorted by level, rises first.
    events: Vec<(f64, f64, usize)>,
}

pub(crate) fn level_order(set: &OpenSet) -> LevelOrder {
    if set.lower.is_empty() {
        return LevelOrder { ratio: by_cap_ratio(set), events: Vec::new() };
    }
    let mut events = Vec::new();
    for i in 0..set.keys.len() {
        let (k, lo, hi) = (set.keys[i], set.lower[i], set.caps[i]);
        if k > 0.0 && hi > lo {
            events.push((lo / k, k, i));
            if hi.is_finite() {
                events.push((hi / k, -k, i));
            }
        }
    }
    events.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    LevelOrder { ratio: Vec::new(), events }
}

/// `f64::total_cmp` as an unsigned integer order.
fn total_order_bits(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 { !b } else { b | 1 << 63 }
}

/// The indices ordered by value (total order), then by the tie-break: sorting one packed integer per item is
/// several times faster than comparing through index lookups, and stays deterministic.
fn sorted_by_packed_key(items: impl Iterator<Item = (f64, u32, usize)>) -> Vec<usize> {
    let mut packed: Vec<u128> = items
        .map(|(value, tie, i)| {
            // Local indices fit in 32 bits: ranks (u32) are unique per item.
            u128::from(total_order_bits(value)) << 64 | u128::from(tie) << 32 | i as u32 as u128
        })
        .collect();
    packed.sort_unstable();
    packed.into_iter().map(|p| p as u32 as usize).collect()
}

/// The water level λ with sum(min(cap_i, λ K_i)) = total over the active items, or `None` when the caps
/// cannot hold the total. Any notion of active items will do, given their keys' sum `key_sum` (the drop probes
/// keep running sums instead of a pass over all items).
fn water_level_with(
    set: &OpenSet,
    key_sum: f64,
    active: impl Fn(usize) -> bool,
    order: &LevelOrder,
    total: f64,
) -> Option<f64> {
    if !set.lower.is_empty() {
        return bounded_level(set, &order.events, active, total);
    }
    let ratio_order = &order.ratio;
    if total <= 0.0 {
        return Some(0.0);
    }
    let mut key_sum = key_sum;
    if ratio_order.is_empty() {
        return (key_sum > 0.0).then(|| total / key_sum);
    }
    let mut capped = 0.0;
    for &i in ratio_order {
        if !active(i) || set.keys[i] <= 0.0 {
            continue;
        }
        let level = (total - capped) / key_sum;
        if set.caps[i] / set.keys[i] < level {
            capped += set.caps[i];
            key_sum -= set.keys[i];
            if key_sum <= 0.0 {
                break;
            }
        } else {
            return Some(level);
        }
    }
    (key_sum > 0.0).then(|| (total - capped) / key_sum)
}

/// The water level λ with Σ clamp(λ K_i, lower_i, cap_i) = total over the active items (the general case,
/// with lower bounds): a sweep over the levels where an item leaves its lower bound or reaches its cap.
/// `Some(0.0)` when the lower bounds alone reach the total; `None` when the caps cannot hold it.
fn bounded_level(
    set: &OpenSet,
    events: &[(f64, f64, usize)],
    active: impl Fn(usize) -> bool,
    total: f64,
) -> Option<f64> {
    let value: f64 = (0..set.keys.len()).filter(|&i| active(i)).map(|i| set.lower[i]).sum();
    if value >= total {
        return Some(0.0);
    }
    let mut value = value;
    let (mut level, mut slope) = (0.0, 0.0);
    for &(at, change, _) in events.iter().filter(|(_, _, i)| active(*i)) {
        let reached = value + slope * (at - level);
        if slope > 0.0 && reached >= total {
            return Some(level + (total - value) / slope);
        }
        value = reached;
        level = at;
        slope += change;
    }
    (slope > 0.0).then(|| level + (total - value) / slope)
}

fn quota(set: &OpenSet, i: usize, level: f64) -> f64 {
    let lower = set.lower.get(i).copied().unwrap_or(0.0);
    if set.keys[i] > 0.0 { set.caps[i].min(level * set.keys[i]).max(lower) } else { lower }
}

/// What a set of items can hold, kept as the sum of the finite caps of items with a positive key and the
/// number of such items without a cap. Caps are whole numbers, so the sums are exact in any order.
#[derive(Clone, Copy, Default)]
struct Capacity {
    capped: f64,
    uncapped: usize,
}

impl Capacity {
    fn add(self, set: &OpenSet, i: usize) -> Capacity {
        match set.caps[i] {
            _ if set.keys[i] <= 0.0 => self,
            cap if cap.is_finite() => Capacity { capped: self.capped + cap, ..self },
            _ => Capacity { uncapped: self.uncapped + 1, ..self },
        }
    }

    fn without(self, dropped: Capacity) -> f64 {
        if self.uncapped > dropped.uncapped { f64::INFINITY } else { self.capped - dropped.capped }
    }
}

pub struct Quotas {
    pub quotas: Vec<f64>,
    /// Local indices dropped by the minimum-request rule, in drop order.
    pub dropped: Vec<usize>,
}

/// Shares `total` by key under the caps, then drops, smallest quota first, every municipality whose quota is
/// below `min_request` (re-sharing each time), as long as the rest can still hold the total.
pub fn quotas(set: &OpenSet, total: u32, min_request: u32) -> Result<Quotas, AllocError> {
    let n = set.keys.len();
    let order = level_order(set);
    let dropped = drop_order(set, &order, total, min_request)?;
    let mut active = vec![true; n];
    for &d in &dropped {
        active[d] = false;
    }
    let key_sum: f64 = (0..n).filter(|&i| active[i]).map(|i| set.keys[i]).sum();
    let level = water_level_with(set, key_sum, |i| active[i], &order, f64::from(total)).unwrap_or(0.0);
    let quotas = (0..n).map(|i| if active[i] { quota(set, i, level) } else { 0.0 }).collect();
    Ok(Quotas { quotas, dropped })
}

/// The local indices the minimum-request rule drops, in drop order (see [`quotas`]); `order` is
/// [`level_order`] of the set.
pub(crate) fn drop_order(
    set: &OpenSet,
    order: &LevelOrder,
    total: u32,
    min_request: u32,
) -> Result<Vec<usize>, AllocError> {
    let n = set.keys.len();
    let total_f = f64::from(total);
    let capacity = (0..n).fold(Capacity::default(), |c, i| c.add(set, i));
    if capacity.without(Capacity::default()) < total_f {
        return Err(if capacity.capped == 0.0 && set.keys.iter().all(|k| *k <= 0.0) {
            AllocError::NoKey { needed: total }
        } else {
            AllocError::CapsTooTight { capacity: capacity.capped as u64, needed: total }
        });
    }
    // The smallest quota is always the smallest key among those that may be dropped (caps are at least
    // the minimum request), so the drop order is fixed in advance and only its length must be found.
    // Dropping only raises the water level, so a municipality whose quota reaches the minimum with nobody
    // dropped is never dropped: only the ones below it need an order.
    let m = f64::from(min_request);
    let key_sum: f64 = set.keys.iter().sum();
    let level_all = water_level_with(set, key_sum, |_| true, order, total_f).unwrap_or(0.0);
    // Larger ranks go first among equal keys, so the lower rank is kept longer.
    let mut candidates = sorted_by_packed_key(
        (0..n).filter(|&i| !set.include[i] && quota(set, i, level_all) < m).map(|i| (set.keys[i], !set.rank[i], i)),
    );
    // With the first j candidates dropped, item i is active when its position in the drop order is j or later.
    let mut position = vec![u32::MAX; n];
    // Running sums over the drop order, so that a probe needs no pass over all items.
    let mut dropped_keys = Vec::with_capacity(candidates.len() + 1);
    let mut dropped_capacity = Vec::with_capacity(candidates.len() + 1);
    let (mut keys, mut cap) = (0.0, Capacity::default());
    for (p, &c) in candidates.iter().enumerate() {
        // Below `n`, which the ranks (u32) bound.
        position[c] = p as u32;
        dropped_keys.push(keys);
        dropped_capacity.push(cap);
        keys += set.keys[c];
        cap = cap.add(set, c);
    }
    dropped_keys.push(keys);
    dropped_capacity.push(cap);
    // Whether, with the first j candidates dropped, the next one must go too. True up to some j, then false.
    let must_drop_next = |j: usize| -> bool {
        if j >= candidates.len() {
            return false;
        }
        let active = |i: usize| position[i] as usize >= j;
        let Some(level) = water_level_with(set, key_sum - dropped_keys[j], active, order, total_f) else {
            return false;
        };
        quota(set, candidates[j], level) < m && capacity.without(dropped_capacity[j + 1]) >= total_f
    };
    let (mut lo, mut hi) = (0, candidates.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if must_drop_next(mid) { lo = mid + 1 } else { hi = mid }
    }
    candidates.truncate(lo);
    Ok(candidates)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(keys: &[f64], caps: &[f64], total: u32, m: u32) -> Quotas {
        let include = vec![false; keys.len()];
        let rank: Vec<u32> = (0..keys.len() as u32).collect();
        quotas(&OpenSet { keys, caps, lower: &[], include: &include, rank: &rank }, total, m).unwrap()
    }

    /// The rule as written: drop the smallest quota one at a time, re-sharing after each drop.
    fn naive_drops(keys: &[f64], total: f64, m: f64) -> usize {
        let mut active: Vec<bool> = vec![true; keys.len()];
        let mut dropped = 0;
        loop {
            let sum: f64 = keys.iter().zip(&active).filter(|(_, a)| **a).map(|(k, _)| k).sum();
            let smallest =
                (0..keys.len()).filter(|&i| active[i]).min_by(|&a, &b| keys[a].total_cmp(&keys[b]).then(b.cmp(&a)));
            match smallest {
                Some(i) if total * keys[i] / sum < m && active.iter().filter(|a| **a).count() > 1 => {
                    active[i] = false;
                    dropped += 1;
                }
                _ => return dropped,
            }
        }
    }

    #[test]
    fn caps_redistribute_in_proportion() {
        let inf = f64::INFINITY;
        let q = run(&[0.5, 0.25, 0.25], &[20.0, inf, inf], 100, 0);
        assert_eq!(q.quotas, vec![20.0, 40.0, 40.0]);
    }

    #[test]
    fn drops_match_the_one_at_a_time_rule() {
        let keys = [0.30, 0.01, 0.02, 0.04, 0.08, 0.15, 0.40];
        let caps = [f64::INFINITY; 7];
        for total in [10, 50, 100, 300, 1000] {
            let q = run(&keys, &caps, total, 10);
            assert_eq!(q.dropped.len(), naive_drops(&keys, f64::from(total), 10.0), "total {total}");
            let sum: f64 = q.quotas.iter().sum();
            assert!((sum - f64::from(total)).abs() < 1e-9);
            for (i, quota) in q.quotas.iter().enumerate() {
                assert!(*quota == 0.0 || *quota >= 10.0 - 1e-9, "{i}: {quota}");
            }
        }
    }

    #[test]
    fn lower_bounds_hold_shares_up_and_the_rest_share_by_key() {
        let inf = f64::INFINITY;
        let include = [true, true, true];
        let set = OpenSet {
            keys: &[0.1, 0.3, 0.6],
            caps: &[inf, 40.0, inf],
            lower: &[25.0, 0.0, 0.0],
            include: &include,
            rank: &[0, 1, 2],
        };
        // λ·0.1 < 25, so the first item sits at 25; 75 left: λ = 75/0.9 gives 25 and 50, both within bounds.
        let q = quotas(&set, 100, 10).unwrap();
        assert_eq!(q.quotas.iter().map(|x| (x * 1e9).round() / 1e9).collect::<Vec<_>>(), vec![25.0, 25.0, 50.0]);
        // With 200 the cap binds: 25 + 40 + 135 (λ = 225, and 0.1·225 = 22.5 is still below the floor).
        let q = quotas(&set, 200, 10).unwrap();
        let sum: f64 = q.quotas.iter().sum();
        assert!((sum - 200.0).abs() < 1e-9 && q.quotas[1] == 40.0 && q.quotas[0] >= 25.0, "{:?}", q.quotas);
        // Lower bounds above the total: everyone at the bound.
        assert_eq!(bounded_level(&set, &level_order(&set).events, |_| true, 20.0), Some(0.0));
    }

    #[test]
    fn caps_too_tight_is_refused() {
        let include = [false, false];
        let err = quotas(
            &OpenSet { keys: &[0.5, 0.5], caps: &[10.0, 10.0], lower: &[], include: &include, rank: &[0, 1] },
            30,
            0,
        );
        assert!(matches!(err, Err(AllocError::CapsTooTight { capacity: 20, needed: 30 })));
    }
}
