//! The first sheet of an Excel workbook (`.xlsx`) as rows of cells: numbers stay numbers, so nothing depends
//! on how a spreadsheet would have written them as text. Used for the counts an analyst is sent as a
//! workbook (decisions, settled, a round made elsewhere).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::error::{ImportError, MAX_FILE_BYTES, MAX_TABLE_CELLS};

/// The first bytes of a ZIP archive, which an `.xlsx` workbook is.
pub const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetCell {
    Empty,
    Number(f64),
    Text(String),
}

impl SheetCell {
    /// The cell as text (a whole number without decimals: `301`, so a code that lost its leading zero reads
    /// as one).
    pub fn text(&self) -> String {
        match self {
            SheetCell::Empty => String::new(),
            SheetCell::Number(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", *v as i64),
            SheetCell::Number(v) => v.to_string(),
            SheetCell::Text(t) => t.clone(),
        }
    }
}

/// A row of the sheet with its row number as the spreadsheet shows it (1 for the first).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRow {
    pub line: usize,
    pub cells: Vec<SheetCell>,
}

/// The first sheet's rows that hold anything, in order. A file that is not a readable workbook, or whose
/// first sheet is empty, is refused naming the file.
pub fn read_first_sheet(bytes: &[u8], file: &str) -> Result<Vec<SheetRow>, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { file: file.to_owned(), size: bytes.len() });
    }
    let not_a_workbook = |cause: String| ImportError::NotATable { file: file.to_owned(), line: 1, cause };
    let mut workbook = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| not_a_workbook(format!("cannot read it as an Excel workbook (.xlsx): {e}")))?;
    let range = match workbook.worksheet_range_at(0) {
        Some(Ok(range)) => range,
        Some(Err(e)) => return Err(not_a_workbook(format!("cannot read the workbook's first sheet: {e}"))),
        None => return Err(not_a_workbook("the workbook has no sheet".to_owned())),
    };
    let (height, width) = range.get_size();
    if height.saturating_mul(width) > MAX_TABLE_CELLS {
        return Err(ImportError::TooManyCells { file: file.to_owned(), cells: height.saturating_mul(width) });
    }
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let rows: Vec<SheetRow> = range
        .rows()
        .enumerate()
        .map(|(i, row)| SheetRow { line: first_row + i + 1, cells: row.iter().map(cell).collect() })
        .filter(|r| r.cells.iter().any(|c| *c != SheetCell::Empty))
        .collect();
    if rows.is_empty() {
        return Err(ImportError::Empty { file: file.to_owned(), detail: " (the first sheet has no cells)".to_owned() });
    }
    Ok(rows)
}

fn cell(data: &Data) -> SheetCell {
    match data {
        Data::Empty => SheetCell::Empty,
        Data::Int(v) => SheetCell::Number(*v as f64),
        Data::Float(v) => SheetCell::Number(*v),
        Data::String(s) if s.trim().is_empty() => SheetCell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => SheetCell::Text(s.clone()),
        Data::Bool(b) => SheetCell::Text(b.to_string()),
        Data::DateTime(d) => SheetCell::Text(d.to_string()),
        Data::Error(e) => SheetCell::Text(format!("#{e:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook(rows: &[(&str, Option<f64>)]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "kommunenummer").unwrap();
        sheet.write_string(0, 1, "vedtak").unwrap();
        for (i, (code, value)) in rows.iter().enumerate() {
            let r = i as u32 + 1;
            match code.parse::<f64>() {
                Ok(n) if !code.starts_with('0') => sheet.write_number(r, 0, n).unwrap(),
                _ => sheet.write_string(r, 0, *code).unwrap(),
            };
            if let Some(v) = value {
                sheet.write_number(r, 1, *v).unwrap();
            }
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn numbers_stay_numbers_and_rows_keep_their_sheet_number() {
        let bytes = workbook(&[("0301", Some(250.0)), ("1103", None), ("4601", Some(1.5))]);
        let rows = read_first_sheet(&bytes, "v.xlsx").unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(
            (rows[1].line, rows[1].cells[0].text(), &rows[1].cells[1]),
            (2, "0301".into(), &SheetCell::Number(250.0))
        );
        assert_eq!(rows[2].cells.get(1).cloned().unwrap_or(SheetCell::Empty), SheetCell::Empty);
        assert_eq!(rows[3].cells[1], SheetCell::Number(1.5));
        // A code typed as a number lost its zero: it reads as 301, which the code reader pads.
        let rows = read_first_sheet(&workbook(&[("301", Some(1.0))]), "v.xlsx").unwrap();
        assert_eq!(rows[1].cells[0].text(), "301");
    }

    #[test]
    fn a_file_that_is_no_workbook_is_refused_with_its_name() {
        let e = read_first_sheet(b"PK\x03\x04 not really", "x.xlsx").unwrap_err().to_string();
        assert!(e.starts_with("x.xlsx, line 1: not a table: cannot read it as an Excel workbook"), "{e}");
    }
}
