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

/// Where a municipality stands in the plan; the figures and the Map tab colour by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    Asked,
    /// Eligible, but the request came out at zero (minimum request, rounding, locked to 0).
    NotAsked,
    /// Excluded by a rule or by hand.
    Excluded,
    /// There is no result (the scenario cannot be allocated).
    NoResult,
}

impl RowStatus {
    pub fn of(r: &MunicipalityResult) -> RowStatus {
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

/// A measure's value for every dataset row and how it is coloured: the part the figures and the Map tab
/// share. `rows` is the plan's result per row, `None` when there is none (the plan's measures are then empty).
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureValues {
    pub values: Vec<Option<f64>>,
    pub scheme: Scheme,
    /// Only asked municipalities have a value (request, per 1,000).
    pub request_based: bool,
    /// Every value is a whole number.
    pub integer: bool,
    /// Decimals for legends and labels.
    pub decimals: usize,
}

pub fn measure_values(
    measure: &MapMeasure,
    dataset: &Dataset,
    scenario: &Scenario,
    rows: Option<&[MunicipalityResult]>,
) -> Result<MeasureValues, FigureError> {
    let n = dataset.len();
    let asked = |f: fn(&MunicipalityResult) -> f64| match rows {
        Some(rows) => rows.iter().map(|r| r.asked().then(|| f(r))).collect(),
        None => vec![None; n],
    };
    let (values, scheme, request_based): (Vec<Option<f64>>, Scheme, bool) = match measure {
        MapMeasure::Request => (asked(|r| f64::from(r.allocation)), Scheme::Sequential, true),
        MapMeasure::PerThousand => (asked(|r| r.per_1000), Scheme::Sequential, true),
        MapMeasure::Difference => {
            let col = reference(dataset, scenario).ok_or(FigureError::NoReference)?;
            let values = match rows {
                Some(rows) => {
                    rows.iter().zip(&col.values).map(|(r, v)| v.map(|v| f64::from(r.allocation) - v)).collect()
                }
                None => vec![None; n],
            };
            (values, Scheme::Diverging, false)
        }
        MapMeasure::Column(id) => {
            let col = dataset.column(id).ok_or_else(|| FigureError::UnknownMeasure(id.clone()))?;
            (col.values.to_vec(), Scheme::Sequential, false)
        }
    };
    let (integer, decimals) = value_format(measure == &MapMeasure::PerThousand, &values);
    Ok(MeasureValues { values, scheme, request_based, integer, decimals })
}

/// Whether every value is whole, and the decimals to show: two per 1,000, none for whole numbers, two for
/// small values, else one.
pub fn value_format(per_thousand: bool, values: &[Option<f64>]) -> (bool, usize) {
    let integer = values.iter().flatten().all(|v| v.fract() == 0.0);
    let largest = values.iter().flatten().fold(0.0f64, |m, v| m.max(v.abs()));
    let decimals = match () {
        _ if per_thousand => 2,
        _ if integer => 0,
        _ if largest < 10.0 => 2,
        _ => 1,
    };
    (integer, decimals)
}

pub fn evaluate(
    measure: &MapMeasure,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
) -> Result<Values, FigureError> {
    let t = FigureTexts::get(lang);
    let status: Vec<RowStatus> = allocation.rows.iter().map(RowStatus::of).collect();
    let MeasureValues { values, scheme, request_based, integer, decimals } =
        measure_values(measure, dataset, scenario, Some(&allocation.rows))?;
    let (title, unit): (String, String) = match measure {
        MapMeasure::Request => (t.request.into(), t.persons.into()),
        MapMeasure::PerThousand => (t.per_1000.into(), t.per_1000_unit.into()),
        MapMeasure::Difference => {
            let label =
                reference(dataset, scenario).map_or("", |col| lang.pick(&col.meta.label.nb, &col.meta.label.en));
            (format!("{} {label}", t.difference_from), t.persons.into())
        }
        MapMeasure::Column(id) => match dataset.column(id) {
            Some(col) => (lang.pick(&col.meta.label.nb, &col.meta.label.en).to_owned(), col.meta.unit.clone()),
            None => (id.clone(), String::new()),
        },
    };
    Ok(Values { title, unit, values, status, scheme, integer, decimals, request_based })
}
