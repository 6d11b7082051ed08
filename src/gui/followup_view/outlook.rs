//! The outlook ("decided + expected") of the follow-up on screen, remade only when the requests or decisions
//! it reads change: the estimate refits the record (tens of microseconds), which a frame should not repeat.

use crate::data::Dataset;
use crate::expect::{Outlook, outlook};
use crate::followup::FollowUp;

/// What an outlook was made from: the dataset and each row's request and decision.
type Key = (String, Vec<(u32, Option<u32>)>);

#[derive(Debug, Clone, Default)]
pub struct OutlookCache {
    made: Option<(Key, Option<Outlook>)>,
}

impl OutlookCache {
    /// The outlook of `f`, from the last call when its inputs are the same.
    pub fn get(&mut self, dataset: &Dataset, f: &FollowUp) -> Option<&Outlook> {
        let key: Key = (dataset.fingerprint.clone(), f.rows.iter().map(|r| (r.request, r.decision)).collect());
        if self.made.as_ref().is_none_or(|(k, _)| *k != key) {
            self.made = Some((key, outlook(dataset, f)));
        }
        self.made.as_ref().and_then(|(_, o)| o.as_ref())
    }
}

/// A cache is not part of what the state means: two states that chose the same are equal.
impl PartialEq for OutlookCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::embedded_dataset;
    use crate::followup::{column_counts, follow_up};

    #[test]
    fn the_outlook_is_remade_when_a_decision_changes_and_only_then() {
        let d = embedded_dataset("norway-2024").expect("the 2024 dataset");
        let request: Vec<u32> = column_counts(&d, "anmodning_2024").unwrap().iter().map(|v| v.unwrap_or(0)).collect();
        let mut decisions = column_counts(&d, "vedtak_2024").unwrap();
        let f = follow_up(&d, 30_000, &request, &decisions, None).unwrap();
        let mut cache = OutlookCache::default();
        let first = cache.get(&d, &f).cloned().expect("the 2024 record gives an outlook");
        assert_eq!(first, outlook(&d, &f).unwrap());
        // The same inputs: the kept outlook (its address does not move).
        let kept = cache.get(&d, &f).map(std::ptr::from_ref);
        assert_eq!(kept, cache.get(&d, &f).map(std::ptr::from_ref));
        // Oslo's decision taken away: Oslo is now waiting, so the outlook is made again.
        let oslo = d.index_of_code("0301").unwrap();
        decisions[oslo] = None;
        let g = follow_up(&d, 30_000, &request, &decisions, None).unwrap();
        let second = cache.get(&d, &g).cloned().unwrap();
        assert_eq!(second, outlook(&d, &g).unwrap());
        assert_eq!(second.unanswered, first.unanswered + 1);
    }
}
