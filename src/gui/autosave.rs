//! Autosave: unsaved work is copied to the app's data folder every so often, so a crash loses at most one
//! interval. The user's own file is never touched; a sidecar remembers where the work belongs. Each running
//! window has its own slot (a locked folder), so two windows never take each other's work.

use std::ffi::OsString;
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::document::{DiskStamp, Document};
use crate::data::{self, Dataset};
use crate::fileio::{to_ron_pretty, write_atomic};
use crate::scenario::{Scenario, parse_scenario, scenario_to_text};

/// How often unsaved work is written.
pub const EVERY: Duration = Duration::from_secs(30);
const SCENARIO_FILE: &str = "autosave.ron";
const SIDECAR_FILE: &str = "autosave.json";
/// The session's dataset, written only while it has imported columns that are on no disk yet.
const DATASET_FILE: &str = "autosave.dataset.ron";
const LOCK_FILE: &str = "session.lock";

/// The app's data folder: `BOSETTING_DATA_DIR`, else the platform's place for application data.
pub fn data_dir() -> Option<PathBuf> {
    data_dir_from(|key| std::env::var_os(key))
}

/// [`data_dir`] with the environment passed in, so it can be tested without touching the process's.
pub fn data_dir_from(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let var = |key: &str| env(key).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var("BOSETTING_DATA_DIR") {
        return Some(dir);
    }
    let base = if cfg!(windows) {
        var("APPDATA")
    } else if cfg!(target_os = "macos") {
        var("HOME").map(|h| h.join("Library").join("Application Support"))
    } else {
        var("XDG_DATA_HOME").or_else(|| var("HOME").map(|h| h.join(".local").join("share")))
    };
    base.map(|b| b.join("bosetting"))
}

/// Where the autosave lives inside the data folder.
pub fn default_folder() -> Option<PathBuf> {
    data_dir().map(|d| d.join("autosave"))
}

/// What the sidecar records next to the autosaved scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// The document's own file, if it had one.
    pub original_path: Option<PathBuf>,
    /// Seconds since 1970 (UTC).
    pub saved_at: u64,
    /// The original file as the session knew it, so a later save notices changes made since.
    #[serde(default)]
    pub original_stamp: Option<DiskStamp>,
}

/// Work left behind by a session that did not end cleanly.
#[derive(Debug, Clone)]
pub struct Recovered {
    pub scenario: Scenario,
    pub original_path: Option<PathBuf>,
    pub saved_at: u64,
    pub original_stamp: Option<DiskStamp>,
    /// The session's dataset, when it had imported columns not yet saved.
    pub dataset: Option<Dataset>,
}

impl Recovered {
    /// The autosave time in local time, for the dialog.
    pub fn time_text(&self) -> String {
        let secs = i64::try_from(self.saved_at).unwrap_or(i64::MAX);
        chrono::DateTime::from_timestamp(secs, 0)
            .map(|t| t.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default()
    }
}

/// One session's folder inside the autosave folder. The session holds a lock on it for as long as it runs,
/// so a second window never takes (or deletes) the work of a first one that is still open; a lock the
/// system released (the session ended or crashed) marks its work as left over.
struct Slot {
    dir: PathBuf,
    _lock: File,
}

impl Slot {
    /// Locks the slot `dir` (creating it); `Ok(None)` when another running session holds it.
    fn claim(dir: &Path) -> std::io::Result<Option<Slot>> {
        std::fs::create_dir_all(dir)?;
        let lock = File::options().create(true).truncate(false).write(true).open(dir.join(LOCK_FILE))?;
        match lock.try_lock() {
            Ok(()) => Ok(Some(Slot { dir: dir.to_path_buf(), _lock: lock })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }

    /// Deletes the slot's files and folder.
    fn delete(self) {
        // Already gone is fine; anything else would at worst offer a stale recovery next time.
        for name in [SCENARIO_FILE, SIDECAR_FILE, DATASET_FILE, LOCK_FILE] {
            let _ = std::fs::remove_file(self.dir.join(name));
        }
        let _ = std::fs::remove_dir(&self.dir);
    }
}

pub struct Autosave {
    /// `None` turns autosave off (no data folder could be found).
    folder: Option<PathBuf>,
    pub every: Duration,
    last_check: Option<Instant>,
    /// The document revision last written; `None` when this session has no autosave on disk.
    written: Option<u64>,
    /// This session's slot, made on the first write.
    own: Option<Slot>,
    /// A left-over slot offered for recovery, held until the user decides.
    found: Option<Slot>,
}

impl Autosave {
    /// Autosave into `folder` (created on first write).
    pub fn in_folder(folder: Option<PathBuf>) -> Self {
        Autosave { folder, every: EVERY, last_check: None, written: None, own: None, found: None }
    }

    /// No autosave at all (tests and tools that must not write outside their own files).
    pub fn off() -> Self {
        Self::in_folder(None)
    }

    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// This session's autosaved scenario file, once written.
    pub fn scenario_file(&self) -> Option<PathBuf> {
        self.own.as_ref().map(|s| s.dir.join(SCENARIO_FILE)).filter(|p| p.exists())
    }

    /// The newest work left over by a session that is no longer running, if any; it is held for this
    /// session until [`Autosave::discard_found`] or [`Autosave::release_found`]. Files that cannot be read
    /// are left in place.
    pub fn find(&mut self) -> Option<Recovered> {
        let folder = self.folder.as_deref()?;
        let mut dirs: Vec<(u64, PathBuf)> = std::fs::read_dir(folder)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join(SCENARIO_FILE).is_file())
            .map(|p| (modified_secs(&p.join(SCENARIO_FILE)), p))
            .collect();
        dirs.sort_by(|a, b| b.cmp(a));
        for (_, dir) in dirs {
            if self.own.as_ref().is_some_and(|own| own.dir == dir) {
                continue;
            }
            let Ok(Some(slot)) = Slot::claim(&dir) else { continue };
            if let Some(found) = read_slot(&dir) {
                self.found = Some(slot);
                return Some(found);
            }
        }
        None
    }

    /// The left-over work was recovered (and written to this session's slot) or declined: delete it.
    pub fn discard_found(&mut self) {
        if let Some(slot) = self.found.take() {
            slot.delete();
        }
    }

    /// Leaves the left-over work on disk for another try.
    pub fn release_found(&mut self) {
        self.found = None;
    }

    /// Called every frame: once per interval, writes the document when it has unsaved changes not yet
    /// autosaved, and removes the autosave once there are none. Returns a write error, if any.
    pub fn tick(&mut self, now: Instant, doc: &Document) -> std::io::Result<()> {
        let last = *self.last_check.get_or_insert(now);
        if now.saturating_duration_since(last) < self.every {
            return Ok(());
        }
        self.last_check = Some(now);
        if !doc.is_dirty() {
            if self.written.is_some() {
                self.remove();
            }
            return Ok(());
        }
        if self.written == Some(doc.revision()) {
            return Ok(());
        }
        self.write(doc)
    }

    /// Writes the document now, atomically: the dataset (when it has unsaved imports), the scenario, then
    /// the sidecar that points at them.
    pub fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        let Some(folder) = self.folder.as_deref() else { return Ok(()) };
        if self.own.is_none() {
            let name = format!("session-{}-{}", std::process::id(), now_nanos());
            self.own = Slot::claim(&folder.join(name))?;
        }
        let Some(own) = self.own.as_ref() else {
            return Err(std::io::Error::other("the autosave folder is in use by another session"));
        };
        let dataset_file = own.dir.join(DATASET_FILE);
        if doc.dataset_unsaved() {
            let text = to_ron_pretty(&data::to_file(doc.dataset()), 2).map_err(std::io::Error::other)?;
            write_atomic(&dataset_file, text.as_bytes())?;
        } else if dataset_file.exists() {
            std::fs::remove_file(&dataset_file)?;
        }
        write_atomic(&own.dir.join(SCENARIO_FILE), scenario_to_text(doc.scenario()).as_bytes())?;
        let sidecar = Sidecar {
            original_path: doc.path().map(Path::to_path_buf),
            saved_at: now_secs(),
            original_stamp: doc.disk_stamp(),
        };
        let json = serde_json::to_string_pretty(&sidecar).map_err(std::io::Error::other)?;
        write_atomic(&own.dir.join(SIDECAR_FILE), json.as_bytes())?;
        self.written = Some(doc.revision());
        Ok(())
    }

    /// Deletes this session's autosave (the work was saved or deliberately discarded).
    pub fn remove(&mut self) {
        self.written = None;
        if let Some(slot) = self.own.take() {
            slot.delete();
        }
    }
}

/// The work in a left-over slot, or `None` when its scenario cannot be read.
fn read_slot(dir: &Path) -> Option<Recovered> {
    let path = dir.join(SCENARIO_FILE);
    // Regular files only, within the size limit: a pipe planted in the folder must not hang the start.
    let text = String::from_utf8(crate::fileio::read_limited(&path).ok()?).ok()?;
    let scenario = parse_scenario(&text, &path.display().to_string()).ok()?;
    let dataset_file = dir.join(DATASET_FILE);
    let dataset = match dataset_file.exists() {
        true => Some(data::load_dataset_file(&dataset_file).ok()?),
        false => None,
    };
    let sidecar: Option<Sidecar> =
        crate::fileio::read_limited(&dir.join(SIDECAR_FILE)).ok().and_then(|b| serde_json::from_slice(&b).ok());
    let (original_path, saved_at, original_stamp) = match sidecar {
        Some(s) => (s.original_path, s.saved_at, s.original_stamp),
        None => (None, modified_secs(&path), None),
    };
    Some(Recovered { scenario, original_path, saved_at, original_stamp, dataset })
}

fn now_nanos() -> u128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

fn modified_secs(path: &Path) -> u64 {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load_scenario;

    fn dirty_doc() -> Document {
        let mut doc = Document::new_default().unwrap();
        let mut s = doc.scenario().clone();
        s.target.total = 4321;
        doc.set_scenario(s).unwrap();
        doc
    }

    #[test]
    fn data_dir_follows_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| OsString::from(v))
        };
        assert_eq!(data_dir_from(env(&[("BOSETTING_DATA_DIR", "/tmp/x"), ("HOME", "/h")])), Some("/tmp/x".into()));
        if cfg!(target_os = "linux") {
            assert_eq!(data_dir_from(env(&[("XDG_DATA_HOME", "/d"), ("HOME", "/h")])), Some("/d/bosetting".into()));
            assert_eq!(data_dir_from(env(&[("HOME", "/h")])), Some("/h/.local/share/bosetting".into()));
            assert_eq!(data_dir_from(env(&[])), None);
        }
    }

    #[test]
    fn writes_after_the_interval_when_dirty_and_not_when_clean() {
        let dir = tempfile::tempdir().unwrap();
        let mut autosave = Autosave::in_folder(Some(dir.path().to_path_buf()));
        let t0 = Instant::now();

        let clean = Document::new_default().unwrap();
        autosave.tick(t0, &clean).unwrap();
        autosave.tick(t0 + EVERY, &clean).unwrap();
        assert!(autosave.scenario_file().is_none(), "nothing unsaved, nothing written");

        let doc = dirty_doc();
        autosave.tick(t0 + EVERY + Duration::from_secs(1), &doc).unwrap();
        assert!(autosave.scenario_file().is_none(), "not before the interval is over");
        autosave.tick(t0 + EVERY * 2, &doc).unwrap();
        let file = autosave.scenario_file().unwrap();
        assert_eq!(load_scenario(&file).unwrap(), *doc.scenario(), "the autosave parses back to the same scenario");

        // Back to clean (e.g. undone): the autosave goes, slot and all.
        autosave.tick(t0 + EVERY * 3, &clean).unwrap();
        assert!(!file.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_running_session_keeps_its_work_from_a_second_window() {
        let dir = tempfile::tempdir().unwrap();
        let folder = Some(dir.path().to_path_buf());
        let doc = dirty_doc();
        let mut first = Autosave::in_folder(folder.clone());
        first.write(&doc).unwrap();

        // A second window while the first runs: nothing to recover, and its own autosave goes elsewhere.
        let mut second = Autosave::in_folder(folder.clone());
        assert!(second.find().is_none());
        let mut other = Document::new_default().unwrap();
        let mut s = other.scenario().clone();
        s.target.total = 1111;
        other.set_scenario(s).unwrap();
        second.write(&other).unwrap();
        assert_ne!(first.scenario_file(), second.scenario_file());
        assert_eq!(load_scenario(&first.scenario_file().unwrap()).unwrap().target.total, 4321);

        // The first window crashes (its lock goes with it): the next start finds its work, not the second's.
        drop(first);
        let mut third = Autosave::in_folder(folder);
        let found = third.find().unwrap();
        assert_eq!(found.scenario, *doc.scenario());
        assert_eq!(found.original_path, None);
        assert!(found.saved_at > 0);
        third.discard_found();
        assert!(third.find().is_none(), "the second window still runs");
        assert!(second.scenario_file().is_some());
    }

    #[test]
    fn imported_columns_not_yet_saved_are_autosaved_with_the_work() {
        let dir = tempfile::tempdir().unwrap();
        let mut doc = dirty_doc();
        let base = doc.dataset().clone();
        let meta = base.columns[0].meta.clone();
        let mut meta = crate::data::ColumnMeta { id: "imported_x".into(), ..meta };
        meta.label.nb = "Importert".into();
        let values: Vec<(String, Option<f64>)> =
            base.municipalities.iter().map(|m| (m.code.clone(), Some(1.0))).collect();
        doc.replace_dataset(crate::data::add_column(&base, meta, &values).unwrap());
        let mut autosave = Autosave::in_folder(Some(dir.path().to_path_buf()));
        autosave.write(&doc).unwrap();
        drop(autosave);

        let found = Autosave::in_folder(Some(dir.path().to_path_buf())).find().unwrap();
        let dataset = found.dataset.unwrap();
        assert!(dataset.column("imported_x").is_some());
        assert_eq!(dataset.fingerprint, doc.dataset().fingerprint);
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").unwrap();
        let mut autosave = Autosave::in_folder(Some(blocker.join("autosave")));
        assert!(autosave.write(&dirty_doc()).is_err());
    }
}
