//! A JSON-stat 2.0 dataset from SSB's API (seeded with JSON files).
//! The format is detected from the bytes, so every table target reaches every reader; the seeds
//! decide where each starts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    bosetting_fuzz::import_table(data, "fuzz-jsonstat");
});
