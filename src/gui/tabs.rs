//! The Charts and Map tabs. Their views live in `charts` and `map_view`; until they are wired in, each tab
//! shows a short placeholder. Wiring one: add `pub mod charts;` (or `pub mod map_view;`) to src/gui/mod.rs
//! and change the two lines marked WIRE below.

use super::view::{ViewAction, ViewContext};

texts!(TabTexts {
    table: "Tabell", "Table";
    charts: "Diagrammer", "Charts";
    map: "Kart", "Map";
    data: "Data", "Data";
    map_later: "Kartet kommer her.", "The map will appear here.";
});

/// State of the Charts tab, kept in the view state.
#[derive(Default)]
pub struct ChartsTab(pub super::charts::ChartsState);

/// State of the Map tab, kept in the view state.
/// WIRE MAP (1/2): `#[derive(Default)] pub struct MapTab(pub super::map_view::MapState);`
#[derive(Default)]
pub struct MapTab;

pub fn show_charts_tab(ui: &mut egui::Ui, ctx: &ViewContext, state: &mut ChartsTab) -> Vec<ViewAction> {
    super::charts::show_charts(ui, ctx, &mut state.0)
}

pub fn show_map_tab(ui: &mut egui::Ui, ctx: &ViewContext, state: &mut MapTab) -> Vec<ViewAction> {
    // WIRE MAP (2/2): `super::map_view::show_map(ui, ctx, &mut state.0)`
    let _ = state;
    ui.label(TabTexts::get(ctx.lang).map_later);
    Vec::new()
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
