//! The scenario document: its model, its RON file, and the examples shipped with the program.

mod examples;
mod file;
mod model;
pub(crate) mod unique_map;

pub use file::{
    ScenarioError, load_scenario, parse_scenario, resolve_dataset, save_scenario, scenario_files, scenario_to_text,
};
pub use model::{
    BelowMinimum, ChangeBand, Criterion, CriterionId, DatasetRef, MissingPolicy, Override, Rules, SCENARIO_VERSION,
    Scenario, Start, Target,
};
