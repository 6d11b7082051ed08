//! Reading indicator tables from SSB and IMDi exports (CSV, SSB statbank CSV, JSON-stat 2.0).
//!
//! The steps, each usable on its own by the import dialog and the CLI:
//!
//! 1. [`read_table`]: bytes → [`Table`] of text cells with headers, detecting the encoding
//!    ([`encoding`]), the format ([`csv_plain`], [`ssb_csv`], [`jsonstat`]) and the delimiter;
//!    a file that is not a table is refused with an [`ImportError`] naming the file and the line;
//! 2. [`guess_columns`]: which column holds municipality codes and which the values;
//! 3. [`extract()`]: one value per municipality code ([`municipality_code`], [`parse_number`]),
//!    with [`Problem`]s for rows skipped or doubtful;
//! 4. [`borders::to_dataset_borders`]: a file on the other border vintage moved onto the dataset's borders;
//! 5. [`match_codes`]: the extracted codes against the planning dataset's municipalities;
//! 6. [`meaning`]: the column's role and kind when the user does not give them.
//!
//! A CSV cell written as a text formula (`="0301"`, as Excel CSV files keep codes) is read as its text
//! ([`text_formula_value`]).

pub mod borders;
pub mod codes;
pub mod csv_plain;
pub mod encoding;
pub mod error;
pub mod extract;
pub mod jsonstat;
pub mod meaning;
pub mod numbers;
pub mod rows;
pub mod ssb_csv;
pub mod table;
pub mod text_formula;
pub mod workbook;

pub use codes::municipality_code;
pub use error::{ImportError, MAX_FILE_BYTES, MAX_TABLE_CELLS};
pub use extract::{
    Conflict, Extracted, ExtractedValue, Guess, Match, Problem, ValueCandidate, extract, guess, guess_columns,
    match_codes,
};
pub use meaning::{KindReason, guess_kind, guess_role};
pub use numbers::{Cell, DecimalMark, parse_number, parse_number_in};
pub use rows::{Cells, Row, RowRef, Rows};
pub use table::{Format, Table, read_table};
pub use text_formula::text_formula_value;
