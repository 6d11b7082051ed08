//! Chart 4: request per 1,000 inhabitants against an indicator the user picks; click a point to select it.

use eframe::egui;

use egui_plot::{HoverPosition, MarkerShape, Plot, PlotPoint, PlotPoints, Points};

use super::named_axis::number_label;
use super::palette::key;
use super::{ChartInput, hover};
use crate::data::{Column, Dataset};
use crate::engine::Allocation;
use crate::numfmt;
use crate::scenario::{CriterionId, Scenario};

/// A click selects the nearest point within this many points of the pointer.
const PICK_RADIUS: f32 = 12.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScatterPoint {
    pub row: usize,
    /// The indicator value.
    pub x: f64,
    /// Request per 1,000 inhabitants; 0 when not asked.
    pub y: f64,
    pub asked: bool,
}

/// One point per municipality with a value in `column`; municipalities without one are left out and counted.
pub fn scatter_points(column: &Column, allocation: &Allocation) -> (Vec<ScatterPoint>, usize) {
    let mut missing = 0;
    let mut points = Vec::with_capacity(allocation.rows.len());
    for (row, (value, r)) in column.values.iter().zip(&allocation.rows).enumerate() {
        match value {
            Some(x) if x.is_finite() => {
                let asked = r.asked();
                let y = if asked && r.per_1000.is_finite() { r.per_1000 } else { 0.0 };
                points.push(ScatterPoint { row, x: *x, y, asked });
            }
            _ => missing += 1,
        }
    }
    (points, missing)
}

/// The labour-market criterion's column, else the dataset's first column.
pub fn default_indicator<'a>(dataset: &'a Dataset, scenario: &'a Scenario) -> Option<&'a str> {
    scenario
        .criterion(CriterionId::LabourMarket)
        .and_then(|c| c.column.as_deref())
        .filter(|id| dataset.column(id).is_some())
        .or_else(|| dataset.columns.first().map(|c| c.meta.id.as_str()))
}

fn column_label(column: &Column, lang: crate::lang::Lang) -> String {
    let m = &column.meta;
    format!("{} ({}, {})", lang.pick(&m.label.nb, &m.label.en), m.unit, m.year)
}

/// Draws the chart; returns the row the user clicked.
pub fn show(ui: &mut egui::Ui, input: &ChartInput<'_>, chosen: &mut Option<String>) -> Option<usize> {
    let t = input.t;
    let lang = input.lang;
    let dataset = input.dataset;
    if chosen.as_deref().and_then(|id| dataset.column(id)).is_none() {
        *chosen = default_indicator(dataset, input.scenario).map(str::to_owned);
    }
    let Some(column) = chosen.as_deref().and_then(|id| dataset.column(id)) else {
        ui.label(t.no_columns);
        return None;
    };

    let mut picked_column = None;
    ui.horizontal(|ui| {
        let label = ui.label(t.scatter_indicator);
        let combo = egui::ComboBox::from_id_salt(if input.compact { "charts.scatter.small" } else { "charts.scatter" })
            .selected_text(column_label(column, lang))
            .truncate();
        let combo = if input.compact { combo.width(ui.available_width() - 8.0) } else { combo.width(360.0) };
        combo
            .show_ui(ui, |ui| {
                for c in &dataset.columns {
                    if ui.selectable_label(c.meta.id == column.meta.id, column_label(c, lang)).clicked() {
                        picked_column = Some(c.meta.id.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if picked_column.is_some() {
        *chosen = picked_column;
    }

    let (points, missing) = scatter_points(column, input.allocation);
    if missing > 0 && !input.compact {
        ui.weak(t.scatter_missing.replace("{n}", &numfmt::integer(missing as f64, lang)));
    }
    let (asked, not_asked): (Vec<ScatterPoint>, Vec<ScatterPoint>) = points.iter().partition(|p| p.asked);
    let xy = |ps: &[ScatterPoint]| PlotPoints::from(ps.iter().map(|p| [p.x, p.y]).collect::<Vec<_>>());
    let selected = input.selected.and_then(|s| points.iter().find(|p| p.row == s)).copied();
    let unit = &column.meta.unit;
    let x_label = column_label(column, lang);
    let mut entries = vec![(input.palette.scenario, t.asked), (input.palette.muted, t.not_asked)];
    let selected_name = selected.map(|p| dataset.display_name(p.row));
    if let Some(name) = &selected_name {
        entries.push((input.palette.selected, name.as_str()));
    }
    key(ui, &entries);

    let id = if input.compact { "charts.scatter.plot.small" } else { "charts.scatter.plot" };
    let response = Plot::new(id)
        .id(plot_id(input.compact, &column.meta.id))
        .include_y(0.0)
        .show_crosshair(false)
        .x_axis_formatter(move |mark, _| number_label(mark, lang))
        .y_axis_formatter(move |mark, _| number_label(mark, lang))
        .x_axis_label(x_label)
        .y_axis_label(t.per_1000)
        .label_formatter(|pos| {
            let HoverPosition::NearDataPoint { plot_name, index, .. } = pos else { return None };
            let p = if *plot_name == t.asked {
                asked.get(*index)?
            } else if *plot_name == t.not_asked {
                not_asked.get(*index)?
            } else {
                return None;
            };
            let name = dataset.display_name(p.row);
            let status = if p.asked {
                format!("{}: {}", t.per_1000, numfmt::decimal(p.y, 1, lang))
            } else {
                t.not_asked.to_owned()
            };
            let x = numfmt::decimal(p.x, 1, lang);
            Some(format!("{name}\n{}: {x} {unit}\n{status}\n{}", column_label(column, lang), t.click_to_select))
        })
        .show(ui, |plot_ui| {
            plot_ui.points(Points::new(t.not_asked, xy(&not_asked)).color(input.palette.muted).radius(2.5));
            plot_ui.points(Points::new(t.asked, xy(&asked)).color(input.palette.scenario).radius(3.0));
            if let Some(p) = selected {
                let name = dataset.display_name(p.row);
                plot_ui.points(
                    Points::new(name, PlotPoints::from(vec![[p.x, p.y]]))
                        .color(input.palette.selected)
                        .shape(MarkerShape::Diamond)
                        .radius(7.0)
                        .allow_hover(false),
                );
            }
        });

    hover::override_menu(&response, input);
    hover::clicked(&response)?;
    let pointer = response.response.interact_pointer_pos()?;
    nearest(&points, |p| response.transform.position_from_point(&PlotPoint::new(p.x, p.y)).distance(pointer))
        .filter(|(_, d)| *d <= PICK_RADIUS)
        .map(|(p, _)| p.row)
}

/// One plot (and so one zoom) per indicator: a view zoomed for one indicator means nothing for another.
pub(super) fn plot_id(compact: bool, column: &str) -> egui::Id {
    egui::Id::unique(("charts.scatter.plot", compact, column))
}

/// The point closest by `distance`, and that distance.
fn nearest(points: &[ScatterPoint], distance: impl Fn(&ScatterPoint) -> f32) -> Option<(ScatterPoint, f32)> {
    points.iter().map(|p| (*p, distance(p))).min_by(|a, b| a.1.total_cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::charts::test_support::{imdi_2020, imdi_2020_scenario};

    #[test]
    fn missing_values_are_left_out_and_not_asked_sit_at_zero() {
        let (mut dataset, allocation) = imdi_2020();
        let id = default_indicator(&dataset, &imdi_2020_scenario()).unwrap().to_owned();
        assert_eq!(id, "sysselsettingsrate_2013_pst");
        let column = dataset.columns.iter_mut().find(|c| c.meta.id == id).unwrap();
        column.values[0] = None;
        column.values[1] = Some(f64::NAN);
        let before = column.missing_count();
        let (points, missing) = scatter_points(column, &allocation);
        assert_eq!(missing, before + 1);
        assert_eq!(points.len() + missing, dataset.len());
        assert!(points.iter().all(|p| p.row != 0 && p.row != 1 && p.x.is_finite()));
        assert!(points.iter().filter(|p| !p.asked).all(|p| p.y == 0.0));
        assert!(points.iter().filter(|p| p.asked).all(|p| p.y > 0.0));
    }

    #[test]
    fn nearest_point() {
        let p = |row, x| ScatterPoint { row, x, y: 0.0, asked: true };
        let points = [p(0, 1.0), p(1, 5.0), p(2, 9.0)];
        let (best, d) = nearest(&points, |q| (q.x as f32 - 6.0).abs()).unwrap();
        assert_eq!((best.row, d), (1, 1.0));
        assert!(nearest(&[], |_| 0.0).is_none());
    }
}
