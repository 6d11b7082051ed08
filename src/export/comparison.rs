//! A comparison of two plans as files: a workbook (what was compared and the summary, the municipalities,
//! the counties) or the municipality table as CSV. The tables come from `analysis::comparison_table` and
//! `county_comparison_table`, so the planner, the workbook and the CSV show the same numbers.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, Workbook, Worksheet, XlsxError};

use super::sheet_table::write_table;
use super::xlsx::{Styles, Value, labelled, number, print_setup, text};
use super::{DATA_CREDITS, ExportError, ExportFormat, write_csv_file};
use crate::analysis::{Comparison, comparison_table, summary_line, totals_line};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::report::{Cell, ResultTable};

crate::texts!(ComparisonTexts {
    title: "Sammenligning av planer", "Comparison of plans";
    summary: "Sammendrag", "Summary";
    municipalities: "Sammenligning", "Comparison";
    counties: "Fylker", "Counties";
    after: "Etter (nå)", "After (now)";
    before: "Før (grunnlag)", "Before (baseline)";
    date: "Dato", "Date";
    dataset: "Datasett", "Dataset";
    missing: "kommuner mangler verdi i grunnlaget og regnes som 0", "municipalities have no value in the baseline and count as 0";
    totals: "Totaler", "Totals";
    before_col: "Før", "Before";
    after_col: "Etter", "After";
    change_col: "Endring", "Change";
    target: "Mål", "Target";
    allocated: "Fordelt", "Allocated";
    asked: "Kommuner anmodet", "Municipalities asked";
    minors: "Herav enslige mindreårige", "Of which unaccompanied minors";
    county_code: "Fylkesnummer", "County code";
    county: "Fylke", "County";
    change_pct: "Endring %", "Change %";
    sources: "Kilder", "Sources";
});

/// The totals of one side of a comparison. A reference column has no target and no minors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlanTotals {
    pub target: Option<f64>,
    pub allocated: f64,
    pub asked: usize,
    pub minors: Option<f64>,
}

impl PlanTotals {
    pub fn of_allocation(a: &Allocation) -> Self {
        PlanTotals {
            target: Some(f64::from(a.target)),
            allocated: a.allocated as f64,
            asked: a.asked,
            minors: Some(a.minors_allocated as f64),
        }
    }

    /// Both sides, one line per total in the order target, allocated, municipalities asked, minors: before,
    /// after and the change, `None` where a side lacks the figure.
    pub fn side_by_side(before: &PlanTotals, after: &PlanTotals) -> [[Option<f64>; 3]; 4] {
        let line = |b: Option<f64>, a: Option<f64>| [b, a, a.zip(b).map(|(a, b)| a - b)];
        [
            line(before.target, after.target),
            line(Some(before.allocated), Some(after.allocated)),
            line(Some(before.asked as f64), Some(after.asked as f64)),
            line(before.minors, after.minors),
        ]
    }

    /// The baseline side as the comparison counted it (a reference column).
    pub fn of_baseline(c: &Comparison) -> Self {
        PlanTotals { target: None, allocated: c.total_before, asked: c.asked_before, minors: None }
    }
}

/// One side of a comparison: what it is, in words ("Current scenario «IMDi 2020»"), and its totals.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparedPlan {
    pub description: String,
    pub totals: PlanTotals,
}

/// The county table: code, county, before, after, change, change in percent.
pub fn county_comparison_table(c: &Comparison, lang: Lang) -> ResultTable {
    let t = ComparisonTexts::get(lang);
    let number = |v: f64| if v.fract() == 0.0 { Cell::Int(v as i64) } else { Cell::Number(v, 1) };
    let rows = c
        .counties
        .iter()
        .map(|x| {
            vec![
                Cell::Code(x.code.clone()),
                Cell::Text(x.name.clone()),
                number(x.before),
                number(x.after),
                number(x.change),
                if x.before != 0.0 { Cell::Number(x.change / x.before * 100.0, 1) } else { Cell::Empty },
            ]
        })
        .collect();
    let headers = [t.county_code, t.county, t.before_col, t.after_col, t.change_col, t.change_pct];
    ResultTable { headers: headers.iter().map(|h| (*h).to_owned()).collect(), rows }
}

/// The workbook as bytes: summary, municipalities, counties. `saved_at` is the date text on the summary.
pub fn comparison_xlsx(
    dataset: &Dataset,
    c: &Comparison,
    after: &ComparedPlan,
    before: &ComparedPlan,
    lang: Lang,
    saved_at: &str,
) -> Result<Vec<u8>, ExportError> {
    let t = ComparisonTexts::get(lang);
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(t.title).set_comment(DATA_CREDITS));
    let sheet = workbook.add_worksheet().set_name(t.summary)?;
    summary_sheet(sheet, &styles, dataset, c, after, before, lang, saved_at)?;
    print_setup(sheet, None)?;
    let table = comparison_table(dataset, c, lang);
    let sheet = workbook.add_worksheet().set_name(t.municipalities)?;
    write_table(sheet, &styles, &table, 0, |_| false)?;
    let sheet = workbook.add_worksheet().set_name(t.counties)?;
    write_table(sheet, &styles, &county_comparison_table(c, lang), 0, |_| false)?;
    Ok(workbook.save_to_buffer()?)
}

#[allow(clippy::too_many_arguments)]
fn summary_sheet(
    ws: &mut Worksheet,
    styles: &Styles,
    dataset: &Dataset,
    c: &Comparison,
    after: &ComparedPlan,
    before: &ComparedPlan,
    lang: Lang,
    saved_at: &str,
) -> Result<(), XlsxError> {
    let t = ComparisonTexts::get(lang);
    text(ws, 0, 0, t.title, &styles.title)?;
    let mut row = 2;
    for (label, value) in [
        (t.after, Value::Text(&after.description)),
        (t.before, Value::Text(&before.description)),
        (t.date, Value::Date(saved_at)),
        (t.dataset, Value::Text(&dataset.id)),
    ] {
        labelled(ws, styles, row, label, value)?;
        row += 1;
    }
    row += 1;
    text(ws, row, 0, &summary_line(c, lang), &styles.bold)?;
    row += 1;
    text(ws, row, 0, &totals_line(c, lang), &styles.text)?;
    row += 1;
    if c.missing_before > 0 {
        text(ws, row, 0, &format!("{} {}", c.missing_before, t.missing), &styles.text)?;
        row += 1;
    }
    row += 1;
    text(ws, row, 0, t.totals, &styles.header)?;
    for (col, h) in [t.before_col, t.after_col, t.change_col].into_iter().enumerate() {
        text(ws, row, col as u16 + 1, h, &styles.header)?;
    }
    row += 1;
    let lines = PlanTotals::side_by_side(&before.totals, &after.totals);
    for (label, line) in [t.target, t.allocated, t.asked, t.minors].into_iter().zip(lines) {
        text(ws, row, 0, label, &styles.text)?;
        for (col, v) in (1..).zip(line) {
            if let Some(v) = v {
                number(ws, row, col, v, &styles.int)?;
            }
        }
        row += 1;
    }
    row += 1;
    text(ws, row, 0, t.sources, &styles.bold)?;
    text(ws, row + 1, 0, DATA_CREDITS, &styles.text)?;
    // The description column is wide; long lines (summary, credits) run on to the right.
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 44)?;
    ws.set_column_width(2, 12)?;
    ws.set_column_width(3, 12)?;
    Ok(())
}

/// Writes the comparison to `path` atomically: the workbook, or the municipality table as CSV.
pub fn write_comparison(
    path: &Path,
    format: ExportFormat,
    dataset: &Dataset,
    c: &Comparison,
    plans: (&ComparedPlan, &ComparedPlan),
    lang: Lang,
    saved_at: &str,
) -> Result<(), ExportError> {
    let (after, before) = plans;
    match format {
        ExportFormat::Xlsx => {
            let bytes = comparison_xlsx(dataset, c, after, before, lang, saved_at)?;
            crate::fileio::write_atomic(path, &bytes).map_err(|e| ExportError::write(path, e))
        }
        ExportFormat::Csv(style) => write_csv_file(path, &comparison_table(dataset, c, lang), style),
    }
}

#[cfg(test)]
mod tests {
    use calamine::Reader;

    use super::super::xlsx::read_back::{date_serial, find_row, float, open, sheet, string, texts};
    use super::*;
    use crate::analysis::{Baseline, compare};
    use crate::export::test_data;
    use crate::report::CsvStyle;

    fn case() -> (Dataset, Comparison, ComparedPlan, ComparedPlan) {
        let (d, _, a) = test_data::imdi_2020_case();
        let c = compare(&d, &a, Baseline::Column("anmodning_2019")).unwrap();
        let after =
            ComparedPlan { description: "Scenario «IMDi 2020»".into(), totals: PlanTotals::of_allocation(&a) };
        let before = ComparedPlan { description: "Anmodning 2019".into(), totals: PlanTotals::of_baseline(&c) };
        (d, c, after, before)
    }

    #[test]
    fn workbook_has_summary_municipalities_and_counties() {
        let (d, c, after, before) = case();
        let bytes = comparison_xlsx(&d, &c, &after, &before, Lang::Nb, "2025-03-01").unwrap();
        assert_eq!(open(&bytes).sheet_names(), ["Sammendrag", "Sammenligning", "Fylker"]);

        let summary = sheet(&bytes, "Sammendrag");
        let all = texts(&summary);
        for expected in [summary_line(&c, Lang::Nb), totals_line(&c, Lang::Nb), after.description.clone()] {
            assert!(all.contains(&expected), "missing {expected:?}");
        }
        let date = find_row(&summary, 0, "Dato").unwrap();
        assert_eq!(date_serial(&summary.rows().nth(date).unwrap()[1]), 45_717.0, "2025-03-01 as a date cell");
        let totals = find_row(&summary, 0, "Fordelt").unwrap();
        let line = summary.rows().nth(totals).unwrap();
        assert_eq!((float(&line[1]), float(&line[2])), (c.total_before, 5120.0));
        assert_eq!(float(&line[3]), 5120.0 - c.total_before);

        let table = sheet(&bytes, "Sammenligning");
        assert_eq!(table.height(), d.len() + 1);
        let header: Vec<String> = table.rows().next().unwrap().iter().map(string).collect();
        assert_eq!(header[..6], ["Kommunenummer", "Kommune", "Fylke", "Før", "Etter", "Endring"]);
        for (i, row) in table.rows().skip(1).enumerate() {
            assert_eq!(string(&row[0]), d.municipalities[i].code);
            assert_eq!(float(&row[3]), c.rows[i].before);
            assert_eq!(float(&row[5]), c.rows[i].change);
        }

        let counties = sheet(&bytes, "Fylker");
        assert_eq!(counties.height(), c.counties.len() + 1);
        let change: f64 = counties.rows().skip(1).map(|r| float(&r[4])).sum();
        assert_eq!(change, c.total_after - c.total_before);
    }

    #[test]
    fn csv_is_the_municipality_table() {
        let (d, c, after, before) = case();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cmp.csv");
        let format = ExportFormat::Csv(CsvStyle::ExcelNo);
        write_comparison(&path, format, &d, &c, (&after, &before), Lang::Nb, "").unwrap();
        let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        assert!(text.starts_with("\u{feff}Kommunenummer;Kommune;Fylke;Før;Etter;Endring;Endring %;Merknad"));
        assert_eq!(text.lines().count(), d.len() + 1);
    }
}
