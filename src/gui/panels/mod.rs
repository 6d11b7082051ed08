//! The parts of the window around the central views. Each reads what it shows and returns commands.

pub mod controls;
pub mod criteria;
pub mod dialogs;
pub mod header;
pub mod menu;
pub mod notices;
pub mod rules;
pub mod status;
pub mod widgets;
