//! Undo and redo: snapshots of the document (the scenario, and the dataset an import changed), and the rounds
//! of the open year made and not yet sent. One gesture (a slider drag, typing in one field) is one step.

use super::document::Snapshot;

/// Enough for a working session; the oldest steps go first.
const LIMIT: usize = 200;

/// One step back or forward.
#[derive(Clone)]
pub enum Step {
    /// The document as it was.
    Document(Box<Snapshot>),
    /// A round of the open year made in the planner and not yet sent: undo takes it back, redo makes it again.
    /// The round itself is kept by the year (`year_view::OpenYear`); a sent round leaves the history.
    YearRound,
}

impl Step {
    /// The step on the other stack once this one is taken: the document as it is now, or the same round.
    fn opposite(&self, current: Snapshot) -> Step {
        match self {
            Step::Document(_) => Step::Document(Box::new(current)),
            Step::YearRound => Step::YearRound,
        }
    }
}

#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
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
        self.push(Step::Document(Box::new(before)));
    }

    /// Records a round of the open year made (and not yet sent).
    pub fn record_year_round(&mut self) {
        self.open_gesture = None;
        self.push(Step::YearRound);
    }

    /// The year's unsent rounds were sent (or the year closed): they are no longer undoable.
    pub fn forget_year_rounds(&mut self) {
        self.undo.retain(|s| matches!(s, Step::Document(_)));
        self.redo.retain(|s| matches!(s, Step::Document(_)));
    }

    /// The last round step is taken back outside undo (its own button): it leaves the history.
    pub fn drop_last_year_round(&mut self) {
        if let Some(at) = self.undo.iter().rposition(|s| matches!(s, Step::YearRound)) {
            self.undo.remove(at);
        }
    }

    fn push(&mut self, step: Step) {
        self.undo.push(step);
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

    /// The step to take back, given the `current` document (which becomes redoable).
    pub fn undo(&mut self, current: Snapshot) -> Option<Step> {
        self.open_gesture = None;
        let previous = self.undo.pop()?;
        self.redo.push(previous.opposite(current));
        Some(previous)
    }

    pub fn redo(&mut self, current: Snapshot) -> Option<Step> {
        self.open_gesture = None;
        let next = self.redo.pop()?;
        self.undo.push(next.opposite(current));
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

    fn total(step: Step) -> u32 {
        match step {
            Step::Document(s) => s.scenario.target.total,
            Step::YearRound => 0,
        }
    }

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
        assert_eq!(total(back), 100);
        assert!(!h.can_undo());
        assert_eq!(total(h.redo(with_total(100)).unwrap()), 103);
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
            seen.push(total(s.clone()));
            current = with_total(total(s));
        }
        assert_eq!(seen, [6, 5, 4, 3, 1]);
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::default();
        h.record(with_total(1), None);
        h.undo(with_total(2)).unwrap();
        assert!(h.can_redo());
        h.record(with_total(1), None);
        assert!(!h.can_redo());
    }

    #[test]
    fn a_year_round_is_a_step_until_it_is_sent() {
        let mut h = History::default();
        h.record(with_total(1), None);
        h.record_year_round();
        assert!(matches!(h.undo(with_total(2)), Some(Step::YearRound)));
        assert!(matches!(h.redo(with_total(2)), Some(Step::YearRound)), "redo makes it again");
        h.forget_year_rounds();
        assert_eq!(total(h.undo(with_total(2)).unwrap()), 1, "a sent round is out of reach of undo");
        assert!(!h.can_undo());
    }
}
