//! County frames: the year's need split into one total per county, the number each county's recommendations
//! are brought to. From the model (the county sums of a plan), from a dataset column (its county sums, scaled
//! to the need), or typed (the national committee's decision). Frames always add up to the need exactly.

use std::collections::BTreeMap;

use super::RoundError;
use super::limits::Limits;
use crate::data::Dataset;
use crate::engine::{Claim, Method, apportion};

/// Where the frames come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameSource {
    /// The county totals of the model's plan.
    Model,
    /// The county sums of a dataset column, scaled to the need.
    Column(String),
    /// Typed or read from a file: taken as given.
    Typed,
}

/// One total per county code (every county of the dataset), adding up to the need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frames {
    pub by_county: BTreeMap<String, u32>,
    pub source: FrameSource,
}

impl Frames {
    pub fn of(&self, county: &str) -> u32 {
        self.by_county.get(county).copied().unwrap_or(0)
    }

    pub fn total(&self) -> u64 {
        self.by_county.values().map(|&v| u64::from(v)).sum()
    }
}

/// The county sums of a plan (one number per dataset row): the frames the model proposes.
pub fn frames_from_plan(dataset: &Dataset, plan: &[u32]) -> Frames {
    let index = dataset.row_index();
    let mut sums = vec![0u32; index.counties.len()];
    for (row, &v) in plan.iter().enumerate() {
        if let Some(&c) = index.county_of.get(row) {
            sums[c] = sums[c].saturating_add(v);
        }
    }
    let by_county = index.counties.iter().zip(sums).map(|((code, _), s)| (code.clone(), s)).collect();
    Frames { by_county, source: FrameSource::Model }
}

/// The need split over the counties in proportion to a column's county sums (empty cells count 0), in exact
/// integers by largest remainder: a column that already adds up to the need gives its own county sums.
pub fn frames_from_column(dataset: &Dataset, column: &str, need: u32) -> Result<Frames, RoundError> {
    let col = dataset.column(column).ok_or_else(|| RoundError::UnknownColumn { column: column.to_owned() })?;
    let index = dataset.row_index();
    let mut sums = vec![0f64; index.counties.len()];
    for (row, v) in col.values.iter().enumerate() {
        if let (Some(v), Some(&c)) = (v, index.county_of.get(row))
            && v.is_finite()
            && *v > 0.0
        {
            sums[c] += v;
        }
    }
    let claims: Vec<Claim> = sums.iter().enumerate().map(|(i, &w)| Claim::unbounded(w, i as u32)).collect();
    let split = apportion(&claims, need, Method::Hamilton)
        .map_err(|_| RoundError::EmptyColumn { column: column.to_owned() })?;
    let by_county = index.counties.iter().zip(split.seats).map(|((code, _), s)| (code.clone(), s)).collect();
    Ok(Frames { by_county, source: FrameSource::Column(column.to_owned()) })
}

/// Typed frames, by county code or name: every county once, adding up to `need` exactly.
pub fn frames_typed(dataset: &Dataset, typed: &[(String, u32)], need: u32) -> Result<Frames, RoundError> {
    let counties = dataset.counties();
    let mut by_county = BTreeMap::new();
    for (key, value) in typed {
        let key = key.trim();
        let code = counties
            .iter()
            .find(|(code, name)| code == key || name.eq_ignore_ascii_case(key))
            .map(|(code, _)| code.clone())
            .ok_or_else(|| RoundError::UnknownCounty { county: key.to_owned() })?;
        if by_county.insert(code, *value).is_some() {
            return Err(RoundError::RepeatedFrame { county: key.to_owned() });
        }
    }
    if let Some((code, name)) = counties.iter().find(|(code, _)| !by_county.contains_key(code)) {
        return Err(RoundError::MissingFrame { county: format!("{name} ({code})") });
    }
    let frames = Frames { by_county, source: FrameSource::Typed };
    if frames.total() != u64::from(need) {
        return Err(RoundError::FramesSum { sum: frames.total(), need });
    }
    Ok(frames)
}

/// Refuses a frame the scenario's bounds cannot meet, naming the first such county: below the sum of its
/// municipalities' lower bounds, or above the sum of their caps.
pub fn check_frames(dataset: &Dataset, limits: &Limits, frames: &Frames) -> Result<(), RoundError> {
    let index = dataset.row_index();
    let n = index.counties.len();
    let (mut lower, mut upper) = (vec![0u64; n], vec![0u64; n]);
    for (row, &c) in index.county_of.iter().enumerate() {
        lower[c] += u64::from(limits.lower.get(row).copied().unwrap_or(0));
        upper[c] = upper[c].saturating_add(u64::from(limits.upper.get(row).copied().unwrap_or(u32::MAX)));
    }
    for (c, (code, name)) in index.counties.iter().enumerate() {
        let frame = frames.of(code);
        let county = format!("{name} ({code})");
        if u64::from(frame) < lower[c] {
            return Err(RoundError::FrameBelowBounds { county, frame, lower: lower[c] });
        }
        if u64::from(frame) > upper[c] {
            return Err(RoundError::FrameAboveBounds { county, frame, upper: upper[c] });
        }
    }
    Ok(())
}

/// Typed frames from a table file (CSV, `;` or `,`): county code or name in the first column, the frame in
/// the second. Checked as [`frames_typed`]; a cell that is not a whole number is refused with its line.
pub fn frames_from_table(bytes: &[u8], file: &str, dataset: &Dataset, need: u32) -> Result<Frames, FrameFileError> {
    let table = crate::import::read_table(bytes, file).map_err(|e| FrameFileError::Table(e.to_string()))?;
    let mut typed = Vec::new();
    for row in &table.rows {
        let county = row.cells.get(0).unwrap_or("").to_owned();
        let cell = row.cells.get(1).unwrap_or("");
        let value = match crate::import::parse_number(cell) {
            Ok(crate::import::Cell::Number(v)) if v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) => v as u32,
            _ => {
                return Err(FrameFileError::NotAFrame { file: file.to_owned(), line: row.line, cell: cell.to_owned() });
            }
        };
        typed.push((county, value));
    }
    frames_typed(dataset, &typed, need).map_err(|e| FrameFileError::Frames { file: file.to_owned(), source: e })
}

/// Why a file of frames cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrameFileError {
    #[error("{0}")]
    Table(String),
    #[error("{file}, line {line}: {cell:?} is not a whole number of at least 0")]
    NotAFrame { file: String, line: usize, cell: String },
    #[error("{file}: {source}")]
    Frames { file: String, source: RoundError },
}
