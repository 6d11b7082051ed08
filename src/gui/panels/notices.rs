//! Banners above the central area: messages about files, and why there is no allocation.

use egui::{Color32, RichText, Ui};

use crate::engine::AllocError;
use crate::gui::command::Command;
use crate::gui::notices::{Level, Notice};
use crate::lang::Lang;

texts!(NoticeTexts {
    dismiss: "Lukk meldingen", "Dismiss the message";
    no_allocation: "Ingen fordeling med disse innstillingene", "No allocation with these settings";
    fix_hint: "Endre innstillingene i panelet til venstre, eller angre (Ctrl+Z).",
        "Change the settings in the left panel, or undo (Ctrl+Z).";
});

fn banner(ui: &mut Ui, fill: Color32, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new().fill(fill).corner_radius(4.0).inner_margin(8.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        add(ui);
    });
    ui.add_space(4.0);
}

fn fill_for(ui: &Ui, level: Level) -> Color32 {
    let dark = ui.visuals().dark_mode;
    match (level, dark) {
        (Level::Error, true) => Color32::from_rgb(90, 30, 30),
        (Level::Error, false) => Color32::from_rgb(255, 225, 225),
        (Level::Warning, true) => Color32::from_rgb(80, 65, 20),
        (Level::Warning, false) => Color32::from_rgb(255, 244, 205),
        (Level::Info, true) => Color32::from_rgb(25, 60, 40),
        (Level::Info, false) => Color32::from_rgb(220, 245, 225),
    }
}

pub fn show(ui: &mut Ui, notices: &[Notice], lang: Lang, cmds: &mut Vec<Command>) {
    let t = NoticeTexts::get(lang);
    for (i, n) in notices.iter().enumerate() {
        banner(ui, fill_for(ui, n.level), |ui| {
            ui.horizontal(|ui| {
                if ui.small_button("✖").on_hover_text(t.dismiss).clicked() {
                    cmds.push(Command::DismissNotice(i));
                }
                let icon = match n.level {
                    Level::Error => "⛔",
                    Level::Warning => "⚠",
                    Level::Info => "✔",
                };
                ui.label(format!("{icon} {}", n.text));
            });
        });
    }
}

/// Why the current settings give no allocation. The inputs stay as they are so the user can fix them.
pub fn alloc_error(ui: &mut Ui, error: &AllocError, lang: Lang) {
    let t = NoticeTexts::get(lang);
    banner(ui, fill_for(ui, Level::Error), |ui| {
        ui.label(RichText::new(format!("⛔ {}", t.no_allocation)).strong());
        ui.label(error.message(lang));
        ui.weak(t.fix_hint);
    });
}
