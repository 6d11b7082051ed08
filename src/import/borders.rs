//! The mapping step of an import: a file on the other border vintage than the planning dataset is recognised
//! by its codes and moved onto the dataset's borders through the embedded code list ([`crate::borders`]).

use crate::borders::{BorderReport, Estimate, Vintage, crosswalk, map_values};
use crate::data::{Dataset, Kind};

use super::extract::{Extracted, ExtractedValue};

/// The extracted values on the dataset's borders, and what was done to get them there.
#[derive(Debug, Clone, PartialEq)]
pub struct OnBorders {
    pub extracted: Extracted,
    /// Cells that are estimates (rates of split or merged municipalities).
    pub estimated: Vec<Estimate>,
    pub report: BorderReport,
}

/// The vintage of a file's codes: decided by the codes that carry a value or a hidden one, since a table
/// that lists every region code SSB ever used has empty cells for the municipalities of other years.
pub fn file_vintage(extracted: &Extracted) -> Option<Vintage> {
    let codes = extracted.values.iter().filter(|v| v.value.is_some() || v.hidden).map(|v| v.code.as_str());
    Vintage::of_codes(codes)
}

/// `Some` when the file is on the other vintage than `dataset`: its values moved to the dataset's borders
/// (counts split or added, rates copied or weighted and marked). `None` when no mapping is needed or possible.
pub fn to_dataset_borders(extracted: &Extracted, dataset: &Dataset, kind: Kind) -> Option<OnBorders> {
    let to = dataset.vintage()?;
    let from = file_vintage(extracted).filter(|&v| v != to)?;
    let cw = crosswalk();
    // Empty cells of codes that did not exist on the file's borders say nothing: they are not carried.
    let kept: Vec<&ExtractedValue> = extracted
        .values
        .iter()
        .filter(|v| v.value.is_some() || v.hidden || cw.has_code(from, &v.code) || !cw.has_code(to, &v.code))
        .collect();
    let input: Vec<(String, Option<f64>)> = kept.iter().map(|v| (v.code.clone(), v.value)).collect();
    let mapped = map_values(from, to, kind, &input);
    let mut values: Vec<ExtractedValue> = mapped
        .values
        .iter()
        .map(|m| {
            let first = kept[m.sources[0]];
            ExtractedValue {
                code: m.code.clone(),
                label: cw.name(to, &m.code).unwrap_or_default().to_owned(),
                value: m.value,
                hidden: m.value.is_none() && m.sources.iter().any(|&i| kept[i].hidden),
                line: first.line,
            }
        })
        .collect();
    // Codes on neither vintage stay as they were, for the caller to report as unknown with their line.
    values.extend(kept.iter().filter(|v| mapped.report.unknown.contains(&v.code)).map(|v| (*v).clone()));
    Some(OnBorders {
        extracted: Extracted { values, problems: extracted.problems.clone() },
        estimated: mapped.estimated,
        report: mapped.report,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;
    use crate::import::match_codes;

    fn extracted(dataset: &str, column: &str) -> Extracted {
        let d = embedded_dataset(dataset).unwrap();
        let c = d.column(column).unwrap();
        Extracted {
            values: d
                .municipalities
                .iter()
                .zip(c.values.iter())
                .enumerate()
                .map(|(i, (m, v))| ExtractedValue {
                    code: m.code.clone(),
                    label: m.name.clone(),
                    value: *v,
                    hidden: false,
                    line: i + 2,
                })
                .collect(),
            problems: vec![],
        }
    }

    #[test]
    fn a_2020_file_fills_every_2024_municipality() {
        let d2024 = embedded_dataset("norway-2024").unwrap();
        let ex = extracted("norway-2020", "anmodning_2019");
        assert_eq!(file_vintage(&ex), Some(Vintage::Y2020));
        let on = to_dataset_borders(&ex, &d2024, Kind::Extensive).unwrap();
        let codes: Vec<&str> = d2024.municipalities.iter().map(|m| m.code.as_str()).collect();
        let m = match_codes(&on.extracted, &codes);
        assert!(m.unknown_codes.is_empty());
        assert!(m.missing_codes.is_empty());
        assert_eq!(m.matched.len(), 357);
        let halden = on.extracted.values.iter().find(|v| v.code == "3101").unwrap();
        assert_eq!((halden.label.as_str(), halden.line), ("Halden", 93));
        // Same borders: nothing to do.
        assert!(to_dataset_borders(&extracted("norway-2024", "bosatt_2023"), &d2024, Kind::Extensive).is_none());
    }

    #[test]
    fn empty_cells_of_codes_from_other_years_are_not_carried() {
        let d2020 = embedded_dataset("norway-2020").unwrap();
        let mut ex = extracted("norway-2024", "bosatt_2023");
        // An SSB table listing every region code: 2020 codes present with empty cells.
        ex.values.push(ExtractedValue {
            code: "3001".into(),
            label: "Halden".into(),
            value: None,
            hidden: false,
            line: 900,
        });
        let on = to_dataset_borders(&ex, &d2020, Kind::Extensive).unwrap();
        let halden: Vec<&ExtractedValue> = on.extracted.values.iter().filter(|v| v.code == "3001").collect();
        assert_eq!(halden.len(), 1);
        assert!(halden[0].value.is_some());
        assert!(on.report.unknown.is_empty());
    }
}
