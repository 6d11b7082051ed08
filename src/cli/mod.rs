//! The command line: the same engine as the planner, for scripts and quick answers.

mod allocate;
mod apportion;
mod calibrate;
mod check;
mod compare;
mod explain;
mod figure;
mod import;
mod report;
mod scenario_input;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "bosetting", version, about = "Plan refugee settlement requests to Norway's municipalities")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open the planner window (the default when no command is given).
    Gui {
        /// A scenario file to open.
        file: Option<PathBuf>,
    },
    /// Compute the request to every municipality for a scenario.
    Allocate(allocate::AllocateArgs),
    /// Apportion seats to a CSV of `name,weight` rows with a rounding method.
    Apportion(apportion::ApportionArgs),
    /// Validate a scenario and its dataset; list every problem; exit 1 if any.
    Check { scenario: PathBuf },
    /// Add an indicator from a CSV, SSB statbank export or JSON-stat file to a dataset, written as a new file.
    Import(import::ImportArgs),
    /// Fit the weights that reproduce a reference allocation (e.g. last year's requests) and report the fit.
    Calibrate(calibrate::CalibrateArgs),
    /// Explain one municipality's request step by step: criteria, caps, drops, rounding.
    Explain(explain::ExplainArgs),
    /// Draw a figure for print (map, county totals, largest requests, concentration, waterfall) as SVG or PNG.
    Figure(figure::FigureArgs),
    /// Write the briefing report: a print-ready A4 PDF with key figures, map, counties, rules and sources.
    Report(report::ReportArgs),
    /// Set two to six scenarios side by side: one column per scenario (CSV) or with key figures (JSON).
    Compare(compare::CompareArgs),
}

/// Runs a CLI command. Errors go to stderr with exit code 1; usage errors exit 2 (clap).
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Gui { .. } => unreachable_gui(),
        Command::Allocate(args) => allocate::run(&args),
        Command::Apportion(args) => apportion::run(&args),
        Command::Check { scenario } => check::run(&scenario),
        Command::Import(args) => import::run(&args),
        Command::Calibrate(args) => calibrate::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Figure(args) => figure::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Compare(args) => compare::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bosetting: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn unreachable_gui() -> anyhow::Result<ExitCode> {
    anyhow::bail!("the planner window is started by the main program, not the CLI runner")
}
