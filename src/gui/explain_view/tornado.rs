//! The whole plan's sensitivity to each weight: a tornado of how many municipalities change when the weight
//! moves 10 percentage points down (left) or up (right), the others rescaled; the label names the largest
//! change. Criteria with the widest bars on top.

use egui::{Align2, RichText, TextStyle};
use egui_plot::{Bar, BarChart, Legend, Plot, PlotPoint, Text};

use super::texts::ExplainTexts;
use crate::analysis::{Impact, TornadoBar};
use crate::data::Dataset;
use crate::engine::AllocError;
use crate::gui::charts::hover;
use crate::gui::charts::named_axis::{Fixed, index_below_zero, integer_marks, name_spacing, nice_marks, rows_axis};
use crate::lang::Lang;
use crate::numfmt;

/// The points a weight is moved by (0.10 = ten percentage points).
pub const POINTS: f64 = 0.10;

/// One row of the chart: a criterion's bar pair.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoRow {
    pub bar: TornadoBar,
    /// Today's weight share.
    pub weight: f64,
    /// Municipalities that change when the weight moves down (drawn leftwards, so negative) and up.
    pub minus: f64,
    pub plus: f64,
}

/// The rows in drawing order: widest first (the larger side, then the sum), scenario order among equals.
pub fn rows(bars: &[TornadoBar], weights: &[(crate::scenario::CriterionId, f64)]) -> Vec<TornadoRow> {
    let changed = |side: &Result<Impact, AllocError>| side.as_ref().map_or(0.0, |i| i.changed as f64);
    let mut rows: Vec<TornadoRow> = bars
        .iter()
        .map(|b| TornadoRow {
            bar: b.clone(),
            weight: weights.iter().find(|(c, _)| *c == b.criterion).map_or(0.0, |(_, w)| *w),
            minus: -changed(&b.minus),
            plus: changed(&b.plus),
        })
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &TornadoRow| (r.plus.max(-r.minus), r.plus - r.minus);
        let (ka, kb) = (key(a), key(b));
        kb.0.total_cmp(&ka.0).then(kb.1.total_cmp(&ka.1))
    });
    rows
}

/// "Bodø +3", or "no change", or "refused".
pub fn largest_text(side: &Result<Impact, AllocError>, dataset: &Dataset, lang: Lang) -> String {
    let t = ExplainTexts::get(lang);
    match side {
        Err(_) => t.refused.to_owned(),
        Ok(i) if i.changed == 0 => t.nothing_changes.to_owned(),
        Ok(i) => {
            let name = dataset
                .index_of_code(&i.largest_code)
                .map_or(i.largest_code.as_str(), |r| dataset.municipalities[r].name.as_str());
            let sign = if i.largest_change > 0 { "+" } else { "−" };
            format!("{name} {sign}{}", numfmt::integer(i.largest_change.unsigned_abs() as f64, lang))
        }
    }
}

fn side_summary(side: &Result<Impact, AllocError>, dataset: &Dataset, lang: Lang) -> String {
    let t = ExplainTexts::get(lang);
    match side {
        Err(e) => format!("{}: {e}", t.refused),
        Ok(i) => format!(
            "{} {}: {} {}; {}: {}",
            t.moved_to,
            numfmt::percent(i.share, 0, lang),
            numfmt::integer(i.changed as f64, lang),
            t.changed,
            t.largest,
            largest_text(side, dataset, lang)
        ),
    }
}

pub fn show(ui: &mut egui::Ui, rows: &[TornadoRow], dataset: &Dataset, lang: Lang, height: f32) {
    let t = ExplainTexts::get(lang);
    let palette = crate::gui::charts::palette::Palette::for_visuals(ui.visuals());
    let (minus_colour, plus_colour) = (palette.selected, palette.scenario);
    let count = rows.len();
    let names: Vec<String> = rows
        .iter()
        .map(|r| format!("{} ({})", r.bar.criterion.label(lang), numfmt::percent(r.weight, 0, lang)))
        .collect();
    let widest = rows.iter().map(|r| r.plus.max(-r.minus)).fold(0.0, f64::max).max(1.0);
    // Room at both ends for the labels ("Bodø +3").
    let x_max = widest * 1.7;

    let style =
        |bar: Bar, colour: egui::Color32| bar.fill(colour.gamma_multiply(0.8)).stroke(egui::Stroke::new(1.0, colour));
    let minus_bars: Vec<Bar> =
        rows.iter().enumerate().map(|(i, r)| style(Bar::new(-(i as f64), r.minus).width(0.6), minus_colour)).collect();
    let plus_bars: Vec<Bar> =
        rows.iter().enumerate().map(|(i, r)| style(Bar::new(-(i as f64), r.plus).width(0.6), plus_colour)).collect();
    let quiet = || Box::new(|_: &Bar, _: &BarChart| String::new());
    let minus_chart = BarChart::new(t.minus, minus_bars).horizontal().color(minus_colour).element_formatter(quiet());
    let plus_chart = BarChart::new(t.plus, plus_bars).horizontal().color(plus_colour).element_formatter(quiet());

    let response = Plot::new("explain.tornado")
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::RightBottom).follow_insertion_order(true))
        .fixed()
        .show_crosshair(false)
        .show_grid([true, false])
        .y_grid_spacer(integer_marks(name_spacing(false)))
        .custom_y_axes(vec![rows_axis("", false, &names)])
        .x_grid_spacer(nice_marks(50.0))
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label(t.changed_x)
                .formatter(move |mark, _| numfmt::integer(mark.value.abs(), lang)),
        ])
        .show(ui, |plot_ui| {
            plot_ui.set_plot_bounds_x(-x_max..=x_max);
            plot_ui.set_plot_bounds_y(-(count as f64) + 0.4..=0.6);
            plot_ui.vline(egui_plot::VLine::new("", 0.0).color(palette.muted).width(1.0).allow_hover(false));
            plot_ui.bar_chart(minus_chart);
            plot_ui.bar_chart(plus_chart);
            for (i, r) in rows.iter().enumerate() {
                let y = -(i as f64);
                let pad = x_max * 0.015;
                let label = |side| RichText::new(largest_text(side, dataset, lang)).text_style(TextStyle::Small);
                plot_ui.text(
                    Text::new("", PlotPoint::new(r.minus - pad, y), label(&r.bar.minus))
                        .anchor(Align2::RIGHT_CENTER)
                        .allow_hover(false),
                );
                plot_ui.text(
                    Text::new("", PlotPoint::new(r.plus + pad, y), label(&r.bar.plus))
                        .anchor(Align2::LEFT_CENTER)
                        .allow_hover(false),
                );
            }
        });

    if let Some(i) = hover::hovered(&response).and_then(|p| index_below_zero(p.y, count)) {
        let r = &rows[i];
        hover::tooltip(&response.response, |ui| {
            ui.label(RichText::new(r.bar.criterion.label(lang)).strong());
            ui.label(format!("{} {}", t.weight_now, numfmt::percent(r.weight, 0, lang)));
            ui.label(format!("{}: {}", t.minus, side_summary(&r.bar.minus, dataset, lang)));
            ui.label(format!("{}: {}", t.plus, side_summary(&r.bar.plus, dataset, lang)));
        });
    }
    ui.add_space(6.0);
    // The same numbers as text, for reading and copying.
    egui::Grid::new("explain.tornado.table").striped(true).num_columns(3).spacing([18.0, 4.0]).show(ui, |ui| {
        for h in [t.criterion, t.minus, t.plus] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for r in rows {
            ui.label(r.bar.criterion.label(lang));
            ui.label(side_summary(&r.bar.minus, dataset, lang));
            ui.label(side_summary(&r.bar.plus, dataset, lang));
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tornado;
    use crate::gui::charts::test_support::{imdi_2020, imdi_2020_scenario};

    #[test]
    fn one_bar_pair_per_criterion_widest_first() {
        let (dataset, allocation) = imdi_2020();
        let scenario = imdi_2020_scenario();
        let bars = tornado(&dataset, &scenario, POINTS).unwrap();
        let rows = rows(&bars, &allocation.weights);
        assert_eq!(rows.len(), scenario.criteria.len());
        for c in &scenario.criteria {
            assert_eq!(rows.iter().filter(|r| r.bar.criterion == c.id).count(), 1);
        }
        for r in &rows {
            assert!(r.minus <= 0.0 && r.plus >= 0.0);
            assert_eq!(r.plus, r.bar.plus.as_ref().unwrap().changed as f64);
        }
        assert!(rows.windows(2).all(|w| w[0].plus.max(-w[0].minus) >= w[1].plus.max(-w[1].minus)));
        // Continuity has weight 0: nothing changes when it moves down.
        let continuity = rows.iter().find(|r| r.bar.criterion == crate::scenario::CriterionId::Continuity).unwrap();
        assert_eq!(continuity.minus, 0.0);
        assert_eq!(largest_text(&continuity.bar.minus, &dataset, Lang::Nb), "ingen endring");
        let widest = &rows[0].bar.plus;
        let text = largest_text(widest, &dataset, Lang::En);
        assert!(text.contains('+') || text.contains('−'), "{text}");
    }
}
