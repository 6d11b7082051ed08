//! The Table tab: every municipality with its result, sortable and filterable, with virtual scrolling.

mod cells;
mod columns;
mod header;
mod rows;
#[cfg(test)]
mod tests;
mod widths;

pub use columns::RangeColumn;
pub(in crate::gui) use header::{HEADER_HEIGHT, header_width, sort_header, text_width, widest};
pub use rows::RowCache;

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::gui::command::Command;
use crate::gui::edit::Edit;
use crate::gui::view::{ViewAction, ViewContext};
use crate::gui::view_state::TableView;
use crate::numfmt::integer;
use columns::{Col, filled_lookup};

texts!(TableTexts {
    all_counties: "Alle fylker", "All counties";
    county_tip: "Vis bare kommunene i ett fylke.", "Show only the municipalities of one county.";
    search: "Søk", "Search";
    search_hint: "kommunenavn eller -nummer", "municipality name or number";
    search_tip: "Vis bare kommuner med denne teksten i navnet, eller med nummer som begynner slik.",
        "Show only municipalities with this text in their name, or a number starting with it.";
    showing: "Viser", "Showing";
    of: "av", "of";
    filled: "Manglende verdi, fylt med", "Missing value, filled with";
    overridden: "overstyrt", "overridden";
    sum: "Sum for viste", "Total of those shown";
    requested: "anmodning", "request";
    minors: "enslige mindreårige", "minors";
    population: "folketall", "population";
    keys_tip: "Piltastene flytter valget, Enter åpner Forklar, Shift+F10 eller menytasten åpner menyen for overstyring.",
        "The arrow keys move the selection, Enter opens Explain, Shift+F10 or the menu key opens the override menu.";
});

/// The sums of the rows shown: they follow the county and name filters.
fn totals(ui: &mut Ui, ctx: &ViewContext, rows: &[usize]) {
    let t = TableTexts::get(ctx.lang);
    let Ok(a) = ctx.allocation else { return };
    let (mut request, mut minors, mut population) = (0u64, 0u64, 0.0);
    for &r in rows {
        if let Some(x) = a.rows.get(r) {
            request += u64::from(x.allocation);
            minors += u64::from(x.minors);
        }
        population += ctx.dataset.municipalities[r].population;
    }
    let n = |v: f64| integer(v, ctx.lang);
    ui.label(format!(
        "· {}: {} {}, {} {}, {} {}",
        t.sum,
        t.requested,
        n(request as f64),
        t.minors,
        n(minors as f64),
        t.population,
        n(population)
    ))
    .on_hover_text(t.keys_tip);
}

/// Arrow keys move the selected row through the rows shown; Enter opens the Explain tab on it; Shift+F10 or
/// the menu key open its right-click menu (returns whether to).
fn keyboard(
    ui: &Ui,
    ctx: &ViewContext,
    rows: &[usize],
    cmds: &mut Vec<Command>,
    actions: &mut Vec<ViewAction>,
) -> bool {
    if rows.is_empty() || ui.ctx().egui_wants_keyboard_input() {
        return false;
    }
    let (down, up, enter, menu) = ui.input_mut(|i| {
        let menu = i.consume_key(egui::Modifiers::SHIFT, egui::Key::F10)
            || i.consume_key(egui::Modifiers::NONE, egui::Key::Menu);
        (i.key_pressed(egui::Key::ArrowDown), i.key_pressed(egui::Key::ArrowUp), i.key_pressed(egui::Key::Enter), menu)
    });
    let at = ctx.selected.and_then(|s| rows.iter().position(|&r| r == s));
    let next = match (at, down, up) {
        (None, true, _) | (None, _, true) => Some(0),
        (Some(p), true, _) => Some((p + 1).min(rows.len() - 1)),
        (Some(p), _, true) => Some(p.saturating_sub(1)),
        _ => None,
    };
    if let Some(next) = next {
        actions.push(ViewAction::Select(Some(rows[next])));
    }
    if enter && at.is_some() {
        cmds.push(Command::SetTab(crate::gui::view_state::Tab::Explain));
    }
    menu && at.is_some()
}

const ROW_HEIGHT: f32 = 20.0;

pub fn show_table(
    ui: &mut Ui,
    ctx: &ViewContext,
    view: &mut TableView,
    cache: &mut RowCache,
    generation: u64,
    range: Option<&RangeColumn>,
    cmds: &mut Vec<Command>,
) -> Vec<ViewAction> {
    let t = TableTexts::get(ctx.lang);
    let mut actions = Vec::new();
    filter_bar(ui, ctx, view);
    let rows = cache.rows(ctx, view, generation).to_vec();
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!(
            "{} {} {} {}",
            t.showing,
            integer(rows.len() as f64, ctx.lang),
            t.of,
            integer(ctx.dataset.len() as f64, ctx.lang)
        ));
        totals(ui, ctx, &rows);
    });
    let open_menu = keyboard(ui, ctx, &rows, cmds, &mut actions);

    let mut cols = columns::columns(ctx.scenario, ctx.dataset);
    if range.is_some()
        && let Some(at) = cols.iter().position(|c| *c == Col::Request)
    {
        cols.insert(at + 1, Col::Range);
    }
    if ctx.expected.is_some()
        && let Some(at) = cols
            .iter()
            .position(|c| matches!(c, Col::Request | Col::Range))
            .map(|at| at + usize::from(cols.get(at + 1) == Some(&Col::Range)))
    {
        cols.insert(at + 1, Col::Expected);
    }
    // A selection made elsewhere (map, charts, arrow keys) scrolls into view once; a new sort or filter
    // starts at the top.
    let scroll_to = if cache.shown_selection != ctx.selected {
        cache.shown_selection = ctx.selected;
        ctx.selected.and_then(|s| rows.iter().position(|&r| r == s))
    } else if std::mem::take(&mut cache.order_changed) {
        Some(0)
    } else {
        None
    };
    let scroll_to = scroll_to.filter(|_| !rows.is_empty());

    let scroll = Scroll { to: scroll_to, y: &mut cache.scroll_y, open_menu };
    table(ui, ctx, view, &rows, &cols, range, scroll, cmds, &mut actions);
    // A row clicked here is already in view: no scrolling to it next frame.
    if let Some(ViewAction::Select(row)) = actions.last() {
        cache.shown_selection = *row;
    }
    actions
}

/// A table of municipalities whose rows are clicked to select them: striped, resizable, filling its space,
/// scrolled to `scroll_to` (a row of the table) when given.
pub fn municipality_table<'a>(ui: &'a mut Ui, id: &str, scroll_to: Option<usize>) -> TableBuilder<'a> {
    let builder = TableBuilder::new(ui)
        .id_salt(id)
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        .min_scrolled_height(0.0)
        .auto_shrink([false, false]);
    match scroll_to {
        Some(pos) => builder.scroll_to_row(pos, Some(Align::Center)),
        None => builder,
    }
}

/// Where the table scrolls, and whether the selected row's menu opens from the keyboard this frame.
struct Scroll<'a> {
    /// A row of the table to bring into view.
    to: Option<usize>,
    /// How far down both halves are.
    y: &'a mut f32,
    open_menu: bool,
}

/// The table in two halves side by side: code and name stay in place on the left while the other columns
/// scroll sideways on the right. Both halves scroll up and down together through `scroll_y`.
#[allow(clippy::too_many_arguments)]
fn table(
    ui: &mut Ui,
    ctx: &ViewContext,
    view: &mut TableView,
    rows: &[usize],
    cols: &[Col],
    range: Option<&RangeColumn>,
    scroll: Scroll,
    cmds: &mut Vec<Command>,
    actions: &mut Vec<ViewAction>,
) {
    let Scroll { to: scroll_to, y: scroll_y, open_menu } = scroll;
    let frozen = cols.iter().take_while(|c| matches!(c, Col::Code | Col::Name)).count();
    let (left, right) = cols.split_at(frozen);
    let widths = widths::column_widths(ui, ctx, rows, cols, range);
    let (left_widths, right_widths) = widths.split_at(frozen);
    let y = *scroll_y;
    let mut offsets = [y, y];
    ui.horizontal_top(|ui| {
        // Cell text is not selectable, so a click anywhere on a row selects the row.
        ui.style_mut().interaction.selectable_labels = false;
        // Each half lays out top to bottom (header, then rows) inside the row of the two.
        ui.vertical(|ui| {
            let half = Half { cols: left, widths: left_widths, rows, range, scroll_to, offset: y, open_menu };
            offsets[0] = half.show(ui, ctx, view, "results.frozen", true, cmds, actions);
        });
        // Wide tables (many indicators) scroll sideways; rows scroll virtually inside.
        egui::ScrollArea::horizontal().id_salt("results scroll").auto_shrink([false, false]).show(ui, |ui| {
            ui.vertical(|ui| {
                let half =
                    Half { cols: right, widths: right_widths, rows, range, scroll_to, offset: y, open_menu: false };
                offsets[1] = half.show(ui, ctx, view, "results", false, cmds, actions);
            });
        });
    });
    // The half the user scrolled leads; the other follows on the next frame.
    if let Some(&moved) = offsets.iter().find(|&&o| (o - y).abs() > 0.1) {
        *scroll_y = moved;
        ui.ctx().request_repaint();
    }
}

/// One half of the table: some of its columns for every row shown.
struct Half<'a> {
    cols: &'a [Col],
    widths: &'a [Column],
    rows: &'a [usize],
    range: Option<&'a RangeColumn<'a>>,
    scroll_to: Option<usize>,
    /// Where both halves were scrolled to.
    offset: f32,
    /// Open the selected row's menu (from the keyboard), under its name.
    open_menu: bool,
}

impl Half<'_> {
    /// Draws the half; returns its vertical scroll offset after this frame's scrolling.
    #[allow(clippy::too_many_arguments)]
    fn show(
        &self,
        ui: &mut Ui,
        ctx: &ViewContext,
        view: &mut TableView,
        id: &str,
        frozen: bool,
        cmds: &mut Vec<Command>,
        actions: &mut Vec<ViewAction>,
    ) -> f32 {
        let filled = ctx.allocation.map(filled_lookup).unwrap_or_default();
        let mut builder = municipality_table(ui, id, self.scroll_to)
            .vertical_scroll_offset(self.offset)
            // A jump to a row lands at once in both halves.
            .animate_scrolling(false);
        if frozen {
            // As narrow as its columns; the right half's scroll bar serves both.
            builder = builder
                .auto_shrink([true, false])
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden);
        }
        for width in self.widths {
            builder = builder.column(*width);
        }
        let output = builder
            .header(HEADER_HEIGHT, |mut header| {
                for col in self.cols {
                    header.col(|ui| {
                        let (text, tip) = match (col, self.range) {
                            (Col::Range, Some(r)) => (r.header.clone(), r.tip.clone()),
                            _ => col.header(ctx.dataset, ctx.lang),
                        };
                        let key = col.sort_key();
                        let tip = if tip == text { tip } else { format!("{text}\n{tip}") };
                        if sort_header(ui, &text, &tip, (view.sort == key).then_some(view.descending)) {
                            view.click_header(key);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, self.rows.len(), |mut row| {
                    let r = self.rows[row.index()];
                    let result = ctx.allocation.ok().and_then(|a| a.rows.get(r));
                    row.set_selected(ctx.selected == Some(r));
                    let cell = cells::Cell { ctx, filled: &filled, range: self.range, row: r, result };
                    for col in self.cols {
                        row.col(|ui| cell.show(ui, *col));
                    }
                    let response = row.response();
                    let tip = columns::note_tip(ctx, r, result);
                    let response = if tip.is_empty() { response } else { response.on_hover_text(tip) };
                    if response.clicked() {
                        actions.push(ViewAction::Select(Some(r)));
                    }
                    // Opened from the keyboard, the menu stays under the row's name rather than at the pointer.
                    let by_key = response.id.with("menu from the keyboard");
                    let opened_by_key = self.open_menu && ctx.selected == Some(r);
                    if opened_by_key {
                        response.ctx.data_mut(|d| d.insert_temp(by_key, response.rect.left_bottom()));
                    } else if response.secondary_clicked() {
                        response.ctx.data_mut(|d| d.remove::<egui::Pos2>(by_key));
                    }
                    let mut menu = egui::Popup::context_menu(&response);
                    if let Some(at) = response.ctx.data(|d| d.get_temp::<egui::Pos2>(by_key)) {
                        menu = menu.at_position(at);
                    }
                    if opened_by_key {
                        menu = menu.open_memory(Some(egui::SetOpenCommand::Bool(true)));
                    }
                    menu.show(|ui| {
                        override_menu(ui, ctx, r, cmds);
                    });
                });
            });
        output.state.clamped_offset().y
    }
}

/// A right-aligned number as one widget filling the cell. (A right-to-left child layout per cell would add a
/// layout pass and an accessibility node to each of the few hundred visible cells, every frame.)
pub(in crate::gui) fn number_cell(ui: &mut Ui, text: RichText) {
    number_cell_response(ui, text);
}

/// [`number_cell`], with the cell's response (for a tooltip over the whole cell).
pub(in crate::gui) fn number_cell_response(ui: &mut Ui, text: RichText) -> egui::Response {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let size = egui::vec2(ui.available_width().max(galley.size().x), galley.size().y);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), galley.text()));
    let pos = egui::pos2(rect.right() - galley.size().x, rect.top());
    ui.painter().galley(pos, galley, ui.visuals().text_color());
    response
}

fn filter_bar(ui: &mut Ui, ctx: &ViewContext, view: &mut TableView) {
    let t = TableTexts::get(ctx.lang);
    ui.horizontal(|ui| {
        let counties = ctx.dataset.counties();
        let selected = view
            .county
            .as_ref()
            .and_then(|c| counties.iter().find(|(code, _)| code == c))
            .map_or(t.all_counties.to_owned(), |(_, name)| name.clone());
        egui::ComboBox::from_id_salt("county filter")
            .selected_text(selected)
            .width(180.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut view.county, None, t.all_counties);
                for (code, name) in &counties {
                    ui.selectable_value(&mut view.county, Some(code.clone()), name);
                }
            })
            .response
            .on_hover_text(t.county_tip);
        let label = ui.label(t.search);
        ui.add(egui::TextEdit::singleline(&mut view.name_filter).hint_text(t.search_hint).desired_width(220.0))
            .labelled_by(label.id)
            .on_hover_text(t.search_tip);
    });
}

fn override_menu(ui: &mut Ui, ctx: &ViewContext, row: usize, cmds: &mut Vec<Command>) {
    let allocation = ctx.allocation.ok();
    if let Some(value) = crate::gui::overrides::menu(ui, ctx.dataset, ctx.scenario, allocation, row, ctx.lang) {
        let code = ctx.dataset.municipalities[row].code.clone();
        cmds.push(Command::Edit { edit: Edit::SetOverride { code, value }, gesture: None });
    }
}
