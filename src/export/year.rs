//! The year's status as a workbook: summary, timeline, counties and municipalities, from the same tables as
//! the CSV and the text report (`year::table`).

use rust_xlsxwriter::Workbook;

use super::ExportError;
use super::sheet_table::result_table_sheet;
use crate::data::Dataset;
use crate::lang::Lang;
use crate::report::{Cell, ResultTable};
use crate::year::YearStatus;
use crate::year::table::{county_table, municipality_table, summary_lines, timeline_table};

crate::texts!(YearExportTexts {
    summary: "Sammendrag", "Summary";
    timeline: "Tidslinje", "Timeline";
    counties: "Fylker", "Counties";
    municipalities: "Kommuner", "Municipalities";
    what: "Hva", "What";
    value: "Verdi", "Value";
});

pub fn year_xlsx(dataset: &Dataset, status: &YearStatus, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let t = YearExportTexts::get(lang);
    let summary = ResultTable {
        headers: vec![t.what.to_owned(), t.value.to_owned()],
        rows: summary_lines(status, lang)
            .into_iter()
            .map(|(label, value)| vec![Cell::Text(label.to_owned()), Cell::Text(value)])
            .collect(),
    };
    let mut workbook = Workbook::new();
    result_table_sheet(workbook.add_worksheet().set_name(t.summary)?, &summary)?;
    result_table_sheet(workbook.add_worksheet().set_name(t.timeline)?, &timeline_table(status, lang))?;
    result_table_sheet(workbook.add_worksheet().set_name(t.counties)?, &county_table(status, lang))?;
    result_table_sheet(
        workbook.add_worksheet().set_name(t.municipalities)?,
        &municipality_table(dataset, status, lang),
    )?;
    Ok(workbook.save_to_buffer()?)
}
