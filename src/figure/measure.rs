//! What the map figure colours by, evaluated from the plan: the same measures as the Map tab.

use super::error::FigureError;
use super::texts::FigureTexts;
use crate::data::{Column, Dataset};
use crate::engine::{Allocation, MunicipalityResult};
use crate::lang::Lang;
use crate::map::classes::Scheme;
use crate::scenario::Scenario;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum MapMeasure {
    #[default]
    Request,
    PerThousand,
    /// Request minus the scenario's reference column.
    Difference,
    /// An indicator column of the dataset, by id.
    Column(String),
}

impl MapMeasure {
    /// `request`, `per1000`, `difference`, or a column id.
    pub fn parse(text: &str) -> MapMeasure {
        match text {
            "request" => MapMeasure::Request,
            "per1000" | "per_1000" => MapMeasure::PerThousand,
            "difference" => MapMeasure::Difference,
            other => MapMeasure::Column(other.to_owned()),
        }
    }
}

/// A municipality's standing in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    Asked,
    /// Eligible, but asked for none.
    NotAsked,
    /// Excluded by a rule or by hand.
    Excluded,
}

impl RowStatus {
    fn of(r: &MunicipalityResult) -> RowStatus {
        if r.asked() {
            RowStatus::Asked
        } else if r.eligible {
            RowStatus::NotAsked
        } else {
            RowStatus::Excluded
        }
    }
}

/// A measure's value for every dataset row.
#[derive(Debug, Clone, PartialEq)]
pub struct Values {
    pub title: String,
    pub unit: String,
    pub values: Vec<Option<f64>>,
    pub status: Vec<RowStatus>,
    pub scheme: Scheme,
    pub integer: bool,
    pub decimals: usize,
    /// Only asked municipalities have a value (request, per 1,000).
    pub request_based: bool,
}

fn reference<'a>(dataset: &'a Dataset, scenario: &Scenario) -> Option<&'a Column> {
    dataset.column(scenario.reference_column.as_deref()?)
}

pub fn evaluate(
    measure: &MapMeasure,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
) -> Result<Values, FigureError> {
    let t = FigureTexts::get(lang);
    let rows = &allocation.rows;
    let status: Vec<RowStatus> = rows.iter().map(RowStatus::of).collect();
    let asked = |f: fn(&MunicipalityResult) -> f64| rows.iter().map(|r| r.asked().then(|| f(r))).collect();
    let (title, unit, values, scheme, request_based): (String, String, Vec<Option<f64>>, Scheme, bool) = match measure {
        MapMeasure::Request => {
            (t.request.into(), t.persons.into(), asked(|r| f64::from(r.allocation)), Scheme::Sequential, true)
        }
        MapMeasure::PerThousand => {
            (t.per_1000.into(), t.per_1000_unit.into(), asked(|r| r.per_1000), Scheme::Sequential, true)
        }
        MapMeasure::Difference => {
            let col = reference(dataset, scenario).ok_or(FigureError::NoReference)?;
            let values = rows.iter().zip(&col.values).map(|(r, v)| v.map(|v| f64::from(r.allocation) - v)).collect();
            let label = lang.pick(&col.meta.label.nb, &col.meta.label.en);
            (format!("{} {label}", t.difference_from), t.persons.into(), values, Scheme::Diverging, false)
        }
        MapMeasure::Column(id) => {
            let col = dataset.column(id).ok_or_else(|| FigureError::UnknownMeasure(id.clone()))?;
            let label = lang.pick(&col.meta.label.nb, &col.meta.label.en).to_owned();
            (label, col.meta.unit.clone(), col.values.to_vec(), Scheme::Sequential, false)
        }
    };
    let integer = values.iter().flatten().all(|v| v.fract() == 0.0);
    let largest = values.iter().flatten().fold(0.0f64, |m, v| m.max(v.abs()));
    let decimals = match measure {
        MapMeasure::PerThousand => 2,
        _ if integer => 0,
        _ if largest < 10.0 => 2,
        _ => 1,
    };
    Ok(Values { title, unit, values, status, scheme, integer, decimals, request_based })
}
