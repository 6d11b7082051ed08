//! Checks a scenario against its dataset and lists every problem, each naming the field.

use crate::data::Dataset;
use crate::lang::Lang;
use crate::scenario::{CriterionId, Override, Scenario, Target};

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The scenario field, e.g. `criteria[2].column` or `overrides["0999"]`.
    pub field: String,
    pub kind: ProblemKind,
}

impl Problem {
    /// What is wrong, without the field, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.kind.to_string(),
            Lang::Nb => self.kind.bokmål(),
        }
    }

    /// `field: message` in the user's language.
    pub fn line(&self, lang: Lang) -> String {
        format!("{}: {}", self.field, self.message(lang))
    }
}

/// English, as the engine's errors are: `AllocError::Invalid` lists these.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.kind)
    }
}

/// A number as the scenario holds it. Two are equal when they are the same number, NaN included, so the same
/// problem found twice compares equal.
#[derive(Debug, Clone, Copy)]
pub struct Number(pub f64);

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Number {
    /// With a decimal comma, for bokmål: `0,5`, `NaN`, `inf`.
    fn bokmål(self) -> String {
        self.0.to_string().replace('.', ",")
    }
}

/// What is wrong with a field. The English text is the `Display`; [`Problem::message`] gives either language.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    #[error("{minors} minors is more than the total target {total}")]
    MinorsAboveTotal { minors: u32, total: u32 },
    #[error("{resettlement} resettlement refugees is more than the total target {total}")]
    ResettlementAboveTotal { resettlement: u32, total: u32 },
    #[error("{0} must be above 0 and at most 1")]
    ExponentOutOfRange(Number),
    #[error("at least one criterion is needed")]
    NoCriteria,
    #[error("criterion {0} appears twice")]
    DuplicateCriterion(&'static str),
    #[error("{0} must be a number of at least 0")]
    BelowZero(Number),
    #[error("{0} must be a number above 0")]
    NotAboveZero(Number),
    #[error("the size criterion uses population and takes no column")]
    SizeTakesNoColumn,
    #[error("criterion {0} needs an indicator column")]
    NeedsColumn(&'static str),
    #[error("the dataset {dataset} has no column {column:?}")]
    UnknownColumn { dataset: String, column: String },
    #[error("all weights are zero; give at least one criterion a weight")]
    AllWeightsZero,
    #[error("the weights are too large to add up; use percentages")]
    WeightsTooLarge,
    #[error("{0} must be a percentage from 0 to 100")]
    NotAPercentage(Number),
    #[error("the lower factor {lower} is above the upper factor {upper}")]
    BandInverted { lower: Number, upper: Number },
    #[error("no municipality {code} in the dataset {dataset}")]
    UnknownMunicipality { code: String, dataset: String },
    #[error("locked numbers sum to {locked}, more than the target {total}")]
    LocksAboveTarget { locked: u64, total: u32 },
    #[error("{0} must be a number from 0 to 1")]
    NotAShare(Number),
    #[error("the column {0:?} has no positive value to start from")]
    EmptyStart(String),
    #[error("floor_start_asked needs a start (start: (column: ..., criteria_share: ...))")]
    NeedsStart,
}

impl ProblemKind {
    fn bokmål(&self) -> String {
        let n = |v: &Number| v.bokmål();
        match self {
            ProblemKind::MinorsAboveTotal { minors, total } => {
                format!("{minors} enslige mindreårige er flere enn hele målet på {total}")
            }
            ProblemKind::ResettlementAboveTotal { resettlement, total } => {
                format!("{resettlement} overføringsflyktninger er flere enn hele målet på {total}")
            }
            ProblemKind::ExponentOutOfRange(v) => format!("{} må være over 0 og høyst 1", n(v)),
            ProblemKind::NoCriteria => "minst ett kriterium trengs".to_owned(),
            ProblemKind::DuplicateCriterion(key) => format!("kriteriet {key} står der to ganger"),
            ProblemKind::BelowZero(v) => format!("{} må være et tall på minst 0", n(v)),
            ProblemKind::NotAboveZero(v) => format!("{} må være et tall over 0", n(v)),
            ProblemKind::SizeTakesNoColumn => "størrelseskriteriet bruker folketallet og tar ingen kolonne".to_owned(),
            ProblemKind::NeedsColumn(key) => format!("kriteriet {key} trenger en indikatorkolonne"),
            ProblemKind::UnknownColumn { dataset, column } => {
                format!("datasettet {dataset} har ingen kolonne {column:?}")
            }
            ProblemKind::AllWeightsZero => "alle vektene er null; gi minst ett kriterium en vekt".to_owned(),
            ProblemKind::WeightsTooLarge => "vektene er for store til å legges sammen; bruk prosenter".to_owned(),
            ProblemKind::NotAPercentage(v) => format!("{} må være en prosent fra 0 til 100", n(v)),
            ProblemKind::BandInverted { lower, upper } => {
                format!("den nedre faktoren {} er over den øvre faktoren {}", n(lower), n(upper))
            }
            ProblemKind::UnknownMunicipality { code, dataset } => {
                format!("ingen kommune {code} i datasettet {dataset}")
            }
            ProblemKind::LocksAboveTarget { locked, total } => {
                format!("de låste tallene blir til sammen {locked}, mer enn målet på {total}")
            }
            ProblemKind::NotAShare(v) => format!("{} må være et tall fra 0 til 1", n(v)),
            ProblemKind::EmptyStart(column) => format!("kolonnen {column:?} har ingen positiv verdi å starte fra"),
            ProblemKind::NeedsStart => {
                "floor_start_asked trenger en start (start: (column: ..., criteria_share: ...))".to_owned()
            }
        }
    }
}

/// Every problem that stops the scenario from being allocated on this dataset.
pub fn validate(scenario: &Scenario, dataset: &Dataset) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut add = |field: String, kind: ProblemKind| problems.push(Problem { field, kind });
    let unknown_column =
        |column: &str| ProblemKind::UnknownColumn { dataset: dataset.id.clone(), column: column.to_owned() };
    let t = scenario.target;
    target_parts(t).into_iter().for_each(|p| add(p.field, p.kind));
    let a = scenario.size_exponent;
    if !(a.is_finite() && a > 0.0 && a <= 1.0) {
        add("size_exponent".into(), ProblemKind::ExponentOutOfRange(Number(a)));
    }
    if scenario.criteria.is_empty() {
        add("criteria".into(), ProblemKind::NoCriteria);
    }
    for (i, c) in scenario.criteria.iter().enumerate() {
        let field = |f: &str| format!("criteria[{i}].{f}");
        if scenario.criteria[..i].iter().any(|o| o.id == c.id) {
            add(field("id"), ProblemKind::DuplicateCriterion(c.id.key()));
        }
        if !(c.weight.is_finite() && c.weight >= 0.0) {
            add(field("weight"), ProblemKind::BelowZero(Number(c.weight)));
        }
        match (&c.column, c.id) {
            (Some(_), CriterionId::Size) => add(field("column"), ProblemKind::SizeTakesNoColumn),
            (None, CriterionId::Size) => {}
            (None, id) => add(field("column"), ProblemKind::NeedsColumn(id.key())),
            (Some(col), _) if dataset.column(col).is_none() => add(field("column"), unknown_column(col)),
            _ => {}
        }
    }
    if !scenario.criteria.is_empty()
        && scenario.criteria.iter().all(|c| c.weight.is_finite() && c.weight >= 0.0)
        && scenario.criteria.iter().all(|c| c.weight == 0.0)
    {
        add("criteria".into(), ProblemKind::AllWeightsZero);
    }
    let weight_sum: f64 = scenario.criteria.iter().map(|c| c.weight).sum();
    if scenario.criteria.iter().all(|c| c.weight.is_finite()) && !weight_sum.is_finite() {
        add("criteria".into(), ProblemKind::WeightsTooLarge);
    }
    let r = &scenario.rules;
    if let Some(ceiling) = r.immigrant_share_ceiling {
        if !(ceiling.is_finite() && (0.0..=100.0).contains(&ceiling)) {
            add("rules.immigrant_share_ceiling".into(), ProblemKind::NotAPercentage(Number(ceiling)));
        }
        if dataset.column(&r.immigrant_share_column).is_none() {
            add("rules.immigrant_share_column".into(), unknown_column(&r.immigrant_share_column));
        }
    }
    if let Some(max) = r.max_per_1000
        && !(max.is_finite() && max > 0.0)
    {
        add("rules.max_per_1000".into(), ProblemKind::NotAboveZero(Number(max)));
    }
    if let Some(col) = &r.capacity_column
        && dataset.column(col).is_none()
    {
        add("rules.capacity_column".into(), unknown_column(col));
    }
    if let Some(band) = &r.change_band {
        if dataset.column(&band.column).is_none() {
            add("rules.change_band.column".into(), unknown_column(&band.column));
        }
        if !(band.lower.is_finite() && band.lower >= 0.0) {
            add("rules.change_band.lower".into(), ProblemKind::BelowZero(Number(band.lower)));
        }
        // An infinite upper factor (`inf`) means no upper end.
        if band.upper.is_nan() || band.upper <= 0.0 {
            add("rules.change_band.upper".into(), ProblemKind::NotAboveZero(Number(band.upper)));
        } else if band.lower.is_finite() && band.lower > band.upper {
            add(
                "rules.change_band".into(),
                ProblemKind::BandInverted { lower: Number(band.lower), upper: Number(band.upper) },
            );
        }
    }
    match &scenario.start {
        Some(start) => {
            match dataset.column(&start.column) {
                None => add("start.column".into(), unknown_column(&start.column)),
                Some(c) if !c.values.iter().flatten().any(|v| v.is_finite() && *v > 0.0) => {
                    add("start.column".into(), ProblemKind::EmptyStart(start.column.clone()))
                }
                Some(_) => {}
            }
            if !(0.0..=1.0).contains(&start.criteria_share) {
                add("start.criteria_share".into(), ProblemKind::NotAShare(Number(start.criteria_share)));
            }
        }
        None if r.below_minimum == crate::scenario::BelowMinimum::FloorStartAsked => {
            add("rules.below_minimum".into(), ProblemKind::NeedsStart)
        }
        None => {}
    }
    if let Some(col) = &scenario.reference_column
        && dataset.column(col).is_none()
    {
        add("reference_column".into(), unknown_column(col));
    }
    let mut locked: u64 = 0;
    for (code, o) in &scenario.overrides {
        if dataset.index_of_code(code).is_none() {
            add(
                format!("overrides[{code:?}]"),
                ProblemKind::UnknownMunicipality { code: code.clone(), dataset: dataset.id.clone() },
            );
        }
        if let Override::Lock(n) = o {
            locked += u64::from(*n);
        }
    }
    locks_above(locked, t).into_iter().for_each(|p| add(p.field, p.kind));
    problems
}

/// The problems of [`validate`] that depend on the target, in its order, for a scenario whose locks sum to
/// `locked` and that is valid otherwise.
pub(crate) fn target_problems(target: Target, locked: u64) -> Vec<Problem> {
    let mut problems = target_parts(target);
    problems.extend(locks_above(locked, target));
    problems
}

/// Parts of the target larger than the whole.
fn target_parts(t: Target) -> Vec<Problem> {
    let mut problems = Vec::new();
    if t.minors > t.total {
        problems.push(Problem {
            field: "target.minors".into(),
            kind: ProblemKind::MinorsAboveTotal { minors: t.minors, total: t.total },
        });
    }
    if t.resettlement > t.total {
        problems.push(Problem {
            field: "target.resettlement".into(),
            kind: ProblemKind::ResettlementAboveTotal { resettlement: t.resettlement, total: t.total },
        });
    }
    problems
}

fn locks_above(locked: u64, t: Target) -> Option<Problem> {
    (locked > u64::from(t.total))
        .then(|| Problem { field: "overrides".into(), kind: ProblemKind::LocksAboveTarget { locked, total: t.total } })
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
            for p in validate(&s, &embedded_dataset("norway-2020").unwrap()) {
                assert_ne!(p.message(Lang::Nb), p.message(Lang::En), "{field}: a bokmål text of its own");
            }
        }
    }

    #[test]
    fn messages_in_both_languages() {
        let mut s = imdi();
        s.size_exponent = 1.5;
        s.criteria[1].column = Some("x".into());
        s.overrides.insert("9999".into(), Override::Exclude);
        let problems = validate(&s, &embedded_dataset("norway-2020").unwrap());
        let lines = |lang| problems.iter().map(|p| p.line(lang)).collect::<Vec<_>>();
        assert_eq!(
            lines(Lang::En),
            [
                "size_exponent: 1.5 must be above 0 and at most 1",
                "criteria[1].column: the dataset norway-2020 has no column \"x\"",
                "overrides[\"9999\"]: no municipality 9999 in the dataset norway-2020",
            ]
        );
        assert_eq!(lines(Lang::En), problems.iter().map(ToString::to_string).collect::<Vec<_>>());
        assert_eq!(
            lines(Lang::Nb),
            [
                "size_exponent: 1,5 må være over 0 og høyst 1",
                "criteria[1].column: datasettet norway-2020 har ingen kolonne \"x\"",
                "overrides[\"9999\"]: ingen kommune 9999 i datasettet norway-2020",
            ]
        );
    }
}
