//! The datasets shipped inside the binary.

use super::dataset::Dataset;
use super::file::{DataError, parse_dataset};

pub const EMBEDDED_IDS: [&str; 2] = ["norway-2020", "norway-2024"];

const NORWAY_2020: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/norway-2020.dataset.ron"));
const NORWAY_2024: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/norway-2024.dataset.ron"));

const CROSSWALK_2020_2024: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/borders-2020-2024.ron"));

/// The code list between 2020 and 2024 borders (see `crate::borders`).
pub fn embedded_crosswalk() -> &'static str {
    CROSSWALK_2020_2024
}

pub fn embedded_dataset(id: &str) -> Result<Dataset, DataError> {
    let text = match id {
        "norway-2020" => NORWAY_2020,
        "norway-2024" => NORWAY_2024,
        _ => return Err(DataError::UnknownEmbedded(id.to_owned())),
    };
    parse_dataset(text, &format!("embedded:{id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_datasets_load() {
        let d = embedded_dataset("norway-2020").unwrap();
        assert_eq!(d.len(), 356);
        let total: f64 = d.municipalities.iter().map(|m| m.population).sum();
        assert_eq!(total, 5_367_580.0);
        let d = embedded_dataset("norway-2024").unwrap();
        assert_eq!(d.len(), 357);
        assert!(embedded_dataset("norway-1999").is_err());
    }

    #[test]
    fn a_municipality_is_named_by_its_number_or_its_name() {
        // The 2020 borders have two municipalities named Herøy.
        let d = embedded_dataset("norway-2020").unwrap();
        let oslo = d.index_of_code("0301").unwrap();
        assert_eq!(d.rows_named("0301"), [oslo]);
        assert_eq!(d.rows_named(" 301 "), [oslo], "the leading zero may be left out");
        assert_eq!(d.rows_named("OSLO"), [oslo]);
        assert_eq!(d.rows_named("Herøy").len(), 2, "a shared name names both");
        let one = d.rows_named("Herøy (Nordland)");
        assert_eq!(one.len(), 1);
        assert_eq!(d.municipalities[one[0]].county_name, "Nordland");
        assert!(d.rows_named("Bergenx").is_empty());
        assert!(d.rows_named("").is_empty());
    }

    #[test]
    fn the_embedded_columns_state_their_roles() {
        use crate::data::ColumnRole;
        let d = embedded_dataset("norway-2024").unwrap();
        assert!(d.column_with_role(ColumnRole::Request { year: 2024 }).is_some_and(|c| c.meta.id == "anmodning_2024"));
        assert!(d.column_with_role(ColumnRole::Decisions { year: 2024 }).is_some_and(|c| c.meta.id == "vedtak_2024"));
        let partial = ColumnRole::Settled { year: 2024, partial: true };
        assert!(d.column_with_role(partial).is_some_and(|c| c.meta.id == "bosatt_2024_delaar"));
        // Stated in the file, and the same as the names' convention: no column lost or gained a meaning.
        for id in EMBEDDED_IDS {
            let text = match id {
                "norway-2020" => NORWAY_2020,
                _ => NORWAY_2024,
            };
            assert!(text.contains("format: 2") && text.contains("role: "), "{id}");
            for c in &embedded_dataset(id).unwrap().columns {
                assert_eq!(c.meta.role, ColumnRole::from_legacy_id(&c.meta.id), "{id}: {}", c.meta.id);
            }
        }
        assert_eq!(embedded_dataset("norway-2020").unwrap().roles().count(), 6);
    }
}
