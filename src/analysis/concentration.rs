//! How concentrated a plan is: the concentration curve (largest first), the Gini coefficient, and the share the
//! largest take. Used by the Charts tab, the printed figures, the report and the scenario board.

/// A concentration curve: point k is (k/n, share of the total held by the k largest).
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    /// n + 1 points from (0, 0) to (1, 1).
    pub points: Vec<[f64; 2]>,
    /// Indices of the input values, largest first (equal values in index order).
    pub order: Vec<usize>,
    pub total: f64,
}

/// The curve for `values` (negative or non-finite values count as 0); `None` when the total is 0.
pub fn concentration_curve(values: &[f64]) -> Option<Curve> {
    let clean: Vec<f64> = values.iter().map(|&v| if v.is_finite() && v > 0.0 { v } else { 0.0 }).collect();
    let mut order: Vec<usize> = (0..values.len()).collect();
    // Stable: equal values keep index order.
    order.sort_by(|&a, &b| clean[b].total_cmp(&clean[a]));
    let n = order.len() as f64;
    let mut points = Vec::with_capacity(order.len() + 1);
    points.push([0.0, 0.0]);
    let mut sum = 0.0;
    for (k, &i) in order.iter().enumerate() {
        sum += clean[i];
        points.push([(k + 1) as f64 / n, sum]);
    }
    // The same sum in the same order, so the last point is exactly 1.
    let total = sum;
    if total <= 0.0 {
        return None;
    }
    for p in &mut points {
        p[1] /= total;
    }
    Some(Curve { points, order, total })
}

impl Curve {
    /// How many values the curve is made of.
    pub fn count(&self) -> usize {
        self.order.len()
    }

    /// How many of the largest take at least `share` of the total.
    pub fn count_for_share(&self, share: f64) -> usize {
        self.points.iter().position(|p| p[1] >= share - 1e-12).unwrap_or(self.count())
    }

    /// Gini coefficient: twice the area between the curve and the diagonal. 0 when all are equal, 1 − 1/n when
    /// one takes everything.
    pub fn gini(&self) -> f64 {
        let area: f64 = self.points.windows(2).map(|w| (w[1][0] - w[0][0]) * (w[1][1] + w[0][1]) / 2.0).sum();
        (2.0 * area - 1.0).clamp(0.0, 1.0)
    }
}

/// The share of the total held by the `k` largest values (0 when the total is 0).
pub fn top_share(values: &[f64], k: usize) -> f64 {
    concentration_curve(values).map_or(0.0, |c| c.points[k.min(c.count())][1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_and_extreme_distributions() {
        let equal = concentration_curve(&[5.0, 5.0, 5.0, 5.0]).unwrap();
        assert!(equal.gini().abs() < 1e-12);
        assert_eq!(equal.count_for_share(0.5), 2);
        let one = concentration_curve(&[0.0, 0.0, 9.0, 0.0]).unwrap();
        assert_eq!(one.order[0], 2);
        assert!((one.gini() - 0.75).abs() < 1e-12);
        assert_eq!(one.count_for_share(0.5), 1);
        assert!(concentration_curve(&[0.0, f64::NAN, -3.0]).is_none());
        assert!(concentration_curve(&[]).is_none());
    }

    #[test]
    fn top_share_counts_the_largest() {
        assert!((top_share(&[1.0, 3.0, 6.0], 1) - 0.6).abs() < 1e-12);
        assert!((top_share(&[1.0, 3.0, 6.0], 10) - 1.0).abs() < 1e-12);
        assert_eq!(top_share(&[0.0], 1), 0.0);
    }
}
