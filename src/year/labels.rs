//! What a municipality's line says about the latest shortfall round: the places added, or why it was not in
//! the round. Each label is defined here once, in both languages, for the table, the exports and the CLI.

use serde::{Deserialize, Serialize};

use crate::followup::Answer;
use crate::lang::Lang;

/// Why a municipality asked before (or that decided places) is not in a shortfall round. Frozen with the round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftOut {
    /// Decided fewer places than asked.
    DecidedBelow,
    /// Decided what was asked (a round among those above the request).
    DecidedAsAsked,
    /// Decided more than asked (a round among those not answered).
    DecidedAbove,
    /// Decided 0.
    SaidNo,
    /// Had not answered.
    NotAnswered,
    /// Was in the round's set, but the plan's rules gave it no place (minimum request, a cap).
    NothingByTheRules,
}

impl LeftOut {
    /// The reason for a municipality with this answer that the round did not ask.
    pub fn of(answer: Answer, in_the_set: bool) -> Option<LeftOut> {
        if in_the_set {
            return Some(LeftOut::NothingByTheRules);
        }
        match answer {
            Answer::Below => Some(LeftOut::DecidedBelow),
            Answer::At => Some(LeftOut::DecidedAsAsked),
            Answer::Above => Some(LeftOut::DecidedAbove),
            Answer::No => Some(LeftOut::SaidNo),
            Answer::NotAnswered => Some(LeftOut::NotAnswered),
            Answer::NotAsked => None,
        }
    }

    /// The name in CSV and JSON.
    pub fn key(self) -> &'static str {
        match self {
            LeftOut::DecidedBelow => "decided_below",
            LeftOut::DecidedAsAsked => "decided_as_asked",
            LeftOut::DecidedAbove => "decided_above",
            LeftOut::SaidNo => "said_no",
            LeftOut::NotAnswered => "not_answered",
            LeftOut::NothingByTheRules => "nothing_by_the_rules",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let (nb, en) = match self {
            LeftOut::DecidedBelow => {
                ("vedtok under anmodningen — ikke med i runden", "decided below the request — not in the round")
            }
            LeftOut::DecidedAsAsked => {
                ("vedtok som anmodet — ikke med i runden", "decided as asked — not in the round")
            }
            LeftOut::DecidedAbove => {
                ("vedtok over anmodningen — ikke med i runden", "decided above the request — not in the round")
            }
            LeftOut::SaidNo => ("sa nei", "said no"),
            LeftOut::NotAnswered => ("har ikke svart — ikke med i runden", "not answered — not in the round"),
            LeftOut::NothingByTheRules => {
                ("med i runden, men fikk 0 etter reglene", "in the round, given 0 by the rules")
            }
        };
        lang.pick(nb, en)
    }
}

/// The note on a municipality's line of the year's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowNote {
    /// Places added by shortfall rounds, beside the year's total.
    Extra(u32),
    LeftOut(LeftOut),
}

impl RowNote {
    pub fn text(self, lang: Lang) -> String {
        match self {
            RowNote::Extra(n) => format!("+{n} {}", lang.pick("ekstra", "extra")),
            RowNote::LeftOut(why) => why.label(lang).to_owned(),
        }
    }

    /// The name in JSON.
    pub fn key(self) -> &'static str {
        match self {
            RowNote::Extra(_) => "extra",
            RowNote::LeftOut(why) => why.key(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shortfall_note_says_what_it_is() {
        assert_eq!(RowNote::Extra(321).text(Lang::Nb), "+321 ekstra");
        assert_eq!(RowNote::Extra(321).text(Lang::En), "+321 extra");
        let below = LeftOut::of(Answer::Below, false).unwrap();
        assert_eq!(RowNote::LeftOut(below).text(Lang::Nb), "vedtok under anmodningen — ikke med i runden");
        assert_eq!(LeftOut::of(Answer::No, false), Some(LeftOut::SaidNo));
        assert_eq!(LeftOut::of(Answer::NotAsked, false), None, "not asked before: nothing to explain");
        assert_eq!(LeftOut::of(Answer::At, true), Some(LeftOut::NothingByTheRules));
    }
}
