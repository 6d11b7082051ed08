//! `bosetting compare A.ron B.ron [C.ron …]`: several scenarios side by side, one column per scenario.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::board::{BoardPlan, MAX_SCENARIOS, board, board_json, board_table};
use crate::engine::{Allocation, allocate};
use crate::fileio::{Output, WriteRules, write_output};
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
    /// Write to this file instead of standard output (`-`); its extension, if any, must be the format's.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace the --out file when it exists, keeping the old one as FILE.bak.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &CompareArgs) -> Result<ExitCode> {
    if args.scenarios.len() > MAX_SCENARIOS {
        bail!("at most {MAX_SCENARIOS} scenarios fit side by side ({} given)", args.scenarios.len());
    }
    let output = args.out.as_deref().map(Output::from_arg).unwrap_or(Output::Stdout);
    if let Some(ext) = output.extension()
        && ext != args.format
    {
        bail!(
            "--out {}: compare writes {}, not .{ext}; name the file .{} (or choose the format with --format csv|json)",
            output.name(),
            args.format.to_uppercase(),
            args.format
        );
    }
    let mut rules = WriteRules::new(args.force);
    let mut loaded: Vec<(Scenario, Allocation)> = Vec::new();
    let mut dataset = None;
    for path in &args.scenarios {
        let (scenario, d) = super::scenario_input::load(path)?;
        rules = super::scenario_input::reads(rules, path, &scenario);
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
    if let Output::File(path) = &output {
        rules.check(&[path])?;
    }
    let plans: Vec<BoardPlan> = loaded.iter().map(|(s, a)| BoardPlan { name: &s.name, allocation: a }).collect();
    let board = board(&dataset, &plans, args.scaled)?;
    let bytes = if args.format == "json" {
        let mut text = serde_json::to_string_pretty(&board_json(&dataset, &board))?;
        text.push('\n');
        text.into_bytes()
    } else {
        write_csv(&board_table(&dataset, &board, Lang::En), CsvStyle::Plain)
    };
    match &output {
        Output::File(_) => write_output(&output, &bytes).with_context(|| format!("cannot write {}", output.name()))?,
        Output::Stdout => super::terminal::print_result(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
