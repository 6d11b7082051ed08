//! Nelder–Mead downhill simplex (with the dimension-adaptive coefficients of Gao and Han, 2012), for
//! objectives without gradients: the full pipeline's error is piecewise constant in the weights.

/// Minimises `f` from `start`, with initial steps `steps` along each axis. Stops after `max_evals` calls of
/// `f` or when the simplex has shrunk below `tol_x` in every coordinate. Errors from `f` stop at once.
/// Returns the best point and its value.
pub(super) fn minimise<E>(
    f: &mut dyn FnMut(&[f64]) -> Result<f64, E>,
    start: &[f64],
    steps: &[f64],
    max_evals: usize,
    tol_x: f64,
) -> Result<(Vec<f64>, f64), E> {
    let n = start.len();
    if n == 0 {
        let v = f(start)?;
        return Ok((Vec::new(), v));
    }
    let nf = n as f64;
    let (alpha, beta, gamma, delta) = (1.0, 1.0 + 2.0 / nf, 0.75 - 1.0 / (2.0 * nf), 1.0 - 1.0 / nf);
    let mut evals = 0usize;
    let mut eval = |x: &[f64], evals: &mut usize| -> Result<f64, E> {
        *evals += 1;
        f(x)
    };
    let mut simplex: Vec<(Vec<f64>, f64)> = Vec::with_capacity(n + 1);
    let v0 = eval(start, &mut evals)?;
    simplex.push((start.to_vec(), v0));
    for i in 0..n {
        let mut x = start.to_vec();
        x[i] += steps[i];
        let v = eval(&x, &mut evals)?;
        simplex.push((x, v));
    }
    let toward = |a: &[f64], b: &[f64], t: f64| -> Vec<f64> { a.iter().zip(b).map(|(a, b)| a + t * (b - a)).collect() };
    while evals < max_evals {
        // Stable sort: among equal values the older vertex stays first, so runs are deterministic.
        simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
        let size = (0..n)
            .map(|k| {
                let lo = simplex.iter().map(|(x, _)| x[k]).fold(f64::INFINITY, f64::min);
                let hi = simplex.iter().map(|(x, _)| x[k]).fold(f64::NEG_INFINITY, f64::max);
                hi - lo
            })
            .fold(0.0, f64::max);
        if size < tol_x {
            break;
        }
        let centroid: Vec<f64> = (0..n).map(|k| simplex[..n].iter().map(|(x, _)| x[k]).sum::<f64>() / nf).collect();
        let (worst, f_worst) = simplex[n].clone();
        let f_best = simplex[0].1;
        let f_second = simplex[n - 1].1;
        let reflected = toward(&centroid, &worst, -alpha);
        let f_r = eval(&reflected, &mut evals)?;
        if f_r < f_best {
            let expanded = toward(&centroid, &worst, -alpha * beta);
            let f_e = eval(&expanded, &mut evals)?;
            simplex[n] = if f_e < f_r { (expanded, f_e) } else { (reflected, f_r) };
            continue;
        }
        if f_r < f_second {
            simplex[n] = (reflected, f_r);
            continue;
        }
        let (contracted, f_c) = if f_r < f_worst {
            let c = toward(&centroid, &reflected, gamma);
            let v = eval(&c, &mut evals)?;
            (c, v)
        } else {
            let c = toward(&centroid, &worst, gamma);
            let v = eval(&c, &mut evals)?;
            (c, v)
        };
        if f_c < f_r.min(f_worst) {
            simplex[n] = (contracted, f_c);
            continue;
        }
        // Shrink toward the best vertex.
        let best = simplex[0].0.clone();
        for vertex in simplex.iter_mut().skip(1) {
            let x = toward(&best, &vertex.0, delta);
            let v = eval(&x, &mut evals)?;
            *vertex = (x, v);
        }
    }
    simplex.sort_by(|a, b| a.1.total_cmp(&b.1));
    Ok(simplex.swap_remove(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_minimum_of_a_bowl() {
        let mut calls = 0;
        let mut f = |x: &[f64]| -> Result<f64, ()> {
            calls += 1;
            Ok((x[0] - 1.0).powi(2) + 10.0 * (x[1] + 2.0).powi(2) + (x[2] - 0.5).powi(2) + 0.5 * x[0] * x[2])
        };
        let (x, v) = minimise(&mut f, &[0.0, 0.0, 0.0], &[0.5, 0.5, 0.5], 2000, 1e-9).unwrap();
        // Minimum where the gradient vanishes: x2 = 0.5 − x0 / 4, so x0 = 1.75 / 1.875; x1 = −2.
        let x0 = 1.75 / 1.875;
        let want = [x0, -2.0, 0.5 - x0 / 4.0];
        assert!(x.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-4), "{x:?} vs {want:?}");
        assert!(v.is_finite());
        assert!(calls <= 2000);
    }

    #[test]
    fn errors_stop_the_search() {
        let mut n = 0;
        let mut f = |_: &[f64]| -> Result<f64, &str> {
            n += 1;
            if n > 5 { Err("stop") } else { Ok(1.0) }
        };
        assert_eq!(minimise(&mut f, &[0.0, 0.0], &[1.0, 1.0], 100, 0.0), Err("stop"));
    }
}
