//! Small pieces the control panels share: column choosers, number fields, gestures.

use egui::{Response, Ui};

use crate::data::{ColumnMeta, Dataset};
use crate::export::ExportFormat;
use crate::gui::command::Command;
use crate::gui::edit::Edit;
use crate::lang::Lang;
use crate::numfmt;
use crate::report::CsvStyle;

/// "Employment rate (all), 2013".
pub fn column_label(meta: &ColumnMeta, lang: Lang) -> String {
    meta.label_with_year(lang)
}

/// The label of a column id, or the id itself when the dataset has no such column.
pub fn column_name(dataset: &Dataset, id: &str, lang: Lang) -> String {
    dataset.column(id).map_or_else(|| format!("? {id}"), |c| column_label(&c.meta, lang))
}

/// A chooser over the dataset's columns. `none` adds a "no column" entry. Returns the new choice.
pub fn column_combo(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    current: Option<&str>,
    dataset: &Dataset,
    lang: Lang,
    none: Option<&str>,
    tooltip: &str,
) -> Option<Option<String>> {
    let selected = match current {
        Some(id) => column_name(dataset, id, lang),
        None => none.unwrap_or("–").to_owned(),
    };
    let mut choice = None;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected)
        .width(ui.available_width().min(300.0))
        .truncate()
        .show_ui(ui, |ui| {
            if let Some(none) = none
                && ui.selectable_label(current.is_none(), none).clicked()
            {
                choice = Some(None);
            }
            for col in &dataset.columns {
                let is = current == Some(col.meta.id.as_str());
                let r = ui.selectable_label(is, column_label(&col.meta, lang)).on_hover_text(format!(
                    "{} ({}, {}, {})",
                    col.meta.id,
                    col.meta.unit_in(lang),
                    col.meta.source,
                    col.meta.licence
                ));
                if r.clicked() && !is {
                    choice = Some(Some(col.meta.id.clone()));
                }
            }
        })
        .response;
    response.on_hover_text(tooltip);
    choice
}

/// A whole-number field in the interface's number style.
pub fn count_field(
    ui: &mut Ui,
    value: u32,
    range: std::ops::RangeInclusive<u32>,
    speed: f64,
    lang: Lang,
) -> (Response, u32) {
    let mut v = value;
    let response = ui.add(
        egui::DragValue::new(&mut v)
            .range(range)
            // A value outside the range (from a file) stays until the user edits it.
            .clamp_existing_to_range(false)
            .speed(speed)
            // Typing "100" must not pass through 1 and 10: the value applies on Enter or when the field
            // loses focus (one undo step), and Escape puts back what was there.
            .update_while_editing(false)
            .custom_formatter(move |n, _| numfmt::integer(n, lang))
            .custom_parser(parse_number),
    );
    let v = escape_reverts(ui, &response, value, v);
    (response, v)
}

/// A decimal field with `places` decimals and a unit after it.
pub fn decimal_field(
    ui: &mut Ui,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
    speed: f64,
    places: usize,
    lang: Lang,
) -> (Response, f64) {
    let mut v = value;
    let response = ui.add(
        egui::DragValue::new(&mut v)
            .range(range)
            // A value outside the range (from a file) stays until the user edits it.
            .clamp_existing_to_range(false)
            .speed(speed)
            .update_while_editing(false)
            .custom_formatter(move |n, _| exact_decimal(n, places, lang))
            .custom_parser(parse_number),
    );
    let v = escape_reverts(ui, &response, value, v);
    (response, v)
}

/// Escape while typing in a number field puts back what was there. The field applies its text when it loses
/// focus, which Escape also does (one frame later, when Escape is no longer pressed): that change is dropped.
fn escape_reverts<T: Copy>(ui: &Ui, response: &Response, original: T, typed: T) -> T {
    let key = response.id.with("escaped");
    let escaped = ui.data_mut(|d| d.remove_temp::<bool>(key)).unwrap_or(false);
    if (response.has_focus() || response.lost_focus()) && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        ui.data_mut(|d| d.insert_temp(key, true));
    }
    if escaped { original } else { typed }
}

/// `value` with at least `places` decimals and as many more (up to six) as it holds: a value from a file
/// is shown as it is, never rounded (7.7 stays 7,7).
pub fn exact_decimal(value: f64, places: usize, lang: Lang) -> String {
    let places =
        (places..=6).find(|&p| (value * 10f64.powi(p as i32)).round() / 10f64.powi(p as i32) == value).unwrap_or(6);
    numfmt::decimal(value, places, lang)
}

/// Reads "5 120", "5,120" (English), "12,5" (Norwegian) and "12.5".
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let cleaned = cleaned.trim_end_matches('%');
    // One comma and no point is a Norwegian decimal comma; otherwise commas group thousands.
    let normalised = if cleaned.matches(',').count() == 1 && !cleaned.contains('.') {
        let (int, frac) = cleaned.split_once(',')?;
        if frac.len() == 3 && !int.is_empty() && int != "0" { format!("{int}{frac}") } else { format!("{int}.{frac}") }
    } else {
        cleaned.replace(',', "")
    };
    normalised.replace('−', "-").parse().ok()
}

/// Pushes `edit` for a changed widget: while the pointer holds the widget the edits form one gesture
/// (one undo step); letting go ends it.
pub fn push_edit(response: &Response, changed: bool, edit: Edit, cmds: &mut Vec<Command>) {
    if changed {
        let gesture = response.is_pointer_button_down_on().then_some(response.id);
        cmds.push(Command::Edit { edit, gesture });
    }
    if response.drag_stopped() || response.clicked() {
        cmds.push(Command::EndGesture);
    }
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn numbers_in_either_style() {
        assert_eq!(parse_number("5\u{a0}120"), Some(5120.0));
        assert_eq!(parse_number("5 120"), Some(5120.0));
        assert_eq!(parse_number("5,120"), Some(5120.0));
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("0,125"), Some(0.125));
        assert_eq!(parse_number("12.5 %"), Some(12.5));
        assert_eq!(parse_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number("abc"), None);
    }

    #[test]
    fn decimals_show_what_the_value_holds() {
        use super::exact_decimal;
        use crate::lang::Lang;
        assert_eq!(exact_decimal(7.7, 0, Lang::Nb), "7,7");
        assert_eq!(exact_decimal(8.0, 0, Lang::Nb), "8");
        assert_eq!(exact_decimal(12.5, 1, Lang::En), "12.5");
        assert_eq!(exact_decimal(0.125, 1, Lang::En), "0.125");
        assert_eq!(exact_decimal(20.0, 1, Lang::En), "20.0");
    }
}

texts!(ExportFormatTexts {
    xlsx: "Excel-arbeidsbok (.xlsx) …", "Excel workbook (.xlsx)…";
    csv_no: "CSV (Excel, norsk) …", "CSV (Excel, Norwegian)…";
    csv_plain: "CSV (enkel) …", "CSV (plain)…";
});

/// A menu `title` listing the export formats (the result table and the comparison offer the same ones);
/// the format clicked, if any.
pub fn export_formats_menu(ui: &mut Ui, title: &str, lang: Lang) -> Option<ExportFormat> {
    let t = ExportFormatTexts::get(lang);
    let mut chosen = None;
    ui.menu_button(title, |ui| {
        for (label, format) in [
            (t.xlsx, ExportFormat::Xlsx),
            (t.csv_no, ExportFormat::Csv(CsvStyle::ExcelNo)),
            (t.csv_plain, ExportFormat::Csv(CsvStyle::Plain)),
        ] {
            if ui.button(label).clicked() {
                chosen = Some(format);
            }
        }
    });
    chosen
}

/// A widget of this scroll area's content that just got the keyboard focus (Tab) is brought into view.
/// Called at the end of the content, once every widget of it has its place.
pub fn follow_focus(ui: &Ui) {
    let ctx = ui.ctx();
    let Some(id) = ctx.memory(|m| m.focused()) else { return };
    if let Some(r) = ctx.read_response(id)
        && r.gained_focus()
        && ui.min_rect().contains_rect(r.rect)
    {
        r.scroll_to_me(None);
    }
}

/// A clear ring around a control that has the keyboard focus (egui's own mark on a slider is faint).
pub fn focus_ring(ui: &Ui, response: &Response) {
    if response.has_focus() {
        let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
        ui.painter().rect_stroke(response.rect.expand(3.0), 4.0, stroke, egui::StrokeKind::Outside);
    }
}
