//! Modal dialogs: "Save changes?", "Recover unsaved work?", "The file changed on disk", About, and the path
//! field used when no file dialog can be shown.

use egui::{Context, Id, Modal, RichText};

use crate::data::Dataset;
use crate::gui::autosave::Recovered;
use crate::gui::command::{Command, DiskChoice, FileAction, GuardChoice};
use crate::gui::modal::{PathField, answer_row, confirm};
use crate::lang::Lang;

texts!(DialogTexts {
    unsaved_title: "Ulagrede endringer", "Unsaved changes";
    unsaved_body: "Scenarioet har endringer som ikke er lagret. Vil du lagre dem først?",
        "The scenario has changes that are not saved. Save them first?";
    save: "Lagre", "Save";
    discard: "Forkast", "Discard";
    cancel: "Avbryt", "Cancel";
    about_title: "Om bosetting", "About bosetting";
    about_body: "Et planleggingsverktøy for å fordele et nasjonalt mål for bosetting av flyktninger på Norges kommuner.",
        "A planning tool for distributing a national refugee settlement target across Norway's municipalities.";
    credits: "Statistikk: SSB og IMDi (NLOD 2.0). Kart: © Kartverket (CC BY 4.0).",
        "Statistics: Statistics Norway (SSB) and IMDi (NLOD 2.0). Map: © Kartverket (CC BY 4.0).";
    close: "Lukk", "Close";
    open_path: "Åpne fil", "Open file";
    save_path: "Lagre som", "Save as";
    import_path: "Importer indikator", "Import indicator";
    dataset_path: "Åpne datasettfil", "Open dataset file";
    path_hint: "Ingen fildialog kunne vises. Skriv inn stien til filen:",
        "No file dialog could be shown. Type the path of the file:";
    path: "Sti", "Path";
    relative_to: "En relativ sti går ut fra", "A relative path starts from";
    matching: "Treff (klikk for å velge):", "Matches (click to choose):";
    ok: "OK", "OK";
    drop: "Slipp scenariofilen (.ron) for å åpne den", "Drop the scenario file (.ron) to open it";
    recover_title: "Ulagret arbeid", "Unsaved work";
    recover_question: "Gjenopprette ulagret arbeid fra", "Recover unsaved work from";
    recover_body: "Forrige økt ble ikke avsluttet normalt.", "The previous session did not end normally.";
    recover_file: "Fil:", "File:";
    recover: "Gjenopprett", "Recover";
    changed_title: "Filen er endret", "File changed";
    changed_body: "Filen er endret på disken siden du åpnet den.", "The file changed on disk since you opened it.";
    overwrite: "Overskriv", "Overwrite";
    save_as: "Lagre som …", "Save As…";
    export_path: "Eksporter tabell", "Export table";
    chart_path: "Eksporter figur (SVG eller PNG)", "Export figure (SVG or PNG)";
    briefing_path: "Eksporter orientering (PDF)", "Export briefing (PDF)";
    reference_path: "Referanse (CSV)", "Reference (CSV)";
    exists_title: "Filen finnes", "File exists";
    exists_body: "Filen finnes allerede. Vil du overskrive den?", "The file already exists. Overwrite it?";
});

/// The in-app path field: the file the `field`'s action asks for, typed.
pub fn path_field(ctx: &Context, lang: Lang, field: &mut PathField, cmds: &mut Vec<Command>) {
    let t = DialogTexts::get(lang);
    let title = match field.action {
        FileAction::Open => t.open_path,
        FileAction::SaveAs => t.save_path,
        FileAction::Import => t.import_path,
        FileAction::Dataset => t.dataset_path,
        FileAction::Export(_) => t.export_path,
        FileAction::Chart => t.chart_path,
        FileAction::Briefing => t.briefing_path,
        FileAction::CalibrationReference => t.reference_path,
        FileAction::Compare(file) => file.title(lang),
        FileAction::FollowUp(_) => crate::gui::followup_view::FollowUpTexts::get(lang).export_path,
        FileAction::Year(file) => file.title(lang),
    };
    let response = Modal::new(Id::unique("path field")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading(title);
        ui.label(t.path_hint);
        let label = ui.label(t.path);
        let edit =
            ui.add(egui::TextEdit::singleline(&mut field.text).desired_width(f32::INFINITY)).labelled_by(label.id);
        if edit.has_focus() {
            field.focus_tries = 0;
        } else if field.focus_tries > 0 {
            field.focus_tries -= 1;
            edit.request_focus();
            ui.ctx().request_repaint();
        }
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.weak(format!("{} {}", t.relative_to, field.base.display()));
        matches(ui, t, field);
        let answer = answer_row(ui, &[(t.ok, true), (t.cancel, false)]);
        let ok = answer == Some(true) || entered;
        match answer {
            Some(false) => Some(Command::CancelPathField),
            _ if ok && !field.text.trim().is_empty() => {
                Some(field.action.chosen(std::path::PathBuf::from(field.text.trim())))
            }
            _ => None,
        }
    });
    if let Some(cmd) = response.inner {
        cmds.push(cmd);
    } else if response.should_close() {
        cmds.push(Command::CancelPathField);
    }
}

/// The entries matching the typed text; a click puts one in the field (a folder then lists its own).
fn matches(ui: &mut egui::Ui, t: &DialogTexts, field: &mut PathField) {
    if field.listed.as_ref().is_none_or(|(text, _)| *text != field.text) {
        let found = crate::gui::path_matches::matches(&field.text, &field.base);
        field.listed = Some((field.text.clone(), found));
    }
    let Some((_, found)) = &field.listed else { return };
    if found.is_empty() {
        return;
    }
    ui.weak(t.matching);
    let mut chosen = None;
    egui::ScrollArea::vertical().id_salt("path matches").max_height(180.0).show(ui, |ui| {
        for entry in found {
            if ui.selectable_label(false, entry).clicked() {
                chosen = Some(entry.clone());
            }
        }
    });
    if let Some(entry) = chosen {
        field.text = entry;
        field.focus_tries = 3;
    }
}

/// "Save changes?"
pub fn unsaved(ctx: &Context, lang: Lang, cmds: &mut Vec<Command>) {
    let t = DialogTexts::get(lang);
    let body = |ui: &mut egui::Ui| {
        ui.heading(t.unsaved_title);
        ui.label(t.unsaved_body);
        ui.add_space(8.0);
    };
    let answers = [(t.save, GuardChoice::Save), (t.discard, GuardChoice::Discard), (t.cancel, GuardChoice::Cancel)];
    if let Some(choice) = confirm(ctx, "unsaved changes", 420.0, body, &answers, Some(GuardChoice::Cancel)) {
        cmds.push(Command::Guard(choice));
    }
}

/// "Recover unsaved work?"
pub fn recovery(ctx: &Context, lang: Lang, found: &Recovered, cmds: &mut Vec<Command>) {
    let t = DialogTexts::get(lang);
    let body = |ui: &mut egui::Ui| {
        ui.heading(t.recover_title);
        ui.label(format!("{} {}?", t.recover_question, found.time_text()));
        ui.label(t.recover_body);
        if let Some(path) = &found.original_path {
            ui.weak(format!("{} {}", t.recover_file, path.display()));
        }
        ui.add_space(8.0);
    };
    // No way out but an answer: Escape or a click beside it must not throw the work away.
    if let Some(recover) =
        confirm(ctx, "recover unsaved work", 460.0, body, &[(t.recover, true), (t.discard, false)], None)
    {
        cmds.push(Command::Recover(recover));
    }
}

/// "The file changed on disk".
pub fn disk_changed(ctx: &Context, lang: Lang, path: Option<&std::path::Path>, cmds: &mut Vec<Command>) {
    let t = DialogTexts::get(lang);
    let body = |ui: &mut egui::Ui| {
        ui.heading(t.changed_title);
        ui.label(t.changed_body);
        if let Some(path) = path {
            ui.weak(path.display().to_string());
        }
        ui.add_space(8.0);
    };
    let answers =
        [(t.overwrite, DiskChoice::Overwrite), (t.save_as, DiskChoice::SaveAs), (t.cancel, DiskChoice::Cancel)];
    if let Some(choice) = confirm(ctx, "changed on disk", 460.0, body, &answers, Some(DiskChoice::Cancel)) {
        cmds.push(Command::DiskChanged(choice));
    }
}

/// "The file exists. Overwrite it?"
pub fn export_exists(ctx: &Context, lang: Lang, path: &std::path::Path, cmds: &mut Vec<Command>) {
    let t = DialogTexts::get(lang);
    let body = |ui: &mut egui::Ui| {
        ui.heading(t.exists_title);
        ui.label(t.exists_body);
        ui.weak(path.display().to_string());
        ui.add_space(8.0);
    };
    if let Some(overwrite) =
        confirm(ctx, "export exists", 460.0, body, &[(t.overwrite, true), (t.cancel, false)], Some(false))
    {
        cmds.push(Command::ConfirmExport(overwrite));
    }
}

/// About bosetting, with the credits of the open dataset.
pub fn about(ctx: &Context, lang: Lang, dataset: &Dataset, cmds: &mut Vec<Command>) {
    let t = DialogTexts::get(lang);
    let body = |ui: &mut egui::Ui| {
        ui.heading(t.about_title);
        ui.label(format!("bosetting {}", env!("CARGO_PKG_VERSION")));
        ui.add_space(4.0);
        ui.label(t.about_body);
        ui.add_space(8.0);
        ui.label(RichText::new(t.credits).strong());
        let title = dataset.heading(lang);
        // A dataset from elsewhere names its own sources.
        if dataset.credits.contains(t.credits) || dataset.credits.contains(DialogTexts::NB.credits) {
            ui.weak(title);
        } else {
            ui.weak(format!("{title}: {}", dataset.credits));
        }
        ui.add_space(8.0);
    };
    if confirm(ctx, "about", 460.0, body, &[(t.close, ())], Some(())).is_some() {
        cmds.push(Command::ShowAbout(false));
    }
}

/// While a file is dragged over the window, say what dropping it does.
/// `instead`: what the tab shown does with dropped files, when it reads them itself.
pub fn drop_hint(ctx: &Context, lang: crate::lang::Lang, instead: Option<&str>) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, Id::unique("drop hint")));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        instead.unwrap_or(DialogTexts::get(lang).drop),
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}
