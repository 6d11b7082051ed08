//! Distribution keys: the size key and one key per criterion, each normalised to sum 1 over the eligible set.

use super::error::AllocError;
use crate::data::{Dataset, Direction, Kind};

/// One criterion's input to the key computation.
pub struct CriterionInput<'a> {
    pub name: &'a str,
    pub weight: f64,
    /// `None` for the size criterion; otherwise filled values (no `None` among eligible rows).
    pub values: Option<&'a [Option<f64>]>,
    pub kind: Kind,
    pub direction: Direction,
}

pub struct Keys {
    /// Per criterion, per dataset row: key_ik (0 outside the eligible set); `None` for a criterion without
    /// weight, which adds nothing anywhere.
    pub parts: Vec<Option<Vec<f64>>>,
}

/// Min-max over the eligible rows (1 = best), times the size key; every row scores 1 when all values are
/// equal.
fn scaled_by_size(values: &[Option<f64>], eligible: &[bool], direction: Direction, size: &[f64]) -> Vec<f64> {
    let (lo, hi) = values
        .iter()
        .zip(eligible)
        .filter(|(_, e)| **e)
        .filter_map(|(v, _)| *v)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    values
        .iter()
        .zip(eligible)
        .zip(size)
        .map(|((v, e), s)| {
            let x = match (v, e) {
                (Some(v), true) if hi > lo => match direction {
                    Direction::HigherIsBetter => (v - lo) / (hi - lo),
                    Direction::LowerIsBetter => (hi - v) / (hi - lo),
                },
                (Some(_), true) => 1.0,
                _ => 0.0,
            };
            x * s
        })
        .collect()
}

/// Each weighted criterion's key; `size` holds P_i^a per row. The combined key is [`combine`]'s.
pub fn keys(criteria: &[CriterionInput], size: &[f64], eligible: &[bool]) -> Result<Keys, AllocError> {
    let mut parts = Vec::with_capacity(criteria.len());
    if !eligible.iter().any(|e| *e) {
        // Nothing to share by key (everyone excluded or locked); the caller reports it if it matters.
        parts.resize_with(criteria.len(), || None);
        return Ok(Keys { parts });
    }
    for c in criteria {
        if c.weight == 0.0 {
            parts.push(None);
            continue;
        }
        // The raw key, normalised in place below: one vector per criterion.
        let mut part: Vec<f64> = match (c.values, c.kind) {
            (None, _) => size.iter().zip(eligible).map(|(s, e)| if *e { *s } else { 0.0 }).collect(),
            (Some(values), Kind::Intensive) => scaled_by_size(values, eligible, c.direction, size),
            (Some(values), Kind::Extensive) => match c.direction {
                Direction::HigherIsBetter => {
                    values.iter().zip(eligible).map(|(v, e)| if *e { v.unwrap_or(0.0).max(0.0) } else { 0.0 }).collect()
                }
                // A count where less is better: the distance from the largest count.
                Direction::LowerIsBetter => {
                    let hi =
                        values.iter().zip(eligible).filter(|(_, e)| **e).filter_map(|(v, _)| *v).fold(0.0, f64::max);
                    values.iter().zip(eligible).map(|(v, e)| if *e { hi - v.unwrap_or(hi) } else { 0.0 }).collect()
                }
            },
        };
        let sum: f64 = part.iter().sum();
        // Values near the largest float (1e308) add up to infinity: say so rather than "no signal".
        if sum.is_infinite() || sum.is_nan() {
            return Err(AllocError::Overflow { criterion: c.name.to_owned() });
        }
        if sum.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
            return Err(AllocError::CriterionWithoutSignal { criterion: c.name.to_owned() });
        }
        for p in part.iter_mut() {
            *p /= sum;
        }
        parts.push(Some(part));
    }
    Ok(Keys { parts })
}

/// K_i = Σ_k w_k·key_ik for each of the `n` rows, adding the criteria in order (the same bits wherever it is
/// computed).
pub fn combine(parts: &[Option<Vec<f64>>], weights: &[f64], n: usize) -> Vec<f64> {
    let mut combined = vec![0.0; n];
    for (part, w) in parts.iter().zip(weights) {
        if let Some(part) = part {
            for (k, p) in combined.iter_mut().zip(part) {
                *k += w * p;
            }
        }
    }
    combined
}

/// P_i^a per row. The usual exponents take exact shortcuts: `sqrt` is correctly rounded, so it gives the best
/// value of P^0.5 (the same as `powf` on every population tried), at a fraction of the cost.
pub fn size_keys(dataset: &Dataset, exponent: f64) -> Vec<f64> {
    let people = dataset.municipalities.iter().map(|m| m.population);
    if exponent == 1.0 {
        people.collect()
    } else if exponent == 0.5 {
        people.map(f64::sqrt).collect()
    } else {
        people.map(|p| p.powf(exponent)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intensive_scales_by_size_and_extensive_does_not() {
        let size = [100.0, 100.0, 200.0];
        let eligible = [true, true, true];
        let rate = [Some(50.0), Some(100.0), Some(100.0)];
        let count = [Some(1.0), Some(1.0), Some(2.0)];
        let criteria = [
            CriterionInput {
                name: "rate",
                weight: 0.5,
                values: Some(&rate),
                kind: Kind::Intensive,
                direction: Direction::HigherIsBetter,
            },
            CriterionInput {
                name: "count",
                weight: 0.5,
                values: Some(&count),
                kind: Kind::Extensive,
                direction: Direction::HigherIsBetter,
            },
        ];
        let k = keys(&criteria, &size, &eligible).unwrap();
        assert_eq!(k.parts[0], Some(vec![0.0, 1.0 / 3.0, 2.0 / 3.0]));
        assert_eq!(k.parts[1], Some(vec![0.25, 0.25, 0.5]));
        let total: f64 = combine(&k.parts, &[0.5, 0.5], 3).iter().sum();
        assert!((total - 1.0).abs() < 1e-12);
    }

    #[test]
    fn lower_is_better_inverts_and_ineligible_rows_get_nothing() {
        let size = [1.0, 1.0, 1.0];
        let share = [Some(10.0), Some(30.0), Some(99.0)];
        let criteria = [CriterionInput {
            name: "share",
            weight: 1.0,
            values: Some(&share),
            kind: Kind::Intensive,
            direction: Direction::LowerIsBetter,
        }];
        let k = keys(&criteria, &size, &[true, true, false]).unwrap();
        assert_eq!(k.parts[0], Some(vec![1.0, 0.0, 0.0]));
    }

    #[test]
    fn weighted_criterion_without_signal_is_refused() {
        let zeros = [Some(0.0), Some(0.0)];
        let criteria = [CriterionInput {
            name: "capacity",
            weight: 1.0,
            values: Some(&zeros),
            kind: Kind::Extensive,
            direction: Direction::HigherIsBetter,
        }];
        assert!(matches!(keys(&criteria, &[1.0, 1.0], &[true, true]), Err(AllocError::CriterionWithoutSignal { .. })));
    }
}
