//! Changing what a column is for the settlement year: the one step the planner's Data tab takes.

use super::dataset::{Dataset, Kind};
use super::role::ColumnRole;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SetRoleError {
    #[error("the dataset {dataset} has no column {column:?}")]
    NoColumn { dataset: String, column: String },
    #[error("column {column:?} is a rate; only a count (kind extensive) can be {}", role.key())]
    NotACount { column: String, role: ColumnRole },
}

/// The dataset with `column`'s role set to `role` (none with `None`). The values and the fingerprint stay.
pub fn with_role(dataset: &Dataset, column: &str, role: Option<ColumnRole>) -> Result<Dataset, SetRoleError> {
    let index = dataset
        .column_index(column)
        .ok_or_else(|| SetRoleError::NoColumn { dataset: dataset.id.clone(), column: column.to_owned() })?;
    if let Some(role) = role
        && dataset.columns[index].meta.kind != Kind::Extensive
    {
        return Err(SetRoleError::NotACount { column: column.to_owned(), role });
    }
    let mut out = dataset.clone();
    out.columns[index].meta.role = role;
    Ok(out)
}

/// The roles a column can be given: none, and a request, decisions or settled (whole or part year) for the
/// year its metadata names (else the dataset's year) and the year of the role it has.
pub fn role_choices(dataset: &Dataset, column: &str) -> Vec<Option<ColumnRole>> {
    let Some(c) = dataset.column(column) else { return Vec::new() };
    let mut years: Vec<i32> = c.meta.year.trim().parse().ok().into_iter().collect();
    if years.is_empty() {
        years.push(dataset.year);
    }
    years.extend(c.meta.role.and_then(ColumnRole::year));
    years.sort_unstable();
    years.dedup();
    let mut out = vec![None];
    for year in years {
        out.extend(
            [
                ColumnRole::Request { year },
                ColumnRole::Decisions { year },
                ColumnRole::Settled { year, partial: false },
                ColumnRole::Settled { year, partial: true },
            ]
            .map(Some),
        );
    }
    if let Some(sent @ ColumnRole::SentRound { .. }) = c.meta.role {
        out.push(Some(sent));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;

    #[test]
    fn a_count_takes_a_role_a_rate_does_not() {
        let d = embedded_dataset("norway-2024").unwrap();
        let out = with_role(&d, "vedtak_2024", None).unwrap();
        assert_eq!(out.column("vedtak_2024").unwrap().meta.role, None);
        assert_eq!(out.fingerprint, d.fingerprint);
        let settled = Some(ColumnRole::Settled { year: 2023, partial: false });
        assert_eq!(with_role(&d, "bosatt_ukrainere_2023", settled).unwrap().roles().count(), d.roles().count() + 1);
        let e = with_role(&d, "sentralitetsklasse_2024", settled).unwrap_err();
        assert_eq!(
            e.to_string(),
            "column \"sentralitetsklasse_2024\" is a rate; only a count (kind extensive) can be settled:2023"
        );
        assert!(matches!(with_role(&d, "nope", None), Err(SetRoleError::NoColumn { .. })));
    }

    #[test]
    fn the_choices_are_none_and_the_roles_of_the_columns_year() {
        let d = embedded_dataset("norway-2024").unwrap();
        let choices = role_choices(&d, "bosatt_2023");
        assert_eq!(choices.len(), 5);
        assert_eq!(choices[0], None);
        assert!(choices.contains(&Some(ColumnRole::Settled { year: 2023, partial: false })));
        assert!(choices.iter().flatten().all(|r| r.year() == Some(2023)));
    }
}
