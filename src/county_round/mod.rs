//! The county round (fylkesrunden): the year's need split into county frames, one workbook per county out,
//! the counties' recommendations back, and the reconciliation into the final request with a deviation log.
//!
//! Pure: bytes and tables in, results out; no screen, no files, no clock (dates are given).
//! The rule is in [`reconcile`](reconcile::reconcile) and in `docs/county-round.md`.

mod deviation;
mod error;
mod frames;
mod grid;
mod limits;
mod plan;
mod recommendations;
mod reconcile;
mod reconsider;

#[cfg(test)]
mod tests;

pub use deviation::{Deviation, DeviationReason, DeviationTexts, RecordedDeviation};
pub use error::RoundError;
pub use frames::{
    FrameFileError, FrameSource, Frames, check_frames, frames_from_column, frames_from_plan, frames_from_table,
    frames_typed,
};
pub use grid::is_value_header;
pub use limits::Limits;
pub use plan::{RoundLock, final_scenario, note, round_lock};
pub use recommendations::{
    Received, Recommendation, RecommendationError, Recommendations, ReturnedFile, read_recommendations,
};
pub use reconcile::{CountyLine, CountyState, Override, Reconciled, RoundInput, reconcile};
pub use reconsider::{NeedFigures, Reconsider, Threshold, should_reconsider};
