//! The two languages every user-facing text exists in.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norwegian bokmål, the default.
    #[default]
    Nb,
    En,
}

impl Lang {
    pub fn pick<'a>(self, nb: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "nb" | "no" => Some(Lang::Nb),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Declares a struct of user-facing texts (planner and exports) with a bokmål (`NB`) and an English (`EN`) instance:
///
/// ```ignore
/// texts!(MenuTexts {
///     file: "Fil", "File";
///     open: "Åpne …", "Open…";
/// });
/// let t = MenuTexts::get(lang);
/// ui.label(t.file);
/// ```
#[macro_export]
macro_rules! texts {
    ($name:ident { $($field:ident : $nb:expr , $en:expr ;)* }) => {
        pub struct $name { $(pub $field: &'static str,)* }
        impl $name {
            pub const NB: $name = $name { $($field: $nb,)* };
            pub const EN: $name = $name { $($field: $en,)* };
            pub fn get(lang: $crate::lang::Lang) -> &'static $name {
                match lang {
                    $crate::lang::Lang::Nb => &Self::NB,
                    $crate::lang::Lang::En => &Self::EN,
                }
            }
        }
    };
}

// The planner's domain words, each defined once: every text table that names one takes it from here, so
// the figures, the map, the charts, the explanations and the exports say the same thing.
texts!(Words {
    not_asked: "Ikke anmodet", "Not asked";
    // In running text.
    not_asked_lower: "ikke anmodet", "not asked";
    asked: "Anmodet", "Asked";
    request: "Anmodning", "Request";
    request_per_1000: "Anmodning per 1 000 innbyggere", "Request per 1,000 inhabitants";
    // As a column header, everywhere (screen, workbook, CSV, briefing, command line).
    per_1000: "Per 1\u{a0}000", "Per 1,000";
    per_1000_unit: "per 1 000 innbyggere", "per 1,000 inhabitants";
    persons: "personer", "persons";
    excluded: "Utelatt (regler eller manuelt)", "Excluded (rules or by hand)";
    reference: "Referanse", "Reference";
    followup_status: "Oppfølging: status for vedtak", "Follow-up: status of decisions";
    expected_ratio: "Forventet vedtak ÷ anmodning", "Expected decision ÷ request";
    county_deviation: "Avvik fra fylkets anbefaling", "Difference from the county's recommendation";
    recommended_by_county: "Anbefalt av fylket", "Recommended by the county";
    expected_decided: "Forventet vedtatt", "Expected decided";
    expected_coverage: "Forventet dekning av målet", "Expected coverage of the target";
    expected_shortfall: "Forventet mangel", "Expected shortfall";
    decided_and_expected: "Vedtatt + forventet fra dem som ikke har svart", "Decided + expected from those not yet answered";
});
