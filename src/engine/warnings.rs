//! Doubts about a plan that is valid and can be allocated, but probably not what was meant: `check` lists them.

use std::collections::BTreeMap;

use crate::data::Dataset;
use crate::lang::Lang;
use crate::scenario::Scenario;

/// Every doubt, one sentence each, in a fixed order.
pub fn plan_warnings(scenario: &Scenario, dataset: &Dataset, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let population: f64 = dataset.municipalities.iter().map(|m| m.population).sum();
    if f64::from(scenario.target.total) > population {
        out.push(match lang {
            Lang::Nb => format!(
                "target.total: {} flyktninger er mer enn hele folketallet i datasettet {} ({population})",
                scenario.target.total, dataset.id
            ),
            Lang::En => format!(
                "target.total: {} refugees is more than the whole population of the dataset {} ({population})",
                scenario.target.total, dataset.id
            ),
        });
    }
    let mut names: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for m in dataset.municipalities.iter() {
        let seen = names.entry(m.county_code.as_str()).or_default();
        if !seen.contains(&m.county_name.as_str()) {
            seen.push(&m.county_name);
        }
    }
    for (code, list) in names.iter().filter(|(_, l)| l.len() > 1) {
        let quoted: Vec<String> = list.iter().map(|n| format!("{n:?}")).collect();
        out.push(match lang {
            Lang::Nb => format!(
                "datasettet {}: fylke {code} har {} navn ({}); fylkessummene går etter nummer",
                dataset.id,
                list.len(),
                quoted.join(", ")
            ),
            Lang::En => format!(
                "dataset {}: county {code} has {} names ({}); county totals are by code",
                dataset.id,
                list.len(),
                quoted.join(", ")
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imdi() -> (Scenario, Dataset) {
        let text = include_str!("../../scenarios/imdi-2020.ron");
        let scenario = crate::scenario::parse_scenario(text, "imdi").unwrap();
        (scenario, crate::data::embedded_dataset("norway-2020").unwrap())
    }

    #[test]
    fn a_sound_plan_has_no_warnings() {
        let (s, d) = imdi();
        assert_eq!(plan_warnings(&s, &d, Lang::En), Vec::<String>::new());
    }

    #[test]
    fn a_target_beyond_the_population_and_a_county_with_two_names_are_named() {
        let (mut s, d) = imdi();
        let mut file = crate::data::to_file(&d);
        file.rows.truncate(3);
        file.rows[1].county_code = file.rows[0].county_code.clone();
        file.rows[1].county_name = "Something else".into();
        let text = crate::fileio::to_ron_pretty(&file, 2).unwrap();
        let small = crate::data::parse_dataset(&text, "small").unwrap();
        let population: f64 = small.municipalities.iter().map(|m| m.population).sum();
        s.target.total = population as u32 + 1;
        let w = plan_warnings(&s, &small, Lang::En);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with(&format!("target.total: {} refugees is more than the whole population", s.target.total))
        );
        assert_eq!(
            w[1],
            format!(
                "dataset norway-2020: county {} has 2 names ({:?}, \"Something else\"); county totals are by code",
                file.rows[0].county_code, file.rows[0].county_name
            )
        );
    }
}
