//! Loading a scenario and its dataset for a command, with the dataset-changed warning on stderr.

use std::path::Path;

use anyhow::Result;

use crate::data::Dataset;
use crate::fileio::WriteRules;
use crate::scenario::{Scenario, load_scenario, resolve_dataset, scenario_files};

pub fn load(path: &Path) -> Result<(Scenario, Dataset)> {
    let scenario = load_scenario(path)?;
    let (dataset, warning) = resolve_dataset(&scenario, Some(path))?;
    if let Some(w) = warning {
        eprintln!("warning: {}", super::terminal::line(&w));
    }
    Ok((scenario, dataset))
}

/// `rules` with the files of the scenario at `path` added as inputs (the scenario and its dataset file), so
/// that no output of the command replaces them.
pub fn reads(rules: WriteRules, path: &Path, scenario: &Scenario) -> WriteRules {
    let files = scenario_files(path, scenario);
    files.iter().enumerate().fold(rules, |rules, (i, file)| {
        rules.input(
            file,
            if i == 0 { "a scenario the command reads" } else { "the dataset of a scenario the command reads" },
        )
    })
}
