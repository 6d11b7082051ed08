//! Carrying out the Data tab's commands.

use super::ImportCmd;
use super::import::ImportDialog;
use super::ssb::SsbForm;
use super::texts::{BorderTexts, ImportTexts};
use crate::borders::{Vintage, migrate_scenario};
use crate::data::add_column;
use crate::gui::app::App;
use crate::gui::command::{Command, FileAction};
use crate::gui::notices::Notice;
use crate::scenario::DatasetRef;

impl App {
    pub(in crate::gui) fn apply_import(&mut self, cmd: ImportCmd) {
        let t = ImportTexts::get(self.view.lang);
        let dataset = self.doc.dataset();
        match cmd {
            ImportCmd::PickFile => self.file_dialog(FileAction::Import),
            ImportCmd::Load(path) => {
                self.path_field = None;
                self.view.data.import = Some(ImportDialog::load(path, self.ctx.clone()));
            }
            ImportCmd::SetCodeColumn(c) => {
                if let Some(d) = &mut self.view.data.import {
                    d.code_col = c;
                    d.refresh(dataset);
                }
            }
            ImportCmd::SetValueColumn(c) => {
                if let Some(d) = &mut self.view.data.import {
                    d.value_col = c;
                    d.refresh(dataset);
                }
            }
            ImportCmd::SetLeaveOutUnknown(v) => {
                if let Some(d) = &mut self.view.data.import {
                    d.leave_out_unknown = v;
                }
            }
            ImportCmd::Apply => {
                let Some(d) = &mut self.view.data.import else { return };
                let added = d.column(t).and_then(|(meta, values)| {
                    let label = meta.label.clone();
                    add_column(dataset, meta, values).map(|out| (out, label)).map_err(|e| format!("{} {e}", t.cannot))
                });
                match added {
                    Ok((out, label)) => {
                        // One undo step, like any edit: undo takes the column out again.
                        self.history.end_gesture();
                        self.history.record(self.doc.snapshot(), None);
                        self.doc.replace_dataset(out);
                        self.view.data.import = None;
                        let label = self.view.lang.pick(&label.nb, &label.en);
                        self.notices.push(Notice::info(format!("{} {label}", t.added)));
                    }
                    Err(e) => d.error = Some(e),
                }
            }
            ImportCmd::Close => self.view.data.import = None,
            ImportCmd::SaveDataset => self.apply(Command::Save),
            ImportCmd::PickDatasetFile => self.file_dialog(FileAction::Dataset),
            ImportCmd::OpenSsb => self.view.data.ssb = Some(SsbForm::default()),
            ImportCmd::FetchSsb => {
                let repaint = self.ctx.clone();
                if let Some(form) = &mut self.view.data.ssb {
                    form.start(repaint);
                }
            }
            ImportCmd::CancelSsb => {
                if let Some(form) = &mut self.view.data.ssb {
                    form.cancel();
                }
            }
            ImportCmd::CloseSsb => {
                if let Some(mut form) = self.view.data.ssb.take() {
                    form.cancel();
                }
            }
            ImportCmd::MoveBorders(to) => self.move_borders(to),
            ImportCmd::UseDatasetFile(path) => {
                self.path_field = None;
                let chosen = DatasetRef::File(path.display().to_string());
                self.apply(Command::AskDataset(chosen));
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
                self.history.end_gesture();
                self.history.record(self.doc.snapshot(), None);
                let mut lines = vec![moved.report.summary(lang)];
                lines.extend(moved.report.details(lang));
                lines.extend(moved.override_changes.iter().map(|l| format!("{}: {l}", t.override_moved)));
                self.doc.replace_both(moved.scenario, moved.dataset);
                self.view.data.borders_report = Some(lines);
                self.notices.push(Notice::info(t.moved.replace("{to}", &to.to_string())));
            }
            Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_move))),
        }
    }
}
