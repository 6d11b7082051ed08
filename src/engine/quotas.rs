//! From keys to quotas: caps with redistribution (water-filling) and the minimum-request drop.

use super::error::AllocError;

/// The open municipalities of one allocation (local indices).
pub(crate) struct OpenSet<'a> {
    pub keys: &'a [f64],
    /// `f64::INFINITY` where there is no cap.
    pub caps: &'a [f64],
    /// Never dropped by the minimum-request rule.
    pub include: &'a [bool],
    /// Deterministic order for equal keys: lower rank is kept longer.
    pub rank: &'a [u32],
}

/// Local indices sorted by cap/key ratio, the order in which caps bind as the water level rises.
pub(crate) fn by_cap_ratio(set: &OpenSet) -> Vec<usize> {
    if set.caps.iter().all(|c| c.is_infinite()) {
        // Without caps nothing binds, and the order does not matter.
        return Vec::new();
    }
    let ratio = |i: usize| if set.keys[i] > 0.0 { set.caps[i] / set.keys[i] } else { f64::INFINITY };
    let mut order: Vec<usize> = (0..set.keys.len()).collect();
    order.sort_unstable_by(|&a, &b| ratio(a).total_cmp(&ratio(b)).then(set.rank[a].cmp(&set.rank[b])));
    order
}

/// The water level λ with sum(min(cap_i, λ K_i)) = total over the active items, or `None` when the caps
/// cannot hold the total.
fn water_level(set: &OpenSet, active: &[bool], ratio_order: &[usize], total: f64) -> Option<f64> {
    let key_sum: f64 = (0..set.keys.len()).filter(|&i| active[i]).map(|i| set.keys[i]).sum();
    water_level_with(set, key_sum, |i| active[i], ratio_order, total)
}

/// [`water_level`] for any notion of active items, whose keys sum to `key_sum` (the sensitivity sweeps keep
/// running sums instead of a pass over all items).
pub(crate) fn water_level_with(
    set: &OpenSet,
    key_sum: f64,
    active: impl Fn(usize) -> bool,
    ratio_order: &[usize],
    total: f64,
) -> Option<f64> {
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

fn quota(set: &OpenSet, i: usize, level: f64) -> f64 {
    if set.keys[i] > 0.0 { set.caps[i].min(level * set.keys[i]) } else { 0.0 }
}

/// What the open set can hold: the caps of items with a positive key (infinite if any is uncapped).
fn capacity(set: &OpenSet, active: &[bool]) -> f64 {
    (0..set.keys.len()).filter(|&i| active[i] && set.keys[i] > 0.0).map(|i| set.caps[i]).sum()
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
    let total_f = f64::from(total);
    let ratio_order = by_cap_ratio(set);
    let all = vec![true; n];
    if capacity(set, &all) < total_f {
        let capacity = capacity(set, &all);
        return Err(if capacity == 0.0 && set.keys.iter().all(|k| *k <= 0.0) {
            AllocError::NoKey { needed: total }
        } else {
            AllocError::CapsTooTight { capacity: capacity as u64, needed: total }
        });
    }
    // The smallest quota is always the smallest key among those that may be dropped (caps are at least
    // the minimum request), so the drop order is fixed in advance and only its length must be found.
    let mut candidates: Vec<usize> = (0..n).filter(|&i| !set.include[i]).collect();
    // Ranks are unique, so the order is total and an unstable sort is deterministic.
    candidates.sort_unstable_by(|&a, &b| set.keys[a].total_cmp(&set.keys[b]).then(set.rank[b].cmp(&set.rank[a])));
    let m = f64::from(min_request);
    let active_after = |j: usize| {
        let mut active = all.clone();
        for &c in &candidates[..j] {
            active[c] = false;
        }
        active
    };
    // Whether, with the first j candidates dropped, the next one must go too. True up to some j, then false.
    let must_drop_next = |j: usize| -> bool {
        if j >= candidates.len() {
            return false;
        }
        let mut active = active_after(j);
        let Some(level) = water_level(set, &active, &ratio_order, total_f) else { return false };
        let next = candidates[j];
        if quota(set, next, level) >= m {
            return false;
        }
        active[next] = false;
        capacity(set, &active) >= total_f
    };
    let (mut lo, mut hi) = (0, candidates.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if must_drop_next(mid) { lo = mid + 1 } else { hi = mid }
    }
    let active = active_after(lo);
    let level = water_level(set, &active, &ratio_order, total_f).unwrap_or(0.0);
    let quotas = (0..n).map(|i| if active[i] { quota(set, i, level) } else { 0.0 }).collect();
    Ok(Quotas { quotas, dropped: candidates[..lo].to_vec() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(keys: &[f64], caps: &[f64], total: u32, m: u32) -> Quotas {
        let include = vec![false; keys.len()];
        let rank: Vec<u32> = (0..keys.len() as u32).collect();
        quotas(&OpenSet { keys, caps, include: &include, rank: &rank }, total, m).unwrap()
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
    fn caps_too_tight_is_refused() {
        let include = [false, false];
        let err = quotas(&OpenSet { keys: &[0.5, 0.5], caps: &[10.0, 10.0], include: &include, rank: &[0, 1] }, 30, 0);
        assert!(matches!(err, Err(AllocError::CapsTooTight { capacity: 20, needed: 30 })));
    }
}
