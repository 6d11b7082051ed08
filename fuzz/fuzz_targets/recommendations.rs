//! A county's returned file (workbook or CSV) → `read_recommendations` against the 2024 dataset: every number it
//! accepts belongs to a municipality of the dataset, and each county it counts as received has one.
#![no_main]

use bosetting::county_round::{ReturnedFile, read_recommendations};
use bosetting_fuzz::dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let set = dataset("norway-2024");
    // The same bytes as a workbook name and as a CSV name: the reader goes by content, the messages by name.
    for name in ["svar.xlsx", "svar.csv"] {
        let file = ReturnedFile { name: name.to_owned(), bytes: data, date: "2026-12-07".to_owned() };
        let Ok(got) = read_recommendations(&[file], set) else { continue };
        for code in got.by_code.keys() {
            assert!(set.municipalities.iter().any(|m| &m.code == code), "{code} is a municipality");
        }
        for county in got.received.keys() {
            assert!(
                got.by_code.keys().any(|c| set.municipalities.iter().any(|m| &m.code == c && &m.county_code == county)),
                "county {county} received without a municipality"
            );
        }
    }
});
