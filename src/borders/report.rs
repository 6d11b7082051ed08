//! What a move between border vintages did, grouped the way SSB describes code changes.

use super::vintage::Vintage;
use crate::lang::Lang;

/// One municipality on the other side of a split or merge, with its population share (0–1).
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub code: String,
    pub name: String,
    pub share: f64,
}

/// Same territory, new number.
#[derive(Debug, Clone, PartialEq)]
pub struct Renumbered {
    pub from: String,
    pub to: String,
    pub name: String,
}

/// Same code, new name.
#[derive(Debug, Clone, PartialEq)]
pub struct Renamed {
    pub code: String,
    pub from_name: String,
    pub to_name: String,
}

/// One municipality became several; its value went to `parts` by population share (counts) or as it is
/// (rates, marked estimated).
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    pub from: String,
    pub name: String,
    pub parts: Vec<Part>,
}

/// Several municipalities became one: counts add up, rates are weighted by the parts' population.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub to: String,
    pub name: String,
    pub parts: Vec<Part>,
    /// Parts without a value: the merged municipality gets none.
    pub missing_parts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BorderReport {
    pub from: Vintage,
    pub to: Vintage,
    pub unchanged: usize,
    pub renumbered: Vec<Renumbered>,
    pub renamed: Vec<Renamed>,
    pub split: Vec<Split>,
    pub merged: Vec<Merged>,
    /// Codes on neither vintage (typos, older borders), left for the caller to report.
    pub unknown: Vec<String>,
}

texts!(ReportTexts {
    moved: "Kodene er på {from}-grenser og er ført over til {to}-grenser", "The codes are on {from} borders and were moved to {to} borders";
    unchanged: "uendret", "unchanged";
    renumbered: "nytt nummer", "renumbered";
    renamed: "nytt navn", "renamed";
    split: "delt", "split";
    merged: "slått sammen", "merged";
    by_population: "etter folketall", "by population";
    no_value: "ingen verdi: mangler", "no value: missing";
});

fn percent(share: f64, lang: Lang) -> String {
    let s = format!("{:.1} %", share * 100.0);
    if lang == Lang::Nb { s.replace('.', ",") } else { s }
}

fn parts(parts: &[Part], lang: Lang) -> String {
    parts.iter().map(|p| format!("{} {} {}", p.code, p.name, percent(p.share, lang))).collect::<Vec<_>>().join(", ")
}

impl BorderReport {
    pub fn new(from: Vintage, to: Vintage) -> BorderReport {
        BorderReport {
            from,
            to,
            unchanged: 0,
            renumbered: Vec::new(),
            renamed: Vec::new(),
            split: Vec::new(),
            merged: Vec::new(),
            unknown: Vec::new(),
        }
    }

    /// Codes that changed in any way.
    pub fn changed(&self) -> usize {
        self.renumbered.len() + self.renamed.len() + self.split.len() + self.merged.len()
    }

    /// One line: what moved, with the count of each group.
    pub fn summary(&self, lang: Lang) -> String {
        let t = ReportTexts::get(lang);
        let head = t.moved.replace("{from}", &self.from.to_string()).replace("{to}", &self.to.to_string());
        format!(
            "{head}: {} {}, {} {}, {} {}, {} {}, {} {}.",
            self.unchanged,
            t.unchanged,
            self.renumbered.len(),
            t.renumbered,
            self.renamed.len(),
            t.renamed,
            self.split.len(),
            t.split,
            self.merged.len(),
            t.merged
        )
    }

    /// One line per group that is not empty, naming every code.
    pub fn details(&self, lang: Lang) -> Vec<String> {
        let t = ReportTexts::get(lang);
        let mut out = Vec::new();
        if !self.split.is_empty() {
            let items: Vec<String> = self
                .split
                .iter()
                .map(|s| format!("{} {} → {} ({})", s.from, s.name, parts(&s.parts, lang), t.by_population))
                .collect();
            out.push(format!("{} ({}): {}", t.split, self.split.len(), items.join("; ")));
        }
        if !self.merged.is_empty() {
            let items: Vec<String> = self
                .merged
                .iter()
                .map(|m| {
                    let missing = if m.missing_parts.is_empty() {
                        String::new()
                    } else {
                        format!(" — {} {}", t.no_value, m.missing_parts.join(", "))
                    };
                    format!("{} → {} {}{missing}", parts(&m.parts, lang), m.to, m.name)
                })
                .collect();
            out.push(format!("{} ({}): {}", t.merged, self.merged.len(), items.join("; ")));
        }
        if !self.renumbered.is_empty() {
            let items: Vec<String> =
                self.renumbered.iter().map(|r| format!("{} → {} {}", r.from, r.to, r.name)).collect();
            out.push(format!("{} ({}): {}", t.renumbered, self.renumbered.len(), items.join(", ")));
        }
        if !self.renamed.is_empty() {
            let items: Vec<String> =
                self.renamed.iter().map(|r| format!("{} {} → {}", r.code, r.from_name, r.to_name)).collect();
            out.push(format!("{} ({}): {}", t.renamed, self.renamed.len(), items.join(", ")));
        }
        out
    }
}
