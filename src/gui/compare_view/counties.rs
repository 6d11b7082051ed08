//! The county diff table; the county of the selected municipality is highlighted.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::texts::CompareTexts;
use super::{change_colour, coloured, number, signed};
use crate::analysis::Comparison;
use crate::gui::table::number_cell;
use crate::lang::Lang;
use crate::numfmt::decimal;

pub fn show(ui: &mut Ui, c: &Comparison, selected_county: Option<&str>, lang: Lang) {
    let t = CompareTexts::get(lang);
    let dark = ui.visuals().dark_mode;
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .id_salt("compare.counties")
        .striped(true)
        .cell_layout(Layout::left_to_right(Align::Center))
        .min_scrolled_height(0.0)
        .auto_shrink([false, false])
        .column(Column::initial(170.0).at_least(90.0).clip(true))
        .columns(Column::initial(72.0).at_least(50.0).clip(true), 4)
        .header(24.0, |mut header| {
            for h in [t.county, t.before, t.after, t.change, t.percent] {
                header.col(|ui| {
                    ui.strong(h);
                });
            }
        })
        .body(|mut body| {
            for x in &c.counties {
                body.row(20.0, |mut row| {
                    row.set_selected(selected_county == Some(x.code.as_str()));
                    let colour = change_colour(dark, x.change);
                    let paint = |s: String| coloured(s, colour);
                    row.col(|ui| {
                        ui.add(egui::Label::new(&x.name).truncate());
                    });
                    row.col(|ui| number_cell(ui, RichText::new(number(x.before, lang))));
                    row.col(|ui| number_cell(ui, RichText::new(number(x.after, lang)).strong()));
                    row.col(|ui| number_cell(ui, paint(signed(x.change, lang))));
                    row.col(|ui| {
                        let p = if x.before != 0.0 {
                            format!("{} %", decimal(x.change / x.before * 100.0, 1, lang))
                        } else {
                            "–".to_owned()
                        };
                        number_cell(ui, paint(p));
                    });
                });
            }
        });
}
