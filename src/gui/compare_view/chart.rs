//! The largest gains and losses as horizontal bars: gains on top (largest first), losses below (largest at
//! the bottom), names on the y axis, the selected municipality highlighted; a click selects.

use egui::{Align2, RichText, TextStyle};
use egui_plot::{Bar, BarChart, Plot, PlotPoint, Text, VLine};

use super::texts::CompareTexts;
use super::{change_colour, number, signed};
use crate::analysis::{Comparison, DiffRow};
use crate::data::Dataset;
use crate::gui::charts::hover;
use crate::gui::charts::named_axis::{
    Fixed, VALUE_SPACING, index_below_zero, integer_marks, name_spacing, nice_marks, rows_axis, value_axis_x,
};
use crate::gui::charts::palette::{Palette, bar_style};
use crate::lang::Lang;

/// Bars per side, at most.
pub const PER_SIDE: usize = 15;
/// Bars per side in a small window (names may then thin out).
const MIN_PER_SIDE: usize = 5;

/// The rows to draw: up to `per_side` largest gains, largest first, then up to `per_side` largest losses,
/// smallest first (so the largest loss is at the bottom). Equal changes keep dataset order.
pub fn bars(c: &Comparison, per_side: usize) -> Vec<&DiffRow> {
    let mut gains: Vec<&DiffRow> = c.rows.iter().filter(|d| d.change > 0.0).collect();
    gains.sort_by(|a, b| b.change.total_cmp(&a.change));
    gains.truncate(per_side);
    let mut losses: Vec<&DiffRow> = c.rows.iter().filter(|d| d.change < 0.0).collect();
    losses.sort_by(|a, b| a.change.total_cmp(&b.change));
    losses.truncate(per_side);
    losses.reverse();
    gains.into_iter().chain(losses).collect()
}

/// Draws the chart; returns the row the user clicked.
pub fn show(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    c: &Comparison,
    selected: Option<usize>,
    lang: Lang,
) -> Option<usize> {
    let t = CompareTexts::get(lang);
    ui.strong(t.chart_title);
    // As many bars as leave room for every name (the axis and its title take about 50 points).
    let room = ((ui.available_height() - 50.0) / name_spacing(false) / 2.0).floor();
    let shown = bars(c, if room.is_finite() { (room as usize).clamp(MIN_PER_SIDE, PER_SIDE) } else { PER_SIDE });
    if shown.is_empty() {
        ui.label(t.no_change);
        return None;
    }
    let dark = ui.visuals().dark_mode;
    let palette = Palette::for_visuals(ui.visuals());
    let names: Vec<&str> =
        shown.iter().map(|d| dataset.municipalities.get(d.row).map_or("?", |m| m.name.as_str())).collect();
    let count = shown.len();
    let highest = shown.iter().map(|d| d.change).fold(0.0, f64::max);
    let lowest = shown.iter().map(|d| d.change).fold(0.0, f64::min);
    // Room beyond the bar ends for the value labels.
    let pad = (highest - lowest).max(1.0) * 0.14;
    let (x_min, x_max) =
        (if lowest < 0.0 { lowest - pad } else { 0.0 }, if highest > 0.0 { highest + pad } else { 0.0 });
    let chart_bars: Vec<Bar> = shown
        .iter()
        .enumerate()
        .map(|(rank, d)| {
            let colour = if selected == Some(d.row) {
                palette.selected
            } else {
                change_colour(dark, d.change).unwrap_or(palette.muted)
            };
            bar_style(Bar::new(-(rank as f64), d.change).width(0.7).name(names[rank]), colour)
        })
        .collect();
    let chart = BarChart::new(t.change, chart_bars).horizontal().element_formatter(Box::new(|_, _| String::new()));
    let response = Plot::new("compare.chart")
        .default_y_bounds(-(count as f64) + 0.4, 0.6)
        .default_x_bounds(x_min, x_max)
        .fixed()
        .show_crosshair(false)
        .show_grid([true, false])
        .y_grid_spacer(integer_marks(name_spacing(false)))
        .custom_y_axes(vec![rows_axis("", false, &names)])
        .x_grid_spacer(nice_marks(VALUE_SPACING))
        .custom_x_axes(vec![value_axis_x(t.chart_x, lang)])
        .show(ui, |plot_ui| {
            // The bars change with every edit: keep them all in view.
            plot_ui.set_plot_bounds_x(x_min..=x_max);
            plot_ui.set_plot_bounds_y(-(count as f64) + 0.4..=0.6);
            plot_ui.vline(VLine::new("", 0.0).color(palette.muted).allow_hover(false));
            plot_ui.bar_chart(chart);
            for (rank, d) in shown.iter().enumerate() {
                let text = RichText::new(signed(d.change, lang)).text_style(TextStyle::Small);
                let (x, anchor) = if d.change > 0.0 {
                    (d.change + pad * 0.08, Align2::LEFT_CENTER)
                } else {
                    (d.change - pad * 0.08, Align2::RIGHT_CENTER)
                };
                let at = PlotPoint::new(x, -(rank as f64));
                plot_ui.text(Text::new("", at, text).anchor(anchor).allow_hover(false));
            }
        });
    if let Some(rank) = hover::hovered(&response).and_then(|p| index_below_zero(p.y, count)) {
        let d = shown[rank];
        hover::tooltip(&response.response, |ui| {
            ui.label(RichText::new(names[rank]).strong());
            egui::Grid::new("compare.chart.tip").num_columns(2).show(ui, |ui| {
                for (label, value) in [
                    (t.before, number(d.before, lang)),
                    (t.after, number(d.after, lang)),
                    (t.change, signed(d.change, lang)),
                ] {
                    ui.label(label);
                    ui.label(value);
                    ui.end_row();
                }
            });
            ui.weak(t.click_to_select);
        });
    }
    hover::clicked(&response).and_then(|p| index_below_zero(p.y, count)).map(|rank| shown[rank].row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Baseline, compare};
    use crate::gui::document::Document;

    #[test]
    fn gains_on_top_losses_below() {
        let doc = Document::new_default().unwrap();
        let a = crate::engine::allocate(doc.dataset(), doc.scenario()).unwrap();
        let c = compare(doc.dataset(), &a, Baseline::Column("anmodning_2019")).unwrap();
        let b = bars(&c, PER_SIDE);
        assert_eq!(b.len(), c.gains.min(PER_SIDE) + c.losses.min(PER_SIDE));
        let split = b.iter().position(|d| d.change < 0.0).unwrap();
        assert!(b[..split].windows(2).all(|w| w[0].change >= w[1].change));
        assert!(b[split..].windows(2).all(|w| w[0].change >= w[1].change));
        let largest_loss = c.rows.iter().map(|d| d.change).fold(0.0, f64::min);
        assert_eq!(b.last().unwrap().change, largest_loss);
        let largest_gain = c.rows.iter().map(|d| d.change).fold(0.0, f64::max);
        assert_eq!(b[0].change, largest_gain);
    }
}
