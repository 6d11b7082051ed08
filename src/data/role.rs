//! What a column means for the settlement year: a request, decisions, refugees settled, or a plan sent from the
//! planner. The follow-up, the history, calibration and the planner's pickers read a column's meaning from its
//! role, never from its id, so a column imported under any name keeps them.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ColumnRole {
    /// IMDi's request (anmodning) for the settlement year.
    Request { year: i32 },
    /// The municipalities' decisions (vedtak) on the year's request.
    Decisions { year: i32 },
    /// Refugees settled in the year; `partial` while the year is not over (delår).
    Settled {
        year: i32,
        #[serde(default)]
        partial: bool,
    },
    /// A plan the planner kept as the request sent; `order` counts them (1 for the first).
    SentRound { order: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("role {0:?} is not one of request:YEAR, decisions:YEAR, settled:YEAR, settled:YEAR:partial, sent:N or none")]
pub struct RoleKeyError(pub String);

impl ColumnRole {
    /// The settlement year the column is about (`None` for a sent plan, which carries no year).
    pub fn year(self) -> Option<i32> {
        match self {
            ColumnRole::Request { year } | ColumnRole::Decisions { year } | ColumnRole::Settled { year, .. } => {
                Some(year)
            }
            ColumnRole::SentRound { .. } => None,
        }
    }

    /// The role as the command line writes it: `request:2024`, `settled:2024:partial`, `sent:2`.
    pub fn key(self) -> String {
        match self {
            ColumnRole::Request { year } => format!("request:{year}"),
            ColumnRole::Decisions { year } => format!("decisions:{year}"),
            ColumnRole::Settled { year, partial: false } => format!("settled:{year}"),
            ColumnRole::Settled { year, partial: true } => format!("settled:{year}:partial"),
            ColumnRole::SentRound { order } => format!("sent:{order}"),
        }
    }

    /// Reads [`ColumnRole::key`]; `none` is no role.
    pub fn from_key(key: &str) -> Result<Option<ColumnRole>, RoleKeyError> {
        let bad = || RoleKeyError(key.to_owned());
        let parts: Vec<&str> = key.trim().split(':').collect();
        let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y)).ok_or_else(bad);
        Ok(Some(match parts.as_slice() {
            ["none"] => return Ok(None),
            ["request", y] => ColumnRole::Request { year: year(y)? },
            ["decisions", y] => ColumnRole::Decisions { year: year(y)? },
            ["settled", y] => ColumnRole::Settled { year: year(y)?, partial: false },
            ["settled", y, "partial"] => ColumnRole::Settled { year: year(y)?, partial: true },
            ["sent", n] => ColumnRole::SentRound { order: n.parse().ok().filter(|&n| n >= 1).ok_or_else(bad)? },
            _ => return Err(bad()),
        }))
    }

    /// The role's one label: "Anmodning 2024", "Bosatte 2024 (delår)", "Sendt plan nr. 2".
    pub fn label(self, lang: Lang) -> String {
        let t = RoleTexts::get(lang);
        match self {
            ColumnRole::Request { year } => format!("{} {year}", t.request),
            ColumnRole::Decisions { year } => format!("{} {year}", t.decisions),
            ColumnRole::Settled { year, partial: false } => format!("{} {year}", t.settled),
            ColumnRole::Settled { year, partial: true } => format!("{} {year} ({})", t.settled, t.partial),
            ColumnRole::SentRound { order } => format!("{} {order}", t.sent),
        }
    }

    /// The label of an optional role: "ingen rolle" for none.
    pub fn label_of(role: Option<ColumnRole>, lang: Lang) -> String {
        role.map_or_else(|| RoleTexts::get(lang).none.to_owned(), |r| r.label(lang))
    }

    /// The role the id conventions of earlier versions give (`anmodning_2024`, `vedtak_2024`, `bosatt_2023`,
    /// `bosatt_2024_delaar`, `anmodning_sendt`, `anmodning_sendt_2`): how files written before roles existed
    /// are read, and the first guess for an imported column.
    pub fn from_legacy_id(id: &str) -> Option<ColumnRole> {
        let year = |s: &str| (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten();
        if let Some(rest) = id.strip_prefix("anmodning_sendt") {
            let order = if rest.is_empty() { Some(1) } else { rest.strip_prefix('_')?.parse().ok() };
            return order.filter(|&o| o >= 1).map(|order| ColumnRole::SentRound { order });
        }
        let (prefix, rest) = id.split_once('_')?;
        match (prefix, rest.strip_suffix("_delaar")) {
            ("anmodning", None) => Some(ColumnRole::Request { year: year(rest)? }),
            ("vedtak", None) => Some(ColumnRole::Decisions { year: year(rest)? }),
            ("bosatt", None) => Some(ColumnRole::Settled { year: year(rest)?, partial: false }),
            ("bosatt", Some(y)) => Some(ColumnRole::Settled { year: year(y)?, partial: true }),
            _ => None,
        }
    }
}

crate::texts!(RoleTexts {
    request: "Anmodning", "Request";
    decisions: "Vedtak", "Decisions";
    settled: "Bosatte", "Settled";
    partial: "delår", "part year";
    sent: "Sendt plan nr.", "Sent plan no.";
    none: "ingen rolle", "no role";
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_back_and_bad_keys_are_refused() {
        let roles = [
            ColumnRole::Request { year: 2024 },
            ColumnRole::Decisions { year: 2019 },
            ColumnRole::Settled { year: 2023, partial: false },
            ColumnRole::Settled { year: 2024, partial: true },
            ColumnRole::SentRound { order: 3 },
        ];
        for role in roles {
            assert_eq!(ColumnRole::from_key(&role.key()), Ok(Some(role)));
        }
        assert_eq!(ColumnRole::from_key("none"), Ok(None));
        for bad in ["request", "request:24", "settled:2024:whole", "sent:0", "vedtak:2024", ""] {
            assert!(ColumnRole::from_key(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn legacy_ids_give_their_roles_and_other_ids_none() {
        let cases = [
            ("anmodning_2024", Some(ColumnRole::Request { year: 2024 })),
            ("vedtak_2019", Some(ColumnRole::Decisions { year: 2019 })),
            ("bosatt_2023", Some(ColumnRole::Settled { year: 2023, partial: false })),
            ("bosatt_2024_delaar", Some(ColumnRole::Settled { year: 2024, partial: true })),
            ("anmodning_sendt", Some(ColumnRole::SentRound { order: 1 })),
            ("anmodning_sendt_2", Some(ColumnRole::SentRound { order: 2 })),
            ("bosatt_snitt_2017_2019", None),
            ("bosatt_ukrainere_2023", None),
            ("anmodning_sendtx", None),
            ("sysselsetting_2024", None),
        ];
        for (id, role) in cases {
            assert_eq!(ColumnRole::from_legacy_id(id), role, "{id}");
        }
    }

    #[test]
    fn labels_differ_by_language_and_name_the_year() {
        let r = ColumnRole::Settled { year: 2024, partial: true };
        assert_eq!(r.label(Lang::Nb), "Bosatte 2024 (delår)");
        assert_eq!(r.label(Lang::En), "Settled 2024 (part year)");
        assert_eq!(ColumnRole::label_of(None, Lang::En), "no role");
    }
}
