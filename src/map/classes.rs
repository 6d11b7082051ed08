//! Class breaks for the choropleth: quantiles rounded to readable numbers for sequential measures,
//! symmetric breaks around zero for differences.
//!
//! A class `i` holds the values `v` with `breaks[i - 1] <= v < breaks[i]`. Integer measures keep
//! their breaks on whole numbers (sequential) or half-way between them (diverging), so every class
//! is a plain range of whole numbers in the legend.

use ecolor::Color32;

use super::colours as palette;
use crate::lang::Lang;
use crate::numfmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Low to high, light to dark.
    Sequential,
    /// Below zero orange, zero neutral, above zero blue.
    Diverging,
    /// One class per category (the values are the category's index), each in its own colour: the follow-up
    /// statuses on the map.
    Status,
    /// A share of a whole (decided ÷ requested): fixed classes from 0 to 1.2, orange below about 1, neutral
    /// near it, blue above.
    Ratio,
}

/// The breaks of a ratio: "< 0,6", "0,6–0,75", "0,75–0,9", "0,9–1" (neutral: about in full), "1–1,1",
/// "1,1–1,2", "≥ 1,2".
pub const RATIO_BREAKS: [f64; 6] = [0.6, 0.75, 0.9, 1.0, 1.1, 1.2];

#[derive(Debug, Clone, PartialEq)]
pub struct Classes {
    pub scheme: Scheme,
    /// Increasing; one fewer than classes.
    pub breaks: Vec<f64>,
    pub colours: Vec<Color32>,
    /// Smallest and largest classified value.
    pub min: f64,
    pub max: f64,
    /// The values are whole numbers.
    pub integer: bool,
}

pub const SEQUENTIAL_CLASSES: usize = 6;

impl Classes {
    /// Up to `max_classes` quantile classes with rounded breaks; `None` without values.
    pub fn sequential(values: &[f64], max_classes: usize, integer: bool) -> Option<Classes> {
        let sorted = sorted_finite(values);
        let (&min, &max) = (sorted.first()?, sorted.last()?);
        let wanted = max_classes.max(1);
        let mut breaks: Vec<f64> = Vec::with_capacity(wanted);
        for j in 1..wanted {
            let b = round_nice(quantile(&sorted, j as f64 / wanted as f64), integer);
            // Each break must leave values on both sides and move up.
            if b > min && b <= max && breaks.last().is_none_or(|&last| b > last) {
                breaks.push(b);
            }
        }
        let colours = palette::sequential(breaks.len() + 1);
        Some(Classes { scheme: Scheme::Sequential, breaks, colours, min, max, integer })
    }

    /// Seven (or fewer) classes symmetric around zero, the middle one neutral and holding zero.
    pub fn diverging(values: &[f64], integer: bool) -> Option<Classes> {
        let sorted = sorted_finite(values);
        let (&min, &max) = (sorted.first()?, sorted.last()?);
        let mut magnitudes: Vec<f64> = sorted.iter().map(|v| v.abs()).filter(|&v| v > 0.0).collect();
        magnitudes.sort_by(f64::total_cmp);
        // Positive thresholds t1 < t2 < t3: |v| < t1 is neutral.
        let mut thresholds: Vec<f64> = Vec::with_capacity(3);
        if integer {
            thresholds.push(0.5);
            for q in [1.0 / 3.0, 2.0 / 3.0] {
                if !magnitudes.is_empty() {
                    thresholds.push(round_nice(quantile(&magnitudes, q), true) + 0.5);
                }
            }
        } else {
            for q in [0.15, 0.5, 0.85] {
                if !magnitudes.is_empty() {
                    thresholds.push(round_nice(quantile(&magnitudes, q), false));
                }
            }
        }
        let top = min.abs().max(max.abs());
        let mut kept: Vec<f64> = Vec::with_capacity(3);
        for t in thresholds {
            // The innermost threshold always stays, so zero has its own class.
            if t > 0.0 && kept.last().is_none_or(|&last| t > last) && (kept.is_empty() || t <= top) {
                kept.push(t);
            }
        }
        if kept.is_empty() {
            kept.push(if integer { 0.5 } else { f64::MIN_POSITIVE });
        }
        let mut breaks: Vec<f64> = kept.iter().rev().map(|t| -t).collect();
        breaks.extend_from_slice(&kept);
        let colours = palette::diverging(kept.len());
        Some(Classes { scheme: Scheme::Diverging, breaks, colours, min, max, integer })
    }

    /// The fixed ratio classes ([`RATIO_BREAKS`]), the same for every plan so maps compare; `None` without
    /// values. Below 0.9 is orange (the further below, the darker), 0.9 to 1 neutral, 1 and above blue.
    pub fn ratio(values: &[f64]) -> Option<Classes> {
        let sorted = sorted_finite(values);
        let (&min, &max) = (sorted.first()?, sorted.last()?);
        let colours = palette::diverging(3);
        Some(Classes { scheme: Scheme::Ratio, breaks: RATIO_BREAKS.to_vec(), colours, min, max, integer: false })
    }

    /// One class per category `0..colours.len()`, whatever the values; breaks half-way between the indices.
    pub fn categories(colours: Vec<Color32>) -> Classes {
        let n = colours.len().max(1);
        Classes {
            scheme: Scheme::Status,
            breaks: (1..n).map(|k| k as f64 - 0.5).collect(),
            colours,
            min: 0.0,
            max: (n - 1) as f64,
            integer: true,
        }
    }

    /// Never: there is always at least one class.
    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn len(&self) -> usize {
        self.breaks.len() + 1
    }

    pub fn class_of(&self, value: f64) -> usize {
        self.breaks.partition_point(|&b| b <= value)
    }

    pub fn colour_of(&self, value: f64) -> Color32 {
        self.colours[self.class_of(value).min(self.colours.len() - 1)]
    }

    /// The neutral class of a diverging scheme.
    #[cfg(test)]
    pub fn middle(&self) -> usize {
        self.breaks.len() / 2
    }

    /// Lowest and highest value a class can hold, for the legend: the data's extremes at the ends
    /// (infinite for an empty end class), and for whole numbers the last whole number below the
    /// next break.
    pub fn range(&self, class: usize) -> (f64, f64) {
        let last = self.breaks.len();
        let lo = match class {
            0 if self.breaks.first().is_none_or(|&b| self.min < b) => self.min,
            0 => f64::NEG_INFINITY,
            k if self.integer => self.breaks[k - 1].ceil(),
            k => self.breaks[k - 1],
        };
        let hi = match class {
            k if k >= last && self.breaks.last().is_none_or(|&b| self.max >= b) => self.max,
            k if k >= last => f64::INFINITY,
            k if self.integer && self.breaks[k].fract() == 0.0 => self.breaks[k] - 1.0,
            k if self.integer => self.breaks[k].floor(),
            k => self.breaks[k],
        };
        (lo, hi)
    }
}

fn sorted_finite(values: &[f64]) -> Vec<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    v
}

/// Linear-interpolated quantile of sorted values.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (i, frac) = (pos.floor() as usize, pos.fract());
    match sorted.get(i + 1) {
        Some(&next) => sorted[i] + frac * (next - sorted[i]),
        None => sorted[i],
    }
}

/// Two significant digits (whole numbers stay whole): 137 → 140, 0.0567 → 0.057.
pub fn round_nice(value: f64, integer: bool) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = 10f64.powi(value.abs().log10().floor() as i32 - 1);
    let rounded = (value / magnitude).round() * magnitude;
    if integer { rounded.round() } else { rounded }
}

/// The fewest decimals (up to `most`) that show every break and both ends exactly: rounded breaks
/// like 54 or 1.2 need no trailing zeros.
pub fn legend_decimals(classes: &Classes, most: usize) -> usize {
    let mut numbers = classes.breaks.clone();
    numbers.extend([classes.min, classes.max]);
    (0..most)
        .find(|&d| {
            let scale = 10f64.powi(d as i32);
            numbers.iter().all(|v| !v.is_finite() || ((v * scale).round() - v * scale).abs() < 1e-6)
        })
        .unwrap_or(most)
}

/// "10–19", "7", "≥ 300", "1,5–2,5" (an en dash without spaces, as a range is written).
pub fn range_label(lo: f64, hi: f64, integer: bool, decimals: usize, lang: Lang) -> String {
    let places = if integer { 0 } else { decimals };
    let f = |v: f64| numfmt::decimal(v, places, lang);
    match (lo.is_finite(), hi.is_finite()) {
        (false, true) if integer => format!("≤ {}", f(hi)),
        (false, true) => format!("< {}", f(hi)),
        (true, false) => format!("≥ {}", f(lo)),
        _ if integer && lo == hi => f(lo),
        // A dash between negative numbers reads as a minus sign.
        _ if lo < 0.0 => format!("{} {} {}", f(lo), lang.pick("til", "to"), f(hi)),
        _ => format!("{}–{}", f(lo), f(hi)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spread(n: usize) -> Vec<f64> {
        (0..n).map(|i| 10.0 + (i * i) as f64 * 0.37).collect()
    }

    #[test]
    fn ratio_classes_are_fixed_with_the_neutral_class_just_below_one() {
        let c = Classes::ratio(&[0.42, 0.93, 1.31]).unwrap();
        assert_eq!(c.len(), 7);
        assert_eq!(c.colours.len(), 7);
        assert_eq!(
            (c.class_of(0.42), c.class_of(0.6), c.class_of(0.93), c.class_of(1.0), c.class_of(1.31)),
            (0, 1, 3, 4, 6)
        );
        assert_eq!(c.colours[c.middle()], palette::NEUTRAL);
        assert_eq!(c.colour_of(0.93), palette::NEUTRAL);
        // The same breaks whatever the values, so two plans' maps compare.
        assert_eq!(Classes::ratio(&[0.8]).unwrap().breaks, c.breaks);
        assert!(Classes::ratio(&[]).is_none());
    }

    #[test]
    fn sequential_breaks_monotone_and_every_value_classed() {
        for integer in [false, true] {
            let values: Vec<f64> = spread(200).into_iter().map(|v| if integer { v.round() } else { v }).collect();
            let c = Classes::sequential(&values, SEQUENTIAL_CLASSES, integer).unwrap();
            assert!(c.len() >= 5 && c.len() <= SEQUENTIAL_CLASSES, "{c:?}");
            assert!(c.breaks.windows(2).all(|w| w[0] < w[1]), "{:?}", c.breaks);
            assert_eq!(c.colours.len(), c.len());
            let mut counts = vec![0; c.len()];
            for &v in &values {
                let k = c.class_of(v);
                assert!(k < c.len());
                let (lo, hi) = c.range(k);
                assert!(lo <= v && v <= hi, "{v} in class {k} = {lo}..={hi}");
                counts[k] += 1;
            }
            assert!(counts.iter().all(|&n| n > 0), "no empty class: {counts:?}");
            // Quantile classes are roughly even.
            assert!(counts.iter().all(|&n| n >= 200 / SEQUENTIAL_CLASSES / 3), "{counts:?}");
        }
    }

    #[test]
    fn integer_ranges_do_not_overlap() {
        let values: Vec<f64> = (10..=300).map(f64::from).collect();
        let c = Classes::sequential(&values, 6, true).unwrap();
        let ranges: Vec<(f64, f64)> = (0..c.len()).map(|k| c.range(k)).collect();
        assert_eq!(ranges[0].0, 10.0);
        assert_eq!(ranges.last().unwrap().1, 300.0);
        for w in ranges.windows(2) {
            assert_eq!(w[0].1 + 1.0, w[1].0, "{ranges:?}");
        }
        assert!(c.breaks.iter().all(|b| b.fract() == 0.0));
    }

    #[test]
    fn few_distinct_values() {
        let c = Classes::sequential(&[5.0, 5.0, 5.0], 6, true).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c.class_of(5.0), 0);
        let c = Classes::sequential(&[1.0, 2.0], 6, true).unwrap();
        assert_eq!(c.len(), 2);
        assert!(Classes::sequential(&[], 6, true).is_none());
        assert!(Classes::sequential(&[f64::NAN], 6, true).is_none());
    }

    #[test]
    fn diverging_is_centred_at_zero() {
        for integer in [true, false] {
            let values: Vec<f64> =
                (-40..=90).map(|i| if integer { f64::from(i) } else { f64::from(i) * 0.13 }).collect();
            let c = Classes::diverging(&values, integer).unwrap();
            assert_eq!(c.scheme, Scheme::Diverging);
            assert_eq!(c.len() % 2, 1, "odd number of classes");
            assert_eq!(c.len(), 7);
            let n = c.breaks.len();
            for i in 0..n {
                assert_eq!(c.breaks[i], -c.breaks[n - 1 - i], "symmetric {:?}", c.breaks);
            }
            assert!(c.breaks.windows(2).all(|w| w[0] < w[1]));
            assert_eq!(c.class_of(0.0), c.middle());
            assert_eq!(c.colours[c.middle()], palette::NEUTRAL);
            assert!(c.class_of(-40.0) < c.middle() && c.class_of(90.0) > c.middle());
            if integer {
                assert_eq!(c.class_of(1.0), c.middle() + 1);
                assert_eq!(c.class_of(-1.0), c.middle() - 1);
                assert_eq!(c.range(c.middle()), (0.0, 0.0));
                assert_eq!(c.range(c.middle() + 1).0, 1.0);
                assert_eq!(c.range(c.middle() - 1).1, -1.0);
            }
        }
        // All zero: one neutral class.
        let c = Classes::diverging(&[0.0, 0.0], true).unwrap();
        assert_eq!(c.breaks, vec![-0.5, 0.5]);
        assert_eq!(c.class_of(0.0), 1);
    }

    #[test]
    fn nice_rounding() {
        assert_eq!(round_nice(137.0, true), 140.0);
        assert_eq!(round_nice(13.7, true), 14.0);
        assert_eq!(round_nice(3.7, true), 4.0);
        assert!((round_nice(0.0567, false) - 0.057).abs() < 1e-12);
        assert_eq!(round_nice(-137.0, true), -140.0);
    }
}
