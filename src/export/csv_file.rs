//! The result table as a CSV file, written atomically.

use std::path::Path;

use super::ExportError;
use crate::report::{CsvStyle, ResultTable, write_csv};

/// Writes the table as CSV; a failed write leaves no file (and keeps an older one).
pub fn write_csv_file(path: &Path, table: &ResultTable, style: CsvStyle) -> Result<(), ExportError> {
    crate::fileio::write_atomic(path, &write_csv(table, style)).map_err(|e| ExportError::write(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_data;
    use crate::lang::Lang;
    use crate::report::result_table;

    /// Reads a written CSV back: the header and the rows as text.
    fn read_back(path: &Path, style: CsvStyle) -> (Vec<String>, Vec<Vec<String>>) {
        let bytes = std::fs::read(path).unwrap();
        let (bytes, delimiter) = match style {
            CsvStyle::ExcelNo => {
                assert!(bytes.starts_with("\u{feff}".as_bytes()), "Excel needs the BOM to read UTF-8");
                (&bytes[3..], b';')
            }
            CsvStyle::Plain => {
                assert!(!bytes.starts_with("\u{feff}".as_bytes()));
                (&bytes[..], b',')
            }
        };
        let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(bytes);
        let header = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let rows = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
        (header, rows)
    }

    fn parse(text: &str, style: CsvStyle) -> f64 {
        match style {
            CsvStyle::ExcelNo => {
                assert!(!text.contains('.'), "decimal comma: {text}");
                text.replace(',', ".").parse().unwrap()
            }
            CsvStyle::Plain => text.parse().unwrap(),
        }
    }

    #[test]
    fn both_styles_read_back() {
        let (d, s, a) = test_data::special_case();
        let dir = tempfile::tempdir().unwrap();
        for (style, lang) in [(CsvStyle::ExcelNo, Lang::Nb), (CsvStyle::Plain, Lang::En)] {
            let table = result_table(&d, &s, &a, lang);
            let path = dir.path().join(format!("plan-{style:?}.csv"));
            write_csv_file(&path, &table, style).unwrap();
            let (header, rows) = read_back(&path, style);
            assert_eq!(header, table.headers);
            assert_eq!(rows.len(), 356);
            let request = header.iter().position(|h| h == lang.pick("Anmodning", "Request")).unwrap();
            let quota = header.iter().position(|h| h == lang.pick("Andel", "Quota")).unwrap();
            let mut sum = 0.0;
            for (i, row) in rows.iter().enumerate() {
                // Excel keeps a code's leading zero only when the cell is a text formula.
                let code = &d.municipalities[i].code;
                match style {
                    CsvStyle::ExcelNo => assert_eq!(row[0], format!("=\"{code}\"")),
                    CsvStyle::Plain => assert_eq!(&row[0], code),
                }
                let value = parse(&row[request], style);
                assert_eq!(value, f64::from(a.rows[i].allocation));
                sum += value;
                assert!((parse(&row[quota], style) - a.rows[i].quota).abs() <= 0.005 + 1e-9);
                let name = &d.display_name(i);
                let expected = if name.starts_with(['=', '@']) { format!("'{name}") } else { name.clone() };
                assert_eq!(row[1], expected, "names round-trip, formulas are guarded");
            }
            assert_eq!(sum, f64::from(s.target.total));
            let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
            assert!(names.contains(&test_data::SAMI_NAME));
            assert!(names.contains(&test_data::SAMI_LETTERS));
            assert!(names.contains(&"'=SUM(A1)"));
        }
    }

    #[test]
    fn the_excel_csv_imports_again_with_its_codes() {
        let (d, s, a) = test_data::imdi_2020_case();
        let bytes = write_csv(&result_table(&d, &s, &a, Lang::Nb), CsvStyle::ExcelNo);
        assert!(String::from_utf8_lossy(&bytes).contains("\n=\"0301\";Oslo;"));
        let table = crate::import::read_table(&bytes, "plan.csv").unwrap();
        let code = table.headers.iter().position(|h| h == "Kommunenummer").unwrap();
        let request = table.headers.iter().position(|h| h == "Anmodning").unwrap();
        let extracted = crate::import::extract(&table, code, request);
        let codes: Vec<&str> = d.municipalities.iter().map(|m| m.code.as_str()).collect();
        let matched = crate::import::match_codes(&extracted, &codes);
        assert!(matched.unknown_codes.is_empty() && matched.missing_codes.is_empty(), "{matched:?}");
        assert_eq!(matched.matched.len(), d.len());
        let oslo = d.index_of_code("0301").unwrap();
        let value = extracted.values.iter().find(|v| v.code == "0301").unwrap();
        assert_eq!(value.value, Some(f64::from(a.rows[oslo].allocation)));
    }

    #[test]
    fn failed_write_leaves_nothing() {
        let (d, s, a) = test_data::imdi_2020_case();
        let table = result_table(&d, &s, &a, Lang::Nb);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("plan.csv");
        assert!(matches!(write_csv_file(&path, &table, CsvStyle::ExcelNo), Err(ExportError::Write { .. })));
        assert!(!path.exists());
        assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
    }
}
