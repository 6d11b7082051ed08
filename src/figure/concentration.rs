//! The concentration figure: municipalities sorted by request, largest first, against the cumulative share of
//! the refugees, beside the reference's curve and the diagonal of equal shares; the Gini coefficient and how
//! many municipalities take half in the legend.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::bars::subtitle;
use super::canvas::{Anchor, Canvas, Drawn, GRID, MUTED, PLAN, REFERENCE, Surface, TEXT, nice_ticks};
use super::error::FigureError;
use super::texts::FigureTexts;
use super::{FigureSpec, Plan};
use crate::analysis::concentration::{Curve, concentration_curve};
use crate::lang::Lang;
use crate::numfmt;

/// "Half go to 31 of 356 municipalities · Gini 0,72".
pub fn summary(curve: &Curve, lang: Lang) -> String {
    let t = FigureTexts::get(lang);
    let half = t
        .half_goes_to
        .replace("{n}", &numfmt::integer(curve.count_for_share(0.5) as f64, lang))
        .replace("{m}", &numfmt::integer(curve.count() as f64, lang));
    format!("{half} · {} {}", t.gini, numfmt::decimal(curve.gini(), 2, lang))
}

pub fn draw<DB: Surface>(root: &DrawingArea<DB, Shift>, plan: &Plan, spec: &FigureSpec) -> Drawn {
    let t = FigureTexts::get(spec.lang);
    let lang = spec.lang;
    let requests: Vec<f64> = plan.allocation.rows.iter().map(|r| f64::from(r.allocation)).collect();
    let curve = concentration_curve(&requests).ok_or(FigureError::Empty)?;
    let reference = plan.scenario.reference_column.as_deref().and_then(|id| plan.dataset.column(id)).and_then(|c| {
        let values: Vec<f64> = c.values.iter().map(|v| v.unwrap_or(0.0)).collect();
        Some((lang.pick(&c.meta.label.nb, &c.meta.label.en).to_owned(), concentration_curve(&values)?))
    });

    let canvas = Canvas::new(root, spec.text_scale);
    let (mut top, bottom) = canvas.frame(t.concentration_title, &subtitle(plan, lang), t.data_source)?;
    let margin = canvas.px(1.2);
    let mut keys = vec![(format!("{} ({}): {}", t.this_plan, plan.scenario.name, summary(&curve, lang)), PLAN)];
    if let Some((label, r)) = &reference {
        keys.push((format!("{}: {label}: {}", t.reference, summary(r, lang)), REFERENCE));
    }
    for key in &keys {
        canvas.keys(std::slice::from_ref(key), margin, top + canvas.px(0.5))?;
        top += canvas.px(1.4);
    }
    top += canvas.px(0.6);

    let label_room = canvas.px(4.5);
    let axis_y = bottom - canvas.px(2.6);
    let side = (axis_y - top).min(canvas.width - 2 * margin - label_room);
    let x0 = margin + label_room;
    let (x1, y0, y1) = (x0 + side, axis_y, axis_y - side);
    let px = |p: [f64; 2]| (x0 + (p[0] * f64::from(side)).round() as i32, y0 - (p[1] * f64::from(side)).round() as i32);
    for tick in nice_ticks(0.0, 1.0, 5) {
        let (x, y) = px([tick, tick]);
        canvas.line(vec![(x, y0), (x, y1)], GRID, 1)?;
        canvas.line(vec![(x0, y), (x1, y)], GRID, 1)?;
        let label = numfmt::percent(tick, 0, lang);
        canvas.text(&label, (x, y0 + canvas.px(0.3)), 0.75, MUTED, Anchor::TOP)?;
        canvas.text(&label, (x0 - canvas.px(0.4), y), 0.75, MUTED, Anchor::RIGHT)?;
    }
    canvas.outline((x0, y1), (x1, y0), MUTED, 1)?;
    canvas.dashed(px([0.0, 0.0]), px([1.0, 1.0]), MUTED, 1)?;
    canvas.text(t.equality, px([0.62, 0.55]), 0.75, MUTED, Anchor::LEFT)?;
    let width = ((canvas.unit / 7.0).round() as u32).max(2);
    if let Some((_, r)) = &reference {
        canvas.line(r.points.iter().map(|&p| px(p)).collect(), REFERENCE, width)?;
    }
    canvas.line(curve.points.iter().map(|&p| px(p)).collect(), PLAN, width)?;
    canvas.text(t.municipalities_axis, ((x0 + x1) / 2, y0 + canvas.px(1.4)), 0.8, TEXT, Anchor::TOP)?;
    // The y axis title stands above the axis, where it needs no rotation.
    canvas.text(t.refugees_axis, (x0 + canvas.px(0.4), y1 + canvas.px(0.3)), 0.8, TEXT, Anchor::TOP_LEFT)?;
    Ok(())
}
