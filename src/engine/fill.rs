//! Filling missing indicator cells by the scenario's policy, and recording which cells were filled.

use std::sync::Arc;

use crate::data::{Dataset, RowIndex};
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
pub enum Filled<'a> {
    /// Nothing to fill: the dataset's own cells.
    Cells(&'a [Option<f64>]),
    /// Made once per column, policy and municipality list, and kept with the column's cells.
    Made(Arc<MadeColumn>),
}

pub struct MadeColumn {
    policy: MissingPolicy,
    /// The municipality list (counties) the medians were taken with.
    index: Arc<RowIndex>,
    values: Vec<Option<f64>>,
    filled: Vec<FilledCell>,
}

impl Filled<'_> {
    pub fn values(&self) -> &[Option<f64>] {
        match self {
            Filled::Cells(cells) => cells,
            Filled::Made(made) => &made.values,
        }
    }

    /// The cells that were filled, in row order.
    pub fn filled(&self) -> &[FilledCell] {
        match self {
            Filled::Cells(_) => &[],
            Filled::Made(made) => &made.filled,
        }
    }
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
    let col = &dataset.columns[column];
    if policy == MissingPolicy::Exclude || col.values.iter().all(Option::is_some) {
        return Filled::Cells(&col.values);
    }
    let index = dataset.shared_row_index();
    Filled::Made(col.values.derived(
        |made: &MadeColumn| made.policy == policy && Arc::ptr_eq(&made.index, index),
        || made_column(dataset, column, policy, index),
    ))
}

fn made_column(dataset: &Dataset, column: usize, policy: MissingPolicy, index: &Arc<RowIndex>) -> MadeColumn {
    let col = &dataset.columns[column];
    let county_of = &index.county_of;
    let national = || median(col.values.iter().flatten().copied().collect());
    let county_medians: Vec<Option<f64>> = if policy == MissingPolicy::CountyMedian {
        let mut by_county: Vec<Vec<f64>> = vec![Vec::new(); index.counties.len()];
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
    let mut values = col.values.to_vec();
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
    MadeColumn { policy, index: Arc::clone(index), values, filled }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::data::embedded_dataset;

    #[test]
    fn a_filled_column_is_made_once_and_again_when_its_cells_or_counties_change() {
        let mut d = embedded_dataset("norway-2020").unwrap();
        let col = d.column_index("intro_arbeid_utdanning_2013_pst").unwrap();
        let first = filled_column(&d, col, MissingPolicy::CountyMedian);
        let again = filled_column(&d, col, MissingPolicy::CountyMedian);
        let (Filled::Made(a), Filled::Made(b)) = (&first, &again) else { panic!("the column has missing cells") };
        assert!(Arc::ptr_eq(a, b), "kept");
        assert!(first.values().iter().all(Option::is_some));
        let zero = filled_column(&d, col, MissingPolicy::Zero);
        assert!(zero.filled().iter().all(|c| c.value == 0.0 && c.policy == MissingPolicy::Zero));
        // A filled cell whose county median is not the national one.
        let national = filled_column(&d, col, MissingPolicy::NationalMedian).filled()[0].value;
        let row = first.filled().iter().find(|c| c.value != national).unwrap().row;
        drop((first, again, zero));

        // A changed cell is seen.
        let present = (0..d.len()).find(|&r| d.columns[col].values[r].is_some()).unwrap();
        d.columns[col].values[present] = None;
        let changed = filled_column(&d, col, MissingPolicy::CountyMedian);
        assert!(changed.filled().iter().any(|c| c.row == present));
        drop(changed);

        // So is a municipality moved to a county of its own: its median is then the national one.
        let national = filled_column(&d, col, MissingPolicy::NationalMedian).values()[row];
        assert_ne!(filled_column(&d, col, MissingPolicy::CountyMedian).values()[row], national);
        d.municipalities[row].county_code = "99".into();
        let moved = filled_column(&d, col, MissingPolicy::CountyMedian);
        let national = filled_column(&d, col, MissingPolicy::NationalMedian).values()[row];
        assert_eq!(moved.values()[row], national);
    }

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }
}
