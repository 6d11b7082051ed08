//! The selected municipality's request as each weight sweeps from 0 to 100 %: one line per criterion, a dot
//! at today's weight, and a table of what each curve spans.

use egui::{Color32, RichText};
use egui_plot::{Legend, Line, MarkerShape, Plot, PlotPoints, Points};

use super::texts::ExplainTexts;
use crate::analysis::{Curve, PlanSweep};
use crate::gui::charts::named_axis::{Fixed, nice_marks, number_label, percent_label};
use crate::lang::Lang;
use crate::numfmt;
use crate::scenario::CriterionId;

/// One municipality's curves from the whole-plan sweep (what `analysis::weight_sweep` gives, without running
/// the sweep again for every selection). Refused points are left out.
pub fn curves_for_row(sweep: &[PlanSweep], row: usize) -> Vec<Curve> {
    sweep
        .iter()
        .map(|s| Curve {
            criterion: s.criterion,
            points: s
                .points
                .iter()
                .filter_map(|p| p.requests.as_ref().ok().and_then(|r| r.get(row)).map(|v| (p.share, *v)))
                .collect(),
        })
        .collect()
}

/// Points of the sweep the engine refused, over all criteria.
pub fn refused_points(sweep: &[PlanSweep]) -> usize {
    sweep.iter().map(|s| s.points.iter().filter(|p| p.requests.is_err()).count()).sum()
}

/// A colour per criterion, the same in every chart of the tab (Okabe–Ito, readable for colour-blind eyes).
pub fn criterion_colour(id: CriterionId, dark: bool) -> Color32 {
    let (light, darkc) = match id {
        CriterionId::Size => ((0, 114, 178), (86, 180, 233)),
        CriterionId::LabourMarket => ((213, 94, 0), (230, 159, 0)),
        CriterionId::IntegrationResults => ((0, 158, 115), (0, 190, 140)),
        CriterionId::Capacity => ((204, 121, 167), (220, 150, 190)),
        CriterionId::ImmigrantShare => ((120, 100, 20), (240, 228, 66)),
        CriterionId::Continuity => ((80, 80, 80), (200, 200, 200)),
    };
    let (r, g, b) = if dark { darkc } else { light };
    Color32::from_rgb(r, g, b)
}

/// The request at today's weight share `w` on a curve (the point nearest to it).
fn at_share(curve: &Curve, w: f64) -> Option<(f64, u32)> {
    curve.points.iter().copied().min_by(|a, b| (a.0 - w).abs().total_cmp(&(b.0 - w).abs()))
}

pub fn show(
    ui: &mut egui::Ui,
    curves: &[Curve],
    weights: &[(CriterionId, f64)],
    request: u32,
    lang: Lang,
    height: f32,
) {
    let t = ExplainTexts::get(lang);
    let dark = ui.visuals().dark_mode;
    let max = curves.iter().flat_map(|c| c.points.iter().map(|p| p.1)).max().unwrap_or(0).max(request).max(1);
    Plot::new("explain.weights")
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop).follow_insertion_order(true))
        .fixed()
        .x_axis_label(t.weight_share)
        .y_axis_label(t.request)
        .x_axis_formatter(move |mark, _| percent_label(mark, lang))
        .y_axis_formatter(move |mark, _| number_label(mark, lang))
        .x_grid_spacer(nice_marks(60.0))
        .y_grid_spacer(nice_marks(30.0))
        .label_formatter(move |hover| {
            let (prefix, p) = match hover {
                egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => {
                    (format!("{plot_name}\n"), *position)
                }
                egui_plot::HoverPosition::Elsewhere { .. } => return None,
            };
            Some(format!(
                "{prefix}{}: {}\n{}: {}",
                t.weight_share,
                numfmt::percent(p.x, 0, lang),
                t.request,
                numfmt::integer(p.y.round(), lang)
            ))
        })
        .show(ui, |plot_ui| {
            plot_ui.set_plot_bounds_x(-0.02..=1.02);
            plot_ui.set_plot_bounds_y(0.0..=f64::from(max) * 1.08);
            for curve in curves {
                let colour = criterion_colour(curve.criterion, dark);
                let name = curve.criterion.label(lang);
                let points: Vec<[f64; 2]> = curve.points.iter().map(|(s, v)| [*s, f64::from(*v)]).collect();
                plot_ui.line(Line::new(name, PlotPoints::from(points)).color(colour).width(2.0));
                let w = weights.iter().find(|(c, _)| *c == curve.criterion).map_or(0.0, |(_, w)| *w);
                if let Some((s, v)) = at_share(curve, w) {
                    plot_ui.points(
                        Points::new(name, PlotPoints::from(vec![[s, f64::from(v)]]))
                            .shape(MarkerShape::Circle)
                            .filled(true)
                            .radius(5.0)
                            .color(colour),
                    );
                }
            }
        });
    ui.add_space(6.0);
    table(ui, curves, weights, lang);
}

/// Per criterion: today's weight, the request at 0 % and 100 %, and the span over the sweep.
fn table(ui: &mut egui::Ui, curves: &[Curve], weights: &[(CriterionId, f64)], lang: Lang) {
    let t = ExplainTexts::get(lang);
    let int = |v: u32| numfmt::integer(f64::from(v), lang);
    egui::Grid::new("explain.weights.table").striped(true).num_columns(5).spacing([18.0, 4.0]).show(ui, |ui| {
        for h in [t.criterion, t.today, t.at_zero, t.at_full, t.span] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for curve in curves {
            let w = weights.iter().find(|(c, _)| *c == curve.criterion).map_or(0.0, |(_, w)| *w);
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, criterion_colour(curve.criterion, ui.visuals().dark_mode));
                ui.label(curve.criterion.label(lang));
            });
            ui.label(numfmt::percent(w, 0, lang));
            let first = curve.points.first().filter(|p| p.0 == 0.0).map_or("–".into(), |p| int(p.1));
            let last = curve.points.last().filter(|p| p.0 == 1.0).map_or("–".into(), |p| int(p.1));
            ui.label(first);
            ui.label(last);
            let lo = curve.points.iter().map(|p| p.1).min();
            let hi = curve.points.iter().map(|p| p.1).max();
            ui.label(lo.zip(hi).map_or("–".into(), |(lo, hi)| format!("{}–{}", int(lo), int(hi))));
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{weight_sweep, whole_plan_sweep};
    use crate::gui::charts::test_support::{imdi_2020, imdi_2020_scenario};

    #[test]
    fn curves_from_the_whole_plan_match_the_engine_sweep_and_pass_through_today() {
        let (dataset, allocation) = imdi_2020();
        let scenario = imdi_2020_scenario();
        let row = dataset.index_of_code("1804").unwrap();
        // 21 steps of 5 %: today's weights (35, 20, 10, 25, 10, 0 %) are grid points.
        let sweep = whole_plan_sweep(&dataset, &scenario, 21);
        let curves = curves_for_row(&sweep, row);
        assert_eq!(curves, weight_sweep(&dataset, &scenario, row, 21));
        assert_eq!(curves.len(), scenario.criteria.len());
        assert_eq!(refused_points(&sweep), 0);
        for (curve, (_, w)) in curves.iter().zip(&allocation.weights) {
            let (s, v) = at_share(curve, *w).unwrap();
            assert!((s - w).abs() < 1e-9);
            assert_eq!(v, allocation.rows[row].allocation, "{:?}", curve.criterion);
        }
    }
}
