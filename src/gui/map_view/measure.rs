//! What the map can colour by, and the per-municipality values and statuses behind it.

use super::classes::Scheme;
use super::texts::MapTexts;
use crate::engine::MunicipalityResult;
use crate::gui::view::ViewContext;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Measure {
    /// The number of refugees asked for.
    #[default]
    Request,
    /// Asked for per 1,000 inhabitants.
    PerThousand,
    /// Request minus the scenario's reference column (e.g. last year's request).
    Difference,
    /// Any indicator column of the dataset, by id.
    Column(String),
}

/// Where a municipality stands in the current result.
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
    pub fn of(result: &MunicipalityResult) -> RowStatus {
        if result.asked() {
            RowStatus::Asked
        } else if !result.eligible {
            RowStatus::Excluded
        } else {
            RowStatus::NotAsked
        }
    }
}

/// One measure evaluated for every dataset row.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureData {
    pub measure: Measure,
    pub title: String,
    pub unit: String,
    /// `None`: nothing to colour (missing value, or not asked for a request measure).
    pub values: Vec<Option<f64>>,
    pub status: Vec<RowStatus>,
    pub scheme: Scheme,
    pub integer: bool,
    pub decimals: usize,
    /// The value only means something for asked municipalities (request, per 1,000).
    pub request_based: bool,
}

impl Measure {
    /// The measures on offer for this dataset and scenario, in menu order.
    pub fn available(ctx: &ViewContext) -> Vec<Measure> {
        let mut out = vec![Measure::Request, Measure::PerThousand];
        if reference(ctx).is_some() {
            out.push(Measure::Difference);
        }
        out.extend(ctx.dataset.columns.iter().map(|c| Measure::Column(c.meta.id.clone())));
        out
    }

    /// This measure if it exists for the current dataset and scenario, else the request.
    pub fn resolve(&self, ctx: &ViewContext) -> Measure {
        let ok = match self {
            Measure::Request | Measure::PerThousand => true,
            Measure::Difference => reference(ctx).is_some(),
            Measure::Column(id) => ctx.dataset.column(id).is_some(),
        };
        if ok { self.clone() } else { Measure::Request }
    }

    pub fn label(&self, ctx: &ViewContext) -> String {
        let t = MapTexts::get(ctx.lang);
        match self {
            Measure::Request => t.request.to_owned(),
            Measure::PerThousand => t.per_1000.to_owned(),
            Measure::Difference => match reference(ctx) {
                Some(col) => format!("{} {}", t.difference_from, pick(ctx, &col.meta.label)),
                None => t.difference_from.to_owned(),
            },
            Measure::Column(id) => match ctx.dataset.column(id) {
                Some(col) => pick(ctx, &col.meta.label).to_owned(),
                None => id.clone(),
            },
        }
    }

    /// Values and statuses for every dataset row.
    pub fn evaluate(&self, ctx: &ViewContext) -> MeasureData {
        let t = MapTexts::get(ctx.lang);
        let n = ctx.dataset.len();
        let rows = ctx.allocation.ok().map(|a| &a.rows).filter(|rows| rows.len() == n);
        let status: Vec<RowStatus> = match rows {
            Some(rows) => rows.iter().map(RowStatus::of).collect(),
            None => vec![RowStatus::NoResult; n],
        };
        let asked_value = |f: fn(&MunicipalityResult) -> f64| -> Vec<Option<f64>> {
            match rows {
                Some(rows) => rows.iter().map(|r| r.asked().then(|| f(r))).collect(),
                None => vec![None; n],
            }
        };
        let (values, unit, scheme, request_based) = match self {
            Measure::Request => {
                (asked_value(|r| f64::from(r.allocation)), t.persons.to_owned(), Scheme::Sequential, true)
            }
            Measure::PerThousand => (asked_value(|r| r.per_1000), t.per_1000_unit.to_owned(), Scheme::Sequential, true),
            Measure::Difference => {
                let values = match (rows, reference(ctx)) {
                    (Some(rows), Some(col)) => rows
                        .iter()
                        .zip(&col.values)
                        .map(|(r, reference)| reference.map(|v| f64::from(r.allocation) - v))
                        .collect(),
                    _ => vec![None; n],
                };
                (values, t.persons.to_owned(), Scheme::Diverging, false)
            }
            Measure::Column(id) => match ctx.dataset.column(id) {
                Some(col) => (col.values.to_vec(), col.meta.unit.clone(), Scheme::Sequential, false),
                None => (vec![None; n], String::new(), Scheme::Sequential, false),
            },
        };
        let integer = values.iter().flatten().all(|v| v.fract() == 0.0);
        let largest = values.iter().flatten().fold(0.0f64, |m, v| m.max(v.abs()));
        let decimals = match self {
            Measure::PerThousand => 2,
            _ if integer => 0,
            _ if largest < 10.0 => 2,
            _ => 1,
        };
        MeasureData {
            measure: self.clone(),
            title: self.label(ctx),
            unit,
            values,
            status,
            scheme,
            integer,
            decimals,
            request_based,
        }
    }
}

fn reference<'a>(ctx: &ViewContext<'a>) -> Option<&'a crate::data::Column> {
    ctx.scenario.reference_column.as_deref().and_then(|id| ctx.dataset.column(id))
}

pub fn pick<'a>(ctx: &ViewContext, text: &'a crate::data::Text) -> &'a str {
    ctx.lang.pick(&text.nb, &text.en)
}
