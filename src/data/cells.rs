//! A column's cells, with values derived from them (the model's filled columns) kept until the cells change.
//!
//! Filling a column (county medians, a copy of the cells) is the same work on every recomputation while only
//! weights change; keeping the result next to the cells makes it once per column and policy.

use std::any::Any;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex, PoisonError};

/// Derived values kept per column: one per missing-value policy is all the model asks for.
const KEPT: usize = 4;

type Derived = Arc<dyn Any + Send + Sync>;

/// The cells, readable as a slice. Changing them through `DerefMut` drops everything derived from them.
#[derive(Default)]
pub struct Cells {
    cells: Vec<Option<f64>>,
    derived: Mutex<Vec<Derived>>,
}

impl Cells {
    /// A value derived from the cells: a kept one that `fits`, or a new one from `make` (kept, the oldest of
    /// more than a few dropped).
    pub fn derived<T: Any + Send + Sync>(&self, fits: impl Fn(&T) -> bool, make: impl FnOnce() -> T) -> Arc<T> {
        let kept =
            |list: &Vec<Derived>| list.iter().find_map(|d| Arc::clone(d).downcast::<T>().ok().filter(|t| fits(t)));
        // A panic elsewhere cannot leave the list half-changed, so a poisoned lock is still usable.
        if let Some(found) = kept(&self.derived.lock().unwrap_or_else(PoisonError::into_inner)) {
            return found;
        }
        let made = Arc::new(make());
        let mut list = self.derived.lock().unwrap_or_else(PoisonError::into_inner);
        if list.len() >= KEPT {
            list.remove(0);
        }
        list.push(Arc::clone(&made) as Derived);
        made
    }
}

impl From<Vec<Option<f64>>> for Cells {
    fn from(cells: Vec<Option<f64>>) -> Self {
        Cells { cells, derived: Mutex::new(Vec::new()) }
    }
}

impl FromIterator<Option<f64>> for Cells {
    fn from_iter<I: IntoIterator<Item = Option<f64>>>(iter: I) -> Self {
        Cells::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Deref for Cells {
    type Target = [Option<f64>];
    fn deref(&self) -> &[Option<f64>] {
        &self.cells
    }
}

impl DerefMut for Cells {
    fn deref_mut(&mut self) -> &mut [Option<f64>] {
        self.derived.get_mut().unwrap_or_else(PoisonError::into_inner).clear();
        &mut self.cells
    }
}

impl<'a> IntoIterator for &'a Cells {
    type Item = &'a Option<f64>;
    type IntoIter = std::slice::Iter<'a, Option<f64>>;
    fn into_iter(self) -> Self::IntoIter {
        self.cells.iter()
    }
}

impl Clone for Cells {
    /// Derived values are shared, not recomputed.
    fn clone(&self) -> Self {
        let derived = self.derived.lock().unwrap_or_else(PoisonError::into_inner).clone();
        Cells { cells: self.cells.clone(), derived: Mutex::new(derived) }
    }
}

impl PartialEq for Cells {
    fn eq(&self, other: &Self) -> bool {
        self.cells == other.cells
    }
}

impl std::fmt::Debug for Cells {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.cells.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::Cells;

    #[test]
    fn derived_values_are_kept_until_the_cells_change() {
        let mut cells = Cells::from(vec![Some(1.0), None, Some(3.0)]);
        let sum = |c: &Cells| c.iter().flatten().sum::<f64>();
        let first = cells.derived(|_: &f64| true, || sum(&cells));
        assert_eq!(*first, 4.0);
        // Kept: `make` is not called again.
        let again = cells.derived(|_: &f64| true, || unreachable!("kept"));
        assert_eq!(*again, 4.0);
        // Another kind of derived value is made and kept beside it.
        let count = cells.derived(|_: &usize| true, || 3usize);
        assert_eq!(*count, 3);
        cells[1] = Some(2.0);
        assert_eq!(*cells.derived(|_: &f64| true, || sum(&cells)), 6.0);
    }

    #[test]
    fn a_value_that_does_not_fit_is_made_again_and_few_are_kept() {
        let cells = Cells::from(vec![Some(1.0)]);
        for k in 0..10u32 {
            assert_eq!(*cells.derived(|v: &u32| *v == k, || k), k);
        }
        assert!(cells.derived.lock().unwrap().len() <= super::KEPT);
    }
}
