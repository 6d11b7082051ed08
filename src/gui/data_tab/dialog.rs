//! The import dialog: the file's table, the column choice, the new column's metadata and a live report.

use egui::{Color32, ComboBox, Context, Grid, Id, Modal, ScrollArea, TextEdit, Ui};

use super::ImportCmd;
use super::import::ImportDialog;
use super::texts::{DataTexts, ImportTexts};
use crate::data::{ColumnRole, Dataset, Direction, Kind};
use crate::gui::command::Command;
use crate::import::Table;
use crate::lang::Lang;
use crate::numfmt;

/// Rows of the file shown in the preview grid.
const PREVIEW_ROWS: usize = 15;
/// Unknown codes and problems listed; the counts say how many there are.
const LISTED: usize = 200;

pub fn show(ctx: &Context, d: &mut ImportDialog, dataset: &Dataset, lang: Lang, cmds: &mut Vec<Command>) {
    d.poll(dataset);
    d.refresh_if_kind_changed(dataset);
    if d.is_loading() {
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }
    let t = ImportTexts::get(lang);
    let names = DataTexts::get(lang);
    let response = Modal::new(Id::unique("import indicator")).show(ctx, |ui| {
        ui.set_width(760.0);
        ui.heading(t.title);
        ui.label(format!("{}: {}", t.file, d.path.display()));
        if d.is_loading() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t.reading);
            });
        }
        if let Some(e) = &d.error {
            ui.colored_label(Color32::from_rgb(200, 40, 40), e);
        }
        let mut out = Vec::new();
        if d.table.is_some() {
            body(ui, d, dataset, lang, (t, names), &mut out);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let ready = d.column(t);
            let mut button = ui.add_enabled(ready.is_ok(), egui::Button::new(t.apply));
            if let Err(why) = &ready {
                button = button.on_disabled_hover_text(why.as_str());
            }
            if button.clicked() {
                out.push(ImportCmd::Apply);
            }
            if ui.button(t.cancel).clicked() {
                out.push(ImportCmd::Close);
            }
            if let Err(why) = ready
                && d.table.is_some()
            {
                ui.weak(why);
            }
        });
        out
    });
    let close = response.should_close();
    cmds.extend(response.inner.into_iter().map(Command::Import));
    if close {
        cmds.push(Command::Import(ImportCmd::Close));
    }
}

fn body(
    ui: &mut Ui,
    d: &mut ImportDialog,
    dataset: &Dataset,
    lang: Lang,
    (t, names): (&ImportTexts, &DataTexts),
    out: &mut Vec<ImportCmd>,
) {
    let Some(table) = &d.table else { return };
    let delimiter = match table.delimiter {
        Some('\t') => "TAB".to_owned(),
        Some(c) => c.to_string(),
        None => "–".to_owned(),
    };
    ui.label(format!(
        "{}: {:?} · {}: {} · {}: {} · {} {}",
        t.format,
        table.format,
        t.encoding,
        table.encoding,
        t.delimiter,
        delimiter,
        numfmt::integer(table.rows.len() as f64, lang),
        t.rows
    ));
    rows_grid(ui, table);
    ui.separator();
    let role = ColumnRole::label_of(d.role(), lang);
    Grid::new("import fields").num_columns(2).show(ui, |ui| {
        let label = ui.label(t.code_column).id;
        if let Some(c) = column_combo(ui, "import code column", label, table, d.code_col) {
            out.push(ImportCmd::SetCodeColumn(c));
        }
        ui.end_row();
        let label = ui.label(t.value_column).id;
        if let Some(c) = column_combo(ui, "import value column", label, table, d.value_col) {
            out.push(ImportCmd::SetValueColumn(c));
        }
        ui.end_row();
        for (name, field, hint) in [
            (t.id, &mut d.id, ""),
            (t.label, &mut d.label, ""),
            (t.label_en, &mut d.label_en, ""),
            (t.unit, &mut d.unit, ""),
            (t.year, &mut d.year, ""),
            (t.source, &mut d.source, t.source_hint),
            (t.licence, &mut d.licence, t.licence_hint),
        ] {
            let label = ui.label(name);
            ui.add(TextEdit::singleline(field).hint_text(hint).desired_width(320.0)).labelled_by(label.id);
            ui.end_row();
        }
        ui.label(t.direction);
        ui.horizontal(|ui| {
            ui.radio_value(&mut d.direction, Direction::HigherIsBetter, names.higher);
            ui.radio_value(&mut d.direction, Direction::LowerIsBetter, names.lower);
        });
        ui.end_row();
        ui.label(t.kind);
        ui.horizontal(|ui| {
            ui.radio_value(&mut d.kind, Kind::Intensive, names.intensive);
            ui.radio_value(&mut d.kind, Kind::Extensive, names.extensive);
        });
        ui.end_row();
        ui.label(names.role);
        ui.label(format!("{} ({})", role, t.role_guessed)).on_hover_text(names.role_tip);
        ui.end_row();
    });
    ui.separator();
    report(ui, d, dataset, lang, t, out);
}

/// The first rows of the file, as read.
fn rows_grid(ui: &mut Ui, table: &Table) {
    ScrollArea::both().id_salt("import rows").max_height(260.0).show(ui, |ui| {
        Grid::new("import rows grid").striped(true).show(ui, |ui| {
            ui.weak("#");
            for h in &table.headers {
                ui.strong(h);
            }
            ui.end_row();
            for row in table.rows.iter().take(PREVIEW_ROWS) {
                ui.weak(row.line.to_string());
                for cell in &row.cells {
                    ui.label(cell);
                }
                ui.end_row();
            }
        });
    });
}

fn column_combo(ui: &mut Ui, salt: &str, label: Id, table: &Table, current: usize) -> Option<usize> {
    let name = |i: usize| format!("{}: {}", i + 1, table.headers.get(i).map_or("", String::as_str));
    let mut chosen = None;
    ComboBox::from_id_salt(salt)
        .selected_text(name(current))
        .show_ui(ui, |ui| {
            for i in 0..table.headers.len() {
                if ui.selectable_label(i == current, name(i)).clicked() && i != current {
                    chosen = Some(i);
                }
            }
        })
        .response
        .labelled_by(label);
    chosen
}

/// N matched, M without a value, K unknown codes with their lines, and the file's problems.
fn report(ui: &mut Ui, d: &ImportDialog, dataset: &Dataset, lang: Lang, t: &ImportTexts, out: &mut Vec<ImportCmd>) {
    let Some(p) = &d.preview else { return };
    let n = |v: usize| numfmt::integer(v as f64, lang);
    if let Some(b) = &p.borders {
        borders_report(ui, b, p.estimated.len(), lang, t);
    }
    ui.label(format!("{} {}", n(p.with_value), t.matched));
    ui.label(format!("{} {}", n(p.without_value), t.without));
    ui.label(format!("{} {}", n(p.unknown.len()), t.unknown));
    ScrollArea::vertical().id_salt("import report").max_height(160.0).show(ui, |ui| {
        for (code, line) in p.unknown.iter().take(LISTED) {
            ui.label(format!("{} {line}: {code} ({} {})", t.line, t.not_in, dataset.id));
        }
        if !p.problems.is_empty() {
            ui.strong(format!("{} ({})", t.problems, n(p.problems.len())));
            for problem in p.problems.iter().take(LISTED) {
                ui.label(problem.to_string());
            }
        }
    });
    if !p.unknown.is_empty() {
        let mut leave_out = d.leave_out_unknown;
        if ui.checkbox(&mut leave_out, t.leave_out).changed() {
            out.push(ImportCmd::SetLeaveOutUnknown(leave_out));
        }
    }
}

/// The file is on other borders: what moving it onto the dataset's did, grouped, before anything is added.
fn borders_report(ui: &mut Ui, b: &crate::borders::BorderReport, estimated: usize, lang: Lang, t: &ImportTexts) {
    ui.strong(b.summary(lang));
    ScrollArea::vertical().id_salt("import borders").max_height(120.0).show(ui, |ui| {
        for line in b.details(lang) {
            ui.add(egui::Label::new(line).wrap());
        }
    });
    if estimated > 0 {
        ui.label(format!("{} {}", numfmt::integer(estimated as f64, lang), t.estimated));
    }
}
