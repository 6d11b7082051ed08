//! The calibration off the UI thread (a [`Task`]): reads the reference, runs the search, and prepares what
//! the dialog shows.

use std::path::Path;

use crate::calibrate::{
    CalibrateOptions, Calibration, Reference, calibrate, reference_from_column, reference_from_csv,
};
use crate::data::Dataset;
use crate::engine::allocate;
use crate::fileio::read_limited;
use crate::scenario::Scenario;

use super::state::RefChoice;
use crate::gui::task::Progress;

/// What one calibration needs; owned, so the search can run while the document changes hands.
pub struct Job {
    pub dataset: Dataset,
    pub scenario: Scenario,
    pub source: RefChoice,
    pub options: CalibrateOptions,
    /// The document revision the job was made from.
    pub revision: u64,
}

/// One municipality in the scatter: the reference (scaled to the target) and the fitted model's request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FitPoint {
    /// Dataset row.
    pub row: usize,
    pub reference: f64,
    pub model: f64,
}

/// A finished calibration and what the dialog shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub calibration: Calibration,
    /// The column id or file name.
    pub reference_name: String,
    /// The total the weights were fitted at.
    pub target: u32,
    /// Municipalities the reference asked.
    pub asked: usize,
    /// Municipalities with a known reference value.
    pub points: Vec<FitPoint>,
    /// The scenario's weights (shares) and exponent when the calibration started.
    pub before_weights: Vec<f64>,
    pub before_exponent: f64,
    pub revision: u64,
}

impl Fitted {
    /// The fitted raw weights in scenario order (percentages summing to 100).
    pub fn weights(&self) -> Vec<f64> {
        self.calibration.scenario.criteria.iter().map(|c| c.weight).collect()
    }
}

/// The search for `job`, reporting the share done and stopping when cancelled.
pub fn fit(job: &Job, progress: &Progress<f32>) -> Result<Fitted, String> {
    run(job, &mut |share| {
        progress.report(share);
        !progress.cancelled()
    })
}

fn reference(job: &Job) -> Result<Reference, String> {
    match &job.source {
        RefChoice::Column(id) => reference_from_column(&job.dataset, id).map_err(|e| e.to_string()),
        RefChoice::Csv(path) => {
            let bytes = read_limited(path).map_err(|e| e.to_string())?;
            reference_from_csv(&bytes, &file_name(path), &job.dataset).map_err(|e| e.to_string())
        }
    }
}

/// The file's name for messages (the whole path is shown in the dialog already).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn run(job: &Job, progress: &mut dyn FnMut(f32) -> bool) -> Result<Fitted, String> {
    let reference = reference(job)?;
    let calibration = calibrate(&job.dataset, &job.scenario, &reference, &job.options, progress).map_err(|e| {
        // Most messages name the reference already; the others get its name in front.
        let message = e.to_string();
        if message.contains(&reference.name) { message } else { format!("{}: {message}", reference.name) }
    })?;
    // The same target the search used (it refused a reference whose sum rounds to nothing).
    let target = job.options.target.unwrap_or_else(|| reference.total().round().clamp(1.0, f64::from(u32::MAX)) as u32);
    let mut fitted = calibration.scenario.clone();
    fitted.target.total = target;
    fitted.target.minors = 0;
    fitted.target.resettlement = 0;
    let allocation = allocate(&job.dataset, &fitted).map_err(|e| e.to_string())?;
    let total = reference.total();
    let scale = if total > 0.0 { f64::from(target) / total } else { 1.0 };
    let points = reference
        .values
        .iter()
        .zip(&allocation.rows)
        .enumerate()
        .filter_map(|(row, (v, r))| v.map(|v| FitPoint { row, reference: v * scale, model: f64::from(r.allocation) }))
        .collect();
    let n = job.scenario.criteria.len();
    Ok(Fitted {
        before_weights: job.scenario.normalised_weights().unwrap_or_else(|| vec![0.0; n]),
        before_exponent: job.scenario.size_exponent,
        asked: reference.asked(),
        reference_name: reference.name,
        target,
        points,
        calibration,
        revision: job.revision,
    })
}
