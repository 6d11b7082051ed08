//! The steps of an explanation as a waterfall: one horizontal bar per step, each starting where the previous
//! one ended and going right (up) or left (down), then the request as a bar from 0 with the minors in it.
//! Horizontal, so the step names read in full on the axis.

use egui::{Align2, Color32, RichText, Stroke, TextStyle};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoint, PlotPoints, Text};

use super::texts::ExplainTexts;
use crate::analysis::{Explanation, StepKind};
use crate::gui::charts::hover;
use crate::gui::charts::named_axis::{
    Fixed, VALUE_SPACING, index_below_zero, integer_marks, name_spacing, nice_marks, rows_axis, value_axis_x,
};
use crate::lang::Lang;
use crate::numfmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    Up,
    Down,
    /// The request, from 0.
    Total,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WaterfallBar {
    pub label: String,
    pub start: f64,
    pub end: f64,
    pub kind: BarKind,
    /// On the total bar: how many of the request are unaccompanied minors.
    pub minors: Option<f64>,
}

impl WaterfallBar {
    pub fn delta(&self) -> f64 {
        self.end - self.start
    }
}

/// The bars of `e`: one per step (the minors step becomes part of the total), then the request.
pub fn bars(e: &Explanation, lang: Lang) -> Vec<WaterfallBar> {
    let t = ExplainTexts::get(lang);
    let mut out = Vec::new();
    let mut minors = None;
    let mut before = 0.0;
    for step in &e.steps {
        let label = match &step.kind {
            StepKind::Contribution(id) => id.label(lang).to_owned(),
            StepKind::Start | StepKind::CriteriaMove => step.kind.label(lang),
            StepKind::Locked => t.step_locked.to_owned(),
            StepKind::Excluded(_) => t.step_excluded.to_owned(),
            StepKind::Cap => t.step_cap.to_owned(),
            StepKind::Floor(rule) => format!("{} ({})", t.step_floor, rule.label(lang)),
            StepKind::Redistribution => t.step_redistribution.to_owned(),
            StepKind::LockedElsewhere => t.step_locked_elsewhere.to_owned(),
            StepKind::Dropped => t.step_dropped.to_owned(),
            StepKind::Rounding => t.step_rounding.to_owned(),
            StepKind::Minors => {
                minors = Some(step.delta);
                continue;
            }
        };
        let kind = if step.running < before { BarKind::Down } else { BarKind::Up };
        out.push(WaterfallBar { label, start: before, end: step.running, kind, minors: None });
        before = step.running;
    }
    out.push(WaterfallBar {
        label: t.total.to_owned(),
        start: 0.0,
        end: f64::from(e.allocation),
        kind: BarKind::Total,
        minors,
    });
    out
}

/// Colours that read on both light and dark backgrounds.
pub struct Colours {
    pub up: Color32,
    pub down: Color32,
    pub total: Color32,
    pub minors: Color32,
    pub guide: Color32,
}

impl Colours {
    pub fn for_visuals(visuals: &egui::Visuals) -> Self {
        let palette = crate::gui::charts::palette::Palette::for_visuals(visuals);
        if visuals.dark_mode {
            Colours {
                up: Color32::from_rgb(70, 190, 120),
                down: Color32::from_rgb(235, 100, 90),
                total: palette.scenario,
                minors: palette.selected,
                guide: palette.muted,
            }
        } else {
            Colours {
                up: Color32::from_rgb(25, 135, 70),
                down: Color32::from_rgb(200, 50, 40),
                total: palette.scenario,
                minors: palette.selected,
                guide: palette.muted,
            }
        }
    }

    fn of(&self, kind: BarKind) -> Color32 {
        match kind {
            BarKind::Up => self.up,
            BarKind::Down => self.down,
            BarKind::Total => self.total,
        }
    }
}

/// The value shown at a bar's end: a signed change, or the request.
fn value_text(bar: &WaterfallBar, lang: Lang) -> String {
    match bar.kind {
        BarKind::Total => numfmt::integer(bar.end, lang),
        _ => {
            // The change between the rounded values, so the parts shown add up to the total shown.
            let d = crate::analysis::shown_change(bar.start, bar.end, 1);
            let sign = if d > 0.0 {
                "+"
            } else if d < 0.0 {
                "−"
            } else {
                "±"
            };
            format!("{sign}{}", numfmt::decimal(d.abs(), 1, lang))
        }
    }
}

pub fn show(ui: &mut egui::Ui, bars: &[WaterfallBar], lang: Lang, size: egui::Vec2) {
    let t = ExplainTexts::get(lang);
    let colours = Colours::for_visuals(ui.visuals());
    let count = bars.len();
    let names: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
    let largest = bars.iter().map(|b| b.start.max(b.end)).fold(0.0, f64::max).max(1.0);
    // Room right of the longest bar for its value label.
    let x_max = largest * (1.0 + 70.0 / f64::from((size.x - 200.0).max(100.0)));

    let mut chart_bars = Vec::with_capacity(count + 1);
    for (i, b) in bars.iter().enumerate() {
        let colour = colours.of(b.kind);
        let (lo, hi) = (b.start.min(b.end), b.start.max(b.end));
        chart_bars.push(
            Bar::new(-(i as f64), hi - lo)
                .base_offset(lo)
                .width(0.62)
                .name(&b.label)
                .fill(colour.gamma_multiply(0.8))
                .stroke(Stroke::new(1.0, colour)),
        );
    }
    let chart = BarChart::new(t.waterfall_y, chart_bars).horizontal().element_formatter(Box::new(|_, _| String::new()));
    let minors = bars.iter().enumerate().find_map(|(i, b)| b.minors.filter(|m| *m > 0.0).map(|m| (i, b.end, m)));
    let minors_chart = minors.map(|(i, end, m)| {
        let bar = Bar::new(-(i as f64), m)
            .base_offset(end - m)
            .width(0.62)
            .fill(colours.minors.gamma_multiply(0.85))
            .stroke(Stroke::new(1.0, colours.minors));
        BarChart::new(t.minors_part, vec![bar]).horizontal().element_formatter(Box::new(|_, _| String::new()))
    });

    let response = Plot::new("explain.waterfall")
        .width(size.x)
        .height(size.y)
        .fixed()
        .show_crosshair(false)
        .show_grid([true, false])
        .default_y_bounds(-(count as f64) + 0.4, 0.6)
        .y_grid_spacer(integer_marks(name_spacing(false)))
        .custom_y_axes(vec![rows_axis("", false, &names)])
        .x_grid_spacer(nice_marks(VALUE_SPACING))
        .custom_x_axes(vec![value_axis_x(t.waterfall_x, lang)])
        .show(ui, |plot_ui| {
            plot_ui.set_plot_bounds_x(0.0..=x_max);
            plot_ui.set_plot_bounds_y(-(count as f64) + 0.4..=0.6);
            // Thin guides from each bar's end to the next bar's start.
            for (i, pair) in bars.windows(2).enumerate() {
                if pair[1].kind == BarKind::Total {
                    continue;
                }
                let x = pair[0].end;
                let y0 = -(i as f64) - 0.31;
                let y1 = -(i as f64) - 0.69;
                plot_ui.line(
                    Line::new("", PlotPoints::from(vec![[x, y0], [x, y1]]))
                        .color(colours.guide)
                        .width(1.0)
                        .allow_hover(false),
                );
            }
            plot_ui.bar_chart(chart);
            if let Some(c) = minors_chart {
                plot_ui.bar_chart(c);
            }
            for (i, b) in bars.iter().enumerate() {
                let text = RichText::new(value_text(b, lang)).text_style(TextStyle::Body);
                let at = PlotPoint::new(b.start.max(b.end) + x_max * 0.01, -(i as f64));
                plot_ui.text(Text::new("", at, text).anchor(Align2::LEFT_CENTER).allow_hover(false));
            }
        });

    if let Some(i) = hover::hovered(&response).and_then(|p| index_below_zero(p.y, count)) {
        let b = &bars[i];
        hover::tooltip(&response.response, |ui| {
            ui.label(RichText::new(&b.label).strong());
            let d1 = |v: f64| numfmt::decimal(v, 1, lang);
            match b.kind {
                BarKind::Total => {
                    ui.label(format!("{}: {}", t.request, numfmt::integer(b.end, lang)));
                    if let Some(m) = b.minors.filter(|m| *m > 0.0) {
                        ui.label(if m == 1.0 {
                            t.minors_one.to_owned()
                        } else {
                            t.minors_count.replace("{}", &numfmt::integer(m, lang))
                        });
                    }
                }
                _ => {
                    ui.label(format!("{}: {}", t.change, value_text(b, lang)));
                    ui.label(format!("{} {} {} {}", t.from, d1(b.start), t.to, d1(b.end)));
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::explain;
    use crate::gui::charts::test_support::{imdi_2020, imdi_2020_scenario};

    #[test]
    fn each_bar_starts_where_the_previous_ended_and_the_last_is_the_request() {
        let (dataset, allocation) = imdi_2020();
        let scenario = imdi_2020_scenario();
        for row in 0..dataset.len() {
            let e = explain(&dataset, &scenario, &allocation, row);
            let bars = bars(&e, Lang::Nb);
            let last = bars.last().unwrap();
            assert_eq!(last.kind, BarKind::Total);
            assert_eq!((last.start, last.end), (0.0, f64::from(allocation.rows[row].allocation)));
            assert_eq!(last.minors.unwrap_or(0.0), f64::from(allocation.rows[row].minors));
            let steps = &bars[..bars.len() - 1];
            assert_eq!(steps[0].start, 0.0);
            for pair in steps.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
            }
            // The steps end at the request too.
            assert!((steps.last().unwrap().end - last.end).abs() < 1e-9);
            for b in steps {
                assert_eq!(b.kind == BarKind::Down, b.end < b.start, "{b:?}");
            }
        }
    }

    #[test]
    fn bodo_has_named_steps_and_signed_values() {
        let (dataset, allocation) = imdi_2020();
        let row = dataset.index_of_code("1804").unwrap();
        let e = explain(&dataset, &imdi_2020_scenario(), &allocation, row);
        let bars = bars(&e, Lang::En);
        let labels: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels[0], "Size (population)");
        assert!(labels.contains(&"Redistribution") && labels.contains(&"Rounding"));
        assert_eq!(labels.last(), Some(&"Request"));
        assert!(value_text(&bars[0], Lang::Nb).starts_with('+'));
        assert_eq!(value_text(bars.last().unwrap(), Lang::Nb), allocation.rows[row].allocation.to_string());
    }
}
