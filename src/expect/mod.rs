//! The decisions to expect: how many places each municipality is likely to decide for a request, learnt from
//! the decisions the datasets hold, with an honest range and a leave-one-county-out backtest.
//!
//! The model in one sentence per municipality: *the part of the request up to what it settled last year at
//! one national share and the part above at another, times a factor from its own decisions pulled towards
//! its group's*.
//! See `docs/model.md`, "The decisions to expect".

mod backtest;
mod error;
mod estimate;
mod inputs;
mod model;
mod needed;
mod outlook;
mod plan;
mod totals;

pub use backtest::{Backtest, BacktestRow, Baselines, Score, backtest_by_county};
pub use error::ExpectError;
pub use estimate::{Basis, Estimate};
pub use inputs::{ColumnChoice, Inputs, Year, read_inputs, read_request, read_year};
pub use model::{FLOOR_PLACES, GroupFit, Model, PRIOR_PLACES, Parts};
pub use needed::{Needed, needed_request};
pub use outlook::{Outlook, outlook};
pub use plan::{Expected, default_choice, for_plan, has_record};
pub use totals::{CountyTotals, Totals, county_totals, national_totals};

#[cfg(test)]
mod tests;
