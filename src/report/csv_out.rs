//! CSV in two flavours: Norwegian Excel (semicolon, decimal comma, UTF-8 BOM) and plain (comma, point).

use super::table::{Cell, ResultTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    /// Opens directly in Norwegian Excel: `;`, decimal comma, UTF-8 with BOM.
    #[default]
    ExcelNo,
    /// For scripts: `,`, decimal point, no BOM.
    Plain,
}

impl CsvStyle {
    pub fn from_cli_name(s: &str) -> Option<CsvStyle> {
        match s {
            "excel-no" => Some(CsvStyle::ExcelNo),
            "plain" => Some(CsvStyle::Plain),
            _ => None,
        }
    }
}

/// Text that a spreadsheet would run as a formula gets a leading apostrophe.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}").into() } else { text.into() }
}

fn number(v: f64, decimals: usize, style: CsvStyle) -> String {
    let s = format!("{v:.decimals$}");
    match style {
        CsvStyle::ExcelNo => s.replace('.', ","),
        CsvStyle::Plain => s,
    }
}

pub fn write_csv(table: &ResultTable, style: CsvStyle) -> Vec<u8> {
    let mut out = Vec::new();
    if style == CsvStyle::ExcelNo {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let delimiter = if style == CsvStyle::ExcelNo { b';' } else { b',' };
    {
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(&mut out);
        // Writing to memory cannot fail.
        let _ = w.write_record(table.headers.iter().map(|h| neutralise(h).into_owned()));
        for row in &table.rows {
            let cells = row.iter().map(|c| match c {
                Cell::Text(t) => neutralise(t).into_owned(),
                Cell::Int(i) => i.to_string(),
                Cell::Number(v, d) => number(*v, *d, style),
                Cell::Empty => String::new(),
            });
            let _ = w.write_record(cells);
        }
        let _ = w.flush();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_and_injection_guard() {
        let table = ResultTable {
            headers: vec!["Kode".into(), "Navn".into(), "Tall".into()],
            rows: vec![vec![Cell::Text("0301".into()), Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Number(12.5, 1)]],
        };
        let excel = String::from_utf8(write_csv(&table, CsvStyle::ExcelNo)).unwrap();
        assert!(excel.starts_with('\u{feff}'));
        assert!(excel.contains("0301;\"'=HYPERLINK(\"\"x\"\")\";12,5"), "{excel}");
        let plain = String::from_utf8(write_csv(&table, CsvStyle::Plain)).unwrap();
        assert!(plain.starts_with("Kode,Navn,Tall"));
        assert!(plain.contains(",12.5"));
    }
}
