//! Every integration test in one binary: it links the crate (and the GUI stack) once instead of once per file.

mod bad_inputs;
mod cli;
mod cli_borders;
mod cli_briefing;
mod cli_calibrate;
mod cli_county_round;
mod cli_daily;
mod cli_edges;
mod cli_excel_csv;
mod cli_expect;
mod cli_fetch_ssb;
mod cli_followup;
mod cli_hardening;
mod cli_import;
mod cli_next_year;
mod cli_year;
#[cfg(feature = "gui")]
mod clipboard;
mod common;
mod docs_architecture;
mod docs_example;
mod example_scenarios;
#[path = "../support/ssb_server.rs"]
mod ssb_server;
mod write_path;
