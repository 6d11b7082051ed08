//! The open year, kept beside the scenario document: the year as its file holds it (every round there is
//! sent), the rounds made in the planner and not yet sent, and what the tab shows, prepared once per change.
//! Every change is made by the year's own functions (`crate::year`) and every save is `save_year`'s (atomic,
//! with `.bak`).

use crate::gui::write_failure::year_error;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::RoundOrder;
use super::prepare::{YearTabData, prepare};
use crate::data::Dataset;
use crate::lang::Lang;
use crate::year::{
    Date, MadeRound, RoundKind, Snapshot, Year, YearError, counts_from_column, open_year, recorded_round,
    request_round, revision_round, save_year, shortfall_round,
};

pub struct OpenYear {
    pub path: PathBuf,
    /// The year as on disk.
    year: Year,
    pub dataset: Arc<Dataset>,
    /// Rounds made here and not yet sent, in order; undo takes back the last.
    unsent: Vec<MadeRound>,
    /// Unsent rounds taken back by undo, for redo.
    undone: Vec<MadeRound>,
    prepared: YearTabData,
}

impl OpenYear {
    /// A year opened from its file, with a warning when its dataset changed since.
    pub fn open(path: &Path, lang: Lang) -> Result<(OpenYear, Option<String>), YearError> {
        let (year, dataset, warning) = open_year(path)?;
        Ok((OpenYear::new(path.to_path_buf(), year, dataset, lang), warning))
    }

    pub fn new(path: PathBuf, year: Year, dataset: Dataset, lang: Lang) -> OpenYear {
        let dataset = Arc::new(dataset);
        let prepared = prepare(&year, 0, &dataset, &[], lang);
        OpenYear { path, year, dataset, unsent: Vec::new(), undone: Vec::new(), prepared }
    }

    /// The year as saved: sent rounds only.
    pub fn saved(&self) -> &Year {
        &self.year
    }

    pub fn unsent(&self) -> &[MadeRound] {
        &self.unsent
    }

    /// The year with its unsent rounds: what the next round and the tab start from.
    pub fn working(&self) -> Year {
        let mut year = self.year.clone();
        for made in &self.unsent {
            // The rounds were made in order from this same year; a refused one was refused when made.
            let _ = year.add_round(made.clone());
        }
        year
    }

    pub fn prepared(&self) -> &YearTabData {
        &self.prepared
    }

    /// The tab's data again (after a change, or in another language).
    pub fn refresh(&mut self, lang: Lang) {
        let working = self.working();
        self.prepared = prepare(&working, self.year.rounds.len(), &self.dataset, &self.unsent, lang);
    }

    /// The file name, for the title and the status bar.
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into_owned())
    }

    /// Makes the next round with the year's own functions, as the command line does; it stays unsent.
    pub fn make(&mut self, order: &RoundOrder, date: Date, note: &str, lang: Lang) -> Result<(), String> {
        let year = self.working();
        let d = &*self.dataset;
        let made = match order {
            RoundOrder::Request { target } => request_round(&year, d, date, *target, note),
            RoundOrder::FromColumn { kind, column } => {
                let counts = counts_from_column(d, column).map_err(|e| e.to_string())?;
                let note = if note.is_empty() { column.as_str() } else { note };
                recorded_round(&year, d, *kind, date, &counts, note)
            }
            RoundOrder::Shortfall { among, count_unanswered } => {
                shortfall_round(&year, d, date, *among, *count_unanswered, note)
            }
            RoundOrder::Revision(revision) => revision_round(&year, d, date, *revision, note),
            RoundOrder::Reconciled { counts, deviations } => {
                recorded_round(&year, d, RoundKind::Request, date, counts, note).map(|mut made| {
                    made.round.deviations.clone_from(deviations);
                    made
                })
            }
        }
        .map_err(|e| e.to_string())?;
        // Checked now, so a round that could never be sent is not kept.
        year.clone().add_round(made.clone()).map_err(|e| e.to_string())?;
        self.unsent.push(made);
        self.undone.clear();
        self.refresh(lang);
        Ok(())
    }

    /// Undo: the last unsent round is taken back (kept for redo).
    pub fn round_back(&mut self, lang: Lang) -> bool {
        let Some(made) = self.unsent.pop() else { return false };
        self.undone.push(made);
        self.refresh(lang);
        true
    }

    /// Redo: the round taken back last is made again.
    pub fn round_again(&mut self, lang: Lang) -> bool {
        let Some(made) = self.undone.pop() else { return false };
        self.unsent.push(made);
        self.refresh(lang);
        true
    }

    /// Freezes the unsent rounds into the year and saves it. Refused while a revision warns of places piling
    /// up, unless `accept_warnings`. Returns how many rounds were sent.
    pub fn send(&mut self, accept_warnings: bool, lang: Lang) -> Result<usize, String> {
        if !accept_warnings && self.unsent.iter().any(|m| !m.warnings.is_empty()) {
            let t = super::YearTexts::get(lang);
            return Err(t.warnings.to_owned());
        }
        let mut year = self.year.clone();
        for made in &self.unsent {
            year.add_round(made.clone()).map_err(|e| e.to_string())?;
        }
        save_year(&self.path, &year).map_err(|e| year_error(&e, lang))?;
        let sent = self.unsent.len();
        self.year = year;
        self.unsent.clear();
        self.undone.clear();
        self.refresh(lang);
        Ok(sent)
    }

    /// Takes sent round `number` (from 1) back with the date and reason, and saves: the round stays on record.
    pub fn withdraw(&mut self, number: usize, date: Date, reason: &str, lang: Lang) -> Result<(), String> {
        let mut year = self.year.clone();
        year.withdraw(number, date, reason).map_err(|e| e.to_string())?;
        save_year(&self.path, &year).map_err(|e| year_error(&e, lang))?;
        self.year = year;
        self.refresh(lang);
        Ok(())
    }

    /// Adds a dated snapshot of decisions (or of settled refugees) from a dataset column, and saves.
    pub fn record(&mut self, settled: bool, column: &str, date: Date, lang: Lang) -> Result<(), String> {
        let counts = counts_from_column(&self.dataset, column).map_err(|e| e.to_string())?;
        let mut year = self.year.clone();
        let snapshot = Snapshot { date, source: column.to_owned(), counts };
        if settled {
            year.settled.push(snapshot)
        } else {
            year.decisions.push(snapshot)
        }
        save_year(&self.path, &year).map_err(|e| year_error(&e, lang))?;
        self.year = year;
        self.refresh(lang);
        Ok(())
    }

    /// Saves the year as it is (a new year's first save).
    pub fn save(&self) -> Result<(), YearError> {
        save_year(&self.path, &self.year)
    }
}
