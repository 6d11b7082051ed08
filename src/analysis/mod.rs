//! Compare and explain: why a municipality gets its number, what changed between two plans, and how much the
//! plan depends on the weights and the target. Pure functions on the engine's results; the CLI and the
//! planner's views show them.

mod compare;
pub mod concentration;
mod explain;
mod explain_start;
mod explain_text;
mod quality;
mod reweight;
mod sensitivity;
mod words;

#[cfg(test)]
pub(crate) mod test_support;

pub use compare::{
    Baseline, CompareError, Comparison, CountyDiff, DiffRow, compare, comparison_table, plan_on_borders, summary_line,
    totals_line,
};
pub use explain::{Explanation, Step, StepKind, explain, shown_change};
pub use explain_start::start_summary;
pub use explain_text::explain_sentences;
pub use quality::{DataWarning, data_warnings};
pub use reweight::with_weight_share;
pub use sensitivity::{
    Curve, Impact, PlanPoint, PlanSweep, TargetRange, TornadoBar, shares, target_range, tornado, weight_sweep,
    whole_plan_sweep,
};
