//! The follow-up status as files: a workbook (summary, counties, municipalities with status colours) or the
//! municipality table as CSV. The tables come from `followup::table`, as on the command line.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use super::sheet_table::{write_excel_table, write_table};
use super::xlsx::{Styles, Value, labelled, page_titles, sum_formula, text};
use super::{DATA_CREDITS, ExportError, ExportFormat, write_csv_file};
use crate::data::Dataset;
use crate::followup::{FollowUp, table};
use crate::lang::Lang;
use crate::report::{Cell, ResultTable};

crate::texts!(FollowUpExportTexts {
    title: "Oppfølging av anmodningen", "Follow-up of the request";
    summary: "Sammendrag", "Summary";
    counties: "Fylker", "Counties";
    municipalities: "Kommuner", "Municipalities";
    table_name: "Oppfolgingstabell", "FollowUpTable";
    request: "Anmodning (kolonne)", "Request (column)";
    decisions: "Vedtak (kolonne)", "Decisions (column)";
    settled: "Bosatt hittil (kolonne)", "Settled so far (column)";
    date: "Dato", "Date";
    dataset: "Datasett", "Dataset";
    legend: "Statusfarger", "Status colours";
    sources: "Kilder", "Sources";
});

/// Which columns the follow-up was made from, written on the summary sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FollowUpSources {
    pub request: String,
    pub decisions: String,
    pub settled: Option<String>,
}

fn fill(rgb: [u8; 3]) -> Format {
    let colour = (u32::from(rgb[0]) << 16) | (u32::from(rgb[1]) << 8) | u32::from(rgb[2]);
    Format::new().set_background_color(colour).set_border(rust_xlsxwriter::FormatBorder::Thin)
}

/// The workbook as bytes. `saved_at` is the date text on the summary.
pub fn followup_xlsx(
    dataset: &Dataset,
    f: &FollowUp,
    sources: &FollowUpSources,
    lang: Lang,
    saved_at: &str,
) -> Result<Vec<u8>, ExportError> {
    let t = FollowUpExportTexts::get(lang);
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(t.title).set_comment(DATA_CREDITS));
    summary_sheet(workbook.add_worksheet().set_name(t.summary)?, &styles, dataset, f, sources, lang, saved_at)?;
    let counties = table::county_table(f, lang);
    let ws = workbook.add_worksheet().set_name(t.counties)?;
    write_table(ws, &styles, &counties, 0, |_| false)?;
    national_sums(ws, &styles, &counties)?;
    let ws = workbook.add_worksheet().set_name(t.municipalities)?;
    let municipalities = table::municipality_table(dataset, f, lang);
    let not_asked = |i: usize| f.rows[i].answer == crate::followup::Answer::NotAsked;
    write_excel_table(ws, &styles, &municipalities, 0, not_asked, t.table_name, Some(super::words::total(lang)))?;
    // The status cell in its colour, as in the planner's table and map.
    let status_col = (municipalities.headers.len() - 1) as u16;
    for (i, status) in f.rows.iter().enumerate() {
        if let Some(rgb) = status.answer.rgb() {
            text(ws, i as u32 + 1, status_col, status.answer.label(lang), &fill(rgb))?;
        }
    }
    page_titles(&mut workbook, t.title, saved_at, lang);
    Ok(workbook.save_to_buffer()?)
}

/// The county sheet's last row, the whole country, as `SUM` formulas over the counties (with their values), so a
/// county edited in Excel updates the total. Counts only: a share is not summed.
fn national_sums(ws: &mut Worksheet, styles: &Styles, counties: &ResultTable) -> Result<(), XlsxError> {
    let Some((national, rows)) = counties.rows.split_last() else { return Ok(()) };
    let total_row = rows.len() as u32 + 1;
    for (c, cell) in national.iter().enumerate() {
        if let Cell::Int(v) = cell {
            sum_formula(ws, total_row, c as u16, 1..=rows.len() as u32, *v as f64, &styles.total_int)?;
        }
    }
    Ok(())
}

fn summary_sheet(
    ws: &mut Worksheet,
    styles: &Styles,
    dataset: &Dataset,
    f: &FollowUp,
    sources: &FollowUpSources,
    lang: Lang,
    saved_at: &str,
) -> Result<(), XlsxError> {
    let t = FollowUpExportTexts::get(lang);
    text(ws, 0, 0, t.title, &styles.title)?;
    let mut row = 2;
    let settled = sources.settled.as_deref().unwrap_or("–");
    for (label, value) in [
        (t.request, sources.request.as_str()),
        (t.decisions, sources.decisions.as_str()),
        (t.settled, settled),
        (t.date, saved_at),
        (t.dataset, dataset.id.as_str()),
    ] {
        text(ws, row, 0, label, &styles.text)?;
        text(ws, row, 1, value, &styles.text)?;
        row += 1;
    }
    row += 1;
    // Key figures as numbers, as in the table workbook's summary (one set of rules for every workbook).
    for (label, figure) in table::summary_figures(f, lang) {
        let value = match figure {
            Cell::Int(v) => Value::Int(v as f64),
            Cell::Number(v, places) => Value::Number(v, places),
            Cell::Text(_) | Cell::Code(_) | Cell::Empty => continue,
        };
        labelled(ws, styles, row, label, value)?;
        row += 1;
    }
    row += 1;
    text(ws, row, 0, t.legend, &styles.bold)?;
    row += 1;
    for answer in crate::followup::Answer::ALL {
        if let Some(rgb) = answer.rgb() {
            text(ws, row, 0, answer.label(lang), &fill(rgb))?;
            row += 1;
        }
    }
    row += 1;
    text(ws, row, 0, t.sources, &styles.bold)?;
    text(ws, row + 1, 0, DATA_CREDITS, &styles.text)?;
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 24)?;
    Ok(())
}

/// Writes the follow-up to `path` atomically: the workbook, or the municipality table as CSV.
pub fn write_followup(
    path: &Path,
    format: ExportFormat,
    dataset: &Dataset,
    f: &FollowUp,
    sources: &FollowUpSources,
    lang: Lang,
    saved_at: &str,
) -> Result<(), ExportError> {
    match format {
        ExportFormat::Xlsx => {
            let bytes = followup_xlsx(dataset, f, sources, lang, saved_at)?;
            crate::fileio::write_atomic(path, &bytes).map_err(|e| ExportError::write(path, e))
        }
        ExportFormat::Csv(style) => write_csv_file(path, &table::municipality_table(dataset, f, lang), style),
    }
}

#[cfg(test)]
mod tests {
    use super::super::xlsx::read_back::{float, open, sheet, string};
    use super::*;
    use crate::data::embedded_dataset;
    use crate::followup::{column_counts, follow_up};
    use crate::report::CsvStyle;
    use calamine::Reader;

    fn case() -> (Dataset, FollowUp, FollowUpSources) {
        let d = embedded_dataset("norway-2024").unwrap();
        let request: Vec<u32> = column_counts(&d, "anmodning_2024").unwrap().iter().map(|v| v.unwrap_or(0)).collect();
        let decisions = column_counts(&d, "vedtak_2024").unwrap();
        let f = follow_up(&d, 36_985, &request, &decisions, None).unwrap();
        let sources =
            FollowUpSources { request: "anmodning_2024".into(), decisions: "vedtak_2024".into(), settled: None };
        (d, f, sources)
    }

    #[test]
    fn workbook_has_summary_counties_and_coloured_municipalities() {
        let (d, f, sources) = case();
        let bytes = followup_xlsx(&d, &f, &sources, Lang::En, "2026-12-04").unwrap();
        assert_eq!(open(&bytes).sheet_names(), ["Summary", "Counties", "Municipalities"]);
        let m = sheet(&bytes, "Municipalities");
        assert_eq!(m.height(), d.len() + 2, "header, municipalities and the totals row");
        let decided: f64 = m
            .rows()
            .skip(1)
            .take(d.len())
            .map(|r| if r[4] == calamine::Data::Empty { 0.0 } else { float(&r[4]) })
            .sum();
        assert_eq!(decided, 28_327.0);
        let totals = m.rows().next_back().unwrap();
        assert_eq!((string(&totals[0]).as_str(), float(&totals[3]), float(&totals[4])), ("Total", 36_985.0, 28_327.0));
        let mut book = open(&bytes);
        book.load_tables().unwrap();
        assert_eq!(book.table_names_in_sheet("Municipalities"), ["FollowUpTable"], "an Excel table, as the plan's");
        // The key figures are numbers, not text: the decided places and the coverage in per cent.
        let summary = sheet(&bytes, "Summary");
        let figure = |label: &str| {
            let row = summary
                .rows()
                .find(|r| matches!(&r[0], calamine::Data::String(s) if s == label))
                .unwrap_or_else(|| panic!("{label}"));
            float(&row[1])
        };
        assert_eq!(figure("Decided places"), 28_327.0);
        assert!((figure("Coverage %") - 76.6).abs() < 0.05);
        let unanswered = m.rows().skip(1).take(d.len()).filter(|r| string(&r[8]) == "not answered").count();
        assert_eq!(unanswered, f.national.not_answered);
        assert!(
            m.rows()
                .skip(1)
                .take(d.len())
                .filter(|r| string(&r[8]) == "not answered")
                .all(|r| r[4] == calamine::Data::Empty),
            "never 0"
        );
        let counties = sheet(&bytes, "Counties");
        assert_eq!(counties.height(), f.counties.len() + 2, "counties and the national line");
        // The national line sums the counties with formulas that hold their values.
        let formulas = open(&bytes).worksheet_formula("Counties").unwrap();
        let national = f.counties.len() + 1;
        let decided_col = 8;
        assert_eq!(
            formulas.get_value((national as u32, decided_col as u32)).cloned().unwrap_or_default(),
            format!("SUM(I2:I{})", national),
        );
        assert_eq!(float(&counties.rows().next_back().unwrap()[decided_col]), 28_327.0);
    }

    #[test]
    fn csv_is_the_municipality_table() {
        let (d, f, sources) = case();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("status.csv");
        write_followup(&path, ExportFormat::Csv(CsvStyle::Plain), &d, &f, &sources, Lang::En, "").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("Code,Municipality,County,Request,Decision,Difference"), "{}", &text[..80]);
        assert_eq!(text.lines().count(), d.len() + 1);
    }
}
