//! The overview's sixth panel: a few numbers that the charts show as shapes.

use eframe::egui;

use egui::RichText;

use super::ChartInput;
use super::concentration::concentration_curve;
use crate::numfmt;

pub fn show(ui: &mut egui::Ui, input: &ChartInput<'_>) {
    let t = input.t;
    let lang = input.lang;
    let a = input.allocation;
    let int = |v: f64| numfmt::integer(v, lang);
    let requests: Vec<f64> = a.rows.iter().map(|r| f64::from(r.allocation)).collect();
    let curve = concentration_curve(&requests);
    let reference: Option<(String, f64)> = input.scenario.reference_column.as_deref().and_then(|id| {
        let c = input.dataset.column(id)?;
        Some((lang.pick(&c.meta.label.nb, &c.meta.label.en).to_owned(), c.values.iter().flatten().sum()))
    });

    // In a narrow panel the text wraps within its column instead of running past the panel's edge.
    let gap = 16.0;
    let column = ((ui.available_width() - gap) / 2.0).max(60.0);
    egui::Grid::new("charts.key_figures").num_columns(2).spacing([gap, 6.0]).max_col_width(column).striped(true).show(
        ui,
        |ui| {
            let mut row = |label: &str, value: String| {
                ui.add(egui::Label::new(label).wrap());
                ui.add(egui::Label::new(RichText::new(value).strong()).wrap());
                ui.end_row();
            };
            row(t.target, int(f64::from(a.target)));
            row(t.allocated, int(a.allocated as f64));
            row(t.minors, int(a.minors_allocated as f64));
            row(t.asked, t.asked_of.replace("{n}", &int(a.asked as f64)).replace("{m}", &int(a.rows.len() as f64)));
            if let Some((row_index, v)) = a.largest_per_1000() {
                let name = input.dataset.display_name(row_index);
                row(t.largest_per_1000, format!("{} ({name})", numfmt::decimal(v, 1, lang)));
            }
            if let Some(c) = &curve {
                row(t.half_count, t.municipalities_n.replace("{n}", &int(c.count_for_share(0.5) as f64)));
                row(t.gini, numfmt::decimal(c.gini(), 2, lang));
            }
            if let Some((label, total)) = &reference {
                row(&format!("{} ({label})", t.reference), int(*total));
            }
            if let Some(e) = input.expected {
                let x = crate::gui::expected::ExpectedTexts::get(lang);
                let totals = &e.totals;
                let target = f64::from(a.target);
                row(x.decided, format!("{} ({}–{})", int(totals.expected), int(totals.low), int(totals.high)));
                if target > 0.0 {
                    let pct = |v: f64| numfmt::percent(v / target, 1, lang);
                    row(x.coverage, format!("{} ({}–{})", pct(totals.expected), pct(totals.low), pct(totals.high)));
                }
                row(x.shortfall, int(totals.shortfall(target).max(0.0)));
            }
        },
    );
}
