//! Files and clipboard text for the analysts: the result as an Excel workbook, as CSV, and as tab-separated text.
//!
//! Every export starts from the same table model (`crate::report::result_table`), so the workbook, the CSV file
//! and a pasted table show the same columns and numbers.
//!
//! Formula injection: text that starts with `=`, `+`, `-` or `@` (a municipality name from an imported file, a
//! scenario name) must never run as a formula. All three outputs use the same guard,
//! `crate::report::neutralise`, which puts an apostrophe in front; in the workbook the text is in addition
//! written as a string cell (`write_string`), which Excel never evaluates. The guarded text is therefore
//! identical in XLSX, CSV and the clipboard.

mod board;
mod comparison;
mod county_round;
mod csv_file;
mod date;
mod error;
mod followup;
mod format;
mod sheet_counties;
mod sheet_municipalities;
mod sheet_parameters;
mod sheet_summary;
mod sheet_table;
mod tsv;
mod words;
mod xlsx;
mod year;

#[cfg(test)]
pub(crate) mod test_data;

pub use crate::dates::{long_date, today_in_norway};
pub use board::{board_xlsx, write_board};
pub use comparison::{ComparedPlan, PlanTotals, comparison_xlsx, county_comparison_table, write_comparison};
pub use county_round::{
    DeviationSheet, RoundTexts, RoundWorkbooks, county_round_workbooks, latest_earlier, reconciled_xlsx,
};
pub use csv_file::write_csv_file;
pub use error::ExportError;
pub use followup::{FollowUpSources, followup_xlsx, write_followup};
pub use format::{ExportFormat, export_to_file};
pub use sheet_table::result_table_sheet;
pub use tsv::table_tsv;
pub use words::{column_label, rules_in_words};
pub use xlsx::{allocation_xlsx, allocation_xlsx_with, write_xlsx};
pub use year::year_xlsx;

/// Where the numbers come from; printed in every workbook.
pub const DATA_CREDITS: &str = "Statistikk: SSB og IMDi (NLOD 2.0). Kart: © Kartverket (CC BY 4.0).";
