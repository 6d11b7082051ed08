//! The tabs of the central area. The Charts and Map views live in `charts` and `map_view`; their state is
//! kept here, in the view state, so it survives switching tabs.

use super::view::{ViewAction, ViewContext};

texts!(TabTexts {
    table: "Tabell", "Table";
    charts: "Diagrammer", "Charts";
    map: "Kart", "Map";
    data: "Data", "Data";
    explain: "Forklaring", "Explain";
});

/// State of the Charts tab, kept in the view state.
#[derive(Default)]
pub struct ChartsTab(pub super::charts::ChartsState);

/// State of the Map tab, kept in the view state.
#[derive(Default)]
pub struct MapTab(pub super::map_view::MapState);

pub fn show_charts_tab(ui: &mut egui::Ui, ctx: &ViewContext, state: &mut ChartsTab) -> Vec<ViewAction> {
    super::charts::show_charts(ui, ctx, &mut state.0)
}

pub fn show_map_tab(ui: &mut egui::Ui, ctx: &ViewContext, state: &mut MapTab) -> Vec<ViewAction> {
    super::map_view::show_map(ui, ctx, &mut state.0)
}

pub fn show_data_tab(
    ui: &mut egui::Ui,
    ctx: &ViewContext,
    state: &mut super::data_tab::DataTabState,
    dataset_unsaved: bool,
    cmds: &mut Vec<super::command::Command>,
) -> Vec<ViewAction> {
    super::data_tab::overview::show(ui, ctx, state, dataset_unsaved, cmds);
    Vec::new()
}
