//! The Table tab: every municipality with its result, sortable and filterable, with virtual scrolling.

mod columns;
mod rows;

pub use columns::RangeColumn;
pub use rows::RowCache;

use egui::{Align, Layout, RichText, Sense, Ui};
use egui_extras::{Column, TableBuilder};

use crate::engine::Status;
use crate::gui::command::Command;
use crate::gui::edit::Edit;
use crate::gui::view::{ViewAction, ViewContext};
use crate::gui::view_state::TableView;
use crate::numfmt::{decimal, integer};
use columns::{Col, filled_lookup, indicator_value, note};

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
    keys_tip: "Piltastene flytter valget, Enter åpner Forklar.", "The arrow keys move the selection, Enter opens Explain.";
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

/// Arrow keys move the selected row through the rows shown; Enter opens the Explain tab on it.
fn keyboard(ui: &Ui, ctx: &ViewContext, rows: &[usize], cmds: &mut Vec<Command>, actions: &mut Vec<ViewAction>) {
    if rows.is_empty() || ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let (down, up, enter) = ui.input(|i| {
        (i.key_pressed(egui::Key::ArrowDown), i.key_pressed(egui::Key::ArrowUp), i.key_pressed(egui::Key::Enter))
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
    keyboard(ui, ctx, &rows, cmds, &mut actions);

    let mut cols = columns::columns(ctx.scenario, ctx.dataset);
    if range.is_some()
        && let Some(at) = cols.iter().position(|c| *c == Col::Request)
    {
        cols.insert(at + 1, Col::Range);
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

    // Wide tables (many indicators) scroll sideways; rows scroll virtually inside.
    egui::ScrollArea::horizontal().id_salt("results scroll").auto_shrink([false, false]).show(ui, |ui| {
        // Cell text is not selectable, so a click anywhere on a row selects the row.
        ui.style_mut().interaction.selectable_labels = false;
        table(ui, ctx, view, &rows, &cols, range, scroll_to, cmds, &mut actions);
    });
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

#[allow(clippy::too_many_arguments)]
fn table(
    ui: &mut Ui,
    ctx: &ViewContext,
    view: &mut TableView,
    rows: &[usize],
    cols: &[Col],
    range: Option<&RangeColumn>,
    scroll_to: Option<usize>,
    cmds: &mut Vec<Command>,
    actions: &mut Vec<ViewAction>,
) {
    let t = TableTexts::get(ctx.lang);
    let filled = ctx.allocation.map(filled_lookup).unwrap_or_default();
    let mut builder = municipality_table(ui, "results", scroll_to);
    for col in cols {
        builder = builder.column(match col {
            Col::Code => Column::exact(40.0),
            Col::Name => Column::initial(130.0).at_least(80.0).clip(true),
            Col::County => Column::initial(120.0).at_least(60.0).clip(true),
            Col::Indicator { .. } | Col::Reference(_) => Column::initial(84.0).at_least(50.0).clip(true),
            Col::Note => Column::remainder().at_least(200.0).clip(true),
            _ => Column::initial(72.0).at_least(50.0).clip(true),
        });
    }
    builder
        .header(24.0, |mut header| {
            for col in cols {
                header.col(|ui| {
                    let (text, tip) = match (col, range) {
                        (Col::Range, Some(r)) => (r.header.clone(), r.tip.clone()),
                        _ => col.header(ctx.dataset, ctx.lang),
                    };
                    let key = col.sort_key();
                    let arrow = match (view.sort == key, view.descending) {
                        (true, false) => " ⏶",
                        (true, true) => " ⏷",
                        _ => "",
                    };
                    let button =
                        egui::Button::new(RichText::new(format!("{text}{arrow}")).strong()).frame(false).truncate();
                    if ui.add(button).on_hover_text(tip).clicked() {
                        view.click_header(key);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let r = rows[row.index()];
                let m = &ctx.dataset.municipalities[r];
                let result = ctx.allocation.ok().and_then(|a| a.rows.get(r));
                let asked = result.is_some_and(|x| x.asked());
                let weak = result.is_some() && !asked;
                row.set_selected(ctx.selected == Some(r));
                let text = |s: String| if weak { RichText::new(s).weak() } else { RichText::new(s) };
                for col in cols {
                    row.col(|ui| match *col {
                        Col::Code => {
                            ui.label(text(m.code.clone()));
                        }
                        Col::Name => {
                            ui.add(egui::Label::new(text(ctx.dataset.display_name(r))).truncate());
                        }
                        Col::County => {
                            ui.add(egui::Label::new(text(m.county_name.clone())).truncate());
                        }
                        Col::Population => number_cell(ui, text(integer(m.population, ctx.lang))),
                        Col::Indicator { column, .. } => match indicator_value(ctx, &filled, column, r) {
                            Some((v, None)) => match ctx.dataset.columns[column].meta.estimate_of(&m.code) {
                                // An estimate from a border change: marked like a filled cell, with its reason.
                                Some(reason) => {
                                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                        ui.label(text(format!("{}*", decimal(v, 1, ctx.lang))).italics())
                                            .on_hover_text(ctx.lang.pick(&reason.nb, &reason.en));
                                    });
                                }
                                None => number_cell(ui, text(decimal(v, 1, ctx.lang))),
                            },
                            Some((v, Some(policy))) => {
                                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                    ui.label(text(format!("{}*", decimal(v, 1, ctx.lang))).italics())
                                        .on_hover_text(format!("{} {}", t.filled, policy.label(ctx.lang)));
                                });
                            }
                            None => number_cell(ui, text("–".into())),
                        },
                        Col::Quota => {
                            number_cell(ui, text(result.map_or("–".into(), |x| decimal(x.quota, 2, ctx.lang))))
                        }
                        Col::Request => {
                            let s = result.map_or("–".into(), |x| integer(f64::from(x.allocation), ctx.lang));
                            let lock =
                                if matches!(result.map(|x| &x.status), Some(Status::Locked)) { "🔒 " } else { "" };
                            number_cell(ui, text(format!("{lock}{s}")).strong());
                        }
                        Col::Minors => {
                            number_cell(ui, text(result.map_or("–".into(), |x| integer(f64::from(x.minors), ctx.lang))))
                        }
                        Col::Per1000 => {
                            number_cell(ui, text(result.map_or("–".into(), |x| decimal(x.per_1000, 2, ctx.lang))))
                        }
                        Col::Reference(c) => {
                            let v = ctx.dataset.columns[c].values.get(r).copied().flatten();
                            number_cell(ui, text(v.map_or("–".into(), |v| integer(v, ctx.lang))));
                        }
                        Col::Difference(c) => {
                            let v = ctx.dataset.columns[c].values.get(r).copied().flatten();
                            let d = result.zip(v).map(|(x, v)| f64::from(x.allocation) - v);
                            let s = d.map_or("–".into(), |d| {
                                let sign = if d > 0.0 { "+" } else { "" };
                                format!("{sign}{}", integer(d, ctx.lang))
                            });
                            number_cell(ui, text(s));
                        }
                        Col::Note => {
                            let mut s = result.map(|x| note(&x.status, ctx.lang)).unwrap_or_default();
                            if ctx.scenario.overrides.contains_key(&m.code)
                                && !matches!(result.map(|x| &x.status), Some(Status::Locked))
                            {
                                if !s.is_empty() {
                                    s.push_str("; ");
                                }
                                s.push_str(t.overridden);
                            }
                            ui.add(egui::Label::new(text(s)).truncate());
                        }
                        Col::Range => {
                            let cell = range.and_then(|c| c.rows).map_or("…".into(), |rows| {
                                rows.get(r).map_or("–".into(), |&(lo, hi)| {
                                    let int = |v: u32| integer(f64::from(v), ctx.lang);
                                    if lo == hi { int(lo) } else { format!("{}–{}", int(lo), int(hi)) }
                                })
                            });
                            number_cell(ui, text(cell));
                        }
                    });
                }
                let response = row.response();
                let response = match result.and_then(|x| x.reason()) {
                    Some(reason) => response.on_hover_text(reason.message(ctx.lang)),
                    None => response,
                };
                if response.clicked() {
                    actions.push(ViewAction::Select(Some(r)));
                }
                response.context_menu(|ui| {
                    override_menu(ui, ctx, r, cmds);
                });
            });
        });
}

/// A right-aligned number as one widget filling the cell. (A right-to-left child layout per cell would add a
/// layout pass and an accessibility node to each of the few hundred visible cells, every frame.)
pub(in crate::gui) fn number_cell(ui: &mut Ui, text: RichText) {
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
