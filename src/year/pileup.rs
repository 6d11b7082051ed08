//! Warnings before a revision is made, when places pile up: a municipality above the plan's highest per
//! 1,000 inhabitants or above a chosen ceiling, or more than a quarter of the change on fewer than five
//! municipalities. Each warning names the municipalities.

use crate::data::Dataset;
use crate::lang::Lang;
use crate::numfmt;

/// Changes concentrated on fewer than this many municipalities are warned about…
const FEW: usize = 5;
/// …when they carry more than this share of the change.
const SHARE: f64 = 0.25;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PileUpKind {
    /// Above the highest per 1,000 of the plan before the revision (grown with the total when it grows).
    AbovePlanHighest { highest: f64 },
    /// Above the per-1,000 ceiling given.
    AboveCeiling { ceiling: f64 },
    /// These municipalities carry `share` of the places moved.
    Concentrated { share: f64, moved: u64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PileUp {
    pub kind: PileUpKind,
    /// Dataset rows, largest first.
    pub rows: Vec<usize>,
}

fn per_1000(dataset: &Dataset, row: usize, places: u32) -> f64 {
    let population = dataset.municipalities[row].population;
    if population > 0.0 { f64::from(places) * 1000.0 / population } else { 0.0 }
}

impl PileUp {
    /// The municipalities' names, each with its places and per 1,000 after the revision.
    pub fn names(&self, dataset: &Dataset, after: &[u32], lang: Lang) -> String {
        let one = |&i: &usize| {
            format!(
                "{} ({} = {} {})",
                dataset.display_name(i),
                after[i],
                numfmt::decimal(per_1000(dataset, i, after[i]), 1, lang),
                lang.pick("per 1000", "per 1,000")
            )
        };
        self.rows.iter().map(one).collect::<Vec<_>>().join(", ")
    }

    pub fn message(&self, dataset: &Dataset, after: &[u32], lang: Lang) -> String {
        let names = self.names(dataset, after, lang);
        let d1 = |v: f64| numfmt::decimal(v, 1, lang);
        match self.kind {
            PileUpKind::AbovePlanHighest { highest } => format!(
                "{} {} {}: {names}",
                lang.pick("over planens høyeste", "above the plan's highest"),
                d1(highest),
                lang.pick("per 1000", "per 1,000")
            ),
            PileUpKind::AboveCeiling { ceiling } => format!(
                "{} {} {}: {names}",
                lang.pick("over taket på", "above the ceiling of"),
                d1(ceiling),
                lang.pick("per 1000", "per 1,000")
            ),
            PileUpKind::Concentrated { share, moved } => format!(
                "{} % {} {} {} {} {}: {names}",
                d1(share * 100.0),
                lang.pick("av endringen på", "of the change of"),
                numfmt::integer(moved as f64, lang),
                lang.pick("plasser faller på", "places falls on"),
                self.rows.len(),
                lang.pick("kommune(r)", "municipality(ies)")
            ),
        }
    }
}

/// The warnings for a revision from `before` to `after` (per dataset row). Only rows the revision `moved`
/// (not kept at a decision) are judged; `ceiling` is a per-1,000 limit of the user's.
pub fn pile_up(dataset: &Dataset, before: &[u32], after: &[u32], moved: &[bool], ceiling: Option<f64>) -> Vec<PileUp> {
    let n = dataset.len().min(before.len()).min(after.len()).min(moved.len());
    let rate = |i: usize, v: u32| per_1000(dataset, i, v);
    let by_rate_desc = |rows: &mut Vec<usize>| {
        rows.sort_by(|&a, &b| rate(b, after[b]).total_cmp(&rate(a, after[a])).then(a.cmp(&b)));
    };
    let mut out = Vec::new();
    // A revision upwards raises everyone: the plan's highest grows with the total before anyone counts as
    // piled up.
    let growth = {
        let sum = |v: &[u32]| v.iter().map(|&x| u64::from(x)).sum::<u64>() as f64;
        if sum(before) > 0.0 { (sum(after) / sum(before)).max(1.0) } else { 1.0 }
    };
    let highest = growth * (0..n).filter(|&i| before[i] > 0).map(|i| rate(i, before[i])).fold(0.0, f64::max);
    if highest > 0.0 {
        let mut rows: Vec<usize> =
            (0..n).filter(|&i| moved[i] && after[i] > before[i] && rate(i, after[i]) > highest + 1e-9).collect();
        if !rows.is_empty() {
            by_rate_desc(&mut rows);
            out.push(PileUp { kind: PileUpKind::AbovePlanHighest { highest }, rows });
        }
    }
    if let Some(ceiling) = ceiling {
        let mut rows: Vec<usize> = (0..n).filter(|&i| moved[i] && rate(i, after[i]) > ceiling + 1e-9).collect();
        if !rows.is_empty() {
            by_rate_desc(&mut rows);
            out.push(PileUp { kind: PileUpKind::AboveCeiling { ceiling }, rows });
        }
    }
    let change = |i: usize| u64::from(after[i].abs_diff(before[i]));
    let mut changed: Vec<usize> = (0..n).filter(|&i| moved[i] && change(i) > 0).collect();
    let moved_total: u64 = changed.iter().map(|&i| change(i)).sum();
    changed.sort_by(|&a, &b| change(b).cmp(&change(a)).then(a.cmp(&b)));
    let mut carried = 0;
    for (k, &i) in changed.iter().enumerate().take(FEW - 1) {
        carried += change(i);
        if carried as f64 > SHARE * moved_total as f64 {
            let share = carried as f64 / moved_total as f64;
            out.push(PileUp {
                kind: PileUpKind::Concentrated { share, moved: moved_total },
                rows: changed[..=k].to_vec(),
            });
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::synthetic;

    #[test]
    fn places_on_a_few_are_named_and_an_even_change_is_not() {
        let mut d = synthetic::synthetic_dataset(40, 7);
        d.municipalities.iter_mut().for_each(|m| m.population = 10_000.0);
        let before: Vec<u32> = (0..40).map(|i| 10 * (i + 1) as u32).collect();
        let moved = vec![true; 40];
        let even: Vec<u32> = before.iter().map(|v| v * 11 / 10).collect();
        assert!(pile_up(&d, &before, &even, &moved, None).is_empty(), "a proportional change warns of nothing");
        let mut piled = before.clone();
        piled[3] += 5_000;
        let w = pile_up(&d, &before, &piled, &moved, Some(1.0));
        let kinds: Vec<_> = w.iter().map(|p| std::mem::discriminant(&p.kind)).collect();
        assert_eq!(kinds.len(), 3, "{w:?}");
        assert!(w.iter().all(|p| p.rows.contains(&3)));
        let kept = {
            let mut m = moved.clone();
            m[3] = false;
            m
        };
        assert!(pile_up(&d, &before, &piled, &kept, None).is_empty(), "a kept decision is the municipality's own");
        assert!(w[0].message(&d, &piled, Lang::En).contains(&d.display_name(3)));
    }
}
