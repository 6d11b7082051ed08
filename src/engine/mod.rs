//! The allocation model (described in `docs/model.md`): pure functions, data in, result out, deterministic.
//! Nothing here knows about a screen.

mod allocate;
pub mod apportion;
pub(crate) mod bounds;
mod collect;
mod contributions;
mod eligibility;
mod error;
mod error_text;
mod fill;
mod keys;
mod minors;
pub(crate) mod quotas;
mod result;
mod stage;
mod start;
mod validate;
mod warnings;

#[cfg(test)]
mod invariants;

pub use crate::scenario::{CriterionId, MissingPolicy};
pub use allocate::allocate;
pub use apportion::{Apportionment, Claim, Method, Tie, apportion};
pub use bounds::{BoundRule, BoundsReason};
pub use contributions::Contributions;
pub use error::AllocError;
pub use fill::{FilledCell, filled_column};
pub use result::{Allocation, CountyTotal, MunicipalityResult, Reason, StartPart, Status, TieReport, TieStage};
pub use stage::Stage;
pub use validate::{Problem, ProblemKind, validate};
pub use warnings::plan_warnings;
