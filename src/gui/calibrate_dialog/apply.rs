//! Carrying out the calibration dialog's commands.

use super::texts::CalibrateTexts;
use super::{CalibrateCmd, CalibrateDialog, RefChoice};
use crate::gui::app::App;
use crate::gui::command::FileAction;
use crate::gui::commit::Change;
use crate::gui::edit::Edit;
use crate::gui::modal::Modal;
use crate::gui::notices::Notice;

impl App {
    pub(in crate::gui) fn apply_calibrate(&mut self, cmd: CalibrateCmd) {
        match cmd {
            CalibrateCmd::Open => {
                if self.modal.calibrate().is_none() {
                    let d = CalibrateDialog::new(self.doc.dataset(), self.doc.scenario());
                    self.modal.open(Modal::Calibrate(Box::new(d)));
                }
            }
            CalibrateCmd::PickCsv => self.file_dialog(FileAction::CalibrationReference),
            CalibrateCmd::SetCsv(path) => {
                self.modal.take_path_field();
                if let Some(d) = self.modal.calibrate_mut() {
                    d.reference = Some(RefChoice::Csv(path));
                }
            }
            CalibrateCmd::Run => {
                if let Some(d) = self.modal.calibrate_mut() {
                    d.run(self.doc.dataset(), self.doc.scenario(), self.doc.revision(), self.window.ctx.clone());
                }
            }
            CalibrateCmd::Cancel => {
                if let Some(d) = self.modal.calibrate_mut() {
                    d.job.cancel();
                }
            }
            CalibrateCmd::Accept => self.accept_calibration(),
            // Dropping the dialog stops a running search.
            CalibrateCmd::Close => {
                self.modal.take_calibrate();
            }
        }
    }

    /// The fitted weights and exponent as one edit (one undo step); closes the dialog.
    fn accept_calibration(&mut self) {
        let t = CalibrateTexts::get(self.view.lang);
        let Some(d) = self.modal.calibrate_mut() else { return };
        let Some(f) = d.job.done() else { return };
        if f.revision != self.doc.revision() {
            d.job.outcome = Some(Err(t.stale.to_owned()));
            return;
        }
        let edit = Edit::SetWeightsAndExponent { weights: f.weights(), size_exponent: f.calibration.size_exponent };
        let note = format!("{} {}", t.applied, f.reference_name);
        self.modal.take_calibrate();
        self.commit(Change::Edit(edit), None);
        self.notices.push(Notice::info(note));
    }
}
