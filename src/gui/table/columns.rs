//! The columns of the results table: which are shown, their headers, and the value each sorts by.

use std::collections::HashMap;

use crate::data::Dataset;
use crate::engine::{Allocation, FilledCell, Status};
use crate::gui::panels::widgets::column_label;
use crate::gui::view::ViewContext;
use crate::gui::view_state::SortKey;
use crate::lang::Lang;
use crate::scenario::Scenario;

texts!(ColumnTexts {
    code: "Nr.", "No.";
    code_tip: "Kommunenummer", "Municipality number";
    name: "Kommune", "Municipality";
    county: "Fylke", "County";
    population: "Folketall", "Population";
    quota: "Andel", "Share";
    quota_tip: "Kommunens andel av målet før avrunding (etter tak og minstegrense).",
        "The municipality's share of the target before rounding (after caps and the minimum).";
    request: "Anmodning", "Request";
    request_tip: "Antall flyktninger kommunen anmodes om å bosette.",
        "Number of refugees the municipality is asked to settle.";
    minors: "Herav EM", "Of which minors";
    minors_tip: "Herav enslige mindreårige.", "Of which unaccompanied minors.";
    per_1000: crate::lang::Words::NB.per_1000, crate::lang::Words::EN.per_1000;
    per_1000_tip: "Anmodning per 1 000 innbyggere.", "Request per 1,000 inhabitants.";
    difference: "Endring", "Change";
    difference_tip: "Anmodningen minus sammenligningskolonnen.", "The request minus the comparison column.";
    note: "Merknad", "Note";
    locked: "låst", "locked";
    note_tip: "Hvorfor kommunen ikke anmodes, eller om tallet er låst.",
        "Why the municipality is not asked, or whether its number is locked.";
});

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Col {
    Code,
    Name,
    County,
    Population,
    /// The indicator of criterion `criterion` (scenario order), dataset column `column`.
    Indicator {
        criterion: usize,
        column: usize,
    },
    Quota,
    Request,
    Minors,
    Per1000,
    /// Dataset column index of the reference column.
    Reference(usize),
    Difference(usize),
    Note,
    /// The request over a span of targets (Explain tab, "Uncertain target"), while switched on.
    Range,
    /// The decision to expect for the request, when the dataset holds decisions to learn from.
    Expected,
}

/// The optional range column: each row's smallest and largest request over a span of targets.
pub struct RangeColumn<'a> {
    /// Per dataset row; `None` while it is being computed.
    pub rows: Option<&'a [(u32, u32)]>,
    pub header: String,
    pub tip: String,
}

/// The columns for the current scenario: indicators of criteria with weight, and the reference when set.
pub fn columns(scenario: &Scenario, dataset: &Dataset) -> Vec<Col> {
    let mut out = vec![Col::Code, Col::Name, Col::County, Col::Population];
    for (criterion, c) in scenario.criteria.iter().enumerate() {
        if c.weight > 0.0
            && let Some(column) = c.column.as_deref().and_then(|id| dataset.column_index(id))
        {
            out.push(Col::Indicator { criterion, column });
        }
    }
    out.extend([Col::Quota, Col::Request, Col::Minors, Col::Per1000]);
    if let Some(r) = scenario.reference_column.as_deref().and_then(|id| dataset.column_index(id)) {
        out.extend([Col::Reference(r), Col::Difference(r)]);
    }
    out.push(Col::Note);
    out
}

impl Col {
    pub fn sort_key(self) -> SortKey {
        match self {
            Col::Code => SortKey::Code,
            Col::Name => SortKey::Name,
            Col::County => SortKey::County,
            Col::Population => SortKey::Population,
            Col::Indicator { criterion, .. } => SortKey::Indicator(criterion),
            Col::Quota => SortKey::Quota,
            Col::Request => SortKey::Request,
            Col::Minors => SortKey::Minors,
            Col::Per1000 => SortKey::Per1000,
            Col::Reference(_) => SortKey::Reference,
            Col::Difference(_) => SortKey::Difference,
            Col::Note => SortKey::Note,
            // Ranges grow with the request: sorting by it keeps them in order.
            Col::Range => SortKey::Request,
            Col::Expected => SortKey::Expected,
        }
    }

    /// Header text and its tooltip.
    pub fn header(self, dataset: &Dataset, lang: Lang) -> (String, String) {
        let t = ColumnTexts::get(lang);
        let plain = |h: &str| (h.to_owned(), h.to_owned());
        match self {
            Col::Code => (t.code.to_owned(), t.code_tip.to_owned()),
            Col::Name => plain(t.name),
            Col::County => plain(t.county),
            Col::Population => {
                let label = &dataset.population_label;
                (t.population.to_owned(), lang.pick(&label.nb, &label.en).to_owned())
            }
            Col::Indicator { column, .. } | Col::Reference(column) => {
                let meta = &dataset.columns[column].meta;
                (
                    lang.pick(&meta.label.nb, &meta.label.en).to_owned(),
                    format!("{} ({})", column_label(meta, lang), meta.unit_in(lang)),
                )
            }
            Col::Quota => (t.quota.to_owned(), t.quota_tip.to_owned()),
            Col::Request => (t.request.to_owned(), t.request_tip.to_owned()),
            Col::Minors => (t.minors.to_owned(), t.minors_tip.to_owned()),
            Col::Per1000 => (t.per_1000.to_owned(), t.per_1000_tip.to_owned()),
            Col::Difference(_) => (t.difference.to_owned(), t.difference_tip.to_owned()),
            Col::Note => (t.note.to_owned(), t.note_tip.to_owned()),
            // Named by the caller (`RangeColumn`).
            Col::Range => (String::new(), String::new()),
            Col::Expected => {
                let t = crate::gui::expected::ExpectedTexts::get(lang);
                (t.column.to_owned(), t.column_tip.to_owned())
            }
        }
    }
}

/// Filled cells by (row, column id), for the cells the model filled.
pub fn filled_lookup(allocation: &Allocation) -> HashMap<(usize, &str), &FilledCell> {
    allocation.filled.iter().map(|f| ((f.row, &*f.column), f)).collect()
}

/// An indicator cell: the dataset's value, or the filled one (`true`), or nothing.
pub fn indicator_value(
    ctx: &ViewContext,
    filled: &HashMap<(usize, &str), &FilledCell>,
    column: usize,
    row: usize,
) -> Option<(f64, Option<crate::scenario::MissingPolicy>)> {
    let col = &ctx.dataset.columns[column];
    match col.values.get(row).copied().flatten() {
        Some(v) => Some((v, None)),
        None => filled.get(&(row, col.meta.id.as_str())).map(|f| (f.value, Some(f.policy))),
    }
}

/// What a cell sorts by.
#[derive(Debug, Clone, PartialEq)]
pub enum SortValue {
    Text(String),
    Number(Option<f64>),
}

pub fn sort_value(
    ctx: &ViewContext,
    filled: &HashMap<(usize, &str), &FilledCell>,
    key: SortKey,
    row: usize,
) -> SortValue {
    let m = &ctx.dataset.municipalities[row];
    let result = ctx.allocation.ok().and_then(|a| a.rows.get(row));
    let reference = ctx
        .scenario
        .reference_column
        .as_deref()
        .and_then(|id| ctx.dataset.column(id))
        .and_then(|c| c.values.get(row).copied().flatten());
    let num = SortValue::Number;
    match key {
        SortKey::Code => SortValue::Text(m.code.clone()),
        SortKey::Name => SortValue::Text(m.name.to_lowercase()),
        SortKey::County => SortValue::Text(m.county_name.to_lowercase()),
        SortKey::Population => num(Some(m.population)),
        SortKey::Indicator(criterion) => num(ctx
            .scenario
            .criteria
            .get(criterion)
            .and_then(|c| c.column.as_deref())
            .and_then(|id| ctx.dataset.column_index(id))
            .and_then(|column| indicator_value(ctx, filled, column, row))
            .map(|(v, _)| v)),
        SortKey::Quota => num(result.map(|r| r.quota)),
        SortKey::Request => num(result.map(|r| f64::from(r.allocation))),
        SortKey::Minors => num(result.map(|r| f64::from(r.minors))),
        SortKey::Per1000 => num(result.map(|r| r.per_1000)),
        SortKey::Reference => num(reference),
        SortKey::Difference => num(result.zip(reference).map(|(r, v)| f64::from(r.allocation) - v)),
        SortKey::Note => SortValue::Text(result.map(|r| note(&r.status, ctx.lang)).unwrap_or_default()),
        SortKey::Expected => num(ctx.expected.and_then(|e| e.rows.get(row)).map(|e| e.expected)),
    }
}

/// The note a row shows: its [`note`], and that the municipality is overridden (a lock says so itself).
pub fn shown_note(ctx: &ViewContext, row: usize, result: Option<&crate::engine::MunicipalityResult>) -> String {
    let mut s = result.map(|x| note(&x.status, ctx.lang)).unwrap_or_default();
    let code = ctx.dataset.municipalities.get(row).map(|m| m.code.as_str()).unwrap_or_default();
    if ctx.scenario.overrides.contains_key(code) && !matches!(result.map(|x| &x.status), Some(Status::Locked)) {
        if !s.is_empty() {
            s.push_str("; ");
        }
        s.push_str(super::TableTexts::get(ctx.lang).overridden);
    }
    s
}

/// Everything behind a row's note, a line each: why it is not asked (or that it is locked), that it is
/// overridden, and the analyst's reason for the override. The cell may be cut; this is shown on hover.
pub fn note_tip(ctx: &ViewContext, row: usize, result: Option<&crate::engine::MunicipalityResult>) -> String {
    let mut lines: Vec<String> = result.map(|x| note(&x.status, ctx.lang)).into_iter().collect();
    let code = ctx.dataset.municipalities.get(row).map(|m| m.code.as_str()).unwrap_or_default();
    if ctx.scenario.overrides.contains_key(code) && !matches!(result.map(|x| &x.status), Some(Status::Locked)) {
        lines.push(super::TableTexts::get(ctx.lang).overridden.to_owned());
    }
    if let Some(why) = ctx.scenario.override_notes.get(code).filter(|n| !n.trim().is_empty()) {
        lines.push(format!("{}: {}", crate::gui::overrides::texts::OverrideTexts::get(ctx.lang).reason, why.trim()));
    }
    lines.retain(|l| !l.is_empty());
    lines.join("\n")
}

/// The note for a row: the reason it is not asked, or that its number is locked.
pub fn note(status: &Status, lang: Lang) -> String {
    match status {
        Status::Asked => String::new(),
        Status::Locked => ColumnTexts::get(lang).locked.to_owned(),
        Status::NotAsked(reason) => reason.message(lang),
    }
}
