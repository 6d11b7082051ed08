//! `bosetting revise SCENARIO --from COL --target N`: a sent request revised to a new target, printed like
//! `allocate`'s plan.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::allocate::write_plan;
use super::followup::warn;
use super::output_args::OutputArgs;
use crate::followup::{ReviseMode, column_counts, implausible_counts, revise};

#[derive(clap::Args, Debug)]
pub struct ReviseArgs {
    pub scenario: PathBuf,
    /// The dataset column holding the request that was sent.
    #[arg(long)]
    pub from: String,
    /// The new total.
    #[arg(long)]
    pub target: u32,
    /// A dataset column of decisions to keep as they are (locked); municipalities without one are revised.
    #[arg(long)]
    pub keep_decisions: Option<String>,
    /// proportional (IMDi 2020: keep the asked set, scale the request, floor at the minimum) or criteria (the
    /// scenario's keys, with the sent request as a bound).
    #[arg(long, value_parser = ["proportional", "criteria"], default_value = "proportional")]
    pub mode: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &ReviseArgs) -> Result<ExitCode> {
    let to = args.output.destination()?;
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    args.output.check_out(|rules| super::scenario_input::reads(rules, &args.scenario, &scenario))?;
    let mode = ReviseMode::from_cli_name(&args.mode).unwrap_or_default();
    let keep = args.keep_decisions.as_deref().map(|c| column_counts(&dataset, c)).transpose()?;
    if let (Some(column), Some(keep)) = (&args.keep_decisions, &keep) {
        for w in implausible_counts(&dataset, &format!("column {column:?}"), keep.iter().copied()) {
            warn(&args.scenario, &w);
        }
    }
    let (plan, allocation) = revise(&dataset, &scenario, &args.from, args.target, keep.as_deref(), mode)
        .with_context(|| format!("{}: revising {} to {}", args.scenario.display(), args.from, args.target))?;
    write_plan(&dataset, &plan, &allocation, &to, &args.scenario)?;
    Ok(ExitCode::SUCCESS)
}
