//! Numbers per municipality for the year — a round made elsewhere, decisions, settled counts — read from a
//! dataset column or from a table file of `kommunenummer,count` rows.
//!
//! A municipality the source leaves empty (or does not list) gets no entry: for decisions that is "not
//! answered", never 0 ("said no").

use std::collections::HashMap;

use super::model::Counts;
use crate::data::Dataset;
use crate::followup::{FollowUpError, column_counts};
use crate::import::{Cell, DecimalMark, ImportError, municipality_code, parse_number_in, read_table};

#[derive(Debug, thiserror::Error)]
pub enum CountsError {
    #[error(transparent)]
    Column(#[from] FollowUpError),
    #[error(transparent)]
    Table(#[from] ImportError),
    #[error("{file}: the table needs two columns, municipality code and count; it has {found}")]
    TooFewColumns { file: String, found: usize },
    #[error("{file}, line {line}: {cell:?} is not a municipality code")]
    NotACode { file: String, line: usize, cell: String },
    #[error("{file}, line {line}: municipality {code} is not in the dataset {dataset}")]
    UnknownCode { file: String, line: usize, code: String, dataset: String },
    #[error("{file}, line {line}: municipality {code} is listed again (first on line {first})")]
    Repeated { file: String, line: usize, code: String, first: usize },
    #[error("{file}, line {line} ({code}): {value} is not a whole number of at least 0")]
    NotACount { file: String, line: usize, code: String, value: f64 },
    #[error("{file}, line {line}: {message}")]
    NotANumber { file: String, line: usize, message: String },
}

/// The filled cells of a dataset column, as counts (a fraction or a negative value is refused).
pub fn counts_from_column(dataset: &Dataset, column: &str) -> Result<Counts, CountsError> {
    let values = column_counts(dataset, column)?;
    Ok(dataset.municipalities.iter().zip(values).filter_map(|(m, v)| v.map(|v| (m.code.clone(), v))).collect())
}

/// A table (CSV, semicolons or tabs; UTF-8 or Windows-1252) whose first column holds municipality codes and
/// second the counts. Unknown or repeated codes and values that are not whole counts are refused with the
/// line.
pub fn counts_from_table(bytes: &[u8], file: &str, dataset: &Dataset) -> Result<Counts, CountsError> {
    let table = read_table(bytes, file)?;
    if table.headers.len() < 2 {
        return Err(CountsError::TooFewColumns { file: file.to_owned(), found: table.headers.len() });
    }
    let rows: HashMap<&str, ()> = dataset.municipalities.iter().map(|m| (m.code.as_str(), ())).collect();
    let mark = DecimalMark::of_column(table.rows.iter().map(|r| (r.line, r.cells.get(1).unwrap_or(""))));
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut out = Counts::new();
    for row in &table.rows {
        let (line, code_cell) = (row.line, row.cells.get(0).unwrap_or(""));
        let file = || file.to_owned();
        let code = municipality_code(code_cell).ok_or_else(|| CountsError::NotACode {
            file: file(),
            line,
            cell: code_cell.to_owned(),
        })?;
        if !rows.contains_key(code.as_str()) {
            return Err(CountsError::UnknownCode { file: file(), line, code, dataset: dataset.id.clone() });
        }
        if let Some(&first) = first_line.get(&code) {
            return Err(CountsError::Repeated { file: file(), line, code, first });
        }
        first_line.insert(code.clone(), line);
        match parse_number_in(row.cells.get(1).unwrap_or(""), mark) {
            Ok(Cell::Number(v)) if v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) => {
                out.insert(code, v as u32);
            }
            Ok(Cell::Number(value)) => return Err(CountsError::NotACount { file: file(), line, code, value }),
            Ok(Cell::Missing { .. } | Cell::Hidden { .. }) => {}
            Err(message) => return Err(CountsError::NotANumber { file: file(), line, message }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;

    #[test]
    fn a_column_keeps_not_answered_apart_from_no() {
        let d = embedded_dataset("norway-2024").unwrap();
        let c = counts_from_column(&d, "vedtak_2024").unwrap();
        assert_eq!(c.values().map(|&v| u64::from(v)).sum::<u64>(), 28_327);
        let values = column_counts(&d, "vedtak_2024").unwrap();
        let missing = values.iter().position(Option::is_none).unwrap();
        assert!(!c.contains_key(&d.municipalities[missing].code), "not answered stays out");
        assert_eq!(c.len(), values.iter().flatten().count());
    }

    #[test]
    fn a_table_is_read_and_its_mistakes_named_by_line() {
        let d = embedded_dataset("norway-2024").unwrap();
        let c = counts_from_table(b"kommunenummer;vedtak\n301;250\n1103;\n", "v.csv", &d).unwrap();
        assert_eq!((c.get("0301"), c.get("1103")), (Some(&250), None));
        let e = counts_from_table(b"kode,vedtak\n0301,10\n9999,4\n", "v.csv", &d).unwrap_err().to_string();
        assert!(e.contains("v.csv, line 3") && e.contains("9999"), "{e}");
        let e = counts_from_table(b"kode,vedtak\n0301,-4\n", "v.csv", &d).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("-4"), "{e}");
        let e = counts_from_table(b"kode,vedtak\n0301,4\n301,5\n", "v.csv", &d).unwrap_err().to_string();
        assert!(e.contains("line 3") && e.contains("first on line 2"), "{e}");
    }
}
