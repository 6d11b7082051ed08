//! The in-memory dataset: municipalities and their indicator columns.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::cells::Cells;
use super::municipalities::{Municipalities, RowIndex};
use super::role::ColumnRole;
use crate::choices::MissingPolicy;

/// A text in both interface languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nb: String,
    pub en: String,
}

impl Text {
    pub fn new(nb: &str, en: &str) -> Self {
        Text { nb: nb.to_owned(), en: en.to_owned() }
    }
}

/// Which end of an indicator is better for settling refugees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// Extensive indicators are counts (already a size); intensive ones are rates, scaled by population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Extensive,
    Intensive,
}

/// Everything a reader needs to know about a column besides its values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMeta {
    pub id: String,
    pub label: Text,
    pub unit: String,
    pub year: String,
    pub source: String,
    pub licence: String,
    pub direction: Direction,
    pub kind: Kind,
    pub default_missing: MissingPolicy,
    /// Lowest and highest value the column may hold (shares: 0–100); values outside are refused on load.
    #[serde(default)]
    pub range: Option<(f64, f64)>,
    /// Cells that are estimates (a rate copied to the municipalities it was split into, a population-weighted
    /// mean of merged ones), by municipality code, with the reason; shown like filled cells. Absent in older files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub estimated: Vec<Estimate>,
    /// What the column is for the settlement year (a request, decisions, settled, a sent plan), or none. Files
    /// of format 1 have no roles: their columns get the role their id gives ([`ColumnRole::from_legacy_id`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ColumnRole>,
}

/// A cell whose value is an estimate, with the reason shown in the table's tooltip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    pub code: String,
    pub reason: Text,
}

impl ColumnMeta {
    /// A count of persons the program itself derives (a plan kept as a column, the year's requests so far):
    /// extensive, missing cells read as 0, credited to bosetting.
    pub fn derived_count(id: &str, label: Text) -> ColumnMeta {
        ColumnMeta {
            id: id.to_owned(),
            label,
            unit: "personer".to_owned(),
            year: String::new(),
            source: "bosetting".to_owned(),
            licence: String::new(),
            direction: Direction::HigherIsBetter,
            kind: Kind::Extensive,
            default_missing: MissingPolicy::Zero,
            range: None,
            estimated: Vec::new(),
            role: None,
        }
    }

    /// Why the cell of `code` is an estimate, if it is one.
    pub fn estimate_of(&self, code: &str) -> Option<&Text> {
        self.estimated.iter().find(|e| e.code == code).map(|e| &e.reason)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub meta: ColumnMeta,
    /// One cell per municipality, in dataset order; `None` is a missing cell and stays missing.
    pub values: Cells,
}

impl Column {
    pub fn missing_count(&self) -> usize {
        self.values.iter().filter(|v| v.is_none()).count()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    pub code: String,
    pub name: String,
    pub county_code: String,
    pub county_name: String,
    pub population: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryKind {
    Settled,
    Requested,
}

/// A national figure for the history chart (refugees settled, or requested, in a year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryPoint {
    pub year: i32,
    pub value: f64,
    pub kind: HistoryKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub id: String,
    pub title: Text,
    /// Border year of the municipality list.
    pub year: i32,
    pub credits: String,
    pub population_label: Text,
    pub history: Vec<HistoryPoint>,
    pub municipalities: Municipalities,
    pub columns: Vec<Column>,
    /// Content hash, stored in scenarios so a changed dataset is noticed on open.
    pub fingerprint: String,
}

impl Dataset {
    pub fn len(&self) -> usize {
        self.municipalities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.municipalities.is_empty()
    }

    pub fn column(&self, id: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.meta.id == id)
    }

    pub fn column_index(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.meta.id == id)
    }

    /// The columns that have a role, with it, in dataset order.
    pub fn roles(&self) -> impl Iterator<Item = (&Column, ColumnRole)> {
        self.columns.iter().filter_map(|c| Some((c, c.meta.role?)))
    }

    /// The column with exactly this role (the first, should two have it).
    pub fn column_with_role(&self, role: ColumnRole) -> Option<&Column> {
        self.roles().find(|(_, r)| *r == role).map(|(c, _)| c)
    }

    /// The row holding `code`: a binary search in code order (codes are unique in a loaded dataset).
    pub fn index_of_code(&self, code: &str) -> Option<usize> {
        self.row_index().row_of_code(&self.municipalities, code)
    }

    /// Code order and counties, computed on first use and kept until the municipality list changes.
    pub fn row_index(&self) -> &RowIndex {
        self.municipalities.index()
    }

    /// [`Dataset::row_index`], shared: it tells whether the municipality list changed since it was taken.
    pub fn shared_row_index(&self) -> &Arc<RowIndex> {
        self.municipalities.shared_index()
    }

    /// The municipality's name as shown everywhere: with its county when another municipality has the same
    /// name ("Herøy (Nordland)"). An unknown row gives an empty string.
    pub fn display_name(&self, row: usize) -> String {
        let Some(m) = self.municipalities.get(row) else { return String::new() };
        if self.row_index().shared_name.get(row).copied().unwrap_or(false) {
            format!("{} ({})", m.name, m.county_name)
        } else {
            m.name.clone()
        }
    }

    /// The municipalities a typed text names: the one with that number (a leading zero may be left out), else
    /// those whose name or shown name ("Herøy (Nordland)") it is, case aside. Several when a name is shared.
    pub fn rows_named(&self, text: &str) -> Vec<usize> {
        let text = text.trim();
        let padded = format!("{text:0>4}");
        if let Some(row) = self.index_of_code(text).or_else(|| self.index_of_code(&padded)) {
            return vec![row];
        }
        let lower = text.to_lowercase();
        (0..self.len())
            .filter(|&i| {
                self.municipalities[i].name.to_lowercase() == lower || self.display_name(i).to_lowercase() == lower
            })
            .collect()
    }

    /// Counties sorted by code: (code, name).
    pub fn counties(&self) -> Vec<(String, String)> {
        self.row_index().counties.clone()
    }
}
