//! Every integration test in one binary: it links the crate (and the GUI stack) once instead of once per file.

mod bad_inputs;
mod cli;
mod cli_borders;
mod cli_briefing;
mod cli_calibrate;
mod cli_daily;
mod cli_edges;
mod cli_excel_csv;
mod cli_fetch_ssb;
mod cli_followup;
mod cli_import;
#[cfg(feature = "gui")]
mod clipboard;
mod common;
mod docs_example;
#[path = "../support/ssb_server.rs"]
mod ssb_server;
