//! Per-municipality bounds: every rule that limits an open municipality, as one [lower, upper] pair.
//!
//! Caps (maximum per 1,000, a capacity column, a change band's upper end) give the upper bound; the minimum
//! request, `below_minimum: floor` and a change band's lower end give the lower one. Quotas are water-filled
//! within the bounds (`quotas`), and integers are apportioned within the same bounds (`apportion`). The
//! engine and the sensitivity stage both take a row's bounds from [`bound`], so they cannot disagree.

use crate::data::Dataset;
use crate::lang::Lang;
use crate::scenario::{BelowMinimum, Rules};

/// The rule behind a bound, for messages and the explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundRule {
    /// `rules.below_minimum: floor`: raised to the minimum request.
    MinimumFloor,
    /// `rules.change_band`: within a band around a column's value.
    ChangeBand,
    /// `rules.max_per_1000`.
    MaxPer1000,
    /// `rules.capacity_column`.
    CapacityColumn,
}

impl BoundRule {
    /// The scenario field that sets it.
    pub fn field(self) -> &'static str {
        match self {
            BoundRule::MinimumFloor => "rules.below_minimum (floor at rules.min_request)",
            BoundRule::ChangeBand => "rules.change_band",
            BoundRule::MaxPer1000 => "rules.max_per_1000",
            BoundRule::CapacityColumn => "rules.capacity_column",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (nb, en) = match self {
            BoundRule::MinimumFloor => ("minste anmodning (gulv)", "the minimum request (floor)"),
            BoundRule::ChangeBand => ("endringsbåndet", "the change band"),
            BoundRule::MaxPer1000 => ("maks per 1000 innbyggere", "the maximum per 1,000 inhabitants"),
            BoundRule::CapacityColumn => ("kapasitetskolonnen", "the capacity column"),
        };
        lang.pick(nb, en)
    }
}

/// One open municipality's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Bound {
    /// Never dropped by the minimum-request rule (included, floored, or held up by a change band).
    pub keep: bool,
    /// Lower bound of the water-filled share; 0 where only rounding has one (an included row keeps today's
    /// share and gets its minimum in rounding).
    pub quota_lower: u32,
    /// Fewest units in rounding.
    pub lower: u32,
    /// Most units; `None` for no cap.
    pub upper: Option<u32>,
}

/// The bounds of an open row: its cap (already the smallest of every upper rule), whether it is included
/// manually, its change band's lower end (0 for none), whether its key is positive and whether the plan's
/// start asked it.
pub(crate) fn bound(
    rules: &Rules,
    include: bool,
    band_lower: u32,
    cap: Option<u32>,
    key: f64,
    start_asked: bool,
) -> Bound {
    let m = rules.min_request;
    let floored = key > 0.0
        && match rules.below_minimum {
            BelowMinimum::Drop => false,
            BelowMinimum::Floor => true,
            BelowMinimum::FloorStartAsked => start_asked,
        };
    let keep = include || band_lower > 0 || floored;
    // A kept row gets the minimum request as far as its cap allows, and at least its band's lower end.
    let lower = if keep { band_lower.max(cap.map_or(m, |c| c.min(m))) } else { m };
    let quota_lower = if band_lower > 0 || floored { lower } else { 0 };
    Bound { keep, quota_lower, lower, upper: cap }
}

/// Per row, the change band's (lower, upper) where the scenario has a band and the row a positive value; the
/// values are multiplied by `scale` first (see `start::band_scale`).
pub(crate) fn band_bounds(dataset: &Dataset, rules: &Rules, scale: f64) -> Vec<Option<(u32, u32)>> {
    let column = rules.change_band.as_ref().and_then(|b| dataset.column(&b.column).map(|c| (b, c)));
    match column {
        Some((band, column)) => column.values.iter().map(|v| band.bounds_scaled(*v, scale)).collect(),
        None => vec![None; dataset.len()],
    }
}

/// Per row, its cap and the rule that sets it (the smallest of maximum per 1,000, capacity column and band).
pub(crate) fn caps(dataset: &Dataset, rules: &Rules, bands: &[Option<(u32, u32)>]) -> Vec<Option<(u32, BoundRule)>> {
    let capacity = rules.capacity_column.as_deref().and_then(|id| dataset.column(id));
    let as_u32 = |c: f64| c.clamp(0.0, f64::from(u32::MAX)) as u32;
    dataset
        .municipalities
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let per_1000 =
                rules.max_per_1000.map(|max| (as_u32((max * m.population / 1000.0).floor()), BoundRule::MaxPer1000));
            let column = capacity.and_then(|c| c.values[i]).map(|v| (as_u32(v.floor()), BoundRule::CapacityColumn));
            // A band without an upper end (`upper: inf`) caps nothing.
            let band = bands[i].filter(|(_, hi)| *hi < u32::MAX).map(|(_, hi)| (hi, BoundRule::ChangeBand));
            // The first of equal caps names the rule: the older rules come first.
            [per_1000, column, band].into_iter().flatten().fold(None, |best: Option<(u32, BoundRule)>, c| match best {
                Some(b) if b.0 <= c.0 => Some(b),
                _ => Some(c),
            })
        })
        .collect()
}

/// What makes a set of bounds impossible, naming the municipalities, the rules and the numbers (rendered in
/// the user's language by `error_text`).
#[derive(Debug, Clone, PartialEq)]
pub enum BoundsReason {
    /// A municipality's lower bound (from the change band) is above its upper bound.
    LowerAboveUpper { municipality: String, code: String, lower: u32, upper: u32, upper_rule: BoundRule },
    /// The lower bounds of the municipalities that stay asked add up to more than the total to place.
    LowerBoundsAboveTotal {
        /// The rules that set lower bounds.
        rules: Vec<BoundRule>,
        sum: u64,
        /// Municipalities with a lower bound.
        count: usize,
        total: u32,
        /// The largest lower bounds (at most five): name, code, bound.
        largest: Vec<(String, String, u32)>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::ChangeBand;

    #[test]
    fn drop_keeps_todays_bounds_and_floor_keeps_every_positive_key() {
        let mut rules = Rules::default();
        assert_eq!(
            bound(&rules, false, 0, Some(40), 0.2, false),
            Bound { keep: false, quota_lower: 0, lower: 10, upper: Some(40) }
        );
        assert_eq!(
            bound(&rules, true, 0, Some(6), 0.2, false),
            Bound { keep: true, quota_lower: 0, lower: 6, upper: Some(6) }
        );
        rules.below_minimum = BelowMinimum::Floor;
        assert_eq!(
            bound(&rules, false, 0, None, 0.2, false),
            Bound { keep: true, quota_lower: 10, lower: 10, upper: None }
        );
        assert!(!bound(&rules, false, 0, None, 0.0, false).keep, "a zero key is not floored");
        assert_eq!(bound(&rules, false, 25, Some(60), 0.0, false).quota_lower, 25, "a band keeps a row asked");
        rules.below_minimum = BelowMinimum::FloorStartAsked;
        assert!(bound(&rules, false, 0, None, 0.2, true).keep, "the start asked it: floored");
        assert_eq!(bound(&rules, false, 0, None, 0.2, true).quota_lower, 10);
        assert!(!bound(&rules, false, 0, None, 0.2, false).keep, "the start did not ask it: it may be dropped");
    }

    #[test]
    fn a_scaled_band_follows_the_total() {
        let band = ChangeBand { column: "x".into(), lower: 0.9, upper: 1.1 };
        // 20 last year, the total from 5,350 to 5,120: 19.14, so 17.2–21.1 becomes 18–21.
        assert_eq!(band.bounds_scaled(Some(20.0), 5120.0 / 5350.0), Some((18, 21)));
        assert_eq!(band.bounds_scaled(Some(20.0), 1.0), band.bounds(Some(20.0)));
    }

    #[test]
    fn bands_round_inwards_and_skip_empty_values() {
        let band = ChangeBand { column: "x".into(), lower: 0.5, upper: 1.5 };
        assert_eq!(band.bounds(Some(15.0)), Some((8, 22)));
        assert_eq!(band.bounds(Some(0.0)), None);
        assert_eq!(band.bounds(None), None);
        assert_eq!(band.bounds(Some(f64::NAN)), None);
    }
}
