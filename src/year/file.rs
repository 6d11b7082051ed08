//! Year files (`*.year.ron`): versioned, strict about unknown fields, checked against their dataset, saved
//! atomically with the previous version kept as `.bak`.

use std::path::{Path, PathBuf};

use super::model::{Counts, YEAR_VERSION, Year};
use crate::data::Dataset;
use crate::fileio::{
    ReadError, Refused, RonError, TextError, parse_versioned, read_text, to_ron_pretty, write_atomic_with_backup,
};
use crate::scenario::{DatasetRef, Scenario, ScenarioError, resolve_dataset};

#[derive(Debug, thiserror::Error)]
pub enum YearError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{file}: the file is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { file: String, offset: usize },
    #[error(transparent)]
    Syntax(#[from] RonError),
    #[error(
        "{file}: year file version {found} is newer than this program reads (up to {YEAR_VERSION}); update bosetting"
    )]
    NewerVersion { file: String, found: u32 },
    #[error("{file}: year file version {found} is not valid (this program writes version {YEAR_VERSION})")]
    BadVersion { file: String, found: u32 },
    #[error("{file}: the year has no need; give it one with a date, total and minors")]
    NoNeed { file: String },
    #[error("{file}, line {line}: {what}: municipality {code:?} is not in the dataset {dataset}")]
    UnknownMunicipality { file: String, line: usize, what: String, code: String, dataset: String },
    /// The dataset named by the year cannot be loaded (the message names the year file).
    #[error(transparent)]
    Dataset(#[from] ScenarioError),
    #[error("{file}: cannot save: {source}")]
    Write { file: String, source: std::io::Error },
}

/// A year from its text; `file` names it in messages. Numbers are whole and never negative: the parser
/// refuses anything else with its line and column.
pub fn parse_year(text: &str, file: &str) -> Result<Year, YearError> {
    let year = parse_versioned(text, file, YEAR_VERSION, |y: &Year| y.version).map_err(|refused| match refused {
        Refused::Syntax(e) => YearError::Syntax(explain_negative(e, text)),
        Refused::Newer(found) => YearError::NewerVersion { file: file.to_owned(), found },
        Refused::Zero => YearError::BadVersion { file: file.to_owned(), found: 0 },
    })?;
    if year.need.is_empty() {
        return Err(YearError::NoNeed { file: file.to_owned() });
    }
    Ok(year)
}

impl From<TextError> for YearError {
    fn from(e: TextError) -> Self {
        match e {
            TextError::Read(e) => YearError::Read(e),
            TextError::NotUtf8 { file, offset } => YearError::NotUtf8 { file, offset },
        }
    }
}

/// The parser calls a negative count "out of bounds"; the user reads that it cannot be negative.
fn explain_negative(mut e: RonError, text: &str) -> RonError {
    let near: String = text
        .lines()
        .nth(e.line.saturating_sub(1))
        .map(|l| l.chars().skip(e.column.saturating_sub(3)).take(4).collect())
        .unwrap_or_default();
    if e.message.contains("out of bounds") && near.contains('-') {
        e.message = format!("a count cannot be negative ({})", e.message);
    }
    e
}

pub fn year_to_text(year: &Year) -> String {
    let mut y = year.clone();
    y.version = YEAR_VERSION;
    // Serialising plain data to RON cannot fail; an empty string would be caught by the round-trip tests.
    to_ron_pretty(&y, 4).unwrap_or_default()
}

/// Saves atomically and keeps the previous version as `FILE.bak`.
pub fn save_year(path: &Path, year: &Year) -> Result<(), YearError> {
    write_atomic_with_backup(path, year_to_text(year).as_bytes())
        .map_err(|source| YearError::Write { file: path.display().to_string(), source })
}

/// A year file opened with its dataset: parsed, its dataset loaded (relative to the year's folder), every
/// municipality code checked. Also returns a warning when the dataset changed since the year was made.
pub fn open_year(path: &Path) -> Result<(Year, Dataset, Option<String>), YearError> {
    let (text, file) = read_text(path)?;
    let year = parse_year(&text, &file)?;
    let (dataset, warning) = year_dataset(&year, path)?;
    check_codes(&year, &dataset, &text, &file)?;
    Ok((year, dataset, warning))
}

/// The dataset a year names, resolved as a scenario's is (embedded, or relative to the year file).
pub fn year_dataset(year: &Year, path: &Path) -> Result<(Dataset, Option<String>), YearError> {
    let probe = Scenario {
        dataset: year.dataset.clone(),
        dataset_fingerprint: year.dataset_fingerprint.clone(),
        ..year.plan.clone()
    };
    Ok(resolve_dataset(&probe, Some(path))?)
}

/// Every code the year names must be in the dataset; the message gives the line of the first mention.
pub fn check_codes(year: &Year, dataset: &Dataset, text: &str, file: &str) -> Result<(), YearError> {
    let mut named: Vec<(String, &Counts)> = Vec::new();
    for (i, r) in year.rounds.iter().enumerate() {
        named.push((format!("round {} ({})", i + 1, r.kind.key()), &r.requests));
    }
    for (i, s) in year.decisions.iter().enumerate() {
        named.push((format!("decisions {} ({})", i + 1, s.date), &s.counts));
    }
    for (i, s) in year.settled.iter().enumerate() {
        named.push((format!("settled {} ({})", i + 1, s.date), &s.counts));
    }
    let left_out = year
        .rounds
        .iter()
        .enumerate()
        .flat_map(|(i, r)| r.left_out.keys().map(move |code| (format!("round {} (left out)", i + 1), code)));
    let codes = named.iter().flat_map(|(what, counts)| counts.keys().map(move |c| (what.clone(), c))).chain(left_out);
    for (what, code) in codes {
        if dataset.index_of_code(code).is_none() {
            return Err(YearError::UnknownMunicipality {
                file: file.to_owned(),
                line: line_of(text, &format!("{code:?}")),
                what,
                code: code.clone(),
                dataset: dataset.id.clone(),
            });
        }
    }
    Ok(())
}

/// The 1-based line of the first `needle` in `text` (1 when it is not there).
fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle).map_or(1, |at| text[..at].lines().count().max(1) + usize::from(text[..at].ends_with('\n')))
}

/// The dataset reference a year file at `year_path` needs for the dataset a scenario at `scenario_path`
/// names: an embedded one as it is; a file made relative to the year's folder when it lies within it,
/// otherwise absolute.
pub fn dataset_ref_for(scenario: &Scenario, scenario_path: &Path, year_path: &Path) -> DatasetRef {
    let DatasetRef::File(rel) = &scenario.dataset else { return scenario.dataset.clone() };
    let folder = |p: &Path| {
        p.parent().filter(|f| !f.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let full = folder(scenario_path).join(rel.replace('\\', "/"));
    let full = std::fs::canonicalize(&full).unwrap_or(full);
    let year_folder = std::fs::canonicalize(folder(year_path)).unwrap_or_else(|_| folder(year_path));
    match full.strip_prefix(&year_folder) {
        Ok(inside) => DatasetRef::File(inside.to_string_lossy().replace('\\', "/")),
        Err(_) => DatasetRef::File(full.to_string_lossy().into_owned()),
    }
}
