//! Loading a scenario and its dataset for a command, with the dataset-changed warning on stderr.

use std::path::Path;

use anyhow::Result;

use crate::data::Dataset;
use crate::fileio::WriteRules;
use crate::scenario::{DatasetRef, Scenario, load_scenario, resolve_dataset, scenario_files};

pub fn load(path: &Path) -> Result<(Scenario, Dataset)> {
    let scenario = load_scenario(path)?;
    let (dataset, warning) = resolve_dataset(&scenario, Some(path))?;
    if let Some(w) = warning {
        eprintln!("warning: {}", super::terminal::line(&w));
    }
    Ok((scenario, dataset))
}

/// `scenario`, read from `from`, as it must be saved at `to`: a dataset file named relative to the first
/// scenario's folder is made absolute when the new file goes elsewhere, so it still opens.
pub fn rebased(scenario: &Scenario, from: &Path, to: &Path) -> Scenario {
    let mut s = scenario.clone();
    if let DatasetRef::File(rel) = &s.dataset
        && Path::new(rel).is_relative()
    {
        let dir = |p: &Path| {
            let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
            std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf())
        };
        let (old, new) = (dir(from), dir(to));
        if old != new {
            s.dataset = DatasetRef::File(old.join(rel).display().to_string());
        }
    }
    s
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
