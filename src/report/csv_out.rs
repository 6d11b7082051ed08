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

/// A code as a spreadsheet should show it: `="0301"` in the Excel style, unquoted, so Excel and LibreOffice
/// keep the leading zero (a bare `0301` opens as the number 301). Only code cells get this form: they hold
/// digits from the dataset, never the user's text, which stays behind [`neutralise`]. A code cell holding
/// anything but digits is written as guarded text.
fn code_field(code: &str, style: CsvStyle, delimiter: char) -> String {
    match (style, excel_text_code(code)) {
        (CsvStyle::ExcelNo, Some(text)) => text,
        _ => quoted(&neutralise(code), delimiter).into_owned(),
    }
}

/// A code of digits as Excel keeps it as text when it reads a CSV or a paste (`="0301"`, not 301); `None`
/// for anything else, which is written as text the ordinary way.
pub fn excel_text_code(code: &str) -> Option<String> {
    let digits = !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| format!("=\"{code}\""))
}

/// A field with the delimiter, a quote or a line break in it is quoted, and its quotes doubled.
fn quoted(field: &str, delimiter: char) -> std::borrow::Cow<'_, str> {
    if field.contains([delimiter, '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

pub fn write_csv(table: &ResultTable, style: CsvStyle) -> Vec<u8> {
    let mut out = String::new();
    if style == CsvStyle::ExcelNo {
        out.push('\u{feff}');
    }
    let delimiter = if style == CsvStyle::ExcelNo { ';' } else { ',' };
    let mut push_record = |fields: &mut dyn Iterator<Item = String>| {
        for (i, field) in fields.enumerate() {
            if i > 0 {
                out.push(delimiter);
            }
            out.push_str(&field);
        }
        out.push('\n');
    };
    push_record(&mut table.headers.iter().map(|h| quoted(&neutralise(h), delimiter).into_owned()));
    for row in &table.rows {
        push_record(&mut row.iter().map(|c| match c {
            Cell::Text(t) => quoted(&neutralise(t), delimiter).into_owned(),
            Cell::Code(c) => code_field(c, style, delimiter),
            Cell::Int(i) => i.to_string(),
            Cell::Number(v, d) => number(*v, *d, style),
            Cell::Empty => String::new(),
        }));
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_and_injection_guard() {
        let table = ResultTable {
            headers: vec!["Kode".into(), "Navn".into(), "Tall".into()],
            rows: vec![vec![Cell::Code("0301".into()), Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Number(12.5, 1)]],
        };
        let excel = String::from_utf8(write_csv(&table, CsvStyle::ExcelNo)).unwrap();
        assert!(excel.starts_with('\u{feff}'));
        assert!(excel.contains("\n=\"0301\";\"'=HYPERLINK(\"\"x\"\")\";12,5\n"), "{excel}");
        let plain = String::from_utf8(write_csv(&table, CsvStyle::Plain)).unwrap();
        assert!(plain.starts_with("Kode,Navn,Tall\n0301,"), "{plain}");
        assert!(plain.contains(",12.5"));
    }

    #[test]
    fn only_code_cells_become_text_formulas() {
        let row = |c: Cell| ResultTable { headers: vec!["A".into()], rows: vec![vec![c]] };
        let excel = |c: Cell| String::from_utf8(write_csv(&row(c), CsvStyle::ExcelNo)).unwrap();
        // User text that looks like the code form is still guarded.
        assert_eq!(excel(Cell::Text("=\"0301\"".into())), "\u{feff}A\n\"'=\"\"0301\"\"\"\n");
        assert_eq!(excel(Cell::Text("0301".into())), "\u{feff}A\n0301\n");
        assert_eq!(excel(Cell::Code("03".into())), "\u{feff}A\n=\"03\"\n");
        // A code cell holding anything but digits is written as guarded text, never as a formula.
        assert_eq!(excel(Cell::Code("=1+1".into())), "\u{feff}A\n'=1+1\n");
        assert_eq!(excel(Cell::Code("0301\";x".into())), "\u{feff}A\n\"0301\"\";x\"\n");
    }

    #[test]
    fn fields_with_delimiters_quotes_and_breaks_are_quoted() {
        let table = ResultTable {
            headers: vec!["a;b".into(), "c".into()],
            rows: vec![vec![Cell::Text("x \"y\"\nz".into()), Cell::Text("1,5".into())]],
        };
        let excel = String::from_utf8(write_csv(&table, CsvStyle::ExcelNo)).unwrap();
        assert_eq!(excel, "\u{feff}\"a;b\";c\n\"x \"\"y\"\"\nz\";1,5\n");
        let plain = String::from_utf8(write_csv(&table, CsvStyle::Plain)).unwrap();
        assert_eq!(plain, "a;b,c\n\"x \"\"y\"\"\nz\",\"1,5\"\n");
    }
}
