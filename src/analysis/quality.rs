//! Data-quality warnings: things that let the plan compute but that an analyst should know before trusting
//! it — a weighted indicator that is mostly filled in rather than measured, and a column whose name is so
//! close to another's that one is probably a typo of the other.

use crate::data::{Dataset, Kind, count_total};
use crate::lang::Lang;
use crate::numfmt;
use crate::scenario::{CriterionId, Scenario};

/// A weighted indicator with more than this share of its cells missing is mostly filled in.
const MOSTLY_FILLED: f64 = 0.5;

#[derive(Debug, Clone, PartialEq)]
pub enum DataWarning {
    /// More than half of a weighted criterion's indicator cells are missing and filled by the policy.
    MostlyFilled { criterion: CriterionId, column: String, missing: usize, total: usize },
    /// Two column ids differ by one or two letters (not only in digits, as a year series does).
    SimilarColumns { column: String, like: String },
    /// A weighted criterion reads a column as a rate whose values look like a count of refugees (whole numbers
    /// summing to a national total): scaled by population again, the largest municipalities get far too much.
    CountAsRate { criterion: CriterionId, column: String, total: f64 },
}

impl DataWarning {
    /// A stable name for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            DataWarning::MostlyFilled { .. } => "mostly_filled",
            DataWarning::SimilarColumns { .. } => "similar_column_names",
            DataWarning::CountAsRate { .. } => "count_as_rate",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            DataWarning::MostlyFilled { criterion, column, missing, total } => {
                let (m, n) = (numfmt::integer(*missing as f64, lang), numfmt::integer(*total as f64, lang));
                match lang {
                    Lang::Nb => format!(
                        "{}: {m} av {n} celler i «{column}» mangler og er fylt inn; kriteriet bygger mest på utfylte verdier",
                        criterion.label(lang)
                    ),
                    Lang::En => format!(
                        "{}: {m} of {n} cells of \"{column}\" are missing and filled in; the criterion rests mostly on filled values",
                        criterion.label(lang)
                    ),
                }
            }
            DataWarning::SimilarColumns { column, like } => match lang {
                Lang::Nb => format!("kolonnen «{column}» har nesten samme navn som «{like}» – skrivefeil?"),
                Lang::En => format!("the column \"{column}\" is named almost like \"{like}\" – a typo?"),
            },
            DataWarning::CountAsRate { criterion, column, total } => {
                let total = numfmt::integer(*total, lang);
                match lang {
                    Lang::Nb => format!(
                        "{}: «{column}» leses som en rate, men er hele tall med sum {total}, som et antall; sett typen til antall (ekstensiv)",
                        criterion.label(lang)
                    ),
                    Lang::En => format!(
                        "{}: \"{column}\" is read as a rate, but holds whole numbers summing to {total}, like a count; set its kind to count (extensive)",
                        criterion.label(lang)
                    ),
                }
            }
        }
    }
}

/// Every warning for `scenario` on `dataset`, criteria first, in a stable order.
pub fn data_warnings(scenario: &Scenario, dataset: &Dataset) -> Vec<DataWarning> {
    let mut out = Vec::new();
    let total = dataset.len();
    for c in scenario.criteria.iter().filter(|c| c.weight > 0.0) {
        let Some(column) = c.column.as_deref().and_then(|id| dataset.column(id)) else { continue };
        let missing = column.missing_count();
        if total > 0 && missing as f64 > MOSTLY_FILLED * total as f64 {
            out.push(DataWarning::MostlyFilled { criterion: c.id, column: column.meta.id.clone(), missing, total });
        }
        if column.meta.kind == Kind::Intensive
            && let Some(sum) = count_total(&column.values)
        {
            out.push(DataWarning::CountAsRate { criterion: c.id, column: column.meta.id.clone(), total: sum });
        }
    }
    for (i, a) in dataset.columns.iter().enumerate() {
        for b in &dataset.columns[..i] {
            if names_close(&a.meta.id, &b.meta.id) {
                out.push(DataWarning::SimilarColumns { column: a.meta.id.clone(), like: b.meta.id.clone() });
            }
        }
    }
    out
}

/// Ids one or two edits apart, where the difference is not only digits (`bosatt_2018` and `bosatt_2019` are a
/// series, `sysselsetting` and `sysselsettning` a typo).
fn names_close(a: &str, b: &str) -> bool {
    let letters = |s: &str| s.to_lowercase().chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
    if a == b || letters(a) == letters(b) {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.to_lowercase().chars().collect(), b.to_lowercase().chars().collect());
    a.len().min(b.len()) >= 5 && edit_distance(&a, &b) <= 2
}

/// Levenshtein distance.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;
    use crate::scenario::parse_scenario;

    #[test]
    fn a_request_read_as_a_rate_is_named_and_a_count_is_not() {
        let mut d = embedded_dataset("norway-2024").unwrap();
        let mut s = parse_scenario(include_str!("../../scenarios/imdi-2024.ron"), "imdi-2024.ron").unwrap();
        s.criteria[1].column = Some("anmodning_2024".into());
        let count_as_rate = |d: &Dataset, s: &Scenario| {
            data_warnings(s, d).into_iter().filter(|w| w.code() == "count_as_rate").collect::<Vec<_>>()
        };
        assert!(count_as_rate(&d, &s).is_empty(), "a count read as a count");
        let i = d.column_index("anmodning_2024").unwrap();
        d.columns[i].meta.kind = Kind::Intensive;
        d.columns[i].meta.role = None;
        let w = count_as_rate(&d, &s);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].message(Lang::En)
                .contains("\"anmodning_2024\" is read as a rate, but holds whole numbers summing to 36,985"),
            "{}",
            w[0].message(Lang::En)
        );
        // The centrality class is whole numbers too, but no national total.
        s.criteria[1].column = Some("sentralitetsklasse_2024".into());
        assert!(count_as_rate(&d, &s).is_empty());
    }

    #[test]
    fn a_mostly_filled_weighted_indicator_is_named() {
        let d = embedded_dataset("norway-2020").unwrap();
        let s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        let warnings = data_warnings(&s, &d);
        let filled: Vec<&DataWarning> =
            warnings.iter().filter(|w| matches!(w, DataWarning::MostlyFilled { .. })).collect();
        assert!(!filled.is_empty(), "{warnings:?}");
        for w in &filled {
            let DataWarning::MostlyFilled { column, missing, total, .. } = w else { unreachable!() };
            assert_eq!(*missing, d.column(column).unwrap().missing_count());
            assert!(*missing * 2 > *total);
        }
        assert!(filled[0].message(Lang::En).contains(" of 356 cells"), "{}", filled[0].message(Lang::En));
        assert!(
            !warnings.iter().any(|w| matches!(w, DataWarning::SimilarColumns { .. })),
            "year series are not typos: {warnings:?}"
        );
        // With no weight the criterion does not count.
        let mut quiet = s.clone();
        for c in &mut quiet.criteria {
            if c.column.as_deref().is_some_and(|id| d.column(id).is_some_and(|col| col.missing_count() * 2 > d.len())) {
                c.weight = 0.0;
            }
        }
        assert!(data_warnings(&quiet, &d).is_empty());
    }

    #[test]
    fn close_names_are_typos_but_year_series_are_not() {
        assert!(names_close("sysselsettingsrate_2013_pst", "sysselsetingsrate_2013_pst"));
        assert!(names_close("innvandrerandel", "Innvandrerandell"));
        assert!(!names_close("bosatt_2018", "bosatt_2019"));
        assert!(!names_close("anmodning_2018", "vedtak_2019"));
        assert!(!names_close("abc", "abd"), "too short to judge");
        assert_eq!(edit_distance(&['a', 'b'], &['b', 'a', 'c']), 2);
    }
}
