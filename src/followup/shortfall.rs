//! The shortfall round (tilleggsanmodning): the places still missing, asked again of a chosen set.

use super::{Answer, FollowUp, FollowUpError, MunicipalityStatus};
use crate::data::Dataset;
use crate::engine::{Allocation, allocate};
use crate::lang::Lang;
use crate::scenario::{Override, Scenario, Target};

/// Who is asked again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Among {
    /// Said yes in full (decided at least the request).
    #[default]
    Yes,
    /// Decided more than asked.
    Above,
    /// Asked and not answered yet.
    Unanswered,
    /// Everyone the scenario's rules admit, except those who said no.
    AllButNo,
}

impl Among {
    pub const ALL: [Among; 4] = [Among::Yes, Among::Above, Among::Unanswered, Among::AllButNo];

    pub fn cli_name(self) -> &'static str {
        match self {
            Among::Yes => "yes",
            Among::Above => "above",
            Among::Unanswered => "unanswered",
            Among::AllButNo => "all-but-no",
        }
    }

    pub fn from_cli_name(s: &str) -> Option<Among> {
        Among::ALL.into_iter().find(|a| a.cli_name() == s)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (nb, en) = match self {
            Among::Yes => ("sa ja fullt ut", "said yes in full"),
            Among::Above => ("vedtok mer enn anmodet", "decided above the request"),
            Among::Unanswered => ("har ikke svart", "not answered"),
            Among::AllButNo => ("alle unntatt de som sa nei", "all but those who said no"),
        };
        lang.pick(nb, en)
    }

    pub fn admits(self, s: &MunicipalityStatus) -> bool {
        match self {
            Among::Yes => s.request > 0 && s.decision.is_some_and(|d| d >= s.request),
            Among::Above => s.decision.is_some_and(|d| d > s.request),
            Among::Unanswered => s.answer == Answer::NotAnswered,
            Among::AllButNo => s.answer != Answer::No,
        }
    }
}

/// The scenario of a shortfall round: the shortfall as its target (no minors), shared by the scenario's keys
/// and caps among the chosen set; everyone else — always those who said no — is excluded. Locks and a change
/// band belong to the first request and are left out; manual exclusions and inclusions stay. `sent_column`, the
/// dataset column of the sent request, becomes the plan's reference column, so tables and exports show the
/// additional requests beside what was first asked.
pub fn shortfall_scenario(
    dataset: &Dataset,
    scenario: &Scenario,
    follow_up: &FollowUp,
    among: Among,
    count_unanswered: bool,
    sent_column: Option<&str>,
) -> Result<Scenario, FollowUpError> {
    let shortfall = follow_up.shortfall(count_unanswered);
    let Ok(total @ 1..) = u32::try_from(shortfall) else {
        let decided = follow_up.national.decided;
        return Err(FollowUpError::NoShortfall { decided, target: follow_up.target });
    };
    let mut s = scenario.clone();
    s.name = format!("{} — tilleggsanmodning", scenario.name);
    s.target = Target { total, minors: 0, resettlement: 0 };
    s.rules.change_band = None;
    if let Some(column) = sent_column {
        s.reference_column = Some(column.to_owned());
    }
    s.overrides.retain(|_, o| !matches!(o, Override::Lock(_)));
    let mut admitted = 0;
    for (m, status) in dataset.municipalities.iter().zip(&follow_up.rows) {
        if among.admits(status) && status.answer != Answer::No {
            admitted += 1;
        } else {
            s.overrides.insert(m.code.clone(), Override::Exclude);
        }
    }
    if admitted == 0 {
        return Err(FollowUpError::NobodyToAsk { among: among.cli_name() });
    }
    Ok(s)
}

/// The additional requests of a shortfall round: an allocation that sums exactly to the shortfall.
pub fn redistribute(
    dataset: &Dataset,
    scenario: &Scenario,
    follow_up: &FollowUp,
    among: Among,
    count_unanswered: bool,
    sent_column: Option<&str>,
) -> Result<(Scenario, Allocation), FollowUpError> {
    let s = shortfall_scenario(dataset, scenario, follow_up, among, count_unanswered, sent_column)?;
    let a = allocate(dataset, &s).map_err(|cause| FollowUpError::ShortfallRound {
        shortfall: s.target.total,
        admitted: follow_up.rows.iter().filter(|r| among.admits(r) && r.answer != Answer::No).count(),
        among: among.label(Lang::En),
        cause,
    })?;
    Ok((s, a))
}
