//! Unaccompanied minors: the same key, among asked municipalities whose request reaches the threshold.

use super::apportion::{Claim, Method, apportion};
use super::collect::collect_within;
use super::error::AllocError;

pub struct Minors {
    pub minors: Vec<u32>,
    pub ties: Vec<super::apportion::Tie>,
}

/// `allocations` and `keys` per dataset row; a municipality's minors never exceed its request.
pub fn minors(
    allocations: &[u32],
    keys: &[f64],
    rank: &[u32],
    total: u32,
    threshold: u32,
    method: Method,
) -> Result<Minors, AllocError> {
    let mut out = vec![0; allocations.len()];
    if total == 0 {
        return Ok(Minors { minors: out, ties: Vec::new() });
    }
    let rows = minors_room(allocations, keys, total, threshold)?;
    let claims: Vec<Claim> =
        rows.iter().map(|&i| Claim { weight: keys[i], lower: 0, upper: allocations[i], rank: rank[i] }).collect();
    let result = apportion(&claims, total, method)?;
    for (&row, seats) in rows.iter().zip(&result.seats) {
        out[row] = *seats;
    }
    let ties = result
        .ties
        .into_iter()
        .map(|mut t| {
            t.contenders.iter_mut().chain(t.winners.iter_mut()).for_each(|i| *i = rows[*i]);
            t
        })
        .collect();
    Ok(Minors { minors: out, ties })
}

/// The rows that may receive minors (asked for at least `threshold`, with a positive key), refused when their
/// requests cannot hold `total` minors.
pub fn minors_room(allocations: &[u32], keys: &[f64], total: u32, threshold: u32) -> Result<Vec<usize>, AllocError> {
    if total == 0 {
        return Ok(Vec::new());
    }
    let rows = collect_within(
        allocations.len(),
        (0..allocations.len()).filter(|&i| allocations[i] > 0 && allocations[i] >= threshold && keys[i] > 0.0),
    );
    let room: u64 = rows.iter().map(|&i| u64::from(allocations[i])).sum();
    if room < u64::from(total) {
        return Err(AllocError::MinorsInfeasible { minors: total, threshold, room });
    }
    Ok(rows)
}
