//! The desktop planner (eframe/egui). A thin face on the engine: views read the document and the result,
//! and return commands; one place applies them.

#[macro_use]
pub mod i18n;
pub mod map_view;
pub mod view;
