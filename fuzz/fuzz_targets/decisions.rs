//! A decisions (or settled) file → `counts_from_table` against both embedded datasets: every count it
//! accepts belongs to a municipality of that dataset, once.
#![no_main]

use bosetting::year::counts_from_table;
use bosetting_fuzz::dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for id in ["norway-2020", "norway-2024"] {
        let set = dataset(id);
        let Ok(counts) = counts_from_table(data, "fuzz.csv", set) else { continue };
        for code in counts.keys() {
            assert!(set.municipalities.iter().any(|m| &m.code == code), "{code} is a municipality of {id}");
        }
    }
});
