//! Pointer helpers shared by the charts: where the pointer is in plot units, and a tooltip at the pointer.

use eframe::egui;

use egui_plot::{PlotPoint, PlotResponse};

/// The hovered position in plot units, when the pointer is inside the plot area.
pub fn hovered<R>(plot: &PlotResponse<R>) -> Option<PlotPoint> {
    let pos = plot.response.hover_pos()?;
    plot.transform.frame().contains(pos).then(|| plot.transform.value_from_position(pos))
}

/// Where a click (not a drag) landed, in plot units. A right-click counts too: it selects what the override
/// menu then acts on.
pub fn clicked<R>(plot: &PlotResponse<R>) -> Option<PlotPoint> {
    if !plot.response.clicked() && !plot.response.secondary_clicked() {
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

/// The override menu on the selected municipality, opened by a right-click on the chart.
pub fn override_menu<R>(plot: &PlotResponse<R>, input: &super::ChartInput<'_>) {
    let Some(row) = input.selected else { return };
    plot.response.context_menu(|ui| {
        let menu =
            crate::gui::overrides::menu(ui, input.dataset, input.scenario, Some(input.allocation), row, input.lang);
        if let Some(value) = menu {
            let code = input.dataset.municipalities[row].code.clone();
            input.actions.borrow_mut().push(crate::gui::view::ViewAction::SetOverride { code, value });
        }
    });
}
