//! The open document: the scenario, where it lives, what was last saved, and the dataset it names.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::data::Dataset;
use crate::scenario::{DatasetRef, Scenario, ScenarioError, parse_scenario, resolve_dataset, save_scenario};

/// `<scenario-stem>.dataset.ron`: where a scenario's own dataset is written, next to it.
pub fn dataset_file_name(scenario_path: &Path) -> String {
    let stem = scenario_path.file_stem().map_or_else(|| "scenario".into(), |s| s.to_string_lossy().into_owned());
    format!("{stem}.dataset.ron")
}

/// The scenario a new document starts from; embedded so the planner works from any folder.
const DEFAULT_SCENARIO: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2020.ron"));

/// Scenario errors are large (they carry file names and causes); boxed, they keep results small.
pub type DocResult<T> = Result<T, Box<ScenarioError>>;

/// Where [`DEFAULT_SCENARIO`] comes from: a new document's file, as far as its name goes.
const DEFAULT_SCENARIO_FILE: &str = "scenarios/imdi-2020.ron";

pub fn default_scenario() -> DocResult<Scenario> {
    Ok(parse_scenario(DEFAULT_SCENARIO, DEFAULT_SCENARIO_FILE)?)
}

/// The scenario's name after Save As from `old` (`None`: a new document) to `new`, when it changes. A name
/// that still is the old file's ("IMDi 2020" for `imdi-2020.ron`) follows the new file, so two plans are
/// not both called after the first; a name the analyst chose stays.
pub fn name_after_save_as(name: &str, old: Option<&Path>, new: &Path) -> Option<String> {
    let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned());
    let loose = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let old_stem = stem(old.unwrap_or(Path::new(DEFAULT_SCENARIO_FILE)))?;
    let new_stem = stem(new).filter(|s| !s.trim().is_empty())?;
    (loose(name) == loose(&old_stem) && loose(name) != loose(&new_stem)).then_some(new_stem)
}

pub struct Document {
    scenario: Scenario,
    path: Option<PathBuf>,
    /// The scenario as last saved or opened; the document is unsaved when it differs.
    saved: Scenario,
    /// Shared with the undo history, which keeps the dataset each step had (imports are undoable).
    dataset: Arc<Dataset>,
    /// Bumped on every change to the scenario or dataset, so results can be recomputed exactly then.
    revision: u64,
    /// Unsaved whatever the scenario: recovered work has never been saved to its file.
    unsaved: bool,
    /// The file's modification time and size when it was opened or saved, to notice changes by others.
    disk_stamp: Option<DiskStamp>,
    /// The dataset was changed in the planner (an imported column) and is on no disk yet; saving writes it
    /// next to the scenario.
    dataset_unsaved: bool,
}

/// The document's content at one moment: a step of the undo history.
#[derive(Clone)]
pub struct Snapshot {
    pub scenario: Scenario,
    pub dataset: Arc<Dataset>,
    pub dataset_unsaved: bool,
}

/// What identifies one version of a file on disk, cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiskStamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl DiskStamp {
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(DiskStamp { modified: meta.modified().ok(), len: meta.len() })
    }
}

impl Document {
    /// A document for `scenario`, with its dataset resolved; also returns a dataset warning, if any.
    pub fn from_scenario(scenario: Scenario, path: Option<PathBuf>) -> DocResult<(Self, Option<String>)> {
        let (dataset, warning) = resolve_dataset(&scenario, path.as_deref()).map_err(Box::new)?;
        let disk_stamp = path.as_deref().and_then(DiskStamp::of);
        let doc = Document {
            saved: scenario.clone(),
            scenario,
            path,
            dataset: Arc::new(dataset),
            revision: 0,
            unsaved: false,
            disk_stamp,
            dataset_unsaved: false,
        };
        Ok((doc, warning))
    }

    /// A new, unnamed document from the default scenario.
    pub fn new_default() -> DocResult<Self> {
        Self::from_scenario(default_scenario()?, None).map(|(doc, _)| doc)
    }

    pub fn open(path: &Path) -> DocResult<(Self, Option<String>)> {
        let scenario = crate::scenario::load_scenario(path).map_err(Box::new)?;
        Self::from_scenario(scenario, Some(path.to_path_buf()))
    }

    /// Recovered work: belongs to `path` (if any) but is unsaved. `stamp` is the file as the lost session
    /// knew it; when it is unknown, saving over an existing file asks first.
    /// `dataset` is the session's own dataset when it had imported columns not yet saved.
    pub fn recovered(
        scenario: Scenario,
        path: Option<PathBuf>,
        stamp: Option<DiskStamp>,
        dataset: Option<Dataset>,
    ) -> DocResult<(Self, Option<String>)> {
        let (mut doc, warning) = Self::from_scenario(scenario, path)?;
        doc.unsaved = true;
        doc.disk_stamp = stamp;
        if let Some(dataset) = dataset {
            doc.replace_dataset(dataset);
        }
        Ok((doc, warning))
    }

    /// The file at the document's path is no longer the one opened or last saved here.
    /// A file that has disappeared is not a conflict: saving simply writes it again.
    pub fn changed_on_disk(&self) -> bool {
        let Some(path) = self.path.as_deref() else { return false };
        match DiskStamp::of(path) {
            Some(now) => self.disk_stamp != Some(now),
            None => false,
        }
    }

    /// The file as it was when opened or last saved here.
    pub fn disk_stamp(&self) -> Option<DiskStamp> {
        self.disk_stamp
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The scenario as last saved or opened (what "Compare with the saved version" compares with).
    pub fn saved(&self) -> &Scenario {
        &self.saved
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn is_dirty(&self) -> bool {
        self.unsaved || self.scenario != self.saved || self.dataset_unsaved
    }

    /// True while the dataset holds changes (imported columns) not yet written to a file.
    pub fn dataset_unsaved(&self) -> bool {
        self.dataset_unsaved
    }

    /// Replaces the dataset with one derived from it (an imported column). The scenario is unchanged; the
    /// next save writes the dataset next to the scenario.
    pub fn replace_dataset(&mut self, dataset: Dataset) {
        self.dataset = Arc::new(dataset);
        self.dataset_unsaved = true;
        self.revision += 1;
    }

    /// Replaces scenario and dataset together (the scenario moved to other borders); the dataset is written
    /// next to the scenario on the next save.
    pub fn replace_both(&mut self, scenario: Scenario, dataset: Dataset) {
        self.scenario = scenario;
        self.dataset = Arc::new(dataset);
        self.dataset_unsaved = true;
        self.revision += 1;
    }

    /// Replaces the scenario; the dataset is resolved again only when the scenario names another one.
    /// On error nothing changes.
    pub fn set_scenario(&mut self, scenario: Scenario) -> DocResult<()> {
        if scenario == self.scenario {
            return Ok(());
        }
        if scenario.dataset != self.scenario.dataset {
            let (dataset, _) = resolve_dataset(&scenario, self.path.as_deref()).map_err(Box::new)?;
            self.dataset = Arc::new(dataset);
            self.dataset_unsaved = false;
        }
        self.scenario = scenario;
        self.revision += 1;
        Ok(())
    }

    /// What undo needs to bring the document back to this state.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            scenario: self.scenario.clone(),
            dataset: Arc::clone(&self.dataset),
            dataset_unsaved: self.dataset_unsaved,
        }
    }

    /// Returns to a state from [`Document::snapshot`] (undo, redo). The dataset comes with it, so nothing is
    /// resolved again and nothing can fail.
    pub fn restore(&mut self, snapshot: Snapshot) {
        self.scenario = snapshot.scenario;
        self.dataset = snapshot.dataset;
        self.dataset_unsaved = snapshot.dataset_unsaved;
        self.revision += 1;
    }

    /// Saves atomically (keeping `FILE.bak`), records the dataset fingerprint, and makes `path` the document's.
    pub fn save_to(&mut self, path: &Path) -> DocResult<()> {
        let mut scenario = self.scenario.clone();
        scenario.dataset_fingerprint = Some(self.dataset.fingerprint.clone());
        if self.dataset_needs_writing(path) {
            let name = dataset_file_name(path);
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            crate::data::save_dataset_file(&self.dataset, &dir.join(&name)).map_err(|source| {
                Box::new(ScenarioError::Data { file: path.display().to_string(), source: Box::new(source) })
            })?;
            scenario.dataset = DatasetRef::File(name);
        }
        save_scenario(path, &scenario).map_err(Box::new)?;
        self.dataset_unsaved = false;
        if scenario != self.scenario {
            self.revision += 1;
        }
        self.scenario = scenario.clone();
        self.saved = scenario;
        self.path = Some(path.to_path_buf());
        self.unsaved = false;
        self.disk_stamp = DiskStamp::of(path);
        Ok(())
    }

    /// Saves under a new file: as [`Document::save_to`], and a name that still is the old file's follows the
    /// new one (see [`name_after_save_as`]). A failed save changes nothing.
    pub fn save_as(&mut self, path: &Path) -> DocResult<()> {
        let Some(name) = name_after_save_as(&self.scenario.name, self.path.as_deref(), path) else {
            return self.save_to(path);
        };
        let old = std::mem::replace(&mut self.scenario.name, name);
        let saved = self.save_to(path);
        match saved {
            Ok(()) => self.revision += 1,
            Err(_) => self.scenario.name = old,
        }
        saved
    }

    /// An imported dataset is written on save; so is a dataset file the scenario names relative to another
    /// folder, which would not be found next to the new scenario.
    fn dataset_needs_writing(&self, path: &Path) -> bool {
        if self.dataset_unsaved {
            return true;
        }
        match &self.scenario.dataset {
            DatasetRef::Embedded(_) => false,
            DatasetRef::File(rel) => {
                Path::new(rel).is_relative() && self.path.as_deref().and_then(Path::parent) != path.parent()
            }
        }
    }

    /// The file name, or the scenario name for a document never saved.
    pub fn display_name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| self.scenario.name.clone(), |n| n.to_string_lossy().into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_is_the_old_files_follows_the_new_file() {
        let new = Path::new("/plans/oslo-variant.ron");
        assert_eq!(name_after_save_as("IMDi 2020", None, new).as_deref(), Some("oslo-variant"), "a new document");
        let old = Some(Path::new("/plans/imdi-2020.ron"));
        assert_eq!(name_after_save_as("IMDi 2020", old, new).as_deref(), Some("oslo-variant"));
        assert_eq!(name_after_save_as("Plan med Oslo låst", old, new), None, "a chosen name stays");
        assert_eq!(name_after_save_as("IMDi 2020", old, Path::new("/other/IMDi_2020.ron")), None, "same name");
    }

    #[test]
    fn save_as_renames_only_a_default_name_and_a_failed_save_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = Document::new_default().unwrap();
        let first = dir.path().join("fordeling-a.ron");
        doc.save_as(&first).unwrap();
        assert_eq!(doc.scenario().name, "fordeling-a");
        assert_eq!(crate::scenario::load_scenario(&first).unwrap().name, "fordeling-a", "the file has it too");
        assert!(!doc.is_dirty());
        assert!(doc.save_as(&dir.path().join("no such folder/b.ron")).is_err());
        assert_eq!(doc.scenario().name, "fordeling-a", "a failed save renames nothing");
        doc.set_scenario(Scenario { name: "Eget navn".into(), ..doc.scenario().clone() }).unwrap();
        doc.save_as(&dir.path().join("fordeling-b.ron")).unwrap();
        assert_eq!(doc.scenario().name, "Eget navn");
    }

    #[test]
    fn default_scenario_is_the_2020_example() {
        let doc = Document::new_default().unwrap();
        assert_eq!(doc.scenario().name, "IMDi 2020");
        assert_eq!(doc.dataset().id, "norway-2020");
        assert!(!doc.is_dirty());
        assert!(doc.path().is_none());
    }

    #[test]
    fn dirty_when_different_from_the_saved_copy() {
        let mut doc = Document::new_default().unwrap();
        let original = doc.scenario().clone();
        let mut changed = original.clone();
        changed.target.total += 10;
        doc.set_scenario(changed).unwrap();
        assert!(doc.is_dirty());
        assert_eq!(doc.revision(), 1);
        // Changing it back is not an unsaved change.
        doc.set_scenario(original).unwrap();
        assert!(!doc.is_dirty());

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut changed = doc.scenario().clone();
        changed.name = "Changed".into();
        doc.set_scenario(changed).unwrap();
        doc.save_to(&path).unwrap();
        assert!(!doc.is_dirty());
        assert_eq!(doc.path(), Some(path.as_path()));
        assert_eq!(doc.display_name(), "s.ron");
        let (reopened, warning) = Document::open(&path).unwrap();
        assert!(warning.is_none());
        assert_eq!(reopened.scenario(), doc.scenario());
    }

    #[test]
    fn a_dataset_change_resolves_the_new_data_or_keeps_the_old() {
        let mut doc = Document::new_default().unwrap();
        let mut s = doc.scenario().clone();
        s.dataset = crate::scenario::DatasetRef::Embedded("norway-2024".into());
        doc.set_scenario(s).unwrap();
        assert_eq!(doc.dataset().id, "norway-2024");
        let mut s = doc.scenario().clone();
        s.dataset = crate::scenario::DatasetRef::Embedded("nowhere".into());
        assert!(doc.set_scenario(s).is_err());
        assert_eq!(doc.dataset().id, "norway-2024");
    }
}
