//! Numbers per municipality for the year — a round made elsewhere, decisions, settled counts — read from a
//! dataset column or from a table file of `kommunenummer,count` rows (CSV or an Excel workbook).
//!
//! A municipality the source leaves empty (or does not list) gets no entry: for decisions that is "not
//! answered", never 0 ("said no").

use std::collections::HashMap;

use super::model::Counts;
use crate::data::Dataset;
use crate::followup::{FollowUpError, column_counts};
use crate::import::workbook::{SheetCell, ZIP_MAGIC, read_first_sheet};
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

/// A count cell as the file holds it: text to parse (CSV, a workbook's text cell) or a workbook's number.
enum CountCell {
    Text(String),
    Number(f64),
}

/// A table whose first column holds municipality codes and second the counts, under a header row: CSV
/// (semicolons or tabs, Norwegian decimal commas; UTF-8 or Windows-1252) or an Excel workbook (`.xlsx`, its
/// first sheet). Unknown or repeated codes and values that are not whole counts are refused with the line
/// (a workbook's row number).
pub fn counts_from_table(bytes: &[u8], file: &str, dataset: &Dataset) -> Result<Counts, CountsError> {
    let too_few = |found: usize| CountsError::TooFewColumns { file: file.to_owned(), found };
    let rows: Vec<(usize, String, CountCell)> = if bytes.starts_with(ZIP_MAGIC) {
        let sheet = read_first_sheet(bytes, file)?;
        let header = sheet.first().map_or(0, |r| r.cells.len());
        if header < 2 {
            return Err(too_few(header));
        }
        sheet
            .iter()
            .skip(1)
            .map(|r| {
                let code = r.cells.first().map(SheetCell::text).unwrap_or_default();
                let value = match r.cells.get(1) {
                    Some(SheetCell::Number(v)) => CountCell::Number(*v),
                    other => CountCell::Text(other.map(SheetCell::text).unwrap_or_default()),
                };
                (r.line, code, value)
            })
            .collect()
    } else {
        let table = read_table(bytes, file)?;
        if table.headers.len() < 2 {
            return Err(too_few(table.headers.len()));
        }
        let cell = |r: &crate::import::RowRef<'_>, i: usize| r.cells.get(i).unwrap_or("").to_owned();
        table.rows.iter().map(|r| (r.line, cell(&r, 0), CountCell::Text(cell(&r, 1)))).collect()
    };
    counts_from_rows(&rows, file, dataset)
}

fn counts_from_rows(rows: &[(usize, String, CountCell)], file: &str, dataset: &Dataset) -> Result<Counts, CountsError> {
    let known: HashMap<&str, ()> = dataset.municipalities.iter().map(|m| (m.code.as_str(), ())).collect();
    let texts = rows.iter().filter_map(|(line, _, v)| match v {
        CountCell::Text(t) => Some((*line, t.as_str())),
        CountCell::Number(_) => None,
    });
    let mark = DecimalMark::of_column(texts);
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut out = Counts::new();
    for (line, code_cell, value) in rows {
        let (line, file) = (*line, || file.to_owned());
        let code = municipality_code(code_cell).ok_or_else(|| CountsError::NotACode {
            file: file(),
            line,
            cell: code_cell.clone(),
        })?;
        if !known.contains_key(code.as_str()) {
            return Err(CountsError::UnknownCode { file: file(), line, code, dataset: dataset.id.clone() });
        }
        if let Some(&first) = first_line.get(&code) {
            return Err(CountsError::Repeated { file: file(), line, code, first });
        }
        first_line.insert(code.clone(), line);
        let parsed = match value {
            CountCell::Number(v) => Ok(Cell::Number(*v)),
            CountCell::Text(t) => parse_number_in(t, mark),
        };
        match parsed {
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

    fn workbook(rows: &[(&str, Option<f64>)]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "kommunenummer").unwrap();
        sheet.write_string(0, 1, "vedtak").unwrap();
        for (i, (code, value)) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            sheet.write_string(r, 0, *code).unwrap();
            if let Some(v) = value {
                sheet.write_number(r, 1, *v).unwrap();
            }
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_workbook_is_read_like_a_table_and_its_mistakes_named_by_row() {
        let d = embedded_dataset("norway-2024").unwrap();
        let c = counts_from_table(&workbook(&[("0301", Some(250.0)), ("1103", None)]), "v.xlsx", &d).unwrap();
        assert_eq!((c.get("0301"), c.get("1103")), (Some(&250), None));
        let e = counts_from_table(&workbook(&[("0301", Some(2.0)), ("4601", Some(1.5))]), "v.xlsx", &d);
        let e = e.unwrap_err().to_string();
        assert!(e.contains("v.xlsx, line 3 (4601): 1.5 is not a whole number"), "{e}");
        let e = counts_from_table(&workbook(&[("9999", Some(2.0))]), "v.xlsx", &d).unwrap_err().to_string();
        assert!(e.contains("v.xlsx, line 2: municipality 9999 is not in the dataset"), "{e}");
    }
}
