//! What the map can colour by, and the per-municipality values and statuses behind it.

use super::classes::Scheme;
use super::texts::MapTexts;
use crate::data::ColumnRole;
pub use crate::figure::RowStatus;
use crate::figure::{Values, follow_up_row_status, measure_values, value_format};
use crate::gui::view::ViewContext;

/// What the map colours by: the figures' own measures, so a printed map shows what the tab shows.
pub use crate::figure::MapMeasure as Measure;
pub use crate::figure::STATUS_CLASSES;

/// One measure evaluated for every dataset row: the values the figures draw, under the Map tab's own measure
/// (which has the follow-up status besides the figures' measures). Reads as its [`Values`].
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureData {
    pub measure: Measure,
    pub data: Values,
}

impl std::ops::Deref for MeasureData {
    type Target = Values;

    fn deref(&self) -> &Values {
        &self.data
    }
}

impl Measure {
    /// The measures on offer for this dataset and scenario, in menu order.
    pub fn available(ctx: &ViewContext) -> Vec<Measure> {
        let mut out = vec![Measure::Request, Measure::PerThousand];
        if reference(ctx).is_some() {
            out.push(Measure::Difference);
        }
        if crate::expect::has_record(ctx.dataset) {
            out.push(Measure::ExpectedRatio);
        }
        if !ctx.scenario.county_recommendations.is_empty() {
            out.push(Measure::CountyDeviation);
        }
        // Each year with a request and decisions beside it (by their roles) can be followed up.
        for (c, role) in ctx.dataset.roles() {
            if let ColumnRole::Decisions { year } = role
                && let Some(request) = ctx.dataset.column_with_role(ColumnRole::Request { year })
            {
                let request = Some(request.meta.id.clone());
                out.push(Measure::FollowUp { request, decisions: c.meta.id.clone() });
            }
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
            Measure::ExpectedRatio => crate::expect::has_record(ctx.dataset),
            Measure::CountyDeviation => !ctx.scenario.county_recommendations.is_empty(),
            Measure::FollowUp { request, decisions } => {
                ctx.dataset.column(decisions).is_some()
                    && request.as_deref().is_none_or(|r| ctx.dataset.column(r).is_some())
            }
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
            Measure::FollowUp { decisions, .. } => {
                let label = ctx.dataset.column(decisions).map_or(decisions.as_str(), |c| pick(ctx, &c.meta.label));
                format!("{} ({label})", t.followup_status)
            }
            Measure::ExpectedRatio => t.expected_ratio.to_owned(),
            Measure::CountyDeviation => t.county_deviation.to_owned(),
        }
    }

    /// Values and statuses for every dataset row, computed as the figures compute them.
    pub fn evaluate(&self, ctx: &ViewContext) -> MeasureData {
        let t = MapTexts::get(ctx.lang);
        let n = ctx.dataset.len();
        let rows = ctx.allocation.ok().map(|a| &a.rows).filter(|rows| rows.len() == n);
        let (values, scheme, request_based) = match (self, ctx.expected, rows) {
            // The plan's estimate is kept once per plan (`gui::expected`): read here, not refitted every frame.
            (Measure::ExpectedRatio, Some(expected), Some(_)) => (expected.ratios(), Scheme::Ratio, true),
            _ => match measure_values(self, ctx.dataset, ctx.scenario, rows.map(Vec::as_slice)) {
                Ok(v) => (v.values, v.scheme, v.request_based),
                // A column or reference that is gone: nothing to colour.
                Err(_) => (vec![None; n], Scheme::Sequential, false),
            },
        };
        let status: Vec<RowStatus> = match (self, rows) {
            (Measure::FollowUp { .. }, _) => follow_up_row_status(&values),
            (_, Some(rows)) => rows.iter().map(RowStatus::of).collect(),
            (_, None) => vec![RowStatus::NoResult; n],
        };
        let unit = match self {
            Measure::Request | Measure::Difference | Measure::CountyDeviation => t.persons.to_owned(),
            Measure::PerThousand => t.per_1000_unit.to_owned(),
            Measure::Column(id) => ctx.dataset.column(id).map(|c| c.meta.unit.clone()).unwrap_or_default(),
            Measure::FollowUp { .. } | Measure::ExpectedRatio => String::new(),
        };
        let (integer, decimals) = value_format(*self == Measure::PerThousand, &values);
        MeasureData {
            measure: self.clone(),
            data: Values { title: self.label(ctx), unit, values, status, scheme, integer, decimals, request_based },
        }
    }
}

fn reference<'a>(ctx: &ViewContext<'a>) -> Option<&'a crate::data::Column> {
    ctx.scenario.reference_column.as_deref().and_then(|id| ctx.dataset.column(id))
}

pub fn pick<'a>(ctx: &ViewContext, text: &'a crate::data::Text) -> &'a str {
    ctx.lang.pick(&text.nb, &text.en)
}
