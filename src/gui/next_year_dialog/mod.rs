//! "Ny anmodning fra i fjor …": next year's request from this year's. Choose last year's and the year before's
//! request columns and the new total; the plan from a start is fitted on the year before → last year on a
//! background thread, its backtest is shown beside the baseline, and the plan opens as one undo step.

mod apply;
mod state;
pub(in crate::gui) mod texts;
mod view;

#[cfg(test)]
mod tests;

pub use state::{NextYearDialog, Planned};
pub use view::show;

/// What the dialog asks for; its choices are edited in place.
#[derive(Debug, Clone, PartialEq)]
pub enum NextYearCmd {
    Open,
    /// Starts the fit with the dialog's choices.
    Run,
    /// Stops a running fit.
    Cancel,
    /// Opens the plan in the document (one undo step) and closes.
    Accept,
    /// Closes without changing anything.
    Close,
}

/// The entry in the File menu.
pub fn menu_item(ui: &mut egui::Ui, lang: crate::lang::Lang, enabled: bool, cmds: &mut Vec<super::command::Command>) {
    if ui.add_enabled(enabled, egui::Button::new(texts::NextYearTexts::get(lang).menu)).clicked() {
        cmds.push(super::command::Command::NextYear(NextYearCmd::Open));
    }
}
