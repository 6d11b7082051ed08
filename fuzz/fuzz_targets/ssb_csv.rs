//! An SSB statbank CSV export (seeded with SSB-style files).
//! The format is detected from the bytes, so every table target reaches every reader; the seeds
//! decide where each starts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    bosetting_fuzz::import_table(data, "fuzz-ssb_csv");
});
