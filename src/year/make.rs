//! Making the year's rounds with the engine and the follow-up's own steps (request, shortfall round,
//! revision), or recording a round made elsewhere. A made round is returned with its plan for inspection;
//! [`Year::add_round`] freezes it into the year.

use super::Date;
use super::labels::LeftOut;
use super::model::{Counts, Need, Round, RoundKind, Year};
use super::pileup::{PileUp, pile_up};
use super::status::{YearStatus, year_status};
use crate::data::{ColumnMeta, Dataset, Text, add_column};
use crate::engine::{AllocError, Allocation, allocate};
use crate::followup::{Among, Answer, FollowUpError, ReviseMode, redistribute, revision_scenario};
use crate::scenario::{Override, Scenario, Target};

#[derive(Debug, thiserror::Error)]
pub enum RoundError {
    #[error(transparent)]
    FollowUp(#[from] FollowUpError),
    #[error(transparent)]
    Allocation(#[from] AllocError),
    #[error("a {kind} starts from a request; make one first (year round --kind request) or record one (--from)")]
    NoRequestYet { kind: &'static str },
    #[error("the round is dated {date}, before the year's last round ({last}); rounds are kept in the order sent")]
    BeforeLastRound { date: Date, last: Date },
    #[error("there is no round {number}: the year has {rounds} round(s)")]
    NoRound { number: usize, rounds: usize },
    #[error("the year's request cannot be set beside the dataset: {0}")]
    RequestColumn(String),
}

/// A round made and not yet part of the year: its numbers, the plan behind them, and what to warn of.
#[derive(Debug, Clone)]
pub struct MadeRound {
    pub round: Round,
    /// The dataset the round's scenario runs on: the year's dataset, with the year's request as a column when
    /// the round is made from it.
    pub dataset: Dataset,
    pub allocation: Allocation,
    /// Places piling up in a revision (see [`pile_up`]), in dataset rows.
    pub warnings: Vec<PileUp>,
    /// The places per dataset row after the round, for the warnings' messages.
    pub after: Vec<u32>,
    /// A change of the need the round brings (a revision to a new total).
    pub need: Option<Need>,
}

/// What a revision does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Revision {
    /// The new total.
    pub target: u32,
    /// Keep the decisions in force as they are.
    pub keep_decisions: bool,
    pub mode: ReviseMode,
    /// Keep the plan's change band, per-1,000 cap and capacity column (the default).
    pub keep_plan_bounds: bool,
    /// A per-1,000 ceiling: a cap in the revision and the line its warning draws.
    pub ceiling: Option<f64>,
}

impl Revision {
    /// A proportional revision to `target` that keeps the decisions and the plan's bounds.
    pub fn to(target: u32) -> Revision {
        Revision { target, keep_decisions: true, mode: ReviseMode::Proportional, keep_plan_bounds: true, ceiling: None }
    }
}

/// The id under which the year's request is set beside the dataset for a round made from it.
const REQUEST_COLUMN: &str = "aarets_anmodning";

/// The dataset with `requested` (per row) as a count column, and the column's id.
fn with_request_column(dataset: &Dataset, requested: &[u32]) -> Result<(Dataset, String), RoundError> {
    let id = std::iter::once(REQUEST_COLUMN.to_owned())
        .chain((2..).map(|n| format!("{REQUEST_COLUMN}_{n}")))
        .find(|id| dataset.column(id).is_none())
        .unwrap_or_else(|| REQUEST_COLUMN.to_owned());
    let meta =
        ColumnMeta::derived_count(&id, Text::new("Årets anmodning (alle runder)", "The year's request (all rounds)"));
    let values: Vec<(String, Option<f64>)> =
        dataset.municipalities.iter().zip(requested).map(|(m, &v)| (m.code.clone(), Some(f64::from(v)))).collect();
    let out = add_column(dataset, meta, &values).map_err(|e| RoundError::RequestColumn(e.to_string()))?;
    Ok((out, id))
}

/// The allocation's requests by municipality code (those asked only).
fn frozen(dataset: &Dataset, allocation: &Allocation) -> Counts {
    dataset
        .municipalities
        .iter()
        .zip(&allocation.rows)
        .filter(|(_, r)| r.allocation > 0)
        .map(|(m, r)| (m.code.clone(), r.allocation))
        .collect()
}

fn status_with_rounds(year: &Year, dataset: &Dataset, date: Date, kind: RoundKind) -> Result<YearStatus, RoundError> {
    let status = year_status(year, dataset, Some(date))?;
    if status.rounds.is_empty() {
        return Err(RoundError::NoRequestYet { kind: kind.key() });
    }
    Ok(status)
}

/// The request: the plan at the need in force at `date`, or at `target` (total, minors) when given.
pub fn request_round(
    year: &Year,
    dataset: &Dataset,
    date: Date,
    target: Option<(u32, u32)>,
    note: &str,
) -> Result<MadeRound, RoundError> {
    let need = year.need_at(Some(date));
    let (total, minors) = target.or(need.map(|n| (n.total, n.minors))).unwrap_or((year.plan.target.total, 0));
    let mut scenario = year.plan.clone();
    scenario.target = Target { total, minors, ..year.plan.target };
    let allocation = allocate(dataset, &scenario)?;
    let changed = need.is_none_or(|n| (n.total, n.minors) != (total, minors));
    Ok(MadeRound {
        round: Round {
            kind: RoundKind::Request,
            date,
            note: note.to_owned(),
            requests: frozen(dataset, &allocation),
            scenario,
            left_out: Default::default(),
            deviations: Default::default(),
        },
        after: allocation.rows.iter().map(|r| r.allocation).collect(),
        dataset: dataset.clone(),
        allocation,
        warnings: Vec::new(),
        need: changed.then(|| Need { date, total, minors, note: note.to_owned() }),
    })
}

/// A shortfall round: the places the year still misses at `date` (the need less the decided places, with
/// `count_unanswered` the not-answered at their request), asked of `among` with the plan's keys and caps.
/// Everyone asked before who is not in it gets the reason.
pub fn shortfall_round(
    year: &Year,
    dataset: &Dataset,
    date: Date,
    among: Among,
    count_unanswered: bool,
    note: &str,
) -> Result<MadeRound, RoundError> {
    let status = status_with_rounds(year, dataset, date, RoundKind::Shortfall)?;
    let requested: Vec<u32> = status.follow_up.rows.iter().map(|r| r.request).collect();
    let (with_request, column) = with_request_column(dataset, &requested)?;
    let (scenario, allocation) =
        redistribute(&with_request, &year.plan, &status.follow_up, among, count_unanswered, Some(&column))?;
    let mut left_out = std::collections::BTreeMap::new();
    for ((m, s), r) in dataset.municipalities.iter().zip(&status.follow_up.rows).zip(&allocation.rows) {
        let known = s.request > 0 || s.decision.is_some();
        if r.allocation == 0 && known {
            let in_the_set = among.admits(s) && s.answer != Answer::No;
            if let Some(why) = LeftOut::of(s.answer, in_the_set) {
                left_out.insert(m.code.clone(), why);
            }
        }
    }
    Ok(MadeRound {
        round: Round {
            kind: RoundKind::Shortfall,
            date,
            note: note.to_owned(),
            requests: frozen(&with_request, &allocation),
            scenario,
            left_out,
            deviations: Default::default(),
        },
        after: requested.iter().zip(&allocation.rows).map(|(q, r)| q + r.allocation).collect(),
        dataset: with_request,
        allocation,
        warnings: Vec::new(),
        need: None,
    })
}

/// A revision of everything asked so far to a new total, made by the follow-up's revision. The warnings
/// name municipalities where places pile up.
pub fn revision_round(
    year: &Year,
    dataset: &Dataset,
    date: Date,
    revision: Revision,
    note: &str,
) -> Result<MadeRound, RoundError> {
    let Revision { target, keep_decisions, mode, keep_plan_bounds, ceiling } = revision;
    let status = status_with_rounds(year, dataset, date, RoundKind::Revision)?;
    let before: Vec<u32> = status.follow_up.rows.iter().map(|r| r.request).collect();
    let (with_request, column) = with_request_column(dataset, &before)?;
    let keep: Option<Vec<Option<u32>>> =
        keep_decisions.then(|| status.follow_up.rows.iter().map(|r| r.decision).collect());
    let mut scenario = revision_scenario(&with_request, &year.plan, &column, target, keep.as_deref(), mode)?;
    let plan = &year.plan.rules;
    if keep_plan_bounds {
        // The criteria mode bounds the revision by the request itself; the proportional one starts from bare
        // rules, so the plan's band and caps are put back.
        if mode == ReviseMode::Proportional {
            scenario.rules.change_band = plan.change_band.clone();
        }
        scenario.rules.max_per_1000 = plan.max_per_1000;
        scenario.rules.capacity_column = plan.capacity_column.clone();
    }
    if let Some(ceiling) = ceiling {
        scenario.rules.max_per_1000 = Some(scenario.rules.max_per_1000.map_or(ceiling, |c| c.min(ceiling)));
    }
    let allocation = allocate(&with_request, &scenario)?;
    let after: Vec<u32> = allocation.rows.iter().map(|r| r.allocation).collect();
    let moved: Vec<bool> = dataset
        .municipalities
        .iter()
        .enumerate()
        .map(|(i, m)| {
            !matches!(scenario.overrides.get(&m.code), Some(Override::Lock(_)))
                && keep.as_ref().is_none_or(|k| k[i].is_none())
        })
        .collect();
    let warnings = pile_up(dataset, &before, &after, &moved, ceiling);
    let need = year.need_at(Some(date));
    let need = need.filter(|n| n.total != target).map(|n| Need {
        date,
        total: target,
        minors: n.minors.min(target),
        note: note.to_owned(),
    });
    Ok(MadeRound {
        round: Round {
            kind: RoundKind::Revision,
            date,
            note: note.to_owned(),
            requests: frozen(&with_request, &allocation),
            scenario,
            left_out: Default::default(),
            deviations: Default::default(),
        },
        after,
        dataset: with_request,
        allocation,
        warnings,
        need,
    })
}

/// A round made elsewhere (a request already sent), recorded with its numbers. Its scenario is the plan with
/// every municipality locked at its number, so the round can be opened and exported like any plan.
pub fn recorded_round(
    year: &Year,
    dataset: &Dataset,
    kind: RoundKind,
    date: Date,
    counts: &Counts,
    note: &str,
) -> Result<MadeRound, RoundError> {
    let mut scenario: Scenario = year.plan.clone();
    let total: u64 = counts.values().map(|&v| u64::from(v)).sum();
    scenario.target = Target { total: u32::try_from(total).unwrap_or(u32::MAX), minors: 0, resettlement: 0 };
    scenario.rules.change_band = None;
    scenario.rules.max_per_1000 = None;
    scenario.rules.capacity_column = None;
    scenario.overrides = dataset
        .municipalities
        .iter()
        .map(|m| match counts.get(&m.code) {
            Some(&v) if v > 0 => (m.code.clone(), Override::Lock(v)),
            _ => (m.code.clone(), Override::Exclude),
        })
        .collect();
    let allocation = allocate(dataset, &scenario)?;
    let requests: Counts = counts.iter().filter(|(_, v)| **v > 0).map(|(c, v)| (c.clone(), *v)).collect();
    Ok(MadeRound {
        round: Round {
            kind,
            date,
            note: note.to_owned(),
            scenario,
            requests,
            left_out: Default::default(),
            deviations: Default::default(),
        },
        after: allocation.rows.iter().map(|r| r.allocation).collect(),
        dataset: dataset.clone(),
        allocation,
        warnings: Vec::new(),
        need: None,
    })
}

/// The plan behind sent round `index` (0-based), to inspect: its embedded scenario and the dataset it runs on —
/// for a shortfall round or a revision, the year's dataset with the requests before it set beside it as the
/// column the round was made from, rebuilt from the rounds before it.
pub fn round_plan(year: &Year, dataset: &Dataset, index: usize) -> Result<(Scenario, Dataset), RoundError> {
    let Some(round) = year.rounds.get(index) else {
        return Err(RoundError::NoRound { number: index + 1, rounds: year.rounds.len() });
    };
    if round.kind == RoundKind::Request || index == 0 {
        return Ok((round.scenario.clone(), dataset.clone()));
    }
    let before = Year { rounds: year.rounds[..index].to_vec(), ..year.clone() };
    let status = year_status(&before, dataset, Some(round.date))?;
    let requested: Vec<u32> = status.follow_up.rows.iter().map(|r| r.request).collect();
    let (with_request, _) = with_request_column(dataset, &requested)?;
    Ok((round.scenario.clone(), with_request))
}

impl Year {
    /// Freezes a made round into the year (and the need change it brings). A round dated before the last
    /// one is refused: the rounds are kept in the order they were sent.
    pub fn add_round(&mut self, made: MadeRound) -> Result<(), RoundError> {
        if let Some(last) = self.last_round_date()
            && made.round.date < last
        {
            return Err(RoundError::BeforeLastRound { date: made.round.date, last });
        }
        if let Some(need) = made.need {
            self.need.push(need);
        }
        self.rounds.push(made.round);
        Ok(())
    }
}
