//! A year from what earlier versions kept in the dataset: each sent-plan column (role `SentRound`, a plan used
//! as the sent request, see `followup::record_sent_plan`) becomes a recorded round, in the order they were sent.

use super::Date;
use super::counts::counts_from_column;
use super::make::{RoundError, recorded_round};
use super::model::{Need, RoundKind, YEAR_VERSION, Year};
use crate::data::{Column, ColumnRole, Dataset};
use crate::scenario::{DatasetRef, Scenario};

/// A new year for `plan` on `dataset` with the need `total` (of which `minors`) from `date`.
pub fn new_year(plan: &Scenario, dataset_ref: DatasetRef, dataset: &Dataset, year: i32, need: Need) -> Year {
    let plan = Scenario {
        dataset: dataset_ref.clone(),
        dataset_fingerprint: Some(dataset.fingerprint.clone()),
        target: crate::scenario::Target { total: need.total, minors: need.minors, ..plan.target },
        ..plan.clone()
    };
    Year {
        version: YEAR_VERSION,
        year,
        dataset: dataset_ref,
        dataset_fingerprint: Some(dataset.fingerprint.clone()),
        plan,
        need: vec![need],
        rounds: Vec::new(),
        withdrawn: Vec::new(),
        decisions: Vec::new(),
        settled: Vec::new(),
    }
}

/// The order a sent column was recorded in, from its role.
fn sent_order(column: &Column) -> Option<u32> {
    match column.meta.role? {
        ColumnRole::SentRound { order } => Some(order),
        _ => None,
    }
}

/// What a sent plan was, from the name the planner gave it: "Sendt anmodning (PLAN — tilleggsanmodning)",
/// "Sendt anmodning (PLAN — revidert til N)" or "Sendt anmodning (PLAN)".
fn kind_of(column: &Column) -> RoundKind {
    let label = &column.meta.label.nb;
    if label.ends_with(" — tilleggsanmodning)") {
        RoundKind::Shortfall
    } else if label.contains(" — revidert til ") {
        RoundKind::Revision
    } else {
        RoundKind::Request
    }
}

/// The dataset's sent-plan columns as rounds of `year`, all dated `date` (the columns carry no date).
/// Returns how many were added.
pub fn add_sent_columns(year: &mut Year, dataset: &Dataset, date: Date) -> Result<usize, RoundError> {
    let mut sent: Vec<(u32, &Column)> = dataset.columns.iter().filter_map(|c| Some((sent_order(c)?, c))).collect();
    sent.sort_by_key(|(order, _)| *order);
    for (_, column) in &sent {
        let counts =
            counts_from_column(dataset, &column.meta.id).map_err(|e| RoundError::RequestColumn(e.to_string()))?;
        let note = format!("{} ({})", column.meta.label.nb, column.meta.id);
        let made = recorded_round(year, dataset, kind_of(column), date, &counts, &note)?;
        year.add_round(made)?;
    }
    Ok(sent.len())
}
