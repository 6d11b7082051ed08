//! Colours and fill patterns. Both schemes stay readable with the common colour-vision deficiencies:
//! viridis for amounts (light yellow = little, dark purple = much) and blue–orange for differences.
//! Municipalities without a value are not coloured at all but patterned, so they never read as
//! "low".

use eframe::egui;
use egui::{Color32, ColorImage, Context, TextureHandle, TextureOptions};

/// Viridis at 0.0, 0.1, …, 1.0.
const VIRIDIS: [[u8; 3]; 11] = [
    [0x44, 0x01, 0x54],
    [0x48, 0x24, 0x75],
    [0x41, 0x44, 0x87],
    [0x35, 0x5f, 0x8d],
    [0x2a, 0x78, 0x8e],
    [0x21, 0x91, 0x8c],
    [0x22, 0xa8, 0x84],
    [0x44, 0xbf, 0x70],
    [0x7a, 0xd1, 0x51],
    [0xbd, 0xdf, 0x26],
    [0xfd, 0xe7, 0x25],
];

/// Fewer than the reference: orange, light to dark.
const ORANGES: [Color32; 3] =
    [Color32::from_rgb(0xfe, 0xe0, 0xb6), Color32::from_rgb(0xf1, 0xa3, 0x40), Color32::from_rgb(0xb3, 0x58, 0x06)];
/// More than the reference: blue, light to dark.
const BLUES: [Color32; 3] =
    [Color32::from_rgb(0xd1, 0xe5, 0xf0), Color32::from_rgb(0x67, 0xa9, 0xcf), Color32::from_rgb(0x21, 0x66, 0xac)];
/// The zero class of a diverging scheme.
pub const NEUTRAL: Color32 = Color32::from_rgb(0xf7, 0xf7, 0xf7);

/// Base of a municipality that is not asked (under the hatching).
pub const NOT_ASKED: Color32 = Color32::from_rgb(0xdc, 0xdc, 0xdc);
/// Base of a municipality excluded by the rules or by hand (under the cross-hatching).
pub const EXCLUDED: Color32 = Color32::from_rgb(0xc4, 0xc4, 0xc4);
/// Base of a municipality without a value (under the dots).
pub const NO_DATA: Color32 = Color32::WHITE;

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

/// `n` colours from light to dark.
pub fn sequential(n: usize) -> Vec<Color32> {
    match n {
        0 => Vec::new(),
        1 => vec![viridis(0.5)],
        _ => (0..n).map(|i| viridis(1.0 - i as f32 / (n - 1) as f32)).collect(),
    }
}

fn viridis(t: f32) -> Color32 {
    let x = t.clamp(0.0, 1.0) * 10.0;
    let i = (x.floor() as usize).min(9);
    let f = x - i as f32;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    let mix = |k: usize| (f32::from(a[k]) + f * (f32::from(b[k]) - f32::from(a[k]))).round() as u8;
    Color32::from_rgb(mix(0), mix(1), mix(2))
}

/// `side` shades each way around the neutral middle: `2 * side + 1` colours, orange to blue.
pub fn diverging(side: usize) -> Vec<Color32> {
    let pick: &[usize] = match side {
        0 => &[],
        1 => &[1],
        2 => &[0, 2],
        _ => &[0, 1, 2],
    };
    let mut out: Vec<Color32> = pick.iter().rev().map(|&i| ORANGES[i]).collect();
    out.push(NEUTRAL);
    out.extend(pick.iter().map(|&i| BLUES[i]));
    out
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

    fn luminance(c: Color32) -> f32 {
        0.2126 * f32::from(c.r()) + 0.7152 * f32::from(c.g()) + 0.0722 * f32::from(c.b())
    }

    #[test]
    fn sequential_runs_light_to_dark() {
        for n in 2..=7 {
            let colours = sequential(n);
            assert_eq!(colours.len(), n);
            assert!(colours.windows(2).all(|w| luminance(w[0]) > luminance(w[1])), "{colours:?}");
        }
        assert_eq!(sequential(2), vec![viridis(1.0), viridis(0.0)]);
        assert_eq!(viridis(0.0), Color32::from_rgb(0x44, 0x01, 0x54));
    }

    #[test]
    fn diverging_is_symmetric_around_neutral() {
        for side in 1..=3 {
            let colours = diverging(side);
            assert_eq!(colours.len(), 2 * side + 1);
            assert_eq!(colours[side], NEUTRAL);
            for k in 1..=side {
                // Equally dark at equal distance from the middle (within the palettes' balance).
                let (l, r) = (luminance(colours[side - k]), luminance(colours[side + k]));
                assert!((l - r).abs() < 40.0, "{l} vs {r}");
            }
        }
    }

    #[test]
    fn status_colours_are_not_class_colours() {
        let mut all = sequential(7);
        all.extend(diverging(3));
        for c in [NOT_ASKED, EXCLUDED] {
            assert!(!all.contains(&c));
        }
    }

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
        let (a, b) = (luminance(sea(true)), luminance(viridis(0.0)));
        let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
        assert!(ratio >= 1.5, "contrast {ratio:.2}");
    }
}
