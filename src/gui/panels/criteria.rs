//! The criteria: one block each with its weight, indicator column and missing-value policy; then the size
//! exponent.

use egui::{CollapsingHeader, RichText, Ui};

use super::widgets::{column_combo, push_edit};
use crate::data::Dataset;
use crate::gui::command::Command;
use crate::gui::edit::Edit;
use crate::gui::help::{self, HelpSection};
use crate::lang::Lang;
use crate::numfmt;
use crate::scenario::{CriterionId, MissingPolicy, Scenario};

texts!(CriteriaTexts {
    criteria: "Kriterier", "Criteria";
    weight_tip: "Vekten til kriteriet; prosenten er andelen av summen av alle vekter.",
        "The criterion's weight; the percentage is its share of all weights together.";
    column: "Indikator", "Indicator";
    column_tip: "Kolonnen i datasettet som måler kriteriet.", "The dataset column that measures the criterion.";
    missing: "Manglende verdier", "Missing values";
    missing_tip: "Hvordan tomme celler i indikatoren fylles før modellen bruker dem.",
        "How empty cells of the indicator are filled before the model uses them.";
    column_default: "kolonnens standard", "the column's default";
    size_exponent: "Størrelseseksponent", "Size exponent";
    size_exponent_tip: "Folketallet opphøyes i denne potensen; under 1 demper det store kommuner.",
        "Population is raised to this power; below 1 it dampens large municipalities.";
    no_weights: "Alle vekter er null.", "All weights are zero.";
});

pub fn show(ui: &mut Ui, scenario: &Scenario, dataset: &Dataset, lang: Lang, cmds: &mut Vec<Command>) {
    let t = CriteriaTexts::get(lang);
    let shares = scenario.normalised_weights();
    let warnings = crate::analysis::data_warnings(scenario, dataset);
    CollapsingHeader::new(t.criteria).id_salt("criteria").default_open(true).show(ui, |ui| {
        help::link(ui, HelpSection::Criteria, lang, cmds);
        if shares.is_none() {
            ui.colored_label(ui.visuals().warn_fg_color, t.no_weights);
        }
        for (idx, c) in scenario.criteria.iter().enumerate() {
            ui.push_id(idx, |ui| {
                let share = shares.as_ref().and_then(|s| s.get(idx)).copied().unwrap_or(0.0);
                let name = ui
                    .horizontal(|ui| {
                        let name = ui.label(RichText::new(c.id.label(lang)).strong());
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.label(numfmt::percent(share, 1, lang));
                        });
                        name
                    })
                    .inner;
                let mut weight = c.weight;
                // Room for the value box beside the slider.
                ui.spacing_mut().slider_width = (ui.available_width() - 70.0).max(120.0);
                let r = ui
                    .add(
                        egui::Slider::new(&mut weight, 0.0..=100.0)
                            .clamping(egui::SliderClamping::Edits)
                            .step_by(1.0)
                            // The weight as the file holds it (7.7 is not shown as 8).
                            .custom_formatter(move |v, _| super::widgets::exact_decimal(v, 0, lang))
                            .custom_parser(super::widgets::parse_number)
                            .update_while_editing(false),
                    )
                    .labelled_by(name.id);
                let r = help::tip(r, t.weight_tip, HelpSection::Criteria, lang);
                super::widgets::focus_ring(ui, &r);
                push_edit(&r, weight != c.weight, Edit::SetWeight { idx, value: weight }, cmds);
                if c.id == CriterionId::Size {
                    size_exponent(ui, scenario, lang, cmds);
                } else {
                    indicator(ui, idx, c.column.as_deref(), c.missing, dataset, lang, cmds);
                }
                // A data-quality warning about this criterion's indicator, where the analyst sets it.
                for w in &warnings {
                    if let crate::analysis::DataWarning::MostlyFilled { criterion, .. } = w
                        && *criterion == c.id
                    {
                        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {}", w.message(lang)));
                    }
                }
                ui.add_space(6.0);
            });
        }
        crate::gui::calibrate_dialog::open_button(ui, lang, cmds);
    });
}

fn size_exponent(ui: &mut Ui, scenario: &Scenario, lang: Lang, cmds: &mut Vec<Command>) {
    let t = CriteriaTexts::get(lang);
    ui.horizontal(|ui| {
        let label = ui.label(t.size_exponent).on_hover_text(t.size_exponent_tip);
        ui.spacing_mut().slider_width = (ui.available_width() - 70.0).max(80.0);
        let mut a = scenario.size_exponent;
        let r = ui
            .add(
                egui::Slider::new(&mut a, 0.05..=1.0)
                    .clamping(egui::SliderClamping::Edits)
                    .step_by(0.05)
                    .custom_formatter(move |v, _| super::widgets::exact_decimal(v, 2, lang))
                    .custom_parser(super::widgets::parse_number)
                    .update_while_editing(false),
            )
            .labelled_by(label.id);
        let r = help::tip(r, t.size_exponent_tip, HelpSection::Criteria, lang);
        super::widgets::focus_ring(ui, &r);
        push_edit(&r, a != scenario.size_exponent, Edit::SetSizeExponent(a), cmds);
    });
}

fn indicator(
    ui: &mut Ui,
    idx: usize,
    column: Option<&str>,
    missing: Option<MissingPolicy>,
    dataset: &Dataset,
    lang: Lang,
    cmds: &mut Vec<Command>,
) {
    let t = CriteriaTexts::get(lang);
    egui::Grid::new(("indicator", idx)).num_columns(2).spacing([12.0, 4.0]).show(ui, |ui| {
        ui.label(t.column).on_hover_text(t.column_tip);
        if let Some(choice) = column_combo(ui, ("column", idx), column, dataset, lang, None, t.column_tip) {
            cmds.push(Command::Edit { edit: Edit::SetColumn { idx, column: choice }, gesture: None });
        }
        ui.end_row();

        ui.label(t.missing).on_hover_text(t.missing_tip);
        let default = column.and_then(|c| dataset.column(c)).map(|c| c.meta.default_missing);
        let default_text = match default {
            Some(p) => format!("{} ({})", t.column_default, p.label(lang)),
            None => t.column_default.to_owned(),
        };
        let selected = missing.map_or_else(|| default_text.clone(), |p| p.label(lang).to_owned());
        let mut choice = missing;
        let missing_box = egui::ComboBox::from_id_salt(("missing", idx))
            .selected_text(selected)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut choice, None, default_text);
                for p in MissingPolicy::ALL {
                    ui.selectable_value(&mut choice, Some(p), p.label(lang));
                }
            })
            .response;
        help::tip(missing_box, t.missing_tip, HelpSection::Criteria, lang);
        if choice != missing {
            cmds.push(Command::Edit { edit: Edit::SetMissing { idx, policy: choice }, gesture: None });
        }
        ui.end_row();
    });
}
