//! The planner driven headless for tests: the whole app in a 1400 × 900 kittest harness with the app's fonts.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::app::App;

/// `app` in a harness, after its first frames.
pub fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, egui::vec2(1400.0, 900.0))
}

/// `app` in a harness of `size`: a tall one keeps a long side panel in view (a widget scrolled out of view
/// takes no clicks).
pub fn harness_sized(app: App, size: egui::Vec2) -> Harness<'static, App> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(32)
        .with_context_setup(super::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run();
    h
}

/// Some widget's label or value (labels keep their text in the value) contains `needle`.
pub fn shows(h: &Harness<'_, App>, needle: &str) -> bool {
    h.query_all_by(|n| n.value().is_some_and(|v| v.contains(needle)) || n.label().is_some_and(|l| l.contains(needle)))
        .next()
        .is_some()
}
