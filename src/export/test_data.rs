//! Datasets and scenarios for the export tests: the shipped 2020 example, and a variant with Sámi names,
//! Norwegian letters and formula-like text.

use std::path::Path;

use crate::data::{Dataset, embedded_dataset};
use crate::engine::{Allocation, allocate};
use crate::scenario::{Override, Scenario, load_scenario};

pub fn imdi_2020() -> Scenario {
    load_scenario(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2020.ron")).unwrap()
}

pub fn imdi_2020_case() -> (Dataset, Scenario, Allocation) {
    let dataset = embedded_dataset("norway-2020").unwrap();
    let scenario = imdi_2020();
    let allocation = allocate(&dataset, &scenario).unwrap();
    (dataset, scenario, allocation)
}

/// Names that must survive every export unchanged, and ones that must be guarded.
pub const SAMI_NAME: &str = "Guovdageaidnu - Kautokeino";
pub const SAMI_LETTERS: &str = "Kárášjohka - Karasjok čđŋšŧž ÆØÅæøå";
pub const FORMULA_NAME: &str = "=SUM(A1)";
pub const SCENARIO_NAME: &str = "Bosetting – prøve æøå";

/// The 2020 data with renamed municipalities, and a scenario with every kind of override, so exports meet
/// Sámi letters, a would-be formula and locked, excluded and included municipalities. Drammen (renamed to a
/// formula) stays asked, so the guard is checked on a row with numbers.
pub fn special_case() -> (Dataset, Scenario, Allocation) {
    let mut dataset = embedded_dataset("norway-2020").unwrap();
    let rename = |dataset: &mut Dataset, code: &str, name: &str| {
        let i = dataset.index_of_code(code).unwrap();
        dataset.municipalities[i].name = name.to_owned();
    };
    rename(&mut dataset, "5430", SAMI_NAME);
    rename(&mut dataset, "5437", SAMI_LETTERS);
    rename(&mut dataset, "3005", FORMULA_NAME);
    rename(&mut dataset, "5041", "@Snåase - Snåsa");
    let mut scenario = imdi_2020();
    scenario.name = SCENARIO_NAME.to_owned();
    scenario.notes = "+Merknad med «sitat» og ŋ".to_owned();
    scenario.overrides.insert("0301".to_owned(), Override::Lock(600));
    scenario.overrides.insert("5430".to_owned(), Override::Include);
    scenario.overrides.insert("5025".to_owned(), Override::Exclude);
    let allocation = allocate(&dataset, &scenario).unwrap();
    (dataset, scenario, allocation)
}
