//! What the user asked for. Views return commands; `App::apply` is the one place that carries them out.

use std::path::PathBuf;

use super::edit::Edit;
use super::view_state::Tab;
use crate::export::ExportFormat;
use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A fresh document from the default scenario (asks first when there are unsaved changes).
    New,
    Open(PathBuf),
    /// Shows the native open dialog (or the path field when none can be shown).
    OpenDialog,
    Save,
    SaveAs(PathBuf),
    SaveAsDialog,
    Undo,
    Redo,
    /// A change to the scenario. Edits with the same `gesture` (one slider drag, one typing session in a
    /// field) make one undo step until the gesture ends.
    Edit {
        edit: Edit,
        gesture: Option<egui::Id>,
    },
    /// The drag or typing that grouped edits is over.
    EndGesture,
    SetLang(Lang),
    Select(Option<usize>),
    SetTab(Tab),
    /// Closes the window (asks first when there are unsaved changes).
    Quit,
    /// The answer to "Save changes?".
    Guard(GuardChoice),
    ShowAbout(bool),
    /// Closes the in-app path field without acting.
    CancelPathField,
    DismissNotice(usize),
    ClearRecent,
    /// The answer to "Recover unsaved work?": `true` recovers, `false` discards the autosave.
    Recover(bool),
    /// The answer to "The file changed on disk".
    DiskChanged(DiskChoice),
    /// The Data tab and its import dialog.
    Import(super::data_tab::ImportCmd),
    /// Shows the save dialog for an export of the result table.
    ExportDialog(ExportFormat),
    /// Writes the result to a file (asks first when the file exists).
    Export(PathBuf, ExportFormat),
    /// The answer to "Overwrite the file?": `true` overwrites.
    ConfirmExport(bool),
    /// The result table as tab-separated text on the clipboard.
    CopyTable,
    /// Shows the save dialog for a figure of the central view.
    SaveChartDialog,
    /// Draws the current chart or map as a figure for print, SVG or PNG (asks first when the file exists).
    SaveChart(PathBuf),
    /// Shows the save dialog for the briefing report.
    BriefingDialog,
    /// Writes the briefing report as PDF (asks first when the file exists).
    Briefing(PathBuf),
    /// The Explain tab's settings (section, target range).
    Explain(super::explain_view::ExplainCmd),
    /// The "Fit weights to reference" dialog.
    Calibrate(super::calibrate_dialog::CalibrateCmd),
    /// The dialog for next year's request from last year's.
    NextYear(super::next_year_dialog::NextYearCmd),
    /// The Compare tab: baseline, exports.
    Compare(super::compare_view::CompareCmd),
    /// Another dataset for the scenario: switches at once when everything matches, else asks first.
    AskDataset(crate::scenario::DatasetRef),
    /// The answer to "Switch dataset?": `true` switches.
    SwitchDataset(bool),
    /// Opens "How the plan is computed" at a section, or closes it.
    ShowHelp(Option<super::help::HelpSection>),
    /// Light, dark or the system's look; kept with the preferences.
    SetTheme(super::view_state::Theme),
    /// The Follow-up tab: shortfall round, revision, map, exports.
    FollowUp(super::followup_view::FollowUpCmd),
    /// The Året tab: the open year, its rounds, snapshots and exports.
    Year(super::year_view::YearCmd),
    /// The county round tab: import of recommendations, reconciliation, the plan opened, workbooks out.
    CountyRound(super::county_round_view::CountyRoundCmd),
}

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exported {
    Table(ExportFormat),
    /// The current chart or map as a figure.
    Chart,
    /// The briefing report (PDF).
    Briefing,
    /// The comparison of the Compare tab.
    Compare(ExportFormat),
    /// The follow-up status of the Follow-up tab.
    FollowUp(ExportFormat),
    /// The board of several scenarios.
    Board(ExportFormat),
    /// The open year's status workbook.
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChoice {
    Overwrite,
    SaveAs,
    Cancel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuardChoice {
    Save,
    Discard,
    Cancel,
}

/// Which file a dialog or the path field is asking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    Open,
    SaveAs,
    /// An indicator file to import.
    Import,
    /// A dataset file (`*.dataset.ron`) for the scenario to use.
    Dataset,
    /// Where to export the result table.
    Export(ExportFormat),
    /// Where to save the figure (SVG or PNG).
    Chart,
    /// Where to save the briefing report (PDF).
    Briefing,
    /// A CSV reference allocation to calibrate the weights to.
    CalibrationReference,
    /// A baseline scenario or an export for the Compare tab.
    Compare(super::compare_view::CompareFile),
    /// Where to export the follow-up status.
    FollowUp(super::followup_view::FollowUpFile),
    /// A year file to make or open, or where to export the year.
    Year(super::year_view::YearFile),
}

impl FileAction {
    /// What choosing `path` for this action does.
    pub fn chosen(self, path: PathBuf) -> Command {
        use super::calibrate_dialog::CalibrateCmd;
        use super::data_tab::ImportCmd;
        match self {
            FileAction::Open => Command::Open(path),
            FileAction::SaveAs => Command::SaveAs(path),
            FileAction::Import => Command::Import(ImportCmd::Load(path)),
            FileAction::Dataset => Command::Import(ImportCmd::UseDatasetFile(path)),
            FileAction::Export(format) => Command::Export(path, format),
            FileAction::Chart => Command::SaveChart(path),
            FileAction::Briefing => Command::Briefing(path),
            FileAction::CalibrationReference => Command::Calibrate(CalibrateCmd::SetCsv(path)),
            FileAction::Compare(file) => file.command(path),
            FileAction::FollowUp(file) => file.command(path),
            FileAction::Year(file) => file.command(path),
        }
    }
}
