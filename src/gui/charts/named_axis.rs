//! egui_plot has no categorical axis: categories sit at integer positions, and these helpers put a mark at
//! every integer in view and turn marks into names and Norwegian-formatted numbers.

use eframe::egui;
use egui_plot::{GridInput, GridMark};

use crate::lang::Lang;
use crate::numfmt;

/// Names on an axis need this many points between marks (a line of text); marks are thinned to keep it.
/// Small panels use a smaller font, so more names fit.
pub fn name_spacing(compact: bool) -> f32 {
    if compact { 13.0 } else { 18.0 }
}
/// An axis of names: labels at full strength from `name_spacing` apart (egui_plot's default fades them
/// up to 30 points), the axis title and the formatter.
pub fn name_axis<'a>(
    title: &str,
    compact: bool,
    formatter: impl Fn(GridMark, &std::ops::RangeInclusive<f64>) -> String + 'a,
) -> egui_plot::AxisHints<'a> {
    let spacing = name_spacing(compact);
    let axis = egui_plot::AxisHints::new_y().label(title).formatter(formatter).label_spacing(spacing - 2.0..=spacing);
    if compact { axis.tick_label_font(egui::FontId::proportional(11.0)) } else { axis }
}

/// The y axis of a horizontal bar chart whose row `i` sits at `-i`: each row's name at its bar.
pub fn rows_axis<'a, S: AsRef<str>>(title: &str, compact: bool, names: &'a [S]) -> egui_plot::AxisHints<'a> {
    name_axis(title, compact, move |mark, _| {
        if !is_integral(mark.value) {
            return String::new();
        }
        index_below_zero(mark.value, names.len()).map_or_else(String::new, |i| names[i].as_ref().to_owned())
    })
}

/// Plots that stay put.
pub trait Fixed {
    /// No zoom, drag, scroll or reset: these charts always show the whole plan, and a stray wheel or drag
    /// would only hide part of it.
    fn fixed(self) -> Self;
}

impl Fixed for egui_plot::Plot<'_> {
    fn fixed(self) -> Self {
        self.allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .allow_double_click_reset(false)
    }
}

/// Numbers along an x axis need this many points between marks ("10 000" and some air).
pub const VALUE_SPACING: f32 = 56.0;

/// A value x axis in Norwegian number style, with labels from `VALUE_SPACING` apart (egui_plot's default
/// wants 60–80 points, which leaves a narrow plot with a lone "0").
pub fn value_axis_x<'a>(title: &str, lang: Lang) -> egui_plot::AxisHints<'a> {
    egui_plot::AxisHints::new_x()
        .label(title)
        .formatter(move |mark, _| number_label(mark, lang))
        .label_spacing(VALUE_SPACING - 6.0..=VALUE_SPACING)
}

/// egui_plot's `grid_spacing.min`, which `GridInput::base_step_size` is measured in.
const GRID_SPACING_MIN: f64 = 8.0;
/// A bound on the marks of one axis, whatever the zoom.
const MAX_MARKS: usize = 2_000;

/// Marks at every integer in view, or at every k-th one when labels would come closer than `spacing` points.
pub fn integer_marks(spacing: f32) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |input| integer_marks_spaced(input, f64::from(spacing))
}

fn integer_marks_spaced(input: GridInput, spacing: f64) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(lo.is_finite() && hi.is_finite() && input.base_step_size.is_finite()) || hi < lo {
        return Vec::new();
    }
    let step = (input.base_step_size * spacing / GRID_SPACING_MIN).ceil().max(1.0);
    let mut value = (lo / step).ceil() * step;
    let mut marks = Vec::new();
    while value <= hi && marks.len() < MAX_MARKS {
        marks.push(GridMark { value, step_size: step });
        value += step;
    }
    marks
}

/// Marks at round numbers (1, 2 or 5 × 10ⁿ) at least `spacing` points apart.
pub fn nice_marks(spacing: f32) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |input| {
        let (lo, hi) = input.bounds;
        let least = input.base_step_size * f64::from(spacing) / GRID_SPACING_MIN;
        if !(lo.is_finite() && hi.is_finite() && least.is_finite() && least > 0.0) || hi < lo {
            return Vec::new();
        }
        let magnitude = 10f64.powf(least.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= least).unwrap_or(least);
        let first = (lo / step).ceil() as i64;
        (first..)
            .map(|k| k as f64 * step)
            .take_while(|v| *v <= hi)
            .take(MAX_MARKS)
            .map(|value| GridMark { value, step_size: step })
            .collect()
    }
}

/// The category index at a mark placed at `-index` (bars listed downwards from 0), if the mark is on one.
pub fn index_below_zero(value: f64, count: usize) -> Option<usize> {
    index_at(-value, count)
}

/// The category whose band (±0.5 around its integer position) holds `value`.
pub fn index_at(value: f64, count: usize) -> Option<usize> {
    let rounded = value.round();
    if !rounded.is_finite() || rounded < 0.0 || (value - rounded).abs() > 0.5 {
        return None;
    }
    let index = rounded as usize;
    (index < count).then_some(index)
}

/// A mark on an integer position names its category; marks between categories stay blank.
pub fn is_integral(value: f64) -> bool {
    (value - value.round()).abs() < 1e-6
}

/// A value-axis label: as many decimals as the mark spacing needs, Norwegian style in bokmål.
pub fn number_label(mark: GridMark, lang: Lang) -> String {
    numfmt::decimal(mark.value, decimals_for(mark.step_size), lang)
}

/// A share (0–1) as a percent label.
pub fn percent_label(mark: GridMark, lang: Lang) -> String {
    numfmt::percent(mark.value, decimals_for(mark.step_size * 100.0), lang)
}

fn decimals_for(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) || step >= 1.0 { 0 } else { ((-step.log10()).ceil() as usize).min(6) }
}

/// Moves the span `lo..=hi` inside `min..=max` without changing its length (or shows all when it is longer).
pub fn clamp_span(lo: f64, hi: f64, min: f64, max: f64) -> (f64, f64) {
    let len = hi - lo;
    if len >= max - min {
        return (min, max);
    }
    if lo < min {
        (min, min + len)
    } else if hi > max {
        (max - len, max)
    } else {
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_every_integer_when_there_is_room() {
        // 8 points of grid spacing correspond to 0.1 units: 80 points per unit.
        let marks = integer_marks(20.0)(GridInput { bounds: (-3.4, 0.6), base_step_size: 0.1 });
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(values, vec![-3.0, -2.0, -1.0, 0.0]);
    }

    #[test]
    fn marks_thin_out_when_crowded() {
        // 2 points per unit: a label needs 10 units.
        let marks = integer_marks(20.0)(GridInput { bounds: (-355.5, 0.5), base_step_size: 4.0 });
        assert!(marks.iter().all(|m| m.step_size == 10.0 && m.value % 10.0 == 0.0));
        assert_eq!(marks.len(), 36);
        assert!(integer_marks(20.0)(GridInput { bounds: (f64::NAN, 1.0), base_step_size: 1.0 }).is_empty());
    }

    #[test]
    fn round_number_marks() {
        // 8 points per 100 units: 56 points need 700, so steps of 1 000.
        let marks = nice_marks(56.0)(GridInput { bounds: (0.0, 4_500.0), base_step_size: 100.0 });
        let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
        assert_eq!(values, vec![0.0, 1_000.0, 2_000.0, 3_000.0, 4_000.0]);
        let marks = nice_marks(56.0)(GridInput { bounds: (-0.1, 1.0), base_step_size: 0.02 });
        assert!(marks.iter().all(|m| m.step_size == 0.2));
        assert_eq!(marks.len(), 6);
    }

    #[test]
    fn indices_and_spans() {
        assert_eq!(index_below_zero(-2.0, 5), Some(2));
        assert_eq!(index_below_zero(-5.0, 5), None);
        assert_eq!(index_below_zero(0.4, 5), Some(0));
        assert_eq!(index_below_zero(0.6, 5), None);
        assert_eq!(index_at(2.3, 3), Some(2));
        assert_eq!(clamp_span(-20.0, -15.0, -10.0, 1.0), (-10.0, -5.0));
        assert_eq!(clamp_span(-3.0, 4.0, -10.0, 1.0), (-6.0, 1.0));
        assert_eq!(clamp_span(-30.0, 4.0, -10.0, 1.0), (-10.0, 1.0));
        assert_eq!(clamp_span(-3.0, -1.0, -10.0, 1.0), (-3.0, -1.0));
    }

    #[test]
    fn labels_follow_the_language() {
        let mark = GridMark { value: 1500.0, step_size: 500.0 };
        assert_eq!(number_label(mark, Lang::Nb), "1\u{a0}500");
        assert_eq!(number_label(mark, Lang::En), "1,500");
        assert_eq!(number_label(GridMark { value: 0.25, step_size: 0.05 }, Lang::Nb), "0,25");
        assert_eq!(percent_label(GridMark { value: 0.5, step_size: 0.1 }, Lang::Nb), "50 %");
    }
}
