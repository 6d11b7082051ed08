//! Chart 1: the largest requests as horizontal bars, names on the y axis, the selected municipality highlighted.

use eframe::egui;

use std::cmp::Reverse;

use egui::{Align2, RichText, Stroke, TextStyle};
use egui_plot::{Bar, BarChart, Plot, PlotPoint, PlotPoints, Polygon, Text};

use super::named_axis::{
    VALUE_SPACING, clamp_span, index_below_zero, integer_marks, name_spacing, nice_marks, rows_axis, value_axis_x,
};
use super::palette::bar_style;
use super::{ChartInput, hover};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::numfmt;

/// One bar: a municipality (dataset row) and the numbers shown when hovering it.
#[derive(Debug, Clone, PartialEq)]
pub struct TopBar {
    pub row: usize,
    pub request: u32,
    pub minors: u32,
    pub per_1000: f64,
}

/// Asked municipalities, largest request first; equal requests in code order (as the engine breaks ties).
/// A selected municipality that is not asked comes last, so the chart can still show where it stands.
pub fn top_bars(dataset: &Dataset, allocation: &Allocation, selected: Option<usize>) -> Vec<TopBar> {
    let bar = |(row, r): (usize, &crate::engine::MunicipalityResult)| TopBar {
        row,
        request: r.allocation,
        minors: r.minors,
        per_1000: r.per_1000,
    };
    let code = |row: usize| dataset.municipalities.get(row).map_or("", |m| m.code.as_str());
    // Sort keys made once, not looked up in every comparison.
    let mut keyed: Vec<(Reverse<u32>, &str, TopBar)> = allocation
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.asked())
        .map(|(row, r)| (Reverse(r.allocation), code(row), bar((row, r))))
        .collect();
    keyed.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut bars: Vec<TopBar> = keyed.into_iter().map(|(_, _, b)| b).collect();
    if let Some(sel) = selected
        && !bars.iter().any(|b| b.row == sel)
        && let Some(r) = allocation.rows.get(sel)
    {
        bars.push(bar((sel, r)));
    }
    bars
}

/// Draws the chart; returns the row the user clicked.
pub fn show(ui: &mut egui::Ui, input: &ChartInput<'_>, followed: &mut Option<usize>) -> Option<usize> {
    let t = input.t;
    let lang = input.lang;
    let bars = top_bars(input.dataset, input.allocation, input.selected);
    if bars.is_empty() {
        ui.label(t.none_asked);
        return None;
    }
    let names: Vec<String> = bars.iter().map(|b| input.dataset.display_name(b.row)).collect();
    let count = bars.len();
    let selected_rank = input.selected.and_then(|s| bars.iter().position(|b| b.row == s));
    let largest = bars.iter().map(|b| b.request).max().unwrap_or(0).max(1);
    // Room right of the longest bar for its value label (about 50 points of a plot narrower than the panel).
    let plot_width = f64::from((ui.available_width() - 120.0).max(100.0));
    let x_max = f64::from(largest) * (1.0 + 50.0 / plot_width);
    let shown: f64 = if input.compact { 8.0 } else { 15.0 };
    let (y_min, y_max) = (-(count as f64) + 0.4, 0.6);

    let chart_bars: Vec<Bar> = bars
        .iter()
        .enumerate()
        .map(|(rank, b)| {
            let colour = if Some(rank) == selected_rank { input.palette.selected } else { input.palette.scenario };
            bar_style(Bar::new(-(rank as f64), f64::from(b.request)).width(0.7).name(&names[rank]), colour)
        })
        .collect();
    // The default hover text uses English number style and floats beside the bar; the tooltip below replaces it.
    let chart = BarChart::new(t.request, chart_bars).horizontal().element_formatter(Box::new(|_, _| String::new()));

    let id = if input.compact { "charts.top.small" } else { "charts.top" };
    let response = Plot::new(id)
        .id(egui::Id::unique(id))
        .default_y_bounds((-shown + 0.4).max(y_min), y_max)
        .allow_zoom([false, true])
        .allow_drag([false, true])
        .allow_scroll([false, true])
        .allow_boxed_zoom(false)
        .show_crosshair(false)
        .show_grid([true, false])
        .y_grid_spacer(integer_marks(name_spacing(input.compact)))
        .custom_y_axes(vec![rows_axis(t.top_y, input.compact, &names)])
        .x_grid_spacer(nice_marks(VALUE_SPACING))
        .custom_x_axes(vec![value_axis_x(t.top_x, lang)])
        .show(ui, |plot_ui| {
            plot_ui.set_plot_bounds_x(0.0..=x_max);
            let bounds = plot_ui.plot_bounds();
            let (mut lo, mut hi) = (bounds.min()[1], bounds.max()[1]);
            // Bring a newly selected municipality into view.
            if *followed != input.selected {
                if let Some(rank) = selected_rank {
                    let y = -(rank as f64);
                    if y - 0.5 < lo || y + 0.5 > hi {
                        let half = (hi - lo) / 2.0;
                        (lo, hi) = (y - half, y + half);
                    }
                }
                *followed = input.selected;
            }
            let (clo, chi) = clamp_span(lo, hi, y_min, y_max);
            if (clo, chi) != (bounds.min()[1], bounds.max()[1]) && chi > clo {
                plot_ui.set_plot_bounds_y(clo..=chi);
            }
            // A band behind the selected row, so it shows even when its bar has no length.
            if let Some(rank) = selected_rank {
                let y = -(rank as f64);
                let band = vec![[0.0, y - 0.5], [x_max, y - 0.5], [x_max, y + 0.5], [0.0, y + 0.5]];
                plot_ui.polygon(
                    Polygon::new("", PlotPoints::from(band))
                        .fill_color(input.palette.selected.gamma_multiply(0.12))
                        .stroke(Stroke::NONE)
                        .allow_hover(false),
                );
            }
            plot_ui.bar_chart(chart);
            // Value labels only for the bars in view: the rest would be clipped anyway.
            for (rank, b) in bars.iter().enumerate() {
                let y = -(rank as f64);
                if y < clo - 1.0 || y > chi + 1.0 {
                    continue;
                }
                let mut text = numfmt::integer(f64::from(b.request), lang);
                if b.request == 0 {
                    text = format!("{text} ({})", t.not_asked.to_lowercase());
                }
                let text = RichText::new(text).text_style(TextStyle::Body);
                let at = PlotPoint::new(f64::from(b.request) + x_max * 0.01, y);
                plot_ui.text(Text::new("", at, text).anchor(Align2::LEFT_CENTER).allow_hover(false));
            }
        });

    if let Some(rank) = hover::hovered(&response).and_then(|p| index_below_zero(p.y, count)) {
        let b = &bars[rank];
        hover::tooltip(&response.response, |ui| {
            ui.label(RichText::new(&names[rank]).strong());
            let number = |v: u32| numfmt::integer(f64::from(v), lang);
            egui::Grid::new("charts.top.tip").num_columns(2).show(ui, |ui| {
                ui.label(t.request);
                ui.label(number(b.request));
                ui.end_row();
                ui.label(t.minors);
                ui.label(number(b.minors));
                ui.end_row();
                ui.label(t.per_1000);
                ui.label(numfmt::decimal(b.per_1000, 1, lang));
                ui.end_row();
            });
            if let Some(reason) = input.allocation.rows.get(b.row).and_then(|r| r.reason()) {
                ui.label(format!("{}: {}", t.not_asked, reason.message(lang)));
            }
            ui.weak(t.click_to_select);
        });
    }
    hover::override_menu(&response, input);
    hover::clicked(&response).and_then(|p| index_below_zero(p.y, count)).map(|rank| bars[rank].row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::charts::test_support::imdi_2020;

    #[test]
    fn largest_first_ties_by_code() {
        let (dataset, allocation) = imdi_2020();
        let bars = top_bars(&dataset, &allocation, None);
        assert_eq!(bars.len(), allocation.asked);
        for pair in bars.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                a.request > b.request
                    || (a.request == b.request
                        && dataset.municipalities[a.row].code < dataset.municipalities[b.row].code)
            );
        }
        assert_eq!(bars[0].request, allocation.rows.iter().map(|r| r.allocation).max().unwrap());
        // The data has equal requests, so the tie rule is exercised.
        assert!(bars.windows(2).any(|p| p[0].request == p[1].request));
    }

    #[test]
    fn a_selected_municipality_outside_the_list_is_appended() {
        let (dataset, allocation) = imdi_2020();
        let not_asked = allocation.rows.iter().position(|r| !r.asked()).unwrap();
        let bars = top_bars(&dataset, &allocation, Some(not_asked));
        assert_eq!(bars.len(), allocation.asked + 1);
        assert_eq!(bars.last().unwrap().row, not_asked);
        assert_eq!(bars.last().unwrap().request, 0);
        // An asked one is not duplicated.
        let asked = allocation.rows.iter().position(|r| r.asked()).unwrap();
        assert_eq!(top_bars(&dataset, &allocation, Some(asked)).len(), allocation.asked);
    }
}
