//! A dataset's heading: its own name with how many municipalities and counties it holds, counted from its
//! rows, never taken from a stored title (a dataset moved to other borders holds other numbers).

use std::collections::BTreeSet;

use super::Dataset;
use crate::lang::Lang;

crate::texts!(HeadingTexts {
    municipalities: "kommuner", "municipalities";
    counties: "fylker", "counties";
});

impl Dataset {
    /// The stored title without any count it carries ("Kommunene 2020 (356 kommuner, 11 fylker)" → "Kommunene
    /// 2020").
    pub fn name(&self, lang: Lang) -> String {
        without_counts(lang.pick(&self.title.nb, &self.title.en))
    }

    /// The name and the counts of this dataset's rows: "Kommunene 2020 – på 2024-grenser (357 kommuner, 15
    /// fylker)".
    pub fn heading(&self, lang: Lang) -> String {
        let t = HeadingTexts::get(lang);
        let counties: BTreeSet<&str> = self.municipalities.iter().map(|m| m.county_code.as_str()).collect();
        format!("{} ({} {}, {} {})", self.name(lang), self.len(), t.municipalities, counties.len(), t.counties)
    }
}

/// `title` with every parenthesised count of municipalities and counties taken out, in either language.
pub(crate) fn without_counts(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(open) = rest.find(" (") {
        let after = &rest[open + 2..];
        match after.find(')') {
            Some(close) if is_counts(&after[..close]) => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// "356 kommuner, 11 fylker" or "356 municipalities, 11 counties".
fn is_counts(inside: &str) -> bool {
    let counted = |part: &str, words: [&str; 2]| {
        part.trim().split_once(' ').is_some_and(|(n, word)| {
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && words.contains(&word.trim())
        })
    };
    inside
        .split_once(',')
        .is_some_and(|(m, c)| counted(m, ["kommuner", "municipalities"]) && counted(c, ["fylker", "counties"]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::borders::{Vintage, move_dataset};
    use crate::data::embedded_dataset;

    #[test]
    fn counts_come_out_of_a_title_wherever_they_stand() {
        assert_eq!(without_counts("Kommunene 2020 (356 kommuner, 11 fylker)"), "Kommunene 2020");
        assert_eq!(
            without_counts("Kommunene 2020 (356 kommuner, 11 fylker) – på 2024-grenser"),
            "Kommunene 2020 – på 2024-grenser"
        );
        assert_eq!(without_counts("Municipalities (356 municipalities, 11 counties)"), "Municipalities");
        // Other parentheses are the analyst's own words.
        assert_eq!(without_counts("Mine tall (utkast) (v2"), "Mine tall (utkast) (v2");
    }

    #[test]
    fn a_moved_dataset_is_headed_by_what_it_holds() {
        let d2020 = embedded_dataset("norway-2020").unwrap();
        assert_eq!(d2020.heading(Lang::Nb), "Kommunene 2020 (356 kommuner, 11 fylker)");
        let (moved, _) = move_dataset(&d2020, Vintage::Y2024).unwrap();
        assert_eq!(moved.heading(Lang::Nb), "Kommunene 2020 – på 2024-grenser (357 kommuner, 15 fylker)");
        assert_eq!(moved.heading(Lang::En), "Municipalities 2020 – on 2024 borders (357 municipalities, 15 counties)");
        let (back, _) = move_dataset(&moved, Vintage::Y2020).unwrap();
        assert_eq!(back.heading(Lang::Nb), d2020.heading(Lang::Nb));
    }
}
