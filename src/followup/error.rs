//! Why a follow-up, shortfall round or revision cannot be made. Every variant names its cause.

use crate::engine::AllocError;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FollowUpError {
    #[error("the dataset {dataset} has no column {column:?}")]
    NoColumn { dataset: String, column: String },
    #[error("column {column:?}: {name} ({code}) has {value}, not a whole number of at least 0")]
    NotACount { column: String, code: String, name: String, value: f64 },
    #[error("the request has {got} values, the dataset {expected} municipalities")]
    WrongLength { got: usize, expected: usize },
    #[error("nothing is missing: the decided places ({decided}) reach the target ({target})")]
    NoShortfall { decided: u64, target: u32 },
    #[error("no municipality is in the chosen set ({among}) for a shortfall round")]
    NobodyToAsk { among: &'static str },
    #[error("column {column:?} asks nobody: a revision starts from a sent request")]
    EmptyRequest { column: String },
    #[error("the decisions kept add up to {kept}, more than the new target {target}")]
    DecisionsAboveTarget { kept: u64, target: u32 },
    #[error("the plan cannot be kept as the sent request: {0}")]
    SentPlan(String),
    #[error(transparent)]
    Allocation(#[from] AllocError),
}
