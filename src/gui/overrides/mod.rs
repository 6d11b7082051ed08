//! Overrides: the list of every excluded, always-included and locked municipality with its value and the
//! reason for it, and the right-click menu that adds to it from the table, the map and the charts.

mod add;
pub(in crate::gui) mod find;
mod menu;
mod panel;
pub(in crate::gui) mod texts;

pub use menu::menu;
pub use panel::{notes, panel};
pub use texts::OverrideTexts;

#[cfg(test)]
mod tests;
