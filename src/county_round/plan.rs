//! The reconciled request as a normal plan: the scenario with every municipality locked at its final number
//! (the deviation's reason as the lock's note), so tables, exports and the explanation read it like any plan.

use super::deviation::Deviation;
use super::reconcile::Reconciled;
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
    s.target.total = u32::try_from(reconciled.requests.iter().map(|&v| u64::from(v)).sum::<u64>()).unwrap_or(u32::MAX);
    s
}

/// "Anbefalt av fylket: 1 200; satt til 1 150 fordi tilpasset fylkets ramme."
pub fn note(d: &Deviation, lang: Lang) -> String {
    let n = |v: u32| crate::numfmt::integer(f64::from(v), lang);
    match lang {
        Lang::Nb => format!(
            "Anbefalt av fylket: {}; satt til {} fordi {}.",
            n(d.recommended),
            n(d.final_request),
            d.reason.label(lang)
        ),
        Lang::En => format!(
            "Recommended by the county: {}; set to {} because {}.",
            n(d.recommended),
            n(d.final_request),
            d.reason.label(lang)
        ),
    }
}
