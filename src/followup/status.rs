//! Where the year stands: each municipality's decision against its request, summed per county and nationally.
//! A missing decision means "not answered" and 0 means "said no"; the two are never mixed up.

use super::FollowUpError;
use crate::data::Dataset;
use crate::lang::{Lang, Words};

/// A municipality's answer to the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    /// Not asked and decided nothing.
    NotAsked,
    /// Asked, no decision yet.
    NotAnswered,
    /// Asked and decided 0.
    No,
    /// Decided fewer places than asked.
    Below,
    /// Decided what was asked.
    At,
    /// Decided more than asked (or places without being asked).
    Above,
}

impl Answer {
    pub const ALL: [Answer; 6] =
        [Answer::Below, Answer::At, Answer::Above, Answer::No, Answer::NotAnswered, Answer::NotAsked];

    /// The name used in CSV and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Answer::NotAsked => "not_asked",
            Answer::NotAnswered => "not_answered",
            Answer::No => "no",
            Answer::Below => "below",
            Answer::At => "at",
            Answer::Above => "above",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (nb, en) = match self {
            Answer::NotAsked => (Words::NB.not_asked_lower, Words::EN.not_asked_lower),
            Answer::NotAnswered => ("ikke svart", "not answered"),
            Answer::No => ("sagt nei", "said no"),
            Answer::Below => ("under anmodning", "below request"),
            Answer::At => ("som anmodet", "as requested"),
            Answer::Above => ("over anmodning", "above request"),
        };
        lang.pick(nb, en)
    }

    /// The status colour everywhere (table, map, workbook): the colour-blind-safe Okabe–Ito palette, with no
    /// colour for municipalities that were not asked.
    pub fn rgb(self) -> Option<[u8; 3]> {
        match self {
            Answer::Below => Some([0xE6, 0x9F, 0x00]),
            Answer::At => Some([0x00, 0x9E, 0x73]),
            Answer::Above => Some([0x56, 0xB4, 0xE9]),
            Answer::No => Some([0xD5, 0x5E, 0x00]),
            Answer::NotAnswered => Some([0xF0, 0xE4, 0x42]),
            Answer::NotAsked => None,
        }
    }

    fn of(request: u32, decision: Option<u32>) -> Answer {
        match (request, decision) {
            (0, None | Some(0)) => Answer::NotAsked,
            (_, None) => Answer::NotAnswered,
            (_, Some(0)) => Answer::No,
            (r, Some(d)) if d < r => Answer::Below,
            (r, Some(d)) if d == r => Answer::At,
            _ => Answer::Above,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalityStatus {
    pub request: u32,
    /// `None`: not answered.
    pub decision: Option<u32>,
    pub settled: Option<u32>,
    pub answer: Answer,
}

impl MunicipalityStatus {
    /// Decision less request; `None` while not answered.
    pub fn difference(&self) -> Option<i64> {
        self.decision.map(|d| i64::from(d) - i64::from(self.request))
    }

    /// Decided places not yet filled; `None` while not answered.
    pub fn remaining(&self) -> Option<i64> {
        self.decision.map(|d| i64::from(d) - i64::from(self.settled.unwrap_or(0)))
    }
}

/// Counts and sums over a set of municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub municipalities: usize,
    pub asked: usize,
    pub answered: usize,
    pub said_yes: usize,
    pub said_no: usize,
    pub not_answered: usize,
    pub requested: u64,
    /// Every decided place, also of municipalities that were not asked.
    pub decided: u64,
    pub settled: u64,
    /// The request of the municipalities that have not answered.
    pub unanswered_request: u64,
}

impl Totals {
    fn add(&mut self, s: &MunicipalityStatus) {
        self.municipalities += 1;
        let asked = s.request > 0;
        self.asked += usize::from(asked);
        self.answered += usize::from(asked && s.decision.is_some());
        self.said_yes += usize::from(asked && s.decision.is_some_and(|d| d > 0));
        self.said_no += usize::from(asked && s.decision == Some(0));
        self.not_answered += usize::from(asked && s.decision.is_none());
        self.requested += u64::from(s.request);
        self.decided += u64::from(s.decision.unwrap_or(0));
        self.settled += u64::from(s.settled.unwrap_or(0));
        if s.decision.is_none() {
            self.unanswered_request += u64::from(s.request);
        }
    }

    /// Decided places as a share of `of` (0 when `of` is 0).
    pub fn coverage(&self, of: u64) -> f64 {
        if of == 0 { 0.0 } else { self.decided as f64 / of as f64 }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountyStatus {
    pub code: String,
    pub name: String,
    pub totals: Totals,
}

/// The follow-up of one request: per municipality (dataset order), per county (code order) and nationally.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub target: u32,
    pub rows: Vec<MunicipalityStatus>,
    pub national: Totals,
    pub counties: Vec<CountyStatus>,
}

impl FollowUp {
    /// Target less decided places; with `count_unanswered`, the not-answered count at their request.
    /// Negative when the decisions exceed the target.
    pub fn shortfall(&self, count_unanswered: bool) -> i64 {
        let counted = self.national.decided + if count_unanswered { self.national.unanswered_request } else { 0 };
        i64::from(self.target) - counted as i64
    }

    /// Decided places as a share of the target.
    pub fn coverage(&self) -> f64 {
        self.national.coverage(u64::from(self.target))
    }
}

/// A dataset column read as counts: missing cells stay `None`; a negative or fractional value is refused,
/// naming the column and the municipality.
pub fn column_counts(dataset: &Dataset, column: &str) -> Result<Vec<Option<u32>>, FollowUpError> {
    let col = dataset
        .column(column)
        .ok_or_else(|| FollowUpError::NoColumn { dataset: dataset.id.clone(), column: column.to_owned() })?;
    // A rate, a score or a class (1–6) is not a number of people, whatever its cells look like.
    if col.meta.kind != crate::data::Kind::Extensive {
        return Err(FollowUpError::NotCounts {
            column: column.to_owned(),
            label: col.meta.label.en.clone(),
            unit: col.meta.unit.clone(),
        });
    }
    col.values
        .iter()
        .zip(dataset.municipalities.iter())
        .map(|(v, m)| match v {
            None => Ok(None),
            Some(x) if x.is_finite() && *x >= 0.0 && x.fract() == 0.0 && *x <= f64::from(u32::MAX) => {
                Ok(Some(*x as u32))
            }
            Some(x) => Err(FollowUpError::NotACount {
                column: column.to_owned(),
                code: m.code.clone(),
                name: m.name.clone(),
                value: *x,
                why: not_a_count(*x),
            }),
        })
        .collect()
}

/// Why `x` is not a count of refugees, in words.
fn not_a_count(x: f64) -> &'static str {
    if !x.is_finite() {
        "not a number"
    } else if x < 0.0 {
        "a negative number; a count is at least 0"
    } else if x.fract() != 0.0 {
        "not a whole number"
    } else {
        "more than the largest count this program handles (4294967295)"
    }
}

/// The follow-up of `request` (per dataset row; 0 = not asked) against `decisions` and, if given, the refugees
/// `settled` so far, for a national `target`.
pub fn follow_up(
    dataset: &Dataset,
    target: u32,
    request: &[u32],
    decisions: &[Option<u32>],
    settled: Option<&[Option<u32>]>,
) -> Result<FollowUp, FollowUpError> {
    let n = dataset.len();
    for len in [request.len(), decisions.len(), settled.map_or(n, <[_]>::len)] {
        if len != n {
            return Err(FollowUpError::WrongLength { got: len, expected: n });
        }
    }
    if request.iter().all(|&r| r == 0) {
        return Err(FollowUpError::NobodyAsked);
    }
    let rows: Vec<MunicipalityStatus> = (0..n)
        .map(|i| MunicipalityStatus {
            request: request[i],
            decision: decisions[i],
            settled: settled.and_then(|s| s[i]),
            answer: Answer::of(request[i], decisions[i]),
        })
        .collect();
    let index = dataset.row_index();
    let mut counties: Vec<CountyStatus> = index
        .counties
        .iter()
        .map(|(code, name)| CountyStatus { code: code.clone(), name: name.clone(), totals: Totals::default() })
        .collect();
    let mut national = Totals::default();
    for (row, &county) in rows.iter().zip(&index.county_of) {
        national.add(row);
        counties[county].totals.add(row);
    }
    Ok(FollowUp { target, rows, national, counties })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;

    #[test]
    fn answers_keep_no_and_not_answered_apart() {
        assert_eq!(Answer::of(20, None), Answer::NotAnswered);
        assert_eq!(Answer::of(20, Some(0)), Answer::No);
        assert_eq!(Answer::of(20, Some(12)), Answer::Below);
        assert_eq!(Answer::of(20, Some(20)), Answer::At);
        assert_eq!(Answer::of(20, Some(25)), Answer::Above);
        assert_eq!(Answer::of(0, Some(5)), Answer::Above);
        assert_eq!(Answer::of(0, None), Answer::NotAsked);
    }

    #[test]
    fn the_2024_decisions_add_up() {
        let d = embedded_dataset("norway-2024").unwrap();
        let request: Vec<u32> = column_counts(&d, "anmodning_2024").unwrap().iter().map(|v| v.unwrap_or(0)).collect();
        let decisions = column_counts(&d, "vedtak_2024").unwrap();
        let settled = column_counts(&d, "bosatt_2024_delaar").unwrap();
        let f = follow_up(&d, 36_985, &request, &decisions, Some(&settled)).unwrap();
        assert_eq!((f.national.requested, f.national.decided), (36_985, 28_327), "the issue's figures");
        assert_eq!(f.shortfall(false), 36_985 - 28_327);
        let county_sum: u64 = f.counties.iter().map(|c| c.totals.decided).sum();
        assert_eq!(county_sum, 28_327);
        assert_eq!(f.national.answered + f.national.not_answered, f.national.asked);
        assert!(f.shortfall(true) < f.shortfall(false), "counting the not answered lowers the shortfall");
    }

    #[test]
    fn a_fraction_or_negative_is_refused_with_its_municipality() {
        let mut d = embedded_dataset("norway-2024").unwrap();
        let c = d.columns.iter().position(|c| c.meta.id == "vedtak_2024").unwrap();
        d.columns[c].values[1] = Some(2.5);
        let e = column_counts(&d, "vedtak_2024").unwrap_err().to_string();
        assert!(e.contains("Eigersund") && e.contains("1101") && e.contains("2.5"), "{e}");
        assert!(matches!(column_counts(&d, "nope"), Err(FollowUpError::NoColumn { .. })));
    }
}
