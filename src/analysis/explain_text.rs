//! An explanation in plain sentences, in bokmål or English, for a briefing note or a tooltip.

use crate::data::Dataset;
use crate::engine::{Allocation, TieStage};
use crate::lang::Lang;
use crate::numfmt;
use crate::scenario::{CriterionId, Scenario};

use super::explain::{Explanation, Step, StepKind};
use super::words::{share, short, signed, small_share, unit};

/// The lock's note as a sentence (a full stop added when it has none); without one, in a plan made in the
/// county round, what the county recommended.
fn lock_note(scenario: &Scenario, dataset: &Dataset, row: usize, lang: Lang) -> Option<String> {
    let code = &dataset.municipalities.get(row)?.code;
    match scenario.override_notes.get(code).map(|n| n.trim()).filter(|n| !n.is_empty()) {
        Some(note) => Some(if note.ends_with(['.', '!', '?']) { note.to_owned() } else { format!("{note}.") }),
        None => scenario.county_recommendations.get(code).map(|&v| {
            let head = crate::lang::Words::get(lang).recommended_by_county;
            format!("{head}: {}.", numfmt::integer(f64::from(v), lang))
        }),
    }
}

/// One sentence per step (and a few for context), ending with the request: "Anmodning: 74.".
pub fn explain_sentences(
    e: &Explanation,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
) -> Vec<String> {
    let d1 = |v: f64| numfmt::decimal(v, 1, lang);
    let int = |v: f64| numfmt::integer(v, lang);
    let mut out = Vec::new();
    let contributions = e.steps.iter().filter(|s| matches!(s.kind, StepKind::Contribution(_))).count();
    if contributions > 0 && allocation.open_target < allocation.target {
        let locked = f64::from(allocation.target - allocation.open_target);
        out.push(match lang {
            Lang::Nb => format!(
                "Låste kommuner tar {} av målet på {}; de andre deler {}.",
                int(locked),
                int(f64::from(allocation.target)),
                int(f64::from(allocation.open_target))
            ),
            Lang::En => format!(
                "Locked municipalities take {} of the target of {}; the others share {}.",
                int(locked),
                int(f64::from(allocation.target)),
                int(f64::from(allocation.open_target))
            ),
        });
    }
    if let Some(line) = super::explain_start::start_summary(e, allocation, lang) {
        // The two parts first, as one line an analyst can quote.
        let mut chars = line.chars();
        out.push(chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect()) + ".");
    }
    let mut before = 0.0;
    for (i, step) in e.steps.iter().enumerate() {
        match &step.kind {
            StepKind::Start => out.push(start_sentence(e, scenario, dataset, step.running, lang)),
            StepKind::CriteriaMove => out.push(match lang {
                Lang::Nb => format!(
                    "Kriteriene flytter den med {} (de har {} av nøkkelen) til {} før tak og bortfall.",
                    signed(step.delta, lang),
                    share(scenario.start.as_ref().map_or(1.0, |s| s.criteria_share), lang),
                    d1(step.running)
                ),
                Lang::En => format!(
                    "The criteria move it by {} (they hold {} of the key) to {} before caps and drops.",
                    signed(step.delta, lang),
                    share(scenario.start.as_ref().map_or(1.0, |s| s.criteria_share), lang),
                    d1(step.running)
                ),
            }),
            StepKind::Contribution(id) => {
                out.push(contribution(e, *id, step, dataset, scenario, allocation, lang));
                let last = !matches!(e.steps.get(i + 1).map(|s| &s.kind), Some(StepKind::Contribution(_)));
                if last && contributions > 1 {
                    out.push(match lang {
                        Lang::Nb => format!("Til sammen {} før tak og bortfall.", d1(step.running)),
                        Lang::En => format!("Together {} before caps and drops.", d1(step.running)),
                    });
                }
            }
            StepKind::Locked => {
                out.push(match lang {
                    Lang::Nb => format!("Låst til {} ved overstyring.", int(step.running)),
                    Lang::En => format!("Locked to {} by an override.", int(step.running)),
                });
                // Why it was locked, as the analyst (or the county round) wrote it.
                if let Some(why) = lock_note(scenario, dataset, e.row, lang) {
                    out.push(why);
                }
            }
            StepKind::Excluded(reason) => out.push(match lang {
                Lang::Nb => format!("Ikke anmodet: {}.", reason.message(lang)),
                Lang::En => format!("Not asked: {}.", reason.message(lang)),
            }),
            StepKind::Cap => out.push(match (lang, allocation.rows[e.row].cap_rule) {
                (Lang::Nb, Some(rule)) => format!(
                    "Taket på {} ({}) holder den nede med {}.",
                    int(step.running),
                    rule.label(lang),
                    d1(-step.delta)
                ),
                (Lang::En, Some(rule)) => format!(
                    "The cap of {} ({}) holds it down by {}.",
                    int(step.running),
                    rule.label(lang),
                    d1(-step.delta)
                ),
                (Lang::Nb, None) => format!("Taket på {} holder den nede med {}.", int(step.running), d1(-step.delta)),
                (Lang::En, None) => format!("The cap of {} holds it down by {}.", int(step.running), d1(-step.delta)),
            }),
            StepKind::Floor(rule) => out.push(match lang {
                Lang::Nb => format!(
                    "Den nedre grensen på {} fra {} løfter den med {}.",
                    int(step.running),
                    rule.label(lang),
                    d1(step.delta)
                ),
                Lang::En => format!(
                    "The lower bound of {} from {} raises it by {}.",
                    int(step.running),
                    rule.label(lang),
                    d1(step.delta)
                ),
            }),
            StepKind::Redistribution => out.push(redistribution(step, scenario, allocation, lang)),
            StepKind::LockedElsewhere => out.push(match lang {
                Lang::Nb => format!(
                    "Låste kommuner tar sin del først, så andelen skaleres ned med {} til {}.",
                    d1(-step.delta),
                    d1(step.running)
                ),
                Lang::En => format!(
                    "Locked municipalities take their part first, so the share is scaled down by {} to {}.",
                    d1(-step.delta),
                    d1(step.running)
                ),
            }),
            StepKind::Dropped => out.push(match lang {
                Lang::Nb => format!(
                    "Andelen {} er under minste anmodning {}, så kommunen blir ikke anmodet.",
                    d1(before),
                    scenario.rules.min_request
                ),
                Lang::En => format!(
                    "The share {} is below the minimum request {}, so the municipality is not asked.",
                    d1(before),
                    scenario.rules.min_request
                ),
            }),
            StepKind::Rounding => {
                let method = scenario.rounding.label(lang);
                out.push(match lang {
                    Lang::Nb => format!("Avrunding med {method} gir {}.", signed(step.delta, lang)),
                    Lang::En => format!("Rounding with {method} gives {}.", signed(step.delta, lang)),
                });
                out.extend(ties(e, dataset, allocation, &[TieStage::Counties, TieStage::Rounding], lang));
            }
            StepKind::Minors => {
                let n = step.delta;
                out.push(match (lang, n == 1.0) {
                    (Lang::Nb, true) => "Av disse er 1 enslig mindreårig.".to_owned(),
                    (Lang::Nb, false) => format!("Av disse er {} enslige mindreårige.", int(n)),
                    (Lang::En, true) => "Of these, 1 is an unaccompanied minor.".to_owned(),
                    (Lang::En, false) => format!("Of these, {} are unaccompanied minors.", int(n)),
                });
                out.extend(ties(e, dataset, allocation, &[TieStage::Minors], lang));
            }
        }
        if step.kind != StepKind::Minors {
            before = step.running;
        }
    }
    out.push(match lang {
        Lang::Nb => format!("Anmodning: {}.", int(f64::from(e.allocation))),
        Lang::En => format!("Request: {}.", int(f64::from(e.allocation))),
    });
    out
}

/// "Utgangspunktet er Anmodning 2018: 20, skalert til ny ramme 19,1 (× 0,957)."
fn start_sentence(e: &Explanation, scenario: &Scenario, dataset: &Dataset, scaled: f64, lang: Lang) -> String {
    let column = scenario.start.as_ref().and_then(|s| dataset.column(&s.column));
    let label = column.map_or("", |c| lang.pick(&c.meta.label.nb, &c.meta.label.en));
    let value = column.and_then(|c| c.values.get(e.row).copied().flatten()).unwrap_or(0.0);
    match lang {
        Lang::Nb => format!(
            "Utgangspunktet er {label}: {}, skalert til ny ramme {}.",
            short(value, lang),
            numfmt::decimal(scaled, 1, lang)
        ),
        Lang::En => format!(
            "The start is {label}: {}, scaled to the new total {}.",
            short(value, lang),
            numfmt::decimal(scaled, 1, lang)
        ),
    }
}

/// "Størrelse (folketall) gir 31,2 (vekt 35 % × 0,61 % av nøkkelen; folketall 52 357)."
fn contribution(
    e: &Explanation,
    id: CriterionId,
    step: &Step,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
) -> String {
    let k = allocation.weights.iter().position(|(c, _)| *c == id).unwrap_or(0);
    let weight = allocation.weights.get(k).map_or(0.0, |(_, w)| *w);
    // The contributions of one criterion sum to w_k·scale over all rows, as its key sums to 1.
    let criterion_total: f64 = allocation.rows.iter().filter_map(|r| r.contributions.get(k)).sum();
    let key = if criterion_total > 0.0 { step.delta / criterion_total } else { 0.0 };
    let detail = indicator(e.row, k, dataset, scenario, allocation, lang);
    let (gives, weight_word, of_key) = match lang {
        Lang::Nb => ("gir", "vekt", "av nøkkelen"),
        Lang::En => ("gives", "weight", "of the key"),
    };
    format!(
        "{} {gives} {} ({weight_word} {} × {} {of_key}; {detail}).",
        id.label(lang),
        numfmt::decimal(step.delta, 1, lang),
        share(weight, lang),
        small_share(key, lang)
    )
}

/// The value behind a criterion for this municipality, and whether it was filled in for a missing cell.
fn indicator(
    row: usize,
    k: usize,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
) -> String {
    let population = dataset.municipalities.get(row).map_or(0.0, |m| m.population);
    let Some(column) = scenario.criteria.get(k).and_then(|c| c.column.as_deref()) else {
        let text = format!("{} {}", lang.pick("folketall", "population"), numfmt::integer(population, lang));
        return if scenario.size_exponent == 1.0 {
            text
        } else {
            let a = short_exponent(scenario.size_exponent, lang);
            format!("{text} {} {a}", lang.pick("opphøyd i", "raised to the power"))
        };
    };
    let Some(col) = dataset.column(column) else { return column.to_owned() };
    let name = lang.pick(&col.meta.label.nb, &col.meta.label.en);
    // The year tells which data a number comes from, unless the label already says it.
    let label = if name.contains(&col.meta.year) { name.to_owned() } else { format!("{name} {}", col.meta.year) };
    let value = |v: f64| format!("{} {}", short(v, lang), unit(&col.meta.unit, lang)).trim_end().to_owned();
    match (
        col.values.get(row).copied().flatten(),
        allocation.filled.iter().find(|f| f.row == row && *f.column == *column),
    ) {
        (_, Some(f)) => match lang {
            Lang::Nb => format!("{label}: mangler, satt til {} ({})", value(f.value), f.policy.label(lang)),
            Lang::En => format!("{label}: missing, set to {} ({})", value(f.value), f.policy.label(lang)),
        },
        (Some(v), None) => format!("{label}: {}", value(v)),
        (None, None) => format!("{label}: {}", lang.pick("mangler", "missing")),
    }
}

/// The size exponent with the decimals it has: 0,5 / 0,75.
fn short_exponent(a: f64, lang: Lang) -> String {
    let text = numfmt::decimal(a, 3, lang);
    text.trim_end_matches('0').to_owned()
}

fn redistribution(step: &Step, scenario: &Scenario, allocation: &Allocation, lang: Lang) -> String {
    let m = scenario.rules.min_request;
    let amount = numfmt::decimal(step.delta.abs(), 1, lang);
    let to = numfmt::decimal(step.running, 1, lang);
    let change = signed(step.delta, lang);
    if scenario.county_first {
        return match lang {
            Lang::Nb => format!(
                "Fordelingen først mellom fylkene, og tak og bortfall under minste anmodning ({m}) i fylket, \
                 endrer andelen med {change} til {to}."
            ),
            Lang::En => format!(
                "Splitting the target across counties first, and caps and drops below the minimum request ({m}) \
                 within the county, change the share by {change} to {to}."
            ),
        };
    }
    let caps = allocation.rows.iter().any(|r| r.cap.is_some());
    let up = step.delta > 0.0;
    match (lang, caps) {
        (Lang::Nb, true) => format!(
            "Andre kommuners tak og bortfall under minste anmodning ({m}) {} andelen med {amount} til {to}.",
            if up { "øker" } else { "senker" }
        ),
        (Lang::Nb, false) => format!(
            "Bortfallet av kommuner under minste anmodning ({m}) {} andelen med {amount} til {to}.",
            if up { "øker" } else { "senker" }
        ),
        (Lang::En, true) => format!(
            "Other municipalities' caps and drops below the minimum request ({m}) {} the share by {amount} to {to}.",
            if up { "raise" } else { "lower" }
        ),
        (Lang::En, false) => format!(
            "Dropping the municipalities below the minimum request ({m}) {} the share by {amount} to {to}.",
            if up { "raises" } else { "lowers" }
        ),
    }
}

/// The reported ties of these stages that involve this municipality (or, for the county split, its county).
fn ties(e: &Explanation, dataset: &Dataset, allocation: &Allocation, stages: &[TieStage], lang: Lang) -> Vec<String> {
    let county = dataset.municipalities.get(e.row).map(|m| m.county_code.as_str());
    allocation
        .ties
        .iter()
        .filter(|t| stages.contains(&t.stage))
        .filter(|t| {
            let who = if t.stage == TieStage::Counties { county } else { Some(e.code.as_str()) };
            who.is_some_and(|w| t.contenders.iter().any(|c| c == w))
        })
        .map(|t| format!("{}.", t.message(lang)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::explain::explain;
    use crate::analysis::test_support::{example, examples};
    use crate::engine::{Reason, allocate};
    use crate::scenario::Override;

    fn sentences(name: &str, code: &str, lang: Lang) -> Vec<String> {
        let ex = example(name);
        let e = explain(&ex.dataset, &ex.scenario, &ex.allocation, ex.dataset.index_of_code(code).unwrap());
        explain_sentences(&e, &ex.dataset, &ex.scenario, &ex.allocation, lang)
    }

    #[test]
    fn bodo_in_both_languages() {
        let ex = example("imdi-2020.ron");
        let request = ex.allocation.rows[ex.dataset.index_of_code("1804").unwrap()].allocation;
        let nb = sentences("imdi-2020.ron", "1804", Lang::Nb);
        assert!(nb[0].starts_with("Størrelse (folketall) gir "), "{nb:?}");
        assert!(nb[0].contains("(vekt 35 % × ") && nb[0].contains(" av nøkkelen; folketall 52\u{a0}357"), "{nb:?}");
        assert!(nb[0].contains("opphøyd i 0,5)"), "{nb:?}");
        let labour = nb.iter().find(|s| s.starts_with("Arbeidsmarked gir ")).unwrap();
        assert!(labour.contains("Sysselsettingsrate (alle) 2013: 79,9 %"), "{labour}");
        assert!(nb.iter().any(|s| s.starts_with("Til sammen ")));
        assert!(nb.iter().any(|s| s.starts_with("Avrunding med Sainte-Laguë gir ")));
        assert_eq!(nb.last().unwrap(), &format!("Anmodning: {request}."));
        let en = sentences("imdi-2020.ron", "1804", Lang::En);
        assert!(en[0].starts_with("Size (population) gives ") && en[0].contains("(weight 35 % × "), "{en:?}");
        assert!(en.iter().any(|s| s.contains("Refugees settled, mean 2017–2019: 91 people/year")), "{en:?}");
        assert!(en.iter().any(|s| s.starts_with("Dropping the municipalities below the minimum request (10) raises")));
        assert_eq!(en.last().unwrap(), &format!("Request: {request}."));
    }

    #[test]
    fn every_row_has_sentences_that_end_with_the_request() {
        for ex in examples() {
            for row in (0..ex.dataset.len()).step_by(7) {
                let e = explain(&ex.dataset, &ex.scenario, &ex.allocation, row);
                for lang in [Lang::Nb, Lang::En] {
                    let s = explain_sentences(&e, &ex.dataset, &ex.scenario, &ex.allocation, lang);
                    assert!(s.len() >= 2, "{s:?}");
                    assert!(s.iter().all(|x| x.ends_with('.')), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn locks_caps_exclusions_and_drops_are_named() {
        let ex = example("imdi-2020.ron");
        let d = &ex.dataset;
        let mut s = ex.scenario.clone();
        s.overrides.insert("1804".into(), Override::Lock(60));
        s.overrides.insert("1103".into(), Override::Exclude);
        s.rules.max_per_1000 = Some(1.5);
        s.rules.immigrant_share_ceiling = Some(25.0);
        let a = allocate(d, &s).unwrap();
        let say = |code: &str| {
            let e = explain(d, &s, &a, d.index_of_code(code).unwrap());
            explain_sentences(&e, d, &s, &a, Lang::Nb)
        };
        assert_eq!(say("1804")[0], "Låst til 60 ved overstyring.");
        assert_eq!(say("1103")[0], "Ikke anmodet: utelatt manuelt.");
        assert!(say("0301")[0].starts_with("Ikke anmodet: innvandrerandel"));
        assert!(say("1101")[0].starts_with("Låste kommuner tar 60 av målet på 5\u{a0}120"));
        let capped = (0..d.len()).find(|&i| a.rows[i].cap.is_some_and(|c| f64::from(c) < a.rows[i].initial_quota));
        let text = say(&d.municipalities[capped.unwrap()].code);
        assert!(text.iter().any(|x| x.starts_with("Taket på ") && x.contains(" holder den nede med ")), "{text:?}");
        let a = &ex.allocation;
        let dropped = a.rows.iter().position(|r| matches!(r.reason(), Some(Reason::BelowMinimumRequest { .. })));
        let text = sentences("imdi-2020.ron", &d.municipalities[dropped.unwrap()].code, Lang::Nb);
        assert!(text.iter().any(|x| x.contains(" er under minste anmodning 10, så kommunen blir ikke anmodet.")));
        assert_eq!(text.last().unwrap(), "Anmodning: 0.");
    }
}
