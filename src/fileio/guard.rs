//! The one rule for every file a command writes, checked for all of a command's files before the first is
//! written: never over one of the command's own inputs (nor over the backup of one), never over an existing
//! file without `--force`, and every file replaced keeps its old version as `FILE.bak`
//! ([`write_replacing`]).

use std::path::{Path, PathBuf};

use super::atomic::{backup_path, same_file, write_atomic_with_backup};

/// Why a command will not write a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteRefusal {
    #[error("{out}: this is {what}{}; write to another file", also_as(out, input))]
    IsAnInput { out: String, what: String, input: String },
    #[error("{out}: its backup {backup} would replace {what} ({input}); write to another file")]
    BackupIsAnInput { out: String, backup: String, what: String, input: String },
    #[error("{out} exists; add --force to replace it (the old file is then kept as {backup})")]
    Exists { out: String, backup: String },
    #[error("{out}: the command writes two files to this one path; write to another file")]
    Twice { out: String },
}

/// The input's path in brackets when it is written differently from the output's (`./a.ron`, a link).
fn also_as(out: &str, input: &str) -> String {
    if out == input { String::new() } else { format!(" ({input})") }
}

/// A command's inputs, and whether it may replace existing files.
#[derive(Debug, Clone, Default)]
pub struct WriteRules {
    inputs: Vec<(PathBuf, String)>,
    force: bool,
}

impl WriteRules {
    /// `force`: the command's `--force`, which allows replacing an existing file (never an input).
    pub fn new(force: bool) -> Self {
        WriteRules { inputs: Vec::new(), force }
    }

    /// Adds a file the command reads; `what` says what it is in a message ("the scenario").
    pub fn input(mut self, path: &Path, what: &str) -> Self {
        self.inputs.push((path.to_owned(), what.to_owned()));
        self
    }

    /// Checks every file the command is about to write, before any is written.
    pub fn check(&self, outputs: &[&Path]) -> Result<(), WriteRefusal> {
        for (i, out) in outputs.iter().enumerate() {
            let name = || out.display().to_string();
            if outputs[..i].iter().any(|o| o == out || same_file(o, out)) {
                return Err(WriteRefusal::Twice { out: name() });
            }
            let backup = backup_path(out);
            for (input, what) in &self.inputs {
                if same_file(input, out) || input == out {
                    return Err(WriteRefusal::IsAnInput {
                        out: name(),
                        what: what.clone(),
                        input: input.display().to_string(),
                    });
                }
                if same_file(input, &backup) && replaces_a_file(out) {
                    return Err(WriteRefusal::BackupIsAnInput {
                        out: name(),
                        backup: backup.display().to_string(),
                        what: what.clone(),
                        input: input.display().to_string(),
                    });
                }
            }
            if !self.force && replaces_a_file(out) {
                return Err(WriteRefusal::Exists { out: name(), backup: backup.display().to_string() });
            }
        }
        Ok(())
    }
}

/// Whether writing `path` replaces a regular file; a device or a pipe (`/dev/stdout`) is written through.
fn replaces_a_file(path: &Path) -> bool {
    let system = path.starts_with("/dev") || path.starts_with("/proc");
    !system && std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// Writes a command's file: atomically, and a file replaced keeps its old version as `FILE.bak`.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with_backup(path, bytes)
}

/// Writes a command's files that belong together: all or none is replaced, each keeping its `.bak`. On
/// failure, the path of the file that could not be written and the cause.
pub fn write_all_replacing<'a>(files: &[(&'a Path, &'a [u8])]) -> Result<(), (&'a Path, std::io::Error)> {
    super::atomic::write_all_with_backup(files).map_err(|(i, e)| (files[i].0, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_is_refused_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("a.dataset.ron");
        std::fs::write(&data, "x").unwrap();
        let rules = WriteRules::new(true).input(&data, "the scenario's dataset");
        let e = rules.check(&[&dir.path().join("./a.dataset.ron")]).unwrap_err().to_string();
        assert_eq!(
            e,
            format!(
                "{}: this is the scenario's dataset ({}); write to another file",
                dir.path().join("./a.dataset.ron").display(),
                data.display()
            )
        );
    }

    #[test]
    fn an_existing_file_needs_force_and_a_new_one_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new.ron");
        assert_eq!(WriteRules::new(false).check(&[&out]), Ok(()));
        std::fs::write(&out, "old").unwrap();
        let e = WriteRules::new(false).check(&[&out]).unwrap_err().to_string();
        assert_eq!(
            e,
            format!("{} exists; add --force to replace it (the old file is then kept as {}.bak)", out.display(), {
                out.display()
            })
        );
        assert_eq!(WriteRules::new(true).check(&[&out]), Ok(()));
        assert_eq!(WriteRules::new(false).check(&[Path::new("/dev/null")]), Ok(()));
    }

    #[test]
    fn a_backup_over_an_input_and_one_path_twice_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("plan.ron");
        let backup = dir.path().join("plan.ron.bak");
        std::fs::write(&out, "old").unwrap();
        std::fs::write(&backup, "input").unwrap();
        let rules = WriteRules::new(true).input(&backup, "the scenario");
        assert!(matches!(rules.check(&[&out]), Err(WriteRefusal::BackupIsAnInput { .. })));
        let other = dir.path().join("other.ron");
        assert!(matches!(WriteRules::new(true).check(&[&other, &other]), Err(WriteRefusal::Twice { .. })));
    }

    #[test]
    fn a_replaced_file_keeps_its_backup() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("plan.csv");
        std::fs::write(&out, "old").unwrap();
        write_replacing(&out, b"new").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        assert_eq!(std::fs::read(backup_path(&out)).unwrap(), b"old");
    }
}
