//! The briefing's section on the decisions to expect (`crate::expect`): what the plan can be expected to
//! bring in decided places, nationally and in the counties that lag most. Only when the dataset holds a record
//! of decisions to learn from; otherwise the briefing has no such section.

use super::BriefingInput;
use super::layout::{Align, Col, HEADING_HEIGHT, Layout, MARGIN, MUTED, TEXT};
use crate::expect::{CountyTotals, Expected, for_plan};
use crate::lang::Lang;
use crate::numfmt;

texts!(ExpectedBriefingTexts {
    heading: "Forventede vedtak", "Decisions to expect";
    summary: "Kommunene kan ventes å vedta {expected} plasser (spenn {low}–{high}) for de {requested} planen anmoder om. Forventet dekning av målet på {target}: {coverage}; forventet mangel: {shortfall} plasser ({shortfall_low}–{shortfall_high}).",
        "The municipalities can be expected to decide {expected} places (range {low}–{high}) for the {requested} the plan asks for. Expected coverage of the target of {target}: {coverage}; expected shortfall: {shortfall} places ({shortfall_low}–{shortfall_high}).";
    lowest: "Fylkene med lavest forventet vedtak ÷ anmodning:", "The counties with the lowest expected decision ÷ request:";
    county: "Fylke", "County";
    requested: "Anmodet", "Requested";
    expected: "Forventet", "Expected";
    range: "Spenn", "Range";
    ratio: "Forventet ÷ anmodet", "Expected ÷ requested";
    method: "Metode: for hver kommune regnes delen av anmodningen opp til fjorårets bosatte med én nasjonal andel og delen over med en annen, ganget med en faktor fra kommunens egne vedtak trukket mot sentralitetsklassens. Spennet rommer 8 av 10 vedtak i gruppen. Se «Forventede vedtak» i modellbeskrivelsen (docs/model.md).",
        "Method: for each municipality the part of the request up to last year's settled counts at one national share and the part above at another, times a factor from its own decisions pulled towards its centrality class's. The range holds 8 of 10 decisions in the group. See “The decisions to expect” in the model description (docs/model.md).";
});

/// How many counties the section lists.
pub const LOWEST_COUNTIES: usize = 5;

/// The plan's expected decisions, when the dataset has a record to learn them from.
pub fn expected_for(input: &BriefingInput) -> Option<Expected> {
    let request: Vec<f64> = input.plan.allocation.rows.iter().map(|r| f64::from(r.allocation)).collect();
    for_plan(input.plan.dataset, &request)
}

/// The asked counties by expected ÷ requested, lowest first (ties by code), at most [`LOWEST_COUNTIES`].
pub fn lowest_counties(expected: &Expected) -> Vec<&CountyTotals> {
    let mut asked: Vec<&CountyTotals> = expected.counties.iter().filter(|c| c.totals.requested > 0.0).collect();
    asked.sort_by(|a, b| a.totals.coverage().total_cmp(&b.totals.coverage()).then_with(|| a.code.cmp(&b.code)));
    asked.truncate(LOWEST_COUNTIES);
    asked
}

pub fn expected_section(l: &mut Layout, input: &BriefingInput) {
    let Some(expected) = expected_for(input) else { return };
    let lang = input.lang;
    let t = ExpectedBriefingTexts::get(lang);
    let int = |v: f64| numfmt::integer(v, lang);
    let totals = &expected.totals;
    let target = f64::from(input.plan.allocation.target);
    let coverage = if target > 0.0 { numfmt::percent(totals.expected / target, 1, lang) } else { "–".into() };
    let summary = t
        .summary
        .replace("{expected}", &int(totals.expected))
        .replace("{low}", &int(totals.low))
        .replace("{high}", &int(totals.high))
        .replace("{requested}", &int(totals.requested))
        .replace("{target}", &int(target))
        .replace("{coverage}", &coverage)
        .replace("{shortfall_low}", &int((target - totals.high).max(0.0)))
        .replace("{shortfall_high}", &int((target - totals.low).max(0.0)))
        .replace("{shortfall}", &int(totals.shortfall(target).max(0.0)));
    let lowest = lowest_counties(&expected);
    l.ensure(HEADING_HEIGHT + 40.0 + Layout::table_height(lowest.len(), 8.5));
    l.heading(t.heading);
    l.paragraph(&summary, 9.5, TEXT);
    if !lowest.is_empty() {
        l.paragraph(t.lowest, 9.5, TEXT);
        let columns = [
            Col { header: t.county.into(), width: 2.4, align: Align::Left },
            Col { header: t.requested.into(), width: 1.0, align: Align::Right },
            Col { header: t.expected.into(), width: 1.0, align: Align::Right },
            Col { header: t.range.into(), width: 1.2, align: Align::Right },
            Col { header: t.ratio.into(), width: 1.6, align: Align::Right },
        ];
        let rows: Vec<Vec<String>> = lowest.iter().map(|c| county_row(c, lang)).collect();
        l.table(MARGIN, Layout::content_width(), &columns, &rows, 8.5);
    }
    l.paragraph(t.method, 8.0, MUTED);
}

fn county_row(c: &CountyTotals, lang: Lang) -> Vec<String> {
    let int = |v: f64| numfmt::integer(v, lang);
    let t = &c.totals;
    vec![
        c.name.clone(),
        int(t.requested),
        int(t.expected),
        format!("{}–{}", int(t.low), int(t.high)),
        numfmt::decimal(t.coverage(), 2, lang),
    ]
}
