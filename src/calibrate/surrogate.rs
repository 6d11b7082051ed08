//! The smooth stand-in for the pipeline: continuous quotas T'·K_i / ΣK against the reference, as least
//! squares over the weight simplex. Exact and fast, so it can be solved for many size exponents.
//!
//! With key parts p_ik normalised over the eligible rows and a row set S, the quotas are
//! q_i = T' Σ_k w_k p_ik / Σ_k w_k s_k with s_k = Σ_{i∈S} p_ik; writing u_k = w_k s_k / Σ_j w_j s_j makes them
//! linear, q_i = T' Σ_k u_k p_ik / s_k, with u on the simplex.

/// Rows the least squares runs over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rows {
    /// Every open municipality with a known reference value: small keys are pulled toward zero.
    Open,
    /// Only those the reference asked, as if the minimum-request rule dropped exactly the others and
    /// shared their part among these.
    Asked,
}

/// The weights (summing to 1) that minimise the surrogate; `None` when the rows hold no reference or no key.
/// `parts[k][i]`: criterion k's key part in eligible row i; `open` and `reference` per eligible row.
pub(super) fn solve(
    parts: &[Vec<f64>],
    open: &[bool],
    reference: &[Option<f64>],
    target: f64,
    rows: Rows,
) -> Option<Vec<f64>> {
    let set: Vec<(usize, f64)> = (0..open.len())
        .filter(|&i| open[i])
        .filter_map(|i| reference[i].map(|v| (i, v)))
        .filter(|(_, v)| rows == Rows::Open || *v > 0.0)
        .collect();
    let ref_sum: f64 = set.iter().map(|(_, v)| v).sum();
    if ref_sum <= 0.0 {
        return None;
    }
    let m = parts.len();
    let set_sum: Vec<f64> = parts.iter().map(|p| set.iter().map(|&(i, _)| p[i]).sum()).collect();
    let usable: Vec<bool> = set_sum.iter().map(|s| *s > 0.0).collect();
    if !usable.iter().any(|u| *u) {
        return None;
    }
    let scale = target / ref_sum;
    let columns: Vec<Vec<f64>> = (0..m)
        .map(|k| set.iter().map(|&(i, _)| if usable[k] { target * parts[k][i] / set_sum[k] } else { 0.0 }).collect())
        .collect();
    let r: Vec<f64> = set.iter().map(|(_, v)| v * scale).collect();
    let u = simplex_least_squares(&columns, &r, &usable);
    let mut w: Vec<f64> = (0..m).map(|k| if usable[k] { u[k] / set_sum[k] } else { 0.0 }).collect();
    let sum: f64 = w.iter().sum();
    if !(sum > 0.0 && sum.is_finite()) {
        return None;
    }
    w.iter_mut().for_each(|x| *x /= sum);
    Some(w)
}

/// |B u − r|², with B given by columns.
fn residual(columns: &[Vec<f64>], r: &[f64], u: &[f64]) -> f64 {
    r.iter()
        .enumerate()
        .map(|(i, ri)| {
            let fitted: f64 = columns.iter().zip(u).map(|(c, w)| c[i] * w).sum();
            (fitted - ri).powi(2)
        })
        .sum()
}

/// Minimises |B u − r|² over the probability simplex (only `usable` coordinates may be positive). The problem
/// is convex and its optimum solves the equality-constrained problem on its support, so every support is
/// solved and the best one with no negative entry kept: exact, and quick for the handful of criteria a
/// scenario has.
pub(super) fn simplex_least_squares(columns: &[Vec<f64>], r: &[f64], usable: &[bool]) -> Vec<f64> {
    let m = columns.len();
    let mut best: Option<(f64, Vec<f64>)> = None;
    for mask in 1u32..(1u32 << m) {
        let support: Vec<usize> = (0..m).filter(|&k| mask & (1 << k) != 0).collect();
        if support.iter().any(|&k| !usable[k]) {
            continue;
        }
        let Some(u_s) = solve_on_support(columns, r, &support) else {
            continue;
        };
        if u_s.iter().any(|x| *x < -1e-12) {
            continue;
        }
        let mut u = vec![0.0; m];
        for (&k, x) in support.iter().zip(&u_s) {
            u[k] = x.max(0.0);
        }
        let v = residual(columns, r, &u);
        if best.as_ref().is_none_or(|(b, _)| v < *b) {
            best = Some((v, u));
        }
    }
    best.map(|(_, u)| u).unwrap_or_else(|| usable.iter().map(|&u| if u { 1.0 } else { 0.0 }).collect())
}

/// Least squares on the support with the weights summing to 1: the last weight is 1 minus the others, which
/// leaves an ordinary problem in the differences B_j − B_last, solved by modified Gram–Schmidt (no normal
/// equations: the criteria's keys are nearly collinear). `None` when the columns are dependent.
fn solve_on_support(columns: &[Vec<f64>], r: &[f64], support: &[usize]) -> Option<Vec<f64>> {
    let (&last, rest) = support.split_last()?;
    let base = &columns[last];
    let mut q: Vec<Vec<f64>> =
        rest.iter().map(|&k| columns[k].iter().zip(base).map(|(c, b)| c - b).collect()).collect();
    let mut y: Vec<f64> = r.iter().zip(base).map(|(r, b)| r - b).collect();
    let k = q.len();
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let scale = q.iter().map(|c| dot(c, c).sqrt()).fold(0.0, f64::max);
    let mut upper = vec![vec![0.0; k]; k];
    let mut z = vec![0.0; k];
    for j in 0..k {
        let norm = dot(&q[j], &q[j]).sqrt();
        if norm <= 1e-10 * scale {
            return None;
        }
        upper[j][j] = norm;
        q[j].iter_mut().for_each(|x| *x /= norm);
        for l in j + 1..k {
            let d = dot(&q[j], &q[l]);
            upper[j][l] = d;
            let (done, todo) = q.split_at_mut(l);
            todo[0].iter_mut().zip(&done[j]).for_each(|(x, qj)| *x -= d * qj);
        }
        z[j] = dot(&q[j], &y);
        y.iter_mut().zip(&q[j]).for_each(|(x, qj)| *x -= z[j] * qj);
    }
    let mut x = vec![0.0; k];
    for j in (0..k).rev() {
        let s: f64 = (j + 1..k).map(|l| upper[j][l] * x[l]).sum();
        x[j] = (z[j] - s) / upper[j][j];
    }
    let last_weight = 1.0 - x.iter().sum::<f64>();
    x.push(last_weight);
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::quick::QuickModel;
    use crate::data::synthetic::synthetic_dataset;
    use crate::engine::allocate;
    use crate::scenario::{CriterionId, parse_scenario};

    #[test]
    fn simplex_least_squares_finds_interior_and_edge_optima() {
        // B = identity, r = (0.2, 0.3, 0.5): the optimum is r itself.
        let b = vec![vec![1.0, 0.0, 0.0], vec![0.0, 1.0, 0.0], vec![0.0, 0.0, 1.0]];
        let u = simplex_least_squares(&b, &[0.2, 0.3, 0.5], &[true; 3]);
        assert!(u.iter().zip([0.2, 0.3, 0.5]).all(|(a, b)| (a - b).abs() < 1e-12), "{u:?}");
        // r = (0.9, 0.6, -0.5): the projection onto the simplex is (0.65, 0.35, 0).
        let u = simplex_least_squares(&b, &[0.9, 0.6, -0.5], &[true; 3]);
        assert!(u.iter().zip([0.65, 0.35, 0.0]).all(|(a, b)| (a - b).abs() < 1e-12), "{u:?}");
        let u = simplex_least_squares(&b, &[0.9, 0.6, -0.5], &[false, true, true]);
        assert_eq!(u, vec![0.0, 1.0, 0.0]);
    }

    /// The continuous quotas of known weights give those weights back, to rounding error.
    #[test]
    fn recovers_the_weights_behind_continuous_quotas() {
        let d = synthetic_dataset(120, 5);
        let mut s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        s.criteria.retain(|c| c.id != CriterionId::Continuity);
        s.rules.immigrant_share_ceiling = None;
        let truth = [30.0, 15.0, 5.0, 40.0, 10.0];
        for (c, w) in s.criteria.iter_mut().zip(truth) {
            c.weight = w;
        }
        let reference: Vec<Option<f64>> =
            allocate(&d, &s).unwrap().rows.iter().map(|r| Some(r.initial_quota)).collect();
        let mut equal = s.clone();
        equal.criteria.iter_mut().for_each(|c| c.weight = 1.0);
        // Parts read at another exponent and moved to the scenario's must give the same answer.
        equal.size_exponent = 0.8;
        let a = allocate(&d, &equal).unwrap();
        let quick = QuickModel::new(&d, &equal, &[0, 1, 2, 3, 4], &a, &reference, 10.0);
        let parts = quick.parts(s.size_exponent);
        let w = solve(&parts, quick.open(), quick.reference(), quick.open_target(), Rows::Open).unwrap();
        for (got, want) in w.iter().zip(truth) {
            assert!((got * 100.0 - want).abs() < 1e-6, "{w:?}");
        }
    }
}
