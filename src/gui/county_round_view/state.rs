//! What the county round tab keeps between frames: where the frames come from, the returned files read so
//! far, the last reconciliation, and the file dialogs running.

use std::path::PathBuf;

use crate::county_round::{
    Frames, Limits, Override, Recommendations, Reconciled, ReturnedFile, RoundInput, check_frames, frames_from_column,
    frames_from_plan, read_recommendations, reconcile,
};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::gui::task::Task;
use crate::lang::Lang;
use crate::scenario::Scenario;

/// Where the county frames come from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum FramesChoice {
    /// The county totals of the open plan.
    #[default]
    Model,
    /// A dataset column's county sums, shared over the need.
    Column(String),
}

/// A returned file as it was read: its name for messages, its bytes, the day it was last saved.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnedCopy {
    pub name: String,
    pub bytes: Vec<u8>,
    pub date: String,
}

/// The round's inputs that come from the open plan.
pub struct Round {
    pub frames: Frames,
    pub proposal: Vec<u32>,
    pub limits: Limits,
}

#[derive(Default)]
pub struct CountyRoundState {
    pub frames: FramesChoice,
    /// Every file imported so far, read together (a municipality given twice across files is caught).
    pub files: Vec<ReturnedCopy>,
    pub recommendations: Recommendations,
    pub accept_county_sums: bool,
    /// Why the last import was refused, with file, row and cause.
    pub problem: Option<String>,
    /// What the last import moved across borders, per file.
    pub moved: Vec<String>,
    /// The last reconciliation, and the inputs it was made from (to tell when it is out of date).
    pub reconciled: Option<(Reconciled, Stamp)>,
    /// The open dialog for returned files.
    pub picking: Option<Task<Option<Vec<PathBuf>>, NoDialog>>,
    /// The open dialog for the export folder.
    pub choosing_folder: Option<Task<Option<PathBuf>, NoDialog>>,
    /// A file or folder typed in the tab, for when no dialog can be shown.
    pub path: String,
    /// Numbers set by hand on top of the recommendations, each with its reason (as `--set`), in the order made.
    pub overrides: Vec<Override>,
    /// The override being typed.
    pub draft: super::overrides::Draft,
}

/// No file dialog could be shown (it answered faster than a person can click).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoDialog;

/// What a reconciliation was made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    pub generation: u64,
    pub files: usize,
    pub frames: FramesChoice,
    pub accept_county_sums: bool,
    pub overrides: Vec<Override>,
}

impl CountyRoundState {
    pub fn stamp(&self, generation: u64) -> Stamp {
        Stamp {
            generation,
            files: self.files.len(),
            frames: self.frames.clone(),
            accept_county_sums: self.accept_county_sums,
            overrides: self.overrides.clone(),
        }
    }

    /// Adds `added` to the files read so far, all or nothing: when any file (or the set) has a problem, the
    /// state stays as it was and the problem is kept to show.
    pub fn import(&mut self, added: Vec<ReturnedCopy>, dataset: &Dataset, lang: Lang) -> Result<(), String> {
        let mut files = self.files.clone();
        files.extend(added);
        let returned: Vec<ReturnedFile> = files
            .iter()
            .map(|f| ReturnedFile { name: f.name.clone(), bytes: &f.bytes, date: f.date.clone() })
            .collect();
        match read_recommendations(&returned, dataset) {
            Ok(r) => {
                self.moved = r.moved.iter().map(|(file, report)| format!("{file}: {}", report.summary(lang))).collect();
                self.recommendations = r;
                self.files = files;
                self.problem = None;
                Ok(())
            }
            Err(e) => {
                self.problem = Some(e.to_string());
                Err(e.to_string())
            }
        }
    }

    /// Sets `o` on top of the recommendations, in place of an earlier override of the same municipality.
    pub fn add_override(&mut self, o: Override) {
        match self.overrides.iter_mut().find(|x| x.code == o.code) {
            Some(x) => *x = o,
            None => self.overrides.push(o),
        }
    }

    pub fn remove_override(&mut self, code: &str) {
        self.overrides.retain(|o| o.code != code);
    }

    pub fn clear(&mut self) {
        self.files.clear();
        self.recommendations = Recommendations::default();
        self.problem = None;
        self.moved.clear();
        self.reconciled = None;
    }

    /// Frames, proposal and bounds from the open plan; why not, when the plan or the frames cannot be used.
    pub fn round(&self, dataset: &Dataset, scenario: &Scenario, allocation: &Allocation) -> Result<Round, String> {
        let proposal: Vec<u32> = allocation.rows.iter().map(|r| r.allocation).collect();
        let frames = match &self.frames {
            FramesChoice::Model => frames_from_plan(dataset, &proposal),
            FramesChoice::Column(id) => {
                frames_from_column(dataset, id, scenario.target.total).map_err(|e| e.to_string())?
            }
        };
        let limits = Limits::of_plan(allocation);
        check_frames(dataset, &limits, &frames).map_err(|e| e.to_string())?;
        Ok(Round { frames, proposal, limits })
    }

    /// The reconciliation of the files read so far against `round`.
    pub fn reconcile(&self, dataset: &Dataset, scenario: &Scenario, round: &Round) -> Result<Reconciled, String> {
        reconcile(&RoundInput {
            dataset,
            proposal: &round.proposal,
            limits: &round.limits,
            frames: &round.frames,
            recommendations: &self.recommendations,
            overrides: &self.overrides,
            accept_county_sums: self.accept_county_sums,
            method: scenario.rounding,
        })
        .map_err(|e| e.to_string())
    }
}
