//! Who may be asked: manual overrides, the immigrant-share ceiling, minimum population, missing data, caps.

use super::bounds::{BoundRule, band_bounds, caps as bound_caps};
use super::result::Reason;
use crate::data::Dataset;
use crate::scenario::{Override, Scenario};

/// A municipality's standing before any key is computed.
#[derive(Debug, Clone, PartialEq)]
pub enum Gate {
    /// Fixed by an override; `eligible` tells whether it passed the rules (and so has a key).
    Locked {
        value: u32,
        eligible: bool,
    },
    Excluded(Reason),
    /// Shares the open target; `include` means it is never dropped by the minimum-request rule.
    Open {
        include: bool,
    },
}

pub struct Gates {
    pub gates: Vec<Gate>,
    /// Per row, the largest request allowed (`None` = no cap).
    pub caps: Vec<Option<u32>>,
    /// Per row, the rule behind its cap.
    pub cap_rules: Vec<Option<BoundRule>>,
    /// Per row, its change band's lower end (0 for none).
    pub band_lower: Vec<u32>,
    /// Per row, its change band (lower, upper), where it has one.
    pub bands: Vec<Option<(u32, u32)>>,
}

/// `criterion_values` holds, per criterion with a column, its filled values; a `None` cell left after filling
/// means the policy excludes the municipality.
pub fn gates(dataset: &Dataset, scenario: &Scenario, criterion_values: &[(&str, &[Option<f64>])]) -> Gates {
    let rules = &scenario.rules;
    let ceiling_values = rules
        .immigrant_share_ceiling
        .and_then(|c| dataset.column(&rules.immigrant_share_column).map(|col| (c, &col.values)));
    let n = dataset.len();
    let bands = band_bounds(dataset, rules, super::start::band_scale(dataset, scenario));
    let capped = bound_caps(dataset, rules, &bands);
    let mut gates = Vec::with_capacity(n);
    for (i, m) in dataset.municipalities.iter().enumerate() {
        let cap = capped[i].map(|(c, _)| c);
        // A band's lower end keeps the row asked, like an inclusion, whatever its cap.
        let banded = bands[i].is_some_and(|(lo, _)| lo > 0);

        let manual = scenario.overrides.get(&m.code).copied();
        let include = manual == Some(Override::Include);
        let rule_reason = if let Some((ceiling, values)) = ceiling_values
            && let Some(share) = values[i]
            && share > ceiling
            && !include
        {
            Some(Reason::AboveImmigrantShareCeiling { share, ceiling })
        } else if let Some(min) = rules.min_population
            && m.population < f64::from(min)
            && !include
        {
            Some(Reason::BelowMinPopulation { population: m.population, min })
        } else {
            criterion_values
                .iter()
                .find(|(_, values)| values[i].is_none())
                .map(|(column, _)| Reason::MissingData { column: (*column).to_owned() })
        };
        let gate = match (manual, rule_reason) {
            (Some(Override::Lock(value)), reason) => Gate::Locked { value, eligible: reason.is_none() },
            (Some(Override::Exclude), _) => Gate::Excluded(Reason::ManuallyExcluded),
            (_, Some(reason)) => Gate::Excluded(reason),
            (_, None) => match cap {
                Some(cap) if cap < rules.min_request && !include && !banded => {
                    Gate::Excluded(Reason::CapBelowMinimum { cap, min_request: rules.min_request })
                }
                _ => Gate::Open { include },
            },
        };
        gates.push(gate);
    }
    Gates {
        gates,
        caps: capped.iter().map(|c| c.map(|(c, _)| c)).collect(),
        cap_rules: capped.iter().map(|c| c.map(|(_, r)| r)).collect(),
        band_lower: bands.iter().map(|b| b.map_or(0, |(lo, _)| lo)).collect(),
        bands,
    }
}
