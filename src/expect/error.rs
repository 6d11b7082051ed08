//! Why an estimate of the decisions cannot be made. Every variant names the column and the cause.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExpectError {
    #[error("the dataset {dataset} has no column {column:?}")]
    NoColumn { dataset: String, column: String },
    #[error("column {column:?} is a rate or a class (intensive), not a count of places")]
    NotCounts { column: String },
    #[error("column {column:?}: {name} ({code}) has {value}, not a whole number of at least 0")]
    NotACount { column: String, code: String, name: String, value: f64 },
    #[error("column {column:?} holds no decisions: every cell is empty or nobody was asked")]
    NoDecisions { column: String },
    #[error("no decisions to learn from: name at least one past request and the decisions made on it")]
    NoRecord,
    #[error("column {column:?}: {name} ({code}) has {value}, not a class (a whole number from 0 to 99)")]
    NotAClass { column: String, code: String, name: String, value: f64 },
    #[error("column {column:?} has {count} different values; a group column holds at most {max} classes")]
    TooManyClasses { column: String, count: usize, max: usize },
    #[error("column {column:?} is the decisions to predict and part of the record at once")]
    DecisionsInRecord { column: String },
    #[error("the request has {got} values, the dataset {expected} municipalities")]
    WrongLength { got: usize, expected: usize },
}
