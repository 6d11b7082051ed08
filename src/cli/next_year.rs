//! `bosetting next-year SCENARIO --last COL --before COL --target N`: next year's request from this year's.
//! The plan from a start is fitted on before → last, then applied to last → next at the new target.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::output_args::OutputArgs;
use super::transition::{fit_json, fit_text};
use crate::calibrate::{calibrate_transition, moved_on, reference_from_column};
use crate::engine::allocate;
use crate::scenario::{Scenario, Target, save_scenario};

#[derive(clap::Args, Debug)]
pub struct NextYearArgs {
    /// The scenario file (.ron): its criteria and rules; it names its dataset.
    pub scenario: PathBuf,
    /// Last year's request: the column the new plan starts from (e.g. anmodning_2019).
    #[arg(long, value_name = "COLUMN")]
    pub last: String,
    /// The year before's request: the fit learns how IMDi moved from it to --last (e.g. anmodning_2018).
    #[arg(long, value_name = "COLUMN")]
    pub before: String,
    /// The new total to request.
    #[arg(long, value_name = "N")]
    pub target: u32,
    /// Of which unaccompanied minors (default: the scenario's, at most the target).
    #[arg(long, value_name = "M")]
    pub minors: Option<u32>,
    /// Save the fitted scenario (with its start) to this file, for the planner to open.
    #[arg(long, value_name = "FITTED.ron")]
    pub write: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &NextYearArgs) -> Result<ExitCode> {
    let to = args.output.destination()?;
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    let reads = |rules| super::scenario_input::reads(rules, &args.scenario, &scenario);
    args.output.check_out(reads)?;
    if let Some(path) = &args.write {
        reads(crate::fileio::WriteRules::new(args.output.force)).check(&[path])?;
    }
    let reference = reference_from_column(&dataset, &args.last).context("--last")?;
    let transition = calibrate_transition(&dataset, &scenario, &args.before, &reference, None)
        .with_context(|| format!("fitting {} → {}", args.before, args.last))?;
    let plan = next_plan(&transition.scenario, args);
    let allocation = allocate(&dataset, &plan).with_context(|| format!("the plan from {}", args.last))?;
    if let Some(path) = &args.write {
        save_scenario(path, &super::scenario_input::rebased(&plan, &args.scenario, path))?;
    }
    let lang = to.lang;
    let fit = fit_json(&transition, &args.before, &args.last);
    super::allocate::write_plan_with(&dataset, &plan, &allocation, &to, &args.scenario, Some(("fit", fit)))?;
    if to.format != "json" {
        eprint!("{}", super::terminal::safe(&fit_text(&transition, &args.before, &args.last, lang)));
    }
    Ok(ExitCode::SUCCESS)
}

/// The fitted scenario moved one year on: it starts from --last at the new target.
fn next_plan(fitted: &Scenario, args: &NextYearArgs) -> Scenario {
    let target = Target {
        total: args.target,
        minors: args.minors.unwrap_or(fitted.target.minors),
        resettlement: fitted.target.resettlement,
    };
    let mut plan = moved_on(fitted, &args.last, target);
    plan.name = format!("{} — {} {}", fitted.name, args.last, args.target);
    let share = plan.start.as_ref().map_or(0.0, |s| s.criteria_share);
    let note = format!(
        "Next year's request from {} at {}: the criteria's share {share} and the weights fitted on {} → {}.",
        args.last, args.target, args.before, args.last
    );
    plan.notes = if plan.notes.trim().is_empty() { note } else { format!("{}\n\n{note}", plan.notes.trim_end()) };
    plan
}
