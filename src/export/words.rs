//! Scenario settings in plain words, for the summary and the parameter sheet.

use crate::data::Dataset;
use crate::lang::Lang;
use crate::numfmt;
use crate::scenario::{DatasetRef, Override, Scenario};

/// A number without trailing zeros: 30 → "30", 27.5 → "27,5" (bokmål), at most two decimals.
pub fn short_number(value: f64, lang: Lang) -> String {
    let text = numfmt::decimal(value, 2, lang);
    let point = if lang == Lang::Nb { ',' } else { '.' };
    match text.split_once(point) {
        Some((int, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() { int.to_owned() } else { format!("{int}{point}{frac}") }
        }
        None => text,
    }
}

/// The label of a totals row or column.
pub fn total(lang: Lang) -> &'static str {
    lang.pick("I alt", "Total")
}

pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    if value { lang.pick("ja", "yes") } else { lang.pick("nei", "no") }
}

pub fn none(lang: Lang) -> &'static str {
    lang.pick("ingen", "none")
}

pub fn dataset_ref(r: &DatasetRef, lang: Lang) -> String {
    match r {
        DatasetRef::Embedded(id) => format!("{}: {id}", lang.pick("innebygd", "embedded")),
        DatasetRef::File(path) => format!("{}: {path}", lang.pick("fil", "file")),
    }
}

/// A column's label in the chosen language, or its id when the dataset lacks it.
pub fn column_label(dataset: &Dataset, id: &str, lang: Lang) -> String {
    dataset.column(id).map_or_else(|| id.to_owned(), |c| lang.pick(&c.meta.label.nb, &c.meta.label.en).to_owned())
}

/// Every rule of the scenario as one sentence each, in the order the model applies them.
pub fn rules_in_words(dataset: &Dataset, scenario: &Scenario, lang: Lang) -> Vec<String> {
    let rules = &scenario.rules;
    let n = |v: f64| short_number(v, lang);
    let mut out = Vec::new();
    out.push(match lang {
        Lang::Nb => format!("Størrelsesnøkkel: folketall opphøyd i {}", n(scenario.size_exponent)),
        Lang::En => format!("Size key: population raised to the power {}", n(scenario.size_exponent)),
    });
    if let Some(ceiling) = rules.immigrant_share_ceiling {
        out.push(match lang {
            Lang::Nb => format!("Innvandrerandel over {} % får ingen", n(ceiling)),
            Lang::En => format!("Immigrant share above {} % gets none", n(ceiling)),
        });
    }
    if let Some(min) = rules.min_population {
        let min = numfmt::integer(f64::from(min), lang);
        out.push(match lang {
            Lang::Nb => format!("Kommuner med færre enn {min} innbyggere anmodes ikke"),
            Lang::En => format!("Municipalities with fewer than {min} residents are not asked"),
        });
    }
    out.push(format!("{}: {}", lang.pick("Minste anmodning", "Minimum request"), rules.min_request));
    if let Some(max) = rules.max_per_1000 {
        out.push(match lang {
            Lang::Nb => format!("Høyst {} per 1000 innbyggere", n(max)),
            Lang::En => format!("At most {} per 1,000 residents", n(max)),
        });
    }
    if let Some(cap) = &rules.capacity_column {
        let label = column_label(dataset, cap, lang);
        out.push(match lang {
            Lang::Nb => format!("Ingen anmodning over kapasiteten i «{label}»"),
            Lang::En => format!("No request above the capacity in “{label}”"),
        });
    }
    out.push(match lang {
        Lang::Nb => format!("Enslige mindreårige bare til kommuner anmodet om minst {}", rules.minors_threshold),
        Lang::En => {
            format!("Unaccompanied minors only to municipalities asked for at least {}", rules.minors_threshold)
        }
    });
    if scenario.county_first {
        out.push(
            lang.pick(
                "Fordelt på fylker først, så innen hvert fylke",
                "Split across counties first, then within each county",
            )
            .to_owned(),
        );
    }
    out.push(format!("{}: {}", lang.pick("Avrunding", "Rounding"), scenario.rounding.label(lang)));
    if !scenario.overrides.is_empty() {
        let count = |f: fn(&Override) -> bool| scenario.overrides.values().filter(|o| f(o)).count();
        let (excluded, included, locked) = (
            count(|o| matches!(o, Override::Exclude)),
            count(|o| matches!(o, Override::Include)),
            count(|o| matches!(o, Override::Lock(_))),
        );
        out.push(match lang {
            Lang::Nb => format!("Manuelle valg: {excluded} utelatt, {included} tatt med, {locked} låst"),
            Lang::En => format!("Manual decisions: {excluded} excluded, {included} included, {locked} locked"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;
    use crate::export::test_data;

    #[test]
    fn short_numbers() {
        assert_eq!(short_number(30.0, Lang::Nb), "30");
        assert_eq!(short_number(27.5, Lang::Nb), "27,5");
        assert_eq!(short_number(0.25, Lang::En), "0.25");
        assert_eq!(short_number(1500.0, Lang::En), "1,500");
    }

    #[test]
    fn rules_read_as_sentences() {
        let dataset = embedded_dataset("norway-2020").unwrap();
        let scenario = test_data::imdi_2020();
        let nb = rules_in_words(&dataset, &scenario, Lang::Nb);
        assert!(nb.contains(&"Innvandrerandel over 30 % får ingen".to_owned()), "{nb:?}");
        assert!(nb.contains(&"Minste anmodning: 10".to_owned()));
        assert!(nb.contains(&"Avrunding: Sainte-Laguë".to_owned()));
        let en = rules_in_words(&dataset, &scenario, Lang::En);
        assert!(en.contains(&"Immigrant share above 30 % gets none".to_owned()), "{en:?}");
        assert!(en.contains(&"Minimum request: 10".to_owned()));
    }
}
