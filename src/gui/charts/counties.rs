//! Chart 2: this scenario's requests per county beside the reference column summed per county.

use eframe::egui;

use std::collections::HashMap;

use egui::RichText;
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoints};

use super::named_axis::{
    Fixed, VALUE_SPACING, index_below_zero, integer_marks, name_spacing, nice_marks, rows_axis, value_axis_x,
};
use super::palette::{bar_style, key};
use super::{ChartInput, hover};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::expect::Totals;
use crate::numfmt;
use crate::scenario::Scenario;

#[derive(Debug, Clone, PartialEq)]
pub struct CountyRow {
    pub code: String,
    pub name: String,
    pub scenario: u64,
    /// The reference column summed over the county (missing cells count as 0); `None` without a reference.
    pub reference: Option<f64>,
    pub asked: usize,
    pub municipalities: usize,
}

/// What the reference series is, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Reference {
    None,
    /// The scenario names a column the dataset does not have.
    NotInDataset(String),
    Column {
        label: String,
        /// Municipalities with no value in the column.
        missing: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountySeries {
    /// Largest request first.
    pub rows: Vec<CountyRow>,
    pub reference: Reference,
}

/// Sums this scenario's requests and the reference column per county, in one pass over the municipalities.
pub fn county_series(
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: crate::lang::Lang,
) -> CountySeries {
    let column = scenario.reference_column.as_deref().map(|id| (id, dataset.column(id)));
    let reference = match column {
        None => Reference::None,
        Some((id, None)) => Reference::NotInDataset(id.to_owned()),
        Some((_, Some(c))) => Reference::Column {
            label: lang.pick(&c.meta.label.nb, &c.meta.label.en).to_owned(),
            missing: c.missing_count(),
        },
    };
    let values = column.and_then(|(_, c)| c).map(|c| &c.values);
    let mut rows: Vec<CountyRow> = allocation
        .counties
        .iter()
        .map(|c| CountyRow {
            code: c.code.clone(),
            name: c.name.clone(),
            scenario: 0,
            reference: values.map(|_| 0.0),
            asked: 0,
            municipalities: 0,
        })
        .collect();
    let index: HashMap<&str, usize> =
        allocation.counties.iter().enumerate().map(|(i, c)| (c.code.as_str(), i)).collect();
    for (i, (m, r)) in dataset.municipalities.iter().zip(&allocation.rows).enumerate() {
        let Some(row) = index.get(m.county_code.as_str()).and_then(|&k| rows.get_mut(k)) else { continue };
        row.scenario += u64::from(r.allocation);
        row.asked += usize::from(r.asked());
        row.municipalities += 1;
        if let (Some(sum), Some(v)) = (row.reference.as_mut(), values.and_then(|v| v.get(i)).copied().flatten()) {
            *sum += v;
        }
    }
    rows.sort_by(|a, b| b.scenario.cmp(&a.scenario).then_with(|| a.code.cmp(&b.code)));
    CountySeries { rows, reference }
}

/// Draws the chart (counties are not selectable, so nothing is returned).
pub fn show(ui: &mut egui::Ui, input: &ChartInput<'_>) {
    let t = input.t;
    let lang = input.lang;
    let series = county_series(input.dataset, input.scenario, input.allocation, lang);
    let count = series.rows.len();
    if count == 0 {
        ui.label(t.none_asked);
        return;
    }
    let has_reference = matches!(series.reference, Reference::Column { .. });
    let reference_name = match &series.reference {
        Reference::Column { label, .. } => format!("{} ({label})", t.reference),
        _ => t.reference.to_owned(),
    };
    if !input.compact {
        let total_ref: Option<f64> = has_reference.then(|| series.rows.iter().filter_map(|r| r.reference).sum());
        let mut line =
            format!("{}: {} {}", t.total, t.this_scenario, numfmt::integer(input.allocation.allocated as f64, lang));
        if let Some(total) = total_ref {
            line.push_str(&format!(" · {reference_name} {}", numfmt::integer(total, lang)));
        }
        ui.label(line);
    }
    match &series.reference {
        Reference::None => {
            ui.weak(t.no_reference);
        }
        Reference::NotInDataset(id) => {
            ui.weak(t.reference_missing.replace("{id}", id));
        }
        Reference::Column { .. } => {}
    }

    let selected_municipality = input.selected.and_then(|s| input.dataset.municipalities.get(s));
    let selected_county = selected_municipality.map(|m| m.county_code.as_str());
    let mut entries = vec![(input.palette.scenario, t.this_scenario)];
    if has_reference {
        entries.push((input.palette.reference, reference_name.as_str()));
    }
    let x = crate::gui::expected::ExpectedTexts::get(lang);
    // The expected decided places of each county, drawn inside its request.
    let expected: HashMap<&str, &Totals> =
        input.expected.map(|e| e.counties.iter().map(|c| (c.code.as_str(), &c.totals)).collect()).unwrap_or_default();
    if !expected.is_empty() {
        entries.push((input.palette.expected, x.decided));
    }
    if let Some(m) = selected_municipality {
        entries.push((input.palette.selected, m.county_name.as_str()));
    }
    key(ui, &entries);
    let (offset, width) = if has_reference { (0.19, 0.36) } else { (0.0, 0.6) };
    let scenario_bars: Vec<Bar> = series
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let colour =
                if selected_county == Some(r.code.as_str()) { input.palette.selected } else { input.palette.scenario };
            bar_style(Bar::new(-(i as f64) + offset, r.scenario as f64).width(width).name(&r.name), colour)
        })
        .collect();
    let expected_bars: Vec<Bar> = series
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let e = expected.get(r.code.as_str())?;
            let bar = Bar::new(-(i as f64) + offset, e.expected).width(width * 0.35).name(&r.name);
            Some(bar.fill(input.palette.expected).stroke(egui::Stroke::NONE))
        })
        .collect();
    // The range of each county's expected decided places: a whisker through its expected bar.
    let whiskers: Vec<[[f64; 2]; 2]> = series
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let e = expected.get(r.code.as_str())?;
            let y = -(i as f64) + offset;
            Some([[e.low, y], [e.high, y]])
        })
        .collect();
    let reference_bars: Vec<Bar> = series
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let v = r.reference?;
            Some(bar_style(Bar::new(-(i as f64) - offset, v).width(width).name(&r.name), input.palette.reference))
        })
        .collect();
    let largest = series.rows.iter().map(|r| (r.scenario as f64).max(r.reference.unwrap_or(0.0))).fold(1.0, f64::max);
    // Small panels keep the first of a county's names in several languages ("Troms - Romsa - Tromssa").
    let names: Vec<&str> = series
        .rows
        .iter()
        .map(|r| if input.compact { r.name.split(" - ").next().unwrap_or(&r.name) } else { r.name.as_str() })
        .collect();
    let blank = || Box::new(|_: &Bar, _: &BarChart| String::new());

    let id = if input.compact { "charts.counties.small" } else { "charts.counties" };
    let response = Plot::new(id)
        .id(egui::Id::unique(id))
        .default_x_bounds(0.0, largest * 1.1)
        .default_y_bounds(-(count as f64) + 0.45, 0.55)
        .fixed()
        .show_crosshair(false)
        .show_grid([true, false])
        .y_grid_spacer(integer_marks(name_spacing(input.compact)))
        .custom_y_axes(vec![rows_axis(t.counties_y, input.compact, &names)])
        .x_grid_spacer(nice_marks(VALUE_SPACING))
        .custom_x_axes(vec![value_axis_x(t.counties_x, lang)])
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(
                BarChart::new(t.this_scenario, scenario_bars)
                    .horizontal()
                    .color(input.palette.scenario)
                    .element_formatter(blank()),
            );
            if !expected_bars.is_empty() {
                plot_ui.bar_chart(
                    BarChart::new(x.decided, expected_bars)
                        .horizontal()
                        .color(input.palette.expected)
                        .element_formatter(blank()),
                );
                for w in &whiskers {
                    plot_ui.line(
                        Line::new(x.range, PlotPoints::from(w.to_vec())).color(input.palette.expected).width(1.5),
                    );
                }
            }
            if has_reference {
                plot_ui.bar_chart(
                    BarChart::new(reference_name.clone(), reference_bars)
                        .horizontal()
                        .color(input.palette.reference)
                        .element_formatter(blank()),
                );
            }
        });

    if let Some(i) = hover::hovered(&response).and_then(|p| index_below_zero(p.y, count)) {
        let r = &series.rows[i];
        hover::tooltip(&response.response, |ui| {
            ui.label(RichText::new(&r.name).strong());
            egui::Grid::new("charts.counties.tip").num_columns(2).show(ui, |ui| {
                ui.label(t.this_scenario);
                ui.label(numfmt::integer(r.scenario as f64, lang));
                ui.end_row();
                if let Some(v) = r.reference {
                    ui.label(&reference_name);
                    ui.label(numfmt::integer(v, lang));
                    ui.end_row();
                    ui.label(t.difference);
                    let diff = r.scenario as f64 - v;
                    let sign = if diff > 0.0 { "+" } else { "" };
                    ui.label(format!("{sign}{}", numfmt::integer(diff, lang)));
                    ui.end_row();
                }
                if let Some(e) = expected.get(r.code.as_str()) {
                    ui.label(x.decided);
                    let n = |v: f64| numfmt::integer(v, lang);
                    ui.label(format!("{} ({}–{})", n(e.expected), n(e.low), n(e.high)));
                    ui.end_row();
                }
                ui.label(t.municipalities_asked);
                ui.label(format!("{} / {}", r.asked, r.municipalities));
                ui.end_row();
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::charts::test_support::{imdi_2020, imdi_2020_scenario};
    use crate::lang::Lang;

    #[test]
    fn sums_match_the_engine_and_the_reference_column() {
        let (dataset, allocation) = imdi_2020();
        let scenario = imdi_2020_scenario();
        let series = county_series(&dataset, &scenario, &allocation, Lang::Nb);
        assert_eq!(series.rows.len(), allocation.counties.len());
        for county in &allocation.counties {
            let row = series.rows.iter().find(|r| r.code == county.code).unwrap();
            assert_eq!(row.scenario, county.allocation, "{}", county.name);
            assert_eq!(row.asked, county.asked);
            assert_eq!(row.municipalities, county.municipalities);
        }
        let column = dataset.column("anmodning_2019").unwrap();
        let column_total: f64 = column.values.iter().flatten().sum();
        let reference_total: f64 = series.rows.iter().map(|r| r.reference.unwrap()).sum();
        assert!((column_total - reference_total).abs() < 1e-6);
        assert!(matches!(series.reference, Reference::Column { .. }));
        assert!(series.rows.windows(2).all(|p| p[0].scenario >= p[1].scenario));
    }

    #[test]
    fn no_reference_or_an_unknown_one() {
        let (dataset, allocation) = imdi_2020();
        let mut scenario = imdi_2020_scenario();
        scenario.reference_column = None;
        let series = county_series(&dataset, &scenario, &allocation, Lang::En);
        assert_eq!(series.reference, Reference::None);
        assert!(series.rows.iter().all(|r| r.reference.is_none()));
        scenario.reference_column = Some("no_such_column".into());
        let series = county_series(&dataset, &scenario, &allocation, Lang::En);
        assert_eq!(series.reference, Reference::NotInDataset("no_such_column".into()));
    }
}
