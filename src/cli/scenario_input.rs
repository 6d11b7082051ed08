//! Loading a scenario and its dataset for a command, with the dataset-changed warning on stderr.

use std::path::Path;

use anyhow::Result;

use crate::data::Dataset;
use crate::scenario::{Scenario, load_scenario, resolve_dataset};

pub fn load(path: &Path) -> Result<(Scenario, Dataset)> {
    let scenario = load_scenario(path)?;
    let (dataset, warning) = resolve_dataset(&scenario, Some(path))?;
    if let Some(w) = warning {
        eprintln!("warning: {}", super::terminal::safe(&w));
    }
    Ok((scenario, dataset))
}
