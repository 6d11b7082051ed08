//! The modelling choices a scenario names and every layer reads: how whole persons are made from shares, and
//! how missing cells are filled. Depends on nothing in the crate, so the data, the scenario and the engine can
//! all use them without depending on each other. Their serialized names are part of the file formats.

use serde::{Deserialize, Serialize};

/// How integers are derived from the weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Divisors 0.5, 1.5, 2.5, …: no systematic advantage for large or small items.
    #[default]
    SainteLague,
    /// Sainte-Laguë with the first divisor raised to 0.7 (1.4 on the 1, 3, 5 scale), as in
    /// Norwegian elections: a first unit is slightly harder to get.
    ModifiedSainteLague,
    /// Divisors 1, 2, 3, …: favours large items.
    #[serde(rename = "dhondt")]
    DHondt,
    /// Largest remainder on the bounded quotas: every item within one unit of its quota, but not
    /// house monotone (the Alabama paradox).
    Hamilton,
    /// Divisors √(s(s+1)), the US House method: every item with weight gets a first unit before
    /// any item gets a second.
    HuntingtonHill,
}

impl Method {
    /// Every method, in the order a user interface should list them.
    pub const ALL: [Method; 5] =
        [Method::SainteLague, Method::ModifiedSainteLague, Method::DHondt, Method::Hamilton, Method::HuntingtonHill];

    /// The name used on the command line (files use the same words with `_`: `sainte_lague`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Method::SainteLague => "sainte-lague",
            Method::ModifiedSainteLague => "modified-sainte-lague",
            Method::DHondt => "dhondt",
            Method::Hamilton => "hamilton",
            Method::HuntingtonHill => "huntington-hill",
        }
    }

    /// Inverse of [`Method::cli_name`] (exact match).
    pub fn from_cli_name(s: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.cli_name() == s)
    }
}

/// How missing cells of an indicator are filled before the model uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MissingPolicy {
    #[default]
    CountyMedian,
    NationalMedian,
    Zero,
    /// The municipality is not eligible when the cell is missing.
    Exclude,
}

impl MissingPolicy {
    pub const ALL: [MissingPolicy; 4] =
        [MissingPolicy::CountyMedian, MissingPolicy::NationalMedian, MissingPolicy::Zero, MissingPolicy::Exclude];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in scenario and dataset files: files users already have must keep opening.
    #[test]
    fn file_names_are_those_of_existing_files() {
        let methods = ["sainte_lague", "modified_sainte_lague", "dhondt", "hamilton", "huntington_hill"];
        for (method, name) in Method::ALL.into_iter().zip(methods) {
            assert_eq!(ron::to_string(&method).unwrap(), name);
            assert_eq!(ron::from_str::<Method>(name).unwrap(), method);
        }
        let policies = ["county_median", "national_median", "zero", "exclude"];
        for (policy, name) in MissingPolicy::ALL.into_iter().zip(policies) {
            assert_eq!(ron::to_string(&policy).unwrap(), name);
            assert_eq!(ron::from_str::<MissingPolicy>(name).unwrap(), policy);
        }
    }
}
