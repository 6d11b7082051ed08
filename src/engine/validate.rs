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
    let weight_sum: f64 = scenario.criteria.iter().map(|c| c.weight).sum();
    if scenario.criteria.iter().all(|c| c.weight.is_finite()) && !weight_sum.is_finite() {
        add("criteria".into(), "the weights are too large to add up; use percentages".into());
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
    if let Some(band) = &r.change_band {
        if dataset.column(&band.column).is_none() {
            add(
                "rules.change_band.column".into(),
                format!("the dataset {} has no column {:?}", dataset.id, band.column),
            );
        }
        if !(band.lower.is_finite() && band.lower >= 0.0) {
            add("rules.change_band.lower".into(), format!("{} must be a number of at least 0", band.lower));
        }
        // An infinite upper factor (`inf`) means no upper end.
        if band.upper.is_nan() || band.upper <= 0.0 {
            add("rules.change_band.upper".into(), format!("{} must be a number above 0", band.upper));
        } else if band.lower.is_finite() && band.lower > band.upper {
            add(
                "rules.change_band".into(),
                format!("the lower factor {} is above the upper factor {}", band.lower, band.upper),
            );
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;
    use crate::scenario::parse_scenario;

    fn imdi() -> Scenario {
        parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap()
    }

    fn band(column: &str, lower: f64, upper: f64) -> crate::scenario::ChangeBand {
        crate::scenario::ChangeBand { column: column.into(), lower, upper }
    }

    fn fields(s: &Scenario) -> Vec<String> {
        validate(s, &embedded_dataset("norway-2020").unwrap()).into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn the_example_is_valid() {
        assert!(fields(&imdi()).is_empty());
    }

    #[test]
    fn each_problem_names_its_field() {
        type Change = Box<dyn Fn(&mut Scenario)>;
        let cases: Vec<(Change, &str)> = vec![
            (Box::new(|s| s.target.minors = s.target.total + 1), "target.minors"),
            (Box::new(|s| s.target.resettlement = s.target.total + 1), "target.resettlement"),
            (Box::new(|s| s.size_exponent = 0.0), "size_exponent"),
            (Box::new(|s| s.size_exponent = f64::NAN), "size_exponent"),
            (Box::new(|s| s.criteria.clear()), "criteria"),
            (Box::new(|s| s.criteria[1].weight = -1.0), "criteria[1].weight"),
            (Box::new(|s| s.criteria[1].weight = f64::INFINITY), "criteria[1].weight"),
            (Box::new(|s| s.criteria.iter_mut().for_each(|c| c.weight = 0.0)), "criteria"),
            (Box::new(|s| s.criteria.iter_mut().for_each(|c| c.weight = 1e308)), "criteria"),
            (Box::new(|s| s.criteria[1].column = Some("no_such_column".into())), "criteria[1].column"),
            (Box::new(|s| s.criteria[1].column = None), "criteria[1].column"),
            (Box::new(|s| s.criteria[0].column = Some("anmodning_2019".into())), "criteria[0].column"),
            (Box::new(|s| s.criteria[2].id = s.criteria[1].id), "criteria[2].id"),
            (Box::new(|s| s.rules.immigrant_share_ceiling = Some(120.0)), "rules.immigrant_share_ceiling"),
            (Box::new(|s| s.rules.immigrant_share_column = "x".into()), "rules.immigrant_share_column"),
            (Box::new(|s| s.rules.max_per_1000 = Some(0.0)), "rules.max_per_1000"),
            (Box::new(|s| s.rules.capacity_column = Some("x".into())), "rules.capacity_column"),
            (Box::new(|s| s.reference_column = Some("x".into())), "reference_column"),
            (Box::new(|s| s.rules.change_band = Some(band("x", 0.5, 1.5))), "rules.change_band.column"),
            (Box::new(|s| s.rules.change_band = Some(band("anmodning_2019", -1.0, 1.5))), "rules.change_band.lower"),
            (
                Box::new(|s| s.rules.change_band = Some(band("anmodning_2019", 0.5, f64::NAN))),
                "rules.change_band.upper",
            ),
            (Box::new(|s| s.rules.change_band = Some(band("anmodning_2019", 1.5, 0.5))), "rules.change_band"),
            (Box::new(|s| _ = s.overrides.insert("9999".into(), Override::Exclude)), "overrides[\"9999\"]"),
            (Box::new(|s| _ = s.overrides.insert("0301".into(), Override::Lock(99_999))), "overrides"),
        ];
        for (change, field) in cases {
            let mut s = imdi();
            change(&mut s);
            assert!(fields(&s).contains(&field.to_owned()), "{field}: {:?}", fields(&s));
        }
    }
}
