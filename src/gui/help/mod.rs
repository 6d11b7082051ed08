//! Help → "How the plan is computed": the model in words and one worked example, in both languages; then "The
//! year's work": the year, the follow-up, the county round, data and borders, the outputs. The
//! control panel's section headers link here, and each control's tooltip names its section: F1 while the
//! pointer is on the control opens the page there.

mod texts;

use egui::{Context, Response, RichText, Ui};

use crate::gui::command::Command;
use crate::lang::Lang;
pub use texts::HelpTexts;

/// A section of the page, so a link can open it where it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HelpSection {
    #[default]
    Overview,
    Criteria,
    Rules,
    Rounding,
    Example,
    /// The year's work, from here on: the tabs beyond the model.
    Year,
    FollowUp,
    CountyRound,
    Data,
    Outputs,
}

impl HelpSection {
    fn heading(self, t: &HelpTexts) -> &'static str {
        match self {
            HelpSection::Overview => t.overview_heading,
            HelpSection::Criteria => t.criteria_heading,
            HelpSection::Rules => t.rules_heading,
            HelpSection::Rounding => t.rounding_heading,
            HelpSection::Example => t.example_heading,
            HelpSection::Year => t.year_heading,
            HelpSection::FollowUp => t.followup_heading,
            HelpSection::CountyRound => t.county_heading,
            HelpSection::Data => t.data_heading,
            HelpSection::Outputs => t.outputs_heading,
        }
    }
}

/// Where the section of the control under the pointer is kept from one frame to the next.
fn hovered_id() -> egui::Id {
    egui::Id::unique("help section under the pointer")
}

/// The control's tooltip `tip` with a last line naming its help section ("F1: help on …"); F1 while the
/// pointer is on the control opens the page at `section`.
pub fn tip(response: Response, tip: &str, section: HelpSection, lang: Lang) -> Response {
    if response.hovered() {
        response.ctx.data_mut(|d| d.insert_temp(hovered_id(), section));
    }
    let t = HelpTexts::get(lang);
    response.on_hover_text(format!("{tip}\n\n{}{}{}", t.f1_on, section.heading(t), t.f1_end))
}

/// The section of the control the pointer was on last frame, if any; cleared, so it lasts one frame.
/// Shortcuts are read before anything is drawn, so what was hovered last frame is what F1 means.
pub fn take_hovered(ctx: &Context) -> Option<HelpSection> {
    ctx.data_mut(|d| d.remove_temp::<HelpSection>(hovered_id()))
}

/// The page as a window, while it is open.
pub fn show(ctx: &Context, open: Option<HelpSection>, lang: Lang, cmds: &mut Vec<Command>) {
    let Some(section) = open else { return };
    let t = HelpTexts::get(lang);
    let mut keep_open = true;
    egui::Window::new(t.window_title)
        .id(egui::Id::unique("help window"))
        .open(&mut keep_open)
        .default_size([620.0, 620.0])
        .vscroll(true)
        .show(ctx, |ui| page(ui, section, t));
    if !keep_open {
        cmds.push(Command::ShowHelp(None));
    }
}

fn page(ui: &mut Ui, section: HelpSection, t: &HelpTexts) {
    let part = |ui: &mut Ui, which: HelpSection, heading: &str, body: &[&str]| {
        let r = ui.label(RichText::new(heading).heading());
        if which == section && which != HelpSection::Overview {
            r.scroll_to_me(Some(egui::Align::TOP));
        }
        for paragraph in body {
            ui.label(*paragraph);
            ui.add_space(4.0);
        }
        ui.add_space(8.0);
    };
    part(ui, HelpSection::Overview, t.overview_heading, &[t.overview]);
    part(ui, HelpSection::Criteria, t.criteria_heading, &[t.criteria, t.keys, t.missing]);
    part(ui, HelpSection::Rules, t.rules_heading, &[t.rules, t.overrides]);
    part(ui, HelpSection::Rounding, t.rounding_heading, &[t.rounding, t.minors]);
    part(ui, HelpSection::Example, t.example_heading, &[t.example_setup]);
    egui::Grid::new("help example").striped(true).num_columns(6).show(ui, |ui| {
        for row in t.example_table.lines() {
            for cell in row.split('|') {
                ui.label(cell);
            }
            ui.end_row();
        }
    });
    ui.add_space(6.0);
    ui.label(t.example_drop);
    ui.label(t.example_result);
    ui.add_space(12.0);
    ui.separator();
    let r = ui.label(RichText::new(t.work_title).heading().strong());
    if section == HelpSection::Year {
        r.scroll_to_me(Some(egui::Align::TOP));
    }
    ui.add_space(6.0);
    part(ui, HelpSection::Year, t.year_heading, &[t.year]);
    part(ui, HelpSection::FollowUp, t.followup_heading, &[t.followup]);
    part(ui, HelpSection::CountyRound, t.county_heading, &[t.county]);
    part(ui, HelpSection::Data, t.data_heading, &[t.data]);
    part(ui, HelpSection::Outputs, t.outputs_heading, &[t.outputs]);
}

/// A small "?" that opens the page at `section`.
pub fn link(ui: &mut Ui, section: HelpSection, lang: Lang, cmds: &mut Vec<Command>) {
    let t = HelpTexts::get(lang);
    if ui.small_button("?").on_hover_text(t.link_tip).clicked() {
        cmds.push(Command::ShowHelp(Some(section)));
    }
}

#[cfg(test)]
mod example_tests;
