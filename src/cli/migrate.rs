//! `bosetting migrate`: move a scenario and its dataset to the other municipality borders (2020 ↔ 2024).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::borders::{Vintage, migrate_scenario};
use crate::data::save_dataset_file;
use crate::lang::Lang;
use crate::scenario::save_scenario;

#[derive(clap::Args, Debug)]
pub struct MigrateArgs {
    /// The scenario to move (it is not changed).
    pub scenario: PathBuf,
    /// The borders to move to: 2020 or 2024.
    #[arg(long)]
    pub to: i32,
    /// The moved scenario; its dataset is written beside it as `<stem>.dataset.ron`.
    #[arg(long)]
    pub out: PathBuf,
}

/// `NEW.ron` → `NEW.dataset.ron`, beside it.
pub fn dataset_path_for(out: &Path) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "scenario".into());
    out.with_file_name(format!("{stem}.dataset.ron"))
}

pub fn run(args: &MigrateArgs) -> Result<ExitCode> {
    let Some(to) = Vintage::from_year(args.to) else { bail!("--to {}: the borders known are 2020 and 2024", args.to) };
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    let dataset_path = dataset_path_for(&args.out);
    if dataset_path == args.scenario || args.out == args.scenario {
        bail!("{}: --out must not be the scenario being moved", args.out.display());
    }
    let file_name = dataset_path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let moved = migrate_scenario(&scenario, &dataset, to, &file_name)
        .with_context(|| format!("{}: cannot move to {to} borders", args.scenario.display()))?;
    save_dataset_file(&moved.dataset, &dataset_path)?;
    save_scenario(&args.out, &moved.scenario)?;
    let source = args.scenario.display();
    eprintln!("{source}: {}", moved.report.summary(Lang::En));
    for line in moved.report.details(Lang::En) {
        eprintln!("{source}: {line}");
    }
    for line in &moved.override_changes {
        eprintln!("{source}: override {line}");
    }
    let estimated: usize = moved.dataset.columns.iter().map(|c| c.meta.estimated.len()).sum();
    eprintln!(
        "{}: {} municipalities, {} columns ({estimated} cells marked as estimates); dataset {}",
        args.out.display(),
        moved.dataset.len(),
        moved.dataset.columns.len(),
        dataset_path.display()
    );
    Ok(ExitCode::SUCCESS)
}
