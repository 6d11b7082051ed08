//! The left panel: every input of the model, in the order the model uses them.

use egui::{CollapsingHeader, Grid, Ui};

use super::widgets::{column_combo, count_field, push_edit};
use crate::data::{Dataset, EMBEDDED_IDS};
use crate::engine::Method;
use crate::gui::command::Command;
use crate::gui::edit::Edit;
use crate::gui::help::{self, HelpSection};
use crate::lang::Lang;
use crate::scenario::{DatasetRef, Scenario};

texts!(ControlTexts {
    target: "Mål", "Target";
    total: "Flyktninger i alt", "Refugees in total";
    total_tip: "Hvor mange flyktninger som skal bosettes i alt; det er dette som fordeles.",
        "How many refugees are to be settled in total; this is what is distributed.";
    minors: "Herav enslige mindreårige", "Of which unaccompanied minors";
    minors_tip: "Enslige mindreårige fordeles bare til kommuner med en anmodning over terskelen under Regler.",
        "Unaccompanied minors go only to municipalities whose request reaches the threshold under Rules.";
    resettlement: "Herav overføringsflyktninger", "Of which resettlement refugees";
    resettlement_tip: "Et nasjonalt tall som vises og eksporteres; det fordeles ikke for seg.",
        "A national figure that is shown and exported; it is not distributed separately.";
    computation: "Beregning", "Computation";
    method: "Avrundingsmetode", "Rounding method";
    method_tip: "Hvordan andelene rundes til hele personer slik at summen blir nøyaktig målet.",
        "How the shares are rounded to whole people so that they sum exactly to the target.";
    county_first: "Fordel på fylker først", "Split across counties first";
    county_first_tip: "Fordel målet på fylkene først, og deretter innen hvert fylke.",
        "Split the target across the counties first, then within each county.";
    reference: "Sammenlign med", "Compare with";
    reference_tip: "En kolonne som vises ved siden av resultatet, for eksempel fjorårets anmodning.",
        "A column shown beside the result, for example last year's request.";
    no_reference: "ingen", "none";
    dataset: "Datasett", "Dataset";
    dataset_tip: "Kommunelisten og indikatorene scenarioet bruker.",
        "The municipality list and indicators the scenario uses.";
    dataset_file: "Datasettfil …", "Dataset file…";
});

pub fn show(
    ui: &mut Ui,
    scenario: &Scenario,
    dataset: &Dataset,
    plan: Option<&crate::engine::Allocation>,
    lang: Lang,
    cmds: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        target(ui, scenario, lang, cmds);
        super::criteria::show(ui, scenario, dataset, lang, cmds);
        super::rules::show(ui, scenario, dataset, lang, cmds);
        computation(ui, scenario, dataset, lang, cmds);
        crate::gui::overrides::panel(ui, scenario, dataset, plan, lang, cmds);
        crate::gui::overrides::notes(ui, scenario, lang, cmds);
        super::widgets::follow_focus(ui);
    });
}

fn target(ui: &mut Ui, scenario: &Scenario, lang: Lang, cmds: &mut Vec<Command>) {
    let t = ControlTexts::get(lang);
    let target = scenario.target;
    CollapsingHeader::new(t.target).id_salt("target").default_open(true).show(ui, |ui| {
        help::link(ui, HelpSection::Overview, lang, cmds);
        Grid::new("target grid").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            type Row<'a> = (&'a str, &'a str, u32, fn(u32) -> Edit);
            let rows: [Row; 3] = [
                (t.total, t.total_tip, target.total, Edit::SetTargetTotal),
                (t.minors, t.minors_tip, target.minors, Edit::SetTargetMinors),
                (t.resettlement, t.resettlement_tip, target.resettlement, Edit::SetResettlement),
            ];
            for (i, (label, tip, value, edit)) in rows.into_iter().enumerate() {
                let label = ui.label(label).on_hover_text(tip);
                let max = if i == 0 { 100_000 } else { target.total };
                let (r, v) = count_field(ui, value, 0..=max, if i == 0 { 10.0 } else { 1.0 }, lang);
                let r = help::tip(r.labelled_by(label.id), tip, HelpSection::Overview, lang);
                push_edit(&r, v != value, edit(v), cmds);
                ui.end_row();
            }
        });
    });
}

fn computation(ui: &mut Ui, scenario: &Scenario, dataset: &Dataset, lang: Lang, cmds: &mut Vec<Command>) {
    let t = ControlTexts::get(lang);
    CollapsingHeader::new(t.computation).id_salt("computation").default_open(true).show(ui, |ui| {
        help::link(ui, HelpSection::Rounding, lang, cmds);
        Grid::new("computation grid").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            ui.label(t.method).on_hover_text(t.method_tip);
            let mut method = scenario.rounding;
            let method_box = egui::ComboBox::from_id_salt("method")
                .selected_text(method.label(lang))
                .show_ui(ui, |ui| {
                    for m in Method::ALL {
                        ui.selectable_value(&mut method, m, m.label(lang));
                    }
                })
                .response;
            help::tip(method_box, t.method_tip, HelpSection::Rounding, lang);
            if method != scenario.rounding {
                cmds.push(Command::Edit { edit: Edit::SetMethod(method), gesture: None });
            }
            ui.end_row();

            ui.label("");
            let mut county_first = scenario.county_first;
            let county_box = ui.checkbox(&mut county_first, t.county_first);
            if help::tip(county_box, t.county_first_tip, HelpSection::Rounding, lang).changed() {
                cmds.push(Command::Edit { edit: Edit::SetCountyFirst(county_first), gesture: None });
            }
            ui.end_row();

            ui.label(t.reference).on_hover_text(t.reference_tip);
            let current = scenario.reference_column.as_deref();
            if let Some(choice) =
                column_combo(ui, "reference", current, dataset, lang, Some(t.no_reference), t.reference_tip)
            {
                cmds.push(Command::Edit { edit: Edit::SetReferenceColumn(choice), gesture: None });
            }
            ui.end_row();

            ui.label(t.dataset).on_hover_text(t.dataset_tip);
            let selected = match &scenario.dataset {
                DatasetRef::Embedded(id) => id.clone(),
                DatasetRef::File(path) => path.clone(),
            };
            egui::ComboBox::from_id_salt("dataset")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for id in EMBEDDED_IDS {
                        let chosen = DatasetRef::Embedded(id.to_owned());
                        if ui.selectable_label(scenario.dataset == chosen, id).clicked() && scenario.dataset != chosen {
                            cmds.push(Command::AskDataset(chosen));
                        }
                    }
                    ui.separator();
                    if ui.button(t.dataset_file).clicked() {
                        cmds.push(Command::Import(crate::gui::data_tab::ImportCmd::PickDatasetFile));
                    }
                })
                .response
                .on_hover_text(t.dataset_tip);
            ui.end_row();
        });
    });
}
