//! Model against reference, one point per municipality, with the line where they would agree.

use egui::{Color32, Ui};
use egui_plot::{HoverPosition, Line, LineStyle, Plot, PlotPoints, Points};

use super::texts::CalibrateTexts;
use super::worker::FitPoint;
use crate::data::Dataset;
use crate::lang::Lang;
use crate::numfmt;

pub fn show(ui: &mut Ui, points: &[FitPoint], dataset: &Dataset, lang: Lang, size: egui::Vec2) {
    let t = CalibrateTexts::get(lang);
    let top = points.iter().map(|p| p.reference.max(p.model)).fold(1.0_f64, f64::max) * 1.05;
    let (dot, guide) = if ui.visuals().dark_mode {
        (Color32::from_rgb(90, 155, 230), Color32::from_rgb(150, 150, 150))
    } else {
        (Color32::from_rgb(40, 110, 190), Color32::from_rgb(130, 130, 130))
    };
    let xy = PlotPoints::from(points.iter().map(|p| [p.reference, p.model]).collect::<Vec<_>>());
    let names = &dataset.municipalities;
    Plot::new("calibrate.scatter")
        .width(size.x)
        .height(size.y)
        .data_aspect(1.0)
        .include_x(0.0)
        .include_y(0.0)
        .include_x(top)
        .include_y(top)
        .allow_scroll(false)
        .show_crosshair(false)
        .x_axis_label(t.reference_axis)
        .y_axis_label(t.model)
        .x_axis_formatter(move |mark, _| numfmt::integer(mark.value, lang))
        .y_axis_formatter(move |mark, _| numfmt::integer(mark.value, lang))
        .label_formatter(|pos| {
            let HoverPosition::NearDataPoint { plot_name, index, .. } = pos else { return None };
            if *plot_name != t.municipalities {
                return None;
            }
            let p = points.get(*index)?;
            let name = names.get(p.row).map_or("?", |m| m.name.as_str());
            Some(format!(
                "{name}\n{}: {}\n{}: {}",
                t.reference,
                numfmt::decimal(p.reference, 1, lang),
                t.model,
                numfmt::integer(p.model, lang)
            ))
        })
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new(t.equal, PlotPoints::from(vec![[0.0, 0.0], [top, top]]))
                    .color(guide)
                    .style(LineStyle::dashed_loose())
                    .allow_hover(false),
            );
            plot_ui.points(Points::new(t.municipalities, xy).color(dot).radius(2.5));
        });
}
