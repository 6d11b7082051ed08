//! Adding an imported indicator to a dataset, keyed by municipality code.

use super::dataset::{Column, ColumnMeta, Dataset};
use super::fingerprint::fingerprint;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AddColumnError {
    #[error("the dataset already has a column {0:?}; choose another name")]
    Exists(String),
    #[error("column name {0:?} must be letters, digits and _ only, starting with a letter")]
    BadName(String),
    #[error("no value matched any municipality of the dataset {0}")]
    NothingMatched(String),
    #[error("value {value} for {code} is not a finite number")]
    BadValue { code: String, value: f64 },
}

/// Returns the dataset with a new column: `values` are (code, value) pairs; codes the dataset does not have are
/// ignored (the caller reports them), municipalities without a value get a missing cell.
pub fn add_column(
    dataset: &Dataset,
    meta: ColumnMeta,
    values: &[(String, Option<f64>)],
) -> Result<Dataset, AddColumnError> {
    let id = &meta.id;
    if !id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err(AddColumnError::BadName(id.clone()));
    }
    if dataset.column(id).is_some() {
        return Err(AddColumnError::Exists(id.clone()));
    }
    let index: std::collections::HashMap<&str, usize> =
        dataset.municipalities.iter().enumerate().map(|(i, m)| (m.code.as_str(), i)).collect();
    let mut column = vec![None; dataset.len()];
    let mut matched = 0;
    for (code, value) in values {
        if let Some(v) = value
            && !v.is_finite()
        {
            return Err(AddColumnError::BadValue { code: code.clone(), value: *v });
        }
        if let Some(&row) = index.get(code.as_str()) {
            column[row] = *value;
            matched += 1;
        }
    }
    if matched == 0 {
        return Err(AddColumnError::NothingMatched(dataset.id.clone()));
    }
    let mut out = dataset.clone();
    out.columns.push(Column { meta, values: column.into() });
    out.fingerprint = fingerprint(&out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::choices::MissingPolicy;
    use crate::data::{Direction, Kind, Text, embedded_dataset};

    fn meta(id: &str) -> ColumnMeta {
        ColumnMeta {
            id: id.into(),
            label: Text::new("Ny", "New"),
            unit: "%".into(),
            year: "2025".into(),
            source: "SSB".into(),
            licence: "NLOD 2.0".into(),
            direction: Direction::HigherIsBetter,
            kind: Kind::Intensive,
            default_missing: MissingPolicy::CountyMedian,
            range: None,
            estimated: Vec::new(),
            role: None,
        }
    }

    #[test]
    fn adds_by_code_and_keeps_missing_visible() {
        let d = embedded_dataset("norway-2020").unwrap();
        let values = vec![("0301".to_owned(), Some(1.5)), ("9999".to_owned(), Some(2.0)), ("1101".to_owned(), None)];
        let out = add_column(&d, meta("ny_indikator"), &values).unwrap();
        let col = out.column("ny_indikator").unwrap();
        assert_eq!(col.values[out.index_of_code("0301").unwrap()], Some(1.5));
        assert_eq!(col.missing_count(), d.len() - 1);
        assert_ne!(out.fingerprint, d.fingerprint);
        assert!(matches!(add_column(&d, meta("anmodning_2019"), &values), Err(AddColumnError::Exists(_))));
        assert!(matches!(add_column(&d, meta("1x"), &values), Err(AddColumnError::BadName(_))));
        assert!(matches!(
            add_column(&d, meta("ok"), &[("9999".into(), Some(1.0))]),
            Err(AddColumnError::NothingMatched(_))
        ));
    }
}
