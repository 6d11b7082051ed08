//! Carrying out the Compare tab's commands. The baseline lives in the view state: nothing here touches the
//! document, its history or its autosave.

use std::path::Path;

use super::state::{BaselinePlan, Inputs};
use super::texts::CompareTexts;
use super::{CompareCmd, CompareFile};
use crate::export::{ExportFormat, today_in_norway, write_comparison};
use crate::gui::app::{App, Computed};
use crate::gui::command::{Exported, FileAction};
use crate::gui::document::Document;
use crate::gui::modal::{ExportExists, Modal};
use crate::gui::notices::Notice;
use crate::lang::Lang;

/// What the Compare tab reads from the document this frame.
pub fn inputs<'a>(doc: &'a Document, computed: &'a Computed, lang: Lang) -> Inputs<'a> {
    Inputs {
        dataset: doc.dataset(),
        scenario: doc.scenario(),
        saved: doc.saved(),
        doc_path: doc.path(),
        dirty: doc.is_dirty(),
        allocation: computed.result.as_ref(),
        generation: computed.generation,
        lang,
    }
}

impl App {
    pub(in crate::gui) fn apply_compare(&mut self, cmd: CompareCmd) {
        let t = CompareTexts::get(self.view.lang);
        match cmd {
            CompareCmd::UseColumn(id) => self.view.compare.use_column(id),
            CompareCmd::UseSaved => self.view.compare.use_saved(),
            CompareCmd::PickFile => self.file_dialog(FileAction::Compare(CompareFile::Baseline)),
            CompareCmd::LoadFile(path) => {
                self.modal.take_path_field();
                match BaselinePlan::load(&path) {
                    Ok((plan, warning)) => {
                        self.view.compare.use_file(path, plan);
                        self.notices.extend(warning.map(Notice::warning));
                    }
                    // The message names the file and the cause (and the line for a syntax error).
                    Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_load))),
                }
            }
            CompareCmd::ExportDialog(format) => self.file_dialog(FileAction::Compare(CompareFile::Export(format))),
            CompareCmd::Export(path, format) => {
                self.modal.take_path_field();
                let (path, format) = super::super::export_actions::target(path, format);
                if path.exists() {
                    self.modal.open(Modal::ExportExists(ExportExists { path, what: Exported::Compare(format) }));
                } else {
                    self.compare_export_now(&path, format);
                }
            }
            CompareCmd::BoardPickFile => self.file_dialog(FileAction::Compare(CompareFile::BoardScenario)),
            CompareCmd::BoardLoad(path) => {
                self.modal.take_path_field();
                let lang = self.view.lang;
                let inputs = inputs(&self.doc, &self.computed, lang);
                match self.view.compare.board.add_file(&path, &inputs, lang) {
                    Ok(warning) => self.notices.extend(warning.map(Notice::warning)),
                    Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_load))),
                }
            }
            CompareCmd::BoardAddSaved => {
                let lang = self.view.lang;
                let inputs = inputs(&self.doc, &self.computed, lang);
                let (label, plan) = super::board::saved_entry(&inputs, lang);
                if let Err(e) = self.view.compare.board.add(label, plan, &inputs, lang) {
                    self.notices.push(Notice::error(e));
                }
            }
            CompareCmd::BoardRemove(i) => {
                if i < self.view.compare.board.entries.len() {
                    self.view.compare.board.entries.remove(i);
                }
            }
            CompareCmd::BoardScaled(on) => self.view.compare.board.scaled = on,
            CompareCmd::BoardExportDialog(format) => {
                self.file_dialog(FileAction::Compare(CompareFile::BoardExport(format)));
            }
            CompareCmd::BoardExport(path, format) => {
                self.modal.take_path_field();
                let (path, format) = super::super::export_actions::target(path, format);
                if path.exists() {
                    self.modal.open(Modal::ExportExists(ExportExists { path, what: Exported::Board(format) }));
                } else {
                    self.board_export_now(&path, format);
                }
            }
        }
    }

    /// Writes the board as it is now.
    pub(in crate::gui) fn board_export_now(&mut self, path: &Path, format: ExportFormat) {
        let lang = self.view.lang;
        let t = CompareTexts::get(lang);
        let inputs = inputs(&self.doc, &self.computed, lang);
        let Some(board) = self.view.compare.board.board(&inputs) else {
            self.notices.push(Notice::error(t.nothing_to_export));
            return;
        };
        match crate::export::write_board(path, format, inputs.dataset, &board, lang) {
            Ok(()) => self.notices.push(Notice::info(format!("{} {}", t.exported, path.display()))),
            Err(e) => self.notices.push(Notice::error(format!("{} {}: {e}", t.cannot_export, path.display()))),
        }
    }

    /// Writes the comparison as it is now (the live plan against the baseline).
    pub(in crate::gui) fn compare_export_now(&mut self, path: &Path, format: ExportFormat) {
        let lang = self.view.lang;
        let t = CompareTexts::get(lang);
        let inputs = inputs(&self.doc, &self.computed, lang);
        let state = &mut self.view.compare;
        let Some(Ok(c)) = state.sync(&inputs).cloned() else {
            self.notices.push(Notice::error(t.nothing_to_export));
            return;
        };
        let Some((now, before)) = state.plans(&inputs, &c) else {
            self.notices.push(Notice::error(t.nothing_to_export));
            return;
        };
        let written = write_comparison(path, format, inputs.dataset, &c, (&now, &before), lang, &today_in_norway());
        match written {
            Ok(()) => self.notices.push(Notice::info(format!("{} {}", t.exported, path.display()))),
            Err(e) => self.notices.push(Notice::error(format!("{} {}: {e}", t.cannot_export, path.display()))),
        }
    }
}
