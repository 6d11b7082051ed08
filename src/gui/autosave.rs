//! Autosave: unsaved work is copied to the app's data folder every so often, so a crash loses at most one
//! interval. The user's own file is never touched; a sidecar remembers where the work belongs.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::document::{DiskStamp, Document};
use crate::fileio::write_atomic;
use crate::scenario::{Scenario, parse_scenario, scenario_to_text};

/// How often unsaved work is written.
pub const EVERY: Duration = Duration::from_secs(30);
const SCENARIO_FILE: &str = "autosave.ron";
const SIDECAR_FILE: &str = "autosave.json";

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
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    pub scenario: Scenario,
    pub original_path: Option<PathBuf>,
    pub saved_at: u64,
    pub original_stamp: Option<DiskStamp>,
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

pub struct Autosave {
    /// `None` turns autosave off (no data folder could be found).
    folder: Option<PathBuf>,
    pub every: Duration,
    last_check: Option<Instant>,
    /// The document revision last written; `None` when this session has no autosave on disk.
    written: Option<u64>,
}

impl Autosave {
    /// Autosave into `folder` (created on first write).
    pub fn in_folder(folder: Option<PathBuf>) -> Self {
        Autosave { folder, every: EVERY, last_check: None, written: None }
    }

    /// No autosave at all (tests and tools that must not write outside their own files).
    pub fn off() -> Self {
        Self::in_folder(None)
    }

    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// Left-over work from an earlier session, if any. A file that cannot be read is left in place.
    pub fn find(&self) -> Option<Recovered> {
        let folder = self.folder.as_deref()?;
        let path = folder.join(SCENARIO_FILE);
        let text = std::fs::read_to_string(&path).ok()?;
        let scenario = parse_scenario(&text, &path.display().to_string()).ok()?;
        let sidecar: Option<Sidecar> =
            std::fs::read_to_string(folder.join(SIDECAR_FILE)).ok().and_then(|s| serde_json::from_str(&s).ok());
        let (original_path, saved_at, original_stamp) = match sidecar {
            Some(s) => (s.original_path, s.saved_at, s.original_stamp),
            None => (None, modified_secs(&path), None),
        };
        Some(Recovered { scenario, original_path, saved_at, original_stamp })
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

    /// Writes the document now (atomically: scenario first, then the sidecar that points at it).
    pub fn write(&mut self, doc: &Document) -> std::io::Result<()> {
        let Some(folder) = self.folder.as_deref() else { return Ok(()) };
        std::fs::create_dir_all(folder)?;
        write_atomic(&folder.join(SCENARIO_FILE), scenario_to_text(doc.scenario()).as_bytes())?;
        let sidecar = Sidecar {
            original_path: doc.path().map(Path::to_path_buf),
            saved_at: now_secs(),
            original_stamp: doc.disk_stamp(),
        };
        let json = serde_json::to_string_pretty(&sidecar).map_err(std::io::Error::other)?;
        write_atomic(&folder.join(SIDECAR_FILE), json.as_bytes())?;
        self.written = Some(doc.revision());
        Ok(())
    }

    /// Deletes the autosave (the work was saved or deliberately discarded).
    pub fn remove(&mut self) {
        self.written = None;
        if let Some(folder) = self.folder.as_deref() {
            // Already gone is fine; anything else would at worst offer a stale recovery next time.
            let _ = std::fs::remove_file(folder.join(SCENARIO_FILE));
            let _ = std::fs::remove_file(folder.join(SIDECAR_FILE));
        }
    }
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
        let file = dir.path().join(SCENARIO_FILE);
        let mut autosave = Autosave::in_folder(Some(dir.path().to_path_buf()));
        let t0 = Instant::now();

        let clean = Document::new_default().unwrap();
        autosave.tick(t0, &clean).unwrap();
        autosave.tick(t0 + EVERY, &clean).unwrap();
        assert!(!file.exists(), "nothing unsaved, nothing written");

        let doc = dirty_doc();
        autosave.tick(t0 + EVERY + Duration::from_secs(1), &doc).unwrap();
        assert!(!file.exists(), "not before the interval is over");
        autosave.tick(t0 + EVERY * 2, &doc).unwrap();
        assert!(file.exists());
        assert_eq!(load_scenario(&file).unwrap(), *doc.scenario(), "the autosave parses back to the same scenario");
        let found = autosave.find().unwrap();
        assert_eq!(found.scenario, *doc.scenario());
        assert_eq!(found.original_path, None);
        assert!(found.saved_at > 0);

        // Back to clean (e.g. undone): the autosave goes.
        autosave.tick(t0 + EVERY * 3, &clean).unwrap();
        assert!(!file.exists());
        assert!(autosave.find().is_none());
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
