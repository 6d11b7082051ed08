//! The plan's year after the request (MODEL.md, "After the request"): the municipalities' decisions against
//! the sent request, a shortfall round for the places still missing, and a revision to a new target.
//!
//! Pure functions, no screen. A shortfall round and a revision are scenarios derived from the open one, so
//! their results are ordinary allocations of the engine — with its bounds, exact rounding, explanation and
//! exports — and never a second copy of the engine's steps.

mod doubts;
mod error;
mod revise;
mod sent;
mod shortfall;
mod status;
pub mod table;

#[cfg(test)]
mod invariants;

pub use doubts::{IMPLAUSIBLE_PER_1000, implausible_counts, unasked_decisions};
pub use error::FollowUpError;
pub use revise::{ReviseMode, revise, revision_scenario};
pub use sent::record_sent_plan;
pub use shortfall::{Among, redistribute, shortfall_scenario};
pub use status::{Answer, CountyStatus, FollowUp, MunicipalityStatus, Totals, column_counts, follow_up};
