//! Carrying out the county round tab's commands. The reconciled request becomes the document's scenario
//! through the one commit path (one undo step); the workbooks are written by the one write rule.

use std::path::{Path, PathBuf};

use std::time::Instant;

use super::state::{NoDialog, ReturnedCopy};
use super::texts::CountyRoundTexts;
use super::{CountyRoundCmd, CountyRoundState};
use crate::county_round::final_scenario;
use crate::export::{RoundWorkbooks, county_round_workbooks, latest_earlier, today_in_norway};
use crate::fileio::{WriteRules, read_limited, write_all_replacing};
use crate::gui::app::App;
use crate::gui::command::Command;
use crate::gui::commit::Change;
use crate::gui::edit::Edit;
use crate::gui::notices::Notice;
use crate::gui::task::Task;
use crate::gui::view_state::Tab;
use crate::gui::year_view::{RoundOrder, YearCmd};
use crate::year::Date;

impl App {
    pub(in crate::gui) fn apply_county_round(&mut self, cmd: CountyRoundCmd, then: &mut Vec<Command>) {
        let t = CountyRoundTexts::get(self.view.lang);
        match cmd {
            CountyRoundCmd::ImportDialog => {
                if self.view.county_round.picking.is_some() {
                    return;
                }
                let task = Task::spawn("county-round-files", self.window.ctx.clone(), |_| {
                    let dialog = rfd::FileDialog::new().add_filter("XLSX, CSV", &["xlsx", "csv", "tsv", "txt"]);
                    shown(|| dialog.pick_files())
                });
                match task {
                    Ok(task) => self.view.county_round.picking = Some(task),
                    Err(_) => self.notices.push(Notice::error(t.no_dialog)),
                }
            }
            CountyRoundCmd::Import(paths) => self.import_returned(&paths),
            CountyRoundCmd::Clear => self.view.county_round.clear(),
            CountyRoundCmd::AddOverride(made) => {
                self.view.county_round.add_override(made);
                self.view.county_round.draft = Default::default();
            }
            CountyRoundCmd::RemoveOverride(code) => self.view.county_round.remove_override(&code),
            CountyRoundCmd::Reconcile => match self.county_reconciliation() {
                Ok(done) => self.view.county_round.reconciled = Some(done),
                Err(e) => self.notices.push(Notice::error(e)),
            },
            CountyRoundCmd::OpenAsPlan => {
                // A reconciliation older than the inputs is made again: what opens is what the tab shows.
                let done = match self.county_reconciliation() {
                    Ok(done) => done,
                    Err(e) => return self.notices.push(Notice::error(e)),
                };
                let plan = final_scenario(self.doc.dataset(), self.doc.scenario(), &done.0, self.view.lang);
                self.view.county_round.reconciled = Some(done);
                if self.commit(Change::Edit(Edit::ReplaceScenario(Box::new(plan))), None) {
                    then.push(Command::SetTab(Tab::Table));
                    self.notices.push(Notice::info(t.plan_opened));
                }
            }
            CountyRoundCmd::ToYear => {
                if self.year.is_none() {
                    return self.notices.push(Notice::error(t.no_year));
                }
                let done = match self.county_reconciliation() {
                    Ok(done) => done,
                    Err(e) => return self.notices.push(Notice::error(e)),
                };
                let dataset = self.doc.dataset();
                let counts =
                    dataset.municipalities.iter().zip(&done.0.requests).map(|(m, &v)| (m.code.clone(), v)).collect();
                let deviations = done.0.deviations.iter().map(|d| (d.code.clone(), d.recorded())).collect();
                self.view.county_round.reconciled = Some(done);
                // The year's own path makes the round: one undo step, unsent until Send/Frys.
                let order = RoundOrder::Reconciled { counts, deviations };
                let note = t.round_note.to_owned();
                then.push(Command::Year(YearCmd::Make { order, date: Date::today(), note }));
                then.push(Command::SetTab(Tab::Year));
            }
            CountyRoundCmd::ExportDialog => {
                if self.view.county_round.choosing_folder.is_some() {
                    return;
                }
                let start = self.doc.path().and_then(Path::parent).map(Path::to_path_buf);
                let task = Task::spawn("county-round-folder", self.window.ctx.clone(), move |_| {
                    let dialog = rfd::FileDialog::new();
                    let dialog = match start {
                        Some(dir) => dialog.set_directory(dir),
                        None => dialog,
                    };
                    shown(|| dialog.pick_folder())
                });
                match task {
                    Ok(task) => self.view.county_round.choosing_folder = Some(task),
                    Err(_) => self.notices.push(Notice::error(t.no_dialog)),
                }
            }
            CountyRoundCmd::Export(folder) => match self.write_county_workbooks(&folder) {
                Ok(()) => self.notices.push(Notice::info(format!("{} {}", t.exported, folder.display()))),
                Err(e) => self.notices.push(Notice::error(format!("{} {e}", t.cannot_export))),
            },
        }
    }

    /// Reads the returned files with those read before; a refused set leaves the tab as it was and says why.
    fn import_returned(&mut self, paths: &[PathBuf]) {
        let t = CountyRoundTexts::get(self.view.lang);
        let today = today_in_norway();
        let paths = match in_folders(paths) {
            Ok(paths) => paths,
            Err(e) => {
                self.view.county_round.problem = Some(e);
                return;
            }
        };
        let mut added = Vec::with_capacity(paths.len());
        for path in &paths {
            match read_limited(path) {
                Ok(bytes) => {
                    let saved = std::fs::metadata(path).and_then(|m| m.modified()).ok();
                    let date = saved.map_or_else(|| today.clone(), crate::dates::date_in_norway);
                    added.push(ReturnedCopy { name: file_name(path), bytes, date });
                }
                Err(e) => {
                    self.view.county_round.problem = Some(e.to_string());
                    return;
                }
            }
        }
        let names: Vec<String> = added.iter().map(|f| f.name.clone()).collect();
        let state: &mut CountyRoundState = &mut self.view.county_round;
        if state.import(added, self.doc.dataset(), self.view.lang).is_ok() {
            self.notices.push(Notice::info(format!("{} {}", t.imported, names.join(", "))));
        }
    }

    /// The reconciliation of the tab's files and choices against the open plan, stamped with its inputs.
    fn county_reconciliation(&self) -> Result<(crate::county_round::Reconciled, super::state::Stamp), String> {
        let t = CountyRoundTexts::get(self.view.lang);
        let allocation = self.computed.result.as_ref().map_err(|e| format!("{} {e}", t.no_plan))?;
        let (dataset, scenario) = (self.doc.dataset(), self.doc.scenario());
        let state = &self.view.county_round;
        let round = state.round(dataset, scenario, allocation)?;
        let done = state.reconcile(dataset, scenario, &round)?;
        Ok((done, state.stamp(self.computed.generation)))
    }

    /// One workbook per county and one for all into `folder`: never over an existing file nor over the
    /// scenario or its dataset, all or none.
    fn write_county_workbooks(&self, folder: &Path) -> Result<(), String> {
        let t = CountyRoundTexts::get(self.view.lang);
        let allocation = self.computed.result.as_ref().map_err(|e| format!("{} {e}", t.no_plan))?;
        let (dataset, scenario) = (self.doc.dataset(), self.doc.scenario());
        let round = self.view.county_round.round(dataset, scenario, allocation)?;
        let saved_at = today_in_norway();
        let books = county_round_workbooks(&RoundWorkbooks {
            dataset,
            scenario,
            allocation,
            frames: &round.frames,
            earlier: latest_earlier(dataset),
            lang: self.view.lang,
            saved_at: &saved_at,
        })
        .map_err(|e| e.to_string())?;
        let paths: Vec<PathBuf> = books.iter().map(|(name, _)| folder.join(name)).collect();
        let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let mut rules = WriteRules::new(false);
        if let Some(path) = self.doc.path() {
            rules = rules.input(path, "the scenario");
        }
        rules.check(&refs).map_err(|e| e.to_string())?;
        let files: Vec<(&Path, &[u8])> = refs.iter().zip(&books).map(|(p, (_, b))| (*p, b.as_slice())).collect();
        write_all_replacing(&files).map_err(|(p, e)| format!("{}: {e}", p.display()))
    }
}

/// A dialog's answer, or [`NoDialog`] when "nothing chosen" came faster than a person can click (rfd answers
/// at once when no portal or helper can show one).
fn shown<T>(dialog: impl FnOnce() -> Option<T>) -> Result<Option<T>, NoDialog> {
    let started = Instant::now();
    let chosen = dialog();
    if chosen.is_none() && started.elapsed() < crate::gui::file_dialog::TOO_FAST { Err(NoDialog) } else { Ok(chosen) }
}

/// The paths with each folder replaced by its returned files (workbooks and CSV), in name order.
fn in_folders(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let mut found = super::returned_files(entries.flatten().map(|e| e.path()).filter(|p| p.is_file()));
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
