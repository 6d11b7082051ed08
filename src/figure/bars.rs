//! Horizontal bar figures: county totals beside the reference, the largest requests, and one municipality's
//! waterfall. Names sit on the left where they can be read; values at the end of each bar.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::canvas::{
    Anchor, Canvas, Drawn, GAIN, GRID, LOSS, MUTED, PLAN, REFERENCE, Surface, TEXT, TOTAL, nice_ticks,
};
use super::error::FigureError;
use super::texts::FigureTexts;
use super::{FigureSpec, Plan};
use crate::analysis::{Baseline, StepKind, compare, explain};
use crate::lang::Lang;
use crate::numfmt;

/// How many of the largest requests the top figure shows.
pub const TOP_COUNT: usize = 20;

/// "IMDi 2020 · Norge 2020 · mål 5 120 · 2026-12-04".
pub fn subtitle(plan: &Plan, lang: Lang) -> String {
    let t = FigureTexts::get(lang);
    let d = plan.dataset;
    format!(
        "{} · {} · {} {} · {}",
        plan.scenario.name,
        d.heading(lang),
        t.target,
        numfmt::integer(f64::from(plan.allocation.target), lang),
        crate::dates::long_date(plan.date, lang)
    )
}

/// One bar: from `from` to `to` on the value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub from: f64,
    pub to: f64,
    pub colour: RGBColor,
    /// Printed after the bar; empty for none.
    pub label: String,
}

/// A named row of one or more bars (plan, then reference), drawn one under the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub bars: Vec<Bar>,
}

pub struct BarFigure {
    pub title: String,
    pub rows: Vec<Row>,
    pub keys: Vec<(String, RGBColor)>,
    pub axis: String,
    /// A line under the title, above the keys (e.g. of which minors).
    pub note: String,
}

fn reference_label(plan: &Plan, lang: Lang) -> Option<(String, &'static str)> {
    let id = plan.scenario.reference_column.as_deref()?;
    let col = plan.dataset.column(id)?;
    Some((lang.pick(&col.meta.label.nb, &col.meta.label.en).to_owned(), ""))
}

fn simple_bar(value: f64, colour: RGBColor, lang: Lang) -> Bar {
    Bar { from: 0.0, to: value, colour, label: numfmt::integer(value, lang) }
}

/// County totals, with the reference column's totals beside them when the scenario has one.
pub fn county_rows(plan: &Plan, lang: Lang) -> Vec<Row> {
    let reference = plan
        .scenario
        .reference_column
        .as_deref()
        .and_then(|id| compare(plan.dataset, plan.allocation, Baseline::Column(id)).ok().map(|c| c.counties));
    // Largest first, as the planner's county chart (equal totals by county number).
    let mut counties: Vec<&crate::engine::CountyTotal> = plan.allocation.counties.iter().collect();
    counties.sort_by(|a, b| b.allocation.cmp(&a.allocation).then_with(|| a.code.cmp(&b.code)));
    counties
        .into_iter()
        .map(|c| {
            let mut bars = vec![simple_bar(c.allocation as f64, PLAN, lang)];
            if let Some(r) = reference.as_ref().and_then(|r| r.iter().find(|r| r.code == c.code)) {
                bars.push(simple_bar(r.before, REFERENCE, lang));
            }
            Row { name: c.name.clone(), bars }
        })
        .collect()
}

/// The largest requests, largest first (equal requests in dataset order), with the reference value.
pub fn top_rows(plan: &Plan, lang: Lang, count: usize) -> Vec<Row> {
    let reference = plan.scenario.reference_column.as_deref().and_then(|id| plan.dataset.column(id));
    let mut order: Vec<usize> = (0..plan.allocation.rows.len()).filter(|&i| plan.allocation.rows[i].asked()).collect();
    order.sort_by(|&a, &b| plan.allocation.rows[b].allocation.cmp(&plan.allocation.rows[a].allocation));
    order
        .into_iter()
        .take(count)
        .map(|i| {
            let mut bars = vec![simple_bar(f64::from(plan.allocation.rows[i].allocation), PLAN, lang)];
            if let Some(v) = reference.and_then(|c| c.values[i]) {
                bars.push(simple_bar(v, REFERENCE, lang));
            }
            Row { name: plan.dataset.municipalities[i].name.clone(), bars }
        })
        .collect()
}

fn keys(plan: &Plan, lang: Lang) -> Vec<(String, RGBColor)> {
    let t = FigureTexts::get(lang);
    let mut keys = vec![(format!("{} ({})", t.this_plan, plan.scenario.name), PLAN)];
    if let Some((label, _)) = reference_label(plan, lang) {
        keys.push((format!("{}: {label}", t.reference), REFERENCE));
    }
    keys
}

pub fn counties<DB: Surface>(root: &DrawingArea<DB, Shift>, plan: &Plan, spec: &FigureSpec) -> Drawn {
    let t = FigureTexts::get(spec.lang);
    let figure = BarFigure {
        title: t.counties_title.to_owned(),
        rows: county_rows(plan, spec.lang),
        keys: keys(plan, spec.lang),
        axis: format!("{} ({})", t.request, t.persons),
        note: String::new(),
    };
    draw_bars(root, plan, spec, &figure, t.data_source)
}

pub fn top<DB: Surface>(root: &DrawingArea<DB, Shift>, plan: &Plan, spec: &FigureSpec) -> Drawn {
    let t = FigureTexts::get(spec.lang);
    let rows = top_rows(plan, spec.lang, TOP_COUNT);
    if rows.is_empty() {
        return Err(FigureError::Empty);
    }
    let figure = BarFigure {
        title: format!("{} ({})", t.top_title, rows.len()),
        rows,
        keys: keys(plan, spec.lang),
        axis: format!("{} ({})", t.request, t.persons),
        note: String::new(),
    };
    draw_bars(root, plan, spec, &figure, t.data_source)
}

/// The row of a municipality number, or of a name that matches exactly one municipality (case ignored).
pub fn find_row(dataset: &crate::data::Dataset, code: &str) -> Result<usize, FigureError> {
    let code = code.trim();
    if let Some(row) = dataset.index_of_code(code) {
        return Ok(row);
    }
    let lower = code.to_lowercase();
    let by_name: Vec<usize> =
        (0..dataset.len()).filter(|&i| dataset.municipalities[i].name.to_lowercase() == lower).collect();
    match by_name[..] {
        [row] => Ok(row),
        _ => Err(FigureError::UnknownCode { code: code.to_owned(), dataset: dataset.id.clone() }),
    }
}

/// The steps of one municipality's request as floating bars, ending at the request.
pub fn waterfall_figure(plan: &Plan, row: usize, lang: Lang) -> BarFigure {
    let t = FigureTexts::get(lang);
    let e = explain(plan.dataset, plan.scenario, plan.allocation, row);
    let signed = |v: f64| {
        let text = numfmt::decimal(v, 1, lang);
        if v > 0.0 { format!("+{text}") } else { text }
    };
    let mut rows = Vec::new();
    let mut minors = None;
    for step in &e.steps {
        if step.kind == StepKind::Minors {
            minors = Some(step.delta);
            continue;
        }
        let from = step.running - step.delta;
        let colour = match step.kind {
            StepKind::Locked | StepKind::Excluded(_) => TOTAL,
            _ if step.delta >= 0.0 => GAIN,
            _ => LOSS,
        };
        rows.push(Row {
            name: step.kind.label(lang),
            bars: vec![Bar { from, to: step.running, colour, label: signed(step.delta) }],
        });
    }
    let request = f64::from(e.allocation);
    rows.push(Row { name: t.total.to_owned(), bars: vec![simple_bar(request, TOTAL, lang)] });
    let note = match minors {
        Some(m) if m > 0.0 => format!("{}: {}", t.of_which_minors, numfmt::integer(m, lang)),
        _ => String::new(),
    };
    let county = &plan.dataset.municipalities[row].county_name;
    BarFigure {
        title: format!("{}: {} ({}), {county}", t.waterfall_title, e.name, e.code),
        rows,
        keys: vec![(t.increase.to_owned(), GAIN), (t.decrease.to_owned(), LOSS), (t.total.to_owned(), TOTAL)],
        axis: t.steps_axis.to_owned(),
        note,
    }
}

pub fn waterfall<DB: Surface>(root: &DrawingArea<DB, Shift>, plan: &Plan, spec: &FigureSpec) -> Drawn {
    let code = spec.code.as_deref().ok_or(FigureError::NeedsCode)?;
    let row = find_row(plan.dataset, code)?;
    let figure = waterfall_figure(plan, row, spec.lang);
    draw_bars(root, plan, spec, &figure, FigureTexts::get(spec.lang).data_source)
}

fn draw_bars<DB: Surface>(
    root: &DrawingArea<DB, Shift>,
    plan: &Plan,
    spec: &FigureSpec,
    figure: &BarFigure,
    source: &str,
) -> Drawn {
    let canvas = Canvas::new(root, spec.text_scale);
    let (mut top, bottom) = canvas.frame(&figure.title, &subtitle(plan, spec.lang), source)?;
    let margin = canvas.px(1.2);
    if !figure.note.is_empty() {
        canvas.text(&figure.note, (margin, top), 0.8, TEXT, Anchor::TOP_LEFT)?;
        top += canvas.px(1.4);
    }
    canvas.keys(&figure.keys, margin, top + canvas.px(0.5))?;
    top += canvas.px(1.8);

    // Names on the left, as wide as the widest (at most a third of the figure).
    let name_width =
        figure.rows.iter().map(|r| canvas.text_width(&r.name, 0.8)).max().unwrap_or(0).min(canvas.width / 3);
    let x0 = margin + name_width + canvas.px(0.6);
    let value_room = canvas.px(3.5);
    let x1 = canvas.width - margin - value_room;
    let axis_y = bottom - canvas.px(2.6);
    let (lo, hi) = figure
        .rows
        .iter()
        .flat_map(|r| &r.bars)
        .fold((0.0f64, 0.0f64), |(lo, hi), b| (lo.min(b.from).min(b.to), hi.max(b.from).max(b.to)));
    let ticks = nice_ticks(lo, hi.max(lo + 1.0), 6);
    let (v0, v1) = (ticks[0], *ticks.last().unwrap_or(&1.0));
    let x_of = |v: f64| x0 + ((v - v0) / (v1 - v0) * f64::from(x1 - x0)).round() as i32;

    // Grid and axis labels.
    for &tick in &ticks {
        let x = x_of(tick);
        canvas.line(vec![(x, top), (x, axis_y)], GRID, 1)?;
        let label = numfmt::integer(tick, spec.lang);
        canvas.text(&label, (x, axis_y + canvas.px(0.3)), 0.75, MUTED, Anchor::TOP)?;
    }
    canvas.line(vec![(x_of(0.0), top), (x_of(0.0), axis_y)], MUTED, 1)?;
    canvas.text(&figure.axis, ((x0 + x1) / 2, axis_y + canvas.px(1.4)), 0.8, TEXT, Anchor::TOP)?;

    let n = figure.rows.len().max(1) as i32;
    let row_height = (axis_y - top) / n;
    for (i, row) in figure.rows.iter().enumerate() {
        let y = top + row_height * i as i32;
        let name = canvas.fit(&row.name, 0.8, name_width);
        canvas.text(&name, (x0 - canvas.px(0.6), y + row_height / 2), 0.8, TEXT, Anchor::RIGHT)?;
        let bars = row.bars.len().max(1) as i32;
        let pad = (row_height / 6).max(1);
        let bar_height = ((row_height - 2 * pad) / bars).max(1);
        for (k, bar) in row.bars.iter().enumerate() {
            let by = y + pad + bar_height * k as i32;
            let (a, b) = (x_of(bar.from.min(bar.to)), x_of(bar.from.max(bar.to)));
            canvas.rect((a, by), (b.max(a + 1), by + bar_height - 1), bar.colour)?;
            let scale = if k == 0 { 0.75 } else { 0.65 };
            canvas.text(&bar.label, (b + canvas.px(0.3), by + bar_height / 2), scale, TEXT, Anchor::LEFT)?;
        }
    }
    Ok(())
}
