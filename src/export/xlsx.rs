//! The Excel workbook: summary, municipalities, counties and parameters, one sheet each, in the UI language.

use std::path::Path;

use std::ops::RangeInclusive;

use rust_xlsxwriter::utility::cell_range;
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

use super::{DATA_CREDITS, ExportError};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::report::{Cell, ExtraColumn, neutralise, result_table};
use crate::scenario::Scenario;

crate::texts!(SheetNames {
    summary: "Sammendrag", "Summary";
    municipalities: "Kommuner", "Municipalities";
    counties: "Fylker", "Counties";
    parameters: "Parametere", "Parameters";
    municipality_table: "Kommunetabell", "MunicipalityTable";
});

/// The workbook as bytes (for a save dialog or a test). `saved_at` is the date text shown on the summary.
pub fn allocation_xlsx(
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
    saved_at: &str,
) -> Result<Vec<u8>, ExportError> {
    allocation_xlsx_with(dataset, scenario, allocation, lang, saved_at, &[])
}

/// [`allocation_xlsx`] with `extra` columns on the municipality sheet.
pub fn allocation_xlsx_with(
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
    saved_at: &str,
    extra: &[ExtraColumn],
) -> Result<Vec<u8>, ExportError> {
    Ok(allocation_book(dataset, scenario, allocation, lang, saved_at, extra)?.save_to_buffer()?)
}

/// The workbook of [`allocation_xlsx_with`], for a caller that adds sheets of its own (then calls
/// [`page_titles`]).
pub(super) fn allocation_book(
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
    saved_at: &str,
    extra: &[ExtraColumn],
) -> Result<Workbook, ExportError> {
    let styles = Styles::new();
    let names = SheetNames::get(lang);
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(scenario.name.as_str())
            .set_subject(dataset.heading(lang))
            .set_comment(DATA_CREDITS),
    );
    let sheet = workbook.add_worksheet().set_name(names.summary)?;
    super::sheet_summary::write(sheet, &styles, dataset, scenario, allocation, lang, saved_at)?;
    print_setup(sheet, None)?;
    let table = result_table(dataset, scenario, allocation, lang).with_extra(extra);
    let sheet = workbook.add_worksheet().set_name(names.municipalities)?;
    super::sheet_municipalities::write(sheet, &styles, &table, allocation, names.municipality_table, lang)?;
    let sheet = workbook.add_worksheet().set_name(names.counties)?;
    super::sheet_counties::write(sheet, &styles, names.counties, dataset, scenario, allocation, lang)?;
    let sheet = workbook.add_worksheet().set_name(names.parameters)?;
    super::sheet_parameters::write(sheet, &styles, dataset, scenario, allocation, lang)?;
    // Several small tables with their own headers: no single row to repeat.
    print_setup(sheet, None)?;
    page_titles(&mut workbook, &scenario.name, saved_at, lang);
    Ok(workbook)
}

/// Every printed page of the workbook says what it is: the title at the top left, the date at the top right,
/// "Side 2 av 5" at the bottom.
pub(super) fn page_titles(workbook: &mut Workbook, title: &str, date: &str, lang: Lang) {
    // In a header `&` starts a code; Excel allows 255 characters in all.
    let escape = |s: &str| s.chars().take(100).collect::<String>().replace('&', "&&");
    let header = format!("&L{}&R{}", escape(title), escape(&crate::dates::long_date(date, lang)));
    let footer = format!("&C{} &P {} &N", lang.pick("Side", "Page"), lang.pick("av", "of"));
    for ws in workbook.worksheets_mut() {
        ws.set_header(header.as_str()).set_footer(footer.as_str());
    }
}

/// Builds the workbook and writes it atomically: a failed write leaves no file (and keeps an older one).
pub fn write_xlsx(
    path: &Path,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
    saved_at: &str,
    extra: &[ExtraColumn],
) -> Result<(), ExportError> {
    let bytes = allocation_xlsx_with(dataset, scenario, allocation, lang, saved_at, extra)?;
    crate::fileio::write_atomic(path, &bytes).map_err(|e| ExportError::write(path, e))
}

/// Excel's limit for the text of one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// The cell formats every sheet shares. Number formats are stored locale-neutral (`#,##0.0`); Norwegian Excel
/// shows them as "5 120,5".
pub(super) struct Styles {
    pub title: Format,
    pub bold: Format,
    pub header: Format,
    pub text: Format,
    pub wrap: Format,
    pub code: Format,
    pub int: Format,
    pub percent: Format,
    pub date: Format,
    pub grey_text: Format,
    pub grey_code: Format,
    pub grey_int: Format,
    pub total_text: Format,
    pub total_int: Format,
    decimals: Vec<Format>,
    grey_decimals: Vec<Format>,
    total_decimals: Vec<Format>,
}

/// Decimals beyond this are shown with this many; the cell keeps the full value.
const MAX_DECIMALS: usize = 6;

fn decimal_format(places: usize) -> String {
    if places == 0 { "#,##0".to_owned() } else { format!("#,##0.{}", "0".repeat(places)) }
}

impl Styles {
    pub fn new() -> Styles {
        let grey = Color::RGB(0x80_80_80);
        let total = Format::new().set_bold().set_border_top(FormatBorder::Thin);
        let numbers = |base: &Format| -> Vec<Format> {
            (0..=MAX_DECIMALS).map(|d| base.clone().set_num_format(decimal_format(d))).collect()
        };
        Styles {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header: Format::new().set_bold().set_text_wrap().set_border_bottom(FormatBorder::Thin),
            text: Format::new(),
            wrap: Format::new().set_text_wrap(),
            code: Format::new().set_num_format("@"),
            int: Format::new().set_num_format("#,##0"),
            percent: Format::new().set_num_format("0.0 %"),
            // ISO order, as the date reads in file names and in the CSV; left-aligned like the text beside it.
            date: Format::new().set_num_format("yyyy-mm-dd").set_align(FormatAlign::Left),
            grey_text: Format::new().set_font_color(grey),
            grey_code: Format::new().set_num_format("@").set_font_color(grey),
            grey_int: Format::new().set_num_format("#,##0").set_font_color(grey),
            total_text: total.clone(),
            total_int: total.clone().set_num_format("#,##0"),
            decimals: numbers(&Format::new()),
            grey_decimals: numbers(&Format::new().set_font_color(grey)),
            total_decimals: numbers(&total),
        }
    }

    pub fn decimals(&self, places: usize) -> &Format {
        &self.decimals[places.min(MAX_DECIMALS)]
    }

    pub fn grey_decimals(&self, places: usize) -> &Format {
        &self.grey_decimals[places.min(MAX_DECIMALS)]
    }

    pub fn total_decimals(&self, places: usize) -> &Format {
        &self.total_decimals[places.min(MAX_DECIMALS)]
    }
}

/// Writes text as a string cell (never a formula), guarded like the CSV and cut to Excel's cell limit; empty
/// text leaves a blank cell that keeps its format.
pub(super) fn text(ws: &mut Worksheet, row: u32, col: u16, value: &str, format: &Format) -> Result<(), XlsxError> {
    if value.is_empty() {
        ws.write_blank(row, col, format)?;
        return Ok(());
    }
    let guarded = neutralise(value);
    let value: &str = &guarded;
    if value.chars().count() > MAX_CELL_CHARS {
        let cut: String = value.chars().take(MAX_CELL_CHARS).collect();
        ws.write_string_with_format(row, col, cut, format)?;
    } else {
        ws.write_string_with_format(row, col, value, format)?;
    }
    Ok(())
}

/// Writes a number; a value that is not finite (no spreadsheet can hold one) leaves the cell empty.
pub(super) fn number(ws: &mut Worksheet, row: u32, col: u16, value: f64, format: &Format) -> Result<(), XlsxError> {
    if value.is_finite() {
        ws.write_number_with_format(row, col, value, format)?;
    }
    Ok(())
}

/// Writes a `YYYY-MM-DD` date as an Excel date cell (sortable, and shown in the reader's own date style if
/// they change the format); other text, such as a date already in words, as text.
pub(super) fn date_or_text(
    ws: &mut Worksheet,
    styles: &Styles,
    row: u32,
    col: u16,
    value: &str,
) -> Result<(), XlsxError> {
    match super::date::excel_date(value) {
        Some(date) => {
            ws.write_datetime_with_format(row, col, date, &styles.date)?;
            Ok(())
        }
        None => text(ws, row, col, value, &styles.text),
    }
}

/// A `SUM` over the rows `rows` of column `col`, written in `row`. `cached` is stored as the formula's value,
/// so readers that do not recalculate (previews, viewers, the tests) show the number as well; it must be the
/// sum of the cells as written.
pub(super) fn sum_formula(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    rows: RangeInclusive<u32>,
    cached: f64,
    format: &Format,
) -> Result<(), XlsxError> {
    let formula = format!("=SUM({})", cell_range(*rows.start(), col, *rows.end(), col));
    ws.write_formula_with_format(row, col, Formula::new(formula).set_result(cached.to_string()), format)?;
    Ok(())
}

/// Printing: A4 landscape, all columns on the width of one page (as many pages down as needed), and the
/// header row, if there is one, repeated at the top of every page.
pub(super) fn print_setup(ws: &mut Worksheet, header_row: Option<u32>) -> Result<(), XlsxError> {
    const A4: u8 = 9;
    ws.set_paper_size(A4).set_landscape().set_print_fit_to_pages(1, 0);
    if let Some(row) = header_row {
        ws.set_repeat_rows(row, row)?;
    }
    Ok(())
}

/// A label in column A and a value beside it, the layout of the summary and parameter sheets.
pub(super) enum Value<'a> {
    Text(&'a str),
    /// A date (`YYYY-MM-DD`), written as a date cell.
    Date(&'a str),
    Int(f64),
    Number(f64, usize),
    Percent(f64),
}

pub(super) fn labelled(
    ws: &mut Worksheet,
    styles: &Styles,
    row: u32,
    label: &str,
    value: Value<'_>,
) -> Result<(), XlsxError> {
    text(ws, row, 0, label, &styles.text)?;
    match value {
        Value::Text(t) => text(ws, row, 1, t, &styles.text),
        Value::Date(d) => date_or_text(ws, styles, row, 1, d),
        Value::Int(v) => number(ws, row, 1, v, &styles.int),
        Value::Number(v, places) => number(ws, row, 1, v, styles.decimals(places)),
        Value::Percent(v) => number(ws, row, 1, v, &styles.percent),
    }
}

/// Characters a cell needs on screen, for column widths.
pub(super) fn display_width(cell: &Cell) -> usize {
    match cell {
        Cell::Text(t) | Cell::Code(t) => t.chars().count(),
        Cell::Int(i) => {
            let digits = i.unsigned_abs().to_string().len();
            digits + (digits - 1) / 3 + usize::from(*i < 0)
        }
        Cell::Number(v, d) => {
            let digits = format!("{:.0}", v.abs().trunc()).len();
            digits + (digits - 1) / 3 + usize::from(*v < 0.0) + if *d > 0 { d + 1 } else { 0 }
        }
        Cell::Empty => 0,
    }
}

#[cfg(test)]
pub(super) mod read_back {
    //! Reading a workbook back for the tests.

    use std::io::Cursor;

    use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};

    pub fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
        open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap()
    }

    pub fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
        open(bytes).worksheet_range(name).unwrap()
    }

    pub fn string(data: &Data) -> String {
        match data {
            Data::String(s) => s.clone(),
            other => panic!("expected text, found {other:?}"),
        }
    }

    pub fn float(data: &Data) -> f64 {
        match data {
            Data::Float(f) => *f,
            Data::Int(i) => *i as f64,
            other => panic!("expected a number, found {other:?}"),
        }
    }

    /// A date cell's Excel serial number (days since 1899-12-30).
    pub fn date_serial(data: &Data) -> f64 {
        match data {
            Data::DateTime(d) => d.as_f64(),
            other => panic!("expected a date, found {other:?}"),
        }
    }

    /// Every text cell of a sheet, for "does it mention X" checks.
    pub fn texts(range: &Range<Data>) -> Vec<String> {
        range
            .rows()
            .flat_map(|r| r.iter())
            .filter_map(|d| if let Data::String(s) = d { Some(s.clone()) } else { None })
            .collect()
    }

    /// The first row (from the top) whose column `col` holds `text`.
    pub fn find_row(range: &Range<Data>, col: usize, text: &str) -> Option<usize> {
        range.rows().position(|r| matches!(r.get(col), Some(Data::String(s)) if s == text))
    }
}

#[cfg(test)]
mod tests {
    use calamine::Reader;

    use super::read_back::{open, sheet, texts};
    use super::*;
    use crate::export::test_data;

    #[test]
    fn sheet_names_follow_the_language() {
        let (d, s, a) = test_data::imdi_2020_case();
        for (lang, expected) in [
            (Lang::Nb, ["Sammendrag", "Kommuner", "Fylker", "Parametere"]),
            (Lang::En, ["Summary", "Municipalities", "Counties", "Parameters"]),
        ] {
            let bytes = allocation_xlsx(&d, &s, &a, lang, "2025-03-01").unwrap();
            assert_eq!(open(&bytes).sheet_names(), expected);
        }
    }

    #[test]
    fn writes_atomically_and_reads_back() {
        let (d, s, a) = test_data::special_case();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan æøå.xlsx");
        write_xlsx(&path, &d, &s, &a, Lang::Nb, "1. mars 2025", &[]).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PK"), "a zip container");
        let summary = sheet(&bytes, "Sammendrag");
        let all = texts(&summary);
        assert!(all.contains(&test_data::SCENARIO_NAME.to_owned()));
        assert!(all.contains(&"1. mars 2025".to_owned()));
        let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok).collect();
        assert_eq!(files.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn no_text_becomes_a_formula() {
        let (d, s, a) = test_data::special_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::En, "2025-03-01").unwrap();
        let mut book = open(&bytes);
        for name in book.sheet_names() {
            let formulas = book.worksheet_formula(&name).unwrap();
            let start = formulas.start().map_or(0, |(row, _)| row as usize);
            let rows: Vec<usize> =
                formulas.cells().filter(|(_, _, f)| !f.is_empty()).map(|(row, _, _)| start + row).collect();
            if name == "Counties" {
                // Only the totals row below the header and the counties: sums of numbers the program wrote.
                assert!(!rows.is_empty());
                assert!(rows.iter().all(|&r| r == a.counties.len() + 1), "{name}: formulas in rows {rows:?}");
            } else if name == "Municipalities" {
                // Only the table's totals row below the municipalities.
                assert!(rows.iter().all(|&r| r == d.len() + 1), "{name}: formulas in rows {rows:?}");
            } else {
                assert!(rows.is_empty(), "{name} has formulas in rows {rows:?}");
            }
        }
        let guarded = texts(&sheet(&bytes, "Municipalities"));
        assert!(guarded.contains(&"'=SUM(A1)".to_owned()));
        assert!(guarded.contains(&"'@Snåase - Snåsa".to_owned()));
        assert!(!guarded.iter().any(|t| t.starts_with(['=', '+', '-', '@'])));
        let params = texts(&sheet(&bytes, "Parameters"));
        assert!(params.contains(&"'+Merknad med «sitat» og ŋ".to_owned()), "{params:?}");
    }

    #[test]
    fn prints_landscape_on_the_page_width_with_the_header_repeated() {
        let (d, s, a) = test_data::imdi_2020_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::Nb, "2025-03-01").unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
            xml
        };
        for sheet in 1..=4 {
            let xml = part(&format!("xl/worksheets/sheet{sheet}.xml"));
            assert!(xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "sheet {sheet}: fit to page");
            let setup = xml.split("<pageSetup ").nth(1).unwrap().split("/>").next().unwrap().to_owned();
            for attribute in [r#"paperSize="9""#, r#"fitToHeight="0""#, r#"orientation="landscape""#] {
                assert!(setup.contains(attribute), "sheet {sheet}: {attribute} in {setup}");
            }
            assert!(!setup.contains("fitToWidth"), "one page wide is the default: {setup}");
            // Every page names the scenario and the date, and counts pages.
            assert!(
                xml.contains(&format!("<oddHeader>&amp;L{}&amp;R1. mars 2025</oddHeader>", s.name)),
                "sheet {sheet}"
            );
            assert!(xml.contains("<oddFooter>&amp;CSide &amp;P av &amp;N</oddFooter>"), "sheet {sheet}");
        }
        // The header rows of the two tables repeat on every printed page.
        let workbook = part("xl/workbook.xml");
        assert!(workbook.contains(r#"localSheetId="1">Kommuner!$1:$1</definedName>"#), "{workbook}");
        assert!(workbook.contains(r#"localSheetId="2">Fylker!$1:$1</definedName>"#), "{workbook}");
        assert_eq!(workbook.matches("_xlnm.Print_Titles").count(), 2);
    }

    #[test]
    fn failed_write_leaves_nothing() {
        let (d, s, a) = test_data::imdi_2020_case();
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no-such-folder").join("plan.xlsx");
        let err = write_xlsx(&missing, &d, &s, &a, Lang::Nb, "2025-03-01", &[]).unwrap_err();
        assert!(matches!(err, ExportError::Write { .. }), "{err}");
        assert!(!missing.exists());
        // A folder where the file should go: the rename fails and the temporary file is removed.
        let blocked = dir.path().join("taken.xlsx");
        std::fs::create_dir(&blocked).unwrap();
        assert!(write_xlsx(&blocked, &d, &s, &a, Lang::Nb, "2025-03-01", &[]).is_err());
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
        assert_eq!(names, ["taken.xlsx"], "only the folder is there");
        assert!(std::fs::read_dir(&blocked).unwrap().next().is_none());
    }

    #[test]
    fn overlong_text_is_cut_not_refused() {
        let (d, mut s, a) = test_data::imdi_2020_case();
        s.notes = "æ".repeat(MAX_CELL_CHARS + 10);
        let bytes = allocation_xlsx(&d, &s, &a, Lang::Nb, "").unwrap();
        let notes = texts(&sheet(&bytes, "Parametere")).into_iter().find(|t| t.starts_with('æ')).unwrap();
        assert_eq!(notes.chars().count(), MAX_CELL_CHARS);
    }

    #[test]
    fn widths_count_separators() {
        assert_eq!(display_width(&Cell::Int(5120)), 5);
        assert_eq!(display_width(&Cell::Int(-120)), 4);
        assert_eq!(display_width(&Cell::Number(1234.5, 2)), 8);
        assert_eq!(display_width(&Cell::Text("Ålesund".into())), 7);
    }
}
