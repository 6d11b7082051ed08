//! The one path by which the open document changes. Every change (an edit of the scenario, an imported
//! column, a move to other borders, a derived plan opened) is committed here: the undo step is recorded, the
//! result recomputed and the change note updated. The dirty flag and the autosave follow the document.

use super::app::App;
use super::changes::asked_flags;
use super::document::Document;
use super::edit::Edit;
use super::history::Step;
use super::notices::Notice;
use crate::data::Dataset;
use crate::scenario::Scenario;

/// A change to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// An edit of the scenario.
    Edit(Edit),
    /// A dataset derived from the current one (an imported column); the scenario stays.
    Dataset(Box<Dataset>),
    /// Scenario and dataset together: moved to other borders, or a plan with the sent request recorded.
    Both { scenario: Box<Scenario>, dataset: Box<Dataset> },
}

impl App {
    /// Commits `change` as one undo step. Edits with the same `gesture` (one slider drag, one typing session
    /// in a field) make one step until the gesture ends. Returns whether the document changed; a dataset
    /// that cannot be loaded is reported and changes nothing.
    pub(super) fn commit(&mut self, change: Change, gesture: Option<egui::Id>) -> bool {
        let gesture = match change {
            Change::Edit(_) => gesture,
            // Data changes are steps of their own.
            Change::Dataset(_) | Change::Both { .. } => None,
        };
        if let Some(id) = gesture
            && self.history.open_gesture() != Some(id)
        {
            let flags = self.computed.result.as_ref().ok().map(asked_flags);
            self.changes.gesture_start = flags.map(|f| (id, f));
        }
        let before = self.doc.snapshot();
        let changed = match change {
            Change::Edit(edit) => {
                let mut after = before.scenario.clone();
                edit.apply(&mut after);
                after != before.scenario && self.set_scenario(after)
            }
            Change::Dataset(dataset) => {
                self.doc.replace_dataset(*dataset);
                true
            }
            Change::Both { scenario, dataset } => {
                self.doc.replace_both(*scenario, *dataset);
                true
            }
        };
        if changed {
            self.history.record(before, gesture);
            self.refresh();
        }
        changed
    }

    /// Back one step: the document as it was, or the open year's last unsent round taken back.
    pub(super) fn undo(&mut self) {
        match self.history.undo(self.doc.snapshot()) {
            Some(Step::Document(previous)) => {
                self.doc.restore(*previous);
                self.refresh();
            }
            Some(Step::YearRound) => self.year_round_back(),
            None => {}
        }
    }

    /// Forward one step.
    pub(super) fn redo(&mut self) {
        match self.history.redo(self.doc.snapshot()) {
            Some(Step::Document(next)) => {
                self.doc.restore(*next);
                self.refresh();
            }
            Some(Step::YearRound) => self.year_round_again(),
            None => {}
        }
    }

    /// The drag or typing that grouped edits is over.
    pub(super) fn end_gesture(&mut self) {
        self.history.end_gesture();
    }

    /// Makes `doc` the open document: fresh history, result and selection, no change note, and no report
    /// of what was done to the previous one.
    pub(super) fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.history.clear();
        self.view.selected = None;
        self.view.data = super::data_tab::DataTabState::default();
        self.changes = super::app::ChangeTracker::default();
        self.recompute();
    }

    /// Replaces the scenario; a dataset that cannot be loaded is reported and nothing changes.
    fn set_scenario(&mut self, scenario: Scenario) -> bool {
        match self.doc.set_scenario(scenario) {
            Ok(()) => true,
            Err(e) => {
                self.notices.push(Notice::error(e.to_string()));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{ColumnMeta, add_column};
    use crate::gui::view_state::Prefs;

    fn app() -> App {
        App::new(Document::new_default().unwrap(), Prefs::default())
    }

    #[test]
    fn an_edit_is_one_undo_step_and_marks_the_document() {
        let mut app = app();
        let total = app.doc.scenario().target.total;
        assert!(app.commit(Change::Edit(Edit::SetTargetTotal(total + 100)), None));
        assert!(app.doc.is_dirty());
        assert_eq!(app.computed.result.as_ref().unwrap().target, total + 100, "the result follows");
        assert!(!app.commit(Change::Edit(Edit::SetTargetTotal(total + 100)), None), "no change, no step");
        app.undo();
        assert_eq!(app.doc.scenario().target.total, total);
        assert!(!app.doc.is_dirty());
        assert!(!app.history.can_undo());
    }

    #[test]
    fn a_dataset_change_is_undone_like_an_edit_and_closes_a_gesture() {
        let mut app = app();
        let drag = Some(egui::Id::unique("drag"));
        app.commit(Change::Edit(Edit::SetSizeExponent(0.5)), drag);
        let columns = app.doc.dataset().columns.len();
        let data = app.doc.dataset();
        let meta = ColumnMeta { id: "ny".into(), ..data.columns[0].meta.clone() };
        let values: Vec<_> = data.municipalities.iter().map(|m| (m.code.clone(), Some(1.0))).collect();
        let dataset = add_column(data, meta, &values).unwrap();
        assert!(app.commit(Change::Dataset(Box::new(dataset)), None));
        // The drag goes on: a new step, since the data change closed the gesture.
        app.commit(Change::Edit(Edit::SetSizeExponent(0.6)), drag);
        assert!(app.doc.dataset_unsaved());
        app.undo();
        assert_eq!(app.doc.dataset().columns.len(), columns + 1);
        app.undo();
        assert_eq!(app.doc.dataset().columns.len(), columns);
        assert_eq!(app.doc.scenario().size_exponent, 0.5);
        app.redo();
        assert_eq!(app.doc.dataset().columns.len(), columns + 1);
    }
}
