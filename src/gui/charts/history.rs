//! Chart 5: refugees settled and requested nationally per year, with this scenario's target as the latest point.

use eframe::egui;

use egui::{Align2, RichText, TextStyle};
use egui_plot::{AxisHints, Bar, BarChart, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Text};

use super::named_axis::{Fixed, index_at, integer_marks, is_integral, number_label};
use super::palette::{bar_style, key};
use super::{ChartInput, hover};
use crate::data::{HistoryKind, HistoryPoint};
use crate::numfmt;

/// Where the two bars of a year sit, left and right of the year.
const OFFSET: f64 = 0.2;
const WIDTH: f64 = 0.38;
/// Room for a year label on the x axis, in points.
const YEAR_SPACING: f32 = 40.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HistoryYear {
    pub year: i32,
    pub settled: Option<f64>,
    pub requested: Option<f64>,
}

/// One entry per year, in year order (a repeated figure for the same year and kind: the last one counts).
pub fn history_years(history: &[HistoryPoint]) -> Vec<HistoryYear> {
    let mut years: Vec<HistoryYear> = Vec::new();
    for p in history.iter().filter(|p| p.value.is_finite()) {
        let entry = match years.iter().position(|y| y.year == p.year) {
            Some(i) => &mut years[i],
            None => {
                years.push(HistoryYear { year: p.year, settled: None, requested: None });
                let last = years.len() - 1;
                &mut years[last]
            }
        };
        match p.kind {
            HistoryKind::Settled => entry.settled = Some(p.value),
            HistoryKind::Requested => entry.requested = Some(p.value),
        }
    }
    years.sort_by_key(|y| y.year);
    years
}

pub fn show(ui: &mut egui::Ui, input: &ChartInput<'_>) {
    let t = input.t;
    let lang = input.lang;
    let years = history_years(&input.dataset.full_history());
    let target_year = input.dataset.year;
    let target = f64::from(input.allocation.target);
    if years.is_empty() && !input.compact {
        ui.weak(t.no_history);
    }
    let first = years.first().map_or(target_year, |y| y.year.min(target_year));
    let last = years.last().map_or(target_year, |y| y.year.max(target_year));
    let largest = years.iter().flat_map(|y| [y.settled, y.requested]).flatten().fold(target, f64::max).max(1.0);

    let bars = |value: fn(&HistoryYear) -> Option<f64>, offset: f64, colour| -> Vec<Bar> {
        years
            .iter()
            .filter_map(|y| Some(bar_style(Bar::new(f64::from(y.year) + offset, value(y)?).width(WIDTH), colour)))
            .collect()
    };
    let settled = bars(|y| y.settled, -OFFSET, input.palette.settled);
    let requested = bars(|y| y.requested, OFFSET, input.palette.scenario);
    let blank = || Box::new(|_: &Bar, _: &BarChart| String::new());
    let target_label = format!("{}: {}", t.this_scenario, numfmt::integer(target, lang));
    key(
        ui,
        &[
            (input.palette.settled, t.settled),
            (input.palette.scenario, t.requested),
            (input.palette.selected, t.this_scenario),
        ],
    );

    let id = if input.compact { "charts.history.small" } else { "charts.history" };
    let response = Plot::new(id)
        .id(egui::Id::unique(id))
        .default_x_bounds(f64::from(first) - 0.7, f64::from(last) + 0.7)
        .default_y_bounds(0.0, largest * 1.18)
        .fixed()
        .show_crosshair(false)
        .x_grid_spacer(integer_marks(YEAR_SPACING))
        .show_grid([false, true])
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(t.history_x)
                // Years without digit grouping: "2020", not "2 020".
                .formatter(|mark, _| if is_integral(mark.value) { format!("{:.0}", mark.value) } else { String::new() })
                .label_spacing(YEAR_SPACING - 4.0..=YEAR_SPACING),
        ])
        .y_axis_formatter(move |mark, _| number_label(mark, lang))
        .y_axis_label(t.history_y)
        .show(ui, |plot_ui| {
            plot_ui
                .bar_chart(BarChart::new(t.settled, settled).color(input.palette.settled).element_formatter(blank()));
            plot_ui.bar_chart(
                BarChart::new(t.requested, requested).color(input.palette.scenario).element_formatter(blank()),
            );
            let at = [f64::from(target_year) + OFFSET, target];
            plot_ui.points(
                Points::new(t.this_scenario, PlotPoints::from(vec![at]))
                    .color(input.palette.selected)
                    .shape(MarkerShape::Diamond)
                    .radius(7.0)
                    .allow_hover(false),
            );
            plot_ui.text(
                // Right-aligned so the label stays inside the plot beside the last year.
                Text::new(
                    "",
                    PlotPoint::new(at[0] + WIDTH / 2.0, target + largest * 0.04),
                    RichText::new(&target_label).text_style(TextStyle::Body).color(input.palette.selected),
                )
                .anchor(Align2::RIGHT_BOTTOM)
                .allow_hover(false),
            );
        });

    let hovered_year = hover::hovered(&response)
        .and_then(|p| index_at(p.x - f64::from(first), (last - first + 1) as usize))
        .map(|i| first + i as i32);
    if let Some(year) = hovered_year {
        let entry = years.iter().find(|y| y.year == year);
        let number = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| numfmt::integer(v, lang));
        hover::tooltip(&response.response, |ui| {
            ui.label(RichText::new(year.to_string()).strong());
            egui::Grid::new("charts.history.tip").num_columns(2).show(ui, |ui| {
                ui.label(t.settled);
                ui.label(number(entry.and_then(|e| e.settled)));
                ui.end_row();
                ui.label(t.requested);
                ui.label(number(entry.and_then(|e| e.requested)));
                ui.end_row();
                if year == target_year {
                    ui.label(t.this_scenario);
                    ui.label(number(Some(target)));
                    ui.end_row();
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_order_with_both_kinds() {
        let p = |year, value, kind| HistoryPoint { year, value, kind };
        let years = history_years(&[
            p(2019, 5350.0, HistoryKind::Requested),
            p(2018, 4903.0, HistoryKind::Settled),
            p(2019, 4500.0, HistoryKind::Settled),
            p(2020, f64::NAN, HistoryKind::Settled),
        ]);
        assert_eq!(
            years,
            vec![
                HistoryYear { year: 2018, settled: Some(4903.0), requested: None },
                HistoryYear { year: 2019, settled: Some(4500.0), requested: Some(5350.0) },
            ]
        );
    }
}
