//! The reference a calibration fits: one value per municipality, from a dataset column or a CSV file.

use std::collections::HashMap;

use super::error::CalibrateError;
use crate::data::Dataset;
use crate::import::numbers::{DecimalMark, parse_number_in};
use crate::import::{Cell, Table, municipality_code, read_table};

/// One value per dataset row (e.g. last year's requests). `None` is unknown: the row is left out of the fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub values: Vec<Option<f64>>,
    /// The column id or file name, for messages and reports.
    pub name: String,
}

impl Reference {
    /// The sum of the known values.
    pub fn total(&self) -> f64 {
        self.values.iter().flatten().sum()
    }

    /// Municipalities with a positive value: the ones the reference asked.
    pub fn asked(&self) -> usize {
        self.values.iter().flatten().filter(|v| **v > 0.0).count()
    }

    fn check_not_all_zero(self) -> Result<Self, CalibrateError> {
        if self.values.iter().flatten().any(|v| *v > 0.0) {
            Ok(self)
        } else {
            Err(CalibrateError::AllZero { name: self.name })
        }
    }
}

/// A dataset column as the reference (e.g. `anmodning_2018`). Missing cells stay unknown.
pub fn reference_from_column(dataset: &Dataset, column: &str) -> Result<Reference, CalibrateError> {
    let Some(col) = dataset.column(column) else {
        let ids: Vec<&str> = dataset.columns.iter().map(|c| c.meta.id.as_str()).collect();
        let hint = if ids.is_empty() { String::new() } else { format!("; the columns are: {}", ids.join(", ")) };
        return Err(CalibrateError::UnknownColumn { column: column.to_owned(), hint });
    };
    for (m, v) in dataset.municipalities.iter().zip(&col.values) {
        if let Some(v) = v.filter(|v| *v < 0.0) {
            return Err(CalibrateError::NegativeInColumn { column: column.to_owned(), code: m.code.clone(), value: v });
        }
    }
    Reference { values: col.values.to_vec(), name: column.to_owned() }.check_not_all_zero()
}

/// A table of `kommunenummer,value` rows with a header line (any names: the first column holds codes, the
/// second values). Comma, semicolon or tab separated; decimal comma or point; UTF-8 or Windows-1252.
///
/// Municipalities the file does not list count as 0 (not asked), as a request list names only the
/// municipalities asked. An empty cell, or SSB's `.`, `..`, `:` and `-`, is unknown: that row is left out of
/// the fit. Unknown or repeated codes, negative values and text that is not a number are refused with the
/// file name and line.
pub fn reference_from_csv(bytes: &[u8], file: &str, dataset: &Dataset) -> Result<Reference, CalibrateError> {
    // A large file is tried on its first lines first, so a mistake on line 3 is reported without reading
    // 60 MB. Only a row's own error counts there: the rows before the cut are whole.
    if let Some(head) = head_of(bytes)
        && let Ok(table) = read_table(head, file)
        && let Err(
            e @ (CalibrateError::NotACode { .. }
            | CalibrateError::UnknownCode { .. }
            | CalibrateError::DuplicateCode { .. }
            | CalibrateError::NegativeValue { .. }),
        ) = reference_from_table(&table, file, dataset)
    {
        return Err(e);
    }
    reference_from_table(&read_table(bytes, file)?, file, dataset)
}

/// Files larger than this are first tried on their beginning.
const HEAD_BYTES: usize = 256 * 1024;

/// The first [`HEAD_BYTES`] of a larger file, cut after a line break outside quotes; `None` for a small file.
fn head_of(bytes: &[u8]) -> Option<&[u8]> {
    if bytes.len() <= 2 * HEAD_BYTES {
        return None;
    }
    let mut quoted = false;
    let mut cut = None;
    for (i, &b) in bytes[..HEAD_BYTES].iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => cut = Some(i + 1),
            _ => {}
        }
    }
    cut.map(|c| &bytes[..c])
}

fn reference_from_table(table: &Table, file: &str, dataset: &Dataset) -> Result<Reference, CalibrateError> {
    if table.headers.len() < 2 {
        return Err(CalibrateError::TooFewColumns { file: file.to_owned(), found: table.headers.len() });
    }
    let index: HashMap<&str, usize> =
        dataset.municipalities.iter().enumerate().map(|(i, m)| (m.code.as_str(), i)).collect();
    let mut values = vec![Some(0.0); dataset.len()];
    let mut seen: Vec<Option<usize>> = vec![None; dataset.len()];
    let mark = DecimalMark::of_column(table.rows.iter().map(|r| (r.line, r.cells.get(1).unwrap_or(""))));
    for row in &table.rows {
        let (code_cell, value_cell) = (row.cells.get(0).unwrap_or(""), row.cells.get(1).unwrap_or(""));
        let line = row.line;
        let code = municipality_code(code_cell).ok_or_else(|| CalibrateError::NotACode {
            file: file.to_owned(),
            line,
            code: code_cell.to_owned(),
        })?;
        let &i = index.get(code.as_str()).ok_or_else(|| CalibrateError::UnknownCode {
            file: file.to_owned(),
            line,
            code: code.clone(),
            dataset: dataset.id.clone(),
        })?;
        if let Some(first_line) = seen[i] {
            return Err(CalibrateError::DuplicateCode { file: file.to_owned(), line, code, first_line });
        }
        seen[i] = Some(line);
        values[i] = match parse_number_in(value_cell, mark) {
            Ok(Cell::Number(v)) if v < 0.0 => {
                return Err(CalibrateError::NegativeValue { file: file.to_owned(), line, code, value: v });
            }
            Ok(Cell::Number(v)) => Some(v),
            Ok(Cell::Missing { .. } | Cell::Hidden { .. }) => None,
            Err(message) => return Err(CalibrateError::NotANumber { file: file.to_owned(), line, message }),
        };
    }
    Reference { values, name: file.to_owned() }.check_not_all_zero()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;

    fn norway() -> Dataset {
        embedded_dataset("norway-2020").unwrap()
    }

    fn csv_err(text: &str) -> String {
        reference_from_csv(text.as_bytes(), "ref.csv", &norway()).unwrap_err().to_string()
    }

    #[test]
    fn column_reference_keeps_every_row() {
        let d = norway();
        let r = reference_from_column(&d, "anmodning_2018").unwrap();
        assert_eq!(r.values.len(), 356);
        assert_eq!(r.total(), 5350.0);
        assert_eq!(r.asked(), 201);
        assert_eq!(r.name, "anmodning_2018");
    }

    #[test]
    fn missing_column_is_named_with_the_choices() {
        let e = reference_from_column(&norway(), "anmodning_2017").unwrap_err().to_string();
        assert!(e.contains("no column anmodning_2017"), "{e}");
        assert!(e.contains("anmodning_2019"), "{e}");
    }

    #[test]
    fn all_zero_column_is_refused() {
        let mut d = norway();
        let i = d.column_index("anmodning_2018").unwrap();
        d.columns[i].values.iter_mut().for_each(|v| *v = Some(0.0));
        let e = reference_from_column(&d, "anmodning_2018").unwrap_err().to_string();
        assert!(e.contains("anmodning_2018") && e.contains("zero"), "{e}");
        d.columns[i].values[3] = Some(-1.0);
        let e = reference_from_column(&d, "anmodning_2018").unwrap_err().to_string();
        assert!(e.contains("negative") && e.contains(&d.municipalities[3].code), "{e}");
    }

    #[test]
    fn csv_reads_codes_values_and_leaves_the_rest_at_zero() {
        let d = norway();
        // Semicolons, a decimal comma, a code whose leading zero a spreadsheet dropped, SSB's "not available".
        let text = "kommunenummer;anmodning\n301;250\n1103;120,5\n1106;..\n";
        let r = reference_from_csv(text.as_bytes(), "a.csv", &d).unwrap();
        assert_eq!(r.values[d.index_of_code("0301").unwrap()], Some(250.0));
        assert_eq!(r.values[d.index_of_code("1103").unwrap()], Some(120.5));
        assert_eq!(r.values[d.index_of_code("1106").unwrap()], None);
        assert_eq!(r.values[d.index_of_code("1101").unwrap()], Some(0.0));
        assert_eq!(r.name, "a.csv");
    }

    #[test]
    fn codes_kept_as_text_for_excel_are_read_as_codes() {
        let d = norway();
        // The planner's Norwegian CSV writes codes as text formulas; a sheet saved again keeps them quoted.
        let text = "\u{feff}Kommunenummer;Anmodning\n=\"0301\";250\n\"=\"\"1103\"\"\";12\n";
        let r = reference_from_csv(text.as_bytes(), "plan.csv", &d).unwrap();
        assert_eq!(r.values[d.index_of_code("0301").unwrap()], Some(250.0));
        assert_eq!(r.values[d.index_of_code("1103").unwrap()], Some(12.0));
        assert_eq!(r.total(), 262.0);
    }

    #[test]
    fn bad_csv_rows_name_file_and_line() {
        let e = csv_err("kommunenummer,anmodning\n0301,250\n9999,10\n");
        assert!(e.contains("ref.csv, line 3") && e.contains("9999") && e.contains("not in the dataset"), "{e}");
        let e = csv_err("kommunenummer,anmodning\n0301,250\n1103,-5\n");
        assert!(e.contains("ref.csv, line 3") && e.contains("negative"), "{e}");
        let e = csv_err("kommunenummer,anmodning\n0301,250\n1103,ti\n1106,4\n");
        assert!(e.contains("ref.csv, line 3") && e.contains("\"ti\" is not a number"), "{e}");
        let e = csv_err("kommunenummer,anmodning\n0301,0\n1103,0\n");
        assert!(e.contains("ref.csv") && e.contains("zero"), "{e}");
        let e = csv_err("kommunenummer,anmodning\n0301,10\nOslo,10\n");
        assert!(e.contains("ref.csv, line 3") && e.contains("not a municipality code"), "{e}");
        let e = csv_err("kommunenummer,anmodning\n0301,10\n1103,4\n0301,12\n");
        assert!(e.contains("ref.csv, line 4") && e.contains("first on line 2"), "{e}");
        let e = csv_err("");
        assert!(e.contains("ref.csv") && e.contains("empty"), "{e}");
    }

    #[test]
    fn a_large_file_with_a_mistake_near_the_top_is_refused_from_its_first_lines() {
        let d = norway();
        let mut text = String::from("kommunenummer;anmodning\n0301;250\nOslo;10\n");
        // The rest would take the whole file to read, and is itself broken further down.
        while text.len() < 3 * HEAD_BYTES {
            text.push_str("1103;1\n");
        }
        text.push_str("\"unclosed\n");
        let e = reference_from_csv(text.as_bytes(), "big.csv", &d).unwrap_err().to_string();
        assert!(e.starts_with("big.csv, line 3: \"Oslo\" is not a municipality code"), "{e}");
        // A mistake only the whole file shows is still found.
        let mut text = String::from("kommunenummer;anmodning\n0301;250\n");
        while text.len() < 3 * HEAD_BYTES {
            text.push('\n');
        }
        text.push_str("1103;-4\n");
        let e = reference_from_csv(text.as_bytes(), "late.csv", &d).unwrap_err().to_string();
        assert!(e.contains("negative"), "{e}");
    }
}
