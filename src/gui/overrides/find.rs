//! Finding a municipality by name or number as it is typed: the matches listed under a field, each line with
//! its own choices. The overrides panel's *Legg til* and the county round's overrides both use it.

use egui::Ui;

use crate::data::Dataset;

/// Matches shown at once; more asks the user to type more.
pub const SHOWN: usize = 5;

/// The municipalities (dataset rows) whose name contains `needle` or whose number starts with it; those `later`
/// says of (by code) come last.
pub fn matches(dataset: &Dataset, needle: &str, later: impl Fn(&str) -> bool) -> Vec<usize> {
    let needle = needle.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut rows: Vec<usize> = (0..dataset.len())
        .filter(|&r| {
            let m = &dataset.municipalities[r];
            m.name.to_lowercase().contains(&needle) || m.code.starts_with(&needle)
        })
        .collect();
    rows.sort_by_key(|&r| later(&dataset.municipalities[r].code));
    rows
}

/// One line per match under the field (the first [`SHOWN`], then `more`), drawn by `line`, which says whether
/// a choice was made on it.
pub fn suggestions(ui: &mut Ui, found: &[usize], more: &str, mut line: impl FnMut(&mut Ui, usize) -> bool) -> bool {
    let mut chosen = false;
    for &r in found.iter().take(SHOWN) {
        ui.push_id(("municipality-match", r), |ui| {
            ui.horizontal_wrapped(|ui| chosen |= line(ui, r));
        });
    }
    if found.len() > SHOWN {
        ui.weak(more);
    }
    chosen
}
