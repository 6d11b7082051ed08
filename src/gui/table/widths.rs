//! How wide each column of the results table is: wide enough for its header on two lines and for the text
//! of its cells, so nothing is cut off; wider by dragging.

use std::collections::BTreeSet;

use egui::Ui;
use egui_extras::Column;

use super::columns::{Col, RangeColumn, shown_note};
use super::{header_width, text_width, widest};
use crate::gui::view::ViewContext;

/// Texts of a column compared by length: only the longest few are measured.
const MEASURED: usize = 8;

/// One column per entry of `cols`, in order.
pub(super) fn column_widths(
    ui: &Ui,
    ctx: &ViewContext,
    rows: &[usize],
    cols: &[Col],
    range: Option<&RangeColumn>,
) -> Vec<Column> {
    let number = text_width(ui, "🔒 88 888", false).ceil();
    cols.iter()
        .map(|&col| {
            let header = match (col, range) {
                (Col::Range, Some(r)) => r.header.clone(),
                _ => col.header(ctx.dataset, ctx.lang).0,
            };
            let header = header_width(ui, &header);
            match col {
                Col::Code => Column::exact(header.max(text_width(ui, "8888", false).ceil())),
                Col::Name => {
                    let names = longest(rows.iter().map(|&r| ctx.dataset.display_name(r)));
                    Column::initial(header.max(widest(ui, names.iter().map(String::as_str)))).at_least(80.0).clip(true)
                }
                Col::County => {
                    let counties = longest(rows.iter().map(|&r| ctx.dataset.municipalities[r].county_name.clone()));
                    Column::initial(header.max(widest(ui, counties.iter().map(String::as_str))))
                        .at_least(60.0)
                        .clip(true)
                }
                Col::Note => {
                    let notes = notes(ctx, rows);
                    Column::remainder().at_least(header.max(widest(ui, notes.iter().map(String::as_str)))).clip(true)
                }
                _ => Column::initial(header.max(number)).at_least(header.max(48.0)).clip(true),
            }
        })
        .collect()
}

/// The longest of `texts` by characters: width follows length closely enough to measure only these.
fn longest(texts: impl Iterator<Item = String>) -> Vec<String> {
    let mut all: Vec<String> = texts.collect();
    all.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    all.truncate(MEASURED);
    all
}

/// Every different note of the rows shown (reasons are few).
fn notes(ctx: &ViewContext, rows: &[usize]) -> BTreeSet<String> {
    let results = ctx.allocation.ok().map(|a| &a.rows);
    rows.iter().map(|&r| shown_note(ctx, r, results.and_then(|x| x.get(r)))).collect()
}
