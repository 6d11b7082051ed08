//! Checks a scenario against its dataset and lists every problem, each naming the field.

use crate::data::Dataset;
use crate::scenario::{CriterionId, Override, Scenario};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The scenario field, e.g. `criteria[2].column` or `overrides["0999"]`.
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Every problem that stops the scenario from being allocated on this dataset.
pub fn validate(scenario: &Scenario, dataset: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut add = |field: String, message: String| problems.push(Problem { field, message });
    let t = scenario.target;
    if t.minors > t.total {
        add("target.minors".into(), format!("{} minors is more than the total target {}", t.minors, t.total));
    }
    if t.resettlement > t.total {
        add(
            "target.resettlement".into(),
            format!("{} resettlement refugees is more than the total target {}", t.resettlement, t.total),
        );
    }
    let a = scenario.size_exponent;
    if !(a.is_finite() && a > 0.0 && a <= 1.0) {
        add("size_exponent".into(), format!("{a} must be above 0 and at most 1"));
    }
    if scenario.criteria.is_empty() {
        add("criteria".into(), "at least one criterion is needed".into());
    }
    for (i, c) in scenario.criteria.iter().enumerate() {
        let field = |f: &str| format!("criteria[{i}].{f}");
        if scenario.criteria[..i].iter().any(|o| o.id == c.id) {
            add(field("id"), format!("criterion {} appears twice", c.id.key()));
        }
        if !(c.weight.is_finite() && c.weight >= 0.0) {
            add(field("weight"), format!("{} must be a number of at least 0", c.weight));
        }
        match (&c.column, c.id) {
            (Some(_), CriterionId::Size) => {
                add(field("column"), "the size criterion uses population and takes no column".into())
            }
            (None, CriterionId::Size) => {}
            (None, id) => add(field("column"), format!("criterion {} needs an indicator column", id.key())),
            (Some(col), _) if dataset.column(col).is_none() => {
                add(field("column"), format!("the dataset {} has no column {col:?}", dataset.id))
            }
            _ => {}
        }
    }
    if !scenario.criteria.is_empty()
        && scenario.criteria.iter().all(|c| c.weight.is_finite() && c.weight >= 0.0)
        && scenario.criteria.iter().all(|c| c.weight == 0.0)
    {
        add("criteria".into(), "all weights are zero; give at least one criterion a weight".into());
    }
    let r = &scenario.rules;
    if let Some(ceiling) = r.immigrant_share_ceiling {
        if !(ceiling.is_finite() && (0.0..=100.0).contains(&ceiling)) {
            add("rules.immigrant_share_ceiling".into(), format!("{ceiling} must be a percentage from 0 to 100"));
        }
        if dataset.column(&r.immigrant_share_column).is_none() {
            add(
                "rules.immigrant_share_column".into(),
                format!("the dataset {} has no column {:?}", dataset.id, r.immigrant_share_column),
            );
        }
    }
    if let Some(max) = r.max_per_1000
        && !(max.is_finite() && max > 0.0)
    {
        add("rules.max_per_1000".into(), format!("{max} must be a number above 0"));
    }
    if let Some(col) = &r.capacity_column
        && dataset.column(col).is_none()
    {
        add("rules.capacity_column".into(), format!("the dataset {} has no column {col:?}", dataset.id));
    }
    if let Some(col) = &scenario.reference_column
        && dataset.column(col).is_none()
    {
        add("reference_column".into(), format!("the dataset {} has no column {col:?}", dataset.id));
    }
    let mut locked: u64 = 0;
    for (code, o) in &scenario.overrides {
        if dataset.index_of_code(code).is_none() {
            add(format!("overrides[{code:?}]"), format!("no municipality {code} in the dataset {}", dataset.id));
        }
        if let Override::Lock(n) = o {
            locked += u64::from(*n);
        }
    }
    if locked > u64::from(t.total) {
        add("overrides".into(), format!("locked numbers sum to {locked}, more than the target {}", t.total));
    }
    problems
}
