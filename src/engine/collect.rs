//! Collecting a filtered sequence with one allocation.
//!
//! `collect` cannot know how many items pass a filter, so it grows the vector step by step, copying it each
//! time; the model filters whole municipality lists on every recomputation, where that copying shows.

/// The items, in a vector allocated once for at most `bound` of them.
pub(crate) fn collect_within<T>(bound: usize, items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::with_capacity(bound);
    out.extend(items);
    out
}

#[cfg(test)]
mod tests {
    use super::collect_within;

    #[test]
    fn keeps_order_and_allocates_once() {
        let v = collect_within(10, (0..10).filter(|i| i % 3 == 0));
        assert_eq!(v, vec![0, 3, 6, 9]);
        assert_eq!(v.capacity(), 10);
    }
}
