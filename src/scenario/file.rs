//! Scenario files (RON): versioned, strict about unknown fields, saved atomically.

use std::path::{Path, PathBuf};

use super::model::{DatasetRef, SCENARIO_VERSION, Scenario};
use crate::data::{DataError, Dataset, embedded_dataset, load_dataset_file};
use crate::fileio::{
    ReadError, Refused, RonError, TextError, parse_versioned, read_text, to_ron_pretty, write_atomic_with_backup,
};

#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{file}: the file is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { file: String, offset: usize },
    #[error(transparent)]
    Syntax(#[from] RonError),
    #[error(
        "{file}: scenario version {found} is newer than this program reads (up to {SCENARIO_VERSION}); update bosetting"
    )]
    NewerVersion { file: String, found: u32 },
    #[error("{file}: scenario version {found} is not valid (this program writes version {SCENARIO_VERSION})")]
    BadVersion { file: String, found: u32 },
    #[error("{file}: dataset: {source}")]
    Data { file: String, source: Box<DataError> },
    #[error("{file}: cannot save: {source}")]
    Write { file: String, source: std::io::Error },
}

pub fn parse_scenario(text: &str, file: &str) -> Result<Scenario, ScenarioError> {
    parse_versioned(text, file, SCENARIO_VERSION, |s: &Scenario| s.version).map_err(|refused| match refused {
        Refused::Syntax(e) => ScenarioError::Syntax(e),
        Refused::Newer(found) => ScenarioError::NewerVersion { file: file.to_owned(), found },
        Refused::Zero => ScenarioError::BadVersion { file: file.to_owned(), found: 0 },
    })
}

pub fn load_scenario(path: &Path) -> Result<Scenario, ScenarioError> {
    let (text, file) = read_text(path)?;
    parse_scenario(&text, &file)
}

pub fn scenario_to_text(scenario: &Scenario) -> String {
    let mut s = scenario.clone();
    s.version = SCENARIO_VERSION;
    // Serialising plain data to RON cannot fail; an empty string would be caught by the round-trip tests.
    to_ron_pretty(&s, 2).unwrap_or_default()
}

/// Saves atomically and keeps the previous version as `FILE.bak`.
pub fn save_scenario(path: &Path, scenario: &Scenario) -> Result<(), ScenarioError> {
    write_atomic_with_backup(path, scenario_to_text(scenario).as_bytes())
        .map_err(|source| ScenarioError::Write { file: path.display().to_string(), source })
}

impl From<TextError> for ScenarioError {
    fn from(e: TextError) -> Self {
        match e {
            TextError::Read(e) => ScenarioError::Read(e),
            TextError::NotUtf8 { file, offset } => ScenarioError::NotUtf8 { file, offset },
        }
    }
}

/// The dataset a scenario names: embedded, or a file relative to the scenario's folder.
/// Also returns a warning when the data no longer matches the fingerprint stored in the scenario.
pub fn resolve_dataset(
    scenario: &Scenario,
    scenario_path: Option<&Path>,
) -> Result<(Dataset, Option<String>), ScenarioError> {
    let file = scenario_path.map_or_else(|| "scenario".to_owned(), |p| p.display().to_string());
    let dataset = match &scenario.dataset {
        DatasetRef::Embedded(id) => embedded_dataset(id),
        DatasetRef::File(rel) => load_dataset_file(&dataset_file_path(scenario_path, rel)),
    }
    .map_err(|source| ScenarioError::Data { file: file.clone(), source: Box::new(source) })?;
    let warning = match &scenario.dataset_fingerprint {
        Some(saved) if *saved != dataset.fingerprint => Some(format!(
            "{file}: the dataset {} has changed since the scenario was saved (fingerprint {saved}, now {}); results may differ",
            dataset.id, dataset.fingerprint
        )),
        _ => None,
    };
    Ok((dataset, warning))
}

/// The dataset file a scenario names (`rel`, relative to the scenario's folder).
fn dataset_file_path(scenario_path: Option<&Path>, rel: &str) -> PathBuf {
    let base = scenario_path.and_then(Path::parent).map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    base.join(portable_path(rel))
}

/// The files a scenario at `path` is read from: the scenario itself and, when it names one, its dataset file.
pub fn scenario_files(path: &Path, scenario: &Scenario) -> Vec<PathBuf> {
    let mut files = vec![path.to_owned()];
    if let DatasetRef::File(rel) = &scenario.dataset {
        files.push(dataset_file_path(Some(path), rel));
    }
    files
}

/// A dataset path as written in a scenario file, for this platform: a file saved on Windows may say
/// `data\\x.dataset.ron`, which names no folder elsewhere. Windows accepts `/` as well, so only other
/// platforms need the change.
fn portable_path(rel: &str) -> PathBuf {
    if cfg!(windows) { PathBuf::from(rel) } else { PathBuf::from(rel.replace('\\', "/")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IMDI: &str = include_str!("../../scenarios/imdi-2020.ron");

    #[test]
    fn unknown_field_is_an_error_naming_field_and_line() {
        let text = IMDI.replace("size_exponent:", "size_exponnent:");
        let err = parse_scenario(&text, "x.ron").unwrap_err().to_string();
        assert!(err.contains("x.ron") && err.contains("size_exponnent") && err.contains("line 7"), "{err}");
    }

    #[test]
    fn newer_version_is_refused_as_such() {
        let text = IMDI.replace("version: 1", "version: 7").replace("notes:", "new_field: 1, notes:");
        let err = parse_scenario(&text, "x.ron").unwrap_err();
        assert!(matches!(err, ScenarioError::NewerVersion { found: 7, .. }), "{err}");
    }

    #[test]
    fn syntax_errors_carry_positions_and_version_zero_is_refused() {
        let err = parse_scenario(&IMDI[..IMDI.len() / 2], "cut.ron").unwrap_err();
        assert!(matches!(err, ScenarioError::Syntax(RonError { line, .. }) if line > 1), "{err}");
        let err = parse_scenario(&IMDI.replace("version: 1", "version: 0"), "z.ron").unwrap_err();
        assert!(matches!(err, ScenarioError::BadVersion { .. }));
    }

    #[test]
    fn deep_nesting_is_refused_without_crashing() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_scenario(&text, "deep.ron").is_err());
    }

    #[test]
    fn save_then_open_round_trips_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let scenario = parse_scenario(IMDI, "imdi").unwrap();
        save_scenario(&path, &scenario).unwrap();
        let mut changed = scenario.clone();
        changed.target.total = 4000;
        save_scenario(&path, &changed).unwrap();
        assert_eq!(load_scenario(&path).unwrap(), changed);
        assert_eq!(load_scenario(&dir.path().join("plan.ron.bak")).unwrap(), scenario);
    }

    #[test]
    fn scenario_files_without_county_recommendations_save_as_they_were() {
        for text in [IMDI, include_str!("../../scenarios/imdi-2024.ron")] {
            let scenario = parse_scenario(text, "imdi").unwrap();
            assert!(scenario.county_recommendations.is_empty());
            let saved = scenario_to_text(&scenario);
            assert!(!saved.contains("county_recommendations"), "an empty field is not written");
            let again = parse_scenario(&saved, "saved").unwrap();
            assert_eq!(again, scenario, "opens unchanged");
            assert_eq!(scenario_to_text(&again), saved, "a saved file saves again byte for byte");
        }
    }

    #[test]
    fn a_dataset_path_written_on_windows_opens_here_too() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        let dataset = crate::data::embedded_dataset("norway-2020").unwrap();
        crate::data::save_dataset_file(&dataset, &dir.path().join("data").join("own.dataset.ron")).unwrap();
        let mut scenario = parse_scenario(IMDI, "imdi").unwrap();
        scenario.dataset = DatasetRef::File("data\\own.dataset.ron".into());
        let (opened, _) = resolve_dataset(&scenario, Some(&dir.path().join("plan.ron"))).unwrap();
        assert_eq!(opened.fingerprint, dataset.fingerprint);
    }

    #[test]
    fn changed_dataset_is_reported() {
        let mut scenario = parse_scenario(IMDI, "imdi").unwrap();
        scenario.dataset_fingerprint = Some("0000000000000000".into());
        let (_, warning) = resolve_dataset(&scenario, None).unwrap();
        assert!(warning.unwrap().contains("has changed"));
        scenario.dataset = DatasetRef::File("missing.dataset.ron".into());
        assert!(matches!(resolve_dataset(&scenario, None), Err(ScenarioError::Data { .. })));
    }
}
