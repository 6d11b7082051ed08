//! Ear clipping for polygons with holes, done once per map so the fill can be drawn as one mesh
//! (egui fills only convex polygons reliably).
//!
//! Holes are joined to the exterior by a bridge to a visible exterior vertex (rightmost hole first),
//! which turns the polygon into one weakly simple ring; that ring is then clipped ear by ear.
//! Simplified borders can touch themselves, so when no proper ear is left the clipper drops
//! degenerate vertices and, as a last resort, clips a convex vertex anyway instead of giving up.

/// A triangulated polygon: the input points (exterior, then each hole) plus any points added where
/// a ring crosses itself, and counter-clockwise triangles indexing them.
#[derive(Debug, Clone, Default)]
pub struct Triangulation {
    pub points: Vec<[f32; 2]>,
    pub triangles: Vec<[u32; 3]>,
}

/// Triangulates one polygon. A self-crossing exterior (simplification can fold a tiny island) is
/// first cut into simple loops at its crossings, each filled, as the even-odd rule would.
pub fn triangulate(exterior: &[[f32; 2]], holes: &[Vec<[f32; 2]>]) -> Triangulation {
    let mut points: Vec<[f32; 2]> = exterior.to_vec();
    for h in holes {
        points.extend_from_slice(h);
    }
    // Work relative to the first point: keeps cross products of metre coordinates exact enough.
    let origin = match exterior.first() {
        Some(p) => [f64::from(p[0]), f64::from(p[1])],
        None => return Triangulation { points, triangles: Vec::new() },
    };
    let mut pts: Vec<[f64; 2]> =
        points.iter().map(|p| [f64::from(p[0]) - origin[0], f64::from(p[1]) - origin[1]]).collect();
    let mut outer: Vec<u32> = (0..exterior.len() as u32).collect();
    let mut inner: Vec<Vec<u32>> = Vec::with_capacity(holes.len());
    let mut start = exterior.len() as u32;
    for h in holes {
        inner.push((start..start + h.len() as u32).collect());
        start += h.len() as u32;
    }

    clean_ring(&mut outer, &pts);
    let loops = split_crossings(outer, &mut pts);
    // A loop cut off inside another one is a hole under the even-odd rule; a lobe beside it is not.
    let mut fills: Vec<Vec<u32>> = Vec::new();
    for (k, ring) in loops.iter().enumerate() {
        let depth = loops.iter().enumerate().filter(|&(m, other)| m != k && probe_inside(ring, other, &pts)).count();
        if depth % 2 == 0 { fills.push(ring.clone()) } else { inner.push(ring.clone()) }
    }
    for ring in &mut fills {
        clean_ring(ring, &pts);
        if ring.len() >= 3 && signed_area(ring, &pts) < 0.0 {
            ring.reverse();
        }
    }
    fills.retain(|r| r.len() >= 3);
    for hole in &mut inner {
        clean_ring(hole, &pts);
        if hole.len() >= 3 && signed_area(hole, &pts) > 0.0 {
            hole.reverse();
        }
    }
    inner.retain(|h| h.len() >= 3);

    // Rightmost holes first, so later bridges never have to cross earlier ones. Each goes into the
    // smallest fill around it.
    let rightmost = |ring: &[u32]| ring.iter().map(|&i| pts[i as usize][0]).fold(f64::NEG_INFINITY, f64::max);
    inner.sort_by(|a, b| rightmost(b).total_cmp(&rightmost(a)));
    let areas: Vec<f64> = fills.iter().map(|r| signed_area(r, &pts)).collect();
    for hole in &inner {
        let host = (0..fills.len())
            .filter(|&k| probe_inside(hole, &fills[k], &pts))
            .min_by(|&a, &b| areas[a].total_cmp(&areas[b]));
        if let Some(k) = host {
            bridge_hole(&mut fills[k], hole, &pts);
        }
    }
    let loops = fills;
    let mut triangles = Vec::new();
    for ring in &loops {
        triangles.extend(clip_ears(ring, &pts));
    }
    points.extend(pts[points.len()..].iter().map(|p| [(p[0] + origin[0]) as f32, (p[1] + origin[1]) as f32]));
    Triangulation { points, triangles }
}

/// Cuts a ring at the places where two of its edges cross, until every loop is simple.
fn split_crossings(ring: Vec<u32>, pts: &mut Vec<[f64; 2]>) -> Vec<Vec<u32>> {
    let mut work = vec![ring];
    let mut done = Vec::new();
    // Each cut removes a crossing; the bound only guards against pathological input.
    let mut budget = 256;
    while let Some(ring) = work.pop() {
        let crossing = if budget > 0 { first_crossing(&ring, pts) } else { None };
        let Some((i, j, x)) = crossing else {
            done.push(ring);
            continue;
        };
        budget -= 1;
        let xi = pts.len() as u32;
        pts.push(x);
        let mut first = vec![xi];
        first.extend_from_slice(&ring[i + 1..=j]);
        let mut second = ring[..=i].to_vec();
        second.push(xi);
        second.extend_from_slice(&ring[j + 1..]);
        work.push(first);
        work.push(second);
    }
    done
}

/// The first pair of non-adjacent edges `i < j` that properly cross, and where.
fn first_crossing(ring: &[u32], pts: &[[f64; 2]]) -> Option<(usize, usize, [f64; 2])> {
    let n = ring.len();
    if n < 4 {
        return None;
    }
    let p = |k: usize| pts[ring[k % n] as usize];
    for i in 0..n - 2 {
        let (a, b) = (p(i), p(i + 1));
        let (lo, hi) = ([a[0].min(b[0]), a[1].min(b[1])], [a[0].max(b[0]), a[1].max(b[1])]);
        for j in i + 2..n {
            if i == 0 && j == n - 1 {
                continue; // adjacent through the closing edge
            }
            let (c, d) = (p(j), p(j + 1));
            if c[0].max(d[0]) < lo[0] || c[0].min(d[0]) > hi[0] || c[1].max(d[1]) < lo[1] || c[1].min(d[1]) > hi[1] {
                continue;
            }
            let (d1, d2) = (cross(a, b, c), cross(a, b, d));
            let (d3, d4) = (cross(c, d, a), cross(c, d, b));
            if d1 * d2 < 0.0 && d3 * d4 < 0.0 {
                let t = d3 / (d3 - d4);
                return Some((i, j, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]));
            }
        }
    }
    None
}

/// Whether `inner` lies inside `outer`, judged at its first point that is not also a point of `outer`
/// (rings cut apart, or a hole touching its exterior, share points).
fn probe_inside(inner: &[u32], outer: &[u32], pts: &[[f64; 2]]) -> bool {
    inner
        .iter()
        .map(|&i| pts[i as usize])
        .find(|p| !outer.iter().any(|&o| pts[o as usize] == *p))
        .is_some_and(|p| ring_contains(outer, pts, p))
}

/// Even-odd containment of `p` in a ring of indices.
fn ring_contains(ring: &[u32], pts: &[[f64; 2]], p: [f64; 2]) -> bool {
    let mut odd = false;
    let mut a = pts[ring[ring.len() - 1] as usize];
    for &i in ring {
        let b = pts[i as usize];
        if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]) {
            odd = !odd;
        }
        a = b;
    }
    odd
}

/// Twice the signed area (positive for counter-clockwise with y up).
fn signed_area(ring: &[u32], pts: &[[f64; 2]]) -> f64 {
    let mut sum = 0.0;
    let mut j = ring.len() - 1;
    for (i, &vi) in ring.iter().enumerate() {
        let (a, b) = (pts[ring[j] as usize], pts[vi as usize]);
        sum += a[0] * b[1] - b[0] * a[1];
        j = i;
    }
    sum
}

/// Drops repeated points (the closing point too, should a ring come closed).
fn clean_ring(ring: &mut Vec<u32>, pts: &[[f64; 2]]) {
    ring.dedup_by(|b, a| pts[*a as usize] == pts[*b as usize]);
    while ring.len() > 1 && pts[ring[0] as usize] == pts[ring[ring.len() - 1] as usize] {
        ring.pop();
    }
}

fn cross(o: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
}

/// Inside or on the edge of the counter-clockwise triangle `a b c`.
fn in_triangle(a: [f64; 2], b: [f64; 2], c: [f64; 2], p: [f64; 2]) -> bool {
    cross(a, b, p) >= 0.0 && cross(b, c, p) >= 0.0 && cross(c, a, p) >= 0.0
}

/// Splices a clockwise hole into the counter-clockwise `outer` ring along a bridge from the hole's
/// rightmost vertex to a vertex of `outer` it can see (Eberly's construction).
fn bridge_hole(outer: &mut Vec<u32>, hole: &[u32], pts: &[[f64; 2]]) {
    let Some((m_pos, &m)) =
        hole.iter().enumerate().max_by(|a, b| pts[*a.1 as usize][0].total_cmp(&pts[*b.1 as usize][0]))
    else {
        return;
    };
    let mp = pts[m as usize];

    // Nearest crossing of the ray y = mp.y, x >= mp.x with an outer edge.
    let n = outer.len();
    let mut best: Option<(f64, usize)> = None;
    for i in 0..n {
        let (a, b) = (pts[outer[i] as usize], pts[outer[(i + 1) % n] as usize]);
        let straddles = (a[1] <= mp[1] && mp[1] <= b[1]) || (b[1] <= mp[1] && mp[1] <= a[1]);
        if !straddles || a[1] == b[1] {
            continue;
        }
        let x = a[0] + (mp[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
        if x >= mp[0] && best.is_none_or(|(bx, _)| x < bx) {
            best = Some((x, i));
        }
    }
    let Some((ix, edge)) = best else {
        return; // The hole lies outside the exterior: nothing sensible to join.
    };
    let (ea, eb) = (edge, (edge + 1) % n);
    let ipt = [ix, mp[1]];
    // Candidate: the edge end with the larger x; if the crossing is a vertex, that vertex.
    let mut p_idx = if pts[outer[ea] as usize][0] > pts[outer[eb] as usize][0] { ea } else { eb };
    if pts[outer[ea] as usize] == ipt {
        p_idx = ea;
    } else if pts[outer[eb] as usize] == ipt {
        p_idx = eb;
    } else {
        // A reflex vertex inside the triangle (M, I, P) would block the view; take the one closest
        // in angle to the ray.
        let pp = pts[outer[p_idx] as usize];
        let (t1, t2, t3) = if cross(mp, ipt, pp) >= 0.0 { (mp, ipt, pp) } else { (mp, pp, ipt) };
        let mut best_tan = f64::INFINITY;
        let mut best_dist = f64::INFINITY;
        for i in 0..n {
            let q = pts[outer[i] as usize];
            if i == p_idx || q[0] < mp[0] || !in_triangle(t1, t2, t3, q) {
                continue;
            }
            let prev = pts[outer[(i + n - 1) % n] as usize];
            let next = pts[outer[(i + 1) % n] as usize];
            if cross(prev, q, next) > 0.0 {
                continue; // convex vertices cannot block
            }
            let dx = q[0] - mp[0];
            let tan = if dx > 0.0 { (q[1] - mp[1]).abs() / dx } else { f64::INFINITY };
            let dist = dx * dx + (q[1] - mp[1]).powi(2);
            if tan < best_tan || (tan == best_tan && dist < best_dist) {
                best_tan = tan;
                best_dist = dist;
                p_idx = i;
            }
        }
    }

    // outer[..=P], M, rest of the hole, M, P, outer[P+1..]
    let mut spliced = Vec::with_capacity(n + hole.len() + 2);
    spliced.extend_from_slice(&outer[..=p_idx]);
    spliced.extend(hole[m_pos..].iter().chain(&hole[..m_pos]));
    spliced.push(m);
    spliced.push(outer[p_idx]);
    spliced.extend_from_slice(&outer[p_idx + 1..]);
    *outer = spliced;
}

/// Clips ears off a counter-clockwise, weakly simple ring.
fn clip_ears(ring: &[u32], pts: &[[f64; 2]]) -> Vec<[u32; 3]> {
    let n = ring.len();
    let mut out = Vec::with_capacity(n.saturating_sub(2));
    let mut next: Vec<usize> = (0..n).map(|i| (i + 1) % n).collect();
    let mut prev: Vec<usize> = (0..n).map(|i| (i + n - 1) % n).collect();
    let pos = |node: usize| pts[ring[node] as usize];
    let mut remaining = n;
    let mut cur = 0;
    let mut stalled = 0; // nodes visited since the last clip

    let remove = |node: usize, next: &mut Vec<usize>, prev: &mut Vec<usize>| {
        let (p, q) = (prev[node], next[node]);
        next[p] = q;
        prev[q] = p;
    };

    while remaining > 3 {
        let (a, b, c) = (prev[cur], cur, next[cur]);
        let (pa, pb, pc) = (pos(a), pos(b), pos(c));
        let turn = cross(pa, pb, pc);
        let mut clip = false;
        if turn > 0.0 {
            clip = true;
            let mut node = next[c];
            // Only reflex vertices can lie inside an ear. A copy of a triangle corner (bridges and
            // touching rings repeat points) counts as inside, so a fold is never clipped over.
            while node != a {
                let p = pos(node);
                if cross(pos(prev[node]), p, pos(next[node])) <= 0.0 && in_triangle(pa, pb, pc, p) {
                    clip = false;
                    break;
                }
                node = next[node];
            }
        }
        if clip {
            out.push([ring[a], ring[b], ring[c]]);
            remove(b, &mut next, &mut prev);
            remaining -= 1;
            cur = c;
            stalled = 0;
            continue;
        }
        cur = c;
        stalled += 1;
        if stalled > remaining {
            // No proper ear: first drop a vertex that adds no area, else force a convex one.
            let mut node = cur;
            let mut forced = None;
            for _ in 0..remaining {
                let t = cross(pos(prev[node]), pos(node), pos(next[node]));
                if t == 0.0 {
                    forced = Some((node, false));
                    break;
                }
                if t > 0.0 && forced.is_none() {
                    forced = Some((node, true));
                }
                node = next[node];
            }
            let Some((node, emit)) = forced else {
                break; // everything reflex: the remainder is inside out and has no area to fill
            };
            if emit {
                out.push([ring[prev[node]], ring[node], ring[next[node]]]);
            }
            remove(node, &mut next, &mut prev);
            remaining -= 1;
            cur = next[node];
            stalled = 0;
        }
    }
    if remaining == 3 && cross(pos(prev[cur]), pos(cur), pos(next[cur])) > 0.0 {
        out.push([ring[prev[cur]], ring[cur], ring[next[cur]]]);
    }
    out
}

#[cfg(test)]
/// Area of a ring by the shoelace formula (absolute, in squared units of the input).
pub fn ring_area(ring: &[[f32; 2]]) -> f64 {
    let Some(&last) = ring.last() else {
        return 0.0;
    };
    let mut a = last;
    let mut sum = 0.0;
    for &b in ring {
        sum += f64::from(a[0]) * f64::from(b[1]) - f64::from(b[0]) * f64::from(a[1]);
        a = b;
    }
    (sum / 2.0).abs()
}

#[cfg(test)]
/// Sum of the triangles' areas, for checking a triangulation against [`ring_area`].
pub fn triangles_area(points: &[[f32; 2]], triangles: &[[u32; 3]]) -> f64 {
    triangles
        .iter()
        .map(|t| {
            let [a, b, c] = t.map(|i| points[i as usize]);
            ring_area(&[a, b, c])
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::{decode, embedded_map};

    fn check(exterior: &[[f32; 2]], holes: &[Vec<[f32; 2]>], expected: f64) {
        let Triangulation { points, triangles: tris } = triangulate(exterior, holes);
        let area = triangles_area(&points, &tris);
        assert!((area - expected).abs() < 1e-6 * expected.max(1.0), "area {area}, expected {expected}");
        // Counter-clockwise output with positive area each: no folded triangles.
        for t in &tris {
            let [a, b, c] = t.map(|i| points[i as usize]);
            let turn = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
            assert!(turn > 0.0, "triangle {t:?} turns {turn}");
        }
    }

    #[test]
    fn square() {
        let sq = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        check(&sq, &[], 4.0);
        assert_eq!(triangulate(&sq, &[]).triangles.len(), 2);
        // Clockwise input and a closed ring work too.
        let mut cw: Vec<[f32; 2]> = sq.iter().rev().copied().collect();
        cw.push(cw[0]);
        check(&cw, &[], 4.0);
    }

    #[test]
    fn concave_l() {
        let l = [[0.0, 0.0], [3.0, 0.0], [3.0, 1.0], [1.0, 1.0], [1.0, 3.0], [0.0, 3.0]];
        check(&l, &[], 5.0);
        assert_eq!(triangulate(&l, &[]).triangles.len(), 4);
    }

    #[test]
    fn square_with_hole() {
        let outer = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        let hole = vec![[4.0, 4.0], [4.0, 6.0], [6.0, 6.0], [6.0, 4.0]];
        check(&outer, std::slice::from_ref(&hole), 96.0);
        // Two holes, one given counter-clockwise, one touching the ray from the other.
        let hole2 = vec![[1.0, 1.0], [2.0, 1.0], [2.0, 2.0], [1.0, 2.0]];
        check(&outer, &[hole, hole2], 95.0);
    }

    #[test]
    fn comb_with_collinear_points() {
        // Teeth pointing up, with collinear points along the base.
        let comb = [
            [0.0, 0.0],
            [1.0, 0.0],
            [2.0, 0.0],
            [3.0, 0.0],
            [3.0, 3.0],
            [2.5, 3.0],
            [2.5, 1.0],
            [1.5, 1.0],
            [1.5, 3.0],
            [1.0, 3.0],
            [1.0, 1.0],
            [0.5, 1.0],
            [0.5, 3.0],
            [0.0, 3.0],
            [0.0, 2.0],
        ];
        check(&comb, &[], 3.0 + 3.0 * 0.5 * 2.0);
    }

    #[test]
    fn degenerate_input() {
        assert!(triangulate(&[], &[]).triangles.is_empty());
        assert!(triangulate(&[[0.0, 0.0], [1.0, 1.0]], &[]).triangles.is_empty());
        assert!(triangulate(&[[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], &[]).triangles.is_empty());
    }

    #[test]
    fn bow_tie_fills_both_lobes() {
        // Crosses itself at (1, 1): two triangles of area 1 each (the shoelace sum would be 0).
        let bow = [[0.0, 0.0], [2.0, 2.0], [2.0, 0.0], [0.0, 2.0]];
        check(&bow, &[], 2.0);
        assert_eq!(triangulate(&bow, &[]).points.len(), 5);
    }

    #[test]
    fn fold_inside_is_a_hole() {
        // The walk down x = 4 and back west along y = 6 crosses itself at (4, 6) and encloses the
        // square 4..7 x 3..6 a second time: a hole under the even-odd rule. 100 - 10 (notch) - 9.
        let folded = [
            [0.0, 0.0],
            [10.0, 0.0],
            [10.0, 10.0],
            [4.0, 10.0],
            [4.0, 3.0],
            [7.0, 3.0],
            [7.0, 6.0],
            [3.0, 6.0],
            [0.0, 10.0],
        ];
        check(&folded, &[], 81.0);
    }

    /// Even-odd area by sampling a grid, independent of the triangulator.
    fn sampled_area(poly: &crate::map::Polygon) -> f64 {
        let mut b = crate::map::Rect2::EMPTY;
        poly.exterior.iter().for_each(|p| b.include(*p));
        let steps = 200;
        let (dx, dy) = (b.width() / steps as f32, b.height() / steps as f32);
        let mut hits = 0;
        for i in 0..steps {
            for j in 0..steps {
                let p = [b.min[0] + (i as f32 + 0.5) * dx, b.min[1] + (j as f32 + 0.5) * dy];
                hits += usize::from(poly.contains(p));
            }
        }
        f64::from(b.width()) * f64::from(b.height()) * hits as f64 / (steps * steps) as f64
    }

    /// Every municipality polygon of both border years fills to its shoelace area. The few tiny
    /// islands whose simplified outline crosses itself are checked against a sampled even-odd area.
    #[test]
    fn all_municipalities() {
        for id in ["norway-2020", "norway-2024"] {
            let map = decode(embedded_map(id).unwrap()).unwrap();
            let (mut crossing, mut total) = (0, 0);
            for shape in &map.shapes {
                for (k, poly) in shape.polygons.iter().enumerate() {
                    total += 1;
                    let t = triangulate(&poly.exterior, &poly.holes);
                    let area = triangles_area(&t.points, &t.triangles);
                    let expected =
                        if t.points.len() > poly.exterior.len() + poly.holes.iter().map(Vec::len).sum::<usize>() {
                            crossing += 1;
                            let sampled = sampled_area(poly);
                            assert!(
                                (area - sampled).abs() / sampled < 0.02,
                                "{id} {} polygon {k}: {area} vs {sampled}",
                                shape.code
                            );
                            continue;
                        } else {
                            ring_area(&poly.exterior) - poly.holes.iter().map(|h| ring_area(h)).sum::<f64>()
                        };
                    let err = (area - expected).abs() / expected;
                    assert!(err <= 0.005, "{id} {} polygon {k}: {area} vs {expected}", shape.code);
                }
            }
            assert!(crossing * 50 <= total, "{id}: {crossing} of {total} polygons cross themselves");
        }
    }
}
