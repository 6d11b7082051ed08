//! Which rows the table shows, in which order. Recomputed only when the result, the sort or the filters
//! change, not every frame.

use std::cmp::Ordering;

use super::columns::{SortValue, filled_lookup, sort_value};
use crate::gui::view::ViewContext;
use crate::gui::view_state::TableView;
use crate::lang::Lang;

#[derive(Clone, PartialEq)]
struct Key {
    generation: u64,
    view: TableView,
    lang: Lang,
}

#[derive(Default)]
pub struct RowCache {
    key: Option<Key>,
    rows: Vec<usize>,
    /// The selection the table last scrolled to, so a selection made elsewhere is brought into view once.
    pub(super) shown_selection: Option<usize>,
    /// The sort or a filter changed since the table last scrolled: it goes back to the top.
    pub(super) order_changed: bool,
    /// How far down both halves of the table are scrolled (the code and name columns stay in place on the
    /// left, the rest scrolls sideways on the right).
    pub(super) scroll_y: f32,
}

impl RowCache {
    /// Dataset rows to show, in order. `generation` changes whenever the allocation does.
    pub fn rows(&mut self, ctx: &ViewContext, view: &TableView, generation: u64) -> &[usize] {
        let key = Key { generation, view: view.clone(), lang: ctx.lang };
        if self.key.as_ref() != Some(&key) {
            self.order_changed |= self.key.as_ref().is_some_and(|k| k.view != key.view);
            self.rows = compute(ctx, view);
            self.key = Some(key);
        }
        &self.rows
    }
}

impl RowCache {
    /// The rows of the last frame, in order.
    pub fn rows_cached(&self) -> &[usize] {
        &self.rows
    }
}

fn compare(a: &SortValue, b: &SortValue) -> Ordering {
    match (a, b) {
        (SortValue::Text(a), SortValue::Text(b)) => a.cmp(b),
        (SortValue::Number(Some(a)), SortValue::Number(Some(b))) => a.total_cmp(b),
        // Empty cells last, whichever the direction.
        (SortValue::Number(None), SortValue::Number(Some(_))) => Ordering::Greater,
        (SortValue::Number(Some(_)), SortValue::Number(None)) => Ordering::Less,
        _ => Ordering::Equal,
    }
}

fn compute(ctx: &ViewContext, view: &TableView) -> Vec<usize> {
    let needle = view.name_filter.trim().to_lowercase();
    let mut rows: Vec<usize> = ctx
        .dataset
        .municipalities
        .iter()
        .enumerate()
        .filter(|(_, m)| view.county.as_ref().is_none_or(|c| *c == m.county_code))
        .filter(|(_, m)| needle.is_empty() || m.name.to_lowercase().contains(&needle) || m.code.starts_with(&needle))
        .map(|(i, _)| i)
        .collect();
    let filled = ctx.allocation.map(filled_lookup).unwrap_or_default();
    let values: Vec<SortValue> = rows.iter().map(|&r| sort_value(ctx, &filled, view.sort, r)).collect();
    let mut order: Vec<usize> = (0..rows.len()).collect();
    // Stable: equal values keep dataset order in both directions.
    order.sort_by(|&a, &b| {
        let (va, vb) = (&values[a], &values[b]);
        let empty_a = matches!(va, SortValue::Number(None));
        let empty_b = matches!(vb, SortValue::Number(None));
        if view.descending && !empty_a && !empty_b { compare(vb, va) } else { compare(va, vb) }
    });
    rows = order.into_iter().map(|i| rows[i]).collect();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::document::Document;
    use crate::gui::view_state::SortKey;

    #[test]
    fn sorts_filters_and_caches() {
        let doc = Document::new_default().unwrap();
        let allocation = crate::engine::allocate(doc.dataset(), doc.scenario());
        let ctx = ViewContext {
            dataset: doc.dataset(),
            scenario: doc.scenario(),
            allocation: allocation.as_ref(),
            lang: Lang::Nb,
            selected: None,
            expected: None,
        };
        let mut cache = RowCache::default();
        let mut view = TableView { sort: SortKey::Request, descending: true, ..TableView::default() };
        let rows = cache.rows(&ctx, &view, 1).to_vec();
        assert_eq!(rows.len(), doc.dataset().len());
        let a = allocation.as_ref().unwrap();
        assert!(rows.windows(2).all(|w| a.rows[w[0]].allocation >= a.rows[w[1]].allocation));
        assert_eq!(doc.dataset().municipalities[rows[0]].name, "Oslo");

        view.name_filter = "berg".into();
        let rows = cache.rows(&ctx, &view, 1).to_vec();
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|&r| doc.dataset().municipalities[r].name.to_lowercase().contains("berg")));

        view.name_filter.clear();
        let county = doc.dataset().counties()[0].0.clone();
        view.county = Some(county.clone());
        let rows = cache.rows(&ctx, &view, 1).to_vec();
        assert!(rows.iter().all(|&r| doc.dataset().municipalities[r].county_code == county));
    }
}
