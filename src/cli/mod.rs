//! The command line: the same engine as the planner, for scripts and quick answers.

mod allocate;
mod apportion;
mod calibrate;
mod check;
mod compare;
mod county_round;
mod expect;
mod expect_backtest;
mod explain;
mod fetch_ssb;
mod figure;
mod followup;
mod import;
mod migrate;
mod next_year;
mod output_args;
mod report;
mod revise;
mod scenario_input;
mod terminal;
mod transition;
mod year;
mod year_report;

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
    Check(check::CheckArgs),
    /// Add an indicator from a CSV, SSB statbank export or JSON-stat file to a dataset, written as a new file.
    Import(import::ImportArgs),
    /// Fit the weights that reproduce a reference allocation (e.g. last year's requests) and report the fit.
    Calibrate(calibrate::CalibrateArgs),
    /// The decisions to expect for the plan (or a request column), learnt from past decisions; with
    /// --backtest county, how well that would have predicted a year's decisions.
    Expect(expect::ExpectArgs),
    /// Explain one municipality's request step by step: criteria, caps, drops, rounding.
    Explain(explain::ExplainArgs),
    /// Move a scenario and its dataset to other municipality borders (2020 ↔ 2024), reporting every changed code.
    Migrate(migrate::MigrateArgs),
    /// Add an indicator straight from SSB's statistics bank (PxWebApi 2) to a dataset, written as a new file.
    #[command(name = "fetch-ssb")]
    FetchSsb(fetch_ssb::FetchSsbArgs),
    /// The decisions against the sent request (status per municipality and county), or with --redistribute the
    /// shortfall round's additional requests.
    Followup(followup::FollowUpArgs),
    /// Next year's request from this year's: fitted on the year before → last year, applied to last year at
    /// the new target.
    #[command(name = "next-year")]
    NextYear(next_year::NextYearArgs),
    /// Revise a sent request to a new target (proportional, as IMDi in 2020, or by the criteria).
    Revise(revise::ReviseArgs),
    /// Draw a figure for print (map, county totals, largest requests, concentration, waterfall) as SVG or PNG.
    Figure(figure::FigureArgs),
    /// Write the briefing report: a print-ready A4 PDF with key figures, map, counties, rules and sources.
    Report(report::ReportArgs),
    /// Set two to six scenarios side by side: one column per scenario (CSV) or with key figures (JSON).
    Compare(compare::CompareArgs),
    /// The settlement year as a file of its own: its need, rounds (request, shortfall rounds, revisions) and
    /// dated decisions and settled counts, and where it stands.
    Year(year::YearArgs),
    /// The county round: one workbook per county out, the counties' recommendations in, reconciled to the
    /// county frames with a deviation log.
    #[command(name = "county-round")]
    CountyRound(county_round::CountyRoundArgs),
}

/// Runs a CLI command. Errors go to stderr with exit code 1; usage errors exit 2 (clap).
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Gui { .. } => unreachable_gui(),
        Command::Allocate(args) => allocate::run(&args),
        Command::Apportion(args) => apportion::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Calibrate(args) => calibrate::run(&args),
        Command::Expect(args) => expect::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Migrate(args) => migrate::run(&args),
        Command::FetchSsb(args) => fetch_ssb::run(&args),
        Command::Followup(args) => followup::run(&args),
        Command::Revise(args) => revise::run(&args),
        Command::NextYear(args) => next_year::run(&args),
        Command::Figure(args) => figure::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Year(args) => year::run(&args),
        Command::CountyRound(args) => county_round::run(&args),
    };
    match result {
        Ok(code) => code,
        // A reader that stopped reading (`| head`) is not an error of the command: end quietly, as other tools do.
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bosetting: {}", terminal::safe(&terminal::error_text(&e)));
            ExitCode::from(1)
        }
    }
}

/// Whether the error is standard output closed by its reader.
fn closed_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn unreachable_gui() -> anyhow::Result<ExitCode> {
    anyhow::bail!("the planner window is started by the main program, not the CLI runner")
}
