//! Revising a sent request to a new target, when the forecast changes.
//!
//! Proportional (IMDi's 2020 practice): the asked set is kept, the sent request is the key, nobody goes below
//! the minimum request (`below_minimum: floor`), decisions already made can be kept as locks, and the result is
//! whole numbers summing exactly to the new target. Criteria: the scenario's own keys at the new target, with
//! the sent request as a bound — nobody gets less than sent when the target grows, nobody more (and no one new)
//! when it shrinks.

use super::{FollowUpError, column_counts};
use crate::data::Dataset;
use crate::engine::{Allocation, allocate};
use crate::scenario::{
    BelowMinimum, ChangeBand, Criterion, CriterionId, MissingPolicy, Override, Rules, Scenario, Target,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviseMode {
    #[default]
    Proportional,
    Criteria,
}

impl ReviseMode {
    pub const ALL: [ReviseMode; 2] = [ReviseMode::Proportional, ReviseMode::Criteria];

    pub fn cli_name(self) -> &'static str {
        match self {
            ReviseMode::Proportional => "proportional",
            ReviseMode::Criteria => "criteria",
        }
    }

    pub fn from_cli_name(s: &str) -> Option<ReviseMode> {
        ReviseMode::ALL.into_iter().find(|m| m.cli_name() == s)
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            ReviseMode::Proportional => lang.pick("forholdsmessig (som IMDi 2020)", "proportional (IMDi 2020)"),
            ReviseMode::Criteria => lang.pick("etter kriteriene", "by the criteria"),
        }
    }
}

/// The scenario whose allocation is the revision of the request in column `from` to `target`. `keep`, per
/// dataset row, holds decisions to keep as they are (`None`: not decided, revised like the rest).
pub fn revision_scenario(
    dataset: &Dataset,
    scenario: &Scenario,
    from: &str,
    target: u32,
    keep: Option<&[Option<u32>]>,
    mode: ReviseMode,
) -> Result<Scenario, FollowUpError> {
    let request = column_counts(dataset, from)?;
    let sent: u64 = request.iter().flatten().map(|&r| u64::from(r)).sum();
    if sent == 0 {
        return Err(FollowUpError::EmptyRequest { column: from.to_owned() });
    }
    let grows = u64::from(target) >= sent;
    // The asked set is kept (proportional) or not widened (criteria, falling): a kept decision of a
    // municipality that was not asked would ask it.
    if let Some(keep) = keep
        && (mode == ReviseMode::Proportional || !grows)
    {
        let outside: Vec<String> = dataset
            .municipalities
            .iter()
            .zip(keep.iter().zip(&request))
            .filter(|(_, (d, r))| d.is_some_and(|d| d > 0) && r.unwrap_or(0) == 0)
            .map(|(m, (d, _))| format!("{} ({}) {}", m.name, m.code, d.unwrap_or(0)))
            .collect();
        if !outside.is_empty() {
            return Err(FollowUpError::KeptOutsideAsked { column: from.to_owned(), list: outside.join(", ") });
        }
    }
    let mut s = match mode {
        ReviseMode::Proportional => Scenario {
            criteria: vec![Criterion {
                id: CriterionId::Continuity,
                weight: 1.0,
                column: Some(from.to_owned()),
                missing: Some(MissingPolicy::Zero),
            }],
            size_exponent: 1.0,
            rules: Rules {
                min_request: scenario.rules.min_request,
                minors_threshold: scenario.rules.minors_threshold,
                immigrant_share_column: scenario.rules.immigrant_share_column.clone(),
                below_minimum: BelowMinimum::Floor,
                ..Rules::default()
            },
            overrides: Default::default(),
            county_first: false,
            ..scenario.clone()
        },
        ReviseMode::Criteria => {
            let mut s = scenario.clone();
            let (lower, upper) = if grows { (1.0, f64::INFINITY) } else { (0.0, 1.0) };
            // The sent request bounds one way, the scenario's own band (if any) both ways: the tighter of each.
            s.rules.change_band = Some(match &scenario.rules.change_band {
                None => ChangeBand { column: from.to_owned(), lower, upper },
                Some(own) if own.column == from => {
                    ChangeBand { column: from.to_owned(), lower: own.lower.max(lower), upper: own.upper.min(upper) }
                }
                Some(own) => {
                    return Err(FollowUpError::BandOnOtherColumn { band: own.column.clone(), from: from.to_owned() });
                }
            });
            if !grows {
                for (m, r) in dataset.municipalities.iter().zip(&request) {
                    if r.unwrap_or(0) == 0 {
                        s.overrides.insert(m.code.clone(), Override::Exclude);
                    }
                }
            }
            s
        }
    };
    s.name = format!("{} — revidert til {target}", scenario.name);
    s.target = Target { total: target, minors: 0, resettlement: 0 };
    // A revision is of the sent request, whatever the plan started from: its bands are around the request as
    // sent, not scaled to the new target.
    s.start = None;
    if s.rules.below_minimum == BelowMinimum::FloorStartAsked {
        // Without the start there is no start's asked set; the band around the sent request keeps it.
        s.rules.below_minimum = BelowMinimum::Drop;
    }
    s.reference_column = Some(from.to_owned());
    if let Some(keep) = keep {
        let mut kept = 0u64;
        for (m, d) in dataset.municipalities.iter().zip(keep) {
            if let Some(d) = d {
                s.overrides.insert(m.code.clone(), Override::Lock(*d));
                kept += u64::from(*d);
            }
        }
        if kept > u64::from(target) {
            return Err(FollowUpError::DecisionsAboveTarget { kept, target });
        }
    }
    Ok(s)
}

/// The revised request: an allocation that sums exactly to `target`.
pub fn revise(
    dataset: &Dataset,
    scenario: &Scenario,
    from: &str,
    target: u32,
    keep: Option<&[Option<u32>]>,
    mode: ReviseMode,
) -> Result<(Scenario, Allocation), FollowUpError> {
    let s = revision_scenario(dataset, scenario, from, target, keep, mode)?;
    let a = allocate(dataset, &s).map_err(|cause| match mode {
        // The bound the revision added is named, so "the caps" are not a mystery.
        ReviseMode::Criteria => FollowUpError::RevisionBounded { column: from.to_owned(), cause },
        ReviseMode::Proportional => FollowUpError::Allocation(cause),
    })?;
    Ok((s, a))
}
