//! The real 2020 data and the IMDi 2020 example, for the chart tests.

use crate::data::{Dataset, embedded_dataset};
use crate::engine::{Allocation, allocate};
use crate::scenario::{Scenario, parse_scenario};

pub fn imdi_2020_scenario() -> Scenario {
    parse_scenario(include_str!("../../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap()
}

pub fn imdi_2020() -> (Dataset, Allocation) {
    let dataset = embedded_dataset("norway-2020").unwrap();
    let allocation = allocate(&dataset, &imdi_2020_scenario()).unwrap();
    (dataset, allocation)
}
