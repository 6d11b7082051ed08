//! The code list between the two border vintages (SSB's classification of municipalities), embedded in the
//! binary as `assets/borders-2020-2024.ron` and built by `make-assets` from the prepared public table.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::vintage::Vintage;

/// What happened to a 2020 municipality by 2024.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Same code and name.
    Unchanged,
    /// Same code, new name (e.g. a Sami name added).
    Renamed,
    /// Same territory, new number (the 2024 county split).
    NewCode,
    /// One 2020 municipality became several (Ålesund → Ålesund and Haram).
    Split,
}

/// One (2020 municipality, 2024 municipality) pair that share territory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub from: String,
    pub from_name: String,
    pub to: String,
    pub to_name: String,
    pub change: Change,
    /// Residents of the 2024 municipality, 1 January 2024: the weights for splitting and merging.
    pub population: u32,
}

/// The asset file: provenance first, then one pair per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkFile {
    pub format: u32,
    pub from: i32,
    pub to: i32,
    pub source: String,
    pub licence: String,
    pub method: String,
    pub pairs: Vec<Pair>,
}

/// The pairs with lookups by code on either side.
#[derive(Debug)]
pub struct Crosswalk {
    pub file: CrosswalkFile,
    by_old: HashMap<String, Vec<usize>>,
    by_new: HashMap<String, Vec<usize>>,
}

impl Crosswalk {
    pub fn new(file: CrosswalkFile) -> Crosswalk {
        let mut by_old: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_new: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in file.pairs.iter().enumerate() {
            by_old.entry(p.from.clone()).or_default().push(i);
            by_new.entry(p.to.clone()).or_default().push(i);
        }
        Crosswalk { file, by_old, by_new }
    }

    fn side(&self, vintage: Vintage) -> &HashMap<String, Vec<usize>> {
        match vintage {
            Vintage::Y2020 => &self.by_old,
            Vintage::Y2024 => &self.by_new,
        }
    }

    pub fn has_code(&self, vintage: Vintage, code: &str) -> bool {
        self.side(vintage).contains_key(code)
    }

    /// The pairs a code on `vintage` takes part in (one, or several for a split or merge).
    pub fn pairs_of(&self, vintage: Vintage, code: &str) -> Vec<&Pair> {
        self.side(vintage).get(code).map(|ix| ix.iter().map(|&i| &self.file.pairs[i]).collect()).unwrap_or_default()
    }

    /// Every code on `vintage`, sorted.
    pub fn codes(&self, vintage: Vintage) -> Vec<&str> {
        let mut codes: Vec<&str> = self.side(vintage).keys().map(String::as_str).collect();
        codes.sort_unstable();
        codes
    }

    /// A municipality's name on `vintage`.
    pub fn name(&self, vintage: Vintage, code: &str) -> Option<&str> {
        let pair = self.pairs_of(vintage, code).into_iter().next()?;
        Some(match vintage {
            Vintage::Y2020 => &pair.from_name,
            Vintage::Y2024 => &pair.to_name,
        })
    }
}

/// The embedded code list, parsed once.
pub fn crosswalk() -> &'static Crosswalk {
    static CELL: OnceLock<Crosswalk> = OnceLock::new();
    CELL.get_or_init(|| {
        let text = crate::data::embedded_crosswalk();
        // The asset is built and checked by the project (test `embedded_crosswalk_is_complete`), not by users.
        let file: CrosswalkFile =
            crate::fileio::parse_ron(text, "embedded:borders-2020-2024").expect("embedded crosswalk parses");
        Crosswalk::new(file)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;

    #[test]
    fn embedded_crosswalk_is_complete() {
        let cw = crosswalk();
        assert_eq!(cw.file.pairs.len(), 357);
        for v in Vintage::ALL {
            let dataset = embedded_dataset(v.embedded_dataset()).unwrap();
            let mut codes: Vec<&str> = dataset.municipalities.iter().map(|m| m.code.as_str()).collect();
            codes.sort_unstable();
            assert_eq!(cw.codes(v), codes, "{v}");
        }
        // A code on both vintages is the same municipality: it maps to itself and nothing else.
        for code in cw.codes(Vintage::Y2020) {
            if cw.has_code(Vintage::Y2024, code) {
                let pairs = cw.pairs_of(Vintage::Y2020, code);
                assert_eq!(pairs.len(), 1, "{code}");
                assert_eq!(pairs[0].to, code);
            }
        }
        let counts = |c: Change| cw.file.pairs.iter().filter(|p| p.change == c).count();
        assert_eq!((counts(Change::NewCode), counts(Change::Renamed), counts(Change::Split)), (113, 11, 2));
        let alesund = cw.pairs_of(Vintage::Y2020, "1507");
        let parts: Vec<(&str, u32)> = alesund.iter().map(|p| (p.to.as_str(), p.population)).collect();
        assert_eq!(parts, vec![("1508", 58509), ("1580", 9357)]);
        assert!(cw.file.source.contains("SSB"));
    }
}
