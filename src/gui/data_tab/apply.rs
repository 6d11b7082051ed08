//! Carrying out the Data tab's commands.

use super::ImportCmd;
use super::import::ImportDialog;
use super::texts::ImportTexts;
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
            ImportCmd::UseDatasetFile(path) => {
                self.path_field = None;
                let chosen = DatasetRef::File(path.display().to_string());
                self.apply(Command::AskDataset(chosen));
            }
        }
    }
}
