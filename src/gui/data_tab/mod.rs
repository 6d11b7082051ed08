//! The Data tab: what the current dataset holds, and importing a new indicator into it.

pub mod apply;
pub mod dialog;
pub mod import;
pub mod overview;
pub mod ssb;
pub mod texts;

#[cfg(test)]
mod borders_tests;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

pub use import::ImportDialog;

/// State of the Data tab, kept in the view state.
#[derive(Default)]
pub struct DataTabState {
    /// What the last move to other borders did, shown in the tab until the next one.
    pub borders_report: Option<Vec<String>>,
}

/// What the Data tab and its import dialog ask for. Text fields of the dialog are edited in place.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportCmd {
    /// Shows the file dialog (or the path field) for an indicator file.
    PickFile,
    /// Reads the file on a background thread and opens the preview.
    Load(PathBuf),
    SetCodeColumn(usize),
    SetValueColumn(usize),
    SetLeaveOutUnknown(bool),
    /// Adds the column to the document's dataset.
    Apply,
    Close,
    /// Shows the file dialog (or the path field) for a dataset file.
    PickDatasetFile,
    /// Makes the scenario use the dataset file at this path (an undoable edit; a broken file changes nothing).
    UseDatasetFile(PathBuf),
    /// Writes the dataset next to the scenario as `<stem>.dataset.ron` (saves the scenario too).
    SaveDataset,
    /// Opens the "Hent fra SSB…" form.
    OpenSsb,
    /// Starts the request of the form (off the UI thread).
    FetchSsb,
    /// Stops waiting for the request; nothing changes.
    CancelSsb,
    CloseSsb,
    /// Moves the scenario and its dataset to other borders (one undo step); a refusal changes nothing.
    MoveBorders(crate::borders::Vintage),
    /// Sets what a column is for the settlement year (one undo step; the dataset is saved with the scenario).
    SetRole {
        column: String,
        role: Option<crate::data::ColumnRole>,
    },
}
