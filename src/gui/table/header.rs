//! Column headers and widths: a header sorts its column when clicked, wraps onto a second line rather than
//! being cut off, and shows its full text on hover; columns are measured so their text fits.

use egui::{RichText, TextStyle, TextWrapMode, Ui};

/// Height of a header row: room for two lines of text.
pub(in crate::gui) const HEADER_HEIGHT: f32 = 36.0;

/// A header that sorts its column: the text with an arrow on the sort column (`sorted` is `Some(descending)`),
/// wrapped when the column is narrow, `tip` on hover. Returns whether it was clicked.
pub(in crate::gui) fn sort_header(ui: &mut Ui, text: &str, tip: &str, sorted: Option<bool>) -> bool {
    let arrow = match sorted {
        Some(false) => " ⏶",
        Some(true) => " ⏷",
        None => "",
    };
    let button = egui::Button::new(RichText::new(format!("{text}{arrow}")).strong()).frame(false).wrap();
    ui.add(button).on_hover_text(tip).clicked()
}

/// The width `text` takes on one line in the body font, bold when `strong` (as headers are).
pub(in crate::gui) fn text_width(ui: &Ui, text: &str, strong: bool) -> f32 {
    let rich = if strong { RichText::new(text).strong() } else { RichText::new(text) };
    egui::WidgetText::from(rich).into_galley(ui, Some(TextWrapMode::Extend), f32::INFINITY, TextStyle::Body).size().x
}

/// The width a header needs to fit on two lines with its sort arrow: its longest word, and a little more
/// than half of the whole text.
pub(in crate::gui) fn header_width(ui: &Ui, text: &str) -> f32 {
    let longest_word = text.split_whitespace().map(|w| text_width(ui, w, true)).fold(0.0, f32::max);
    let half = text_width(ui, text, true) * 0.6;
    let arrow = text_width(ui, " ⏷", true);
    // The button's own padding on both sides.
    (longest_word.max(half) + arrow + 2.0 * ui.spacing().button_padding.x).ceil()
}

/// The widest of `texts` on one line: a column sized to this shows each of them whole.
pub(in crate::gui) fn widest<'a>(ui: &Ui, texts: impl IntoIterator<Item = &'a str>) -> f32 {
    texts.into_iter().map(|t| text_width(ui, t, false)).fold(0.0, f32::max).ceil()
}
