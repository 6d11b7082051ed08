//! Why a calibration cannot be made. Every message names the file, line or column it is about.

use crate::engine::AllocError;
use crate::import::ImportError;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CalibrateError {
    #[error("the dataset has no column {column}{hint}")]
    UnknownColumn {
        column: String,
        /// Empty, or "; did you mean …?" with the closest column names.
        hint: String,
    },
    #[error("column {column}: municipality {code} has a negative value {value}; a reference cannot be negative")]
    NegativeInColumn { column: String, code: String, value: f64 },
    #[error(transparent)]
    Table(#[from] ImportError),
    #[error("{file}: the table needs two columns, municipality code and value; it has {found}")]
    TooFewColumns { file: String, found: usize },
    #[error("{file}, line {line}: {code:?} is not a municipality code (4 digits, e.g. 0301)")]
    NotACode { file: String, line: usize, code: String },
    #[error("{file}, line {line}: municipality {code} is not in the dataset {dataset}")]
    UnknownCode { file: String, line: usize, code: String, dataset: String },
    #[error("{file}, line {line}: municipality {code} is listed again (first on line {first_line})")]
    DuplicateCode { file: String, line: usize, code: String, first_line: usize },
    #[error("{file}, line {line}: {message}")]
    NotANumber { file: String, line: usize, message: String },
    #[error("{file}, line {line}: municipality {code} has a negative value {value}; a reference cannot be negative")]
    NegativeValue { file: String, line: usize, code: String, value: f64 },
    #[error("{name}: the reference is zero (or missing) for every municipality, so there is nothing to fit")]
    AllZero { name: String },
    #[error("{name}: the reference sums to {sum}, {}; give a target", target_problem(*.sum))]
    NoTarget { name: String, sum: f64 },
    #[error(
        "a target of 0 places nobody, so there is nothing to compare with the reference; give a target of at least 1"
    )]
    ZeroTarget,
    #[error("the reference has {found} values but the dataset {dataset} has {expected} municipalities")]
    WrongLength { found: usize, expected: usize, dataset: String },
    #[error("no criterion can be fitted: every criterion is continuity or has no positive value in the data")]
    NothingToFit,
    #[error("the scenario cannot be allocated: {0}")]
    Allocate(#[from] AllocError),
    #[error(
        "the start and the reference are the same column {column}: the fit would only copy it; start from the year \
         before (e.g. --start anmodning_2018 --reference-column anmodning_2019)"
    )]
    StartIsReference { column: String },
    #[error("calibration cancelled")]
    Cancelled,
}

/// Why a reference's sum cannot be the calibration target.
fn target_problem(sum: f64) -> &'static str {
    if sum.is_finite() && sum < 0.5 {
        "which rounds to a target of 0"
    } else {
        "more than the largest target this program takes (4294967295)"
    }
}
