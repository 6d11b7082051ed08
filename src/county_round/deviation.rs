//! The deviation log: every municipality whose final request differs from what its county recommended, with
//! both numbers and why. Each reason has one key (CSV, JSON) and one label per language, defined here.

use crate::lang::Lang;

crate::texts!(DeviationTexts {
    frame: "tilpasset fylkets ramme", "brought to the county's frame";
    bound: "holdt innenfor scenarioets grense", "held at the scenario's bound";
    manual: "overstyrt manuelt", "set by hand";
});

/// Why a final request differs from the recommendation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviationReason {
    /// The county's numbers were brought to its frame, in proportion to the recommendations.
    Frame,
    /// The proportional share would have crossed a floor or a cap of the scenario, and stopped there.
    Bound,
    /// The analyst set the number, for this reason.
    Manual(String),
}

impl DeviationReason {
    /// The name in CSV and JSON.
    pub fn key(&self) -> &'static str {
        match self {
            DeviationReason::Frame => "frame",
            DeviationReason::Bound => "bound",
            DeviationReason::Manual(_) => "manual",
        }
    }

    /// The label, with the analyst's reason after a manual one.
    pub fn label(&self, lang: Lang) -> String {
        let t = DeviationTexts::get(lang);
        match self {
            DeviationReason::Frame => t.frame.to_owned(),
            DeviationReason::Bound => t.bound.to_owned(),
            DeviationReason::Manual(why) => format!("{}: {why}", t.manual),
        }
    }
}

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deviation {
    /// Dataset row.
    pub row: usize,
    pub code: String,
    pub name: String,
    pub county: String,
    /// What the county recommended (the model's proposal where the county did not answer).
    pub recommended: u32,
    pub final_request: u32,
    pub reason: DeviationReason,
}

impl Deviation {
    pub fn difference(&self) -> i64 {
        i64::from(self.final_request) - i64::from(self.recommended)
    }

    /// What a round of the year keeps of this line (the final number is the round's own).
    pub fn recorded(&self) -> RecordedDeviation {
        RecordedDeviation { recommended: self.recommended, reason: self.reason.clone() }
    }
}

/// A deviation as the year file keeps it, under the municipality's code in the round it shaped.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedDeviation {
    /// What the county recommended.
    pub recommended: u32,
    pub reason: DeviationReason,
}
