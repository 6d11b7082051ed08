//! The settlement year (bosettingsåret) as a document of its own: the year's need with its dated changes,
//! the rounds sent — request, shortfall rounds, revisions — each frozen with the scenario that made it, and
//! dated snapshots of decisions and settled refugees. The follow-up is computed from the year alone.
//!
//! Pure functions, no screen. Rounds are made by the engine and the follow-up's own steps (`followup`),
//! never by a copy of them.

mod counts;
mod date;
mod file;
mod from_dataset;
mod labels;
mod make;
mod model;
mod pileup;
mod status;
pub mod table;

#[cfg(test)]
mod tests;

pub use counts::{CountsError, counts_from_column, counts_from_table};
pub use date::{Date, DateError};
pub use file::{YearError, check_codes, dataset_ref_for, open_year, parse_year, save_year, year_dataset, year_to_text};
pub use from_dataset::{add_sent_columns, new_year};
pub use labels::{LeftOut, RowNote};
pub use make::{
    MadeRound, Revision, RoundError, recorded_round, request_round, revision_round, round_plan, shortfall_round,
};
pub use model::{Counts, Need, Round, RoundKind, Snapshot, WithdrawError, Withdrawn, YEAR_VERSION, Year};
pub use pileup::{PileUp, PileUpKind, pile_up};
pub use status::{DeviationLine, RoundSummary, TimelinePoint, YearRow, YearStatus, year_status};
