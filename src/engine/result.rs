//! What an allocation produces, per municipality and in total.

use crate::lang::Lang;
use crate::scenario::CriterionId;

/// Why a municipality is not asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    ManuallyExcluded,
    AboveImmigrantShareCeiling { share: f64, ceiling: f64 },
    BelowMinPopulation { population: f64, min: u32 },
    MissingData { column: String },
    CapBelowMinimum { cap: u32, min_request: u32 },
    BelowMinimumRequest { quota: f64, min_request: u32 },
    RoundedToZero { quota: f64 },
    LockedToZero,
}

impl Reason {
    /// A stable name for scripts ("above_ceiling"); the sentence beside it may change wording.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::ManuallyExcluded => "excluded",
            Reason::AboveImmigrantShareCeiling { .. } => "above_ceiling",
            Reason::BelowMinPopulation { .. } => "below_min_population",
            Reason::MissingData { .. } => "missing_data",
            Reason::CapBelowMinimum { .. } => "cap_below_minimum",
            Reason::BelowMinimumRequest { .. } => "below_min_request",
            Reason::RoundedToZero { .. } => "rounded_to_zero",
            Reason::LockedToZero => "locked_to_zero",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let nb = lang == Lang::Nb;
        match self {
            Reason::ManuallyExcluded => lang.pick("utelatt manuelt", "excluded manually").to_owned(),
            Reason::AboveImmigrantShareCeiling { share, ceiling } if nb => {
                format!(
                    "innvandrerandel {} % over taket {} %",
                    crate::numfmt::decimal(*share, 1, lang),
                    crate::numfmt::decimal(*ceiling, 1, lang)
                )
            }
            Reason::AboveImmigrantShareCeiling { share, ceiling } => {
                format!("immigrant share {share:.1} % above the ceiling {ceiling:.1} %")
            }
            Reason::BelowMinPopulation { population, min } if nb => format!(
                "folketall {} under minstekravet {}",
                crate::numfmt::integer(*population, lang),
                crate::numfmt::integer(f64::from(*min), lang)
            ),
            Reason::BelowMinPopulation { population, min } => {
                format!("population {population:.0} below the minimum {min}")
            }
            Reason::MissingData { column } if nb => format!("mangler verdi for {column}"),
            Reason::MissingData { column } => format!("missing value for {column}"),
            Reason::CapBelowMinimum { cap, min_request } if nb => {
                format!("taket {cap} er under minste anmodning {min_request}")
            }
            Reason::CapBelowMinimum { cap, min_request } => {
                format!("cap {cap} below the minimum request {min_request}")
            }
            Reason::BelowMinimumRequest { quota, min_request } if nb => {
                format!("andelen {} er under minste anmodning {min_request}", crate::numfmt::decimal(*quota, 1, lang))
            }
            Reason::BelowMinimumRequest { quota, min_request } => {
                format!("share {quota:.1} below the minimum request {min_request}")
            }
            Reason::RoundedToZero { quota } if nb => {
                format!("andelen {} ble rundet ned til 0", crate::numfmt::decimal(*quota, 2, lang))
            }
            Reason::RoundedToZero { quota } => format!("share {quota:.2} rounded down to 0"),
            Reason::LockedToZero => lang.pick("låst til 0", "locked to 0").to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    Asked,
    /// Held at a fixed number by an override.
    Locked,
    NotAsked(Reason),
}

#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalityResult {
    pub status: Status,
    /// Passed the rules (ceiling, minimum population, data, manual exclusion); locked ones count if they passed.
    pub eligible: bool,
    /// Combined key K_i (0 when not eligible).
    pub key: f64,
    /// Each criterion's share of the initial quota, in the scenario's criterion order; with the start's
    /// contribution, sums to `initial_quota`.
    pub contributions: super::Contributions,
    /// The share of the open target before caps and minimum-request drops.
    pub initial_quota: f64,
    /// With a start: the start's value, scaled to the target, and its part of `initial_quota`.
    pub start: Option<StartPart>,
    /// The share after caps and drops: what rounding starts from (0 when dropped).
    pub quota: f64,
    pub cap: Option<u32>,
    /// The rule behind `cap`.
    pub cap_rule: Option<super::BoundRule>,
    /// A lower bound on the share set by a rule (`below_minimum: floor` or a change band), and that rule.
    pub floor: Option<(u32, super::BoundRule)>,
    pub allocation: u32,
    pub minors: u32,
    pub per_1000: f64,
}

/// A municipality's start (`scenario.start`): what the plan starts from and how much of its share it keeps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StartPart {
    /// The start column's value (0 where missing).
    pub value: f64,
    /// The value scaled to the new target: value × target / the column's sum.
    pub scaled: f64,
    /// The start's part of the share before caps and drops: (1 − criteria share) of it.
    pub contribution: f64,
    /// The change band around the scaled value (lower, upper), where the scenario has one.
    pub band: Option<(u32, u32)>,
}

impl MunicipalityResult {
    pub fn asked(&self) -> bool {
        self.allocation > 0
    }

    pub fn reason(&self) -> Option<&Reason> {
        match &self.status {
            Status::NotAsked(r) => Some(r),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountyTotal {
    pub code: String,
    pub name: String,
    pub population: f64,
    pub quota: f64,
    pub allocation: u64,
    pub minors: u64,
    pub asked: usize,
    pub municipalities: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TieStage {
    Counties,
    Rounding,
    Minors,
}

/// A tie that decided units, and how it was broken (larger quota, then lower code).
#[derive(Debug, Clone, PartialEq)]
pub struct TieReport {
    pub stage: TieStage,
    /// Municipality codes (county codes for the county stage).
    pub contenders: Vec<String>,
    pub winners: Vec<String>,
    pub units: u32,
}

impl TieReport {
    pub fn message(&self, lang: Lang) -> String {
        let stage = match (self.stage, lang) {
            (TieStage::Counties, Lang::Nb) => "fylkesfordelingen",
            (TieStage::Counties, Lang::En) => "the county split",
            (TieStage::Rounding, Lang::Nb) => "avrundingen",
            (TieStage::Rounding, Lang::En) => "rounding",
            (TieStage::Minors, Lang::Nb) => "fordelingen av enslige mindreårige",
            (TieStage::Minors, Lang::En) => "the minors",
        };
        match lang {
            Lang::Nb => format!(
                "Likt i {stage}: {} konkurrerte om {} plass(er); {} fikk (større andel, så lavere nummer)",
                self.contenders.join(", "),
                self.units,
                self.winners.join(", ")
            ),
            Lang::En => format!(
                "Tie in {stage}: {} competed for {} unit(s); {} got them (larger share, then lower code)",
                self.contenders.join(", "),
                self.units,
                self.winners.join(", ")
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Allocation {
    pub target: u32,
    pub minors_target: u32,
    pub resettlement: u32,
    /// The target less the locked numbers: what the open municipalities share.
    pub open_target: u32,
    /// Criterion weights normalised to sum 1, in scenario order.
    pub weights: Vec<(CriterionId, f64)>,
    /// One per dataset row, in dataset order.
    pub rows: Vec<MunicipalityResult>,
    pub asked: usize,
    pub allocated: u64,
    pub minors_allocated: u64,
    pub counties: Vec<CountyTotal>,
    pub ties: Vec<TieReport>,
    /// Missing cells the model filled, for the criteria and rules in use.
    pub filled: Vec<crate::engine::FilledCell>,
    /// Per criterion (scenario order), its key per dataset row, normalised to sum 1 over the eligible set;
    /// `None` for a criterion without weight. What a row's contributions are made of: w_k·key_ik·T'/ΣK.
    pub key_parts: Vec<Option<Vec<f64>>>,
}

impl Allocation {
    pub fn largest_per_1000(&self) -> Option<(usize, f64)> {
        self.rows.iter().enumerate().filter(|(_, r)| r.asked()).map(|(i, r)| (i, r.per_1000)).fold(
            None,
            |best, (i, v)| match best {
                Some((_, b)) if b >= v => best,
                _ => Some((i, v)),
            },
        )
    }
}
