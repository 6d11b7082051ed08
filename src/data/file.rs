//! The project's dataset file (`*.dataset.ron`): metadata and rows, validated on load.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::dataset::{Column, ColumnMeta, Dataset, HistoryPoint, Municipality, Text};
use super::fingerprint::fingerprint;
use super::role::ColumnRole;
use crate::fileio::{Refused, RonError, TextError, parse_versioned, read_text, to_ron_pretty, write_atomic};

pub use crate::fileio::MAX_INPUT_BYTES;

/// The newest dataset file format this program reads. Format 2 states each column's role; a format 1 column
/// that counts persons gets the role its id gives.
pub const DATASET_FORMAT: u32 = 2;

/// The first format whose columns state their role (absent: none).
const ROLES_STATED: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetFile {
    pub format: u32,
    pub id: String,
    pub title: Text,
    pub year: i32,
    pub credits: String,
    pub population_label: Text,
    #[serde(default)]
    pub history: Vec<HistoryPoint>,
    pub columns: Vec<ColumnMeta>,
    pub rows: Vec<RowFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowFile {
    pub code: String,
    pub name: String,
    pub county_code: String,
    pub county_name: String,
    pub population: f64,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error(transparent)]
    Read(#[from] crate::fileio::ReadError),
    #[error("{file}: the file is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { file: String, offset: usize },
    #[error(transparent)]
    Syntax(#[from] RonError),
    #[error(
        "{file}: dataset format {found} is newer than this program reads (up to {DATASET_FORMAT}); update bosetting"
    )]
    NewerFormat { file: String, found: u32 },
    #[error("{file}: dataset format 0 is not valid (this program writes format {DATASET_FORMAT})")]
    BadFormat { file: String },
    #[error("{file}: the dataset has no municipalities")]
    Empty { file: String },
    #[error("{file}: column {index} id {id:?} appears twice")]
    DuplicateColumn { file: String, index: usize, id: String },
    #[error(
        "{file}: column {index} {id:?} has the role {}, which needs a count (kind: extensive), but it is a rate", role.key()
    )]
    RoleNotCount { file: String, index: usize, id: String, role: ColumnRole },
    #[error("{file}: row {row}: municipality code {code:?} is not 4 digits")]
    BadCode { file: String, row: usize, code: String },
    #[error("{file}: row {row}: county code {code:?} is not 2 digits")]
    BadCountyCode { file: String, row: usize, code: String },
    #[error("{file}: row {row}: municipality code {code} appears again (first in row {first_row})")]
    DuplicateCode { file: String, row: usize, code: String, first_row: usize },
    #[error("{file}: row {row} ({code}): population {} must be a finite number of at least 1", short(*.value))]
    BadPopulation { file: String, row: usize, code: String, value: f64 },
    #[error("{file}: row {row} ({code}): {found} values, but the dataset has {expected} columns")]
    CellCount { file: String, row: usize, code: String, expected: usize, found: usize },
    #[error("{file}: row {row} ({code}), column {column}: value {} {reason}", short(*.value))]
    BadValue { file: String, row: usize, code: String, column: String, value: f64, reason: String },
    #[error("{0}; nothing was written, since the dataset could not be read back")]
    Unreadable(Box<DataError>),
    #[error("{file}: cannot write the dataset: {source}")]
    Write { file: String, source: std::io::Error },
    #[error("unknown embedded dataset {0:?} (known: norway-2020, norway-2024)")]
    UnknownEmbedded(String),
}

use crate::numfmt::quoted as short;

/// Parses and validates dataset text; `file` names the source in messages.
pub fn parse_dataset(text: &str, file: &str) -> Result<Dataset, DataError> {
    let raw =
        parse_versioned(text, file, DATASET_FORMAT, |d: &DatasetFile| d.format).map_err(|refused| match refused {
            Refused::Syntax(e) => DataError::Syntax(e),
            Refused::Newer(found) => DataError::NewerFormat { file: file.to_owned(), found },
            Refused::Zero => DataError::BadFormat { file: file.to_owned() },
        })?;
    validate(raw, file)
}

pub fn load_dataset_file(path: &Path) -> Result<Dataset, DataError> {
    let (text, file) = read_text(path).map_err(|e| match e {
        TextError::Read(e) => DataError::Read(e),
        TextError::NotUtf8 { file, offset } => DataError::NotUtf8 { file, offset },
    })?;
    parse_dataset(&text, &file)
}

pub fn save_dataset_file(dataset: &Dataset, path: &Path) -> Result<(), DataError> {
    let text = dataset_file_text(dataset, &path.display().to_string())?;
    write_atomic(path, text.as_bytes()).map_err(|source| DataError::Write { file: path.display().to_string(), source })
}

/// The text of `dataset`'s file, checked exactly as the loader checks a file (`file` names it in messages):
/// nothing is written that this program would then refuse to read.
pub fn dataset_file_text(dataset: &Dataset, file: &str) -> Result<String, DataError> {
    let text = to_ron_pretty(&to_file(dataset), 2)
        .map_err(|e| DataError::Write { file: file.to_owned(), source: std::io::Error::other(e.to_string()) })?;
    parse_dataset(&text, file).map_err(|e| DataError::Unreadable(Box::new(e)))?;
    Ok(text)
}

pub fn to_file(dataset: &Dataset) -> DatasetFile {
    DatasetFile {
        format: DATASET_FORMAT,
        id: dataset.id.clone(),
        title: dataset.title.clone(),
        year: dataset.year,
        credits: dataset.credits.clone(),
        population_label: dataset.population_label.clone(),
        history: dataset.history.clone(),
        columns: dataset.columns.iter().map(|c| c.meta.clone()).collect(),
        rows: dataset
            .municipalities
            .iter()
            .enumerate()
            .map(|(i, m)| RowFile {
                code: m.code.clone(),
                name: m.name.clone(),
                county_code: m.county_code.clone(),
                county_name: m.county_name.clone(),
                population: m.population,
                values: dataset.columns.iter().map(|c| c.values[i]).collect(),
            })
            .collect(),
    }
}

fn is_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn validate(mut raw: DatasetFile, file: &str) -> Result<Dataset, DataError> {
    let file_s = || file.to_owned();
    if raw.rows.is_empty() {
        return Err(DataError::Empty { file: file_s() });
    }
    for (index, meta) in raw.columns.iter().enumerate() {
        if raw.columns[..index].iter().any(|c| c.id == meta.id) {
            return Err(DataError::DuplicateColumn { file: file_s(), index: index + 1, id: meta.id.clone() });
        }
    }
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, row) in raw.rows.iter().enumerate() {
        let row_no = i + 1;
        if !is_digits(&row.code, 4) {
            return Err(DataError::BadCode { file: file_s(), row: row_no, code: row.code.clone() });
        }
        if !is_digits(&row.county_code, 2) {
            return Err(DataError::BadCountyCode { file: file_s(), row: row_no, code: row.county_code.clone() });
        }
        if let Some(first_row) = seen.insert(&row.code, row_no) {
            return Err(DataError::DuplicateCode { file: file_s(), row: row_no, code: row.code.clone(), first_row });
        }
        // At least one person: a subnormal "above 0" would make per-1000 figures infinite.
        if !(row.population.is_finite() && row.population >= 1.0) {
            return Err(DataError::BadPopulation {
                file: file_s(),
                row: row_no,
                code: row.code.clone(),
                value: row.population,
            });
        }
        if row.values.len() != raw.columns.len() {
            return Err(DataError::CellCount {
                file: file_s(),
                row: row_no,
                code: row.code.clone(),
                expected: raw.columns.len(),
                found: row.values.len(),
            });
        }
        for (meta, value) in raw.columns.iter().zip(&row.values) {
            let Some(v) = *value else { continue };
            let reason = if !v.is_finite() {
                Some("is not a finite number".to_owned())
            } else if let Some((lo, hi)) = meta.range
                && !(lo..=hi).contains(&v)
            {
                Some(format!("is outside the allowed range {lo}–{hi}"))
            } else if meta.kind == super::Kind::Extensive && v < 0.0 {
                Some("is negative, but the column is a count".to_owned())
            } else {
                None
            };
            if let Some(reason) = reason {
                return Err(DataError::BadValue {
                    file: file_s(),
                    row: row_no,
                    code: row.code.clone(),
                    column: meta.id.clone(),
                    value: v,
                    reason,
                });
            }
        }
    }
    let roles_stated = raw.format >= ROLES_STATED;
    for (index, meta) in raw.columns.iter_mut().enumerate() {
        if !roles_stated && meta.kind == super::Kind::Extensive {
            meta.role = ColumnRole::from_legacy_id(&meta.id);
        }
        if let Some(role) = meta.role
            && meta.kind != super::Kind::Extensive
        {
            return Err(DataError::RoleNotCount { file: file_s(), index: index + 1, id: meta.id.clone(), role });
        }
    }
    let n = raw.rows.len();
    let mut columns: Vec<(ColumnMeta, Vec<Option<f64>>)> =
        raw.columns.into_iter().map(|meta| (meta, Vec::with_capacity(n))).collect();
    let mut municipalities = Vec::with_capacity(n);
    for row in raw.rows {
        for ((_, values), value) in columns.iter_mut().zip(row.values) {
            values.push(value);
        }
        municipalities.push(Municipality {
            code: row.code,
            name: row.name,
            county_code: row.county_code,
            county_name: row.county_name,
            population: row.population,
        });
    }
    let mut dataset = Dataset {
        id: raw.id,
        title: raw.title,
        year: raw.year,
        credits: raw.credits,
        population_label: raw.population_label,
        history: raw.history,
        municipalities: municipalities.into(),
        columns: columns.into_iter().map(|(meta, values)| Column { meta, values: values.into() }).collect(),
        fingerprint: String::new(),
    };
    dataset.fingerprint = fingerprint(&dataset);
    Ok(dataset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        let d = crate::data::embedded_dataset("norway-2020").unwrap();
        let mut file = to_file(&d);
        file.rows.truncate(3);
        crate::fileio::to_ron_pretty(&file, 2).unwrap()
    }

    fn err(text: &str) -> String {
        parse_dataset(text, "d.ron").unwrap_err().to_string()
    }

    #[test]
    fn sample_parses() {
        assert_eq!(parse_dataset(&sample(), "d.ron").unwrap().len(), 3);
    }

    #[test]
    fn each_validation_error_names_row_column_and_value() {
        let s = sample();
        assert!(err(&s.replacen("code: \"0301\"", "code: \"301\"", 1)).contains("row 1: municipality code \"301\""));
        assert!(
            err(&s.replacen("code: \"1101\"", "code: \"0301\"", 1))
                .contains("row 2: municipality code 0301 appears again")
        );
        assert!(err(&s.replacen("population: 693494.0", "population: 0.0", 1)).contains("row 1 (0301): population 0"));
        assert!(
            err(&s.replacen("values: [25.59,", "values: [125.59,", 1))
                .contains("row 1 (0301), column innvandrerandel_2020_pst: value 125.59 is outside the allowed range")
        );
        assert!(err(&s.replacen("values: [25.59,", "values: [", 1)).contains("13 values, but the dataset has 14"));
        assert!(err(&s.replacen("county_code: \"03\"", "county_code: \"3\"", 1)).contains("county code"));
        assert!(err(&s.replacen("format: 2", "format: 9", 1)).contains("newer"));
        assert!(err(&s.replacen("format: 2", "format: 0", 1)).contains("dataset format 0 is not valid"));
        // A newer file is refused as newer, not for a field this program does not know.
        assert!(err(&s.replacen("format: 2", "format: 9, colour: 1", 1)).contains("newer"));
        assert!(err(&s.replacen("year: 2020,", "year: 2020, colour: 1,", 1)).contains("colour"));
        assert!(err(&s.replacen("10.0, 12.0", "10.0, -12.0", 1)).contains("negative"));
    }

    #[test]
    fn a_format_1_file_opens_unchanged_with_the_roles_its_ids_give() {
        // A dataset file as version 1 wrote it: no roles, request and sent-plan columns named by convention.
        let old = include_str!("../../tests/fixtures/datasets/format1-sent.dataset.ron");
        let d = parse_dataset(old, "old.dataset.ron").unwrap();
        let role = |id: &str| d.column(id).unwrap().meta.role;
        assert_eq!(role("anmodning_2024"), Some(ColumnRole::Request { year: 2024 }));
        assert_eq!(role("vedtak_2024"), Some(ColumnRole::Decisions { year: 2024 }));
        assert_eq!(role("anmodning_sendt"), Some(ColumnRole::SentRound { order: 1 }));
        assert_eq!(role("andel_pst"), None, "a rate has no role");
        // Written again it states the roles, reads back the same, and the fingerprint is unchanged.
        let text = dataset_file_text(&d, "new.dataset.ron").unwrap();
        assert!(text.contains("format: 2") && text.contains("role: Request(year: 2024)"), "{text}");
        let again = parse_dataset(&text, "new.dataset.ron").unwrap();
        assert_eq!(again.columns, d.columns);
        assert_eq!(again.fingerprint, d.fingerprint);
        // From format 2 on, an absent role is none: the id alone gives nothing.
        let unstated = text.replace("role: Request(year: 2024)", "").replace(", )", ")");
        let d2 = parse_dataset(&unstated, "new.dataset.ron").unwrap();
        assert_eq!(d2.column("anmodning_2024").unwrap().meta.role, None);
    }

    #[test]
    fn a_rate_with_a_role_is_refused_with_its_column() {
        let s = sample().replacen(
            "kind: intensive, default_missing: county_median,",
            "kind: intensive, default_missing: county_median, role: Decisions(year: 2020),",
            1,
        );
        let e = err(&s);
        assert!(e.contains("column 1") && e.contains("decisions:2020") && e.contains("needs a count"), "{e}");
    }

    #[test]
    fn missing_cells_stay_missing() {
        let d = crate::data::embedded_dataset("norway-2020").unwrap();
        let intro = d.column("intro_arbeid_utdanning_2013_pst").unwrap();
        assert!(intro.missing_count() > 150, "{}", intro.missing_count());
    }
}
