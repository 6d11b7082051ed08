//! Chart 3: how spread the plan is. Municipalities sorted by request, largest first (x, share of all
//! municipalities) against the cumulative share of refugees (y), beside the diagonal of equal shares.

use eframe::egui;

use egui_plot::{HoverPosition, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points};

use super::ChartInput;
use super::named_axis::{Fixed, percent_label};
use super::palette::key;
use crate::numfmt;

pub use crate::analysis::concentration::{Curve, concentration_curve};

/// The reference column's values by dataset row (missing as 0), if the scenario has one in the dataset.
fn reference_values(input: &ChartInput<'_>) -> Option<(String, Vec<f64>)> {
    let column = input.dataset.column(input.scenario.reference_column.as_deref()?)?;
    let label = input.lang.pick(&column.meta.label.nb, &column.meta.label.en).to_owned();
    Some((label, column.values.iter().map(|v| v.unwrap_or(0.0)).collect()))
}

fn summary(t: &super::texts::ChartTexts, curve: &Curve, lang: crate::lang::Lang, compact: bool) -> String {
    let half = if compact { t.half_short } else { t.half_goes_to }
        .replace("{n}", &numfmt::integer(curve.count_for_share(0.5) as f64, lang))
        .replace("{m}", &numfmt::integer(curve.count() as f64, lang));
    format!("{half} · {} {}", t.gini, numfmt::decimal(curve.gini(), 2, lang))
}

pub fn show(ui: &mut egui::Ui, input: &ChartInput<'_>) {
    let t = input.t;
    let lang = input.lang;
    let requests: Vec<f64> = input.allocation.rows.iter().map(|r| f64::from(r.allocation)).collect();
    let Some(curve) = concentration_curve(&requests) else {
        ui.label(t.nothing_to_plot);
        return;
    };
    let reference = reference_values(input).and_then(|(label, v)| Some((label, concentration_curve(&v)?)));

    let compact = input.compact;
    ui.label(format!("{}: {}", t.this_scenario, summary(t, &curve, lang, compact))).on_hover_text(t.gini_hint);
    if let (Some((label, r)), false) = (&reference, compact) {
        ui.label(format!("{} ({label}): {}", t.reference, summary(t, r, lang, compact))).on_hover_text(t.gini_hint);
    }

    let reference_name = reference.as_ref().map(|(label, _)| format!("{} ({label})", t.reference));
    let mut entries = vec![(input.palette.scenario, t.this_scenario)];
    if let Some(name) = &reference_name {
        entries.push((input.palette.reference, name.as_str()));
    }
    entries.push((input.palette.muted, t.equality));
    let selected_name = input.selected.filter(|&s| s < input.dataset.len()).map(|s| input.dataset.display_name(s));
    if let Some(name) = &selected_name {
        entries.push((input.palette.selected, name.as_str()));
    }
    key(ui, &entries);
    let half = curve.count_for_share(0.5);
    let selected_point = input.selected.and_then(|s| {
        let rank = curve.order.iter().position(|&i| i == s)?;
        (requests[s] > 0.0).then(|| curve.points[rank + 1])
    });
    let names = &input.dataset.municipalities;

    let id = if input.compact { "charts.concentration.small" } else { "charts.concentration" };
    Plot::new(id)
        .id(egui::Id::unique(id))
        // A little past 1 so the "100 %" marks are drawn (a narrow panel needs a larger share of its width).
        .default_x_bounds(0.0, if compact { 1.1 } else { 1.05 })
        .default_y_bounds(0.0, 1.04)
        .fixed()
        .show_crosshair(false)
        .x_axis_formatter(move |mark, _| percent_label(mark, lang))
        .y_axis_formatter(move |mark, _| percent_label(mark, lang))
        // Room for "100 %" beside the axis, so it is never clipped.
        .y_axis_min_width(44.0)
        .x_axis_label(t.concentration_x)
        .y_axis_label(t.concentration_y)
        .label_formatter(|pos| {
            let HoverPosition::NearDataPoint { plot_name, index, .. } = pos else { return None };
            let c = if *plot_name == t.this_scenario {
                &curve
            } else if Some(*plot_name) == reference_name.as_deref() {
                &reference.as_ref()?.1
            } else {
                return None;
            };
            let p = c.points.get(*index)?;
            if *index == 0 {
                return None;
            }
            let mut text = t
                .curve_point
                .replace("{n}", &numfmt::integer(*index as f64, lang))
                .replace("{share}", &numfmt::percent(p[1], 1, lang));
            if std::ptr::eq(c, &curve) {
                let row = curve.order[*index - 1];
                if row < names.len() {
                    let name = input.dataset.display_name(row);
                    text.push_str(&format!("\n{index}. {name}: {}", numfmt::integer(requests[row], lang)));
                }
            }
            Some(text)
        })
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new(t.equality, PlotPoints::from(vec![[0.0, 0.0], [1.0, 1.0]]))
                    .color(input.palette.muted)
                    .style(LineStyle::dashed_loose())
                    .allow_hover(false),
            );
            if let (Some((_, r)), Some(name)) = (&reference, &reference_name) {
                plot_ui
                    .line(Line::new(name.clone(), PlotPoints::from(r.points.clone())).color(input.palette.reference));
            }
            plot_ui.line(
                Line::new(t.this_scenario, PlotPoints::from(curve.points.clone()))
                    .color(input.palette.scenario)
                    .width(2.0),
            );
            plot_ui.points(
                Points::new("", PlotPoints::from(vec![curve.points[half]]))
                    .color(input.palette.scenario)
                    .radius(4.0)
                    .allow_hover(false),
            );
            if let Some(p) = selected_point {
                let name = input.selected.map(|s| input.dataset.display_name(s)).unwrap_or_default();
                plot_ui.points(
                    Points::new(name, PlotPoints::from(vec![p]))
                        .color(input.palette.selected)
                        .shape(MarkerShape::Diamond)
                        .radius(6.0)
                        .allow_hover(false),
                );
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::charts::test_support::imdi_2020;

    #[test]
    fn endpoints_monotone_and_gini_in_range() {
        let (_, allocation) = imdi_2020();
        let requests: Vec<f64> = allocation.rows.iter().map(|r| f64::from(r.allocation)).collect();
        let curve = concentration_curve(&requests).unwrap();
        assert_eq!(curve.points.first(), Some(&[0.0, 0.0]));
        assert_eq!(curve.points.last(), Some(&[1.0, 1.0]));
        assert_eq!(curve.points.len(), requests.len() + 1);
        assert!(curve.points.windows(2).all(|w| w[1][0] > w[0][0] && w[1][1] >= w[0][1]));
        // Largest first: the curve is concave, on or above the diagonal.
        assert!(curve.points.iter().all(|p| p[1] >= p[0] - 1e-12));
        let g = curve.gini();
        assert!((0.0..=1.0).contains(&g), "{g}");
        let half = curve.count_for_share(0.5);
        assert!(half > 0 && half < allocation.asked);
        assert!(curve.points[half][1] >= 0.5 && curve.points[half - 1][1] < 0.5);
    }
}
