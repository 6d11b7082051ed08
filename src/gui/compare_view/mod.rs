//! The Compare tab: the current plan against a baseline (a dataset column such as last year's request, the
//! scenario as last saved, or another scenario file). The diff follows every edit. Shows the totals of both
//! sides, the one-line summary, a sortable diff table per municipality and per county, and a chart of the
//! largest gains and losses; exports the comparison as a workbook or CSV.

mod apply;
mod board;
mod chart;
mod counties;
mod state;
mod table;
mod texts;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use egui::{Color32, RichText, Ui};
use egui_extras::{Size, StripBuilder};

use crate::analysis::{Comparison, summary_line, totals_line};
use crate::export::{ComparedPlan, ExportFormat, PlanTotals};
use crate::gui::command::Command;
use crate::gui::view::ViewAction;
use crate::lang::Lang;
use crate::numfmt;

pub use apply::inputs;
pub use state::{BaselineChoice, BaselinePlan, CompareState, DiffError, Inputs, column_title, reference_columns};
pub use table::{DiffSort, DiffView};
pub use texts::CompareTexts;

/// What the Compare tab asks for. Sorting and filtering of its tables are edited in place.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareCmd {
    /// Compare with a dataset column, by id.
    UseColumn(String),
    /// Compare with the open scenario as last saved.
    UseSaved,
    /// Shows the open dialog (or the path field) for a baseline scenario.
    PickFile,
    /// Reads a baseline scenario; a broken file is reported and changes nothing.
    LoadFile(PathBuf),
    /// Shows the save dialog for an export of the comparison.
    ExportDialog(ExportFormat),
    /// Writes the comparison (asks first when the file exists).
    Export(PathBuf, ExportFormat),
    /// The board: shows the open dialog for a scenario to add.
    BoardPickFile,
    /// Adds a scenario file to the board; a broken file or one on another dataset is reported.
    BoardLoad(PathBuf),
    /// Adds the open scenario as last saved.
    BoardAddSaved,
    BoardRemove(usize),
    /// Compare shares (each scenario scaled to the first one's total).
    BoardScaled(bool),
    BoardExportDialog(ExportFormat),
    /// Writes the board (asks first when the file exists).
    BoardExport(PathBuf, ExportFormat),
}

/// A file the Compare tab asks for through the file dialog or the path field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareFile {
    Baseline,
    Export(ExportFormat),
    /// A scenario for the board.
    BoardScenario,
    /// Where the board is exported.
    BoardExport(ExportFormat),
}

impl CompareFile {
    /// The command that uses the chosen path.
    pub fn command(self, path: PathBuf) -> Command {
        Command::Compare(match self {
            CompareFile::Baseline => CompareCmd::LoadFile(path),
            CompareFile::Export(format) => CompareCmd::Export(path, format),
            CompareFile::BoardScenario => CompareCmd::BoardLoad(path),
            CompareFile::BoardExport(format) => CompareCmd::BoardExport(path, format),
        })
    }

    /// Opens an existing file (rather than naming a new one).
    pub fn opens(self) -> bool {
        matches!(self, CompareFile::Baseline | CompareFile::BoardScenario)
    }

    pub fn extension(self) -> &'static str {
        match self {
            CompareFile::Baseline | CompareFile::BoardScenario => "ron",
            CompareFile::Export(format) | CompareFile::BoardExport(format) => format.extension(),
        }
    }

    /// The name a save dialog suggests: `<scenario>-sammenligning.xlsx`.
    pub fn file_name(self, scenario_name: &str, lang: Lang) -> String {
        match self {
            CompareFile::Baseline | CompareFile::BoardScenario => String::new(),
            CompareFile::Export(_) => {
                format!("{scenario_name}-{}.{}", CompareTexts::get(lang).export_suffix, self.extension())
            }
            CompareFile::BoardExport(_) => {
                format!("{scenario_name}-{}.{}", lang.pick("tavle", "board"), self.extension())
            }
        }
    }

    /// The native dialog's file filters.
    pub fn filters(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            CompareFile::Baseline | CompareFile::BoardScenario => &[("RON", &["ron"])],
            CompareFile::Export(ExportFormat::Xlsx) | CompareFile::BoardExport(ExportFormat::Xlsx) => {
                &[("XLSX", &["xlsx"]), ("CSV", &["csv"])]
            }
            CompareFile::Export(ExportFormat::Csv(_)) | CompareFile::BoardExport(ExportFormat::Csv(_)) => {
                &[("CSV", &["csv"]), ("XLSX", &["xlsx"])]
            }
        }
    }

    /// The path field's title.
    pub fn title(self, lang: Lang) -> &'static str {
        let t = CompareTexts::get(lang);
        match self {
            CompareFile::Baseline | CompareFile::BoardScenario => t.open_path,
            CompareFile::Export(_) | CompareFile::BoardExport(_) => t.export_path,
        }
    }
}

/// Which table fills the left of the tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Municipalities,
    Counties,
}

/// A count or a reference value: whole numbers without decimals.
pub(super) fn number(v: f64, lang: Lang) -> String {
    if v.fract() == 0.0 { numfmt::integer(v, lang) } else { numfmt::decimal(v, 1, lang) }
}

/// A change with its sign: "+12", "−5" (bokmål minus), "0".
pub(super) fn signed(v: f64, lang: Lang) -> String {
    let s = number(v, lang);
    if v > 0.0 { format!("+{s}") } else { s }
}

/// More blue, fewer orange (the Okabe–Ito pair: apart for colour-blind readers too, and neither reads as good
/// or bad); no colour for no change.
pub(super) fn change_colour(dark: bool, change: f64) -> Option<Color32> {
    match (change > 0.0, change < 0.0, dark) {
        (true, _, false) => Some(Color32::from_rgb(0, 114, 178)),
        (true, _, true) => Some(Color32::from_rgb(86, 180, 233)),
        (_, true, false) => Some(Color32::from_rgb(213, 94, 0)),
        (_, true, true) => Some(Color32::from_rgb(230, 159, 0)),
        _ => None,
    }
}

/// Text in the colour of its change (none for no change).
pub(super) fn coloured(text: String, colour: Option<Color32>) -> RichText {
    let text = RichText::new(text);
    match colour {
        Some(c) => text.color(c),
        None => text,
    }
}

/// One frame of the tab. Returns the municipality the user clicked (table or chart).
pub fn show(
    ui: &mut Ui,
    state: &mut CompareState,
    inputs: &Inputs,
    selected: Option<usize>,
    dialog_open: bool,
    cmds: &mut Vec<Command>,
) -> Vec<ViewAction> {
    let t = CompareTexts::get(inputs.lang);
    board::show(ui, &mut state.board, inputs, dialog_open, cmds);
    let diff = state.sync(inputs).cloned();
    toolbar(ui, state, inputs, dialog_open, matches!(diff, Some(Ok(_))), cmds);
    ui.separator();
    let c = match diff {
        None => {
            ui.label(t.hint);
            return Vec::new();
        }
        Some(Err(e)) => {
            error_banner(ui, &e.message(inputs.lang));
            return Vec::new();
        }
        Some(Ok(c)) => c,
    };
    if let Some((now, before)) = state.plans(inputs, &c) {
        overview(ui, &c, &now, &before, inputs.lang);
    }
    ui.separator();
    body(ui, state, inputs, &c, selected)
}

fn toolbar(
    ui: &mut Ui,
    state: &CompareState,
    inputs: &Inputs,
    dialog_open: bool,
    can_export: bool,
    cmds: &mut Vec<Command>,
) {
    let t = CompareTexts::get(inputs.lang);
    let lang = inputs.lang;
    let choice = state.choice();
    ui.horizontal_wrapped(|ui| {
        ui.label(t.compare_with);
        let chosen_column = match choice {
            Some(BaselineChoice::Column(id)) => Some(id.as_str()),
            _ => None,
        };
        let columns = reference_columns(inputs.dataset, inputs.scenario);
        let selected_text = chosen_column.map_or_else(
            || format!("{} ({})", t.column, t.choose_column),
            |id| format!("{}: {}", t.column_version, column_title(inputs.dataset, id, lang)),
        );
        egui::ComboBox::from_id_salt("compare.column")
            .selected_text(RichText::new(selected_text).strong_if(chosen_column.is_some()))
            .width(260.0)
            .truncate()
            .show_ui(ui, |ui| {
                if columns.is_empty() {
                    ui.weak(t.no_columns);
                }
                for id in columns {
                    let is = chosen_column == Some(id);
                    if ui.selectable_label(is, column_title(inputs.dataset, id, lang)).clicked() && !is {
                        cmds.push(Command::Compare(CompareCmd::UseColumn(id.to_owned())));
                    }
                }
            })
            .response
            .on_hover_text(t.column_tip);
        let saved = choice == Some(&BaselineChoice::Saved);
        if ui.selectable_label(saved, t.saved).on_hover_text(t.saved_tip).clicked() && !saved {
            cmds.push(Command::Compare(CompareCmd::UseSaved));
        }
        let file_label = match choice {
            Some(BaselineChoice::File(path)) => format!(
                "{}: {}",
                t.file_version,
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
            ),
            _ => t.file.to_owned(),
        };
        let is_file = matches!(choice, Some(BaselineChoice::File(_)));
        let hover = match choice {
            Some(BaselineChoice::File(path)) => format!("{}\n{}", path.display(), t.file_tip),
            _ => t.file_tip.to_owned(),
        };
        let button = egui::Button::selectable(is_file, file_label);
        if ui.add_enabled(!dialog_open, button).on_hover_text(hover).clicked() {
            cmds.push(Command::Compare(CompareCmd::PickFile));
        }
        ui.separator();
        ui.add_enabled_ui(can_export && !dialog_open, |ui| {
            if let Some(format) = crate::gui::panels::widgets::export_formats_menu(ui, t.export, inputs.lang) {
                cmds.push(Command::Compare(CompareCmd::ExportDialog(format)));
            }
        });
    });
}

trait StrongIf {
    fn strong_if(self, yes: bool) -> Self;
}

impl StrongIf for RichText {
    fn strong_if(self, yes: bool) -> Self {
        if yes { self.strong() } else { self }
    }
}

fn error_banner(ui: &mut Ui, text: &str) {
    let fill = if ui.visuals().dark_mode { Color32::from_rgb(90, 30, 30) } else { Color32::from_rgb(255, 225, 225) };
    egui::Frame::new().fill(fill).corner_radius(4.0).inner_margin(8.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(format!("⛔ {text}")).strong());
    });
}

/// What is compared, the totals of both sides, and the summary line.
fn overview(ui: &mut Ui, c: &Comparison, now: &ComparedPlan, before: &ComparedPlan, lang: Lang) {
    let t = CompareTexts::get(lang);
    ui.horizontal_top(|ui| {
        egui::Grid::new("compare.totals").num_columns(4).striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
            ui.label("");
            ui.strong(t.baseline);
            ui.strong(t.now);
            ui.strong(t.change);
            ui.end_row();
            let lines = PlanTotals::side_by_side(&before.totals, &now.totals);
            for (label, [b, a, change]) in [t.target, t.allocated, t.asked, t.minors].into_iter().zip(lines) {
                ui.label(label);
                for v in [b, a] {
                    ui.label(v.map_or("–".to_owned(), |v| number(v, lang)));
                }
                let text = change.map_or("–".to_owned(), |d| signed(d, lang));
                ui.label(coloured(text, change.and_then(|d| change_colour(ui.visuals().dark_mode, d))));
                ui.end_row();
            }
        });
        // A separator here would take the whole height of the tab.
        ui.add_space(24.0);
        ui.vertical(|ui| {
            ui.label(RichText::new(summary_line(c, lang)).strong().size(16.0));
            ui.label(totals_line(c, lang));
            if let Some(b) = &c.borders {
                ui.label(
                    RichText::new(format!("{} {}", t.other_borders, b.summary(lang))).color(ui.visuals().warn_fg_color),
                )
                .on_hover_text(b.details(lang).join("\n"));
            }
            if c.missing_before > 0 {
                ui.weak(format!("{} {}", numfmt::integer(c.missing_before as f64, lang), t.missing));
            }
            ui.add_space(4.0);
            ui.label(format!("{}: {}", t.now, now.description));
            ui.label(format!("{}: {}", t.baseline, before.description));
        });
    });
}

/// The diff table (or the county table) on the left, the chart on the right.
fn body(
    ui: &mut Ui,
    state: &mut CompareState,
    inputs: &Inputs,
    c: &Comparison,
    selected: Option<usize>,
) -> Vec<ViewAction> {
    let t = CompareTexts::get(inputs.lang);
    let lang = inputs.lang;
    let mut actions = Vec::new();
    let key = state.diff_key();
    let fresh = state.rows.as_ref().is_some_and(|(g, s, v, _)| (*g, *s) == key && *v == state.table);
    if !fresh {
        let rows = table::order(inputs.dataset, c, &state.table);
        state.rows = Some((key.0, key.1, state.table.clone(), rows));
    }
    let rows = state.rows.as_ref().map(|(_, _, _, r)| r.clone()).unwrap_or_default();
    // A selection made elsewhere (map, charts) scrolls into view once.
    let scroll_to = if state.shown_selection != selected {
        state.shown_selection = selected;
        selected.and_then(|s| rows.iter().position(|&r| r == s))
    } else {
        None
    };
    let selected_county = selected.and_then(|s| inputs.dataset.municipalities.get(s)).map(|m| m.county_code.as_str());
    // Clipped cells: a wide table must not push the chart out of the window.
    StripBuilder::new(ui)
        .clip(true)
        .size(Size::remainder().at_least(380.0))
        .size(Size::relative(0.34).at_least(260.0))
        .horizontal(|mut strip| {
            strip.cell(|ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut state.pane, Pane::Municipalities, t.name);
                    ui.selectable_value(&mut state.pane, Pane::Counties, t.counties);
                });
                match state.pane {
                    Pane::Municipalities => {
                        let clicked =
                            table::show(ui, inputs.dataset, c, &mut state.table, &rows, selected, scroll_to, lang);
                        if let Some(action) = clicked {
                            // A row clicked here is already in view.
                            if let ViewAction::Select(row) = action {
                                state.shown_selection = row;
                            }
                            actions.push(action);
                        }
                    }
                    Pane::Counties => counties::show(ui, c, selected_county, lang),
                }
            });
            strip.cell(|ui| {
                if let Some(row) = chart::show(ui, inputs.dataset, c, selected, lang) {
                    actions.push(ViewAction::Select(Some(row)));
                }
            });
        });
    actions
}
