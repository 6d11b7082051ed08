//! The menu bar: File, Edit, View, Help.

use egui::{Button, Ui};

use crate::gui::command::Command;
use crate::gui::compare_view::CompareCmd;
use crate::gui::panels::widgets::export_formats_menu;
use crate::gui::shortcuts;
use crate::gui::view_state::Theme;
use crate::lang::Lang;

texts!(MenuTexts {
    file: "Fil", "File";
    new: "Ny", "New";
    open: "Åpne …", "Open…";
    recent: "Nylig brukt", "Recent files";
    no_recent: "Ingen nylig brukte filer", "No recent files";
    clear_recent: "Tøm listen", "Clear the list";
    save: "Lagre", "Save";
    save_as: "Lagre som …", "Save As…";
    import: "Importer indikator …", "Import indicator…";
    export: "Eksporter tabell", "Export table";
    export_comparison: "Eksporter sammenligning", "Export comparison";
    copy_table: "Kopier tabell", "Copy table";
    save_chart: "Eksporter figur (SVG/PNG) …", "Export figure (SVG/PNG)…";
    briefing: "Eksporter orientering (PDF) …", "Export briefing (PDF)…";
    quit: "Avslutt", "Quit";
    edit: "Rediger", "Edit";
    undo: "Angre", "Undo";
    redo: "Gjør om", "Redo";
    view: "Vis", "View";
    language: "Språk", "Language";
    bokmal: "Norsk bokmål", "Norsk bokmål";
    english: "English", "English";
    help: "Hjelp", "Help";
    theme: "Utseende", "Theme";
    light: "Lyst", "Light";
    dark: "Mørkt", "Dark";
    system: "Som systemet", "Follow the system";
    theme_tip: "Lyst passer for utskrift og projektor.", "Light suits print and projectors.";
    about: "Om bosetting", "About bosetting";
});

/// What the menu shows enabled and checked.
pub struct MenuState<'a> {
    pub lang: Lang,
    pub theme: Theme,
    /// Recent files, most recent first.
    pub recent: &'a [std::path::PathBuf],
    /// A native file dialog is open.
    pub picking: bool,
    pub has_result: bool,
    /// A figure or briefing is being written.
    pub writing: bool,
    pub can_undo: bool,
    pub can_redo: bool,
}

pub fn show(ui: &mut Ui, app: &MenuState<'_>, cmds: &mut Vec<Command>) {
    let t = MenuTexts::get(app.lang);
    let ctx = ui.ctx().clone();
    let item = |ui: &mut Ui, label: &str, shortcut: Option<&egui::KeyboardShortcut>, enabled: bool| {
        let mut button = Button::new(label);
        if let Some(s) = shortcut {
            button = button.shortcut_text(ctx.format_shortcut(s));
        }
        ui.add_enabled(enabled, button).clicked()
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t.file, |ui| {
            let no_dialog = !app.picking;
            if item(ui, t.new, Some(&shortcuts::NEW), true) {
                cmds.push(Command::New);
            }
            if item(ui, t.open, Some(&shortcuts::OPEN), no_dialog) {
                cmds.push(Command::OpenDialog);
            }
            ui.menu_button(t.recent, |ui| {
                if app.recent.is_empty() {
                    ui.weak(t.no_recent);
                }
                for path in app.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        cmds.push(Command::Open(path.clone()));
                    }
                }
                if !app.recent.is_empty() {
                    ui.separator();
                    if ui.button(t.clear_recent).clicked() {
                        cmds.push(Command::ClearRecent);
                    }
                }
            });
            ui.separator();
            let year = crate::gui::year_view::YearTexts::get(app.lang);
            if item(ui, year.new_year, None, no_dialog) {
                cmds.push(Command::Year(crate::gui::year_view::YearCmd::NewDialog));
            }
            if item(ui, year.open_year, None, no_dialog) {
                cmds.push(Command::Year(crate::gui::year_view::YearCmd::OpenDialog));
            }
            ui.separator();
            if item(ui, t.save, Some(&shortcuts::SAVE), no_dialog) {
                cmds.push(Command::Save);
            }
            if item(ui, t.save_as, Some(&shortcuts::SAVE_AS), no_dialog) {
                cmds.push(Command::SaveAsDialog);
            }
            ui.separator();
            if item(ui, t.import, None, no_dialog) {
                cmds.push(Command::Import(crate::gui::data_tab::ImportCmd::PickFile));
            }
            let has_result = app.has_result;
            ui.add_enabled_ui(has_result && no_dialog, |ui| {
                if let Some(format) = export_formats_menu(ui, t.export, app.lang) {
                    cmds.push(Command::ExportDialog(format));
                }
                // The comparison of the Compare tab (by default against the scenario's reference column).
                if let Some(format) = export_formats_menu(ui, t.export_comparison, app.lang) {
                    cmds.push(Command::Compare(CompareCmd::ExportDialog(format)));
                }
            });
            if item(ui, t.save_chart, None, has_result && no_dialog && !app.writing) {
                cmds.push(Command::SaveChartDialog);
            }
            if item(ui, t.briefing, None, has_result && no_dialog && !app.writing) {
                cmds.push(Command::BriefingDialog);
            }
            ui.separator();
            crate::gui::next_year_dialog::menu_item(ui, app.lang, no_dialog, cmds);
            ui.separator();
            if item(ui, t.quit, None, true) {
                cmds.push(Command::Quit);
            }
        });
        ui.menu_button(t.edit, |ui| {
            if item(ui, t.undo, Some(&shortcuts::UNDO), app.can_undo) {
                cmds.push(Command::Undo);
            }
            if item(ui, t.redo, Some(&shortcuts::REDO), app.can_redo) {
                cmds.push(Command::Redo);
            }
            ui.separator();
            if item(ui, t.copy_table, Some(&shortcuts::COPY_TABLE), app.has_result) {
                cmds.push(Command::CopyTable);
            }
            ui.separator();
            crate::gui::calibrate_dialog::menu_item(ui, app.lang, cmds);
        });
        ui.menu_button(t.view, |ui| {
            ui.label(t.language);
            // Each language is named in itself.
            for (lang, name) in [(Lang::Nb, t.bokmal), (Lang::En, t.english)] {
                if ui.radio(app.lang == lang, name).clicked() {
                    cmds.push(Command::SetLang(lang));
                }
            }
            ui.separator();
            ui.label(t.theme).on_hover_text(t.theme_tip);
            for theme in Theme::ALL {
                let name = match theme {
                    Theme::Light => t.light,
                    Theme::Dark => t.dark,
                    Theme::System => t.system,
                };
                if ui.radio(app.theme == theme, name).clicked() {
                    cmds.push(Command::SetTheme(theme));
                }
            }
        });
        ui.menu_button(t.help, |ui| {
            let how = crate::gui::help::HelpTexts::get(app.lang).title;
            if item(ui, how, Some(&shortcuts::HELP), true) {
                cmds.push(Command::ShowHelp(Some(crate::gui::help::HelpSection::Overview)));
            }
            let work = crate::gui::help::HelpTexts::get(app.lang).work_title;
            if ui.button(format!("{work} …")).clicked() {
                cmds.push(Command::ShowHelp(Some(crate::gui::help::HelpSection::Year)));
            }
            if ui.button(t.about).clicked() {
                cmds.push(Command::ShowAbout(true));
            }
        });
    });
}
