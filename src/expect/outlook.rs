//! The follow-up's outlook: the places decided so far plus the decisions to expect from the municipalities
//! that have not answered yet, against the target.

use super::{Totals, for_plan, national_totals};
use crate::data::Dataset;
use crate::followup::FollowUp;

#[derive(Debug, Clone, PartialEq)]
pub struct Outlook {
    pub target: f64,
    /// Places decided so far (every decision, also of municipalities that were not asked).
    pub decided: f64,
    /// The asked municipalities that have not answered, and what they can be expected to decide.
    pub unanswered: usize,
    pub expected_unanswered: Totals,
}

impl Outlook {
    /// Decided so far plus expected from the not answered.
    pub fn expected_total(&self) -> f64 {
        self.decided + self.expected_unanswered.expected
    }

    /// The range of the total: the decisions made are certain, the range is that of the not answered.
    pub fn range(&self) -> (f64, f64) {
        (self.decided + self.expected_unanswered.low, self.decided + self.expected_unanswered.high)
    }

    /// What the expected total leaves of the target (negative: more than the target).
    pub fn expected_shortfall(&self) -> f64 {
        self.target - self.expected_total()
    }
}

/// The outlook of a follow-up; `None` when the dataset holds no record of decisions to learn from. The
/// estimate learns from the dataset's record as the planner does (the answered part of this year included,
/// when its columns carry their roles) and is applied to the not answered only.
pub fn outlook(dataset: &Dataset, f: &FollowUp) -> Option<Outlook> {
    let request: Vec<f64> = f.rows.iter().map(|r| f64::from(r.request)).collect();
    let expected = for_plan(dataset, &request)?;
    let waiting: Vec<_> = expected
        .rows
        .into_iter()
        .zip(&f.rows)
        .filter(|(_, s)| s.request > 0 && s.decision.is_none())
        .map(|(e, _)| e)
        .collect();
    Some(Outlook {
        target: f64::from(f.target),
        decided: f.national.decided as f64,
        unanswered: waiting.len(),
        expected_unanswered: national_totals(&waiting),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;
    use crate::followup::{column_counts, follow_up};

    /// The 2024 follow-up with the decisions of `unanswered` asked municipalities taken away.
    fn partial_2024(unanswered: &[&str]) -> (Dataset, FollowUp) {
        let mut d = embedded_dataset("norway-2024").unwrap();
        let c = d.columns.iter().position(|c| c.meta.id == "vedtak_2024").unwrap();
        for code in unanswered {
            let row = d.index_of_code(code).unwrap();
            d.columns[c].values[row] = None;
        }
        let request: Vec<u32> = column_counts(&d, "anmodning_2024").unwrap().iter().map(|v| v.unwrap_or(0)).collect();
        let decisions = column_counts(&d, "vedtak_2024").unwrap();
        let f = follow_up(&d, 36_985, &request, &decisions, None).unwrap();
        (d, f)
    }

    #[test]
    fn decided_so_far_plus_the_expected_decisions_of_the_not_answered() {
        let (d, f) = partial_2024(&["0301", "4601", "5001"]);
        let o = outlook(&d, &f).expect("the 2024 dataset has a record");
        assert_eq!(o.decided, f.national.decided as f64);
        assert_eq!(o.unanswered, f.national.not_answered);
        assert!(o.unanswered >= 3);
        // The expected part is the estimate of exactly the not answered, at their requests.
        let request: Vec<f64> = f.rows.iter().map(|r| f64::from(r.request)).collect();
        let all = for_plan(&d, &request).unwrap();
        let by_hand: f64 = all
            .rows
            .iter()
            .zip(&f.rows)
            .filter(|(_, s)| s.request > 0 && s.decision.is_none())
            .map(|(e, _)| e.expected)
            .sum();
        assert!((o.expected_unanswered.expected - by_hand).abs() < 1e-9);
        let asked_waiting: f64 = f.rows.iter().filter(|s| s.decision.is_none()).map(|s| f64::from(s.request)).sum();
        assert_eq!(o.expected_unanswered.requested, asked_waiting);
        assert!(o.expected_unanswered.expected > 0.0 && o.expected_unanswered.expected < asked_waiting);
        let (low, high) = o.range();
        assert!(low <= o.expected_total() && o.expected_total() <= high && low >= o.decided);
        assert_eq!(o.expected_shortfall(), 36_985.0 - o.expected_total());
    }

    #[test]
    fn when_everybody_has_answered_the_outlook_is_what_was_decided() {
        let (d, mut f) = partial_2024(&[]);
        // The few asked in 2024 with no decision in the data are taken as having said no.
        for s in f.rows.iter_mut().filter(|s| s.decision.is_none()) {
            s.decision = Some(0);
        }
        let o = outlook(&d, &f).unwrap();
        assert_eq!(o.unanswered, 0);
        assert_eq!((o.expected_total(), o.expected_shortfall()), (28_327.0, 36_985.0 - 28_327.0));
        assert_eq!(o.range(), (28_327.0, 28_327.0));
    }

    #[test]
    fn without_a_record_there_is_no_outlook() {
        let (mut d, f) = partial_2024(&[]);
        d.columns.retain(|c| !c.meta.id.starts_with("vedtak_"));
        assert!(outlook(&d, &f).is_none());
    }
}
