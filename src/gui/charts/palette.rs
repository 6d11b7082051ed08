//! Chart colours, one set for the whole tab so the same thing has the same colour everywhere.

use eframe::egui;

use egui::{Color32, Sense, Stroke, Visuals, vec2};

#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// This scenario's requests.
    pub scenario: Color32,
    /// The selected municipality (or its county).
    pub selected: Color32,
    /// The reference column and other comparisons.
    pub reference: Color32,
    /// Municipalities that are not asked, guide lines.
    pub muted: Color32,
    pub settled: Color32,
    /// The decisions to expect: a narrow dark bar inside the request's.
    pub expected: Color32,
}

impl Palette {
    pub fn for_visuals(visuals: &Visuals) -> Self {
        if visuals.dark_mode {
            Palette {
                scenario: Color32::from_rgb(90, 155, 230),
                selected: Color32::from_rgb(250, 160, 40),
                reference: Color32::from_rgb(175, 175, 175),
                muted: Color32::from_rgb(110, 110, 110),
                settled: Color32::from_rgb(70, 190, 160),
                expected: Color32::from_rgb(235, 235, 235),
            }
        } else {
            Palette {
                scenario: Color32::from_rgb(40, 110, 190),
                selected: Color32::from_rgb(225, 115, 0),
                reference: Color32::from_rgb(120, 120, 120),
                muted: Color32::from_rgb(165, 165, 165),
                settled: Color32::from_rgb(20, 140, 115),
                expected: Color32::from_rgb(25, 25, 25),
            }
        }
    }
}

/// A bar's fill and outline from one colour: solid enough to read, outlined so neighbours stay apart.
pub fn bar_style(bar: egui_plot::Bar, colour: Color32) -> egui_plot::Bar {
    bar.fill(colour.gamma_multiply(0.75)).stroke(Stroke::new(1.0, colour))
}

/// A colour key above a plot: a swatch and a label per series. Kept outside the plot so it never hides data.
pub fn key(ui: &mut egui::Ui, entries: &[(Color32, &str)]) {
    const SWATCH: f32 = 10.0;
    ui.horizontal_wrapped(|ui| {
        for (colour, label) in entries {
            let galley = egui::WidgetText::from(*label).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            // Swatch and label wrap together: start a new row when both do not fit.
            if ui.available_width() < SWATCH + ui.spacing().item_spacing.x + galley.size().x {
                ui.end_row();
            }
            let (rect, _) = ui.allocate_exact_size(vec2(SWATCH, SWATCH), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, *colour);
            ui.label(galley);
            ui.add_space(6.0);
        }
    });
}
