//! The municipality diff table: before, after, change and percent change, sortable by its headers and
//! filterable by name; a click on a row selects the municipality.

use std::cmp::Ordering;

use egui::{RichText, Ui};
use egui_extras::Column;

use super::texts::CompareTexts;
use super::{change_colour, coloured, number, signed};
use crate::analysis::{Comparison, DiffRow};
use crate::data::Dataset;
use crate::gui::table::{HEADER_HEIGHT, municipality_table, number_cell, sort_header};
use crate::gui::view::ViewAction;
use crate::lang::Lang;
use crate::numfmt::{decimal, integer};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffSort {
    Code,
    Name,
    County,
    Before,
    After,
    Change,
    Percent,
}

/// Sorting and filtering of the diff table.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffView {
    pub sort: DiffSort,
    pub descending: bool,
    /// Part of a municipality name (case-insensitive), or the start of its code.
    pub name_filter: String,
    pub only_changed: bool,
}

impl Default for DiffView {
    /// The largest gains first.
    fn default() -> Self {
        DiffView { sort: DiffSort::Change, descending: true, name_filter: String::new(), only_changed: false }
    }
}

impl DiffView {
    /// A click on a header: the same column flips the direction; a new one sorts ascending.
    pub fn click_header(&mut self, key: DiffSort) {
        if self.sort == key {
            self.descending = !self.descending;
        } else {
            self.sort = key;
            self.descending = false;
        }
    }
}

/// Dataset rows to show, in order. Equal values keep dataset order; rows without a percent come last.
pub fn order(dataset: &Dataset, c: &Comparison, view: &DiffView) -> Vec<usize> {
    let needle = view.name_filter.trim().to_lowercase();
    let mut rows: Vec<&DiffRow> = c
        .rows
        .iter()
        .filter(|d| !view.only_changed || d.change != 0.0)
        .filter(|d| {
            dataset.municipalities.get(d.row).is_some_and(|m| {
                needle.is_empty() || m.name.to_lowercase().contains(&needle) || m.code.starts_with(&needle)
            })
        })
        .collect();
    let text = |d: &DiffRow, f: fn(&crate::data::Municipality) -> &str| {
        dataset.municipalities.get(d.row).map(|m| f(m).to_lowercase()).unwrap_or_default()
    };
    let number = |d: &DiffRow| -> Option<f64> {
        match view.sort {
            DiffSort::Before => Some(d.before),
            DiffSort::After => Some(d.after),
            DiffSort::Change => Some(d.change),
            DiffSort::Percent => d.percent,
            _ => None,
        }
    };
    rows.sort_by(|a, b| {
        let ordering = match view.sort {
            DiffSort::Code => text(a, |m| &m.code).cmp(&text(b, |m| &m.code)),
            DiffSort::Name => text(a, |m| &m.name).cmp(&text(b, |m| &m.name)),
            DiffSort::County => text(a, |m| &m.county_name).cmp(&text(b, |m| &m.county_name)),
            _ => match (number(a), number(b)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                // Empty cells last, whichever the direction.
                (None, Some(_)) => return Ordering::Greater,
                (Some(_), None) => return Ordering::Less,
                (None, None) => Ordering::Equal,
            },
        };
        if view.descending { ordering.reverse() } else { ordering }
    });
    rows.into_iter().map(|d| d.row).collect()
}

const ROW_HEIGHT: f32 = 20.0;

/// The filter bar and the table. `rows` are the dataset rows in table order.
#[allow(clippy::too_many_arguments)]
pub fn show(
    ui: &mut Ui,
    dataset: &Dataset,
    c: &Comparison,
    view: &mut DiffView,
    rows: &[usize],
    selected: Option<usize>,
    scroll_to: Option<usize>,
    lang: Lang,
) -> Option<ViewAction> {
    let t = CompareTexts::get(lang);
    ui.horizontal(|ui| {
        let label = ui.label(t.search);
        ui.add(egui::TextEdit::singleline(&mut view.name_filter).hint_text(t.search_hint).desired_width(180.0))
            .labelled_by(label.id);
        ui.checkbox(&mut view.only_changed, t.only_changed).on_hover_text(t.only_changed_tip);
        ui.weak(format!(
            "{} {} {} {}",
            t.showing,
            integer(rows.len() as f64, lang),
            t.of,
            integer(c.rows.len() as f64, lang)
        ));
    });
    let mut action = None;
    let headers = [
        (t.code, DiffSort::Code),
        (t.name, DiffSort::Name),
        (t.county, DiffSort::County),
        (t.before, DiffSort::Before),
        (t.after, DiffSort::After),
        (t.change, DiffSort::Change),
        (t.percent, DiffSort::Percent),
    ];
    // A narrow window scrolls the table sideways; rows scroll virtually inside.
    egui::ScrollArea::horizontal().id_salt("compare.diff.scroll").auto_shrink([false, false]).show(ui, |ui| {
        // Cell text is not selectable, so a click anywhere on a row selects the row.
        ui.style_mut().interaction.selectable_labels = false;
        let dark = ui.visuals().dark_mode;
        let builder = municipality_table(ui, "compare.diff", scroll_to)
            .column(Column::exact(40.0))
            .column(Column::initial(116.0).at_least(70.0).clip(true))
            .column(Column::initial(96.0).at_least(60.0).clip(true))
            .columns(Column::initial(54.0).at_least(44.0).clip(true), 2)
            .columns(Column::initial(74.0).at_least(50.0).clip(true), 2)
            .column(Column::remainder().at_least(60.0).clip(true));
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
                header.col(|ui| {
                    ui.strong(t.note);
                });
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                    let r = rows[row.index()];
                    let (Some(m), Some(d)) = (dataset.municipalities.get(r), c.rows.get(r)) else { return };
                    row.set_selected(selected == Some(r));
                    let colour = change_colour(dark, d.change);
                    row.col(|ui| {
                        ui.label(&m.code);
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&m.name).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&m.county_name).truncate());
                    });
                    row.col(|ui| number_cell(ui, RichText::new(number(d.before, lang))));
                    row.col(|ui| number_cell(ui, RichText::new(number(d.after, lang)).strong()));
                    row.col(|ui| number_cell(ui, coloured(signed(d.change, lang), colour)));
                    row.col(|ui| {
                        let p = d.percent.map_or("–".to_owned(), |p| format!("{} %", signed_decimal(p, lang)));
                        number_cell(ui, coloured(p, colour));
                    });
                    row.col(|ui| {
                        let note = if d.newly_asked {
                            t.newly_asked
                        } else if d.no_longer_asked {
                            t.no_longer_asked
                        } else {
                            ""
                        };
                        ui.add(egui::Label::new(note).truncate());
                    });
                    if row.response().clicked() {
                        action = Some(ViewAction::Select(Some(r)));
                    }
                });
            });
    });
    action
}

/// "+12,5" / "−3,0" / "0,0".
fn signed_decimal(v: f64, lang: Lang) -> String {
    let s = decimal(v, 1, lang);
    if v > 0.0 && s != decimal(0.0, 1, lang) { format!("+{s}") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Baseline, compare};
    use crate::gui::document::Document;

    #[test]
    fn sorts_by_change_and_filters() {
        let doc = Document::new_default().unwrap();
        let a = crate::engine::allocate(doc.dataset(), doc.scenario()).unwrap();
        let c = compare(doc.dataset(), &a, Baseline::Column("anmodning_2019")).unwrap();
        let mut view = DiffView::default();
        let rows = order(doc.dataset(), &c, &view);
        assert_eq!(rows.len(), doc.dataset().len());
        assert!(rows.windows(2).all(|w| c.rows[w[0]].change >= c.rows[w[1]].change), "largest gain first");

        view.click_header(DiffSort::Percent);
        let rows = order(doc.dataset(), &c, &view);
        let first_empty = rows.iter().position(|&r| c.rows[r].percent.is_none()).unwrap();
        assert!(rows[first_empty..].iter().all(|&r| c.rows[r].percent.is_none()), "no percent last");
        view.click_header(DiffSort::Percent);
        let rows2 = order(doc.dataset(), &c, &view);
        assert!(rows2[first_empty..].iter().all(|&r| c.rows[r].percent.is_none()), "also when descending");

        view.only_changed = true;
        view.name_filter = "berg".into();
        let rows = order(doc.dataset(), &c, &view);
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|&r| c.rows[r].change != 0.0));
        assert!(rows.iter().all(|&r| doc.dataset().municipalities[r].name.to_lowercase().contains("berg")));
        assert_eq!(signed_decimal(12.54, Lang::Nb), "+12,5");
        assert_eq!(signed_decimal(-3.0, Lang::En), "-3.0");
    }
}
