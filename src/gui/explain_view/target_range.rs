//! An uncertain target: every municipality's smallest and largest request over a range of targets. The
//! settings live in the view state; the result feeds this tab and an optional column of the results table.

use egui::RichText;

use super::ExplainCmd;
use super::texts::ExplainTexts;
use crate::analysis::TargetRange;
use crate::data::Dataset;
use crate::gui::command::Command;
use crate::lang::Lang;
use crate::numfmt;

/// At most this many targets per range: a wider span gets a larger step.
pub const MAX_TARGETS: u32 = 400;

/// The targets to try. `None` follows the scenario: today's target ±20 %, on a grid through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RangeSettings {
    pub custom: Option<Span>,
    /// The results table shows a range column.
    pub in_table: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: u32,
    pub to: u32,
    pub step: u32,
}

impl Span {
    /// Today's target ±20 % in 40 steps of about 1 %, with the target itself one of them.
    pub fn around(target: u32) -> Span {
        let step = (f64::from(target) / 100.0).round().max(1.0) as u32;
        Span { from: target.saturating_sub(20 * step), to: target.saturating_add(20 * step), step }
    }

    /// Ordered, with a step that keeps the number of targets at most `MAX_TARGETS`.
    pub fn bounded(self) -> Span {
        let (from, to) = (self.from.min(self.to), self.from.max(self.to));
        let least = (to - from).div_ceil(MAX_TARGETS).max(1);
        Span { from, to, step: self.step.max(least) }
    }
}

impl RangeSettings {
    pub fn span(&self, target: u32) -> Span {
        self.custom.unwrap_or_else(|| Span::around(target)).bounded()
    }
}

/// "61–88", or one number when the range is a single value.
pub fn range_text((lo, hi): (u32, u32), lang: Lang) -> String {
    let int = |v: u32| numfmt::integer(f64::from(v), lang);
    if lo == hi { int(lo) } else { format!("{}–{}", int(lo), int(hi)) }
}

/// The from/to/step fields, the reset button and the table switch.
pub fn controls(ui: &mut egui::Ui, settings: &RangeSettings, target: u32, lang: Lang, cmds: &mut Vec<Command>) {
    let t = ExplainTexts::get(lang);
    let span = settings.custom.unwrap_or_else(|| Span::around(target));
    let mut edited = span;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.target_from);
        ui.add(field(&mut edited.from, 0, 10.0, lang)).labelled_by(label.id);
        let label = ui.label(t.target_to);
        ui.add(field(&mut edited.to, 0, 10.0, lang)).labelled_by(label.id);
        let label = ui.label(t.target_step);
        ui.add(field(&mut edited.step, 1, 1.0, lang)).labelled_by(label.id);
        if ui
            .add_enabled(settings.custom.is_some(), egui::Button::new(t.reset_range))
            .on_hover_text(t.reset_range_tip)
            .clicked()
        {
            cmds.push(Command::Explain(ExplainCmd::ResetRange));
        }
        ui.separator();
        let mut in_table = settings.in_table;
        if ui.checkbox(&mut in_table, t.show_in_table).on_hover_text(t.show_in_table_tip).changed() {
            cmds.push(Command::Explain(ExplainCmd::RangeInTable(in_table)));
        }
    });
    if edited != span {
        cmds.push(Command::Explain(ExplainCmd::SetRange(edited)));
    }
    if span.bounded().step != span.step.max(1) {
        ui.weak(t.step_raised);
    }
}

/// A number field in the UI language's style ("4 100"); typed spaces and separators are ignored.
fn field(value: &mut u32, min: u32, speed: f64, lang: Lang) -> egui::DragValue<'_> {
    egui::DragValue::new(value)
        .range(min..=1_000_000)
        .speed(speed)
        .custom_formatter(move |v, _| numfmt::integer(v, lang))
        .custom_parser(|s| {
            let digits: String = s.chars().filter(char::is_ascii_digit).collect();
            digits.parse::<f64>().ok()
        })
}

/// What the range says: targets run and refused, the selected municipality's range, the widest ranges.
pub fn summary(
    ui: &mut egui::Ui,
    range: &TargetRange,
    dataset: &Dataset,
    selected: Option<(usize, u32)>,
    target: u32,
    lang: Lang,
) {
    let t = ExplainTexts::get(lang);
    let int = |v: u32| numfmt::integer(f64::from(v), lang);
    let (first, last) = (range.targets.first().copied(), range.targets.last().copied());
    let mut line = format!("{} {}", int(range.targets.len() as u32), t.targets_computed);
    if let (Some(a), Some(b)) = (first, last) {
        line.push_str(&format!(" ({} – {})", int(a), int(b)));
    }
    if !range.refused.is_empty() {
        line.push_str(&format!(", {} {}", int(range.refused.len() as u32), t.targets_refused));
    }
    ui.label(line);
    if let Some((row, request)) = selected
        && let Some(r) = range.rows.get(row)
        && let (Some(a), Some(b)) = (first, last)
    {
        let m = &dataset.municipalities[row];
        ui.add_space(4.0);
        ui.label(RichText::new(format!("{}: {}", m.name, range_text(*r, lang))).heading());
        ui.label(format!(
            "{} {}–{}. {} {}: {}",
            t.at_targets,
            int(a),
            int(b),
            t.today_target,
            int(target),
            int(request)
        ));
        range_bar(ui, *r, request);
    }
    // The municipalities whose request moves the most over the range.
    let mut widest: Vec<usize> = (0..range.rows.len()).filter(|&i| range.rows[i].1 > range.rows[i].0).collect();
    widest.sort_by_key(|&i| (std::cmp::Reverse(range.rows[i].1 - range.rows[i].0), i));
    if !widest.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new(t.widest).strong());
        egui::Grid::new("explain.range.widest").striped(true).num_columns(2).spacing([18.0, 2.0]).show(ui, |ui| {
            for &i in widest.iter().take(10) {
                ui.label(&dataset.municipalities[i].name);
                ui.label(range_text(range.rows[i], lang));
                ui.end_row();
            }
        });
    }
}

/// A small picture of the range with today's request marked.
fn range_bar(ui: &mut egui::Ui, (lo, hi): (u32, u32), request: u32) {
    let palette = crate::gui::charts::palette::Palette::for_visuals(ui.visuals());
    let width = ui.available_width().min(360.0);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 18.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let span = f64::from(hi.max(request)) - f64::from(lo.min(request));
    let x = |v: u32| {
        let f = if span > 0.0 { (f64::from(v) - f64::from(lo.min(request))) / span } else { 0.5 };
        rect.left() + 6.0 + (rect.width() - 12.0) * f as f32
    };
    let y = rect.center().y;
    painter.line_segment([egui::pos2(x(lo), y), egui::pos2(x(hi), y)], egui::Stroke::new(6.0, palette.scenario));
    painter.circle_filled(egui::pos2(x(request), y), 6.0, palette.selected);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_span_is_plus_minus_twenty_percent_through_the_target() {
        let s = Span::around(5120);
        assert_eq!(s, Span { from: 4100, to: 6140, step: 51 });
        assert_eq!((s.to - s.from) / s.step, 40);
        assert_eq!((5120 - s.from) % s.step, 0, "today's target is on the grid");
        assert_eq!(Span::around(10), Span { from: 0, to: 30, step: 1 });
        let wide = Span { from: 100_000, to: 0, step: 1 }.bounded();
        assert_eq!((wide.from, wide.to, wide.step), (0, 100_000, 250));
        assert_eq!(range_text((61, 88), Lang::Nb), "61–88");
        assert_eq!(range_text((5, 5), Lang::Nb), "5");
        assert_eq!(range_text((1000, 1200), Lang::Nb), "1\u{a0}000–1\u{a0}200");
    }
}
