//! What the map figure colours by, evaluated from the plan: the same measures as the Map tab.

use super::error::FigureError;
use super::texts::FigureTexts;
use crate::data::{Column, Dataset};
use crate::engine::{Allocation, MunicipalityResult};
use crate::expect::for_plan;
use crate::followup::{Answer, column_counts, follow_up};
use crate::lang::{Lang, Words};
use crate::map::classes::{Classes, Scheme};
use crate::map::colours;
use crate::scenario::Scenario;
use ecolor::Color32;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum MapMeasure {
    #[default]
    Request,
    PerThousand,
    /// Request minus the scenario's reference column.
    Difference,
    /// An indicator column of the dataset, by id.
    Column(String),
    /// The follow-up status of each municipality: its decision (a column) against the request (a column, or
    /// the plan itself when `None`), in the status colours.
    FollowUp {
        request: Option<String>,
        decisions: String,
    },
    /// The decision to expect of each asked municipality ÷ its request (`crate::expect`): only offered when the
    /// dataset has a record of decisions to learn from.
    ExpectedRatio,
    /// Request minus the county's recommendation (the scenario's `county_recommendations`, kept by a plan
    /// made in the county round); municipalities without one have no value.
    CountyDeviation,
}

/// The follow-up statuses a map colours, in legend order (not asked is drawn like any not-asked row).
pub const STATUS_CLASSES: [Answer; 5] = [Answer::Below, Answer::At, Answer::Above, Answer::No, Answer::NotAnswered];

/// One class per follow-up status, in the status colours.
pub fn status_classes() -> Classes {
    Classes::categories(
        STATUS_CLASSES
            .iter()
            .map(|a| a.rgb().map_or(colours::NO_DATA, |[r, g, b]| Color32::from_rgb(r, g, b)))
            .collect(),
    )
}

/// The follow-up status per row as class indices into [`STATUS_CLASSES`] (`None` when not asked), or `None`
/// when the columns cannot be read as counts.
fn follow_up_classes(
    dataset: &Dataset,
    scenario: &Scenario,
    rows: Option<&[MunicipalityResult]>,
    request: Option<&str>,
    decisions: &str,
) -> Option<Vec<Option<f64>>> {
    let n = dataset.len();
    let request: Vec<u32> = match request {
        Some(id) => column_counts(dataset, id).ok()?.iter().map(|v| v.unwrap_or(0)).collect(),
        None => rows.filter(|rows| rows.len() == n)?.iter().map(|r| r.allocation).collect(),
    };
    let decisions = column_counts(dataset, decisions).ok()?;
    let f = follow_up(dataset, scenario.target.total, &request, &decisions, None).ok()?;
    Some(f.rows.iter().map(|r| STATUS_CLASSES.iter().position(|a| *a == r.answer).map(|k| k as f64)).collect())
}

/// Rows with a follow-up status are drawn as asked; the others are hatched like a not-asked request.
pub fn follow_up_row_status(values: &[Option<f64>]) -> Vec<RowStatus> {
    values.iter().map(|v| if v.is_some() { RowStatus::Asked } else { RowStatus::NotAsked }).collect()
}

impl MapMeasure {
    /// The names `parse` knows besides a column id (`bosetting figure --measure`).
    pub const NAMES: [&'static str; 5] = ["request", "per1000", "difference", "expected_ratio", "county_deviation"];

    /// `request`, `per1000`, `difference`, `expected_ratio`, `county_deviation`, or a column id.
    pub fn parse(text: &str) -> MapMeasure {
        match text {
            "request" => MapMeasure::Request,
            "per1000" | "per_1000" => MapMeasure::PerThousand,
            "difference" => MapMeasure::Difference,
            "expected_ratio" | "expected" => MapMeasure::ExpectedRatio,
            "county_deviation" => MapMeasure::CountyDeviation,
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
        MapMeasure::CountyDeviation => {
            if scenario.county_recommendations.is_empty() {
                return Err(FigureError::NoRecommendations);
            }
            let values = match rows {
                Some(rows) => dataset
                    .municipalities
                    .iter()
                    .zip(rows)
                    .map(|(m, r)| {
                        let recommended = scenario.county_recommendations.get(&m.code)?;
                        Some(f64::from(r.allocation) - f64::from(*recommended))
                    })
                    .collect(),
                None => vec![None; n],
            };
            (values, Scheme::Diverging, false)
        }
        MapMeasure::Column(id) => {
            let col = dataset.column(id).ok_or_else(|| FigureError::UnknownMeasure(id.clone()))?;
            (col.values.to_vec(), Scheme::Sequential, false)
        }
        MapMeasure::FollowUp { request, decisions } => {
            // Columns that cannot be read give no statuses: every row is drawn as not asked.
            let values = follow_up_classes(dataset, scenario, rows, request.as_deref(), decisions)
                .unwrap_or_else(|| vec![None; n]);
            (values, Scheme::Status, true)
        }
        MapMeasure::ExpectedRatio => {
            let request: Option<Vec<f64>> = rows.map(|rows| rows.iter().map(|r| f64::from(r.allocation)).collect());
            let values = match request.as_deref().map(|request| for_plan(dataset, request)) {
                Some(Some(expected)) => expected.ratios(),
                Some(None) => return Err(FigureError::NoRecord(dataset.id.clone())),
                None => vec![None; n],
            };
            (values, Scheme::Ratio, true)
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
    let MeasureValues { values, scheme, request_based, integer, decimals } =
        measure_values(measure, dataset, scenario, Some(&allocation.rows))?;
    let status: Vec<RowStatus> = match measure {
        MapMeasure::FollowUp { .. } => follow_up_row_status(&values),
        _ => allocation.rows.iter().map(RowStatus::of).collect(),
    };
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
        MapMeasure::FollowUp { decisions, .. } => {
            let label =
                dataset.column(decisions).map_or(decisions.as_str(), |c| lang.pick(&c.meta.label.nb, &c.meta.label.en));
            (format!("{} ({label})", Words::get(lang).followup_status), String::new())
        }
        MapMeasure::ExpectedRatio => (Words::get(lang).expected_ratio.into(), String::new()),
        MapMeasure::CountyDeviation => (Words::get(lang).county_deviation.into(), t.persons.into()),
    };
    Ok(Values { title, unit, values, status, scheme, integer, decimals, request_based })
}
