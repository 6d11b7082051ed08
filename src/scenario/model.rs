//! The scenario: the document an analyst saves and opens. View state and undo history live elsewhere.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use crate::choices::{Method, MissingPolicy};

/// The newest scenario file version this program reads and writes.
pub const SCENARIO_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub version: u32,
    pub name: String,
    /// What the scenario shows and why; free text.
    #[serde(default)]
    pub notes: String,
    pub dataset: DatasetRef,
    /// The dataset's fingerprint when the scenario was saved; a mismatch on open is reported.
    #[serde(default)]
    pub dataset_fingerprint: Option<String>,
    pub target: Target,
    /// Population is raised to this power in the size key; below 1 it dampens large municipalities.
    pub size_exponent: f64,
    pub criteria: Vec<Criterion>,
    pub rules: Rules,
    /// Per municipality code.
    #[serde(default, deserialize_with = "super::unique_map::deserialize")]
    pub overrides: BTreeMap<String, Override>,
    /// Why each override was made (a decision, an agreement), per municipality code. Files without it open
    /// with no notes.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub override_notes: BTreeMap<String, String>,
    #[serde(default)]
    pub rounding: Method,
    /// Split the target across counties first, then within each county.
    #[serde(default)]
    pub county_first: bool,
    /// A dataset column shown beside the result for comparison (e.g. last year's request).
    #[serde(default)]
    pub reference_column: Option<String>,
    /// Where the plan starts: last year's request (or a sent round), scaled to the target and moved by the
    /// criteria. Files without it plan from the criteria alone, as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Start>,
    /// What the county recommended per municipality code, kept by a plan made in the county round so the map
    /// can show how far the request is from it. Files without it (every plan not made there) open with none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "super::unique_map::deserialize")]
    pub county_recommendations: BTreeMap<String, u32>,
}

/// The start of a plan: a column scaled to the new target, of which the criteria move a share.
///
/// The combined key is K_i = (1 − share)·s_i/Σs + share·Σ_k w_k·key_ik (both parts normalised over the
/// eligible set), so `criteria_share: 0` keeps the start scaled to the target and `1` is the criteria plan
/// alone. With a start, a change band is relative to its column scaled to the target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Start {
    /// The column the plan starts from (e.g. `anmodning_2019`).
    pub column: String,
    /// How much the criteria move the scaled start, from 0 (not at all) to 1 (the criteria plan alone).
    pub criteria_share: f64,
}

/// Where the scenario's data comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DatasetRef {
    /// A dataset shipped inside the program, by id (`norway-2020`, `norway-2024`).
    Embedded(String),
    /// A dataset file, relative to the scenario file's folder (or absolute).
    File(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Refugees to settle in total.
    pub total: u32,
    /// Of which unaccompanied minors.
    #[serde(default)]
    pub minors: u32,
    /// Of which resettlement (quota) refugees: a national figure, shown and exported, not allocated separately.
    #[serde(default)]
    pub resettlement: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CriterionId {
    Size,
    LabourMarket,
    IntegrationResults,
    Capacity,
    ImmigrantShare,
    Continuity,
}

impl CriterionId {
    pub const ALL: [CriterionId; 6] = [
        CriterionId::Size,
        CriterionId::LabourMarket,
        CriterionId::IntegrationResults,
        CriterionId::Capacity,
        CriterionId::ImmigrantShare,
        CriterionId::Continuity,
    ];

    /// The name used in files, the CLI and JSON.
    pub fn key(self) -> &'static str {
        match self {
            CriterionId::Size => "size",
            CriterionId::LabourMarket => "labour_market",
            CriterionId::IntegrationResults => "integration_results",
            CriterionId::Capacity => "capacity",
            CriterionId::ImmigrantShare => "immigrant_share",
            CriterionId::Continuity => "continuity",
        }
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        let (nb, en) = match self {
            CriterionId::Size => ("Størrelse (folketall)", "Size (population)"),
            CriterionId::LabourMarket => ("Arbeidsmarked", "Labour market"),
            CriterionId::IntegrationResults => ("Integreringsresultater", "Integration results"),
            CriterionId::Capacity => ("Kapasitet", "Capacity"),
            CriterionId::ImmigrantShare => ("Innvandrerandel", "Immigrant share"),
            CriterionId::Continuity => ("Kontinuitet (fjorårets anmodning)", "Continuity (last year's request)"),
        };
        lang.pick(nb, en)
    }
}

impl MissingPolicy {
    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        let (nb, en) = match self {
            MissingPolicy::CountyMedian => ("fylkesmedian", "county median"),
            MissingPolicy::NationalMedian => ("landsmedian", "national median"),
            MissingPolicy::Zero => ("null", "zero"),
            MissingPolicy::Exclude => ("utelat kommunen", "exclude the municipality"),
        };
        lang.pick(nb, en)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: CriterionId,
    /// Relative weight (>= 0); weights are normalised to sum 1 when used.
    pub weight: f64,
    /// The indicator column; `None` only for the size criterion, which uses population.
    #[serde(default)]
    pub column: Option<String>,
    /// `None` uses the column's default policy.
    #[serde(default)]
    pub missing: Option<MissingPolicy>,
}

fn default_min_request() -> u32 {
    10
}

fn default_minors_threshold() -> u32 {
    20
}

fn default_immigrant_share_column() -> String {
    "innvandrerandel_2020_pst".to_owned()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Municipalities whose immigrant share (percent) is above this get nothing.
    #[serde(default)]
    pub immigrant_share_ceiling: Option<f64>,
    #[serde(default = "default_immigrant_share_column")]
    pub immigrant_share_column: String,
    /// Municipalities with fewer residents are not asked.
    #[serde(default)]
    pub min_population: Option<u32>,
    /// Nobody is asked for fewer than this (municipalities whose share is smaller are dropped).
    #[serde(default = "default_min_request")]
    pub min_request: u32,
    /// At most this many per 1,000 inhabitants.
    #[serde(default)]
    pub max_per_1000: Option<f64>,
    /// A column holding each municipality's capacity (e.g. places it can offer); requests never exceed it.
    #[serde(default)]
    pub capacity_column: Option<String>,
    /// Minors only to municipalities whose total request is at least this.
    #[serde(default = "default_minors_threshold")]
    pub minors_threshold: u32,
    /// What happens to a municipality whose share is below the minimum request.
    #[serde(default, skip_serializing_if = "BelowMinimum::is_drop")]
    pub below_minimum: BelowMinimum,
    /// Keeps each request within a band around a column's value (e.g. last year's request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_band: Option<ChangeBand>,
}

/// The minimum-request rule's two readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BelowMinimum {
    /// Not asked: dropped, smallest share first, and the rest share again.
    #[default]
    Drop,
    /// Asked for the minimum: every municipality with a positive key stays asked and gets at least it.
    Floor,
    /// Those the start asked stay asked with at least the minimum; the others are dropped below it.
    FloorStartAsked,
}

impl BelowMinimum {
    pub const ALL: [BelowMinimum; 3] = [BelowMinimum::Drop, BelowMinimum::Floor, BelowMinimum::FloorStartAsked];

    /// The default, left out of saved files so they stay as they were.
    pub fn is_drop(&self) -> bool {
        *self == BelowMinimum::Drop
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        let (nb, en) = match self {
            BelowMinimum::Drop => (crate::lang::Words::NB.not_asked_lower, crate::lang::Words::EN.not_asked_lower),
            BelowMinimum::Floor => ("løftet til minste anmodning", "raised to the minimum"),
            BelowMinimum::FloorStartAsked => {
                ("løftet til minste anmodning hvis spurt i starten", "raised to the minimum if the start asked")
            }
        };
        lang.pick(nb, en)
    }
}

/// Stability for municipalities that built up services: a municipality with a positive value v in `column`
/// is asked for between ceil(lower·v) and floor(upper·v).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeBand {
    pub column: String,
    pub lower: f64,
    pub upper: f64,
}

impl ChangeBand {
    /// The band's bounds for a value, or `None` when the value gives no band (missing, zero or negative).
    pub fn bounds(&self, value: Option<f64>) -> Option<(u32, u32)> {
        self.bounds_scaled(value, 1.0)
    }

    /// The band's bounds around a value times `scale` (with a start: the column scaled to the target).
    pub fn bounds_scaled(&self, value: Option<f64>, scale: f64) -> Option<(u32, u32)> {
        let v = value.filter(|v| v.is_finite() && *v > 0.0)? * scale;
        let clamp = |x: f64| x.clamp(0.0, f64::from(u32::MAX)) as u32;
        Some((clamp((self.lower * v).ceil()), clamp((self.upper * v).floor())))
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            immigrant_share_ceiling: None,
            immigrant_share_column: default_immigrant_share_column(),
            min_population: None,
            min_request: default_min_request(),
            max_per_1000: None,
            capacity_column: None,
            minors_threshold: default_minors_threshold(),
            below_minimum: BelowMinimum::default(),
            change_band: None,
        }
    }
}

/// A manual decision about one municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Override {
    /// Never asked.
    Exclude,
    /// Asked regardless of the rules (ceiling, minimum population, minimum-request drop).
    Include,
    /// Asked for exactly this number (e.g. an agreed decision).
    Lock(u32),
}

impl Override {
    /// The choice in words: "utelatt", "tatt med uansett regler", "låst til 250".
    pub fn label(self, lang: crate::lang::Lang) -> String {
        match self {
            Override::Exclude => lang.pick("utelatt", "excluded").to_owned(),
            Override::Include => lang.pick("tatt med uansett regler", "included regardless of the rules").to_owned(),
            Override::Lock(n) => format!("{} {n}", lang.pick("låst til", "locked to")),
        }
    }
}

impl Scenario {
    pub fn criterion(&self, id: CriterionId) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The weights normalised to sum 1, in the scenario's criterion order; `None` when they sum to zero.
    pub fn normalised_weights(&self) -> Option<Vec<f64>> {
        let sum: f64 = self.criteria.iter().map(|c| c.weight).sum();
        (sum > 0.0 && sum.is_finite()).then(|| self.criteria.iter().map(|c| c.weight / sum).collect())
    }
}
