//! The rules: who is not asked, and limits on what anyone is asked for.

use egui::{CollapsingHeader, Grid, Ui};

use super::widgets::{column_combo, count_field, decimal_field, push_edit};
use crate::data::{Dataset, Kind};
use crate::gui::command::Command;
use crate::gui::edit::Edit;
use crate::gui::help::{self, HelpSection};
use crate::lang::Lang;
use crate::scenario::{BelowMinimum, ChangeBand, Scenario, Start};

texts!(RuleTexts {
    rules: "Regler", "Rules";
    ceiling: "Tak for innvandrerandel (%)", "Immigrant-share ceiling (%)";
    ceiling_tip: "Kommuner med høyere innvandrerandel enn dette blir ikke anmodet.",
        "Municipalities with a higher immigrant share than this are not asked.";
    min_population: "Minste folketall", "Minimum population";
    min_population_tip: "Kommuner med færre innbyggere blir ikke anmodet.",
        "Municipalities with fewer inhabitants are not asked.";
    min_request: "Minste anmodning", "Minimum request";
    min_request_tip: "Ingen anmodes om færre enn dette; kommuner med mindre andel faller ut.",
        "Nobody is asked for fewer than this; municipalities with a smaller share drop out.";
    max_per_1000: "Høyst per 1 000 innbyggere", "At most per 1,000 inhabitants";
    max_per_1000_tip: "Ingen kommune anmodes om flere enn dette per 1 000 innbyggere.",
        "No municipality is asked for more than this per 1,000 inhabitants.";
    capacity: "Kapasitetstak", "Capacity cap";
    capacity_tip: "En kolonne med hver kommunes kapasitet; anmodningen blir aldri større.",
        "A column with each municipality's capacity; the request never exceeds it.";
    minors_threshold: "Terskel for enslige mindreårige", "Threshold for unaccompanied minors";
    minors_threshold_tip: "Enslige mindreårige fordeles bare til kommuner som anmodes om minst så mange.",
        "Unaccompanied minors go only to municipalities asked for at least this many.";
    below_minimum: "Andel under minste anmodning", "Share below the minimum request";
    below_minimum_tip: "Ikke anmodet: kommunen faller ut. Løftet: alle med nøkkel over null anmodes om minst minste anmodning. Løftet for dem starten anmodet: bare de som var anmodet i startkolonnen løftes.",
        "Not asked: the municipality drops out. Raised: everyone with a key above zero is asked for at least the minimum. Raised for those the start asked: only those asked in the start column are raised.";
    band: "Endringsbånd", "Change band";
    band_tip: "En kommune med verdi v i kolonnen anmodes om mellom nedre·v og øvre·v (stabilitet for kommuner som har bygd opp tjenester).",
        "A municipality with value v in the column is asked for between lower·v and upper·v (stability for municipalities that built up services).";
    band_factors: "Nedre og øvre faktor", "Lower and upper factor";
    band_lower: "nedre", "lower";
    band_upper: "øvre", "upper";
    start: "Start fra kolonne", "Start from column";
    start_tip: "Planen starter fra kolonnen (som regel fjorårets anmodning) skalert til målet, og kriteriene flytter den med andelen under. Uten start avgjør kriteriene alene.",
        "The plan starts from the column (usually last year's request) scaled to the target, and the criteria move it by the share below. Without a start the criteria decide alone.";
    start_share: "Kriterienes andel (%)", "Share of the criteria (%)";
    start_share_tip: "0 %: fjorårets anmodning skalert til målet. 100 %: kriteriene alene. Ny anmodning fra i fjor … (Fil) tilpasser andelen.",
        "0 %: last year's request scaled to the target. 100 %: the criteria alone. Next year's request from last year's… (File) fits the share.";
});

/// The share of the criteria a new start gets (the fitted share on 2018 → 2019 was 0.44).
const DEFAULT_START_SHARE: f64 = 0.5;

const DEFAULT_BAND: (f64, f64) = (0.5, 1.5);

const DEFAULT_CEILING: f64 = 30.0;
const DEFAULT_MIN_POPULATION: u32 = 1000;
const DEFAULT_MAX_PER_1000: f64 = 10.0;

pub fn show(ui: &mut Ui, scenario: &Scenario, dataset: &Dataset, lang: Lang, cmds: &mut Vec<Command>) {
    let t = RuleTexts::get(lang);
    let r = &scenario.rules;
    CollapsingHeader::new(t.rules).id_salt("rules").default_open(true).show(ui, |ui| {
        help::link(ui, HelpSection::Rules, lang, cmds);
        Grid::new("rules grid").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            // Ceiling: on/off and the percentage.
            let mut on = r.immigrant_share_ceiling.is_some();
            if help::tip(ui.checkbox(&mut on, t.ceiling), t.ceiling_tip, HelpSection::Rules, lang).changed() {
                let v = on.then_some(DEFAULT_CEILING);
                cmds.push(Command::Edit { edit: Edit::SetCeiling(v), gesture: None });
            }
            let value = r.immigrant_share_ceiling.unwrap_or(DEFAULT_CEILING);
            let (resp, v) = ui.add_enabled_ui(on, |ui| decimal_field(ui, value, 0.0..=100.0, 0.5, 1, lang)).inner;
            let resp = help::tip(resp, t.ceiling_tip, HelpSection::Rules, lang);
            push_edit(&resp, on && v != value, Edit::SetCeiling(Some(v)), cmds);
            ui.end_row();

            let mut on = r.min_population.is_some();
            if help::tip(ui.checkbox(&mut on, t.min_population), t.min_population_tip, HelpSection::Rules, lang)
                .changed()
            {
                let v = on.then_some(DEFAULT_MIN_POPULATION);
                cmds.push(Command::Edit { edit: Edit::SetMinPopulation(v), gesture: None });
            }
            let value = r.min_population.unwrap_or(DEFAULT_MIN_POPULATION);
            let (resp, v) = ui.add_enabled_ui(on, |ui| count_field(ui, value, 0..=100_000, 20.0, lang)).inner;
            let resp = help::tip(resp, t.min_population_tip, HelpSection::Rules, lang);
            push_edit(&resp, on && v != value, Edit::SetMinPopulation(Some(v)), cmds);
            ui.end_row();

            let label = ui.label(t.min_request).on_hover_text(t.min_request_tip);
            let (resp, v) = count_field(ui, r.min_request, 0..=1000, 0.2, lang);
            let resp = help::tip(resp.labelled_by(label.id), t.min_request_tip, HelpSection::Rules, lang);
            push_edit(&resp, v != r.min_request, Edit::SetMinRequest(v), cmds);
            ui.end_row();

            let mut on = r.max_per_1000.is_some();
            if help::tip(ui.checkbox(&mut on, t.max_per_1000), t.max_per_1000_tip, HelpSection::Rules, lang).changed() {
                let v = on.then_some(DEFAULT_MAX_PER_1000);
                cmds.push(Command::Edit { edit: Edit::SetMaxPer1000(v), gesture: None });
            }
            let value = r.max_per_1000.unwrap_or(DEFAULT_MAX_PER_1000);
            let (resp, v) = ui.add_enabled_ui(on, |ui| decimal_field(ui, value, 0.1..=1000.0, 0.05, 1, lang)).inner;
            let resp = help::tip(resp, t.max_per_1000_tip, HelpSection::Rules, lang);
            push_edit(&resp, on && v != value, Edit::SetMaxPer1000(Some(v)), cmds);
            ui.end_row();

            let mut on = r.capacity_column.is_some();
            if help::tip(ui.checkbox(&mut on, t.capacity), t.capacity_tip, HelpSection::Rules, lang).changed() {
                let v = if on { default_capacity_column(dataset) } else { None };
                cmds.push(Command::Edit { edit: Edit::SetCapacityColumn(v), gesture: None });
            }
            let current = r.capacity_column.as_deref();
            let choice = ui
                .add_enabled_ui(on, |ui| column_combo(ui, "capacity", current, dataset, lang, None, t.capacity_tip))
                .inner;
            if let Some(choice) = choice {
                cmds.push(Command::Edit { edit: Edit::SetCapacityColumn(choice), gesture: None });
            }
            ui.end_row();

            let label = ui.label(t.minors_threshold).on_hover_text(t.minors_threshold_tip);
            let (resp, v) = count_field(ui, r.minors_threshold, 0..=1000, 0.2, lang);
            let resp = help::tip(resp.labelled_by(label.id), t.minors_threshold_tip, HelpSection::Rules, lang);
            push_edit(&resp, v != r.minors_threshold, Edit::SetMinorsThreshold(v), cmds);
            ui.end_row();

            bounds_rows(ui, scenario, dataset, lang, cmds);
        });
    });
}

/// A capacity column to start from: refugees settled in recent years when the dataset has it.
fn default_capacity_column(dataset: &Dataset) -> Option<String> {
    dataset
        .column("bosatt_snitt_2017_2019")
        .or_else(|| dataset.columns.iter().find(|c| c.meta.kind == Kind::Extensive))
        .or_else(|| dataset.columns.first())
        .map(|c| c.meta.id.clone())
}

/// The bound rules: what happens below the minimum request, and the change band around a column.
fn bounds_rows(ui: &mut Ui, scenario: &Scenario, dataset: &Dataset, lang: Lang, cmds: &mut Vec<Command>) {
    let t = RuleTexts::get(lang);
    let r = &scenario.rules;
    let label = ui.label(t.below_minimum).on_hover_text(t.below_minimum_tip);
    egui::ComboBox::from_id_salt("below_minimum")
        .selected_text(r.below_minimum.label(lang))
        .show_ui(ui, |ui| {
            for choice in BelowMinimum::ALL {
                if ui.selectable_label(r.below_minimum == choice, choice.label(lang)).clicked()
                    && r.below_minimum != choice
                {
                    cmds.push(Command::Edit { edit: Edit::SetBelowMinimum(choice), gesture: None });
                }
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(t.below_minimum_tip);
    ui.end_row();

    let mut on = r.change_band.is_some();
    if help::tip(ui.checkbox(&mut on, t.band), t.band_tip, HelpSection::Rules, lang).changed() {
        let band = on.then(|| {
            let column =
                scenario.reference_column.clone().or_else(|| dataset.columns.first().map(|c| c.meta.id.clone()));
            ChangeBand { column: column.unwrap_or_default(), lower: DEFAULT_BAND.0, upper: DEFAULT_BAND.1 }
        });
        cmds.push(Command::Edit { edit: Edit::SetChangeBand(band), gesture: None });
    }
    let current = r.change_band.as_ref().map(|b| b.column.as_str());
    let choice =
        ui.add_enabled_ui(on, |ui| column_combo(ui, "change_band", current, dataset, lang, None, t.band_tip)).inner;
    if let (Some(Some(column)), Some(band)) = (choice, &r.change_band) {
        cmds.push(Command::Edit {
            edit: Edit::SetChangeBand(Some(ChangeBand { column, ..band.clone() })),
            gesture: None,
        });
    }
    ui.end_row();

    if let Some(band) = &r.change_band {
        ui.label(t.band_factors).on_hover_text(t.band_tip);
        ui.horizontal(|ui| {
            let label = ui.label(t.band_lower);
            let (resp, lower) = decimal_field(ui, band.lower, 0.0..=10.0, 0.01, 2, lang);
            let resp = resp.labelled_by(label.id);
            push_edit(
                &resp,
                lower != band.lower,
                Edit::SetChangeBand(Some(ChangeBand { lower, ..band.clone() })),
                cmds,
            );
            let label = ui.label(t.band_upper);
            let (resp, upper) = decimal_field(ui, band.upper, 0.0..=10.0, 0.01, 2, lang);
            let resp = resp.labelled_by(label.id);
            push_edit(
                &resp,
                upper != band.upper,
                Edit::SetChangeBand(Some(ChangeBand { upper, ..band.clone() })),
                cmds,
            );
        });
        ui.end_row();
    }
    start_rows(ui, scenario, dataset, lang, cmds);
}

/// The start: a column the plan starts from, scaled to the target, and the share the criteria move it by.
fn start_rows(ui: &mut Ui, scenario: &Scenario, dataset: &Dataset, lang: Lang, cmds: &mut Vec<Command>) {
    let t = RuleTexts::get(lang);
    let mut on = scenario.start.is_some();
    if help::tip(ui.checkbox(&mut on, t.start), t.start_tip, HelpSection::Rules, lang).changed() {
        let start = on.then(|| {
            // The newest request is last year's, as a rule.
            let newest = dataset
                .roles()
                .filter_map(|(c, role)| match role {
                    crate::data::ColumnRole::Request { year } => Some((year, c.meta.id.clone())),
                    _ => None,
                })
                .max()
                .map(|(_, id)| id);
            let column = newest.or_else(|| scenario.reference_column.clone()).unwrap_or_default();
            Start { column, criteria_share: DEFAULT_START_SHARE }
        });
        cmds.push(Command::Edit { edit: Edit::SetStart(start), gesture: None });
    }
    let current = scenario.start.as_ref().map(|s| s.column.as_str());
    let choice = ui.add_enabled_ui(on, |ui| column_combo(ui, "start", current, dataset, lang, None, t.start_tip)).inner;
    if let (Some(Some(column)), Some(start)) = (choice, &scenario.start) {
        cmds.push(Command::Edit { edit: Edit::SetStart(Some(Start { column, ..start.clone() })), gesture: None });
    }
    ui.end_row();

    if let Some(start) = &scenario.start {
        let label = ui.label(t.start_share).on_hover_text(t.start_share_tip);
        let (resp, percent) = decimal_field(ui, start.criteria_share * 100.0, 0.0..=100.0, 1.0, 0, lang);
        let resp = resp.labelled_by(label.id).on_hover_text(t.start_share_tip);
        let share = percent / 100.0;
        push_edit(
            &resp,
            (share - start.criteria_share).abs() > 1e-9,
            Edit::SetStart(Some(Start { criteria_share: share, ..start.clone() })),
            cmds,
        );
        ui.end_row();
    }
}
