//! Carrying out the Data tab's commands.

use super::ImportCmd;
use super::import::ImportDialog;
use super::texts::{BorderTexts, ImportTexts};
use crate::borders::{Vintage, migrate_scenario};
use crate::data::{add_column, with_role};
use crate::gui::app::App;
use crate::gui::command::{Command, FileAction};
use crate::gui::commit::Change;
use crate::gui::modal::Modal;
use crate::gui::notices::Notice;
use crate::scenario::DatasetRef;

impl App {
    pub(in crate::gui) fn apply_import(&mut self, cmd: ImportCmd, then: &mut Vec<Command>) {
        let t = ImportTexts::get(self.view.lang);
        let dataset = self.doc.dataset();
        match cmd {
            ImportCmd::PickFile => self.file_dialog(FileAction::Import),
            ImportCmd::Load(path) => {
                self.modal.take_path_field();
                self.modal.open(Modal::Import(Box::new(ImportDialog::load(path, self.window.ctx.clone()))));
            }
            ImportCmd::SetCodeColumn(c) => {
                if let Some(d) = self.modal.import_mut() {
                    d.code_col = c;
                    d.refresh(dataset);
                }
            }
            ImportCmd::SetValueColumn(c) => {
                if let Some(d) = self.modal.import_mut() {
                    d.value_col = c;
                    d.refresh(dataset);
                }
            }
            ImportCmd::SetLeaveOutUnknown(v) => {
                if let Some(d) = self.modal.import_mut() {
                    d.leave_out_unknown = v;
                }
            }
            ImportCmd::Apply => {
                let Some(d) = self.modal.import_mut() else { return };
                let added = d.column(t).and_then(|(meta, values)| {
                    let label = meta.label.clone();
                    add_column(dataset, meta, values).map(|out| (out, label)).map_err(|e| format!("{} {e}", t.cannot))
                });
                match added {
                    Ok((out, label)) => {
                        // One undo step, like any edit: undo takes the column out again.
                        self.commit(Change::Dataset(Box::new(out)), None);
                        self.modal.take_import();
                        let label = self.view.lang.pick(&label.nb, &label.en);
                        self.notices.push(Notice::info(format!("{} {label}", t.added)));
                    }
                    Err(e) => d.error = Some(e),
                }
            }
            ImportCmd::Close => {
                self.modal.take_import();
            }
            ImportCmd::SaveDataset => then.push(Command::Save),
            ImportCmd::PickDatasetFile => self.file_dialog(FileAction::Dataset),
            ImportCmd::OpenSsb => self.modal.open(Modal::Ssb(Box::default())),
            ImportCmd::FetchSsb => {
                let repaint = self.window.ctx.clone();
                if let Some(form) = self.modal.ssb_mut() {
                    form.start(repaint);
                }
            }
            ImportCmd::CancelSsb => {
                if let Some(form) = self.modal.ssb_mut() {
                    form.cancel();
                }
            }
            ImportCmd::CloseSsb => {
                if let Some(mut form) = self.modal.take_ssb() {
                    form.cancel();
                }
            }
            ImportCmd::MoveBorders(to) => self.move_borders(to),
            ImportCmd::SetRole { column, role } => match with_role(dataset, &column, role) {
                Ok(out) => {
                    self.commit(Change::Dataset(Box::new(out)), None);
                }
                Err(e) => self.notices.push(Notice::error(e.to_string())),
            },
            ImportCmd::UseDatasetFile(path) => {
                self.modal.take_path_field();
                let chosen = DatasetRef::File(path.display().to_string());
                then.push(Command::AskDataset(chosen));
            }
        }
    }

    /// Moves scenario and dataset to `to` borders as one undo step; a refusal (a lock on a split municipality)
    /// changes nothing and says why.
    fn move_borders(&mut self, to: Vintage) {
        let t = BorderTexts::get(self.view.lang);
        let lang = self.view.lang;
        let file = crate::gui::document::dataset_file_name(
            self.doc.path().unwrap_or_else(|| std::path::Path::new("scenario.ron")),
        );
        match migrate_scenario(self.doc.scenario(), self.doc.dataset(), to, &file) {
            Ok(moved) => {
                let mut lines = vec![moved.report.summary(lang)];
                lines.extend(moved.report.details(lang));
                lines.extend(moved.override_changes.iter().map(|l| format!("{}: {l}", t.override_moved)));
                self.commit(
                    Change::Both { scenario: Box::new(moved.scenario), dataset: Box::new(moved.dataset) },
                    None,
                );
                self.view.data.borders_report = Some(lines);
                self.notices.push(Notice::info(t.moved.replace("{to}", &to.to_string())));
            }
            Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_move))),
        }
    }
}
