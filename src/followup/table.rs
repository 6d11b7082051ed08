//! The follow-up as tables, for the CSV, the workbook and the command line: one model for every output.

use super::{Answer, FollowUp, Totals};
use crate::data::Dataset;
use crate::lang::Lang;
use crate::report::{Cell, ResultTable};

crate::texts!(FollowUpTableTexts {
    code: "Kommunenummer", "Code";
    municipality: "Kommune", "Municipality";
    county: "Fylke", "County";
    county_code: "Fylkesnummer", "County code";
    request: "Anmodning", "Request";
    decision: "Vedtak", "Decision";
    difference: "Differanse", "Difference";
    settled: "Bosatt hittil", "Settled so far";
    remaining: "Gjenstår", "Remaining";
    status: "Status", "Status";
    asked: "Anmodet", "Asked";
    answered: "Svart", "Answered";
    said_yes: "Sagt ja", "Said yes";
    said_no: "Sagt nei", "Said no";
    not_answered: "Ikke svart", "Not answered";
    requested: "Anmodet om", "Requested";
    decided: "Vedtatte plasser", "Decided places";
    coverage: "Dekning %", "Coverage %";
    target: "Mål", "Target";
    shortfall: "Mangler", "Shortfall";
    settled_of_decided: "Bosatt av vedtatt %", "Settled of decided %";
});

fn int(v: impl Into<i64>) -> Cell {
    Cell::Int(v.into())
}

/// Per municipality: code, name, county, request, decision, difference, settled, remaining, status.
/// Not answered leaves the decision empty; it is never written as 0.
pub fn municipality_table(dataset: &Dataset, f: &FollowUp, lang: Lang) -> ResultTable {
    let t = FollowUpTableTexts::get(lang);
    let headers =
        [t.code, t.municipality, t.county, t.request, t.decision, t.difference, t.settled, t.remaining, t.status];
    let rows = dataset
        .municipalities
        .iter()
        .zip(&f.rows)
        .map(|(m, s)| {
            let optional = |v: Option<i64>| v.map_or(Cell::Empty, Cell::Int);
            vec![
                Cell::Code(m.code.clone()),
                Cell::Text(m.name.clone()),
                Cell::Text(m.county_name.clone()),
                int(s.request),
                optional(s.decision.map(i64::from)),
                optional(s.difference()),
                optional(s.settled.map(i64::from)),
                optional(s.remaining()),
                Cell::Text(s.answer.label(lang).to_owned()),
            ]
        })
        .collect();
    ResultTable { headers: headers.iter().map(|h| (*h).to_owned()).collect(), rows }
}

/// The counts of one set of municipalities, in the column order of [`county_table`] from "asked" on.
fn count_cells(x: &Totals) -> Vec<Cell> {
    let pct = |part: u64, of: u64| if of == 0 { Cell::Empty } else { Cell::Number(part as f64 * 100.0 / of as f64, 1) };
    vec![
        int(x.asked as i64),
        int(x.answered as i64),
        int(x.said_yes as i64),
        int(x.said_no as i64),
        int(x.not_answered as i64),
        int(x.requested as i64),
        int(x.decided as i64),
        pct(x.decided, x.requested),
        int(x.settled as i64),
        pct(x.settled, x.decided),
    ]
}

/// Per county (and a national line last): the counts, requested and decided places, coverage of the request.
pub fn county_table(f: &FollowUp, lang: Lang) -> ResultTable {
    let t = FollowUpTableTexts::get(lang);
    let headers = [
        t.county_code,
        t.county,
        t.asked,
        t.answered,
        t.said_yes,
        t.said_no,
        t.not_answered,
        t.requested,
        t.decided,
        t.coverage,
        t.settled,
        t.settled_of_decided,
    ];
    let mut rows: Vec<Vec<Cell>> = f
        .counties
        .iter()
        .map(|c| {
            let mut row = vec![Cell::Code(c.code.clone()), Cell::Text(c.name.clone())];
            row.extend(count_cells(&c.totals));
            row
        })
        .collect();
    let mut national = vec![Cell::Text(String::new()), Cell::Text(lang.pick("Hele landet", "Norway").to_owned())];
    national.extend(count_cells(&f.national));
    rows.push(national);
    ResultTable { headers: headers.iter().map(|h| (*h).to_owned()).collect(), rows }
}

/// The national status as (label, value) figures: target, decided, coverage, shortfall and the counts. Typed, so
/// a workbook stores numbers and the text report formats them.
pub fn summary_figures(f: &FollowUp, lang: Lang) -> Vec<(&'static str, Cell)> {
    let t = FollowUpTableTexts::get(lang);
    let n = |v: u64| Cell::Int(i64::try_from(v).unwrap_or(i64::MAX));
    let c = |v: usize| n(v as u64);
    let x = &f.national;
    vec![
        (t.target, n(u64::from(f.target))),
        (t.requested, n(x.requested)),
        (t.decided, n(x.decided)),
        (t.coverage, Cell::Number(f.coverage() * 100.0, 1)),
        (t.shortfall, Cell::Int(f.shortfall(false))),
        (t.asked, c(x.asked)),
        (t.answered, c(x.answered)),
        (t.said_yes, c(x.said_yes)),
        (t.said_no, c(x.said_no)),
        (t.not_answered, c(x.not_answered)),
        (t.settled, n(x.settled)),
    ]
}

/// The national status as (label, text) lines, as the text report prints them.
pub fn summary_lines(f: &FollowUp, lang: Lang) -> Vec<(&'static str, String)> {
    summary_figures(f, lang)
        .into_iter()
        .map(|(label, cell)| {
            let text = match cell {
                Cell::Int(v) => crate::numfmt::integer(v as f64, lang),
                Cell::Number(v, places) => crate::numfmt::decimal(v, places, lang),
                Cell::Text(s) | Cell::Code(s) => s,
                Cell::Empty => String::new(),
            };
            (label, text)
        })
        .collect()
}

/// Rows of the municipality table per answer, for status colours.
pub fn answers(f: &FollowUp) -> Vec<Answer> {
    f.rows.iter().map(|r| r.answer).collect()
}
