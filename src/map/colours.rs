//! The colour scales of the map, for the Map tab and the printed figures alike. Both stay readable with the
//! common colour-vision deficiencies: viridis for amounts (light yellow = little, dark purple = much) and
//! blue–orange for differences.

use ecolor::Color32;

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

/// `n` colours from light to dark.
pub fn sequential(n: usize) -> Vec<Color32> {
    match n {
        0 => Vec::new(),
        1 => vec![viridis(0.5)],
        _ => (0..n).map(|i| viridis(1.0 - i as f32 / (n - 1) as f32)).collect(),
    }
}

pub fn viridis(t: f32) -> Color32 {
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
}
