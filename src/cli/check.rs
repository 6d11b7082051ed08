//! `bosetting check SCENARIO`: every problem at once, so a broken file is fixed in one go.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::terminal::safe;
use crate::engine::{allocate, plan_warnings, validate};

pub fn run(path: &Path) -> Result<ExitCode> {
    let (scenario, dataset) = super::scenario_input::load(path)?;
    let problems = validate(&scenario, &dataset);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{}", safe(&format!("{}: {p}", path.display())));
        }
        eprintln!("{} problem(s)", problems.len());
        return Ok(ExitCode::from(1));
    }
    // Valid fields can still describe an impossible plan (caps too tight, minimum too high).
    if let Err(e) = allocate(&dataset, &scenario) {
        eprintln!("{}", safe(&format!("{}: {e}", path.display())));
        return Ok(ExitCode::from(1));
    }
    for w in plan_warnings(&scenario, &dataset) {
        eprintln!("{}", safe(&format!("{}: warning: {w}", path.display())));
    }
    let missing: usize = dataset.columns.iter().map(|c| c.missing_count()).sum();
    println!(
        "{}: ok ({} municipalities in {}, {} missing cells in the dataset)",
        path.display(),
        dataset.len(),
        dataset.id,
        missing
    );
    Ok(ExitCode::SUCCESS)
}
