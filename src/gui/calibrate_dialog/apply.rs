//! Carrying out the calibration dialog's commands.

use super::texts::CalibrateTexts;
use super::{CalibrateCmd, CalibrateDialog, RefChoice};
use crate::gui::app::App;
use crate::gui::command::{Command, FileAction};
use crate::gui::edit::Edit;
use crate::gui::notices::Notice;

impl App {
    pub(in crate::gui) fn apply_calibrate(&mut self, cmd: CalibrateCmd) {
        match cmd {
            CalibrateCmd::Open => {
                if self.calibrate.is_none() {
                    self.calibrate = Some(CalibrateDialog::new(self.doc.dataset(), self.doc.scenario()));
                }
            }
            CalibrateCmd::PickCsv => self.file_dialog(FileAction::CalibrationReference),
            CalibrateCmd::SetCsv(path) => {
                self.path_field = None;
                if let Some(d) = &mut self.calibrate {
                    d.reference = Some(RefChoice::Csv(path));
                }
            }
            CalibrateCmd::Run => {
                if let Some(d) = &mut self.calibrate {
                    d.run(self.doc.dataset(), self.doc.scenario(), self.doc.revision(), self.ctx.clone());
                }
            }
            CalibrateCmd::Cancel => {
                if let Some(d) = &mut self.calibrate {
                    d.cancel();
                }
            }
            CalibrateCmd::Accept => self.accept_calibration(),
            // Dropping the dialog stops a running search.
            CalibrateCmd::Close => self.calibrate = None,
        }
    }

    /// The fitted weights and exponent as one edit (one undo step); closes the dialog.
    fn accept_calibration(&mut self) {
        let t = CalibrateTexts::get(self.view.lang);
        let Some(d) = &mut self.calibrate else { return };
        let Some(f) = d.fitted() else { return };
        if f.revision != self.doc.revision() {
            d.outcome = Some(Err(t.stale.to_owned()));
            return;
        }
        let edit = Edit::SetWeightsAndExponent { weights: f.weights(), size_exponent: f.calibration.size_exponent };
        let note = format!("{} {}", t.applied, f.reference_name);
        self.calibrate = None;
        self.apply(Command::Edit { edit, gesture: None });
        self.notices.push(Notice::info(note));
    }
}
