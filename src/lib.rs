//! bosetting: plan how a national refugee settlement target is requested from Norway's municipalities.
//!
//! The engine (`engine`, `data`, `scenario`) is pure and knows no screen; the CLI and the GUI are thin
//! faces on it.

// First, so that `texts!` is in scope in every module after it.
#[macro_use]
pub mod lang;

pub mod analysis;
pub mod board;
pub mod borders;
pub mod briefing;
pub mod calibrate;
pub mod choices;
pub mod cli;
pub mod county_round;
pub mod data;
pub mod dates;
pub mod engine;
pub mod expect;
pub mod export;
pub mod figure;
pub mod fileio;
pub mod followup;
#[cfg(feature = "gui")]
pub mod gui;
pub mod import;
pub mod map;
pub mod numfmt;
pub mod report;
pub mod scenario;
pub mod ssb;
pub mod year;
