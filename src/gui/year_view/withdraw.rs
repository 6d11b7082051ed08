//! "Withdraw the round": the one confirm before a sent round is taken back, with the reason kept in the file.

use egui::Context;

use super::{YearCmd, YearTexts};
use crate::gui::command::Command;
use crate::gui::modal::confirm;
use crate::lang::Lang;

/// The round asked about and the reason being typed.
pub struct WithdrawAsk {
    /// From 1.
    pub number: usize,
    /// "2. tilleggsanmodning 2024-03-01 (8 658)".
    pub what: String,
    pub reason: String,
}

pub fn show(ctx: &Context, ask: &mut WithdrawAsk, lang: Lang, cmds: &mut Vec<Command>) {
    let t = YearTexts::get(lang);
    let reason = &mut ask.reason;
    let what = &ask.what;
    let body = |ui: &mut egui::Ui| {
        ui.heading(t.withdraw_title);
        ui.strong(what);
        ui.label(t.withdraw_body);
        ui.horizontal(|ui| {
            let label = ui.label(t.reason);
            ui.add(egui::TextEdit::singleline(reason).desired_width(300.0)).labelled_by(label.id);
        });
        ui.add_space(8.0);
    };
    let answers = [(t.withdraw_title, true), (t.cancel, false)];
    if let Some(yes) = confirm(ctx, "withdraw round", 460.0, body, &answers, Some(false)) {
        cmds.push(Command::Year(YearCmd::Withdraw(yes)));
    }
}
