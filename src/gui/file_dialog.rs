//! Native file dialogs on a background thread, so the window keeps drawing while one is open.

use std::convert::Infallible;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::command::FileAction;
use super::task::Task;

/// A dialog that answers "nothing chosen" faster than a person can click could not be shown at all
/// (rfd returns `None` at once when no portal or helper is available).
pub const TOO_FAST: Duration = Duration::from_millis(400);

struct Running {
    action: FileAction,
    task: Task<Option<PathBuf>, Infallible>,
    started: Instant,
}

#[derive(Default)]
pub struct FileDialogs {
    running: Option<Running>,
    /// Once a dialog could not be shown, the in-app path field is used directly.
    unavailable: bool,
}

#[derive(Debug, PartialEq)]
pub enum Outcome {
    Chosen(FileAction, PathBuf),
    Cancelled,
    /// No dialog could be shown: ask for the path in the window instead.
    Unavailable(FileAction),
}

impl FileDialogs {
    pub fn is_open(&self) -> bool {
        self.running.is_some()
    }

    /// Starts a dialog. Returns `false` when none can be shown (use the path field); does nothing while one
    /// is already open.
    pub fn start(&mut self, action: FileAction, ctx: &egui::Context, directory: Option<PathBuf>, name: String) -> bool {
        if self.running.is_some() {
            return true;
        }
        if self.unavailable {
            return false;
        }
        let spawned = Task::spawn("file-dialog", Some(ctx.clone()), move |_| {
            let mut dialog = match action {
                FileAction::Import => {
                    rfd::FileDialog::new().add_filter("CSV, TSV, JSON-stat", &["csv", "tsv", "txt", "json"])
                }
                FileAction::Export(crate::export::ExportFormat::Xlsx) => {
                    rfd::FileDialog::new().add_filter("XLSX", &["xlsx"]).add_filter("CSV", &["csv"])
                }
                FileAction::Export(_) => {
                    rfd::FileDialog::new().add_filter("CSV", &["csv"]).add_filter("XLSX", &["xlsx"])
                }
                FileAction::Chart => rfd::FileDialog::new().add_filter("PNG", &["png"]).add_filter("SVG", &["svg"]),
                FileAction::Briefing => rfd::FileDialog::new().add_filter("PDF", &["pdf"]),
                FileAction::CalibrationReference => {
                    rfd::FileDialog::new().add_filter("CSV, TSV", &["csv", "tsv", "txt"])
                }
                FileAction::Open | FileAction::SaveAs | FileAction::Dataset => {
                    rfd::FileDialog::new().add_filter("RON", &["ron"])
                }
                FileAction::FollowUp(file) => match file.0 {
                    crate::export::ExportFormat::Xlsx => rfd::FileDialog::new().add_filter("XLSX", &["xlsx"]),
                    _ => rfd::FileDialog::new().add_filter("CSV", &["csv"]),
                },
                FileAction::Year(file) => match file.extension() {
                    "xlsx" => rfd::FileDialog::new().add_filter("XLSX", &["xlsx"]),
                    _ => rfd::FileDialog::new().add_filter("year.ron", &["ron"]),
                },
                FileAction::Compare(file) => {
                    file.filters().iter().fold(rfd::FileDialog::new(), |d, (name, ext)| d.add_filter(*name, ext))
                }
            };
            if let Some(dir) = directory {
                dialog = dialog.set_directory(dir);
            }
            let chosen = match action {
                FileAction::Open | FileAction::Import | FileAction::Dataset | FileAction::CalibrationReference => {
                    dialog.pick_file()
                }
                FileAction::Compare(file) if file.opens() => dialog.pick_file(),
                FileAction::Year(file) if file.opens() => dialog.pick_file(),
                FileAction::SaveAs
                | FileAction::Export(_)
                | FileAction::Chart
                | FileAction::Briefing
                | FileAction::Compare(_)
                | FileAction::FollowUp(_)
                | FileAction::Year(_) => dialog.set_file_name(name).save_file(),
            };
            Ok(chosen)
        });
        match spawned {
            Ok(task) => {
                self.running = Some(Running { action, task, started: Instant::now() });
                true
            }
            Err(_) => {
                self.unavailable = true;
                false
            }
        }
    }

    /// The dialog's answer, once there is one.
    pub fn poll(&mut self) -> Option<Outcome> {
        let running = self.running.as_mut()?;
        // A dialog that broke down chose nothing.
        let answer = running.task.poll()?.ok().flatten();
        let action = running.action;
        let fast = running.started.elapsed() < TOO_FAST;
        self.running = None;
        Some(match answer {
            Some(path) => Outcome::Chosen(action, path),
            None if fast => {
                self.unavailable = true;
                Outcome::Unavailable(action)
            }
            None => Outcome::Cancelled,
        })
    }
}
