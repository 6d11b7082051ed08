//! The year's status as tables, one model for the text report, the CSV and the workbook. Headers the
//! follow-up already names use its texts.

use super::status::YearStatus;
use crate::data::Dataset;
use crate::followup::table::FollowUpTableTexts;
use crate::lang::Lang;
use crate::report::{Cell, ResultTable};

crate::texts!(YearTableTexts {
    year: "År", "Year";
    as_of: "Per dato", "As of";
    round: "Runde", "Round";
    date: "Dato", "Date";
    kind: "Type", "Kind";
    total: "Antall", "Places";
    municipalities: "Kommuner", "Municipalities";
    need: "Behov", "Need";
    note: "Merknad", "Note";
    missing: "Mangler av anmodet", "Not decided of requested";
    decided_change: "Endring i vedtak siden forrige", "Change in decisions since the last";
    timeline: "Tidslinje", "Timeline";
});

fn int(v: impl Into<i64>) -> Cell {
    Cell::Int(v.into())
}

fn big(v: u64) -> Cell {
    Cell::Int(i64::try_from(v).unwrap_or(i64::MAX))
}

/// A round's column header: "2. tilleggsanmodning 2024-11-15".
pub fn round_header(status: &YearStatus, k: usize, lang: Lang) -> String {
    let r = &status.rounds[k];
    format!("{}. {} {}", r.index + 1, r.kind.label(lang), r.date)
}

/// Per municipality: code, name, county, the year's request, each round's places, decision, shortfall,
/// settled, status and the shortfall round's note ("+321 ekstra", or why it was left out).
pub fn municipality_table(dataset: &Dataset, status: &YearStatus, lang: Lang) -> ResultTable {
    let t = FollowUpTableTexts::get(lang);
    let y = YearTableTexts::get(lang);
    let mut headers: Vec<String> = [t.code, t.municipality, t.county, t.request].map(str::to_owned).to_vec();
    headers.extend((0..status.rounds.len()).map(|k| round_header(status, k, lang)));
    headers.extend([t.decision, y.missing, t.settled, t.status, y.note].map(str::to_owned));
    let rows = dataset
        .municipalities
        .iter()
        .zip(&status.follow_up.rows)
        .zip(&status.rows)
        .map(|((m, s), row)| {
            let mut cells = vec![
                Cell::Code(m.code.clone()),
                Cell::Text(m.name.clone()),
                Cell::Text(m.county_name.clone()),
                int(s.request),
            ];
            cells.extend(row.rounds.iter().map(|&v| int(v)));
            cells.extend([
                s.decision.map_or(Cell::Empty, int),
                int(row.shortfall),
                s.settled.map_or(Cell::Empty, int),
                Cell::Text(s.answer.label(lang).to_owned()),
                Cell::Text(row.note.map(|n| n.text(lang)).unwrap_or_default()),
            ]);
            cells
        })
        .collect();
    ResultTable { headers, rows }
}

/// Per county and for the whole country: requested, decided, not decided of requested (the municipalities'
/// shortfalls summed; the shortfall against the target is in [`summary_lines`]), settled.
pub fn county_table(status: &YearStatus, lang: Lang) -> ResultTable {
    let t = FollowUpTableTexts::get(lang);
    let y = YearTableTexts::get(lang);
    let headers = [t.county_code, t.county, t.requested, t.decided, y.missing, t.settled].map(str::to_owned).to_vec();
    let mut rows: Vec<Vec<Cell>> = status
        .follow_up
        .counties
        .iter()
        .zip(&status.county_shortfall)
        .map(|(c, &short)| {
            vec![
                Cell::Code(c.code.clone()),
                Cell::Text(c.name.clone()),
                big(c.totals.requested),
                big(c.totals.decided),
                big(short),
                big(c.totals.settled),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text(String::new()),
        Cell::Text(lang.pick("Hele landet", "Norway").to_owned()),
        big(status.requested()),
        big(status.decided()),
        big(status.county_shortfall.iter().sum()),
        big(status.settled()),
    ]);
    ResultTable { headers, rows }
}

/// The rounds in order: date, kind, places in the round, municipalities asked, and the year after it (need,
/// total asked, decided and settled by that date).
pub fn timeline_table(status: &YearStatus, lang: Lang) -> ResultTable {
    let t = FollowUpTableTexts::get(lang);
    let y = YearTableTexts::get(lang);
    let headers =
        [y.round, y.date, y.kind, y.total, y.municipalities, y.need, t.requested, t.decided, t.settled, y.note]
            .map(str::to_owned)
            .to_vec();
    let rows = status
        .rounds
        .iter()
        .zip(&status.timeline)
        .map(|(r, p)| {
            vec![
                int(r.index as i64 + 1),
                Cell::Text(r.date.to_string()),
                Cell::Text(r.kind.label(lang).to_owned()),
                big(r.total),
                int(r.municipalities as i64),
                int(p.need),
                big(p.requested),
                big(p.decided),
                big(p.settled),
                Cell::Text(r.note.clone()),
            ]
        })
        .collect();
    ResultTable { headers, rows }
}

/// The national status as (label, value) lines.
pub fn summary_lines(status: &YearStatus, lang: Lang) -> Vec<(&'static str, String)> {
    let t = FollowUpTableTexts::get(lang);
    let y = YearTableTexts::get(lang);
    let n = |v: f64| crate::numfmt::integer(v, lang);
    let pct = |v: f64| crate::numfmt::decimal(v * 100.0, 1, lang);
    let mut lines = vec![
        (y.year, status.year.to_string()),
        (y.as_of, status.as_of.map(|d| d.to_string()).unwrap_or_else(|| "–".to_owned())),
        (t.target, n(f64::from(status.target))),
        (t.requested, n(status.requested() as f64)),
        (t.decided, n(status.decided() as f64)),
        (t.shortfall, n(status.shortfall() as f64)),
        (t.coverage, pct(status.coverage())),
        (t.settled, n(status.settled() as f64)),
        (t.settled_of_decided, pct(status.settled_of_decided())),
    ];
    if let Some(change) = status.decided_change {
        lines.push((y.decided_change, format!("{change:+}")));
    }
    lines
}
