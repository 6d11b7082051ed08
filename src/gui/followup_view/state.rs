//! What the Follow-up tab shows: the choice of request, decisions and settled columns, the options of the
//! shortfall round and the revision, and the table's sorting. View state only: never saved, never undone.

use crate::data::{ColumnRole, Dataset};
use crate::engine::Allocation;
use crate::followup::{Among, Answer, FollowUp, FollowUpError, ReviseMode, column_counts, follow_up};
use crate::scenario::Scenario;

/// Where the sent request comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestSource {
    Column(String),
    /// The plan open now.
    Plan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusSort {
    Code,
    Name,
    County,
    Request,
    Decision,
    Difference,
    Settled,
    Remaining,
    Status,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusView {
    pub sort: StatusSort,
    pub descending: bool,
    pub name_filter: String,
    pub answer: Option<Answer>,
}

impl Default for StatusView {
    fn default() -> Self {
        StatusView { sort: StatusSort::Code, descending: false, name_filter: String::new(), answer: None }
    }
}

impl StatusView {
    pub fn click_header(&mut self, key: StatusSort) {
        if self.sort == key {
            self.descending = !self.descending;
        } else {
            self.sort = key;
            self.descending = false;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FollowUpState {
    /// `None` until chosen: then [`FollowUpState::request`] guesses the newest request with decisions.
    pub request: Option<RequestSource>,
    pub decisions: Option<String>,
    /// `Some(None)`: chosen to be none.
    pub settled: Option<Option<String>>,
    pub among: Among,
    pub count_unanswered: bool,
    /// `None`: the scenario's target.
    pub revise_target: Option<u32>,
    pub mode: ReviseMode,
    pub keep_decisions: bool,
    pub table: StatusView,
    /// "Decided + expected" of the follow-up shown, kept while its requests and decisions stay the same.
    pub outlook: super::outlook::OutlookCache,
}

/// The columns of a dataset that count persons (requests, decisions, refugees settled).
pub fn count_columns(dataset: &Dataset) -> Vec<&str> {
    dataset.columns.iter().filter(|c| c.meta.kind == crate::data::Kind::Extensive).map(|c| c.meta.id.as_str()).collect()
}

/// The year a decisions column is about, from its role.
fn decisions_year(dataset: &Dataset, decisions: &str) -> Option<i32> {
    match dataset.column(decisions)?.meta.role? {
        ColumnRole::Decisions { year } => Some(year),
        _ => None,
    }
}

impl FollowUpState {
    /// The request in use: the chosen one, or the request of the year the decisions are about.
    pub fn request(&self, dataset: &Dataset) -> Option<RequestSource> {
        self.request.clone().or_else(|| {
            let year = decisions_year(dataset, &self.decisions(dataset)?)?;
            let request = dataset.column_with_role(ColumnRole::Request { year })?;
            Some(RequestSource::Column(request.meta.id.clone()))
        })
    }

    /// The decisions in use: the chosen column, or the newest year's decisions.
    pub fn decisions(&self, dataset: &Dataset) -> Option<String> {
        self.decisions.clone().or_else(|| {
            let newest = dataset
                .roles()
                .filter_map(|(c, role)| match role {
                    ColumnRole::Decisions { year } => Some((year, c)),
                    _ => None,
                })
                .max_by_key(|(year, _)| *year)?;
            Some(newest.1.meta.id.clone())
        })
    }

    /// The settled counts in use: the chosen column, or the part year settled so far in the decisions' year.
    pub fn settled(&self, dataset: &Dataset) -> Option<String> {
        match &self.settled {
            Some(choice) => choice.clone(),
            None => {
                let year = decisions_year(dataset, &self.decisions(dataset)?)?;
                let settled = dataset.column_with_role(ColumnRole::Settled { year, partial: true })?;
                Some(settled.meta.id.clone())
            }
        }
    }

    pub fn revise_target(&self, scenario: &Scenario) -> u32 {
        self.revise_target.unwrap_or(scenario.target.total)
    }

    /// The follow-up for the current choices; `None` while the request or the decisions are not chosen.
    pub fn compute(
        &self,
        dataset: &Dataset,
        scenario: &Scenario,
        plan: Option<&Allocation>,
    ) -> Option<Result<FollowUp, FollowUpError>> {
        let request = self.request(dataset)?;
        let decisions = self.decisions(dataset)?;
        Some((|| {
            let request: Vec<u32> = match &request {
                RequestSource::Column(id) => column_counts(dataset, id)?.iter().map(|v| v.unwrap_or(0)).collect(),
                RequestSource::Plan => match plan {
                    Some(a) if a.rows.len() == dataset.len() => a.rows.iter().map(|r| r.allocation).collect(),
                    _ => vec![0; dataset.len()],
                },
            };
            let decisions = column_counts(dataset, &decisions)?;
            let settled = self.settled(dataset).map(|c| column_counts(dataset, &c)).transpose()?;
            follow_up(dataset, scenario.target.total, &request, &decisions, settled.as_deref())
        })())
    }
}

/// Dataset rows to show, in order: filtered by name or code and status, sorted by the chosen column (equal
/// values keep dataset order; empty cells last).
pub fn order(dataset: &Dataset, f: &FollowUp, view: &StatusView) -> Vec<usize> {
    let needle = view.name_filter.trim().to_lowercase();
    let mut rows: Vec<usize> = (0..f.rows.len().min(dataset.len()))
        .filter(|&i| view.answer.is_none_or(|a| f.rows[i].answer == a))
        .filter(|&i| {
            let m = &dataset.municipalities[i];
            needle.is_empty() || m.name.to_lowercase().contains(&needle) || m.code.starts_with(&needle)
        })
        .collect();
    let number = |i: usize| -> Option<i64> {
        let s = &f.rows[i];
        match view.sort {
            StatusSort::Request => Some(i64::from(s.request)),
            StatusSort::Decision => s.decision.map(i64::from),
            StatusSort::Difference => s.difference(),
            StatusSort::Settled => s.settled.map(i64::from),
            StatusSort::Remaining => s.remaining(),
            StatusSort::Status => Some(s.answer as i64),
            _ => None,
        }
    };
    let text = |i: usize| {
        let m = &dataset.municipalities[i];
        match view.sort {
            StatusSort::Name => m.name.to_lowercase(),
            StatusSort::County => m.county_name.to_lowercase(),
            _ => m.code.clone(),
        }
    };
    rows.sort_by(|&a, &b| {
        let ordering = match view.sort {
            StatusSort::Code | StatusSort::Name | StatusSort::County => text(a).cmp(&text(b)),
            _ => match (number(a), number(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (None, Some(_)) => return std::cmp::Ordering::Greater,
                (Some(_), None) => return std::cmp::Ordering::Less,
                (None, None) => std::cmp::Ordering::Equal,
            },
        };
        if view.descending { ordering.reverse() } else { ordering }
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;

    #[test]
    fn guesses_the_newest_request_with_decisions_and_sorts() {
        let d = embedded_dataset("norway-2024").unwrap();
        let state = FollowUpState::default();
        assert_eq!(state.request(&d), Some(RequestSource::Column("anmodning_2024".into())));
        assert_eq!(state.decisions(&d).as_deref(), Some("vedtak_2024"));
        assert_eq!(state.settled(&d).as_deref(), Some("bosatt_2024_delaar"));
        let s = crate::scenario::parse_scenario(include_str!("../../../scenarios/imdi-2024.ron"), "x").unwrap();
        let f = state.compute(&d, &s, None).unwrap().unwrap();
        let mut view = StatusView { sort: StatusSort::Decision, ..StatusView::default() };
        let rows = order(&d, &f, &view);
        let first_empty = rows.iter().position(|&r| f.rows[r].decision.is_none()).unwrap();
        assert!(rows[first_empty..].iter().all(|&r| f.rows[r].decision.is_none()), "not answered last");
        view.answer = Some(Answer::NotAnswered);
        assert_eq!(order(&d, &f, &view).len(), f.national.not_answered);
        // The 2020 dataset has the 2019 request and decisions; no part-year column.
        let d = embedded_dataset("norway-2020").unwrap();
        assert_eq!(state.request(&d), Some(RequestSource::Column("anmodning_2019".into())));
        assert_eq!(state.settled(&d), None);
    }

    #[test]
    fn the_defaults_follow_the_roles_whatever_the_columns_are_called() {
        let mut d = embedded_dataset("norway-2024").unwrap();
        for (i, name) in [(1, "foresporsel"), (2, "svar"), (5, "hittil_i_aar")] {
            d.columns[i].meta.id = name.to_owned();
        }
        let state = FollowUpState::default();
        assert_eq!(state.request(&d), Some(RequestSource::Column("foresporsel".into())));
        assert_eq!(state.decisions(&d).as_deref(), Some("svar"));
        assert_eq!(state.settled(&d).as_deref(), Some("hittil_i_aar"));
        // Without roles the tab guesses nothing.
        d.columns.iter_mut().for_each(|c| c.meta.role = None);
        assert_eq!((state.request(&d), state.decisions(&d)), (None, None));
    }
}
