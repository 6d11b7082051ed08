//! The year over time: requested, decided and settled after each round, and the need, on a date axis.

use egui::Ui;
use egui_plot::{AxisHints, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoints, Points};

use super::YearTexts;
use super::prepare::Series;
use crate::followup::table::FollowUpTableTexts;
use crate::lang::Lang;
use crate::year::Date;

fn date_label(x: f64) -> String {
    Date::from_day_number(x.round() as i32).map(|d| d.to_string()).unwrap_or_default()
}

pub fn show(ui: &mut Ui, series: &Series, lang: Lang, width: f32, height: f32) {
    let t = YearTexts::get(lang);
    let f = FollowUpTableTexts::get(lang);
    let xs = series.requested.iter().map(|p| p[0]);
    let (first, last) = xs.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    if first > last {
        return;
    }
    let top = [&series.need, &series.requested, &series.decided, &series.settled]
        .iter()
        .flat_map(|s| s.iter().map(|p| p[1]))
        .fold(1.0, f64::max);
    let pad = ((last - first) * 0.06).max(7.0);
    Plot::new("year.chart")
        .width(width.max(200.0))
        .height(height)
        .default_x_bounds(first - pad, last + pad)
        .default_y_bounds(0.0, top * 1.12)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .legend(Legend::default().position(egui_plot::Corner::RightBottom).follow_insertion_order(true))
        .custom_x_axes(vec![AxisHints::new_x().label(t.date).formatter(|mark, _| date_label(mark.value))])
        .y_axis_formatter(move |mark, _| crate::numfmt::integer(mark.value, lang))
        .label_formatter(move |pos| {
            let HoverPosition::NearDataPoint { plot_name, position, .. } = pos else { return None };
            Some(format!("{plot_name}\n{}: {}", date_label(position.x), crate::numfmt::integer(position.y, lang)))
        })
        .show(ui, |plot| {
            let styles = [
                (t.chart_need, &series.need, egui::Color32::GRAY, true),
                (f.requested, &series.requested, egui::Color32::from_rgb(31, 119, 180), false),
                (f.decided, &series.decided, egui::Color32::from_rgb(44, 160, 44), false),
                (f.settled, &series.settled, egui::Color32::from_rgb(255, 127, 14), false),
            ];
            for (name, points, colour, dashed) in styles {
                let mut line = Line::new(name, PlotPoints::from(points.clone())).color(colour).width(2.0);
                if dashed {
                    line = line.style(LineStyle::dashed_loose());
                }
                plot.line(line);
                plot.points(Points::new(name, PlotPoints::from(points.clone())).color(colour).radius(3.5));
            }
        });
}
