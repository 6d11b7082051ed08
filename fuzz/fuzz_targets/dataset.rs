//! Dataset text → `parse_dataset`; a dataset that loads must survive a save and reload unchanged.
#![no_main]

use bosetting::data::{parse_dataset, to_file};
use bosetting::fileio::to_ron_pretty;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(dataset) = parse_dataset(text, "fuzz.dataset.ron") else { return };
    let saved = match to_ron_pretty(&to_file(&dataset), 2) {
        Ok(s) => s,
        Err(e) => panic!("a loaded dataset cannot be saved: {e}"),
    };
    match parse_dataset(&saved, "saved.dataset.ron") {
        Ok(again) => assert_eq!(again.fingerprint, dataset.fingerprint, "save and reload keep the data"),
        Err(e) => panic!("a saved dataset does not reload: {e}\n{saved}"),
    }
});
