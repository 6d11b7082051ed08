//! The map figure: every municipality coloured by a measure, with the Map tab's geometry and classes, county
//! borders on top, and a legend of ranges, units and counts. Municipalities without a value are grey, never a
//! class colour, so they cannot be read as low values.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::canvas::{Anchor, Canvas, Drawn, MUTED, Surface, TEXT, rgb};
use super::error::{FigureError, draw as draw_error};
use super::measure::{RowStatus, STATUS_CLASSES, Values, evaluate, status_classes};
use super::texts::FigureTexts;
use super::{FigureSpec, Plan};
use crate::map::classes::{Classes, SEQUENTIAL_CLASSES, Scheme, legend_decimals, range_label};
use crate::map::{MapGeometry, colours, decode, embedded_map};

const OUTLINE: RGBColor = RGBColor(0x8c, 0x8c, 0x8c);
const COUNTY: RGBColor = RGBColor(0x25, 0x25, 0x25);
/// The hatch over municipalities excluded by hand (darker than both greys, so it shows in greyscale too).
pub(super) const HATCH: RGBColor = RGBColor(0x4d, 0x4d, 0x4d);

/// How one municipality is filled, and which legend line it counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fill {
    Class(usize),
    NotAsked,
    Excluded,
    NoData,
}

/// The map of a dataset: the embedded borders that match it.
pub fn geometry_for(dataset_id: &str) -> Result<MapGeometry, FigureError> {
    let bytes = embedded_map(dataset_id).ok_or_else(|| FigureError::NoMap(dataset_id.to_owned()))?;
    decode(bytes).map_err(|e| FigureError::BadMap(e.to_string()))
}

fn classes_of(values: &Values) -> Option<Classes> {
    let present: Vec<f64> = values.values.iter().flatten().copied().collect();
    match values.scheme {
        Scheme::Sequential => Classes::sequential(&present, SEQUENTIAL_CLASSES, values.integer),
        Scheme::Diverging => Classes::diverging(&present, values.integer),
        Scheme::Status => Some(status_classes()),
        Scheme::Ratio => Classes::ratio(&present),
    }
}

fn fill_of(values: &Values, classes: Option<&Classes>, row: Option<usize>) -> Fill {
    let Some(row) = row else { return Fill::NoData };
    if values.request_based {
        match values.status[row] {
            RowStatus::NotAsked => return Fill::NotAsked,
            RowStatus::Excluded => return Fill::Excluded,
            RowStatus::NoResult => return Fill::NoData,
            RowStatus::Asked => {}
        }
    }
    match (values.values[row], classes) {
        (Some(v), Some(c)) if v.is_finite() => Fill::Class(c.class_of(v)),
        _ => Fill::NoData,
    }
}

fn colour_of(fill: Fill, classes: Option<&Classes>) -> RGBColor {
    match (fill, classes) {
        (Fill::Class(k), Some(c)) => rgb(c.colours[k.min(c.colours.len() - 1)]),
        (Fill::NotAsked, _) => rgb(colours::NOT_ASKED),
        (Fill::Excluded, _) => rgb(colours::EXCLUDED),
        _ => RGBColor(0xf4, 0xf4, 0xf4),
    }
}

pub fn draw<DB: Surface>(root: &DrawingArea<DB, Shift>, plan: &Plan, spec: &FigureSpec) -> Drawn {
    let t = FigureTexts::get(spec.lang);
    let values = evaluate(&spec.measure, plan.dataset, plan.scenario, plan.allocation, spec.lang)?;
    let map = geometry_for(&plan.dataset.id)?;
    let classes = classes_of(&values);
    let rows: Vec<Option<usize>> = map.shapes.iter().map(|s| plan.dataset.index_of_code(&s.code)).collect();
    let fills: Vec<Fill> = rows.iter().map(|&r| fill_of(&values, classes.as_ref(), r)).collect();

    let canvas = Canvas::new(root, spec.text_scale);
    let title =
        if values.request_based && values.title == t.request { t.map_title.to_owned() } else { values.title.clone() };
    let (top, bottom) = canvas.frame(&title, &super::bars::subtitle(plan, spec.lang), t.map_source)?;
    let margin = canvas.px(1.2);
    let legend_width = (canvas.width / 4).max(canvas.px(11.0));
    let map_box = (margin, top, canvas.width - margin - legend_width, bottom);
    draw_shapes(&canvas, &map, &fills, classes.as_ref(), map_box)?;
    let legend_x = canvas.width - margin - legend_width + canvas.px(0.8);
    draw_legend(
        &canvas,
        &values,
        classes.as_ref(),
        &fills,
        (legend_x, top + canvas.px(1.0), legend_width - canvas.px(0.8)),
        spec,
    )
}

fn draw_shapes<DB: Surface>(
    canvas: &Canvas<DB>,
    map: &MapGeometry,
    fills: &[Fill],
    classes: Option<&Classes>,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
) -> Drawn {
    let b = map.bounds;
    let scale = (f64::from(x1 - x0) / f64::from(b.width())).min(f64::from(y1 - y0) / f64::from(b.height()));
    let ox = f64::from(x0) + (f64::from(x1 - x0) - f64::from(b.width()) * scale) / 2.0;
    let oy = f64::from(y0) + (f64::from(y1 - y0) - f64::from(b.height()) * scale) / 2.0;
    // North up: projected y grows northwards, pixels grow downwards.
    let to_px = |p: &[f32; 2]| {
        let x = ox + f64::from(p[0] - b.min[0]) * scale;
        let y = oy + f64::from(b.max[1] - p[1]) * scale;
        (x.round() as i32, y.round() as i32)
    };
    let ring = |points: &[[f32; 2]]| -> Vec<(i32, i32)> {
        let mut out: Vec<(i32, i32)> = Vec::with_capacity(points.len());
        for p in points {
            let q = to_px(p);
            if out.last() != Some(&q) {
                out.push(q);
            }
        }
        out
    };
    let outline_width = ((canvas.unit / 22.0).round() as u32).max(1);
    // Larger shapes first, so a municipality inside another's hole is painted over it.
    let mut order: Vec<usize> = (0..map.shapes.len()).collect();
    let area = |i: usize| f64::from(map.shapes[i].bounds.width()) * f64::from(map.shapes[i].bounds.height());
    order.sort_by(|&a, &c| area(c).total_cmp(&area(a)));
    for i in order {
        let colour = colour_of(fills[i], classes);
        for polygon in &map.shapes[i].polygons {
            let exterior = ring(&polygon.exterior);
            if exterior.len() < 3 {
                continue;
            }
            canvas.area.draw(&Polygon::new(exterior.clone(), colour.filled())).map_err(draw_error)?;
            let holes: Vec<Vec<(i32, i32)>> = polygon.holes.iter().map(|h| ring(h)).filter(|h| h.len() >= 3).collect();
            for hole in &holes {
                canvas.area.draw(&Polygon::new(hole.clone(), WHITE.filled())).map_err(draw_error)?;
            }
            if fills[i] == Fill::Excluded {
                let mut rings = vec![exterior.clone()];
                rings.extend(holes);
                hatch(canvas, &rings)?;
            }
            let mut closed = exterior;
            closed.push(closed[0]);
            canvas.line(closed, OUTLINE, outline_width)?;
        }
    }
    let county_width = outline_width * 2;
    for line in &map.county_borders {
        let points = ring(line);
        if points.len() >= 2 {
            canvas.line(points, COUNTY, county_width)?;
        }
    }
    Ok(())
}

/// Diagonal lines across a shape (see `hatch.rs`).
fn hatch<DB: Surface>(canvas: &Canvas<DB>, rings: &[Vec<(i32, i32)>]) -> Drawn {
    let spacing = canvas.px(0.3).max(3);
    for (a, b) in super::hatch::hatch_segments(rings, spacing) {
        canvas.line(vec![a, b], HATCH, 1)?;
    }
    Ok(())
}

fn draw_legend<DB: Surface>(
    canvas: &Canvas<DB>,
    values: &Values,
    classes: Option<&Classes>,
    fills: &[Fill],
    (x, mut y, width): (i32, i32, i32),
    spec: &FigureSpec,
) -> Drawn {
    let t = FigureTexts::get(spec.lang);
    let lang = spec.lang;
    for line in canvas.wrap(&values.title, 0.9, width) {
        canvas.text(&line, (x, y), 0.9, TEXT, Anchor::TOP_LEFT)?;
        y += canvas.px(1.2);
    }
    if !values.unit.is_empty() {
        canvas.text(&format!("({})", values.unit), (x, y), 0.75, MUTED, Anchor::TOP_LEFT)?;
        y += canvas.px(1.2);
    }
    y += canvas.px(0.4);
    let count = |f: Fill| fills.iter().filter(|&&g| g == f).count();
    let mut entries: Vec<(String, Fill)> = Vec::new();
    if let Some(c) = classes {
        let decimals = legend_decimals(c, values.decimals);
        for k in 0..c.len() {
            let label = match c.scheme {
                Scheme::Status => STATUS_CLASSES.get(k).map_or_else(String::new, |a| a.label(lang).to_owned()),
                Scheme::Sequential | Scheme::Diverging | Scheme::Ratio => {
                    let (lo, hi) = c.range(k);
                    range_label(lo, hi, c.integer, decimals, lang)
                }
            };
            entries.push((label, Fill::Class(k)));
        }
    }
    for (label, fill) in [(t.not_asked, Fill::NotAsked), (t.excluded, Fill::Excluded), (t.no_data, Fill::NoData)] {
        if count(fill) > 0 {
            entries.push((label.to_owned(), fill));
        }
    }
    let size = canvas.px(1.0);
    for (label, fill) in entries {
        canvas.rect((x, y), (x + size, y + size), colour_of(fill, classes))?;
        if fill == Fill::Excluded {
            hatch(canvas, &[vec![(x, y), (x + size, y), (x + size, y + size), (x, y + size)]])?;
        }
        canvas.outline((x, y), (x + size, y + size), OUTLINE, 1)?;
        let text = format!("{label}  ({})", count(fill));
        let lines = canvas.wrap(&text, 0.75, width - size - canvas.px(0.6));
        let mut ly = y + size / 2;
        for line in &lines {
            canvas.text(line, (x + size + canvas.px(0.6), ly), 0.75, TEXT, Anchor::LEFT)?;
            ly += canvas.px(1.0);
        }
        y += size.max(canvas.px(1.0) * lines.len() as i32) + canvas.px(0.5);
    }
    Ok(())
}

#[cfg(test)]
pub(super) fn fills_for_test(plan: &Plan, spec: &FigureSpec) -> Result<Vec<(String, bool)>, FigureError> {
    // (code, painted with a class colour) per shape.
    let values = evaluate(&spec.measure, plan.dataset, plan.scenario, plan.allocation, spec.lang)?;
    let map = geometry_for(&plan.dataset.id)?;
    let classes = classes_of(&values);
    Ok(map
        .shapes
        .iter()
        .map(|s| {
            let fill = fill_of(&values, classes.as_ref(), plan.dataset.index_of_code(&s.code));
            (s.code.clone(), matches!(fill, Fill::Class(_)))
        })
        .collect())
}
