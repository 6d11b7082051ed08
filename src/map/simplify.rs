//! Douglas–Peucker line simplification in projected metres.
//!
//! The distance used is to the chord *segment* (not the infinite line), so spikes that run back past
//! an end point are kept, and a chord whose two ends coincide (a loop) measures plain distance to
//! that point. The recursion is an explicit stack, so very long lines cannot overflow the call stack.

/// Indices of the points Douglas–Peucker keeps from `points` with tolerance `tol` (metres).
///
/// The first and last point are always kept; the result is strictly increasing. A closed line (first
/// point equal to the last) is split at the point farthest from its start first, so a loop never
/// collapses to less than that triangle before the tolerance has been applied to each half.
pub fn douglas_peucker(points: &[[f64; 2]], tol: f64) -> Vec<usize> {
    let n = points.len();
    if n <= 2 {
        return (0..n).collect();
    }
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut stack = vec![(0, n - 1)];
    if points[0] == points[n - 1] {
        // Loop: seed with the farthest point so the chord is never degenerate for the whole loop.
        let far = (1..n - 1)
            .max_by(|&a, &b| dist2(points[a], points[0]).total_cmp(&dist2(points[b], points[0])))
            .unwrap_or(0);
        if far > 0 && dist2(points[far], points[0]) > 0.0 {
            keep[far] = true;
            stack = vec![(0, far), (far, n - 1)];
        }
    }
    let tol2 = tol * tol;
    while let Some((lo, hi)) = stack.pop() {
        if hi <= lo + 1 {
            continue;
        }
        let (mut best, mut best_d2) = (0, -1.0);
        for i in lo + 1..hi {
            let d2 = seg_dist2(points[i], points[lo], points[hi]);
            if d2 > best_d2 {
                best = i;
                best_d2 = d2;
            }
        }
        if best_d2 > tol2 {
            keep[best] = true;
            stack.push((lo, best));
            stack.push((best, hi));
        }
    }
    (0..n).filter(|&i| keep[i]).collect()
}

fn dist2(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
    dx * dx + dy * dy
}

/// Squared distance from `p` to the segment `a`–`b`.
fn seg_dist2(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (vx, vy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = vx * vx + vy * vy;
    if len2 == 0.0 {
        return dist2(p, a);
    }
    let t = (((p[0] - a[0]) * vx + (p[1] - a[1]) * vy) / len2).clamp(0.0, 1.0);
    dist2(p, [a[0] + t * vx, a[1] + t * vy])
}

#[cfg(test)]
mod tests {
    use super::douglas_peucker;

    #[test]
    fn straight_line_keeps_ends() {
        let pts: Vec<[f64; 2]> = (0..10).map(|i| [i as f64 * 100.0, 0.3 * (i % 2) as f64]).collect();
        assert_eq!(douglas_peucker(&pts, 1.0), vec![0, 9]);
    }

    #[test]
    fn corner_is_kept() {
        let pts = [[0.0, 0.0], [50.0, 1.0], [100.0, 0.0], [100.0, 100.0], [101.0, 200.0]];
        assert_eq!(douglas_peucker(&pts, 5.0), vec![0, 2, 4]);
    }

    #[test]
    fn loop_keeps_a_triangle_or_more() {
        let pts = [[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [0.0, 100.0], [0.0, 0.0]];
        let kept = douglas_peucker(&pts, 10.0);
        assert_eq!(kept.len(), 5);
        let kept = douglas_peucker(&pts, 1000.0);
        assert_eq!(kept, vec![0, 2, 4]);
    }

    #[test]
    fn short_inputs() {
        assert!(douglas_peucker(&[], 1.0).is_empty());
        assert_eq!(douglas_peucker(&[[1.0, 1.0]], 1.0), vec![0]);
        assert_eq!(douglas_peucker(&[[1.0, 1.0], [2.0, 2.0]], 1.0), vec![0, 1]);
    }
}
