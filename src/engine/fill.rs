//! Filling missing indicator cells by the scenario's policy, and recording which cells were filled.

use std::borrow::Cow;
use std::sync::Arc;

use crate::data::Dataset;
use crate::scenario::MissingPolicy;

#[derive(Debug, Clone, PartialEq)]
pub struct FilledCell {
    /// Dataset row.
    pub row: usize,
    /// The column's id, shared by all filled cells of the column (no allocation per cell).
    pub column: Arc<str>,
    pub value: f64,
    pub policy: MissingPolicy,
}

/// A column's values with missing cells filled; `None` stays only under the exclude policy (or when no
/// value exists to take a median from).
pub struct Filled<'a> {
    /// Borrowed from the dataset when nothing was filled.
    pub values: Cow<'a, [Option<f64>]>,
    pub filled: Vec<FilledCell>,
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    // Selection instead of a full sort: this runs on every recomputation.
    let (below, upper, _) = values.select_nth_unstable_by(n / 2, f64::total_cmp);
    let upper = *upper;
    Some(if n % 2 == 1 { upper } else { (below.iter().copied().fold(f64::NEG_INFINITY, f64::max) + upper) / 2.0 })
}

/// Fills `column` of `dataset` by `policy`. Medians are taken over every municipality with a value.
pub fn filled_column(dataset: &Dataset, column: usize, policy: MissingPolicy) -> Filled<'_> {
    filled_column_with(dataset, column, policy, &dataset.row_index().county_of)
}

/// [`filled_column`] with the rows' county indices already computed (see `Dataset::row_index`).
pub fn filled_column_with<'a>(
    dataset: &'a Dataset,
    column: usize,
    policy: MissingPolicy,
    county_of: &[usize],
) -> Filled<'a> {
    let col = &dataset.columns[column];
    let missing = col.values.iter().filter(|v| v.is_none()).count();
    if missing == 0 || policy == MissingPolicy::Exclude {
        return Filled { values: Cow::Borrowed(&col.values), filled: Vec::new() };
    }
    let national = || median(col.values.iter().flatten().copied().collect());
    let county_medians: Vec<Option<f64>> = if policy == MissingPolicy::CountyMedian {
        let county_count = county_of.iter().max().map_or(0, |m| m + 1);
        let mut counts = vec![0; county_count];
        for (v, &c) in col.values.iter().zip(county_of) {
            counts[c] += usize::from(v.is_some());
        }
        let mut by_county: Vec<Vec<f64>> = counts.into_iter().map(Vec::with_capacity).collect();
        for (v, &c) in col.values.iter().zip(county_of) {
            if let Some(v) = v {
                by_county[c].push(*v);
            }
        }
        by_county.into_iter().map(median).collect()
    } else {
        Vec::new()
    };
    // The national median is needed for that policy, or for a county without any value.
    let national = match policy {
        MissingPolicy::NationalMedian => national(),
        MissingPolicy::CountyMedian if county_medians.iter().any(Option::is_none) => national(),
        _ => None,
    };
    let id: Arc<str> = Arc::from(col.meta.id.as_str());
    let mut values = col.values.clone();
    let mut filled = Vec::new();
    for (row, value) in values.iter_mut().enumerate() {
        if value.is_some() {
            continue;
        }
        let fill = match policy {
            MissingPolicy::Zero => Some(0.0),
            MissingPolicy::NationalMedian => national,
            // A county without any value falls back to the national median.
            MissingPolicy::CountyMedian => county_medians[county_of[row]].or(national),
            MissingPolicy::Exclude => None,
        };
        if let Some(v) = fill {
            *value = Some(v);
            filled.push(FilledCell { row, column: Arc::clone(&id), value: v, policy });
        }
    }
    Filled { values: Cow::Owned(values), filled }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }
}
