//! `bosetting compare A.ron B.ron [C.ron …]`: several scenarios side by side, one column per scenario.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::board::{BoardPlan, MAX_SCENARIOS, board, board_json, board_table};
use crate::engine::{Allocation, allocate};
use crate::lang::Lang;
use crate::report::{CsvStyle, write_csv};
use crate::scenario::Scenario;

#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// Two to six scenario files on the same dataset; the first is the one the others are read against.
    #[arg(required = true, num_args = 2..)]
    pub scenarios: Vec<PathBuf>,
    /// Scale every scenario to the first one's total (compare shares, not sizes).
    #[arg(long)]
    pub scaled: bool,
    /// csv (code,name,county, then one column per scenario) or json (with key figures per scenario).
    #[arg(long, value_parser = ["csv", "json"], default_value = "csv")]
    pub format: String,
    /// Write to this file instead of standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: &CompareArgs) -> Result<ExitCode> {
    if args.scenarios.len() > MAX_SCENARIOS {
        bail!("at most {MAX_SCENARIOS} scenarios fit side by side ({} given)", args.scenarios.len());
    }
    let mut loaded: Vec<(Scenario, Allocation)> = Vec::new();
    let mut dataset = None;
    for path in &args.scenarios {
        let (scenario, d) = super::scenario_input::load(path)?;
        let allocation = allocate(&d, &scenario).with_context(|| path.display().to_string())?;
        match &dataset {
            None => dataset = Some(d),
            Some(first) if first.id != d.id || first.len() != d.len() => bail!(
                "{}: uses the dataset {}, the first scenario {}; compare scenarios on the same dataset",
                path.display(),
                d.id,
                first.id
            ),
            Some(_) => {}
        }
        loaded.push((scenario, allocation));
    }
    let Some(dataset) = dataset else { bail!("no scenario given") };
    let plans: Vec<BoardPlan> = loaded.iter().map(|(s, a)| BoardPlan { name: &s.name, allocation: a }).collect();
    let board = board(&dataset, &plans, args.scaled)?;
    let bytes = if args.format == "json" {
        let mut text = serde_json::to_string_pretty(&board_json(&dataset, &board))?;
        text.push('\n');
        text.into_bytes()
    } else {
        write_csv(&board_table(&dataset, &board, Lang::En), CsvStyle::Plain)
    };
    match &args.out {
        Some(path) => crate::fileio::write_atomic(path, &bytes).with_context(|| path.display().to_string())?,
        None => {
            use std::io::Write as _;
            std::io::stdout().write_all(&bytes)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
