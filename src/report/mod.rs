//! The result as a table of typed cells, and its renderings (JSON, CSV). Exports and the clipboard share it,
//! so every output shows the same columns and numbers.

pub mod csv_out;
mod json;
mod table;

pub use csv_out::{CsvStyle, excel_text_code, neutralise, write_csv};
pub use json::{allocation_json, rounded};
pub use table::{Cell, ExtraColumn, ResultTable, result_table};
