//! One cell of the results table, drawn by its column.

use std::collections::HashMap;

use egui::{Align, Layout, RichText, Ui};

use super::TableTexts;
use super::columns::{Col, RangeColumn, indicator_value, note_tip, shown_note};
use super::number_cell;
use crate::engine::{FilledCell, MunicipalityResult, Status};
use crate::gui::view::ViewContext;
use crate::numfmt::{decimal, integer};

/// What every cell of one row draws from.
pub(super) struct Cell<'a> {
    pub ctx: &'a ViewContext<'a>,
    pub filled: &'a HashMap<(usize, &'a str), &'a FilledCell>,
    pub range: Option<&'a RangeColumn<'a>>,
    /// The dataset row.
    pub row: usize,
    pub result: Option<&'a MunicipalityResult>,
}

impl Cell<'_> {
    pub fn show(&self, ui: &mut Ui, col: Col) {
        let (r, result) = (self.row, self.result);
        let m = &self.ctx.dataset.municipalities[r];
        let t = TableTexts::get(self.ctx.lang);
        // Municipalities not asked are shown weak.
        let weak = result.is_some_and(|x| !x.asked());
        let text = |s: String| if weak { RichText::new(s).weak() } else { RichText::new(s) };
        match col {
            Col::Code => {
                ui.label(text(m.code.clone()));
            }
            Col::Name => {
                ui.add(egui::Label::new(text(self.ctx.dataset.display_name(r))).truncate());
            }
            Col::County => {
                ui.add(egui::Label::new(text(m.county_name.clone())).truncate());
            }
            Col::Population => number_cell(ui, text(integer(m.population, self.ctx.lang))),
            Col::Indicator { column, .. } => {
                match indicator_value(self.ctx, self.filled, column, r) {
                    Some((v, None)) => match self.ctx.dataset.columns[column].meta.estimate_of(&m.code) {
                        // An estimate from a border change: marked like a filled cell, with its reason.
                        Some(reason) => {
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                ui.label(text(format!("{}*", decimal(v, 1, self.ctx.lang))).italics())
                                    .on_hover_text(self.ctx.lang.pick(&reason.nb, &reason.en));
                            });
                        }
                        None => number_cell(ui, text(decimal(v, 1, self.ctx.lang))),
                    },
                    Some((v, Some(policy))) => {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.label(text(format!("{}*", decimal(v, 1, self.ctx.lang))).italics())
                                .on_hover_text(format!("{} {}", t.filled, policy.label(self.ctx.lang)));
                        });
                    }
                    None => number_cell(ui, text("–".into())),
                }
            }
            Col::Quota => number_cell(ui, text(result.map_or("–".into(), |x| decimal(x.quota, 2, self.ctx.lang)))),
            Col::Request => {
                let s = result.map_or("–".into(), |x| integer(f64::from(x.allocation), self.ctx.lang));
                let lock = if matches!(result.map(|x| &x.status), Some(Status::Locked)) { "🔒 " } else { "" };
                number_cell(ui, text(format!("{lock}{s}")).strong());
            }
            Col::Minors => {
                number_cell(ui, text(result.map_or("–".into(), |x| integer(f64::from(x.minors), self.ctx.lang))))
            }
            Col::Per1000 => number_cell(ui, text(result.map_or("–".into(), |x| decimal(x.per_1000, 2, self.ctx.lang)))),
            Col::Reference(c) => {
                let v = self.ctx.dataset.columns[c].values.get(r).copied().flatten();
                number_cell(ui, text(v.map_or("–".into(), |v| integer(v, self.ctx.lang))));
            }
            Col::Difference(c) => {
                let v = self.ctx.dataset.columns[c].values.get(r).copied().flatten();
                let d = result.zip(v).map(|(x, v)| f64::from(x.allocation) - v);
                let s = d.map_or("–".into(), |d| {
                    let sign = if d > 0.0 { "+" } else { "" };
                    format!("{sign}{}", integer(d, self.ctx.lang))
                });
                number_cell(ui, text(s));
            }
            Col::Note => {
                let response = ui.add(egui::Label::new(text(shown_note(self.ctx, r, result))).truncate());
                let tip = note_tip(self.ctx, r, result);
                if !tip.is_empty() {
                    response.on_hover_text(tip);
                }
            }
            Col::Expected => match self.ctx.expected.and_then(|e| e.rows.get(r)) {
                // The whole cell shows the range and the basis on hover.
                Some(e) if e.request > 0.0 => {
                    super::number_cell_response(ui, text(integer(e.expected, self.ctx.lang)))
                        .on_hover_text(crate::gui::expected::tip(e, self.ctx.lang));
                }
                _ => {
                    number_cell(ui, text("–".into()));
                }
            },
            Col::Range => {
                let cell = self.range.and_then(|c| c.rows).map_or("…".into(), |rows| {
                    rows.get(r).map_or("–".into(), |&(lo, hi)| {
                        let int = |v: u32| integer(f64::from(v), self.ctx.lang);
                        if lo == hi { int(lo) } else { format!("{}–{}", int(lo), int(hi)) }
                    })
                });
                number_cell(ui, text(cell));
            }
        }
    }
}
