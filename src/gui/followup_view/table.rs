//! The Follow-up tab's tables: municipalities (sortable, filterable, status colours; a click selects) and
//! counties.

use egui::{RichText, Ui};
use egui_extras::Column;

use super::answer_colour;
use super::state::{StatusSort, StatusView};
use super::texts::FollowUpTexts;
use crate::followup::{FollowUp, table::county_table};
use crate::gui::table::{HEADER_HEIGHT, header_width, municipality_table, number_cell, sort_header};
use crate::gui::view::{ViewAction, ViewContext};
use crate::lang::Lang;
use crate::numfmt::integer;
use crate::report::Cell;

const ROW_HEIGHT: f32 = 20.0;

fn count(v: Option<i64>, lang: Lang) -> String {
    v.map_or("–".to_owned(), |v| integer(v as f64, lang))
}

pub fn municipalities(
    ui: &mut Ui,
    ctx: &ViewContext,
    f: &FollowUp,
    view: &mut StatusView,
    rows: &[usize],
) -> Option<ViewAction> {
    let (lang, t) = (ctx.lang, FollowUpTexts::get(ctx.lang));
    ui.horizontal(|ui| {
        ui.strong(t.municipalities);
        let label = ui.label(t.search);
        ui.add(egui::TextEdit::singleline(&mut view.name_filter).hint_text(t.search_hint).desired_width(160.0))
            .labelled_by(label.id);
        ui.weak(format!("{} {} {} {}", t.showing, rows.len(), t.of, f.rows.len()));
    });
    let headers = [
        (t.code, StatusSort::Code),
        (t.name, StatusSort::Name),
        (t.status, StatusSort::Status),
        (t.request, StatusSort::Request),
        (t.decision, StatusSort::Decision),
        (t.difference, StatusSort::Difference),
        (t.settled, StatusSort::Settled),
        (t.remaining, StatusSort::Remaining),
        (t.county, StatusSort::County),
    ];
    let mut action = None;
    egui::ScrollArea::horizontal().id_salt("followup.table.scroll").auto_shrink([false, false]).show(ui, |ui| {
        ui.style_mut().interaction.selectable_labels = false;
        // Each column at least as wide as its header's longest word: headers wrap between words, never inside.
        let fit: Vec<f32> = headers.iter().map(|(text, _)| header_width(ui, text)).collect();
        let column = |i: usize, initial: f32, least: f32| {
            Column::initial(fit[i].max(initial)).at_least(fit[i].max(least)).clip(true)
        };
        let mut builder = municipality_table(ui, "followup.municipalities", None)
            .column(Column::exact(fit[0].max(40.0)))
            .column(column(1, 104.0, 70.0))
            // The status in its colour right after the name, where a narrow window still shows it.
            .column(column(2, 118.0, 60.0));
        for i in 3..8 {
            builder = builder.column(column(i, 56.0, 40.0));
        }
        let builder = builder.column(Column::remainder().at_least(fit[8].max(80.0)).clip(true));
        builder
            .header(HEADER_HEIGHT, |mut header| {
                for (text, key) in headers {
                    header.col(|ui| {
                        let sorted = (view.sort == key).then_some(view.descending);
                        if sort_header(ui, text, text, sorted) {
                            view.click_header(key);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                    let r = rows[row.index()];
                    let (Some(m), Some(s)) = (ctx.dataset.municipalities.get(r), f.rows.get(r)) else { return };
                    row.set_selected(ctx.selected == Some(r));
                    row.col(|ui| {
                        ui.label(&m.code);
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&m.name).truncate());
                    });
                    row.col(|ui| {
                        let text = RichText::new(format!("■ {}", s.answer.label(lang)));
                        let text = match answer_colour(s.answer) {
                            Some(c) => text.color(c),
                            None => text.weak(),
                        };
                        ui.add(egui::Label::new(text).truncate());
                    });
                    row.col(|ui| number_cell(ui, RichText::new(integer(f64::from(s.request), lang))));
                    row.col(|ui| number_cell(ui, RichText::new(count(s.decision.map(i64::from), lang)).strong()));
                    row.col(|ui| number_cell(ui, RichText::new(count(s.difference(), lang))));
                    row.col(|ui| number_cell(ui, RichText::new(count(s.settled.map(i64::from), lang))));
                    row.col(|ui| number_cell(ui, RichText::new(count(s.remaining(), lang))));
                    row.col(|ui| {
                        ui.add(egui::Label::new(&m.county_name).truncate());
                    });
                    if row.response().clicked() {
                        action = Some(ViewAction::Select(Some(r)));
                    }
                });
            });
    });
    action
}

/// The county table of `followup::table`, as a grid.
pub fn counties(ui: &mut Ui, f: &FollowUp, lang: Lang) {
    let table = county_table(f, lang);
    // Name, requested, decided, coverage, not answered: the rest is in the export.
    let shown = [1, 7, 8, 9, 6];
    egui::Grid::new("followup.counties").striped(true).num_columns(shown.len()).show(ui, |ui| {
        for &c in &shown {
            ui.strong(&table.headers[c]);
        }
        ui.end_row();
        for row in &table.rows {
            for &c in &shown {
                let text = match &row[c] {
                    Cell::Text(s) | Cell::Code(s) => s.clone(),
                    Cell::Int(v) => integer(*v as f64, lang),
                    Cell::Number(v, d) => crate::numfmt::decimal(*v, *d, lang),
                    Cell::Empty => "–".to_owned(),
                };
                ui.label(text);
            }
            ui.end_row();
        }
    });
}
