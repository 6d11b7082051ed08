//! Carrying out the Året tab's commands: the open year beside the document, its rounds made, sent, undone
//! and withdrawn, snapshots recorded, a round opened as the plan, the year exported.

use std::path::{Path, PathBuf};

use super::withdraw::WithdrawAsk;
use super::{OpenYear, YearCmd, YearTexts};
use crate::export::ExportFormat;
use crate::gui::app::App;
use crate::gui::command::{Command, Exported, FileAction};
use crate::gui::commit::Change;
use crate::gui::modal::{ExportExists, Modal};
use crate::gui::notices::Notice;
use crate::gui::view_state::Tab;
use crate::numfmt;
use crate::year::{Date, Need, add_sent_columns, dataset_ref_for, new_year, round_plan};

/// A file the Året tab asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearFile {
    New,
    Open,
    Export,
}

impl YearFile {
    pub fn command(self, path: PathBuf) -> Command {
        Command::Year(match self {
            YearFile::New => YearCmd::New(path),
            YearFile::Open => YearCmd::Open(path),
            YearFile::Export => YearCmd::Export(path),
        })
    }

    pub fn extension(self) -> &'static str {
        match self {
            YearFile::New | YearFile::Open => "ron",
            YearFile::Export => "xlsx",
        }
    }

    /// A dialog that picks an existing file (rather than naming one to write).
    pub fn opens(self) -> bool {
        self == YearFile::Open
    }

    /// The path field's heading.
    pub fn title(self, lang: crate::lang::Lang) -> &'static str {
        let t = YearTexts::get(lang);
        match self {
            YearFile::New => t.new_year,
            YearFile::Open => t.open_year,
            YearFile::Export => t.export_xlsx,
        }
    }

    pub fn file_name(self, year: i32, lang: crate::lang::Lang) -> String {
        match self {
            YearFile::New | YearFile::Open => format!("{year}.year.ron"),
            YearFile::Export => format!("{year}-{}.xlsx", YearTexts::get(lang).export_suffix),
        }
    }
}

impl App {
    pub(in crate::gui) fn apply_year(&mut self, cmd: YearCmd, then: &mut Vec<Command>) {
        let lang = self.view.lang;
        let t = YearTexts::get(lang);
        if matches!(
            cmd,
            YearCmd::Make { .. } | YearCmd::UndoRound | YearCmd::Withdraw(true) | YearCmd::New(_) | YearCmd::Open(_)
        ) {
            // The rounds change: the last one is the one chosen again.
            self.view.year.round = None;
        }
        match cmd {
            YearCmd::NewDialog => self.file_dialog(FileAction::Year(YearFile::New)),
            YearCmd::OpenDialog => self.file_dialog(FileAction::Year(YearFile::Open)),
            YearCmd::New(path) => {
                self.modal.take_path_field();
                match self.new_year(&path) {
                    Ok(open) => {
                        self.notices.push(Notice::info(format!("{} {}", t.created, path.display())));
                        self.set_year(open);
                        then.push(Command::SetTab(Tab::Year));
                    }
                    Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_save))),
                }
            }
            YearCmd::Open(path) => {
                self.modal.take_path_field();
                match OpenYear::open(&path, lang) {
                    Ok((open, warning)) => {
                        self.notices.push(Notice::info(format!("{} {}", t.opened, path.display())));
                        self.notices.extend(warning.map(Notice::warning));
                        self.set_year(open);
                        then.push(Command::SetTab(Tab::Year));
                    }
                    Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_open))),
                }
            }
            YearCmd::Make { order, date, note } => {
                let Some(open) = &mut self.year else { return };
                match open.make(&order, date, &note, lang) {
                    Ok(()) => {
                        self.history.record_year_round();
                        self.view.year.accept_warnings = false;
                    }
                    Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_make))),
                }
            }
            YearCmd::Send { accept_warnings } => {
                let Some(open) = &mut self.year else { return };
                match open.send(accept_warnings, lang) {
                    Ok(_) => {
                        self.history.forget_year_rounds();
                        self.view.year.accept_warnings = false;
                        self.notices.push(Notice::info(format!("{} {}", t.sent_recorded, open.path.display())));
                    }
                    Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_save))),
                }
            }
            YearCmd::UndoRound => {
                if self.year.as_mut().is_some_and(|y| y.round_back(lang)) {
                    self.history.drop_last_year_round();
                }
            }
            YearCmd::AskWithdraw(number) => {
                let Some(open) = &self.year else { return };
                let Some(r) = open.prepared().rounds.iter().find(|r| r.number == number && r.sent) else { return };
                let what = format!(
                    "{}. {} {} ({})",
                    r.number,
                    r.kind.label(lang),
                    r.date,
                    numfmt::integer(r.total as f64, lang)
                );
                self.modal.open(Modal::Withdraw(WithdrawAsk { number, what, reason: String::new() }));
            }
            YearCmd::Withdraw(yes) => {
                if yes && self.modal.withdraw().is_some_and(|a| a.reason.trim().is_empty()) {
                    // The reason is kept in the file: the dialog stays until one is given.
                    self.notices.push(Notice::warning(t.reason_needed));
                    return;
                }
                let Some(ask) = self.modal.take_withdraw() else { return };
                let Some(open) = &mut self.year else { return };
                if !yes {
                    return;
                }
                match open.withdraw(ask.number, Date::today(), &ask.reason, lang) {
                    Ok(()) => self.notices.push(Notice::info(format!("{} {}", t.withdrawn_done, ask.what))),
                    Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_save))),
                }
            }
            YearCmd::OpenRound(number) => match self.round_as_plan(number) {
                Ok((scenario, dataset)) => {
                    let change = Change::Both { scenario: Box::new(scenario), dataset: Box::new(dataset) };
                    self.commit(change, None);
                    self.notices.push(Notice::info(t.round_plan_opened));
                    then.push(Command::SetTab(Tab::Table));
                }
                Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_open))),
            },
            YearCmd::Record { settled, column, date } => {
                let Some(open) = &mut self.year else { return };
                if let Err(e) = open.record(settled, &column, date, lang) {
                    self.notices.push(Notice::error(format!("{} {e}", t.cannot_save)));
                }
            }
            YearCmd::ExportDialog => self.file_dialog(FileAction::Year(YearFile::Export)),
            YearCmd::Export(path) => {
                self.modal.take_path_field();
                let (path, _) = crate::gui::export_actions::target(path, ExportFormat::Xlsx);
                if path.exists() {
                    self.modal.open(Modal::ExportExists(ExportExists { path, what: Exported::Year }));
                } else {
                    self.year_export_now(&path);
                }
            }
        }
    }

    /// Makes `open` the open year: the tab shows it at once, and no undo reaches into another year.
    fn set_year(&mut self, mut open: OpenYear) {
        open.refresh(self.view.lang);
        self.year = Some(open);
        self.history.forget_year_rounds();
    }

    /// A new year from the open plan, its need the plan's target from the date typed in the tab (today by
    /// default), saved at `path`. Sent plans kept
    /// in the dataset (`anmodning_sendt` columns) become its first rounds, as `year new` does.
    fn new_year(&self, path: &Path) -> Result<OpenYear, String> {
        let (scenario, dataset) = (self.doc.scenario(), self.doc.dataset());
        let date = self.view.year.date().unwrap_or_else(Date::today);
        let scenario_path = self.doc.path().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let dataset_ref = dataset_ref_for(scenario, &scenario_path, path);
        let target = scenario.target;
        let need = Need { date, total: target.total, minors: target.minors, note: String::new() };
        let mut year = new_year(scenario, dataset_ref, dataset, dataset.year, need);
        add_sent_columns(&mut year, dataset, date).map_err(|e| e.to_string())?;
        let open = OpenYear::new(path.to_path_buf(), year, dataset.clone(), self.view.lang);
        open.save().map_err(|e| crate::gui::write_failure::year_error(&e, self.view.lang))?;
        Ok(open)
    }

    /// Round `number`'s plan and the dataset it runs on: an unsent round's as it was made, a sent one's rebuilt
    /// from the rounds before it.
    fn round_as_plan(&self, number: usize) -> Result<(crate::scenario::Scenario, crate::data::Dataset), String> {
        let open = self.year.as_ref().ok_or_else(|| "-".to_owned())?;
        let sent = open.saved().rounds.len();
        match number.checked_sub(1) {
            Some(k) if k < sent => round_plan(open.saved(), &open.dataset, k).map_err(|e| e.to_string()),
            Some(k) => match open.unsent().get(k - sent) {
                Some(made) => Ok((made.round.scenario.clone(), made.dataset.clone())),
                None => Err(format!("{number}")),
            },
            None => Err(format!("{number}")),
        }
    }

    pub(in crate::gui) fn year_export_now(&mut self, path: &Path) {
        let lang = self.view.lang;
        let t = YearTexts::get(lang);
        let Some(open) = &self.year else { return };
        let Ok(status) = &open.prepared().status else { return };
        let written = crate::export::year_xlsx(&open.dataset, status, lang)
            .map_err(|e| e.to_string())
            .and_then(|bytes| crate::fileio::write_atomic(path, &bytes).map_err(|e| e.to_string()));
        match written {
            Ok(()) => self.notices.push(Notice::info(format!("{} {}", t.exported, path.display()))),
            Err(e) => self.notices.push(Notice::error(format!("{} {}: {e}", t.cannot_export, path.display()))),
        }
    }

    /// Undo reached a round of the year: it is taken back.
    pub(in crate::gui) fn year_round_back(&mut self) {
        let lang = self.view.lang;
        self.view.year.round = None;
        if let Some(open) = &mut self.year {
            open.round_back(lang);
        }
    }

    /// Redo reached a round of the year: it is made again.
    pub(in crate::gui) fn year_round_again(&mut self) {
        let lang = self.view.lang;
        if let Some(open) = &mut self.year {
            open.round_again(lang);
        }
    }
}
