//! Whether a column's values read as a count of refugees (a request, decisions, settled): the rule `import`
//! takes a column's kind by, and the check that warns when a rate holds such numbers. Taking a count for a rate
//! scales it by population once more (Oslo asked for several times its share).

/// The smallest and largest national total a count of refugees has had or may plausibly have: below, a column
/// of small whole numbers (a class 1–6) is not taken for a count; above, it counts something else (persons).
pub const NATIONAL_TOTAL: (f64, f64) = (1_000.0, 100_000.0);

/// A count has more than a handful of different values; a class or a code has few.
const MIN_DISTINCT: usize = 10;

/// The sum of the values when they read as a count of refugees: whole, never negative, at least 10 different
/// values, summing to a national total ([`NATIONAL_TOTAL`]).
pub fn count_total(values: &[Option<f64>]) -> Option<f64> {
    let filled: Vec<f64> = values.iter().flatten().copied().collect();
    if filled.iter().any(|v| !v.is_finite() || *v < 0.0 || v.fract() != 0.0) {
        return None;
    }
    let mut distinct: Vec<u64> = filled.iter().map(|v| v.to_bits()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let total: f64 = filled.iter().sum();
    (distinct.len() >= MIN_DISTINCT && (NATIONAL_TOTAL.0..=NATIONAL_TOTAL.1).contains(&total)).then_some(total)
}
