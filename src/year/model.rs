//! The settlement year as a document: the need with its dated changes, the rounds sent (each frozen), the
//! rounds withdrawn, and dated snapshots of the decisions and of the refugees settled.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Date;
use super::labels::LeftOut;
use crate::county_round::RecordedDeviation;
use crate::lang::Lang;
use crate::scenario::{DatasetRef, Scenario};

/// The newest year file version this program reads and writes.
pub const YEAR_VERSION: u32 = 1;

/// Places per municipality code; a municipality not listed has none (a request) or no entry (a snapshot).
pub type Counts = BTreeMap<String, u32>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Year {
    pub version: u32,
    /// The settlement year (bosettingsåret).
    pub year: i32,
    pub dataset: DatasetRef,
    /// The dataset's fingerprint when the year was made; a mismatch on open is reported.
    #[serde(default)]
    pub dataset_fingerprint: Option<String>,
    /// The plan the year's rounds are made from (its keys, rules and bounds).
    pub plan: Scenario,
    /// The year's need, every change dated; the one in force at a date is the latest up to it.
    pub need: Vec<Need>,
    /// The rounds sent, in order. A round never changes once it is here.
    #[serde(default)]
    pub rounds: Vec<Round>,
    /// Rounds taken back, kept as a record; they count nowhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withdrawn: Vec<Withdrawn>,
    /// The municipalities' decisions, each snapshot whole: listed = answered (0 = said no), not listed = not
    /// answered.
    #[serde(default)]
    pub decisions: Vec<Snapshot>,
    /// Refugees settled so far, each snapshot whole.
    #[serde(default)]
    pub settled: Vec<Snapshot>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub date: Date,
    pub total: u32,
    /// Of which unaccompanied minors.
    #[serde(default)]
    pub minors: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundKind {
    /// The request (anmodning): what each municipality is asked for.
    Request,
    /// A shortfall round (tilleggsanmodning): places asked in addition to what was asked before.
    Shortfall,
    /// A revision: replaces everything asked before it.
    Revision,
}

impl RoundKind {
    pub const ALL: [RoundKind; 3] = [RoundKind::Request, RoundKind::Shortfall, RoundKind::Revision];

    /// The name in the CLI and JSON.
    pub fn key(self) -> &'static str {
        match self {
            RoundKind::Request => "request",
            RoundKind::Shortfall => "shortfall",
            RoundKind::Revision => "revision",
        }
    }

    pub fn from_key(s: &str) -> Option<RoundKind> {
        RoundKind::ALL.into_iter().find(|k| k.key() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (nb, en) = match self {
            RoundKind::Request => ("anmodning", "request"),
            RoundKind::Shortfall => ("tilleggsanmodning", "shortfall round"),
            RoundKind::Revision => ("revisjon", "revision"),
        };
        lang.pick(nb, en)
    }

    /// Whether the round's numbers replace what was asked before (rather than add to it).
    pub fn replaces(self) -> bool {
        !matches!(self, RoundKind::Shortfall)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub kind: RoundKind,
    pub date: Date,
    #[serde(default)]
    pub note: String,
    /// The scenario that made the round, embedded so the file is self-contained.
    pub scenario: Scenario,
    /// The frozen numbers: places asked per municipality code; a municipality not listed was asked for none.
    #[serde(deserialize_with = "crate::scenario::unique_map::deserialize")]
    pub requests: Counts,
    /// A shortfall round: why each municipality asked before is not in it.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::scenario::unique_map::deserialize"
    )]
    pub left_out: BTreeMap<String, LeftOut>,
    /// A request reconciled from the counties' recommendations: where the number sent differs from the
    /// county's, what it recommended and why (the county round).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::scenario::unique_map::deserialize"
    )]
    pub deviations: BTreeMap<String, RecordedDeviation>,
}

impl Round {
    pub fn total(&self) -> u64 {
        self.requests.values().map(|&v| u64::from(v)).sum()
    }

    /// Municipalities asked for at least one place.
    pub fn asked(&self) -> usize {
        self.requests.values().filter(|&&v| v > 0).count()
    }
}

/// Why a round cannot be withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WithdrawError {
    #[error("there is no round {number}: the year has {rounds} round(s), numbered from 1")]
    NoSuchRound { number: usize, rounds: usize },
    #[error("a withdrawn round keeps its reason in the file; give one")]
    NoReason,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawn {
    pub withdrawn_on: Date,
    #[serde(default)]
    pub reason: String,
    pub round: Round,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub date: Date,
    /// Where the numbers came from (a dataset column, a file).
    #[serde(default)]
    pub source: String,
    #[serde(deserialize_with = "crate::scenario::unique_map::deserialize")]
    pub counts: Counts,
}

impl Snapshot {
    pub fn total(&self) -> u64 {
        self.counts.values().map(|&v| u64::from(v)).sum()
    }
}

/// The latest of `items` dated on or before `as_of` (the latest of all without a date); among equal dates the
/// one added last.
fn latest<T>(items: &[T], date: impl Fn(&T) -> Date, as_of: Option<Date>) -> Option<&T> {
    items
        .iter()
        .enumerate()
        .filter(|(_, x)| as_of.is_none_or(|d| date(x) <= d))
        .max_by_key(|(i, x)| (date(x), *i))
        .map(|(_, x)| x)
}

impl Year {
    /// The need in force at `as_of`: the latest change up to it, or the first one for a date before them all.
    pub fn need_at(&self, as_of: Option<Date>) -> Option<&Need> {
        latest(&self.need, |n| n.date, as_of).or_else(|| self.need.iter().min_by_key(|n| n.date))
    }

    pub fn decisions_at(&self, as_of: Option<Date>) -> Option<&Snapshot> {
        latest(&self.decisions, |s| s.date, as_of)
    }

    pub fn settled_at(&self, as_of: Option<Date>) -> Option<&Snapshot> {
        latest(&self.settled, |s| s.date, as_of)
    }

    /// The rounds sent by `as_of`, in order.
    pub fn rounds_at(&self, as_of: Option<Date>) -> impl Iterator<Item = (usize, &Round)> {
        self.rounds.iter().enumerate().filter(move |(_, r)| as_of.is_none_or(|d| r.date <= d))
    }

    /// The date of the last round, if any: a new round cannot be dated before it.
    pub fn last_round_date(&self) -> Option<Date> {
        self.rounds.last().map(|r| r.date)
    }

    /// Takes a sent round back (`number` counts from 1, as the status shows the rounds): it leaves the rounds and
    /// is kept under `withdrawn` with the date and reason. Nothing is deleted: the record stays in the file.
    pub fn withdraw(&mut self, number: usize, on: Date, reason: &str) -> Result<&Withdrawn, WithdrawError> {
        if number == 0 || number > self.rounds.len() {
            return Err(WithdrawError::NoSuchRound { number, rounds: self.rounds.len() });
        }
        if reason.trim().is_empty() {
            return Err(WithdrawError::NoReason);
        }
        let round = self.rounds.remove(number - 1);
        self.withdrawn.push(Withdrawn { withdrawn_on: on, reason: reason.trim().to_owned(), round });
        self.withdrawn.last().ok_or(WithdrawError::NoReason)
    }
}
