//! Calibration: the weights (and optionally the size exponent) whose allocation comes closest to a reference
//! allocation such as last year's requests, and how close that is (see `docs/model.md`).
//!
//! The search is deterministic (no randomness). For each size exponent on a grid (or the scenario's own), it
//! starts from the exact least-squares fit of the continuous quotas (two variants), the scenario's own weights,
//! equal weights and each criterion leading, and runs Nelder–Mead on a quick model of the pipeline (quotas with
//! the minimum-request drop, keys for any exponent from one allocation). The best results are polished by
//! Nelder–Mead on the full pipeline, rounding included. Reported figures always come from the full pipeline.
//!
//! The error minimised is the absolute difference per municipality the reference asked, plus one minimum
//! request for every municipality asked by one and not the other (see [`calibrate`]).

mod error;
mod fit;
mod nelder_mead;
mod quick;
mod reference;
mod search;
mod surrogate;
mod transition;

pub use error::CalibrateError;
pub use fit::{Fit, fit};
pub use reference::{Reference, reference_from_column, reference_from_csv};
pub use search::calibrate;
pub use transition::{Transition, TransitionFit, baseline_scenario, calibrate_transition, from_start, moved_on};

use crate::scenario::{CriterionId, Scenario};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CalibrateOptions {
    /// Fit the size exponent too (in (0, 1]); otherwise the scenario's is kept.
    pub fit_exponent: bool,
    /// The total to allocate while fitting; `None` takes the reference's sum.
    pub target: Option<u32>,
    /// Fit the continuity criterion too; by default it is held at weight 0 (it would copy the reference).
    pub include_continuity: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    /// Fitted weights as shares summing to 1, in the scenario's criterion order.
    pub weights: Vec<(CriterionId, f64)>,
    pub size_exponent: f64,
    /// The fit of `scenario` to the reference at the calibration target.
    pub fit: Fit,
    /// The input scenario with the fitted weights (percentages, two decimals, summing to 100) and exponent;
    /// its target is the input's.
    pub scenario: Scenario,
    /// Full allocations computed.
    pub evaluations: usize,
}
