//! What the Året tab shows, computed once per change of the year (never per frame): the status by
//! `year_status`, the figures as the command line prints them, the timeline with each round's state, the
//! chart's series and the warnings of the unsent rounds, with the municipalities named.

use crate::data::Dataset;
use crate::lang::Lang;
use crate::year::table::summary_lines;
use crate::year::{Date, MadeRound, RoundKind, Year, YearStatus, year_status};

/// One round of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundLine {
    /// From 1, as the command line numbers rounds.
    pub number: usize,
    pub kind: RoundKind,
    pub date: Date,
    pub note: String,
    pub total: u64,
    pub municipalities: usize,
    pub need: u32,
    pub requested: u64,
    pub decided: u64,
    pub settled: u64,
    pub sent: bool,
}

/// The chart's series: x is the day number of each round's date ([`Date::day_number`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub need: Vec<[f64; 2]>,
    pub requested: Vec<[f64; 2]>,
    pub decided: Vec<[f64; 2]>,
    pub settled: Vec<[f64; 2]>,
}

pub struct YearTabData {
    pub lang: Lang,
    pub year: i32,
    /// The status of the year with its unsent rounds, or why it cannot be computed.
    pub status: Result<YearStatus, String>,
    /// The status figures, labelled as `year status` labels them.
    pub figures: Vec<(&'static str, String)>,
    pub rounds: Vec<RoundLine>,
    pub series: Series,
    /// Places piling up in the unsent rounds, each warning naming the municipalities.
    pub warnings: Vec<String>,
    /// Rounds taken back: "2. tilleggsanmodning 2024-03-01 (8 658) — 2024-03-02: reason".
    pub withdrawn: Vec<String>,
}

/// The tab's data for `year` (with its unsent rounds, the last `year.rounds.len() - sent` of them).
pub fn prepare(year: &Year, sent: usize, dataset: &Dataset, unsent: &[MadeRound], lang: Lang) -> YearTabData {
    let status = year_status(year, dataset, None).map_err(|e| e.to_string());
    let (figures, rounds, series) = match &status {
        Ok(s) => (summary_lines(s, lang), round_lines(s, sent), series(s)),
        Err(_) => (Vec::new(), Vec::new(), Series::default()),
    };
    let warnings =
        unsent.iter().flat_map(|m| m.warnings.iter().map(|w| w.message(&m.dataset, &m.after, lang))).collect();
    let n = |v: u64| crate::numfmt::integer(v as f64, lang);
    let withdrawn = year
        .withdrawn
        .iter()
        .map(|w| {
            let r = &w.round;
            format!("{} {} ({}) — {}: {}", r.kind.label(lang), r.date, n(r.total()), w.withdrawn_on, w.reason)
        })
        .collect();
    YearTabData { lang, year: year.year, status, figures, rounds, series, warnings, withdrawn }
}

fn round_lines(s: &YearStatus, sent: usize) -> Vec<RoundLine> {
    s.rounds
        .iter()
        .zip(&s.timeline)
        .map(|(r, p)| RoundLine {
            number: r.index + 1,
            kind: r.kind,
            date: r.date,
            note: r.note.clone(),
            total: r.total,
            municipalities: r.municipalities,
            need: p.need,
            requested: p.requested,
            decided: p.decided,
            settled: p.settled,
            sent: r.index < sent,
        })
        .collect()
}

fn series(s: &YearStatus) -> Series {
    let mut out = Series::default();
    for p in &s.timeline {
        let x = f64::from(p.date.day_number());
        out.need.push([x, f64::from(p.need)]);
        out.requested.push([x, p.requested as f64]);
        out.decided.push([x, p.decided as f64]);
        out.settled.push([x, p.settled as f64]);
    }
    out
}
