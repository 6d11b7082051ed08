//! The decisions to expect for one plan, with the columns chosen by their roles: what the planner, the map
//! measure and the briefing all show, computed one way.

use super::{ColumnChoice, CountyTotals, Estimate, Model, Totals, Year, county_totals, national_totals, read_inputs};
use crate::data::{ColumnRole, Dataset};

/// The expected decisions of every dataset row, nationally and per county.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    pub rows: Vec<Estimate>,
    pub totals: Totals,
    pub counties: Vec<CountyTotals>,
}

impl Expected {
    /// Expected decided ÷ requested per row; `None` where nothing is requested.
    pub fn ratios(&self) -> Vec<Option<f64>> {
        self.rows.iter().map(|e| (e.request > 0.0).then(|| e.expected / e.request)).collect()
    }
}

/// The newest column whose id starts with `prefix` (ids end in their year).
fn newest<'a>(dataset: &'a Dataset, prefix: &str) -> Option<&'a str> {
    dataset.columns.iter().map(|c| c.meta.id.as_str()).filter(|id| id.starts_with(prefix)).max()
}

/// What a plan's estimate learns from, by the columns' roles (as the follow-up reads them): every year with a
/// request and decisions, the refugees settled in the year before the newest of them, and the newest
/// centrality class.
pub fn default_choice(dataset: &Dataset) -> ColumnChoice {
    let id_of = |role| dataset.column_with_role(role).map(|c| c.meta.id.clone());
    let mut history: Vec<(i32, String, String)> = dataset
        .roles()
        .filter_map(|(c, role)| match role {
            ColumnRole::Decisions { year } => Some((year, id_of(ColumnRole::Request { year })?, c.meta.id.clone())),
            _ => None,
        })
        .collect();
    history.sort();
    let settled = history.last().and_then(|&(year, ..)| id_of(ColumnRole::Settled { year: year - 1, partial: false }));
    let group = newest(dataset, "sentralitetsklasse_").map(str::to_owned);
    ColumnChoice { history: history.into_iter().map(|(_, r, d)| (r, d)).collect(), settled, group }
}

/// The dataset holds a record of decisions to learn from.
pub fn has_record(dataset: &Dataset) -> bool {
    !default_choice(dataset).history.is_empty()
}

/// The expected decisions for a plan's `request` (one value per dataset row); `None` without a record to
/// learn from. A class column that cannot be read as classes is left out rather than losing the estimate.
pub fn for_plan(dataset: &Dataset, request: &[f64]) -> Option<Expected> {
    let mut choice = default_choice(dataset);
    // A year whose decisions cannot be read (none answered yet) teaches nothing; the others still do.
    choice.history.retain(|(r, d)| super::read_year(dataset, r, d).is_ok());
    if choice.history.is_empty() || request.len() != dataset.len() {
        return None;
    }
    let inputs = read_inputs(dataset, &choice)
        .or_else(|_| read_inputs(dataset, &ColumnChoice { group: None, ..choice.clone() }))
        .ok()?;
    let years: Vec<&Year> = inputs.history.iter().collect();
    let model = Model::fit(&inputs, &years, &|_| true).ok()?;
    let rows = model.estimate(&inputs, request).ok()?;
    Some(Expected { totals: national_totals(&rows), counties: county_totals(&inputs, &rows), rows })
}
