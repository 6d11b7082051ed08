//! Banners above the central area (errors, warnings, why there is no allocation) and the confirmations that
//! float over it.

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

/// Errors and warnings as banners above the central area: they wait for the user, so they may take room.
pub fn show(ui: &mut Ui, notices: &[Notice], lang: Lang, cmds: &mut Vec<Command>) {
    for (i, n) in notices.iter().enumerate().filter(|(_, n)| n.level != Level::Info) {
        banner(ui, fill_for(ui, n.level), |ui| notice_line(ui, i, n, lang, cmds));
    }
}

/// Confirmations float over the bottom right of `area` and fade on their own: they never move the layout
/// under the pointer.
pub fn toasts(ctx: &egui::Context, area: egui::Rect, notices: &[Notice], lang: Lang, cmds: &mut Vec<Command>) {
    let infos: Vec<_> = notices.iter().enumerate().filter(|(_, n)| n.level == Level::Info).collect();
    if infos.is_empty() {
        return;
    }
    egui::Area::new(egui::Id::unique("notices.toasts"))
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .fixed_pos(area.right_bottom() - egui::vec2(12.0, 12.0))
        .show(ctx, |ui| {
            ui.set_max_width((area.width() * 0.6).max(200.0));
            for (i, n) in infos {
                let frame = egui::Frame::popup(ui.style()).fill(fill_for(ui, Level::Info));
                frame.show(ui, |ui| notice_line(ui, i, n, lang, cmds));
            }
        });
}

/// A notice's icon, its text and a button that dismisses it (notice number `i`).
fn notice_line(ui: &mut Ui, i: usize, n: &Notice, lang: Lang, cmds: &mut Vec<Command>) {
    let t = NoticeTexts::get(lang);
    ui.horizontal(|ui| {
        if ui.small_button("✖").on_hover_text(t.dismiss).clicked() {
            cmds.push(Command::DismissNotice(i));
        }
        let icon = match n.level {
            Level::Error => "⛔",
            Level::Warning => "⚠",
            Level::Info => "✔",
        };
        ui.add(egui::Label::new(format!("{icon} {}", n.text)).wrap());
    });
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

#[cfg(test)]
mod tests {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable as _;

    use crate::gui::app::App;
    use crate::gui::document::Document;
    use crate::gui::notices::Notice;
    use crate::gui::test_harness::{harness, shows};
    use crate::gui::view_state::Prefs;

    #[test]
    fn a_confirmation_does_not_move_the_rows_and_can_be_dismissed() {
        let mut h = harness(App::new(Document::new_default().unwrap(), Prefs::default()));
        // The table's first row (the status bar may name Oslo too).
        let oslo = |h: &egui_kittest::Harness<'_, App>| {
            h.query_all_by_value("Oslo").map(|n| n.rect()).min_by(|a, b| a.top().total_cmp(&b.top())).unwrap()
        };
        let before = oslo(&h);
        h.state_mut().notices.push(Notice::info("Lagret /tmp/plan.ron"));
        h.run();
        assert!(shows(&h, "Lagret /tmp/plan.ron"));
        assert_eq!(oslo(&h), before, "the rows stay where they were");
        h.get_by_role_and_label(Role::Button, "✖").click();
        h.run();
        assert!(h.state().notices.is_empty(), "dismissed");
        assert_eq!(oslo(&h), before);

        // An error waits for the user in a banner above the tab.
        h.state_mut().notices.push(Notice::error("Kunne ikke lagre"));
        h.run();
        assert!(oslo(&h).top() > before.top(), "a banner takes its room");
    }
}
