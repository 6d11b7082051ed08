//! The right-click menu on a municipality, shared by the table, the map and the charts.

use egui::{RichText, Ui};

use super::OverrideTexts;
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::numfmt::integer;
use crate::scenario::{Override, Scenario};

/// The menu for `row`; returns the override chosen (`Some(None)` removes it).
pub fn menu(
    ui: &mut Ui,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: Option<&Allocation>,
    row: usize,
    lang: Lang,
) -> Option<Option<Override>> {
    let t = OverrideTexts::get(lang);
    let m = dataset.municipalities.get(row)?;
    let mut choice = None;
    ui.label(RichText::new(format!("{} ({})", dataset.display_name(row), m.code)).strong());
    if ui.button(t.exclude_menu).clicked() {
        choice = Some(Some(Override::Exclude));
    }
    if ui.button(t.include_menu).clicked() {
        choice = Some(Some(Override::Include));
    }
    if let Some(n) = allocation.and_then(|a| a.rows.get(row)).map(|r| r.allocation)
        && ui.button(format!("{} ({})", t.lock_menu, integer(f64::from(n), lang))).clicked()
    {
        choice = Some(Some(Override::Lock(n)));
    }
    if scenario.overrides.contains_key(&m.code) && ui.button(t.remove).clicked() {
        choice = Some(None);
    }
    if choice.is_some() {
        ui.close();
    }
    choice
}
