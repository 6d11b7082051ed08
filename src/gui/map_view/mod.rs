//! The Map tab: municipalities coloured by the request or an indicator, so it shows at a glance
//! whether the target is spread across all regions.
//!
//! The geometry of a border year is decoded and triangulated once (`mesh::MapMesh`); each frame
//! only transforms it to the screen, and even that is reused while the camera and colours stay put
//! (`paint::Frame`). Hovering hit-tests the pointer through the inverse view transform.

mod camera;
mod classes;
mod colouring;
mod labels;
mod legend;
mod measure;
mod mesh;
mod paint;
mod palette;
mod texts;
mod triangulate;
#[cfg(test)]
mod view_tests;

use eframe::egui;
use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Ui, UiBuilder, Vec2, vec2};

use self::camera::{Camera, View};
use self::colouring::Colouring;
pub use self::colouring::{Fill, Legend, LegendEntry};
pub use self::measure::Measure;
use self::measure::{RowStatus, pick};
use self::mesh::MapMesh;
use self::paint::{Frame, FrameKey, shape_outline};
pub use self::palette::Pattern;
use self::palette::Patterns;
use self::texts::MapTexts;
use crate::data::Dataset;
use crate::gui::view::{ViewAction, ViewContext};
use crate::map::{MapGeometry, decode, embedded_map};
use crate::numfmt;

/// A decoded and triangulated border year.
struct LoadedMap {
    geometry: MapGeometry,
    mesh: MapMesh,
}

/// Which dataset row each shape is, for one dataset.
struct Links {
    dataset: (String, String),
    row_of_shape: Vec<Option<usize>>,
    shape_of_row: Vec<Option<usize>>,
}

/// Everything the map remembers between frames.
pub struct MapState {
    /// Per dataset id; `Err` when there is no map for it or it could not be read.
    maps: HashMap<String, Result<Arc<LoadedMap>, String>>,
    links: Option<Links>,
    /// `None` until the first frame fits the country.
    camera: Option<Camera>,
    measure: Measure,
    /// Pattern the not-asked also on indicator and difference maps.
    mark_not_asked: bool,
    /// Shape under the pointer.
    hovered: Option<usize>,
    colouring: Option<Colouring>,
    /// Per shape, from `colouring` and `links`.
    shape_fills: Vec<Fill>,
    /// Bumped whenever `shape_fills` changes.
    colour_version: u64,
    frame: Option<Frame>,
    patterns: Option<Patterns>,
    /// Last frame's view and legend box, for tests, exports and ignoring clicks on the legend.
    last_view: Option<View>,
    legend_rect: Option<Rect>,
    /// The municipality a right-click opened the override menu on.
    menu_row: Option<usize>,
}

impl Default for MapState {
    fn default() -> Self {
        MapState {
            maps: HashMap::new(),
            links: None,
            camera: None,
            measure: Measure::default(),
            mark_not_asked: true,
            hovered: None,
            colouring: None,
            shape_fills: Vec::new(),
            colour_version: 0,
            frame: None,
            patterns: None,
            last_view: None,
            legend_rect: None,
            menu_row: None,
        }
    }
}

impl MapState {
    pub fn measure(&self) -> &Measure {
        &self.measure
    }

    pub fn set_measure(&mut self, measure: Measure) {
        self.measure = measure;
    }

    /// The map for a dataset, decoded and triangulated on first use.
    fn map_for(&mut self, dataset_id: &str) -> Result<Arc<LoadedMap>, String> {
        self.maps
            .entry(dataset_id.to_owned())
            .or_insert_with(|| {
                let bytes = embedded_map(dataset_id).ok_or_else(String::new)?;
                let geometry = decode(bytes).map_err(|e| e.to_string())?;
                let mesh = MapMesh::build(&geometry);
                Ok(Arc::new(LoadedMap { geometry, mesh }))
            })
            .clone()
    }

    fn update_links(&mut self, dataset: &Dataset, map: &LoadedMap) {
        let key = (dataset.id.clone(), dataset.fingerprint.clone());
        if self.links.as_ref().is_some_and(|l| l.dataset == key && l.row_of_shape.len() == map.geometry.shapes.len()) {
            return;
        }
        let row_of_shape: Vec<Option<usize>> =
            map.geometry.shapes.iter().map(|s| dataset.index_of_code(&s.code)).collect();
        let mut shape_of_row = vec![None; dataset.len()];
        for (shape, row) in row_of_shape.iter().enumerate() {
            if let Some(r) = *row {
                shape_of_row[r] = Some(shape);
            }
        }
        self.links = Some(Links { dataset: key, row_of_shape, shape_of_row });
        self.colouring = None; // refill the shapes
    }

    /// Re-classes only when the values, statuses or options changed.
    fn update_colouring(&mut self, ctx: &ViewContext) {
        let data = self.measure.evaluate(ctx);
        if self.colouring.as_ref().is_some_and(|c| c.data == data && c.mark_not_asked == self.mark_not_asked) {
            return;
        }
        let colouring = Colouring::new(data, self.mark_not_asked);
        self.shape_fills = match &self.links {
            Some(links) => links
                .row_of_shape
                .iter()
                .map(|row| row.and_then(|r| colouring.fills.get(r).copied()).unwrap_or(Fill::NO_DATA))
                .collect(),
            None => Vec::new(),
        };
        self.colouring = Some(colouring);
        self.colour_version += 1;
    }

    fn legend(&self, ctx: &ViewContext) -> Option<Legend> {
        let (colouring, links) = (self.colouring.as_ref()?, self.links.as_ref()?);
        let rows = links.row_of_shape.iter().flatten().copied();
        let unmatched = links.row_of_shape.iter().filter(|r| r.is_none()).count();
        Some(colouring.legend(ctx.lang, rows, unmatched))
    }
}

/// The legend of the map as it is currently coloured (for exports); `None` when the dataset has
/// no map or the map has not been shown yet.
pub fn map_legend_entries(ctx: &ViewContext, state: &MapState) -> Option<Legend> {
    let links = state.links.as_ref()?;
    if links.dataset != (ctx.dataset.id.clone(), ctx.dataset.fingerprint.clone()) {
        return None;
    }
    let colouring = Colouring::new(state.measure.resolve(ctx).evaluate(ctx), state.mark_not_asked);
    let rows = links.row_of_shape.iter().flatten().copied();
    let unmatched = links.row_of_shape.iter().filter(|r| r.is_none()).count();
    Some(colouring.legend(ctx.lang, rows, unmatched))
}

/// Shows the map tab; returns a selection when a municipality is clicked.
pub fn show_map(ui: &mut Ui, ctx: &ViewContext, state: &mut MapState) -> Vec<ViewAction> {
    let mut actions = Vec::new();
    let t = MapTexts::get(ctx.lang);
    let map = match state.map_for(&ctx.dataset.id) {
        Ok(map) => map,
        Err(error) => {
            ui.add_space(12.0);
            if error.is_empty() {
                ui.label(t.no_map);
            } else {
                ui.colored_label(ui.visuals().error_fg_color, format!("{}: {error}", t.map_error));
            }
            return actions;
        }
    };
    state.measure = state.measure.resolve(ctx);
    toolbar(ui, ctx, state, map.mesh.size);
    if let Err(error) = ctx.allocation
        && !matches!(state.measure, Measure::Column(_))
    {
        ui.colored_label(ui.visuals().warn_fg_color, format!("{}: {error}", t.no_result));
    }
    state.update_links(ctx.dataset, &map);
    state.update_colouring(ctx);

    let size = ui.available_size().max(vec2(200.0, 150.0));
    let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, t.map_label));
    let viewport = response.rect;
    let map_size = map.mesh.size;
    let over_legend = |p: Pos2| state.legend_rect.is_some_and(|r| r.contains(p));
    let pointer = response.hover_pos().filter(|&p| !over_legend(p));

    // Camera: drag pans, wheel or pinch zooms around the pointer, double-click fits the country.
    let camera = state.camera.get_or_insert_with(|| Camera::fit(map_size));
    if response.double_clicked() {
        *camera = Camera::fit(map_size);
    } else {
        if response.dragged() {
            let view = camera.view(viewport, map_size);
            camera.pan(response.drag_delta(), &view);
        }
        if let Some(p) = pointer {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            let factor = pinch * (scroll.y / 200.0).exp();
            if factor != 1.0 && factor.is_finite() {
                camera.zoom_at(factor, p, viewport, map_size);
                ui.input_mut(|i| i.smooth_scroll_delta = Vec2::ZERO);
            }
        }
    }
    camera.clamp(map_size);
    let view = camera.view(viewport, map_size);
    state.last_view = Some(view);

    let hit = |screen: Pos2| map.geometry.hit_test(map.mesh.to_projected(view.to_map(screen)));
    state.hovered = if response.dragged() { None } else { pointer.and_then(hit) };
    if response.clicked()
        && let Some(p) = response.interact_pointer_pos().filter(|&p| !over_legend(p))
    {
        let row = hit(p).and_then(|s| state.links.as_ref().and_then(|l| l.row_of_shape[s]));
        actions.push(ViewAction::Select(row));
    }
    // A right-click selects the municipality and opens the override menu on it.
    if response.secondary_clicked()
        && let Some(p) = response.interact_pointer_pos().filter(|&p| !over_legend(p))
    {
        state.menu_row = hit(p).and_then(|s| state.links.as_ref().and_then(|l| l.row_of_shape[s]));
        if state.menu_row.is_some() {
            actions.push(ViewAction::Select(state.menu_row));
        }
    }
    if let Some(row) = state.menu_row {
        response.context_menu(|ui| {
            let allocation = ctx.allocation.ok();
            if let Some(value) = crate::gui::overrides::menu(ui, ctx.dataset, ctx.scenario, allocation, row, ctx.lang) {
                let code = ctx.dataset.municipalities[row].code.clone();
                actions.push(ViewAction::SetOverride { code, value });
            }
        });
    }

    // Paint: sea, the cached map, then hover and selection on top.
    painter.rect_filled(viewport, 0.0, palette::sea(ui.visuals().dark_mode));
    let patterns = state.patterns.get_or_insert_with(|| Patterns::load(ui.ctx()));
    let key = FrameKey { view, colours: state.colour_version, pixels_per_point: ui.ctx().pixels_per_point() };
    if state.frame.as_ref().is_none_or(|f| f.key != key) {
        let textures = Pattern::ALL.map(|p| patterns.texture(p));
        let options = ui.ctx().tessellation_options(|o| *o);
        state.frame = Some(Frame::build(&map.mesh, key, &state.shape_fills, textures, options));
    }
    if let Some(frame) = &state.frame {
        frame.paint(&painter);
    }
    if let Some(shape) = state.hovered {
        painter.extend(shape_outline(&map.mesh, &view, shape, Stroke::new(6.0, palette::HALO)));
        painter.extend(shape_outline(&map.mesh, &view, shape, Stroke::new(2.5, palette::HOVER)));
    }
    let selected_shape = ctx.selected.and_then(|row| state.links.as_ref()?.shape_of_row.get(row).copied().flatten());
    if let Some(shape) = selected_shape {
        painter.extend(shape_outline(&map.mesh, &view, shape, Stroke::new(5.0, palette::HALO)));
        painter.extend(shape_outline(&map.mesh, &view, shape, Stroke::new(2.5, palette::SELECTED)));
    }

    names(&painter, ctx, &map, state.links.as_ref(), &view, viewport);

    if let Some(legend) = state.legend(ctx) {
        let area = Rect::from_min_size(viewport.min + vec2(8.0, 8.0), vec2(280.0, (viewport.height() - 16.0).max(0.0)));
        let patterns = state.patterns.clone();
        let inner = ui.scope_builder(UiBuilder::new().max_rect(area), |ui| {
            legend::show_legend(ui, &legend, patterns.as_ref(), ctx.lang);
        });
        state.legend_rect = Some(inner.response.rect);
    }

    if let Some(shape) = state.hovered {
        let row = state.links.as_ref().and_then(|l| l.row_of_shape[shape]);
        let code = map.geometry.shapes[shape].code.clone();
        response.on_hover_ui_at_pointer(|ui| tooltip(ui, ctx, state, &code, row));
    }
    actions
}

/// Municipality names: the most populous first and none over another (see [`labels::choose`]).
fn names(
    painter: &egui::Painter,
    ctx: &ViewContext,
    map: &LoadedMap,
    links: Option<&Links>,
    view: &View,
    viewport: Rect,
) {
    let Some(links) = links else { return };
    let font = egui::FontId::proportional(12.0);
    let text_colour = Color32::from_gray(20);
    let mut candidates = Vec::new();
    for (shape, row) in map.geometry.shapes.iter().zip(&links.row_of_shape) {
        let Some(row) = *row else { continue };
        let Some(m) = ctx.dataset.municipalities.get(row) else { continue };
        let b = &shape.bounds;
        let (lo, hi) = (view.to_screen(map.mesh.to_map(b.min)), view.to_screen(map.mesh.to_map(b.max)));
        let screen = Rect::from_two_pos(lo, hi);
        let centre = view.to_screen(map.mesh.to_map(b.center()));
        if !viewport.contains(centre) {
            continue;
        }
        // Roughly 7 points a letter at this size.
        let size = vec2(ctx.dataset.display_name(row).chars().count() as f32 * 7.0, 14.0);
        let fits = screen.width() >= size.x + 8.0 && screen.height() >= 24.0;
        candidates.push(labels::Candidate { row, population: m.population, centre, size, fits });
    }
    for c in labels::choose(candidates, viewport.shrink(4.0)) {
        let name = ctx.dataset.display_name(c.row);
        // A light halo keeps the dark name readable on every class colour, the darkest too.
        for offset in [vec2(-1.0, 0.0), vec2(1.0, 0.0), vec2(0.0, -1.0), vec2(0.0, 1.0)] {
            let halo = Color32::from_white_alpha(230);
            painter.text(c.centre + offset, egui::Align2::CENTER_CENTER, &name, font.clone(), halo);
        }
        painter.text(c.centre, egui::Align2::CENTER_CENTER, &name, font.clone(), text_colour);
    }
}

fn toolbar(ui: &mut Ui, ctx: &ViewContext, state: &mut MapState, map_size: Vec2) {
    let t = MapTexts::get(ctx.lang);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.show);
        let current = state.measure.label(ctx);
        let combo = egui::ComboBox::from_id_salt("map-measure").selected_text(current).width(300.0).show_ui(ui, |ui| {
            let mut indicators_heading = false;
            for m in Measure::available(ctx) {
                if matches!(m, Measure::Column(_)) && !indicators_heading {
                    ui.separator();
                    ui.label(RichText::new(t.indicators).weak());
                    indicators_heading = true;
                }
                let label = m.label(ctx);
                ui.selectable_value(&mut state.measure, m, label);
            }
        });
        combo.response.labelled_by(label.id);
        // The request maps always pattern the not-asked: their value would read as zero.
        let request_based = matches!(state.measure, Measure::Request | Measure::PerThousand);
        ui.add_enabled(!request_based, egui::Checkbox::new(&mut state.mark_not_asked, t.mark_not_asked))
            .on_hover_text(t.mark_not_asked_hint)
            .on_disabled_hover_text(t.mark_not_asked_hint);
        if ui.button(t.whole_country).clicked() {
            state.camera = Some(Camera::fit(map_size));
        }
        ui.label(RichText::new(t.hint).weak().small());
    });
}

fn tooltip(ui: &mut Ui, ctx: &ViewContext, state: &MapState, code: &str, row: Option<usize>) {
    let t = MapTexts::get(ctx.lang);
    let lang = ctx.lang;
    let Some((row, m)) = row.and_then(|r| Some((r, ctx.dataset.municipalities.get(r)?))) else {
        ui.label(RichText::new(code).strong());
        ui.label(t.no_municipality);
        return;
    };
    ui.label(RichText::new(format!("{} ({})", ctx.dataset.display_name(row), m.code)).strong());
    ui.label(RichText::new(&m.county_name).weak());
    match ctx.allocation {
        Ok(allocation) if row < allocation.rows.len() => {
            let r = &allocation.rows[row];
            match RowStatus::of(r) {
                RowStatus::Asked => {
                    let locked = if matches!(r.status, crate::engine::Status::Locked) {
                        format!(" ({})", t.locked)
                    } else {
                        String::new()
                    };
                    ui.label(format!("{}: {}{locked}", t.request_line, numfmt::integer(f64::from(r.allocation), lang)));
                    ui.label(format!("{}: {}", t.per_1000_line, numfmt::decimal(r.per_1000, 2, lang)));
                }
                status => {
                    let head = if status == RowStatus::Excluded { t.excluded } else { t.not_asked };
                    let reason = r.reason().map(|why| format!(": {}", why.message(lang))).unwrap_or_default();
                    ui.label(format!("{head}{reason}"));
                }
            }
        }
        _ => {
            ui.label(RichText::new(t.no_result).weak());
        }
    }
    let Some(colouring) = &state.colouring else {
        return;
    };
    let data = &colouring.data;
    if matches!(data.measure, Measure::FollowUp { .. }) {
        let status =
            data.values.get(row).copied().flatten().and_then(|k| self::measure::STATUS_CLASSES.get(k as usize));
        let text = status.map_or(crate::followup::Answer::NotAsked.label(lang), |a| a.label(lang));
        ui.label(format!("{}: {text}", data.title));
    }
    if matches!(data.measure, Measure::Difference | Measure::Column(_) | Measure::CountyDeviation) {
        let value = match data.values.get(row).copied().flatten() {
            Some(v) if data.measure == Measure::Difference => {
                let sign = if v > 0.0 { "+" } else { "" };
                let words = match v.partial_cmp(&0.0) {
                    Some(std::cmp::Ordering::Less) => t.fewer,
                    Some(std::cmp::Ordering::Greater) => t.more,
                    _ => t.same,
                };
                format!("{sign}{} ({words})", numfmt::decimal(v, data.decimals, lang))
            }
            Some(v) if data.measure == Measure::CountyDeviation => {
                let sign = if v > 0.0 { "+" } else { "" };
                format!("{sign}{}", numfmt::decimal(v, data.decimals, lang))
            }
            Some(v) => format!("{} {}", numfmt::decimal(v, data.decimals, lang), data.unit),
            None => t.no_data.to_owned(),
        };
        ui.label(format!("{}: {value}", data.title));
        if data.measure == Measure::Difference
            && let Some(col) = ctx.scenario.reference_column.as_deref().and_then(|id| ctx.dataset.column(id))
        {
            let reference = col.values.get(row).copied().flatten();
            let text = reference.map_or_else(|| t.no_data.to_owned(), |v| numfmt::decimal(v, data.decimals, lang));
            ui.label(RichText::new(format!("{} ({}): {text}", t.reference_line, pick(ctx, &col.meta.label))).weak());
        }
        if data.measure == Measure::CountyDeviation
            && let Some(code) = ctx.dataset.municipalities.get(row).map(|m| &m.code)
            && let Some(&recommended) = ctx.scenario.county_recommendations.get(code)
        {
            let text = numfmt::integer(f64::from(recommended), lang);
            ui.label(RichText::new(format!("{}: {text}", t.recommended_line)).weak());
        }
    }
}
