//! Year file text → `parse_year`, its codes checked against an embedded dataset, then the follow-up as of
//! every date the file names; a year that loads must survive a save and reload unchanged.
#![no_main]

use bosetting::scenario::DatasetRef;
use bosetting::year::{check_codes, parse_year, year_status, year_to_text};
use bosetting_fuzz::dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(year) = parse_year(text, "fuzz.year.ron") else { return };
    let saved = year_to_text(&year);
    match parse_year(&saved, "saved.year.ron") {
        Ok(again) => assert_eq!(year_to_text(&again), saved, "save and reload keep the year"),
        Err(e) => panic!("a saved year does not reload: {e}\n{saved}"),
    }
    let id = match &year.dataset {
        DatasetRef::Embedded(id) => id.as_str(),
        DatasetRef::File(_) => "norway-2020",
    };
    let data = dataset(id);
    if check_codes(&year, data, text, "fuzz.year.ron").is_err() {
        return;
    }
    let _ = year_status(&year, data, None);
    let dates = year.rounds.iter().map(|r| r.date).chain(year.decisions.iter().map(|s| s.date));
    for date in dates.take(8) {
        let _ = year_status(&year, data, Some(date));
    }
});
