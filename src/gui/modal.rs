//! The dialogs that take the keyboard, as one value. One dialog is on top and has the keyboard; a dialog
//! opened from another (the path field the calibration asks for) puts that one aside until it closes.
//! Each dialog view receives its own state and a [`DialogContext`], and returns commands.

use std::path::{Path, PathBuf};

use egui::{Context, Id, Ui};

use super::autosave::Recovered;
use super::calibrate_dialog::CalibrateDialog;
use super::command::{Command, Exported, FileAction};
use super::data_tab::ImportDialog;
use super::data_tab::ssb::SsbForm;
use super::dataset_switch::DatasetSwitch;
use super::next_year_dialog::NextYearDialog;
use super::year_view::withdraw::WithdrawAsk;
use crate::data::Dataset;
use crate::lang::Lang;
use crate::scenario::Scenario;

/// An action that waits for the answer to "Save changes?".
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    Open(PathBuf),
    /// Choose a file to open: asked about unsaved changes before the file dialog, not after.
    ChooseToOpen,
    Quit,
}

/// A save that waits for the answer to "The file changed on disk".
#[derive(Debug, Clone, PartialEq)]
pub struct DiskConflict {
    /// What runs after the save succeeds (when the save came from the "Save changes?" dialog).
    pub then: Option<Pending>,
}

/// The in-app path field, used when no native dialog can be shown.
pub struct PathField {
    pub action: FileAction,
    pub text: String,
    /// Frames left in which the field asks for the keyboard (a new modal takes a frame to become the top
    /// one, and focus asked for before that is dropped).
    pub focus_tries: u8,
    /// The folder a relative path is taken from (the working folder).
    pub base: PathBuf,
    /// The text last listed for, and the entries that match it.
    pub listed: Option<(String, Vec<String>)>,
}

/// An export whose target exists, waiting for Overwrite / Cancel.
pub struct ExportExists {
    pub path: PathBuf,
    pub what: Exported,
}

/// One dialog.
pub enum Modal {
    /// "Save changes?" before the action runs.
    Guard(Pending),
    /// Work left by a session that did not end cleanly.
    Recovery(Box<Recovered>),
    /// Overwrite / Save as / Cancel for a file someone else changed.
    DiskConflict(DiskConflict),
    ExportExists(ExportExists),
    PathField(PathField),
    About,
    DatasetSwitch(DatasetSwitch),
    /// "Fit weights to reference".
    Calibrate(Box<CalibrateDialog>),
    /// The import dialog of the Data tab.
    Import(Box<ImportDialog>),
    /// "Hent fra SSB…".
    Ssb(Box<SsbForm>),
    /// "Ny anmodning fra i fjor …".
    NextYear(Box<NextYearDialog>),
    /// "Withdraw the round", with its reason.
    Withdraw(WithdrawAsk),
}

/// The open dialogs: the last one is on top; those before it wait beneath it.
#[derive(Default)]
pub struct Modals {
    open: Vec<Modal>,
    /// Runs after a "Save as" that the "Save changes?" dialog started (the file dialog is not a modal).
    after_save: Option<Pending>,
}

/// Generates, for one kind of dialog, its reader, its writer and its closer (`boxed` kinds are stored boxed).
macro_rules! kind {
    ($variant:ident, $ty:ty, $get:ident, $get_mut:ident, $take:ident $(, $boxed:ident)?) => {
        pub fn $get(&self) -> Option<&$ty> {
            self.open.iter().rev().find_map(|m| match m {
                Modal::$variant(x) => {
                    let x: &$ty = x;
                    Some(x)
                }
                _ => None,
            })
        }

        pub fn $get_mut(&mut self) -> Option<&mut $ty> {
            self.open.iter_mut().rev().find_map(|m| match m {
                Modal::$variant(x) => {
                    let x: &mut $ty = x;
                    Some(x)
                }
                _ => None,
            })
        }

        /// Closes this dialog and returns its state.
        pub fn $take(&mut self) -> Option<$ty> {
            let at = self.open.iter().rposition(|m| matches!(m, Modal::$variant(_)))?;
            match self.open.remove(at) {
                Modal::$variant(x) => Some(kind!(@unbox x $(, $boxed)?)),
                _ => None,
            }
        }
    };
    (@unbox $x:ident) => { $x };
    (@unbox $x:ident, boxed) => { *$x };
}

impl Modals {
    /// Some dialog is up (it has the keyboard; shortcuts wait).
    pub fn is_up(&self) -> bool {
        !self.open.is_empty()
    }

    /// Shows `modal` on top. A dialog of the same kind already open is replaced.
    pub fn open(&mut self, modal: Modal) {
        let kind = std::mem::discriminant(&modal);
        self.open.retain(|m| std::mem::discriminant(m) != kind);
        self.open.push(modal);
    }

    kind!(Guard, Pending, guard, guard_mut, take_guard);
    kind!(Recovery, Recovered, recovery, recovery_mut, take_recovery, boxed);
    kind!(DiskConflict, DiskConflict, disk_conflict, disk_conflict_mut, take_disk_conflict);
    kind!(ExportExists, ExportExists, export_exists, export_exists_mut, take_export_exists);
    kind!(PathField, PathField, path_field, path_field_mut, take_path_field);
    kind!(DatasetSwitch, DatasetSwitch, dataset_switch, dataset_switch_mut, take_dataset_switch);
    kind!(Calibrate, CalibrateDialog, calibrate, calibrate_mut, take_calibrate, boxed);
    kind!(Import, ImportDialog, import, import_mut, take_import, boxed);
    kind!(Ssb, SsbForm, ssb, ssb_mut, take_ssb, boxed);
    kind!(NextYear, NextYearDialog, next_year, next_year_mut, take_next_year, boxed);
    kind!(Withdraw, WithdrawAsk, withdraw, withdraw_mut, take_withdraw);

    pub fn about(&self) -> bool {
        self.open.iter().any(|m| matches!(m, Modal::About))
    }

    pub fn close_about(&mut self) {
        self.open.retain(|m| !matches!(m, Modal::About));
    }

    /// Keeps `next` for after the "Save as" now asked for.
    pub fn set_after_save(&mut self, next: Option<Pending>) {
        self.after_save = next;
    }

    pub fn take_after_save(&mut self) -> Option<Pending> {
        self.after_save.take()
    }

    /// Draws the open dialogs, beneath first; only the top one takes input (egui's modal layer).
    pub fn show(&mut self, ctx: &Context, dc: &DialogContext<'_>, cmds: &mut Vec<Command>) {
        for modal in &mut self.open {
            match modal {
                Modal::Guard(_) => super::panels::dialogs::unsaved(ctx, dc.lang, cmds),
                Modal::Recovery(found) => super::panels::dialogs::recovery(ctx, dc.lang, found, cmds),
                Modal::DiskConflict(_) => super::panels::dialogs::disk_changed(ctx, dc.lang, dc.path, cmds),
                Modal::ExportExists(e) => super::panels::dialogs::export_exists(ctx, dc.lang, &e.path, cmds),
                Modal::PathField(field) => super::panels::dialogs::path_field(ctx, dc.lang, field, cmds),
                Modal::About => super::panels::dialogs::about(ctx, dc.lang, dc.dataset, cmds),
                Modal::DatasetSwitch(asked) => super::dataset_switch::show(ctx, dc.lang, asked, cmds),
                Modal::Calibrate(d) => super::calibrate_dialog::show(ctx, d, dc, cmds),
                Modal::Import(d) => super::data_tab::dialog::show(ctx, d, dc.dataset, dc.lang, cmds),
                Modal::Ssb(form) => super::data_tab::ssb::show(ctx, form, dc.lang, cmds),
                Modal::NextYear(d) => super::next_year_dialog::show(ctx, d, dc, cmds),
                Modal::Withdraw(ask) => super::year_view::withdraw::show(ctx, ask, dc.lang, cmds),
            }
        }
    }
}

/// What a dialog may read of the document.
pub struct DialogContext<'a> {
    pub dataset: &'a Dataset,
    pub scenario: &'a Scenario,
    /// The document's file, if it has one.
    pub path: Option<&'a Path>,
    pub lang: Lang,
    /// A file is being chosen (native dialog or path field): the dialog's own file buttons wait.
    pub picking: bool,
}

/// A row of answers; the one clicked, if any.
pub fn answer_row<T: Copy>(ui: &mut Ui, answers: &[(&str, T)]) -> Option<T> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        for (label, answer) in answers {
            if ui.button(*label).clicked() {
                chosen = Some(*answer);
            }
        }
    });
    chosen
}

/// A question as a modal: `body`, then a row of `answers`. Escape or a click beside it gives `dismissed`
/// (`None`: the question must be answered).
pub fn confirm<T: Copy>(
    ctx: &Context,
    id: &str,
    width: f32,
    body: impl FnOnce(&mut Ui),
    answers: &[(&str, T)],
    dismissed: Option<T>,
) -> Option<T> {
    let response = egui::Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_width(width);
        body(ui);
        answer_row(ui, answers)
    });
    match response.inner {
        Some(answer) => Some(answer),
        None if response.should_close() => dismissed,
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_dialog_of_a_kind_and_the_last_opened_on_top() {
        let mut m = Modals::default();
        assert!(!m.is_up());
        m.open(Modal::Guard(Pending::New));
        m.open(Modal::About);
        m.open(Modal::Guard(Pending::Quit));
        assert_eq!(m.open.len(), 2, "a second guard replaces the first");
        assert!(matches!(m.open.last(), Some(Modal::Guard(Pending::Quit))));
        assert_eq!(m.take_guard(), Some(Pending::Quit));
        assert!(m.about() && m.is_up());
        m.close_about();
        assert!(!m.is_up());
        assert_eq!(m.take_guard(), None);
    }

    #[test]
    fn a_dialog_closed_on_top_uncovers_the_one_beneath() {
        let mut m = Modals::default();
        m.open(Modal::DiskConflict(DiskConflict { then: None }));
        m.open(Modal::PathField(PathField {
            action: FileAction::SaveAs,
            text: String::new(),
            focus_tries: 0,
            base: PathBuf::new(),
            listed: None,
        }));
        assert!(matches!(m.open.last(), Some(Modal::PathField(_))));
        assert!(m.take_path_field().is_some());
        assert!(matches!(m.open.last(), Some(Modal::DiskConflict(_))));
    }
}
