//! Diagonal hatching inside a shape, so a municipality excluded by hand reads differently from one that is simply
//! not asked, in print and in greyscale as on screen.

/// The segments of the lines `x + y = c` (every `spacing` pixels) that lie inside `rings` (an exterior and its
/// holes, even-odd), as pairs of end points.
pub fn hatch_segments(rings: &[Vec<(i32, i32)>], spacing: i32) -> Vec<((i32, i32), (i32, i32))> {
    let spacing = spacing.max(2);
    let points = rings.iter().flatten();
    let (Some(lo), Some(hi)) = (points.clone().map(|p| p.0 + p.1).min(), points.map(|p| p.0 + p.1).max()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Lines on a fixed grid (multiples of `spacing`), so neighbouring shapes' hatches line up.
    let mut c = lo.div_euclid(spacing) * spacing + spacing / 2;
    while c <= hi {
        let cf = f64::from(c);
        // Where the line crosses each edge, as x; the edge's lower end counts and its upper does not, so a
        // vertex on the line is counted once.
        let mut xs: Vec<f64> = Vec::new();
        for ring in rings {
            for (k, &a) in ring.iter().enumerate() {
                let b = ring[(k + 1) % ring.len()];
                let (sa, sb) = (f64::from(a.0 + a.1), f64::from(b.0 + b.1));
                if (sa <= cf) == (sb <= cf) {
                    continue;
                }
                let t = (cf - sa) / (sb - sa);
                xs.push(f64::from(a.0) + t * f64::from(b.0 - a.0));
            }
        }
        xs.sort_by(f64::total_cmp);
        for pair in xs.chunks_exact(2) {
            let (x0, x1) = (pair[0].round() as i32, pair[1].round() as i32);
            if x1 > x0 {
                out.push(((x0, c - x0), (x1, c - x1)));
            }
        }
        c += spacing;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_is_hatched_inside_only() {
        let square = vec![(0, 0), (10, 0), (10, 10), (0, 10)];
        let segments = hatch_segments(&[square], 4);
        assert!(!segments.is_empty());
        for ((x0, y0), (x1, y1)) in segments {
            for (x, y) in [(x0, y0), (x1, y1)] {
                assert!((0..=10).contains(&x) && (0..=10).contains(&y), "({x}, {y}) outside the square");
            }
            assert_eq!(x0 + y0, x1 + y1, "a diagonal line");
        }
    }

    #[test]
    fn a_hole_is_left_empty() {
        let outer = vec![(0, 0), (40, 0), (40, 40), (0, 40)];
        let hole = vec![(10, 10), (30, 10), (30, 30), (10, 30)];
        let segments = hatch_segments(&[outer, hole], 4);
        // The line through the centre (x + y = 40) has two pieces, one on each side of the hole.
        let centre: Vec<_> = segments.iter().filter(|(a, _)| a.0 + a.1 == 42 || a.0 + a.1 == 38).collect();
        assert!(centre.iter().all(|(a, b)| !(a.0 < 20 && b.0 > 20)), "no piece crosses the hole: {centre:?}");
        assert!(segments.len() > centre.len());
    }

    #[test]
    fn nothing_to_hatch() {
        assert!(hatch_segments(&[], 4).is_empty());
    }
}
