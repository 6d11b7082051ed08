//! Filling missing indicator cells by the scenario's policy, and recording which cells were filled.

use crate::data::Dataset;
use crate::scenario::MissingPolicy;

#[derive(Debug, Clone, PartialEq)]
pub struct FilledCell {
    /// Dataset row.
    pub row: usize,
    pub column: String,
    pub value: f64,
    pub policy: MissingPolicy,
}

/// A column's values with missing cells filled; `None` stays only under the exclude policy (or when no
/// value exists to take a median from).
pub struct Filled {
    pub values: Vec<Option<f64>>,
    pub filled: Vec<FilledCell>,
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 })
}

/// Fills `column` of `dataset` by `policy`. Medians are taken over every municipality with a value.
pub fn filled_column(dataset: &Dataset, column: usize, policy: MissingPolicy) -> Filled {
    let col = &dataset.columns[column];
    let mut values = col.values.clone();
    let mut filled = Vec::new();
    if col.values.iter().all(Option::is_some) || policy == MissingPolicy::Exclude {
        return Filled { values, filled };
    }
    let national = median(col.values.iter().flatten().copied().collect());
    let mut county_medians: std::collections::BTreeMap<&str, Option<f64>> = Default::default();
    for (row, value) in values.iter_mut().enumerate() {
        if value.is_some() {
            continue;
        }
        let fill = match policy {
            MissingPolicy::Zero => Some(0.0),
            MissingPolicy::NationalMedian => national,
            MissingPolicy::CountyMedian => {
                let county = dataset.municipalities[row].county_code.as_str();
                let med = *county_medians.entry(county).or_insert_with(|| {
                    median(
                        dataset
                            .municipalities
                            .iter()
                            .zip(&col.values)
                            .filter(|(m, _)| m.county_code == county)
                            .filter_map(|(_, v)| *v)
                            .collect(),
                    )
                });
                // A county without any value falls back to the national median.
                med.or(national)
            }
            MissingPolicy::Exclude => None,
        };
        if let Some(v) = fill {
            *value = Some(v);
            filled.push(FilledCell { row, column: col.meta.id.clone(), value: v, policy });
        }
    }
    Filled { values, filled }
}
