//! Border vintages: the municipality lists the planner knows (2020 and 2024 borders).

use serde::{Deserialize, Serialize};

use super::crosswalk::crosswalk;
use crate::data::Dataset;

/// A municipality list as it stood from 1 January of a year until the next change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Vintage {
    /// 356 municipalities, 1 January 2020 – 31 December 2023.
    Y2020,
    /// 357 municipalities, from 1 January 2024 (county split, Haram re-established).
    Y2024,
}

impl Vintage {
    pub const ALL: [Vintage; 2] = [Vintage::Y2020, Vintage::Y2024];

    pub fn year(self) -> i32 {
        match self {
            Vintage::Y2020 => 2020,
            Vintage::Y2024 => 2024,
        }
    }

    pub fn from_year(year: i32) -> Option<Vintage> {
        Vintage::ALL.into_iter().find(|v| v.year() == year)
    }

    /// The embedded dataset on these borders.
    pub fn embedded_dataset(self) -> &'static str {
        match self {
            Vintage::Y2020 => "norway-2020",
            Vintage::Y2024 => "norway-2024",
        }
    }

    /// How many of `codes` are municipalities on these borders.
    pub fn count_known<'a>(self, codes: impl IntoIterator<Item = &'a str>) -> usize {
        let cw = crosswalk();
        codes.into_iter().filter(|c| cw.has_code(self, c)).count()
    }

    /// The vintage most of `codes` belong to; `None` when no code is known, or when every code means the same
    /// municipality on both (then no mapping is needed). A code on both vintages is always the same
    /// municipality (checked by a test), so only codes that exist on one side decide.
    pub fn of_codes<'a>(codes: impl IntoIterator<Item = &'a str> + Clone) -> Option<Vintage> {
        let old = Vintage::Y2020.count_known(codes.clone());
        let new = Vintage::Y2024.count_known(codes);
        match old.cmp(&new) {
            std::cmp::Ordering::Greater => Some(Vintage::Y2020),
            std::cmp::Ordering::Less => Some(Vintage::Y2024),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// The vintage of a dataset's municipality list: the one with the most of its codes, `None` for lists
    /// that are neither (synthetic data) or that cannot tell.
    pub fn of_dataset(dataset: &Dataset) -> Option<Vintage> {
        let codes = dataset.municipalities.iter().map(|m| m.code.as_str());
        let old = Vintage::Y2020.count_known(codes.clone());
        let new = Vintage::Y2024.count_known(codes);
        // Most rows must be known on the chosen borders: a synthetic dataset with a few real codes is neither.
        let best = old.max(new);
        if best * 2 <= dataset.len() {
            return None;
        }
        match old.cmp(&new) {
            std::cmp::Ordering::Greater => Some(Vintage::Y2020),
            std::cmp::Ordering::Less => Some(Vintage::Y2024),
            // All codes unchanged: the dataset's border year decides.
            std::cmp::Ordering::Equal => Vintage::from_year(dataset.year),
        }
    }
}

impl std::fmt::Display for Vintage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.year())
    }
}

/// Borders are read from a dataset here, so the data layer does not depend on them.
impl Dataset {
    /// The border vintage of the municipality list, from its codes (`None` for lists on neither).
    pub fn vintage(&self) -> Option<Vintage> {
        Vintage::of_dataset(self)
    }
}
