//! Undo and redo: snapshots of the document (the scenario, and the dataset an import changed). One gesture
//! (a slider drag, typing in one field) is one step.

use super::document::Snapshot;

/// Enough for a working session; the oldest steps go first.
const LIMIT: usize = 200;

#[derive(Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The gesture whose first edit already pushed its "before" state.
    open_gesture: Option<egui::Id>,
}

impl History {
    /// Records the state `before` an edit. Within an open gesture only its first edit is recorded.
    pub fn record(&mut self, before: Snapshot, gesture: Option<egui::Id>) {
        if gesture.is_some() && gesture == self.open_gesture {
            return;
        }
        self.open_gesture = gesture;
        self.undo.push(before);
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The gesture still grouping edits, if any.
    pub fn open_gesture(&self) -> Option<egui::Id> {
        self.open_gesture
    }

    pub fn end_gesture(&mut self) {
        self.open_gesture = None;
    }

    /// The state to return to, given the `current` one (which becomes redoable).
    pub fn undo(&mut self, current: Snapshot) -> Option<Snapshot> {
        self.open_gesture = None;
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    pub fn redo(&mut self, current: Snapshot) -> Option<Snapshot> {
        self.open_gesture = None;
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A new document starts with no history.
    pub fn clear(&mut self) {
        *self = History::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, LazyLock};

    use crate::data::{Dataset, embedded_dataset};
    use crate::gui::document::default_scenario;

    static DATASET: LazyLock<Arc<Dataset>> = LazyLock::new(|| Arc::new(embedded_dataset("norway-2020").unwrap()));

    fn with_total(total: u32) -> Snapshot {
        let mut scenario = default_scenario().unwrap();
        scenario.target.total = total;
        Snapshot { scenario, dataset: Arc::clone(&DATASET), dataset_unsaved: false }
    }

    #[test]
    fn one_drag_is_one_step() {
        let mut h = History::default();
        let drag = Some(egui::Id::unique("weight slider"));
        // A drag from 100 through 101, 102 to 103.
        h.record(with_total(100), drag);
        h.record(with_total(101), drag);
        h.record(with_total(102), drag);
        h.end_gesture();
        let back = h.undo(with_total(103)).unwrap();
        assert_eq!(back.scenario.target.total, 100);
        assert!(!h.can_undo());
        assert_eq!(h.redo(back).unwrap().scenario.target.total, 103);
    }

    #[test]
    fn separate_gestures_and_plain_edits_are_separate_steps() {
        let mut h = History::default();
        let a = Some(egui::Id::unique("a"));
        h.record(with_total(1), a);
        h.record(with_total(2), a);
        h.end_gesture();
        // The same slider dragged again is a new step.
        h.record(with_total(3), a);
        // Another control, or a plain edit, closes the gesture.
        h.record(with_total(4), Some(egui::Id::unique("b")));
        h.record(with_total(5), None);
        h.record(with_total(6), None);
        let mut current = with_total(7);
        let mut seen = Vec::new();
        while let Some(s) = h.undo(current.clone()) {
            seen.push(s.scenario.target.total);
            current = s;
        }
        assert_eq!(seen, [6, 5, 4, 3, 1]);
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::default();
        h.record(with_total(1), None);
        let s = h.undo(with_total(2)).unwrap();
        assert!(h.can_redo());
        h.record(s, None);
        assert!(!h.can_redo());
    }
}
