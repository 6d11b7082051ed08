//! Moving one criterion's weight while the other criteria keep their sizes relative to each other.

use crate::scenario::Scenario;

/// `scenario` with criterion `index` (scenario order) given `share` (clamped to 0..=1) of the total weight.
/// The other criteria share the rest in proportion to their current weights, or equally when they are all 0.
/// The total of the raw weights is kept (weights entered as percentages stay percentages).
///
/// A share equal to the criterion's current normalised weight returns the scenario unchanged, so the
/// scenario's own point of a sweep reproduces its allocation bit for bit.
pub fn with_weight_share(scenario: &Scenario, index: usize, share: f64) -> Scenario {
    let mut out = scenario.clone();
    let share = if share.is_nan() { 0.0 } else { share.clamp(0.0, 1.0) };
    let current = scenario.normalised_weights();
    if index >= out.criteria.len() || current.as_ref().is_some_and(|w| w[index] == share) {
        return out;
    }
    let raw_total: f64 = scenario.criteria.iter().map(|c| c.weight).sum();
    let total = if raw_total > 0.0 && raw_total.is_finite() { raw_total } else { 1.0 };
    let own = scenario.criteria[index].weight;
    let others = total - own;
    let others_count = out.criteria.len() - 1;
    let rest = (1.0 - share) * total;
    for (j, c) in out.criteria.iter_mut().enumerate() {
        c.weight = if j == index {
            share * total
        } else if others > 0.0 && raw_total > 0.0 {
            c.weight * rest / others
        } else {
            rest / others_count as f64
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_support::example;

    #[test]
    fn others_keep_their_proportions() {
        let s = &example("imdi-2020.ron").scenario; // 35, 20, 10, 25, 10, 0
        let moved = with_weight_share(s, 1, 0.5).normalised_weights().unwrap();
        assert!((moved[1] - 0.5).abs() < 1e-12);
        assert!((moved[0] / moved[3] - 35.0 / 25.0).abs() < 1e-12);
        assert_eq!(moved[5], 0.0);
        let sum: f64 = moved.iter().sum();
        assert!((sum - 1.0).abs() < 1e-12);
        assert_eq!(&with_weight_share(s, 0, 0.35), s, "the own share changes nothing");
    }

    #[test]
    fn all_other_weights_zero_share_equally() {
        let mut s = example("imdi-2020.ron").scenario.clone();
        s.criteria.iter_mut().for_each(|c| c.weight = 0.0);
        s.criteria[2].weight = 7.0;
        let moved = with_weight_share(&s, 2, 0.5).normalised_weights().unwrap();
        assert!((moved[2] - 0.5).abs() < 1e-12);
        for j in [0, 1, 3, 4, 5] {
            assert!((moved[j] - 0.1).abs() < 1e-12, "{j}: {}", moved[j]);
        }
    }
}
