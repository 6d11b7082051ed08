//! Scenario text → `parse_scenario`; a scenario that parses is allocated on its embedded dataset,
//! and must survive a save and reopen.
#![no_main]

use bosetting::engine::{allocate, validate};
use bosetting::scenario::{DatasetRef, parse_scenario, scenario_to_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(scenario) = parse_scenario(text, "fuzz.ron") else { return };
    // What the program saves, it must open again.
    let saved = scenario_to_text(&scenario);
    if let Err(e) = parse_scenario(&saved, "saved.ron") {
        panic!("a saved scenario does not reopen: {e}\n{saved}");
    }
    // Files are not read here: every scenario runs on an embedded dataset.
    let id = match &scenario.dataset {
        DatasetRef::Embedded(id) => id.as_str(),
        DatasetRef::File(_) => "norway-2020",
    };
    let dataset = bosetting_fuzz::dataset(id);
    let problems = validate(&scenario, dataset);
    match allocate(dataset, &scenario) {
        Ok(a) => {
            assert!(problems.is_empty(), "allocated despite problems: {problems:?}");
            assert_eq!(a.allocated, u64::from(scenario.target.total), "the whole target is allocated");
            assert_eq!(a.minors_allocated, u64::from(scenario.target.minors), "every minor is placed");
        }
        Err(_) => {}
    }
});
