//! Finding a municipality by typing part of its name or the start of its number.

use super::texts::ExplainTexts;
use crate::data::Dataset;
use crate::lang::Lang;

/// Rows whose name contains `needle` (case ignored) or whose number starts with it, by name.
pub fn matches(dataset: &Dataset, needle: &str) -> Vec<usize> {
    let needle = needle.trim().to_lowercase();
    let mut rows: Vec<usize> = (0..dataset.len())
        .filter(|&i| {
            let m = &dataset.municipalities[i];
            needle.is_empty() || m.name.to_lowercase().contains(&needle) || m.code.starts_with(&needle)
        })
        .collect();
    rows.sort_by_cached_key(|&i| (dataset.municipalities[i].name.to_lowercase(), i));
    rows
}

/// The search field and the list of matches; returns the row clicked.
pub fn show(ui: &mut egui::Ui, dataset: &Dataset, search: &mut String, lang: Lang, list_height: f32) -> Option<usize> {
    let t = ExplainTexts::get(lang);
    ui.horizontal(|ui| {
        let label = ui.label(t.search);
        ui.add(egui::TextEdit::singleline(search).hint_text(t.search_hint).desired_width(220.0)).labelled_by(label.id);
    });
    let rows = matches(dataset, search);
    if rows.is_empty() {
        ui.weak(t.no_match);
        return None;
    }
    let mut picked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("explain.picker")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for &r in &rows[range] {
                let m = &dataset.municipalities[r];
                if ui.selectable_label(false, format!("{} ({}), {}", m.name, m.code, m.county_name)).clicked() {
                    picked = Some(r);
                }
            }
        });
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::charts::test_support::imdi_2020;

    #[test]
    fn finds_by_name_part_and_number_start() {
        let (dataset, _) = imdi_2020();
        let bodo = dataset.index_of_code("1804").unwrap();
        assert!(matches(&dataset, "bodø").contains(&bodo));
        assert!(matches(&dataset, " BODØ ").contains(&bodo));
        assert!(matches(&dataset, "1804").contains(&bodo));
        assert!(matches(&dataset, "berg").len() > 1);
        assert!(matches(&dataset, "zzz").is_empty());
        assert_eq!(matches(&dataset, "").len(), dataset.len());
    }
}
