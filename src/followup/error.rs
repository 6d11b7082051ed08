//! Why a follow-up, shortfall round or revision cannot be made. Every variant names its cause.

use crate::engine::AllocError;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FollowUpError {
    #[error("the dataset {dataset} has no column {column:?}")]
    NoColumn { dataset: String, column: String },
    #[error("column {column:?}: {name} ({code}) has {}, {why}", crate::numfmt::quoted(*.value))]
    NotACount { column: String, code: String, name: String, value: f64, why: &'static str },
    #[error(
        "column {column:?} ({label}, {unit}) is a rate, a score or a class, not a count of people; give a column \
         of numbers of refugees (an imported one with --kind extensive)"
    )]
    NotCounts { column: String, label: String, unit: String },
    #[error("the request asks nobody (every municipality's request is 0 or missing); give the sent request's column")]
    NobodyAsked,
    #[error("the request has {got} values, the dataset {expected} municipalities")]
    WrongLength { got: usize, expected: usize },
    #[error("nothing is missing: the decided places ({decided}) reach the target ({target})")]
    NoShortfall { decided: u64, target: u32 },
    #[error("no municipality is in the chosen set ({among}) for a shortfall round")]
    NobodyToAsk { among: &'static str },
    #[error("column {column:?} asks nobody: a revision starts from a sent request")]
    EmptyRequest { column: String },
    #[error(
        "decisions to keep for municipalities that {column:?} did not ask ({list}): this revision does not ask \
         anyone new; leave those decisions out, or revise by the criteria to a higher target"
    )]
    KeptOutsideAsked { column: String, list: String },
    #[error(
        "the scenario's change band is on column {band:?}, but the revision bounds by the sent request in \
         {from:?}; one band cannot hold both: set the scenario's band on {from:?}, or remove it"
    )]
    BandOnOtherColumn { band: String, from: String },
    #[error("the decisions kept add up to {kept}, more than the new target {target}")]
    DecisionsAboveTarget { kept: u64, target: u32 },
    #[error("the plan cannot be kept as the sent request: {0}")]
    SentPlan(String),
    #[error(
        "the shortfall round of {shortfall} places asks only {} (among: {among}), and among them {cause}",
        municipalities(*admitted)
    )]
    ShortfallRound { shortfall: u32, admitted: usize, among: &'static str, cause: AllocError },
    #[error("each municipality's revised request is bounded by its sent request in column {column:?}: {cause}")]
    RevisionBounded { column: String, cause: AllocError },
    #[error(transparent)]
    Allocation(#[from] AllocError),
}

/// "1 municipality", "12 municipalities".
fn municipalities(n: usize) -> String {
    if n == 1 { "1 municipality".to_owned() } else { format!("{n} municipalities") }
}
