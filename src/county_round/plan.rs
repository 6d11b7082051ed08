//! The reconciled request as a normal plan: the scenario with every municipality locked at its final number
//! (the deviation's reason as the lock's note), so tables, exports and the explanation read it like any plan.

use super::deviation::Deviation;
use super::reconcile::{CountyState, Reconciled};
use crate::data::Dataset;
use crate::lang::Lang;
use crate::scenario::{Override, Scenario};

pub fn final_scenario(dataset: &Dataset, scenario: &Scenario, reconciled: &Reconciled, lang: Lang) -> Scenario {
    let mut s = scenario.clone();
    s.name = format!("{} — {}", scenario.name, lang.pick("etter fylkesrunden", "after the county round"));
    s.overrides = dataset
        .municipalities
        .iter()
        .zip(&reconciled.requests)
        .map(|(m, &v)| (m.code.clone(), Override::Lock(v)))
        .collect();
    s.override_notes = reconciled.deviations.iter().map(|d| (d.code.clone(), note(d, lang))).collect();
    // What each county recommended (the model's proposal where it did not answer is no recommendation).
    let answered = |m: &crate::data::Municipality| {
        reconciled.counties.iter().any(|c| c.code == m.county_code && c.state == CountyState::Received)
    };
    s.county_recommendations = dataset
        .municipalities
        .iter()
        .zip(&reconciled.starting)
        .filter(|(m, _)| answered(m))
        .map(|(m, &v)| (m.code.clone(), v))
        .collect();
    s.target.total = u32::try_from(reconciled.requests.iter().map(|&v| u64::from(v)).sum::<u64>()).unwrap_or(u32::MAX);
    s
}

/// A lock of a plan opened from the county round that is the round's own and says nothing to read one by one:
/// the county's number kept as it was, or the model's proposal where the county did not answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundLock {
    AsRecommended,
    CountyDidNotAnswer,
}

/// What the lock on `code` is, when it is one of the round's own (`None` for any other override: a deviation,
/// a lock with a note, a number set by hand since, an exclusion, or a plan not made in the round).
pub fn round_lock(dataset: &Dataset, scenario: &Scenario, code: &str) -> Option<RoundLock> {
    if scenario.county_recommendations.is_empty()
        || scenario.override_notes.get(code).is_some_and(|note| !note.trim().is_empty())
    {
        return None;
    }
    let Some(Override::Lock(value)) = scenario.overrides.get(code) else { return None };
    match scenario.county_recommendations.get(code) {
        Some(recommended) => (recommended == value).then_some(RoundLock::AsRecommended),
        None => {
            let county = &dataset.municipalities[dataset.index_of_code(code)?].county_code;
            let answered = dataset
                .municipalities
                .iter()
                .any(|m| &m.county_code == county && scenario.county_recommendations.contains_key(&m.code));
            (!answered).then_some(RoundLock::CountyDidNotAnswer)
        }
    }
}

/// "Anbefalt av fylket: 1 200; satt til 1 150 fordi tilpasset fylkets ramme."
pub fn note(d: &Deviation, lang: Lang) -> String {
    let n = |v: u32| crate::numfmt::integer(f64::from(v), lang);
    let (recommended, set) = (n(d.recommended), n(d.final_request));
    let (head, reason) = (crate::lang::Words::get(lang).recommended_by_county, d.reason.label(lang));
    match lang {
        Lang::Nb => format!("{head}: {recommended}; satt til {set} fordi {reason}."),
        Lang::En => format!("{head}: {recommended}; set to {set} because {reason}."),
    }
}
