//! `bosetting migrate`: move a scenario and its dataset to the other municipality borders (2020 ↔ 2024).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use super::terminal::line;
use crate::borders::{Vintage, migrate_scenario};
use crate::data::dataset_file_text;
use crate::fileio::{Output, WriteRules, write_all_replacing};
use crate::lang::Lang;
use crate::scenario::scenario_to_text;

#[derive(clap::Args, Debug)]
pub struct MigrateArgs {
    /// The scenario to move (it is not changed).
    pub scenario: PathBuf,
    /// The borders to move to: 2020 or 2024.
    #[arg(long)]
    pub to: i32,
    /// The moved scenario; its dataset is written beside it as `<stem>.dataset.ron`. Neither may be a file the
    /// command reads.
    #[arg(long)]
    pub out: PathBuf,
    /// Replace the scenario and dataset files when they exist, keeping the old ones as FILE.bak.
    #[arg(long)]
    pub force: bool,
}

/// `NEW.ron` → `NEW.dataset.ron`, beside it.
pub fn dataset_path_for(out: &Path) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "scenario".into());
    out.with_file_name(format!("{stem}.dataset.ron"))
}

pub fn run(args: &MigrateArgs) -> Result<ExitCode> {
    let Some(to) = Vintage::from_year(args.to) else { bail!("--to {}: the borders known are 2020 and 2024", args.to) };
    if Output::from_arg(&args.out) == Output::Stdout {
        bail!("--out -: migrate writes two files, a scenario and its dataset; give the scenario's file name");
    }
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    let dataset_path = dataset_path_for(&args.out);
    super::scenario_input::reads(WriteRules::new(args.force), &args.scenario, &scenario)
        .check(&[&args.out, &dataset_path])?;
    let file_name = dataset_path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let moved = migrate_scenario(&scenario, &dataset, to, &file_name)
        .with_context(|| format!("{}: cannot move to {to} borders", args.scenario.display()))?;
    // Both checked before either is written.
    let dataset_text = dataset_file_text(&moved.dataset, &dataset_path.display().to_string())?;
    let scenario_text = scenario_to_text(&moved.scenario);
    // Both or neither: a scenario never names a dataset that was not written.
    write_all_replacing(&[(&dataset_path, dataset_text.as_bytes()), (&args.out, scenario_text.as_bytes())])
        .map_err(|(path, e)| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    let source = args.scenario.display();
    let report = std::iter::once(moved.report.summary(Lang::En))
        .chain(moved.report.details(Lang::En))
        .chain(moved.override_changes.iter().map(|l| format!("override {l}")));
    for text in report {
        eprintln!("{}", line(&format!("{source}: {text}")));
    }
    let estimated: usize = moved.dataset.columns.iter().map(|c| c.meta.estimated.len()).sum();
    eprintln!(
        "{}",
        line(&format!(
            "{}: {} municipalities, {} columns ({estimated} cells marked as estimates); dataset {}",
            args.out.display(),
            moved.dataset.len(),
            moved.dataset.columns.len(),
            dataset_path.display()
        ))
    );
    Ok(ExitCode::SUCCESS)
}
