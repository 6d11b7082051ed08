//! Why an allocation cannot be made. Every variant names its cause; none is a panic.

use super::validate::Problem;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AllocError {
    #[error("the scenario has problems:\n{}", .0.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    #[error("no municipality is eligible under the current rules")]
    NoEligible,
    #[error("locked municipalities take {locked} refugees, more than the target {target}")]
    LocksAboveTarget { locked: u64, target: u32 },
    #[error("the caps allow at most {capacity} refugees in the open municipalities, fewer than the {needed} to place")]
    CapsTooTight { capacity: u64, needed: u32 },
    #[error("{count} municipalities must each be asked for at least {min_request}, more than the {needed} to place")]
    MinimumTooHigh { count: usize, min_request: u32, needed: u32 },
    #[error(
        "criterion {criterion} has weight but no positive value among eligible municipalities; set its weight to 0"
    )]
    CriterionWithoutSignal { criterion: String },
    #[error("no eligible municipality has a positive key, so {needed} refugees cannot be placed")]
    NoKey { needed: u32 },
    #[error(
        "{minors} unaccompanied minors cannot be placed: the municipalities that may receive minors \
         (request at least {threshold}) are asked for {room} in total"
    )]
    MinorsInfeasible { minors: u32, threshold: u32, room: u64 },
    #[error(
        "criterion {criterion}: the values add up to more than this program can compute with (about 1.8e308); \
         check the dataset for a population or value that large"
    )]
    Overflow { criterion: String },
    #[error("every municipality is locked, and the locks sum to {locked}, fewer than the target {target}")]
    LocksBelowTarget { locked: u64, target: u32 },
    #[error("the bounds cannot be met:\n{}", .reasons.iter().map(|r| format!("  - {r}")).collect::<Vec<_>>().join("\n"))]
    Bounds { reasons: Vec<super::bounds::BoundsReason> },
    #[error("rounding failed: {0}")]
    Rounding(#[from] super::apportion::ApportionError),
}
