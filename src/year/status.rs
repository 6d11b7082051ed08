//! Where the year stands at a date, computed from the year alone (never from a plan that happens to be
//! open): the need in force is the target; each municipality's request is the sum over the rounds sent (a
//! request or revision replacing what came before, a shortfall round adding to it); decisions and settled
//! counts are the latest snapshots up to the date. The counting itself is the follow-up's (`followup`).

use super::Date;
use super::labels::RowNote;
use super::model::{Counts, Round, RoundKind, Snapshot, Year};
use crate::data::Dataset;
use crate::followup::{FollowUp, FollowUpError, follow_up};

/// One round as the status shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundSummary {
    /// Its place in the year's rounds.
    pub index: usize,
    pub kind: RoundKind,
    pub date: Date,
    pub note: String,
    pub total: u64,
    /// Municipalities asked for at least one place.
    pub municipalities: usize,
    /// A request reconciled from the counties' recommendations: where it left them, in dataset order.
    pub deviations: Vec<DeviationLine>,
}

/// One line of a round's deviation log, on the dataset's rows.
#[derive(Debug, Clone, PartialEq)]
pub struct DeviationLine {
    pub row: usize,
    pub recommended: u32,
    pub sent: u32,
    pub reason: crate::county_round::DeviationReason,
}

/// A municipality's line beyond the follow-up's (request, decision, settled, answer).
#[derive(Debug, Clone, PartialEq)]
pub struct YearRow {
    /// Places asked in each round of [`YearStatus::rounds`], 0 where not asked.
    pub rounds: Vec<u32>,
    /// Places still missing: the request less a decision below it; 0 otherwise (a decision above the request
    /// makes nobody else's shortfall smaller), and 0 while not answered.
    pub shortfall: u32,
    pub note: Option<RowNote>,
}

/// The year after one round: the total asked, and the places decided and settled by the round's date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelinePoint {
    pub date: Date,
    pub kind: RoundKind,
    pub need: u32,
    pub requested: u64,
    pub decided: u64,
    pub settled: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearStatus {
    pub year: i32,
    pub as_of: Option<Date>,
    pub target: u32,
    pub minors: u32,
    pub rounds: Vec<RoundSummary>,
    /// Requests, decisions, answers and totals per municipality, county and nationally.
    pub follow_up: FollowUp,
    /// In dataset order, beside `follow_up.rows`.
    pub rows: Vec<YearRow>,
    /// Per county of `follow_up.counties`: the sum of its municipalities' shortfalls.
    pub county_shortfall: Vec<u64>,
    pub timeline: Vec<TimelinePoint>,
    /// The decisions' date and their change in decided places since the snapshot before.
    pub decisions_date: Option<Date>,
    pub decided_change: Option<i64>,
    pub settled_date: Option<Date>,
    /// The need has moved enough since the request was sent that the county distribution should be looked at
    /// again (the national committee's rule, `county_round::should_reconsider`).
    pub reconsider: Option<crate::county_round::Reconsider>,
}

impl YearStatus {
    pub fn requested(&self) -> u64 {
        self.follow_up.national.requested
    }

    pub fn decided(&self) -> u64 {
        self.follow_up.national.decided
    }

    pub fn settled(&self) -> u64 {
        self.follow_up.national.settled
    }

    /// The target less the places decided, never below 0.
    pub fn shortfall(&self) -> u64 {
        u64::from(self.target).saturating_sub(self.decided())
    }

    /// Decided places as a share of the target.
    pub fn coverage(&self) -> f64 {
        self.follow_up.coverage()
    }

    /// Settled as a share of the decided places (0 when nothing is decided).
    pub fn settled_of_decided(&self) -> f64 {
        if self.decided() == 0 { 0.0 } else { self.settled() as f64 / self.decided() as f64 }
    }
}

/// The dataset rows of `counts`' codes, in one pass: the map and the dataset's code order are both sorted as
/// strings compare. Codes the dataset does not have are skipped (the file's check refuses them).
fn rows_of<'a>(dataset: &'a Dataset, counts: &'a Counts) -> impl Iterator<Item = (usize, u32)> + 'a {
    let by_code = &dataset.row_index().by_code;
    let code_at = move |k: usize| dataset.municipalities[by_code[k] as usize].code.as_str();
    let mut k = 0;
    counts.iter().filter_map(move |(code, &v)| {
        while k < by_code.len() && code_at(k) < code.as_str() {
            k += 1;
        }
        (k < by_code.len() && code_at(k) == code).then(|| (by_code[k] as usize, v))
    })
}

/// `counts` per dataset row.
fn per_row(dataset: &Dataset, counts: &Counts) -> Vec<Option<u32>> {
    let mut out = vec![None; dataset.len()];
    for (i, v) in rows_of(dataset, counts) {
        out[i] = Some(v);
    }
    out
}

fn total(snapshot: Option<&Snapshot>) -> u64 {
    snapshot.map_or(0, Snapshot::total)
}

/// The decided total of the snapshot before `current` (by date, then by order in the file).
fn decided_before(year: &Year, current: &Snapshot) -> Option<u64> {
    let key = |i: usize, s: &Snapshot| (s.date, i);
    let at = year.decisions.iter().position(|s| std::ptr::eq(s, current))?;
    year.decisions
        .iter()
        .enumerate()
        .filter(|(i, s)| key(*i, s) < key(at, current))
        .max_by_key(|(i, s)| key(*i, s))
        .map(|(_, s)| s.total())
}

/// The year's status at `as_of` (everything in the file without a date).
/// The need in force when the year's first request was sent against the need now: a move past the committee's
/// threshold calls for a new county distribution.
fn reconsider(year: &Year, as_of: Option<Date>) -> Option<crate::county_round::Reconsider> {
    use crate::county_round::{NeedFigures, Threshold, should_reconsider};
    let sent = year.rounds_at(as_of).map(|(_, r)| r).find(|r| r.kind == RoundKind::Request)?;
    let figures = |n: &super::Need| NeedFigures { total: n.total, minors: n.minors };
    let before = figures(year.need_at(Some(sent.date))?);
    let now = figures(year.need_at(as_of)?);
    should_reconsider(before, now, Threshold::default())
}

/// The round's deviation log on the dataset's rows (codes were checked against the dataset on open).
fn deviation_lines(dataset: &Dataset, round: &Round) -> Vec<DeviationLine> {
    let mut lines: Vec<DeviationLine> = round
        .deviations
        .iter()
        .filter_map(|(code, d)| {
            Some(DeviationLine {
                row: dataset.index_of_code(code)?,
                recommended: d.recommended,
                sent: round.requests.get(code).copied().unwrap_or(0),
                reason: d.reason.clone(),
            })
        })
        .collect();
    lines.sort_by_key(|l| l.row);
    lines
}

pub fn year_status(year: &Year, dataset: &Dataset, as_of: Option<Date>) -> Result<YearStatus, FollowUpError> {
    let n = dataset.len();
    let (target, minors) = year.need_at(as_of).map_or((0, 0), |x| (x.total, x.minors));
    let counted: Vec<(usize, &Round)> = year.rounds_at(as_of).collect();
    let mut rows: Vec<YearRow> =
        (0..n).map(|_| YearRow { rounds: vec![0; counted.len()], shortfall: 0, note: None }).collect();
    let (mut base, mut extra) = (vec![0u32; n], vec![0u32; n]);
    let mut last_shortfall: Option<&Round> = None;
    let mut timeline = Vec::with_capacity(counted.len());
    for (k, (_, round)) in counted.iter().enumerate() {
        if round.kind.replaces() {
            base.iter_mut().chain(extra.iter_mut()).for_each(|v| *v = 0);
            last_shortfall = None;
        } else {
            last_shortfall = Some(round);
        }
        for (i, v) in rows_of(dataset, &round.requests) {
            rows[i].rounds[k] = v;
            let slot = if round.kind.replaces() { &mut base[i] } else { &mut extra[i] };
            *slot = slot.saturating_add(v);
        }
        let at = Some(round.date);
        timeline.push(TimelinePoint {
            date: round.date,
            kind: round.kind,
            need: year.need_at(at).map_or(0, |x| x.total),
            requested: base.iter().chain(&extra).map(|&v| u64::from(v)).sum(),
            decided: total(year.decisions_at(at)),
            settled: total(year.settled_at(at)),
        });
    }
    let requested: Vec<u32> = base.iter().zip(&extra).map(|(b, e)| b.saturating_add(*e)).collect();
    let decisions_snapshot = year.decisions_at(as_of);
    let settled_snapshot = year.settled_at(as_of);
    let decisions = decisions_snapshot.map_or_else(|| vec![None; n], |s| per_row(dataset, &s.counts));
    let settled = settled_snapshot.map(|s| per_row(dataset, &s.counts));
    let follow_up = follow_up(dataset, target, &requested, &decisions, settled.as_deref())?;
    for (i, (row, m)) in rows.iter_mut().zip(dataset.municipalities.iter()).enumerate() {
        row.shortfall = decisions[i].map_or(0, |d| requested[i].saturating_sub(d));
        row.note = if extra[i] > 0 {
            Some(RowNote::Extra(extra[i]))
        } else {
            last_shortfall.and_then(|r| r.left_out.get(&m.code)).copied().map(RowNote::LeftOut)
        };
    }
    let index = dataset.row_index();
    let mut county_shortfall = vec![0u64; follow_up.counties.len()];
    for (row, &c) in rows.iter().zip(&index.county_of) {
        county_shortfall[c] += u64::from(row.shortfall);
    }
    let rounds = counted
        .iter()
        .map(|(index, r)| RoundSummary {
            index: *index,
            kind: r.kind,
            date: r.date,
            note: r.note.clone(),
            total: r.total(),
            municipalities: r.asked(),
            deviations: deviation_lines(dataset, r),
        })
        .collect();
    let decided_change =
        decisions_snapshot.and_then(|s| decided_before(year, s).map(|before| s.total() as i64 - before as i64));
    Ok(YearStatus {
        year: year.year,
        as_of,
        target,
        minors,
        rounds,
        follow_up,
        rows,
        county_shortfall,
        timeline,
        decisions_date: decisions_snapshot.map(|s| s.date),
        decided_change,
        settled_date: settled_snapshot.map(|s| s.date),
        reconsider: reconsider(year, as_of),
    })
}
