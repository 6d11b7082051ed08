//! Numbers set by hand on top of the counties' recommendations (the tab's `--set`): a row to add one — the
//! municipality found by name or number as in the overrides panel, the number, the reason — and the list made
//! so far, each removable. They are the round's view state, like the files read; reconciliation holds them.

use egui::{Key, TextEdit, Ui};

use super::texts::CountyRoundTexts;
use super::{CountyRoundCmd, CountyRoundState};
use crate::county_round::Override;
use crate::data::Dataset;
use crate::gui::command::Command;
use crate::gui::overrides::{OverrideTexts, find};
use crate::lang::Lang;
use crate::numfmt;

/// The override being typed, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub municipality: String,
    pub value: String,
    pub reason: String,
}

/// What the draft still lacks, first missing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No municipality, or a text that names none or several.
    Municipality,
    /// Not a whole number of zero or more.
    Number,
    Reason,
}

impl Missing {
    pub fn hint(self, lang: Lang) -> &'static str {
        let t = CountyRoundTexts::get(lang);
        match self {
            Missing::Municipality => t.need_municipality,
            Missing::Number => t.need_number,
            Missing::Reason => t.need_reason,
        }
    }
}

impl Draft {
    /// The override typed, or what it lacks.
    pub fn parse(&self, dataset: &Dataset) -> Result<Override, Missing> {
        let row = match dataset.rows_named(&self.municipality)[..] {
            [row] => row,
            _ => return Err(Missing::Municipality),
        };
        // "1 150" as the numbers are shown (plain, no-break or narrow no-break spaces) is 1150.
        let digits: String = self.value.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}')).collect();
        let value = digits.parse::<u32>().map_err(|_| Missing::Number)?;
        let reason = self.reason.trim();
        if reason.is_empty() {
            return Err(Missing::Reason);
        }
        Ok(Override { code: dataset.municipalities[row].code.clone(), value, reason: reason.to_owned() })
    }
}

/// The reason field's label, with its colon like the others.
pub fn reason_label(lang: Lang) -> String {
    format!("{}:", CountyRoundTexts::get(lang).reason)
}

pub fn show(ui: &mut Ui, dataset: &Dataset, state: &mut CountyRoundState, lang: Lang, cmds: &mut Vec<Command>) {
    let t = CountyRoundTexts::get(lang);
    let o = OverrideTexts::get(lang);
    ui.strong(format!("{} ({})", t.overrides, state.overrides.len())).on_hover_text(t.overrides_tip);
    let CountyRoundState { draft, overrides, .. } = state;
    let mut parsed = draft.parse(dataset);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.municipality);
        let field = TextEdit::singleline(&mut draft.municipality).hint_text(o.add_hint).desired_width(200.0);
        ui.add(field).labelled_by(label.id);
        let label = ui.label(t.number);
        ui.add(TextEdit::singleline(&mut draft.value).desired_width(70.0)).labelled_by(label.id);
        let label = ui.label(reason_label(lang));
        let field = TextEdit::singleline(&mut draft.reason).hint_text(o.reason_hint).desired_width(260.0);
        let reason = ui.add(field).labelled_by(label.id);
        // What was typed this frame counts.
        parsed = draft.parse(dataset);
        let enter = reason.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let mut button = ui.add_enabled(parsed.is_ok(), egui::Button::new(t.add_override));
        if let Err(missing) = parsed {
            button = button.on_disabled_hover_text(missing.hint(lang));
        }
        if let Ok(made) = &parsed
            && (button.clicked() || enter)
        {
            cmds.push(Command::CountyRound(CountyRoundCmd::AddOverride(made.clone())));
        }
    });
    // The municipality the text names, once it names one; then what is still missing.
    ui.horizontal_wrapped(|ui| {
        if let [row] = dataset.rows_named(&draft.municipality)[..] {
            ui.label(format!("{} {}", dataset.municipalities[row].code, dataset.display_name(row)));
        }
        if let Err(missing) = parsed {
            ui.weak(missing.hint(lang));
        }
    });
    // Under a text that names no single municipality: the matches, each to choose.
    if parsed == Err(Missing::Municipality) {
        let found = find::matches(dataset, &draft.municipality, |code| overrides.iter().any(|x| x.code == code));
        find::suggestions(ui, &found, o.more, |ui, row| {
            ui.label(format!("{} {}", dataset.municipalities[row].code, dataset.display_name(row)));
            let chosen = ui.button(t.choose).clicked();
            if chosen {
                draft.municipality = dataset.display_name(row);
            }
            chosen
        });
    }
    for made in overrides.iter() {
        ui.push_id(("county_round.override", &made.code), |ui| {
            ui.horizontal_wrapped(|ui| {
                let name = dataset.index_of_code(&made.code).map_or_else(String::new, |row| dataset.display_name(row));
                ui.label(format!("{} {name}", made.code));
                ui.strong(numfmt::integer(f64::from(made.value), lang));
                ui.label(&made.reason);
                if ui.button(o.remove).clicked() {
                    cmds.push(Command::CountyRound(CountyRoundCmd::RemoveOverride(made.code.clone())));
                }
            });
        });
    }
}
