//! The legend box drawn over the map's empty north-west corner (open sea at every zoom that shows
//! the whole country).

use eframe::egui;
use egui::epaint::{Mesh, Vertex};
use egui::{Color32, Painter, Rect, RichText, Sense, Shape, Stroke, StrokeKind, Ui, pos2, vec2};

use super::colouring::{Fill, Legend};
use super::palette::{Patterns, TILE};
use crate::lang::Lang;
use crate::numfmt;

/// Draws the legend inside `ui`; the caller places `ui` on the map.
pub fn show_legend(ui: &mut Ui, legend: &Legend, patterns: Option<&Patterns>, lang: Lang) {
    // Opaque, so the text never sits on map colours.
    let frame = egui::Frame::popup(ui.style()).fill(ui.visuals().window_fill);
    frame.show(ui, |ui| {
        ui.set_max_width(260.0);
        ui.label(RichText::new(&legend.title).strong());
        if !legend.unit.is_empty() {
            ui.label(&legend.unit);
        }
        ui.add_space(2.0);
        egui::Grid::new("map-legend").num_columns(3).spacing(vec2(6.0, 2.0)).show(ui, |ui| {
            for entry in &legend.entries {
                let (rect, _) = ui.allocate_exact_size(vec2(22.0, 13.0), Sense::hover());
                paint_swatch(ui.painter(), rect, entry.fill, patterns);
                ui.label(&entry.label);
                ui.label(numfmt::integer(entry.count as f64, lang));
                ui.end_row();
            }
        });
    });
}

/// A small rectangle painted like a municipality with this fill.
pub fn paint_swatch(painter: &Painter, rect: Rect, fill: Fill, patterns: Option<&Patterns>) {
    painter.rect_filled(rect, 0.0, fill.colour);
    if let (Some(pattern), Some(patterns)) = (fill.pattern, patterns) {
        let mut mesh = Mesh::with_texture(patterns.texture(pattern));
        let tile = TILE as f32;
        for p in [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom()] {
            mesh.vertices.push(Vertex { pos: p, uv: pos2(p.x / tile, p.y / tile), color: Color32::WHITE });
        }
        mesh.indices.extend([0, 1, 2, 0, 2, 3]);
        painter.add(Shape::mesh(mesh));
    }
    painter.rect_stroke(rect, 0.0, Stroke::new(1.0, Color32::from_gray(150)), StrokeKind::Inside);
}
