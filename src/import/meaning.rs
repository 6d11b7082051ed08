//! What an imported column means when the user does not say: its role (a request, decisions, settled) from its
//! name, and whether it is a count. A count of refugees is whole numbers summing to a national total; taking it
//! for a rate would scale it by population again (Oslo asked for several times its share).

use crate::data::{ColumnRole, Kind, count_total};

/// Why the column got its kind, for the import report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KindReason {
    /// The user said so (`--kind`, the dialog's choice).
    Chosen,
    /// A column with a role (a request, decisions, settled) is a count.
    Role,
    /// Whole numbers, at least 0, summing to this national total.
    Count { total: f64 },
    /// Anything else is read as a rate.
    Rate,
}

/// The kind of a column: the one chosen, else a count when it has a role or its values look like a count of
/// refugees, else a rate.
pub fn guess_kind(chosen: Option<Kind>, role: Option<ColumnRole>, values: &[Option<f64>]) -> (Kind, KindReason) {
    if let Some(kind) = chosen {
        return (kind, KindReason::Chosen);
    }
    if role.is_some() {
        return (Kind::Extensive, KindReason::Role);
    }
    match count_total(values) {
        Some(total) => (Kind::Extensive, KindReason::Count { total }),
        None => (Kind::Intensive, KindReason::Rate),
    }
}

/// The role a column's name gives: the names earlier versions used (`anmodning_2024`, `bosatt_2024_delaar`),
/// or one word for a request, decisions or settled and a year (`request_2024`, `vedtak` with `year`).
/// Only a count can have a role, so values that are not whole and at least 0 give none.
pub fn guess_role(name: &str, year: &str, values: &[Option<f64>]) -> Option<ColumnRole> {
    if values.iter().flatten().any(|v| !v.is_finite() || *v < 0.0 || v.fract() != 0.0) {
        return None;
    }
    let name = name.to_lowercase();
    if let Some(role) = ColumnRole::from_legacy_id(&name) {
        return Some(role);
    }
    let parse_year = |s: &str| (s.len() == 4).then(|| s.parse::<i32>().ok()).flatten();
    let parts: Vec<&str> = name.split('_').collect();
    let (word, year, partial) = match parts.as_slice() {
        [word] => (*word, parse_year(year.trim())?, false),
        [word, y] => (*word, parse_year(y)?, false),
        [word, y, "delaar" | "partial" | "part"] => (*word, parse_year(y)?, true),
        _ => return None,
    };
    match word {
        "anmodning" | "request" if !partial => Some(ColumnRole::Request { year }),
        "vedtak" | "decisions" | "decision" if !partial => Some(ColumnRole::Decisions { year }),
        "bosatt" | "bosatte" | "settled" => Some(ColumnRole::Settled { year, partial }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;

    fn column(id: &str) -> Vec<Option<f64>> {
        embedded_dataset("norway-2024").unwrap().column(id).unwrap().values.to_vec()
    }

    #[test]
    fn requests_decisions_and_settled_are_counts_and_rates_and_classes_are_not() {
        for id in ["anmodning_2024", "vedtak_2024", "bosatt_2023"] {
            let (kind, reason) = guess_kind(None, None, &column(id));
            assert_eq!(kind, Kind::Extensive, "{id}");
            assert!(matches!(reason, KindReason::Count { total } if total > 1_000.0), "{id}");
        }
        assert_eq!(guess_kind(None, None, &column("sentralitetsklasse_2024")), (Kind::Intensive, KindReason::Rate));
        let shares =
            embedded_dataset("norway-2020").unwrap().column("innvandrerandel_2020_pst").unwrap().values.to_vec();
        assert_eq!(guess_kind(None, None, &shares).0, Kind::Intensive);
        // Population is whole too, but no national total of refugees.
        let population: Vec<Option<f64>> =
            embedded_dataset("norway-2024").unwrap().municipalities.iter().map(|m| Some(m.population)).collect();
        assert_eq!(guess_kind(None, None, &population).0, Kind::Intensive);
        // The user's choice and a role win.
        assert_eq!(guess_kind(Some(Kind::Intensive), None, &column("vedtak_2024")).1, KindReason::Chosen);
        let role = Some(ColumnRole::Request { year: 2024 });
        assert_eq!(guess_kind(None, role, &[Some(1.0)]), (Kind::Extensive, KindReason::Role));
    }

    #[test]
    fn roles_come_from_names_with_a_year() {
        let counts = column("anmodning_2024");
        let role = |name: &str, year: &str| guess_role(name, year, &counts);
        assert_eq!(role("anmodning_2024", ""), Some(ColumnRole::Request { year: 2024 }));
        assert_eq!(role("Request_2025", ""), Some(ColumnRole::Request { year: 2025 }));
        assert_eq!(role("vedtak", "2024"), Some(ColumnRole::Decisions { year: 2024 }));
        assert_eq!(role("settled_2024_partial", ""), Some(ColumnRole::Settled { year: 2024, partial: true }));
        assert_eq!(role("vedtak", ""), None, "no year");
        assert_eq!(role("bosatt_ukrainere_2023", ""), None);
        assert_eq!(role("foresporsel", "2024"), None);
        assert_eq!(guess_role("anmodning_2024", "", &[Some(1.5)]), None, "not a count");
    }
}
