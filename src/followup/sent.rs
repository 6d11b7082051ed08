//! The plan that was sent, kept as a column of the dataset. Once a request has gone out it is data — decisions
//! are answered against it, a revision scales it, a shortfall plan is shown beside it — so a plan used as the
//! sent request becomes a count column that the document saves with its dataset.

use crate::data::{ColumnMeta, ColumnRole, Dataset, Text, add_column};
use crate::engine::Allocation;

use super::FollowUpError;

/// The id a sent plan gets: `anmodning_sendt`, or with `_2`, `_3`… when the dataset has it already.
fn free_id(dataset: &Dataset) -> String {
    let base = "anmodning_sendt";
    std::iter::once(base.to_owned())
        .chain((2..).map(|n| format!("{base}_{n}")))
        .find(|id| dataset.column(id).is_none())
        .unwrap_or_else(|| base.to_owned())
}

/// The dataset with the plan's requests as a new count column, and that column's id. A column that already
/// holds exactly these requests is used as it is (the same plan is not recorded twice).
pub fn record_sent_plan(
    dataset: &Dataset,
    allocation: &Allocation,
    scenario_name: &str,
) -> Result<(Dataset, String), FollowUpError> {
    if allocation.rows.len() != dataset.len() {
        return Err(FollowUpError::WrongLength { got: allocation.rows.len(), expected: dataset.len() });
    }
    let requests: Vec<Option<f64>> = allocation.rows.iter().map(|r| Some(f64::from(r.allocation))).collect();
    let sent = || dataset.roles().filter_map(|(c, role)| matches!(role, ColumnRole::SentRound { .. }).then_some(c));
    if let Some(same) = sent().find(|c| c.values[..] == requests[..]) {
        return Ok((dataset.clone(), same.meta.id.clone()));
    }
    let order = 1 + dataset
        .roles()
        .filter_map(|(_, role)| match role {
            ColumnRole::SentRound { order } => Some(order),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let id = free_id(dataset);
    let meta = ColumnMeta {
        role: Some(ColumnRole::SentRound { order }),
        ..ColumnMeta::derived_count(
            &id,
            Text::new(&format!("Sendt anmodning ({scenario_name})"), &format!("Request sent ({scenario_name})")),
        )
    };
    let values: Vec<(String, Option<f64>)> =
        dataset.municipalities.iter().zip(requests).map(|(m, v)| (m.code.clone(), v)).collect();
    let out = add_column(dataset, meta, &values).map_err(|e| FollowUpError::SentPlan(e.to_string()))?;
    Ok((out, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;
    use crate::engine::allocate;
    use crate::followup::{ReviseMode, column_counts, revise};
    use crate::scenario::parse_scenario;

    #[test]
    fn a_sent_plan_becomes_a_column_once_and_revises_like_one() {
        let d = embedded_dataset("norway-2020").unwrap();
        let s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        let plan = allocate(&d, &s).unwrap();
        let (with_plan, id) = record_sent_plan(&d, &plan, &s.name).unwrap();
        assert_eq!(id, "anmodning_sendt");
        let counts = column_counts(&with_plan, &id).unwrap();
        assert!(counts.iter().zip(&plan.rows).all(|(c, r)| *c == Some(r.allocation)));
        // Recording the same plan again adds nothing; another plan gets the next id.
        let (again, same) = record_sent_plan(&with_plan, &plan, &s.name).unwrap();
        assert_eq!((again.columns.len(), same.as_str()), (with_plan.columns.len(), "anmodning_sendt"));
        let mut smaller = s.clone();
        smaller.target.total = 4000;
        let other = allocate(&d, &smaller).unwrap();
        let (with_two, second) = record_sent_plan(&with_plan, &other, &s.name).unwrap();
        assert_eq!(second, "anmodning_sendt_2");
        let role = |id: &str| with_two.column(id).unwrap().meta.role;
        assert_eq!(
            (role(&id), role(&second)),
            (Some(ColumnRole::SentRound { order: 1 }), Some(ColumnRole::SentRound { order: 2 }))
        );
        // Revising from the recorded plan: the asked set is kept and the sum is exact.
        let (_, revised) = revise(&with_plan, &s, &id, 3602, None, ReviseMode::Proportional).unwrap();
        assert_eq!(revised.allocated, 3602);
        for (r, p) in revised.rows.iter().zip(&plan.rows) {
            assert_eq!(r.allocation > 0, p.allocation > 0, "the asked set is kept");
        }
    }
}
