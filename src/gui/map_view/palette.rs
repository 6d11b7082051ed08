//! Colours and fill patterns of the Map tab; the colour scales themselves are in `crate::map::colours`.
//! Municipalities without a value are not coloured at all but patterned, so they never read as
//! "low".

use eframe::egui;
use egui::{Color32, ColorImage, Context, TextureHandle, TextureOptions};

#[cfg(test)]
pub use crate::map::colours::NEUTRAL;
pub use crate::map::colours::{EXCLUDED, NO_DATA, NOT_ASKED};

pub const OUTLINE: Color32 = Color32::from_rgba_unmultiplied_const(110, 110, 110, 190);
pub const COUNTY: Color32 = Color32::from_rgb(0x25, 0x25, 0x25);
pub const HOVER: Color32 = Color32::from_rgb(0x10, 0x10, 0x10);
/// The selected municipality: a dark line with a light halo, visible on every fill.
pub const SELECTED: Color32 = Color32::from_rgb(0xd6, 0x00, 0x6e);
pub const HALO: Color32 = Color32::WHITE;

/// Sea behind the map, light and dark mode.
pub fn sea(dark_mode: bool) -> Color32 {
    // Dark mode: light enough that the darkest class (viridis purple) stands apart from the sea.
    if dark_mode { Color32::from_rgb(0x44, 0x50, 0x5e) } else { Color32::from_rgb(0xea, 0xef, 0xf3) }
}

/// A fill pattern laid over a municipality, repeated in screen space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// Not asked.
    Hatch,
    /// Excluded by the rules or by hand.
    Cross,
    /// No value.
    Dots,
}

impl Pattern {
    pub const ALL: [Pattern; 3] = [Pattern::Hatch, Pattern::Cross, Pattern::Dots];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Pixels per pattern tile.
pub const TILE: usize = 8;

/// The tile of a pattern: dark marks with a light edge on transparent, so they show on any fill.
pub fn pattern_image(pattern: Pattern) -> ColorImage {
    let dark = Color32::from_rgba_unmultiplied(40, 40, 40, 200);
    let light = Color32::from_rgba_unmultiplied(255, 255, 255, 120);
    let mut pixels = vec![Color32::TRANSPARENT; TILE * TILE];
    for y in 0..TILE {
        for x in 0..TILE {
            let down = (x + y) % TILE;
            let up = (x + TILE - y) % TILE;
            pixels[y * TILE + x] = match pattern {
                Pattern::Hatch if down == 0 => dark,
                Pattern::Hatch if down == 1 => light,
                Pattern::Cross if down == 0 || up == 0 => dark,
                Pattern::Dots if (2..4).contains(&x) && (2..4).contains(&y) => dark,
                Pattern::Dots if (6..8).contains(&x) && (6..8).contains(&y) => dark,
                _ => Color32::TRANSPARENT,
            };
        }
    }
    ColorImage::new([TILE, TILE], pixels)
}

/// The three pattern textures, made once per egui context.
#[derive(Clone)]
pub struct Patterns {
    pub textures: [TextureHandle; 3],
}

impl Patterns {
    pub fn load(ctx: &Context) -> Patterns {
        let options = TextureOptions::NEAREST_REPEAT;
        let load = |p: Pattern| ctx.load_texture(format!("map-pattern-{p:?}"), pattern_image(p), options);
        Patterns { textures: Pattern::ALL.map(load) }
    }

    pub fn texture(&self, pattern: Pattern) -> egui::TextureId {
        self.textures[pattern.index()].id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_differ() {
        let images = Pattern::ALL.map(pattern_image);
        assert_ne!(images[0].pixels, images[1].pixels);
        assert_ne!(images[1].pixels, images[2].pixels);
        for img in &images {
            assert!(img.pixels.iter().any(|p| p.a() > 0) && img.pixels.iter().any(|p| p.a() == 0));
        }
    }

    #[test]
    fn the_darkest_class_stands_apart_from_the_dark_sea() {
        fn luminance(c: Color32) -> f64 {
            let lin = |v: u8| {
                let v = f64::from(v) / 255.0;
                if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
            };
            0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
        }
        let (a, b) = (luminance(sea(true)), luminance(crate::map::colours::viridis(0.0)));
        let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
        assert!(ratio >= 1.5, "contrast {ratio:.2}");
    }
}
