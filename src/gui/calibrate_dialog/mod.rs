//! "Fit weights to reference…": a dialog that calibrates the criteria weights (and, if asked, the size
//! exponent) to a reference allocation on a background thread, shows how well they fit, and applies them as
//! one undo step.

mod apply;
mod scatter;
mod state;
mod texts;
mod view;
mod worker;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

pub use state::{CalibrateDialog, RefChoice, reference_columns};
pub use view::show;
pub use worker::{FitPoint, Fitted};

/// What the calibration dialog asks for. Its options are edited in place; these change the document, start
/// or stop work, or need the file dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum CalibrateCmd {
    Open,
    /// Shows the file dialog (or the path field) for a CSV reference.
    PickCsv,
    /// A CSV file of `kommunenummer,value` rows as the reference.
    SetCsv(PathBuf),
    /// Starts the calibration with the dialog's choices.
    Run,
    /// Stops a running calibration.
    Cancel,
    /// Applies the fitted weights (and exponent) as one undo step, and closes.
    Accept,
    /// Closes without changing anything.
    Close,
}

/// The entry in the Edit menu.
pub fn menu_item(ui: &mut egui::Ui, lang: crate::lang::Lang, cmds: &mut Vec<super::command::Command>) {
    if ui.button(texts::CalibrateTexts::get(lang).menu).clicked() {
        cmds.push(super::command::Command::Calibrate(CalibrateCmd::Open));
    }
}

/// The button below the criteria weights.
pub fn open_button(ui: &mut egui::Ui, lang: crate::lang::Lang, cmds: &mut Vec<super::command::Command>) {
    let t = texts::CalibrateTexts::get(lang);
    if ui.button(t.button).on_hover_text(t.button_tip).clicked() {
        cmds.push(super::command::Command::Calibrate(CalibrateCmd::Open));
    }
}
