//! Pointer helpers shared by the charts: where the pointer is in plot units, and a tooltip at the pointer.

use eframe::egui;

use egui_plot::{PlotPoint, PlotResponse};

/// The hovered position in plot units, when the pointer is inside the plot area.
pub fn hovered<R>(plot: &PlotResponse<R>) -> Option<PlotPoint> {
    let pos = plot.response.hover_pos()?;
    plot.transform.frame().contains(pos).then(|| plot.transform.value_from_position(pos))
}

/// Where a click (not a drag) landed, in plot units.
pub fn clicked<R>(plot: &PlotResponse<R>) -> Option<PlotPoint> {
    if !plot.response.clicked() {
        return None;
    }
    let pos = plot.response.interact_pointer_pos()?;
    plot.transform.frame().contains(pos).then(|| plot.transform.value_from_position(pos))
}

/// A tooltip that follows the pointer at once (plot hover should not wait for the pointer to rest).
pub fn tooltip(response: &egui::Response, add_contents: impl FnOnce(&mut egui::Ui)) {
    egui::Tooltip::always_open(response.ctx.clone(), response.layer_id, response.id, egui::PopupAnchor::Pointer)
        .gap(12.0)
        .show(add_contents);
}
