//! Values keyed by municipality code, moved from one border vintage to another.
//!
//! Counts (extensive) split by the successors' population shares, apportioned so the parts add up to the
//! whole exactly, and add up when municipalities merge. Rates (intensive) are copied to each successor and
//! marked as estimated, and merge as a population-weighted mean (also marked). Population shares are the
//! 2024 residents of the parts (SSB, in the embedded code list).

use std::collections::{HashMap, HashSet};

use super::crosswalk::{Change, Pair, crosswalk};
use super::report::{BorderReport, Merged, Part, Renamed, Renumbered, Split};
use super::vintage::Vintage;
use crate::data::{Kind, Text};
use crate::engine::{Claim, Method, apportion};

pub use crate::data::Estimate;

/// One value on the new borders and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct MappedValue {
    pub code: String,
    pub value: Option<f64>,
    /// Indices into the input of the values it was made from.
    pub sources: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MappedValues {
    /// In input order (a split's parts together, a merge where its first part was).
    pub values: Vec<MappedValue>,
    pub estimated: Vec<Estimate>,
    pub report: BorderReport,
}

/// The other side of a pair, seen from `from`.
fn target(pair: &Pair, from: Vintage) -> (&str, &str) {
    match from {
        Vintage::Y2020 => (&pair.to, &pair.to_name),
        Vintage::Y2024 => (&pair.from, &pair.from_name),
    }
}

fn source(pair: &Pair, from: Vintage) -> (&str, &str) {
    match from {
        Vintage::Y2020 => (&pair.from, &pair.from_name),
        Vintage::Y2024 => (&pair.to, &pair.to_name),
    }
}

/// Splits a count into parts by `weights`, at the count's own precision (whole numbers stay whole), so the
/// parts add up to the count.
pub fn split_count(value: f64, weights: &[f64]) -> Vec<f64> {
    let total_weight: f64 = weights.iter().sum();
    let proportional = || weights.iter().map(|w| value * w / total_weight).collect();
    if !(value.is_finite() && value >= 0.0 && total_weight > 0.0) {
        return proportional();
    }
    // The fewest decimals that hold the value exactly, up to six.
    let Some(scale) = (0..=6).map(|d| 10f64.powi(d)).find(|s| {
        let units = value * s;
        (units - units.round()).abs() <= 1e-9 * units.max(1.0)
    }) else {
        return proportional();
    };
    let units = (value * scale).round();
    if units > f64::from(u32::MAX) {
        return proportional();
    }
    let claims: Vec<Claim> = weights.iter().enumerate().map(|(i, &w)| Claim::unbounded(w, i as u32)).collect();
    match apportion(&claims, units as u32, Method::Hamilton) {
        Ok(a) => a.seats.iter().map(|&s| f64::from(s) / scale).collect(),
        Err(_) => proportional(),
    }
}

/// Moves `values` (code, value) from `from` borders to `to` borders. Codes on neither vintage go to
/// `report.unknown`; codes that are the same on both move unchanged.
pub fn map_values(from: Vintage, to: Vintage, kind: Kind, values: &[(String, Option<f64>)]) -> MappedValues {
    let cw = crosswalk();
    let mut report = BorderReport::new(from, to);
    let mut out = MappedValues { values: Vec::new(), estimated: Vec::new(), report: BorderReport::new(from, to) };
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, (code, _)) in values.iter().enumerate() {
        index.entry(code.as_str()).or_insert(i);
    }
    let mut merged_done: HashSet<String> = HashSet::new();
    for (i, (code, value)) in values.iter().enumerate() {
        if index.get(code.as_str()) != Some(&i) {
            continue; // a repeated code: the first is kept
        }
        if from == to {
            report.unchanged += 1;
            out.values.push(MappedValue { code: code.clone(), value: *value, sources: vec![i] });
            continue;
        }
        let pairs = cw.pairs_of(from, code);
        if pairs.is_empty() {
            report.unknown.push(code.clone());
            continue;
        }
        let from_name = source(pairs[0], from).1.to_owned();
        if pairs.len() > 1 {
            // A split: one municipality, several on the new borders.
            let weights: Vec<f64> = pairs.iter().map(|p| f64::from(p.population)).collect();
            let total: f64 = weights.iter().sum();
            let parts_values: Vec<Option<f64>> = match (kind, value) {
                (Kind::Extensive, Some(v)) => split_count(*v, &weights).into_iter().map(Some).collect(),
                _ => vec![*value; pairs.len()],
            };
            let mut parts = Vec::new();
            for (pair, part_value) in pairs.iter().zip(parts_values) {
                let (to_code, to_name) = target(pair, from);
                if kind == Kind::Intensive && part_value.is_some() {
                    out.estimated
                        .push(Estimate { code: to_code.to_owned(), reason: split_reason(code, &from_name, from, to) });
                }
                parts.push(Part {
                    code: to_code.to_owned(),
                    name: to_name.to_owned(),
                    share: f64::from(pair.population) / total,
                });
                out.values.push(MappedValue { code: to_code.to_owned(), value: part_value, sources: vec![i] });
            }
            report.split.push(Split { from: code.clone(), name: from_name, parts });
            continue;
        }
        let pair = pairs[0];
        let (to_code, to_name) = target(pair, from);
        let sources = cw.pairs_of(to, to_code);
        if sources.len() > 1 {
            // A merge: several municipalities, one on the new borders.
            if !merged_done.insert(to_code.to_owned()) {
                continue;
            }
            let weights: Vec<f64> = sources.iter().map(|p| f64::from(p.population)).collect();
            let total: f64 = weights.iter().sum();
            let mut parts = Vec::new();
            let mut missing_parts = Vec::new();
            let mut found = Vec::new();
            let mut source_ix = Vec::new();
            for (p, w) in sources.iter().zip(&weights) {
                let (c, n) = source(p, from);
                parts.push(Part { code: c.to_owned(), name: n.to_owned(), share: w / total });
                match index.get(c).and_then(|&j| values[j].1.map(|v| (j, v))) {
                    Some((j, v)) => {
                        found.push((v, *w));
                        source_ix.push(j);
                    }
                    None => missing_parts.push(c.to_owned()),
                }
            }
            let merged = if !missing_parts.is_empty() {
                None
            } else if kind == Kind::Extensive {
                Some(found.iter().map(|(v, _)| v).sum())
            } else if found.iter().all(|(v, _)| *v == found[0].0) {
                Some(found[0].0)
            } else {
                Some(found.iter().map(|(v, w)| v * w).sum::<f64>() / total)
            };
            if kind == Kind::Intensive && merged.is_some() {
                let names: Vec<String> = parts.iter().map(|p| format!("{} ({})", p.name, p.code)).collect();
                out.estimated.push(Estimate { code: to_code.to_owned(), reason: merge_reason(&names, from, to) });
            }
            out.values.push(MappedValue { code: to_code.to_owned(), value: merged, sources: source_ix });
            report.merged.push(Merged { to: to_code.to_owned(), name: to_name.to_owned(), parts, missing_parts });
            continue;
        }
        match pair.change {
            Change::Unchanged => report.unchanged += 1,
            Change::Renamed => report.renamed.push(Renamed {
                code: code.clone(),
                from_name: from_name.clone(),
                to_name: to_name.to_owned(),
            }),
            Change::NewCode | Change::Split => report.renumbered.push(Renumbered {
                from: code.clone(),
                to: to_code.to_owned(),
                name: to_name.to_owned(),
            }),
        }
        out.values.push(MappedValue { code: to_code.to_owned(), value: *value, sources: vec![i] });
    }
    out.report = report;
    out
}

fn split_reason(code: &str, name: &str, from: Vintage, to: Vintage) -> Text {
    Text {
        nb: format!(
            "Anslag: verdien for {name} ({code}) på {from}-grenser, kopiert til hver kommune den ble delt i ({to}-grenser)"
        ),
        en: format!(
            "Estimate: the value of {name} ({code}) on {from} borders, copied to each municipality it was split into ({to} borders)"
        ),
    }
}

fn merge_reason(names: &[String], from: Vintage, to: Vintage) -> Text {
    let names = names.join(", ");
    Text {
        nb: format!("Anslag: snitt av {names} på {from}-grenser, vektet med folketall ({to}-grenser)"),
        en: format!("Estimate: mean of {names} on {from} borders, weighted by population ({to} borders)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;

    fn column(dataset: &str, id: &str) -> Vec<(String, Option<f64>)> {
        let d = embedded_dataset(dataset).unwrap();
        let c = d.column(id).unwrap();
        d.municipalities.iter().zip(c.values.iter()).map(|(m, v)| (m.code.clone(), *v)).collect()
    }

    fn value(m: &MappedValues, code: &str) -> Option<f64> {
        m.values.iter().find(|v| v.code == code).and_then(|v| v.value)
    }

    #[test]
    fn counts_split_by_population_and_add_up_exactly() {
        assert_eq!(split_count(101.0, &[58509.0, 9357.0]), vec![87.0, 14.0]);
        assert_eq!(split_count(0.0, &[1.0, 1.0]), vec![0.0, 0.0]);
        let parts = split_count(458.5, &[58509.0, 9357.0]);
        assert_eq!(parts.iter().sum::<f64>(), 458.5);
        let input = column("norway-2020", "anmodning_2019");
        let total: f64 = input.iter().filter_map(|(_, v)| *v).sum();
        let m = map_values(Vintage::Y2020, Vintage::Y2024, Kind::Extensive, &input);
        assert_eq!(m.values.len(), 357);
        assert_eq!(m.values.iter().filter_map(|v| v.value).sum::<f64>(), total);
        let old = input.iter().find(|(c, _)| c == "1507").unwrap().1.unwrap();
        let (a, h) = (value(&m, "1508").unwrap(), value(&m, "1580").unwrap());
        assert_eq!(a + h, old);
        assert!((h / old - 9357.0 / 67866.0).abs() < 0.5 / old + 1e-9, "{a} {h} {old}");
        assert!(m.estimated.is_empty());
        let r = &m.report;
        assert_eq!((r.unchanged, r.renumbered.len(), r.renamed.len(), r.split.len()), (231, 113, 11, 1));
        assert!(r.summary(crate::lang::Lang::En).contains("113 renumbered, 11 renamed, 1 split"));
    }

    #[test]
    fn rates_are_copied_and_marked_then_merge_back() {
        let input = column("norway-2020", "innvandrerandel_2020_pst");
        let m = map_values(Vintage::Y2020, Vintage::Y2024, Kind::Intensive, &input);
        let old = input.iter().find(|(c, _)| c == "1507").unwrap().1;
        assert_eq!(value(&m, "1508"), old);
        assert_eq!(value(&m, "1580"), old);
        let marked: Vec<&str> = m.estimated.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(marked, vec!["1508", "1580"]);
        assert!(m.estimated[0].reason.en.contains("Ålesund (1507)"));
        let back: Vec<(String, Option<f64>)> = m.values.iter().map(|v| (v.code.clone(), v.value)).collect();
        let b = map_values(Vintage::Y2024, Vintage::Y2020, Kind::Intensive, &back);
        let mut got: Vec<(String, Option<f64>)> = b.values.iter().map(|v| (v.code.clone(), v.value)).collect();
        let mut want = input.clone();
        got.sort_by(|x, y| x.0.cmp(&y.0));
        want.sort_by(|x, y| x.0.cmp(&y.0));
        assert_eq!(got, want);
        assert_eq!(b.report.merged.len(), 1);
    }

    #[test]
    fn reverse_merges_counts_and_weights_rates() {
        let values =
            vec![("1508".to_owned(), Some(100.0)), ("1580".to_owned(), Some(10.0)), ("3101".into(), Some(5.0))];
        let m = map_values(Vintage::Y2024, Vintage::Y2020, Kind::Extensive, &values);
        assert_eq!(value(&m, "1507"), Some(110.0));
        assert_eq!(value(&m, "3001"), Some(5.0));
        assert_eq!(m.values.iter().find(|v| v.code == "1507").unwrap().sources, vec![0, 1]);
        let m = map_values(Vintage::Y2024, Vintage::Y2020, Kind::Intensive, &values);
        let want = (100.0 * 58509.0 + 10.0 * 9357.0) / 67866.0;
        assert!((value(&m, "1507").unwrap() - want).abs() < 1e-9);
        // A part without a value leaves the merged municipality without one, and says so.
        let m = map_values(Vintage::Y2024, Vintage::Y2020, Kind::Extensive, &values[..1]);
        assert_eq!(value(&m, "1507"), None);
        assert_eq!(m.report.merged[0].missing_parts, vec!["1580"]);
        // Codes on neither vintage are reported, not guessed.
        let m = map_values(Vintage::Y2020, Vintage::Y2024, Kind::Extensive, &[("0101".into(), Some(1.0))]);
        assert_eq!(m.report.unknown, vec!["0101"]);
    }
}
