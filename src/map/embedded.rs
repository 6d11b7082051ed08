//! Map assets compiled into the binary, one per set of municipality borders.
//!
//! The files in `assets/` are produced from the prepared public GeoJSON by
//! [`super::build::build_map_asset`] (see the `make-assets` binary) and decoded with
//! [`super::format::decode`].

static MAP_2020: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/map-2020.bin"));
static MAP_2024: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/map-2024.bin"));

/// The embedded map asset for a dataset id (`"norway-2020"`, `"norway-2024"`).
pub fn embedded_map(dataset_id: &str) -> Option<&'static [u8]> {
    match dataset_id {
        "norway-2020" => Some(MAP_2020),
        "norway-2024" => Some(MAP_2024),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::embedded_map;
    use crate::map::format::tests::{check_count_mutations, check_mutations};
    use crate::map::{MapGeometry, decode, project};

    fn load(id: &str) -> MapGeometry {
        decode(embedded_map(id).expect("embedded")).expect("decodes")
    }

    fn at(map: &MapGeometry, lon: f64, lat: f64) -> Option<&str> {
        let [x, y] = project(lon, lat);
        map.hit_test([x as f32, y as f32]).map(|i| map.shapes[i].code.as_str())
    }

    fn check_codes(map: &MapGeometry, n: usize) {
        assert_eq!(map.shapes.len(), n);
        let codes: HashSet<&str> = map.shapes.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes.len(), n, "codes are unique");
        for s in &map.shapes {
            assert!(s.code.len() == 4 && s.code.bytes().all(|b| b.is_ascii_digit()), "{}", s.code);
            assert_eq!(s.county_code, s.code[..2]);
            assert!(!s.polygons.is_empty() && !s.bounds.is_empty());
        }
        assert!(map.shapes.windows(2).all(|w| w[0].code < w[1].code));
        assert!(!map.county_borders.is_empty());
        assert!(map.county_borders.iter().all(|l| l.len() >= 2));
        // Lindesnes to Nordkapp is about 1 490 km of northing, Utsira to Grense Jakobselv about
        // 1 190 km of easting.
        assert!((1_400_000.0..1_600_000.0).contains(&map.bounds.height()));
        assert!((1_100_000.0..1_300_000.0).contains(&map.bounds.width()));
    }

    #[test]
    fn unknown_dataset() {
        assert!(embedded_map("norway-1999").is_none());
    }

    #[test]
    fn assets_are_small() {
        for id in ["norway-2020", "norway-2024"] {
            let len = embedded_map(id).unwrap().len();
            assert!(len <= 600 * 1024, "{id}: {len} bytes");
        }
    }

    #[test]
    fn map_2020() {
        let map = load("norway-2020");
        check_codes(&map, 356);
        assert_eq!(at(&map, 10.75, 59.91), Some("0301"));
        assert_eq!(at(&map, 18.955, 69.649), Some("5401"));
        assert_eq!(at(&map, 5.324, 60.393), Some("4601"));
        assert_eq!(at(&map, 10.395, 63.430), Some("5001"));
        assert_eq!(at(&map, 0.0, 62.0), None);
        assert_eq!(map.index_of("0301").map(|i| &*map.shapes[i].code), Some("0301"));
        assert_eq!(map.index_of("5501"), None);
    }

    #[test]
    fn map_2024() {
        let map = load("norway-2024");
        check_codes(&map, 357);
        assert_eq!(at(&map, 10.75, 59.91), Some("0301"));
        assert_eq!(at(&map, 18.955, 69.649), Some("5501"));
        assert_eq!(at(&map, 5.324, 60.393), Some("4601"));
        assert_eq!(at(&map, 10.395, 63.430), Some("5001"));
        assert_eq!(at(&map, 0.0, 62.0), None);
        assert_eq!(at(&map, 25.0, 50.0), None);
        assert!(map.index_of("5501").is_some());
        assert_eq!(map.index_of("5401"), None);
    }

    #[test]
    fn corrupt_assets_are_rejected() {
        for id in ["norway-2020", "norway-2024"] {
            let bytes = embedded_map(id).unwrap();
            check_mutations(bytes);
            check_count_mutations(bytes);
            let mut garbage = bytes.to_vec();
            for (i, b) in garbage.iter_mut().enumerate().skip(64) {
                *b = (i * 31 % 251) as u8;
            }
            assert!(decode(&garbage).is_err());
            assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        }
    }
}
