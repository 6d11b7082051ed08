//! Text painted as pixels, for the raster figures (PNG, and the maps and charts in the PDF briefing). Each glyph
//! sits where the font puts it — the pen moved by its advance and the pair's kerning, the outline offset by its
//! side bearing — and is covered at sub-pixel positions, so letters are evenly spaced ("Kartverket", not
//! "Kartverk et"). SVG figures write their text as text and the viewer sets it.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};

/// The embedded font the figures use (the planner's own), read once.
pub fn font() -> Option<&'static FontRef<'static>> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(epaint_default_fonts::UBUNTU_LIGHT).ok()).as_ref()
}

/// The width of `text` set at `size` pixels: the advances and the kerning of each pair.
pub fn advance(font: &FontRef<'_>, text: &str, size: f32) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut width = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            width += scaled.kern(p, id);
        }
        width += scaled.h_advance(id);
        previous = Some(id);
    }
    width
}

/// Calls `paint(x, y, coverage)` for every pixel `text` covers, set at `size` pixels with its pen starting at
/// `origin` (x, and y on the baseline). Coverage is 0–1; pixels left of or above 0 are the caller's to clip.
pub fn paint(font: &FontRef<'_>, text: &str, size: f32, origin: (f32, f32), mut paint: impl FnMut(i32, i32, f32)) {
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    let mut pen = origin.0;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            pen += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(scale, point(pen, origin.1));
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            let (left, top) = (bounds.min.x as i32, bounds.min.y as i32);
            outline.draw(|x, y, coverage| paint(left + x as i32, top + y as i32, coverage));
        }
        pen += scaled.h_advance(id);
        previous = Some(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The columns a text's ink covers, from its pixels.
    fn inked_columns(text: &str, size: f32) -> Vec<bool> {
        let font = font().expect("the embedded font");
        let mut columns = vec![false; 2000];
        paint(font, text, size, (10.0, size), |x, _, coverage| {
            if coverage > 0.25
                && let Some(c) = usize::try_from(x).ok().and_then(|x| columns.get_mut(x))
            {
                *c = true;
            }
        });
        columns
    }

    /// The widest run of blank columns between the first and the last inked one.
    fn widest_gap(columns: &[bool]) -> usize {
        let first = columns.iter().position(|&c| c).unwrap_or(0);
        let last = columns.iter().rposition(|&c| c).unwrap_or(0);
        columns[first..=last].split(|&c| c).map(<[bool]>::len).max().unwrap_or(0)
    }

    #[test]
    fn letters_of_a_word_are_set_without_holes() {
        // Before side bearings were applied, "Kartverket" showed a gap after the k as wide as a space.
        let size = 40.0;
        let space = advance(font().expect("the embedded font"), " ", size);
        for word in ["Kartverket", "Rogaland", "IMDi", "fylke", "desember"] {
            let gap = widest_gap(&inked_columns(word, size));
            assert!((gap as f32) < space * 0.8, "{word}: a gap of {gap} px inside the word (a space is {space:.1} px)");
        }
        // And a real space is still seen as one.
        let gap = widest_gap(&inked_columns("per fylke", size));
        assert!(gap as f32 >= space * 0.8, "the space in 'per fylke' is {gap} px");
    }

    #[test]
    fn the_painted_text_is_as_wide_as_its_advances() {
        let font = font().expect("the embedded font");
        let size = 30.0;
        let columns = inked_columns("Bosetting", size);
        let first = columns.iter().position(|&c| c).unwrap_or(0);
        let last = columns.iter().rposition(|&c| c).unwrap_or(0);
        let ink = (last - first + 1) as f32;
        let width = advance(font, "Bosetting", size);
        // Ink is the advances less the side bearings at both ends: a little narrower, never wider.
        assert!(ink <= width + 1.0 && ink > width * 0.85, "ink {ink} px against advances {width:.1} px");
    }
}
