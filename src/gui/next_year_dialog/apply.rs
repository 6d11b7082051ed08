//! Carrying out the dialog's commands.

use super::texts::NextYearTexts;
use super::{NextYearCmd, NextYearDialog};
use crate::gui::app::App;
use crate::gui::commit::Change;
use crate::gui::edit::Edit;
use crate::gui::modal::Modal;
use crate::gui::notices::Notice;

impl App {
    pub(in crate::gui) fn apply_next_year(&mut self, cmd: NextYearCmd) {
        match cmd {
            NextYearCmd::Open => {
                if self.modal.next_year().is_none() {
                    let d = NextYearDialog::new(self.doc.dataset(), self.doc.scenario());
                    self.modal.open(Modal::NextYear(Box::new(d)));
                }
            }
            NextYearCmd::Run => {
                if let Some(d) = self.modal.next_year_mut() {
                    d.run(self.doc.dataset(), self.doc.scenario(), self.doc.revision(), self.window.ctx.clone());
                }
            }
            NextYearCmd::Cancel => {
                if let Some(d) = self.modal.next_year_mut() {
                    d.job.cancel();
                }
            }
            NextYearCmd::Accept => self.accept_next_year(),
            // Dropping the dialog stops a running fit.
            NextYearCmd::Close => {
                self.modal.take_next_year();
            }
        }
    }

    /// The plan as the scenario, one undo step; closes the dialog. A plan fitted on an older document is not
    /// opened: the fit is made again.
    fn accept_next_year(&mut self) {
        let Some(d) = self.modal.next_year_mut() else { return };
        let Some(p) = d.job.done() else { return };
        if p.revision != self.doc.revision() {
            d.job.outcome = None;
            return;
        }
        let note = format!("{} {}", NextYearTexts::get(self.view.lang).opened, p.last);
        let plan = Box::new(p.plan.clone());
        self.modal.take_next_year();
        self.commit(Change::Edit(Edit::ReplaceScenario(plan)), None);
        self.notices.push(Notice::info(note));
    }
}
