//! The scenario board as a workbook: key figures, one column per scenario for every municipality, and the
//! county totals with a native clustered column chart.

use std::path::Path;

use rust_xlsxwriter::{Chart, ChartLegendPosition, DocProperties, Workbook};

use super::DATA_CREDITS;
use super::error::ExportError;
use super::format::ExportFormat;
use super::sheet_table::write_table;
use super::xlsx::Styles;
use crate::board::{Board, board_table, county_table, key_table};
use crate::data::Dataset;
use crate::lang::Lang;

crate::texts!(BoardSheetTexts {
    title: "Scenarioer side om side", "Scenarios side by side";
    key: "Nøkkeltall", "Key figures";
    municipalities: "Kommuner", "Municipalities";
    counties: "Fylker", "Counties";
    chart_title: "Anmodning per fylke", "Request per county";
    county: "Fylke", "County";
});

/// The workbook as bytes.
pub fn board_xlsx(dataset: &Dataset, board: &Board, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let t = BoardSheetTexts::get(lang);
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(t.title).set_comment(DATA_CREDITS));
    let sheet = workbook.add_worksheet().set_name(t.key)?;
    write_table(sheet, &styles, &key_table(dataset, board, lang), 0, |_| false)?;
    let sheet = workbook.add_worksheet().set_name(t.municipalities)?;
    write_table(sheet, &styles, &board_table(dataset, board, lang), 0, |_| false)?;
    let counties = county_table(board, lang);
    let sheet = workbook.add_worksheet().set_name(t.counties)?;
    write_table(sheet, &styles, &counties, 0, |_| false)?;
    let rows = counties.rows.len() as u32;
    if rows > 0 {
        let mut chart = Chart::new_column();
        for k in 0..board.names.len() {
            let col = 2 + k as u16;
            chart
                .add_series()
                .set_name((t.counties, 0, col))
                .set_categories((t.counties, 1, 1, rows, 1))
                .set_values((t.counties, 1, col, rows, col));
        }
        chart.title().set_name(t.chart_title);
        chart.y_axis().set_num_format("#,##0");
        chart.x_axis().set_name(t.county);
        chart.legend().set_position(ChartLegendPosition::Bottom);
        chart.set_width(960).set_height(420);
        sheet.insert_chart(rows + 2, 0, &chart)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// Writes the board atomically: the workbook, or the municipality table as CSV.
pub fn write_board(
    path: &Path,
    format: ExportFormat,
    dataset: &Dataset,
    board: &Board,
    lang: Lang,
) -> Result<(), ExportError> {
    let bytes = match format {
        ExportFormat::Xlsx => board_xlsx(dataset, board, lang)?,
        ExportFormat::Csv(style) => crate::report::write_csv(&board_table(dataset, board, lang), style),
    };
    crate::fileio::write_atomic(path, &bytes).map_err(|e| ExportError::write(path, e))
}

#[cfg(test)]
mod tests {
    use super::super::xlsx::read_back::{sheet, texts};
    use super::*;
    use crate::board::{BoardPlan, board};
    use crate::export::test_data;

    #[test]
    fn one_column_per_scenario_and_a_county_chart() {
        let (d, s, a) = test_data::imdi_2020_case();
        let mut other = s.clone();
        other.target.total = 3000;
        let b = crate::engine::allocate(&d, &other).unwrap();
        let plans = [BoardPlan { name: "A", allocation: &a }, BoardPlan { name: "B", allocation: &b }];
        let board = board(&d, &plans, false).unwrap();
        let bytes = board_xlsx(&d, &board, Lang::Nb).unwrap();
        let range = sheet(&bytes, "Kommuner");
        let header = texts(&range);
        assert!(
            header.starts_with(&["Kommunenummer".to_owned(), "Kommune".into(), "Fylke".into(), "A".into(), "B".into()]),
            "{header:?}"
        );
        assert_eq!(range.height(), d.len() + 1);
        let zip_has_chart = bytes.windows(b"xl/charts/chart1.xml".len()).any(|w| w == b"xl/charts/chart1.xml");
        assert!(zip_has_chart, "a native chart in the workbook");
    }
}
