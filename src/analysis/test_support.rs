//! The example scenarios, loaded and allocated once for all analysis tests.

use std::sync::OnceLock;

use crate::data::Dataset;
use crate::engine::{Allocation, allocate};
use crate::scenario::{Scenario, parse_scenario, resolve_dataset};

pub(crate) struct Example {
    pub name: &'static str,
    pub dataset: Dataset,
    pub scenario: Scenario,
    pub allocation: Allocation,
}

const FILES: [(&str, &str); 5] = [
    ("imdi-2020.ron", include_str!("../../scenarios/imdi-2020.ron")),
    ("equal-weights-2020.ron", include_str!("../../scenarios/equal-weights-2020.ron")),
    ("labour-market-first-2020.ron", include_str!("../../scenarios/labour-market-first-2020.ron")),
    ("imdi-2024.ron", include_str!("../../scenarios/imdi-2024.ron")),
    ("plan-year-2024.ron", include_str!("../../scenarios/plan-year-2024.ron")),
];

pub(crate) fn examples() -> &'static [Example] {
    static EXAMPLES: OnceLock<Vec<Example>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        FILES
            .iter()
            .map(|(name, text)| {
                let scenario = parse_scenario(text, name).unwrap();
                let (dataset, _) = resolve_dataset(&scenario, None).unwrap();
                let allocation = allocate(&dataset, &scenario).unwrap();
                Example { name, dataset, scenario, allocation }
            })
            .collect()
    })
}

pub(crate) fn example(name: &str) -> &'static Example {
    examples().iter().find(|e| e.name == name).unwrap()
}
