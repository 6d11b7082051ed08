//! The start of a plan (`scenario.start`): a column, last year's request or a sent round, scaled to the new
//! target and moved by the criteria.
//!
//! The start enters as one more key beside the criteria's: K_i = (1 − share)·s_i/Σ_E s + share·Σ_k w_k·key_ik,
//! both parts normalised over the eligible set E, so the one integer stage (bounds, drops, rounding) shares it
//! like any key. A change band is then relative to its column scaled to the target, so it follows the total.

use crate::data::Dataset;
use crate::scenario::Scenario;

/// The start as the stage uses it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StartKey {
    /// The criteria's share of the combined key, 0 to 1.
    pub criteria_share: f64,
    /// Per row, the start's value (0 where missing or not positive).
    pub values: Vec<f64>,
    /// Per row, the start's key: its value over the sum of the eligible rows' values (0 outside them).
    pub key: Vec<f64>,
    /// The target over the start's sum: a value times this is the start scaled to the new target.
    pub scale: f64,
}

impl StartKey {
    /// The start of `scenario` on `dataset`, or `None` when it names none (or a column the dataset lacks,
    /// which validation reports).
    pub fn new(dataset: &Dataset, scenario: &Scenario, eligible: &[bool]) -> Option<StartKey> {
        let start = scenario.start.as_ref()?;
        let column = dataset.column(&start.column)?;
        let values: Vec<f64> =
            column.values.iter().map(|v| v.filter(|v| v.is_finite() && *v > 0.0).unwrap_or(0.0)).collect();
        let eligible_sum: f64 = values.iter().zip(eligible).filter(|(_, e)| **e).map(|(v, _)| v).sum();
        let key = values
            .iter()
            .zip(eligible)
            .map(|(v, e)| if *e && eligible_sum > 0.0 { v / eligible_sum } else { 0.0 })
            .collect();
        Some(StartKey {
            criteria_share: start.criteria_share.clamp(0.0, 1.0),
            scale: scale_to_target(&values, scenario.target.total),
            values,
            key,
        })
    }

    /// Mixes the criteria's combined key with the start's, in place.
    pub fn mix(&self, combined: &mut [f64]) {
        let share = self.criteria_share;
        for (k, s) in combined.iter_mut().zip(&self.key) {
            *k = share * *k + (1.0 - share) * s;
        }
    }

    /// Whether the start asked this row.
    pub fn asked(&self, row: usize) -> bool {
        self.values.get(row).is_some_and(|v| *v > 0.0)
    }
}

/// The target over the sum of positive values (1 when there is none).
fn scale_to_target(values: &[f64], target: u32) -> f64 {
    let sum: f64 = values.iter().sum();
    if sum > 0.0 { f64::from(target) / sum } else { 1.0 }
}

/// What a change band's column is multiplied by: with a start, the column scaled to the target (the band
/// follows the total); without one, 1 (the band is around the column as it is, as before starts existed).
pub(crate) fn band_scale(dataset: &Dataset, scenario: &Scenario) -> f64 {
    let band = scenario.rules.change_band.as_ref();
    match (scenario.start.as_ref(), band.and_then(|b| dataset.column(&b.column))) {
        (Some(_), Some(column)) => {
            let values: Vec<f64> =
                column.values.iter().map(|v| v.filter(|v| v.is_finite() && *v > 0.0).unwrap_or(0.0)).collect();
            scale_to_target(&values, scenario.target.total)
        }
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use crate::data::embedded_dataset;
    use crate::engine::allocate;
    use crate::scenario::{
        BelowMinimum, ChangeBand, Scenario, Start, parse_scenario, resolve_dataset, scenario_to_text,
    };

    fn imdi() -> Scenario {
        parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap()
    }

    fn with_start(mut s: Scenario, column: &str, criteria_share: f64) -> Scenario {
        s.start = Some(Start { column: column.into(), criteria_share });
        s
    }

    #[test]
    fn files_without_a_start_keep_their_plans() {
        let shipped = [
            ("imdi-2020.ron", include_str!("../../scenarios/imdi-2020.ron"), "anmodning_2019"),
            ("equal-weights-2020.ron", include_str!("../../scenarios/equal-weights-2020.ron"), "anmodning_2019"),
            ("imdi-2024.ron", include_str!("../../scenarios/imdi-2024.ron"), "anmodning_2024"),
            ("plan-year-2024.ron", include_str!("../../scenarios/plan-year-2024.ron"), "anmodning_2024"),
            ("example.ron (older format)", include_str!("../../docs/example/example.ron"), "plasser"),
        ];
        for (name, text, column) in shipped {
            let s = parse_scenario(text, name).unwrap();
            assert_eq!(s.start, None, "{name}");
            assert!(!scenario_to_text(&s).contains("start:"), "{name}: saved as before");
            let d = match resolve_dataset(&s, None) {
                Ok((d, _)) => d,
                Err(_) => {
                    crate::data::parse_dataset(include_str!("../../docs/example/example.dataset.ron"), "x").unwrap()
                }
            };
            // A start the criteria move entirely is the criteria plan: the same numbers, row for row.
            let before = allocate(&d, &s).unwrap();
            let moved = allocate(&d, &with_start(s.clone(), column, 1.0)).unwrap();
            let requests = |a: &crate::engine::Allocation| a.rows.iter().map(|r| r.allocation).collect::<Vec<_>>();
            assert_eq!(requests(&before), requests(&moved), "{name}");
        }
    }

    #[test]
    fn a_start_the_criteria_do_not_move_is_the_start_scaled() {
        let d = embedded_dataset("norway-2020").unwrap();
        let mut s = with_start(imdi(), "anmodning_2019", 0.0);
        s.target.total = 5350;
        s.rules.below_minimum = BelowMinimum::FloorStartAsked;
        let a = allocate(&d, &s).unwrap();
        let last = d.column("anmodning_2019").unwrap();
        // Shared among the eligible: the start's sum over them is what 5,350 now covers.
        let eligible_sum: f64 =
            a.rows.iter().zip(&last.values).filter(|(r, _)| r.eligible).filter_map(|(_, v)| *v).sum();
        for (r, v) in a.rows.iter().zip(&last.values) {
            let v = v.unwrap_or(0.0) * 5350.0 / eligible_sum;
            if r.eligible && v >= 12.0 {
                // Those below the minimum are raised to it, which takes a little from the others.
                assert!((f64::from(r.allocation) - v).abs() <= 1.0 + 0.01 * v, "{} vs {v}", r.allocation);
            }
        }
    }

    #[test]
    fn floor_start_asked_asks_exactly_the_starts_asked_set() {
        let d = embedded_dataset("norway-2020").unwrap();
        let mut s = with_start(imdi(), "anmodning_2018", 0.3);
        s.target.total = 5350;
        s.rules.below_minimum = BelowMinimum::FloorStartAsked;
        let a = allocate(&d, &s).unwrap();
        let start = d.column("anmodning_2018").unwrap();
        let mut asked = 0;
        for (r, v) in a.rows.iter().zip(&start.values) {
            let in_start = v.is_some_and(|v| v > 0.0);
            assert_eq!(r.asked(), in_start && r.eligible, "{r:?}");
            asked += usize::from(r.asked());
        }
        assert!(asked > 190, "{asked}");
        // Plain `floor` asks every municipality with a key instead.
        s.rules.below_minimum = BelowMinimum::Floor;
        assert!(allocate(&d, &s).unwrap().asked > asked + 100);
        // Without a start the choice is refused by name.
        s.start = None;
        s.rules.below_minimum = BelowMinimum::FloorStartAsked;
        let e = allocate(&d, &s).unwrap_err().to_string();
        assert!(e.contains("rules.below_minimum") && e.contains("needs a start"), "{e}");
    }

    #[test]
    fn the_band_follows_a_changed_total() {
        let d = embedded_dataset("norway-2020").unwrap();
        let band = ChangeBand { column: "anmodning_2019".into(), lower: 0.9, upper: 1.1 };
        let mut s = with_start(imdi(), "anmodning_2019", 0.5);
        s.rules.change_band = Some(band.clone());
        s.rules.below_minimum = BelowMinimum::FloorStartAsked;
        let a = allocate(&d, &s).unwrap();
        assert_eq!(a.allocated, 5120);
        let last = d.column("anmodning_2019").unwrap();
        let scale = 5120.0 / 5350.0;
        let mut below_the_raw_band = 0;
        for (r, v) in a.rows.iter().zip(&last.values) {
            if let (Some((lo, hi)), true) = (band.bounds_scaled(*v, scale), r.eligible) {
                let lower = lo.max(10.min(hi));
                assert!((lower..=hi).contains(&r.allocation), "{} not in {lower}..={hi}", r.allocation);
                assert_eq!(r.start.and_then(|p| p.band), Some((lo, hi)));
                below_the_raw_band += usize::from(band.bounds(*v).is_some_and(|(raw, _)| r.allocation < raw));
            }
        }
        assert!(below_the_raw_band > 0, "with 4 % fewer to place, some fall below the unscaled band");
        // Without a start the band is around the column as it is, as before.
        s.start = None;
        s.rules.below_minimum = BelowMinimum::Drop;
        let a = allocate(&d, &s).map_err(|e| e.to_string()).unwrap();
        for (r, v) in a.rows.iter().zip(&last.values) {
            if let (Some((lo, _)), true) = (band.bounds(*v), r.eligible) {
                assert!(r.allocation >= lo, "{} below {lo}", r.allocation);
            }
        }
    }
}
