//! The one place where commands are carried out. Document changes go through [`App::commit`]; a command
//! that leads to another queues it instead of carrying it out itself.

use std::collections::VecDeque;
use std::path::Path;

use super::app::App;
use super::command::{Command, DiskChoice, Exported, FileAction, GuardChoice};
use super::commit::Change;
use super::document::{DocResult, Document};
use super::modal::{DiskConflict, ExportExists, Modal, Pending};
use super::notices::Notice;
use crate::scenario::ScenarioError;

impl App {
    /// Carries out `cmd` and the commands it queues.
    pub fn apply(&mut self, cmd: Command) {
        self.apply_all([cmd]);
    }

    /// Carries out `cmds` in order; the follow-ups a command queues run right after it.
    pub(super) fn apply_all(&mut self, cmds: impl IntoIterator<Item = Command>) {
        let mut queue: VecDeque<Command> = cmds.into_iter().collect();
        while let Some(cmd) = queue.pop_front() {
            let mut then = Vec::new();
            self.carry_out(cmd, &mut then);
            self.refresh();
            for next in then.into_iter().rev() {
                queue.push_front(next);
            }
        }
    }

    fn carry_out(&mut self, cmd: Command, then: &mut Vec<Command>) {
        // Unsaved changes were settled before the file dialog; that answer holds for the file chosen in it.
        let settled = std::mem::take(&mut self.window.open_settled);
        match cmd {
            Command::New => self.guarded(Pending::New),
            Command::Open(path) => {
                self.modal.take_path_field();
                if settled { self.perform(Pending::Open(path)) } else { self.guarded(Pending::Open(path)) }
            }
            Command::OpenDialog => self.guarded(Pending::ChooseToOpen),
            Command::Save => match self.doc.path().map(Path::to_path_buf) {
                Some(path) => self.save_checked(&path, None),
                None => self.file_dialog(FileAction::SaveAs),
            },
            Command::SaveAs(path) => {
                self.modal.take_path_field();
                // What waited for this save runs only if it succeeds; a failed save drops it.
                let next = self.modal.take_after_save();
                if self.save_to(&path, Document::save_as)
                    && let Some(next) = next
                {
                    self.perform(next);
                }
            }
            Command::SaveAsDialog => self.file_dialog(FileAction::SaveAs),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Edit { edit, gesture } => {
                self.commit(Change::Edit(edit), gesture);
            }
            Command::EndGesture => self.end_gesture(),
            Command::SetLang(lang) => {
                self.view.lang = lang;
                self.prefs.lang = lang;
            }
            Command::Select(row) => self.view.selected = row.filter(|&r| r < self.doc.dataset().len()),
            Command::SetTab(tab) => self.view.tab = tab,
            Command::Quit => self.guarded(Pending::Quit),
            Command::Guard(choice) => self.answer_guard(choice),
            Command::ShowAbout(true) => self.modal.open(Modal::About),
            Command::ShowAbout(false) => self.modal.close_about(),
            Command::CancelPathField => {
                self.modal.take_path_field();
                self.modal.take_after_save();
            }
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Command::ClearRecent => self.prefs.recent.clear(),
            Command::Recover(yes) => self.answer_recovery(yes),
            Command::DiskChanged(choice) => self.answer_disk_conflict(choice),
            Command::Import(cmd) => self.apply_import(cmd, then),
            Command::ExportDialog(format) => self.file_dialog(FileAction::Export(format)),
            Command::Export(path, format) => {
                self.modal.take_path_field();
                self.export_checked(path, format);
            }
            Command::ConfirmExport(overwrite) => {
                if let Some(ExportExists { path, what }) = self.modal.take_export_exists()
                    && overwrite
                {
                    match what {
                        Exported::Table(format) => self.export_now(&path, format),
                        Exported::Chart => self.chart_now(&path),
                        Exported::Briefing => self.briefing_now(&path),
                        Exported::Compare(format) => self.compare_export_now(&path, format),
                        Exported::FollowUp(format) => self.followup_export_now(&path, format),
                        Exported::Board(format) => self.board_export_now(&path, format),
                        Exported::Year => self.year_export_now(&path),
                    }
                }
            }
            Command::CopyTable => self.copy_table(),
            Command::SaveChartDialog => self.file_dialog(FileAction::Chart),
            Command::SaveChart(path) => {
                self.modal.take_path_field();
                self.chart_checked(path);
            }
            Command::BriefingDialog => self.file_dialog(FileAction::Briefing),
            Command::Briefing(path) => {
                self.modal.take_path_field();
                self.briefing_checked(path);
            }
            Command::Explain(cmd) => self.view.explain.apply(cmd),
            Command::Calibrate(cmd) => self.apply_calibrate(cmd),
            Command::NextYear(cmd) => self.apply_next_year(cmd),
            Command::Compare(cmd) => self.apply_compare(cmd),
            Command::AskDataset(to) => self.ask_dataset(to),
            Command::SwitchDataset(yes) => self.answer_dataset(yes),
            Command::ShowHelp(section) => self.view.help = section,
            Command::SetTheme(theme) => self.prefs.theme = theme,
            Command::FollowUp(cmd) => self.apply_followup(cmd, then),
            Command::Year(cmd) => self.apply_year(cmd, then),
            Command::CountyRound(cmd) => self.apply_county_round(cmd, then),
        }
    }

    /// Runs `action` now, or asks first when there are unsaved changes.
    fn guarded(&mut self, action: Pending) {
        if self.doc.is_dirty() {
            self.modal.open(Modal::Guard(action));
        } else {
            self.perform(action);
        }
    }

    fn answer_guard(&mut self, choice: GuardChoice) {
        let Some(action) = self.modal.take_guard() else { return };
        match choice {
            GuardChoice::Cancel => {}
            GuardChoice::Discard => self.perform(action),
            GuardChoice::Save => match self.doc.path().map(Path::to_path_buf) {
                Some(path) => self.save_checked(&path, Some(action)),
                None => {
                    self.modal.set_after_save(Some(action));
                    self.file_dialog(FileAction::SaveAs);
                }
            },
        }
    }

    fn perform(&mut self, action: Pending) {
        match action {
            Pending::New => match Document::new_default() {
                Ok(doc) => {
                    self.replace_document(doc);
                    self.drop_autosave();
                }
                Err(e) => self.notices.push(Notice::error(e.to_string())),
            },
            Pending::Open(path) => self.open_now(&path),
            Pending::ChooseToOpen => {
                self.window.open_settled = true;
                self.file_dialog(FileAction::Open);
            }
            Pending::Quit => {
                self.window.allow_close = true;
                if let Some(ctx) = &self.window.ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    /// Opens `path`; a broken file leaves the current work as it is and says why.
    fn open_now(&mut self, path: &Path) {
        let t = OpenTexts::get(self.view.lang);
        match Document::open(path) {
            Ok((doc, warning)) => {
                self.replace_document(doc);
                self.drop_autosave();
                self.prefs.add_recent(path.to_path_buf());
                self.notices.retain(|n| n.level != super::notices::Level::Error);
                if let Some(w) = warning {
                    self.notices.push(Notice::warning(w));
                }
            }
            Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_open))),
        }
    }

    /// Saves with `save` (to the document's own file, or as a new one); says how it went.
    fn save_to(&mut self, path: &Path, save: fn(&mut Document, &Path) -> DocResult<()>) -> bool {
        let t = OpenTexts::get(self.view.lang);
        match save(&mut self.doc, path) {
            Ok(()) => {
                self.drop_autosave();
                self.prefs.add_recent(path.to_path_buf());
                self.notices.push(Notice::info(format!("{} {}", t.saved, path.display())));
                true
            }
            Err(e) => {
                let said = match &*e {
                    ScenarioError::Write { file, source } => super::write_failure::saying(file, source, self.view.lang),
                    _ => None,
                };
                self.notices.push(Notice::error(format!(
                    "{} {}",
                    t.cannot_save,
                    said.unwrap_or_else(|| e.to_string())
                )));
                false
            }
        }
    }

    /// Saves to the document's own file, but asks first when someone else changed it since it was opened
    /// or saved here. `then` runs after a successful save.
    fn save_checked(&mut self, path: &Path, then: Option<Pending>) {
        if self.doc.changed_on_disk() {
            self.modal.open(Modal::DiskConflict(DiskConflict { then }));
            return;
        }
        if self.save_to(path, Document::save_to)
            && let Some(next) = then
        {
            self.perform(next);
        }
    }

    fn answer_disk_conflict(&mut self, choice: DiskChoice) {
        let Some(conflict) = self.modal.take_disk_conflict() else { return };
        match choice {
            DiskChoice::Overwrite => {
                if let Some(path) = self.doc.path().map(Path::to_path_buf)
                    && self.save_to(&path, Document::save_to)
                    && let Some(next) = conflict.then
                {
                    self.perform(next);
                }
            }
            DiskChoice::SaveAs => {
                self.modal.set_after_save(conflict.then);
                self.file_dialog(FileAction::SaveAs);
            }
            DiskChoice::Cancel => {}
        }
    }

    /// Recover opens the left-over work as an unsaved document; Discard deletes it. If it cannot be opened,
    /// it stays on disk and the user is told where.
    fn answer_recovery(&mut self, recover: bool) {
        let Some(found) = self.modal.take_recovery() else { return };
        if !recover {
            self.autosave.discard_found();
            return;
        }
        match Document::recovered(found.scenario, found.original_path, found.original_stamp, found.dataset) {
            Ok((doc, warning)) => {
                self.replace_document(doc);
                self.notices.extend(warning.map(Notice::warning));
                // The work moves to this session's own autosave before the left-over copy goes.
                match self.autosave.write(&self.doc) {
                    Ok(()) => self.autosave.discard_found(),
                    Err(_) => self.autosave.release_found(),
                }
            }
            Err(e) => {
                let t = OpenTexts::get(self.view.lang);
                let folder = self.autosave.folder().map(|f| f.display().to_string()).unwrap_or_default();
                self.notices.push(Notice::error(format!("{} {e} ({folder})", t.cannot_recover)));
                // Kept on disk for another try or by hand.
                self.autosave.release_found();
            }
        }
    }

    /// A native dialog when one can be shown, else the path field. A second request while a dialog is
    /// open does nothing.
    pub(super) fn file_dialog(&mut self, action: FileAction) {
        if self.dialogs.is_open() || self.modal.path_field().is_some() {
            return;
        }
        let Some(ctx) = self.window.ctx.clone() else {
            self.show_path_field(action);
            return;
        };
        let directory = self.doc.path().and_then(Path::parent).map(Path::to_path_buf);
        let extension = match action {
            FileAction::Export(format) => format.extension(),
            FileAction::Chart => "png",
            FileAction::Briefing => "pdf",
            FileAction::CalibrationReference => "csv",
            FileAction::Open | FileAction::SaveAs | FileAction::Import | FileAction::Dataset => "ron",
            FileAction::Compare(file) => file.extension(),
            FileAction::FollowUp(file) => file.0.extension(),
            FileAction::Year(file) => file.extension(),
        };
        let name = match action {
            FileAction::Compare(file) => file.file_name(&self.doc.scenario().name, self.view.lang),
            FileAction::FollowUp(file) => file.file_name(&self.doc.scenario().name, self.view.lang),
            FileAction::Year(file) => file.file_name(self.year_number(), self.view.lang),
            _ => format!("{}.{extension}", self.doc.scenario().name),
        };
        if !self.dialogs.start(action, &ctx, directory, name) {
            self.show_path_field(action);
        }
    }
}

texts!(OpenTexts {
    cannot_open: "Kunne ikke åpne:", "Could not open:";
    cannot_save: "Kunne ikke lagre:", "Could not save:";
    saved: "Lagret", "Saved";
    cannot_autosave: "Kunne ikke autolagre i", "Could not autosave in";
    cannot_recover: "Kunne ikke gjenopprette:", "Could not recover:";
});
