//! Filling the municipality polygons as triangles, once per map, so the fill can be drawn as one mesh (egui
//! fills only convex polygons reliably).
//!
//! `lyon_tessellation`'s sweep-line fill does the work under the even-odd rule: holes are cut out, and the few
//! tiny islands whose simplified outline crosses itself fill the way a renderer would fill them, with a new
//! point where two edges cross.

use lyon_tessellation::geometry_builder::{FillGeometryBuilder, GeometryBuilder, GeometryBuilderError};
use lyon_tessellation::math::{Point, point};
use lyon_tessellation::path::{EndpointId, IdEvent};
use lyon_tessellation::{FillOptions, FillTessellator, FillVertex, Orientation, VertexId, VertexSource};

/// A triangulated polygon: the input points (exterior, then each hole) plus any points added where
/// a ring crosses itself, and counter-clockwise triangles indexing them.
#[derive(Debug, Clone, Default)]
pub struct Triangulation {
    pub points: Vec<[f32; 2]>,
    pub triangles: Vec<[u32; 3]>,
}

/// Triangulates one polygon (exterior and holes, either winding, closed or open rings).
pub fn triangulate(exterior: &[[f32; 2]], holes: &[Vec<[f32; 2]>]) -> Triangulation {
    let mut points: Vec<[f32; 2]> = exterior.to_vec();
    for h in holes {
        points.extend_from_slice(h);
    }
    // Work relative to the first point: metre coordinates near 7,000 km north keep their precision in f32.
    let Some(&first) = exterior.first() else {
        return Triangulation { points, triangles: Vec::new() };
    };
    let origin = [f64::from(first[0]), f64::from(first[1])];
    let local: Vec<Point> = points
        .iter()
        .map(|p| point((f64::from(p[0]) - origin[0]) as f32, (f64::from(p[1]) - origin[1]) as f32))
        .collect();
    let events = ring_events(exterior.len(), holes);

    let mut fill = Fill { local: local.clone(), vertices: Vec::new(), triangles: Vec::new() };
    let mut tessellator = FillTessellator::new();
    // The sweep can in rare cases give up on a degenerate outline; the other sweep direction meets the
    // edges in another order.
    for orientation in [Orientation::Vertical, Orientation::Horizontal] {
        let options = FillOptions::even_odd().with_sweep_orientation(orientation);
        fill.local.truncate(local.len());
        fill.vertices.clear();
        fill.triangles.clear();
        let positions: (&[Point], &[Point]) = (&local, &[]);
        if tessellator.tessellate_with_ids(events.iter().copied(), &positions, None, &options, &mut fill).is_ok() {
            break;
        }
        fill.triangles.clear();
    }

    // Counter-clockwise (y up) and with area: slivers of zero area add nothing to the fill.
    let Fill { local: all, triangles, .. } = fill;
    let cross = |t: &[u32; 3]| {
        let [a, b, c] = t.map(|i| all[i as usize].cast::<f64>());
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    };
    let triangles = triangles
        .into_iter()
        .filter_map(|t| {
            let turn = cross(&t);
            if turn > 0.0 {
                Some(t)
            } else if turn < 0.0 {
                Some([t[0], t[2], t[1]])
            } else {
                None
            }
        })
        .collect();
    points.extend(
        all[points.len()..].iter().map(|p| [(f64::from(p.x) + origin[0]) as f32, (f64::from(p.y) + origin[1]) as f32]),
    );
    Triangulation { points, triangles }
}

/// The rings as a closed path over point indices: the exterior's points first, then each hole's.
fn ring_events(exterior: usize, holes: &[Vec<[f32; 2]>]) -> Vec<IdEvent> {
    let mut events = Vec::new();
    let mut start = 0u32;
    for len in std::iter::once(exterior).chain(holes.iter().map(Vec::len)) {
        let end = start + len as u32;
        if len > 0 {
            events.push(IdEvent::Begin { at: EndpointId(start) });
            for i in start + 1..end {
                events.push(IdEvent::Line { from: EndpointId(i - 1), to: EndpointId(i) });
            }
            events.push(IdEvent::End { last: EndpointId(end - 1), first: EndpointId(start), close: true });
        }
        start = end;
    }
    events
}

/// Collects the tessellator's output as triangles over our points: a vertex on an input point is that
/// point; a vertex where two edges cross becomes a new point.
struct Fill {
    /// The input points in local coordinates, then the crossing points.
    local: Vec<Point>,
    /// For each vertex the tessellator made, its index in `local`.
    vertices: Vec<u32>,
    triangles: Vec<[u32; 3]>,
}

impl GeometryBuilder for Fill {
    fn add_triangle(&mut self, a: VertexId, b: VertexId, c: VertexId) {
        let index = |v: VertexId| self.vertices[v.0 as usize];
        self.triangles.push([index(a), index(b), index(c)]);
    }

    fn abort_geometry(&mut self) {
        self.triangles.clear();
    }
}

impl FillGeometryBuilder for Fill {
    fn add_fill_vertex(&mut self, vertex: FillVertex) -> Result<VertexId, GeometryBuilderError> {
        let input = vertex.sources().find_map(|s| match s {
            VertexSource::Endpoint { id } => Some(id.0),
            VertexSource::Edge { .. } => None,
        });
        let index = input.unwrap_or_else(|| {
            self.local.push(vertex.position());
            self.local.len() as u32 - 1
        });
        self.vertices.push(index);
        Ok(VertexId(self.vertices.len() as u32 - 1))
    }
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
