//! A municipality's contribution per criterion, stored inline: one per criterion, and a scenario has at most
//! one of each, so a result row needs no allocation of its own (there are 100,000 rows in the largest tests).

use std::ops::Deref;

use crate::scenario::CriterionId;

const MAX: usize = CriterionId::ALL.len();

#[derive(Clone, Copy, PartialEq, Default)]
pub struct Contributions {
    values: [f64; MAX],
    len: u8,
}

impl Contributions {
    /// The values in criterion order; values past the sixth (impossible in a validated scenario) are dropped.
    #[inline]
    pub fn from_iter_capped(values: impl IntoIterator<Item = f64>) -> Self {
        let mut out = Contributions::default();
        for (slot, v) in out.values.iter_mut().zip(values) {
            *slot = v;
            out.len += 1;
        }
        out
    }
}

impl Deref for Contributions {
    type Target = [f64];
    fn deref(&self) -> &[f64] {
        &self.values[..usize::from(self.len)]
    }
}

impl<'a> IntoIterator for &'a Contributions {
    type Item = &'a f64;
    type IntoIter = std::slice::Iter<'a, f64>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::fmt::Debug for Contributions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_up_to_one_value_per_criterion() {
        let c = Contributions::from_iter_capped([1.0, 2.5]);
        assert_eq!(&*c, &[1.0, 2.5]);
        assert_eq!(c.iter().sum::<f64>(), 3.5);
        let full = Contributions::from_iter_capped((0..10).map(f64::from));
        assert_eq!(full.len(), MAX);
        assert_eq!(format!("{c:?}"), "[1.0, 2.5]");
    }
}
