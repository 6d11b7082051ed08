//! The decisions to expect for the plan on screen (`crate::expect`): computed once per plan (not per frame)
//! and read by the table, the key figures and the exports of the planner.

use crate::data::Dataset;
use crate::engine::Allocation;
pub use crate::expect::Expected;
use crate::expect::{Estimate, for_plan};
use crate::lang::Lang;
use crate::numfmt;

texts!(ExpectedTexts {
    column: "Forventet vedtak", "Expected decision";
    column_tip: "Plassene kommunen kan ventes å vedta for denne anmodningen, ut fra tidligere vedtak i datasettet. Pek på en celle for spennet og grunnlaget.",
        "The places the municipality can be expected to decide for this request, from the past decisions in the dataset. Point at a cell for the range and the basis.";
    range: "spenn", "range";
    decided: crate::lang::Words::NB.expected_decided, crate::lang::Words::EN.expected_decided;
    coverage: crate::lang::Words::NB.expected_coverage, crate::lang::Words::EN.expected_coverage;
    shortfall: crate::lang::Words::NB.expected_shortfall, crate::lang::Words::EN.expected_shortfall;
});

/// The expected decisions of the latest plan, remade when the plan changes.
#[derive(Default)]
pub struct ExpectedCache {
    generation: Option<u64>,
    value: Option<Expected>,
}

impl ExpectedCache {
    /// Recomputes when `generation` (the plan's) changed since the last call.
    pub fn update(&mut self, dataset: &Dataset, allocation: Option<&Allocation>, generation: u64) {
        if self.generation != Some(generation) {
            self.generation = Some(generation);
            self.value = allocation.and_then(|a| {
                let request: Vec<f64> = a.rows.iter().map(|r| f64::from(r.allocation)).collect();
                for_plan(dataset, &request)
            });
        }
    }

    /// `None` when the dataset holds no decisions to learn from, or there is no plan.
    pub fn get(&self) -> Option<&Expected> {
        self.value.as_ref()
    }
}

/// A row's estimate for its tooltip: the number, its range and the one-sentence basis.
pub fn tip(e: &Estimate, lang: Lang) -> String {
    let t = ExpectedTexts::get(lang);
    let n = |v: f64| numfmt::integer(v, lang);
    format!("{} {} ({} {}–{})\n{}", t.column, n(e.expected), t.range, n(e.low), n(e.high), e.basis.sentence(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expect::default_choice;

    #[test]
    fn the_2024_record_is_read_and_the_plan_estimated_once_per_generation() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
        let (doc, _) = crate::gui::document::Document::open(&path).unwrap();
        let dataset = doc.dataset();
        let choice = default_choice(dataset);
        assert_eq!(choice.history, vec![("anmodning_2024".to_owned(), "vedtak_2024".to_owned())]);
        assert_eq!(choice.settled.as_deref(), Some("bosatt_2023"));
        assert_eq!(choice.group.as_deref(), Some("sentralitetsklasse_2024"));

        let plan = crate::engine::allocate(dataset, doc.scenario()).unwrap();
        let mut cache = ExpectedCache::default();
        cache.update(dataset, Some(&plan), 1);
        let e = cache.get().expect("an estimate");
        assert_eq!(e.rows.len(), dataset.len());
        let requested: f64 = plan.rows.iter().map(|r| f64::from(r.allocation)).sum();
        assert_eq!(e.totals.requested, requested);
        assert!(e.totals.expected > 0.0 && e.totals.expected < requested, "{:?}", e.totals);
        assert!(e.totals.low <= e.totals.expected && e.totals.expected <= e.totals.high);
        let oslo = dataset.index_of_code("0301").unwrap();
        assert!(tip(&e.rows[oslo], Lang::Nb).starts_with("Forventet vedtak "));

        // The same generation is not recomputed, a new one is.
        cache.update(dataset, None, 1);
        assert!(cache.get().is_some());
        cache.update(dataset, None, 2);
        assert!(cache.get().is_none());
    }

    #[test]
    fn no_record_no_estimate() {
        let dataset = crate::data::synthetic::synthetic_dataset(40, 3);
        assert!(default_choice(&dataset).history.is_empty());
    }
}
