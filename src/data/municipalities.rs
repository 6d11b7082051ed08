//! The municipality list of a dataset, with lookups derived from it (code order, counties) computed on first
//! use and kept until the list is changed.
//!
//! Every allocation needs the code order (the tie-break) and each row's county; with 100,000 rows, reading
//! every code and county string again on each recomputation costs more than much of the model itself.

use std::ops::{Deref, DerefMut};
use std::sync::{Arc, OnceLock};

use super::dataset::Municipality;

/// Lookups derived from a municipality list.
#[derive(Debug, PartialEq)]
pub struct RowIndex {
    /// Each row's position in code order: the deterministic tie-break (lower code first).
    pub code_rank: Vec<u32>,
    /// Rows in code order (the inverse of `code_rank`).
    pub by_code: Vec<u32>,
    /// Counties sorted by code: (code, name).
    pub counties: Vec<(String, String)>,
    /// Each row's index into `counties`.
    pub county_of: Vec<usize>,
    /// Rows whose name another municipality also has (two Herøy): they are shown with their county.
    pub shared_name: Vec<bool>,
}

/// The rows, readable as a slice. Changing them through `DerefMut` drops the derived lookups, so they can
/// never describe an older list.
#[derive(Default)]
pub struct Municipalities {
    rows: Vec<Municipality>,
    index: OnceLock<Arc<RowIndex>>,
}

impl Municipalities {
    pub fn index(&self) -> &RowIndex {
        self.shared_index()
    }

    pub fn shared_index(&self) -> &Arc<RowIndex> {
        self.index.get_or_init(|| Arc::new(RowIndex::build(&self.rows)))
    }
}

impl From<Vec<Municipality>> for Municipalities {
    fn from(rows: Vec<Municipality>) -> Self {
        Municipalities { rows, index: OnceLock::new() }
    }
}

impl Deref for Municipalities {
    type Target = [Municipality];
    fn deref(&self) -> &[Municipality] {
        &self.rows
    }
}

impl DerefMut for Municipalities {
    fn deref_mut(&mut self) -> &mut [Municipality] {
        self.index = OnceLock::new();
        &mut self.rows
    }
}

impl<'a> IntoIterator for &'a Municipalities {
    type Item = &'a Municipality;
    type IntoIter = std::slice::Iter<'a, Municipality>;
    fn into_iter(self) -> Self::IntoIter {
        self.rows.iter()
    }
}

impl Clone for Municipalities {
    /// The derived lookups are shared, not recomputed.
    fn clone(&self) -> Self {
        Municipalities { rows: self.rows.clone(), index: self.index.clone() }
    }
}

impl PartialEq for Municipalities {
    fn eq(&self, other: &Self) -> bool {
        self.rows == other.rows
    }
}

impl std::fmt::Debug for Municipalities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.rows.fmt(f)
    }
}

impl RowIndex {
    fn build(rows: &[Municipality]) -> RowIndex {
        let by_code = code_order(rows);
        let mut code_rank = vec![0; rows.len()];
        for (r, &i) in by_code.iter().enumerate() {
            code_rank[i as usize] = r as u32;
        }
        let (counties, county_of) = county_index(rows);
        RowIndex { code_rank, by_code, counties, county_of, shared_name: shared_names(rows) }
    }

    /// The row holding `code` (codes are unique in a loaded dataset).
    pub fn row_of_code(&self, rows: &[Municipality], code: &str) -> Option<usize> {
        let found = self.by_code.binary_search_by(|&i| rows[i as usize].code.as_str().cmp(code)).ok()?;
        Some(self.by_code[found] as usize)
    }
}

/// Row numbers sorted by code, as strings compare. Digit codes of one length sort like numbers, which is much
/// cheaper than comparing strings, and gives the same order.
fn code_order(rows: &[Municipality]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..rows.len() as u32).collect();
    let len = rows.first().map_or(0, |m| m.code.len());
    let numeric: Option<Vec<u64>> = (len <= 18)
        .then(|| {
            rows.iter()
                .map(|m| {
                    (m.code.len() == len && m.code.bytes().all(|b| b.is_ascii_digit())).then(|| m.code.parse().ok())
                })
                .map(Option::flatten)
                .collect()
        })
        .flatten();
    match numeric {
        // Datasets are usually stored in code order already.
        Some(keys) if keys.is_sorted() => {}
        Some(keys) => order.sort_unstable_by_key(|&i| keys[i as usize]),
        None => order.sort_by(|&a, &b| rows[a as usize].code.cmp(&rows[b as usize].code)),
    }
    order
}

/// Which rows share their name with another row.
fn shared_names(rows: &[Municipality]) -> Vec<bool> {
    let mut count: std::collections::HashMap<&str, u32> = std::collections::HashMap::with_capacity(rows.len());
    for m in rows {
        *count.entry(m.name.as_str()).or_default() += 1;
    }
    rows.iter().map(|m| count[m.name.as_str()] > 1).collect()
}

/// Counties sorted by code, and each row's index into that list (one pass, no string search per row).
fn county_index(rows: &[Municipality]) -> (Vec<(String, String)>, Vec<usize>) {
    // Two-digit county codes (always, in validated files) index a small table directly.
    let key = |code: &str| -> Option<usize> {
        let b = code.as_bytes();
        (b.len() == 2 && b.iter().all(u8::is_ascii_digit))
            .then(|| usize::from(b[0] - b'0') * 10 + usize::from(b[1] - b'0'))
    };
    let mut slot: Vec<Option<usize>> = vec![None; 100];
    let mut other: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut counties: Vec<(String, String)> = Vec::new();
    let first: Vec<usize> = rows
        .iter()
        .map(|m| {
            let entry = match key(&m.county_code) {
                Some(k) => &mut slot[k],
                None => {
                    let e = other.entry(m.county_code.as_str()).or_insert(usize::MAX);
                    if *e != usize::MAX {
                        return *e;
                    }
                    *e = counties.len();
                    counties.push((m.county_code.clone(), m.county_name.clone()));
                    return *e;
                }
            };
            *entry.get_or_insert_with(|| {
                counties.push((m.county_code.clone(), m.county_name.clone()));
                counties.len() - 1
            })
        })
        .collect();
    let mut order: Vec<usize> = (0..counties.len()).collect();
    order.sort_by(|&a, &b| counties[a].cmp(&counties[b]));
    let mut new_index = vec![0; counties.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let sorted = order.iter().map(|&i| counties[i].clone()).collect();
    (sorted, first.into_iter().map(|i| new_index[i]).collect())
}

#[cfg(test)]
mod tests {
    use crate::data::embedded_dataset;

    #[test]
    fn code_rank_follows_the_codes_whatever_the_row_order() {
        let mut d = embedded_dataset("norway-2020").unwrap();
        let in_order = d.row_index().code_rank.clone();
        assert!(in_order.iter().enumerate().all(|(i, &r)| r as usize == i), "stored in code order");
        d.municipalities.reverse();
        let reversed = d.row_index().code_rank.clone();
        assert_eq!(reversed[0] as usize, d.len() - 1, "the first row now holds the highest code");
        d.municipalities.swap(3, 7);
        let ranks = d.row_index().code_rank.clone();
        let mut by_rank: Vec<usize> = (0..d.len()).collect();
        by_rank.sort_by_key(|&i| ranks[i]);
        assert!(by_rank.windows(2).all(|w| d.municipalities[w[0]].code < d.municipalities[w[1]].code));
    }

    #[test]
    fn changing_the_rows_renews_the_lookups() {
        let mut d = embedded_dataset("norway-2020").unwrap();
        let oslo = d.index_of_code("0301").unwrap();
        assert_eq!(d.municipalities[oslo].code, "0301");
        d.municipalities.swap(oslo, 0);
        assert_eq!(d.index_of_code("0301"), Some(0));
        assert_eq!(d.index_of_code("9999"), None);
        let first_county = d.municipalities[0].county_code.clone();
        d.municipalities[0].county_code = "99".into();
        d.municipalities[0].county_name = "Test".into();
        let index = d.row_index();
        assert_eq!(index.counties.last().map(|c| c.0.as_str()), Some("99"));
        assert_eq!(index.county_of[0], index.counties.len() - 1);
        assert_ne!(first_county, "99");
    }

    #[test]
    fn shared_names_carry_their_county() {
        let d = embedded_dataset("norway-2020").unwrap();
        let heroy: Vec<String> =
            (0..d.len()).filter(|&i| d.municipalities[i].name == "Herøy").map(|i| d.display_name(i)).collect();
        assert_eq!(heroy, ["Herøy (Møre og Romsdal)", "Herøy (Nordland)"]);
        let oslo = d.index_of_code("0301").unwrap();
        assert_eq!(d.display_name(oslo), "Oslo", "a unique name stays as it is");
    }

    #[test]
    fn codes_of_mixed_length_sort_as_strings() {
        let mut d = embedded_dataset("norway-2020").unwrap();
        d.municipalities[1].code = "03011".into();
        d.municipalities[2].code = "A1".into();
        let index = d.row_index();
        let codes: Vec<&str> = index.by_code.iter().map(|&i| d.municipalities[i as usize].code.as_str()).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(d.index_of_code("A1"), Some(2));
        assert_eq!(d.index_of_code("03011"), Some(1));
    }
}
