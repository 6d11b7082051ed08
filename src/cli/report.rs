//! `bosetting report SCENARIO --out F.pdf`: the briefing report as a print-ready A4 PDF.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::board::{BoardPlan, board};
use crate::briefing::{BriefingInput, Reference, briefing_pdf};
use crate::engine::{Allocation, allocate};
use crate::export::today_in_norway;
use crate::figure::Plan;
use crate::fileio::{WriteRules, write_replacing};
use crate::lang::Lang;
use crate::scenario::Scenario;

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    pub scenario: PathBuf,
    /// Compare with another scenario on the same dataset.
    #[arg(long, conflicts_with = "reference")]
    pub compare: Option<PathBuf>,
    /// Compare with a dataset column (default: the scenario's reference column).
    #[arg(long)]
    pub reference: Option<String>,
    /// Scenarios to set beside this one in a section of their own (up to five; repeat the option).
    #[arg(long = "board")]
    pub board: Vec<PathBuf>,
    /// Compare the board's scenarios as shares, scaled to this scenario's total.
    #[arg(long)]
    pub scaled: bool,
    /// Language: nb or en.
    #[arg(long, value_parser = ["nb", "en"], default_value = "nb")]
    pub lang: String,
    /// The PDF file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Replace the --out file when it exists, keeping the old one as FILE.bak.
    #[arg(long)]
    pub force: bool,
}

fn load_plan(path: &std::path::Path, dataset_id: &str, rules: &mut WriteRules) -> Result<(Scenario, Allocation)> {
    let (scenario, dataset) = super::scenario_input::load(path)?;
    *rules = super::scenario_input::reads(std::mem::take(rules), path, &scenario);
    if dataset.id != dataset_id {
        bail!(
            "{}: uses the dataset {}, not {dataset_id}; compare scenarios on the same dataset",
            path.display(),
            dataset.id
        );
    }
    let allocation = allocate(&dataset, &scenario).with_context(|| path.display().to_string())?;
    Ok((scenario, allocation))
}

pub fn run(args: &ReportArgs) -> Result<ExitCode> {
    let lang = Lang::from_code(&args.lang).unwrap_or_default();
    if args.out.extension().and_then(|e| e.to_str()).is_none_or(|e| !e.eq_ignore_ascii_case("pdf")) {
        bail!("{}: the report is written as .pdf", args.out.display());
    }
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    let mut rules = super::scenario_input::reads(WriteRules::new(args.force), &args.scenario, &scenario);
    let allocation = allocate(&dataset, &scenario).with_context(|| args.scenario.display().to_string())?;
    if let Some(column) = &args.reference
        && dataset.column(column).is_none()
    {
        bail!("the dataset {} has no column {column:?}", dataset.id);
    }
    let compared = args.compare.as_ref().map(|p| load_plan(p, &dataset.id, &mut rules)).transpose()?;
    let others: Vec<(Scenario, Allocation)> =
        args.board.iter().map(|p| load_plan(p, &dataset.id, &mut rules)).collect::<Result<_>>()?;
    rules.check(&[&args.out])?;
    let mut plans = vec![BoardPlan { name: &scenario.name, allocation: &allocation }];
    plans.extend(others.iter().map(|(s, a)| BoardPlan { name: &s.name, allocation: a }));
    let board = if plans.len() > 1 { Some(board(&dataset, &plans, args.scaled)?) } else { None };
    let reference = match (&compared, &args.reference) {
        (Some((s, a)), _) => Some(Reference::Plan { name: &s.name, allocation: a }),
        (None, Some(column)) => Some(Reference::Column(column)),
        (None, None) => None,
    };
    let date = today_in_norway();
    let input = BriefingInput {
        plan: Plan { dataset: &dataset, scenario: &scenario, allocation: &allocation, date: &date },
        reference,
        board: board.as_ref(),
        year: None,
        lang,
    };
    let bytes = briefing_pdf(&input)?;
    write_replacing(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    Ok(ExitCode::SUCCESS)
}
