//! Drawing helpers shared by every figure: the embedded font, sizes that follow the figure's size, the frame
//! (title, subtitle, source line), text, boxes, lines and readable axis ticks.

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{FigureError, draw as draw_error};

/// The family the embedded font is registered under; SVG viewers fall back to their own sans-serif.
pub const FAMILY: &str = "sans-serif";

pub const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub const MUTED: RGBColor = RGBColor(0x5f, 0x5f, 0x5f);
pub const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);
/// The plan: blue. The reference: grey. As in the planner's light charts, so a printed figure reads like the
/// screen; blue against grey stays apart for every colour-vision deficiency and in greyscale print.
pub const PLAN: RGBColor = RGBColor(40, 110, 190);
pub const REFERENCE: RGBColor = RGBColor(120, 120, 120);
pub const GAIN: RGBColor = RGBColor(0x67, 0xa9, 0xcf);
pub const LOSS: RGBColor = RGBColor(0xb3, 0x58, 0x06);
pub const TOTAL: RGBColor = RGBColor(0x3a, 0x3a, 0x3a);
pub const BACKGROUND: RGBColor = RGBColor(0xff, 0xff, 0xff);

static FONT: Once = Once::new();

/// Registers the embedded font once per process.
pub fn ensure_font() {
    FONT.call_once(|| {
        // The bytes are a valid font shipped with egui; a failure would leave plotters without text.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, epaint_default_fonts::UBUNTU_LIGHT);
    });
}

pub fn rgb(c: ecolor::Color32) -> RGBColor {
    RGBColor(c.r(), c.g(), c.b())
}

pub type Drawn = Result<(), FigureError>;

/// A backend a figure is drawn on, and how it sets text.
pub trait Surface: DrawingBackend {
    /// Pixels: glyphs are painted here, placed by the font's own metrics ([`super::glyphs`]). Otherwise (SVG)
    /// the text is written as text and the viewer sets it.
    const PAINTS_GLYPHS: bool;
}

impl Surface for SVGBackend<'_> {
    const PAINTS_GLYPHS: bool = false;
}

impl Surface for BitMapBackend<'_> {
    const PAINTS_GLYPHS: bool = true;
}

/// A drawing area with sizes in proportion to it.
pub struct Canvas<'a, DB: Surface> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub width: i32,
    pub height: i32,
    /// The body text size in pixels; everything else is a multiple of it.
    pub unit: f64,
}

/// Where a text is anchored.
#[derive(Clone, Copy)]
pub struct Anchor(pub HPos, pub VPos);

impl Anchor {
    pub const TOP_LEFT: Anchor = Anchor(HPos::Left, VPos::Top);
    pub const LEFT: Anchor = Anchor(HPos::Left, VPos::Center);
    pub const RIGHT: Anchor = Anchor(HPos::Right, VPos::Center);
    pub const TOP: Anchor = Anchor(HPos::Center, VPos::Top);
    pub const BOTTOM_LEFT: Anchor = Anchor(HPos::Left, VPos::Bottom);
}

impl<'a, DB: Surface> Canvas<'a, DB> {
    /// `text_scale` enlarges text and spacing together (1 = the figure's own proportions).
    pub fn new(area: &'a DrawingArea<DB, Shift>, text_scale: f64) -> Self {
        let (w, h) = area.dim_in_pixel();
        let unit = (f64::from(w.min(h)) / 48.0 * text_scale).clamp(8.0, 96.0);
        Canvas { area, width: w as i32, height: h as i32, unit }
    }

    pub fn px(&self, times_unit: f64) -> i32 {
        (self.unit * times_unit).round() as i32
    }

    fn style(&self, scale: f64, colour: RGBColor, anchor: Anchor) -> TextStyle<'static> {
        TextStyle {
            font: FontDesc::new(FontFamily::Name(FAMILY), self.unit * scale, FontStyle::Normal),
            color: colour.to_backend_color(),
            pos: Pos::new(anchor.0, anchor.1),
        }
    }

    pub fn text(&self, text: &str, at: (i32, i32), scale: f64, colour: RGBColor, anchor: Anchor) -> Drawn {
        if text.is_empty() {
            return Ok(());
        }
        match super::glyphs::font() {
            Some(font) if DB::PAINTS_GLYPHS => self.paint_text(font, text, at, scale, colour, anchor),
            _ => self.area.draw_text(text, &self.style(scale, colour, anchor), at).map_err(draw_error),
        }
    }

    /// Paints the text's pixels, anchored as the SVG's text is: the box is the text's advance wide and
    /// size ÷ 1.24 high (the line box the text is measured with), its baseline half a size below its top.
    fn paint_text(
        &self,
        font: &ab_glyph::FontRef<'_>,
        text: &str,
        at: (i32, i32),
        scale: f64,
        colour: RGBColor,
        anchor: Anchor,
    ) -> Drawn {
        let size = (self.unit * scale) as f32;
        let width = super::glyphs::advance(font, text, size).trunc();
        let height = (size / 1.24).trunc();
        let left = match anchor.0 {
            HPos::Left => 0.0,
            HPos::Center => -(width / 2.0).trunc(),
            HPos::Right => -width,
        };
        let top = match anchor.1 {
            VPos::Top => 0.0,
            VPos::Center => -(height / 2.0).trunc(),
            VPos::Bottom => -height,
        };
        let origin = (at.0 as f32 + left, at.1 as f32 + top + size / 2.0);
        let mut result = Ok(());
        super::glyphs::paint(font, text, size, origin, |x, y, coverage| {
            let inside = (0..self.width).contains(&x) && (0..self.height).contains(&y);
            if inside && coverage > 0.0 && result.is_ok() {
                result = self.area.draw_pixel((x, y), &colour.mix(f64::from(coverage.min(1.0))));
            }
        });
        result.map_err(draw_error)
    }

    /// Width of a text in pixels.
    pub fn text_width(&self, text: &str, scale: f64) -> i32 {
        let style = self.style(scale, TEXT, Anchor::TOP_LEFT);
        self.area.estimate_text_size(text, &style).map_or(0, |(w, _)| w as i32)
    }

    /// The text cut with "…" so it fits in `max` pixels.
    pub fn fit(&self, text: &str, scale: f64, max: i32) -> String {
        if self.text_width(text, scale) <= max {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        for keep in (1..chars.len()).rev() {
            let cut: String = chars[..keep].iter().collect::<String>() + "…";
            if self.text_width(&cut, scale) <= max {
                return cut;
            }
        }
        "…".to_owned()
    }

    /// The text in lines of at most `max` pixels, broken between words.
    pub fn wrap(&self, text: &str, scale: f64, max: i32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for word in text.split_whitespace() {
            match lines.last_mut() {
                Some(line) if self.text_width(&format!("{line} {word}"), scale) <= max => {
                    line.push(' ');
                    line.push_str(word);
                }
                _ => lines.push(word.to_owned()),
            }
        }
        lines
    }

    pub fn rect(&self, a: (i32, i32), b: (i32, i32), colour: RGBColor) -> Drawn {
        self.area.draw(&Rectangle::new([a, b], colour.filled())).map_err(draw_error)
    }

    pub fn outline(&self, a: (i32, i32), b: (i32, i32), colour: RGBColor, width: u32) -> Drawn {
        self.area.draw(&Rectangle::new([a, b], colour.stroke_width(width))).map_err(draw_error)
    }

    pub fn line(&self, points: Vec<(i32, i32)>, colour: RGBColor, width: u32) -> Drawn {
        self.area.draw(&PathElement::new(points, colour.stroke_width(width))).map_err(draw_error)
    }

    /// A dashed straight line.
    pub fn dashed(&self, a: (i32, i32), b: (i32, i32), colour: RGBColor, width: u32) -> Drawn {
        let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        let length = dx.hypot(dy);
        let dash = self.unit * 0.5;
        let mut t = 0.0;
        while t < length {
            let t1 = (t + dash).min(length);
            let p = |s: f64| (a.0 + (dx * s / length).round() as i32, a.1 + (dy * s / length).round() as i32);
            self.line(vec![p(t), p(t1)], colour, width)?;
            t += 2.0 * dash;
        }
        Ok(())
    }

    /// White background, title, subtitle and source line; returns the body's top and bottom in pixels.
    pub fn frame(&self, title: &str, subtitle: &str, source: &str) -> Result<(i32, i32), FigureError> {
        self.area.fill(&BACKGROUND).map_err(draw_error)?;
        let margin = self.px(1.2);
        let max = self.width - 2 * margin;
        self.text(&self.fit(title, 1.6, max), (margin, margin), 1.6, TEXT, Anchor::TOP_LEFT)?;
        let sub_y = margin + self.px(2.2);
        self.text(&self.fit(subtitle, 0.85, max), (margin, sub_y), 0.85, MUTED, Anchor::TOP_LEFT)?;
        let bottom = self.height - margin;
        self.text(&self.fit(source, 0.7, max), (margin, bottom), 0.7, MUTED, Anchor::BOTTOM_LEFT)?;
        Ok((sub_y + self.px(2.2), bottom - self.px(1.6)))
    }

    /// A row of legend keys (a box and a label each) from `x` along `y`; returns the x after the last.
    pub fn keys(&self, entries: &[(String, RGBColor)], x: i32, y: i32) -> Result<i32, FigureError> {
        let size = self.px(0.8);
        let mut x = x;
        for (label, colour) in entries {
            self.rect((x, y - size / 2), (x + size, y + size / 2), *colour)?;
            x += size + self.px(0.4);
            self.text(label, (x, y), 0.8, TEXT, Anchor::LEFT)?;
            x += self.text_width(label, 0.8) + self.px(1.5);
        }
        Ok(x)
    }
}

/// About `count` round tick values covering `lo..=hi` (steps of 1, 2 or 5 times a power of ten).
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![lo.min(0.0), lo.max(0.0) + 1.0];
    }
    let raw = (hi - lo) / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(magnitude * 10.0);
    let first = (lo / step).floor() * step;
    let mut ticks = Vec::new();
    let mut v = first;
    while v < hi + step * 0.999 {
        ticks.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        v += step;
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(nice_ticks(0.0, 1000.0, 5), vec![0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]);
        assert_eq!(nice_ticks(0.0, 37.0, 4), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        let t = nice_ticks(-3.2, 17.5, 5);
        assert!(t[0] <= -3.2 && *t.last().unwrap() >= 17.5 && t.contains(&0.0), "{t:?}");
    }
}
