//! The map prepared for drawing, once per geometry: every polygon triangulated, all points in one
//! array in "map space" (metres from the top-left corner of the map's bounds, y pointing down like
//! the screen), plus the rings and county borders as ranges into point arrays.
//!
//! The lines to draw between municipalities are kept separately: only edges two municipalities
//! share, each once. The coast, most of the length, needs no line: the fill ends there anyway.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use eframe::egui;
use egui::{Pos2, Rect, pos2, vec2};

use super::triangulate::triangulate;
use crate::map::MapGeometry;

/// One municipality's part of the mesh.
#[derive(Debug, Clone)]
pub struct ShapeMesh {
    /// Into [`MapMesh::points`].
    pub points: Range<u32>,
    /// Into [`MapMesh::indices`] (a multiple of 3 long).
    pub indices: Range<u32>,
    /// Into [`MapMesh::rings`]: exterior and hole outlines.
    pub rings: Range<u32>,
    /// In map space.
    pub bounds: Rect,
}

#[derive(Debug, Clone)]
pub struct MapMesh {
    /// Left and top of the geometry's bounds in projected metres: map space (0, 0).
    pub origin: [f32; 2],
    /// Width and height of the geometry in metres.
    pub size: egui::Vec2,
    pub points: Vec<Pos2>,
    /// Triangles, three indices into `points` each.
    pub indices: Vec<u32>,
    /// Outline rings as ranges into `points` (open: the closing edge is implied).
    pub rings: Vec<Range<u32>>,
    /// Same order as the geometry's shapes.
    pub shapes: Vec<ShapeMesh>,
    /// Borders between municipalities (not the coast), each edge once, as polylines in map space.
    pub outline_points: Vec<Pos2>,
    pub outlines: Vec<Range<u32>>,
    pub outline_bounds: Vec<Rect>,
    /// County borders in map space.
    pub border_points: Vec<Pos2>,
    pub borders: Vec<Range<u32>>,
    pub border_bounds: Vec<Rect>,
}

impl MapMesh {
    pub fn build(geometry: &MapGeometry) -> MapMesh {
        let origin = [geometry.bounds.min[0], geometry.bounds.max[1]];
        let to_map = |p: [f32; 2]| pos2(p[0] - origin[0], origin[1] - p[1]);
        let mut mesh = MapMesh {
            origin,
            size: vec2(geometry.bounds.width(), geometry.bounds.height()),
            points: Vec::with_capacity(geometry.point_count() + 64),
            indices: Vec::new(),
            rings: Vec::new(),
            shapes: Vec::with_capacity(geometry.shapes.len()),
            outline_points: Vec::new(),
            outlines: Vec::new(),
            outline_bounds: Vec::new(),
            border_points: Vec::new(),
            borders: Vec::new(),
            border_bounds: Vec::new(),
        };
        for shape in &geometry.shapes {
            let (p0, i0, r0) = (mesh.points.len() as u32, mesh.indices.len() as u32, mesh.rings.len() as u32);
            let mut bounds = Rect::NOTHING;
            for poly in &shape.polygons {
                let base = mesh.points.len() as u32;
                let t = triangulate(&poly.exterior, &poly.holes);
                // Rings first, in the order triangulate numbers them; crossing points follow.
                let mut start = base;
                for ring in std::iter::once(&poly.exterior).chain(&poly.holes) {
                    mesh.rings.push(start..start + ring.len() as u32);
                    start += ring.len() as u32;
                }
                for &p in &t.points {
                    let q = to_map(p);
                    bounds.extend_with(q);
                    mesh.points.push(q);
                }
                mesh.indices.extend(t.triangles.iter().flat_map(|tri| tri.map(|i| base + i)));
            }
            mesh.shapes.push(ShapeMesh {
                points: p0..mesh.points.len() as u32,
                indices: i0..mesh.indices.len() as u32,
                rings: r0..mesh.rings.len() as u32,
                bounds,
            });
        }
        mesh.build_outlines();
        for line in &geometry.county_borders {
            let start = mesh.border_points.len() as u32;
            let mut bounds = Rect::NOTHING;
            for &p in line {
                let q = to_map(p);
                bounds.extend_with(q);
                mesh.border_points.push(q);
            }
            mesh.borders.push(start..mesh.border_points.len() as u32);
            mesh.border_bounds.push(bounds);
        }
        mesh
    }

    /// Splits every ring into runs of shared edges not drawn before; each run becomes one polyline.
    fn build_outlines(&mut self) {
        let key = |a: Pos2, b: Pos2| {
            let (a, b) = ((a.x.to_bits(), a.y.to_bits()), (b.x.to_bits(), b.y.to_bits()));
            if a <= b { (a, b) } else { (b, a) }
        };
        let mut uses: HashMap<_, u32> = HashMap::with_capacity(self.points.len());
        for ring in &self.rings {
            let pts = self.ring(ring);
            for i in 0..pts.len() {
                *uses.entry(key(pts[i], pts[(i + 1) % pts.len()])).or_default() += 1;
            }
        }
        let mut seen = HashSet::with_capacity(uses.len());
        for r in 0..self.rings.len() {
            let pts: Vec<Pos2> = self.ring(&self.rings[r]).to_vec();
            let n = pts.len();
            if n < 2 {
                continue;
            }
            let wanted = |a: Pos2, b: Pos2, seen: &HashSet<_>| {
                let k = key(a, b);
                uses.get(&k).is_some_and(|&u| u >= 2) && !seen.contains(&k)
            };
            // Start after an edge that is not drawn here, if any, so a run never wraps around.
            let start = (0..n).find(|&i| !wanted(pts[i], pts[(i + 1) % n], &seen)).map_or(0, |i| i + 1);
            let mut run: Vec<Pos2> = Vec::new();
            for k in 0..n {
                let (a, b) = (pts[(start + k) % n], pts[(start + k + 1) % n]);
                if wanted(a, b, &seen) {
                    seen.insert(key(a, b));
                    if run.is_empty() {
                        run.push(a);
                    }
                    run.push(b);
                } else {
                    self.push_outline(&mut run);
                }
            }
            self.push_outline(&mut run);
        }
    }

    fn push_outline(&mut self, run: &mut Vec<Pos2>) {
        if run.len() >= 2 {
            let start = self.outline_points.len() as u32;
            let mut bounds = Rect::NOTHING;
            for &p in run.iter() {
                bounds.extend_with(p);
            }
            self.outline_points.append(run);
            self.outlines.push(start..self.outline_points.len() as u32);
            self.outline_bounds.push(bounds);
        }
        run.clear();
    }

    /// Map space to projected metres.
    pub fn to_projected(&self, p: Pos2) -> [f32; 2] {
        [p.x + self.origin[0], self.origin[1] - p.y]
    }

    /// Projected metres to map space.
    pub fn to_map(&self, p: [f32; 2]) -> Pos2 {
        pos2(p[0] - self.origin[0], self.origin[1] - p[1])
    }

    pub fn ring(&self, r: &Range<u32>) -> &[Pos2] {
        &self.points[r.start as usize..r.end as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::{decode, embedded_map, project};

    fn edge(a: Pos2, b: Pos2) -> [(u32, u32); 2] {
        let (a, b) = ((a.x.to_bits(), a.y.to_bits()), (b.x.to_bits(), b.y.to_bits()));
        if a <= b { [a, b] } else { [b, a] }
    }

    #[test]
    fn builds_both_maps() {
        for id in ["norway-2020", "norway-2024"] {
            let geometry = decode(embedded_map(id).unwrap()).unwrap();
            let mesh = MapMesh::build(&geometry);
            assert_eq!(mesh.shapes.len(), geometry.shapes.len());
            assert_eq!(mesh.indices.len() % 3, 0);
            assert!(mesh.indices.iter().all(|&i| (i as usize) < mesh.points.len()));
            for (s, m) in geometry.shapes.iter().zip(&mesh.shapes) {
                assert!(!m.indices.is_empty(), "{} has triangles", s.code);
                let rings: usize = s.polygons.iter().map(|p| 1 + p.holes.len()).sum();
                assert_eq!(m.rings.len(), rings);
            }
            // Every edge two rings share is in the outlines exactly once; the coast is not.
            let mut ring_edges: HashMap<_, usize> = HashMap::new();
            for r in &mesh.rings {
                let pts = mesh.ring(r);
                for i in 0..pts.len() {
                    *ring_edges.entry(edge(pts[i], pts[(i + 1) % pts.len()])).or_default() += 1;
                }
            }
            let shared: HashSet<_> = ring_edges.iter().filter(|&(_, &n)| n >= 2).map(|(e, _)| *e).collect();
            let mut outline_edges = Vec::new();
            for r in &mesh.outlines {
                let pts = &mesh.outline_points[r.start as usize..r.end as usize];
                outline_edges.extend(pts.windows(2).map(|w| edge(w[0], w[1])));
            }
            let unique: HashSet<_> = outline_edges.iter().copied().collect();
            assert_eq!(unique.len(), outline_edges.len(), "{id}: no edge twice");
            assert_eq!(unique, shared, "{id}: every shared edge once");
            assert!(shared.len() > 5000, "{id}: {} shared edges", shared.len());

            // The map fits its own size, with (0, 0) at the top left.
            let all = mesh.shapes.iter().fold(Rect::NOTHING, |r, s| r.union(s.bounds));
            assert!(all.min.x >= 0.0 && all.min.y >= 0.0);
            assert!(all.max.x <= mesh.size.x && all.max.y <= mesh.size.y);
            // North is up: Tromsø is above Oslo.
            let [ox, oy] = project(10.75, 59.91);
            let [tx, ty] = project(18.955, 69.649);
            let (oslo, tromso) = (mesh.to_map([ox as f32, oy as f32]), mesh.to_map([tx as f32, ty as f32]));
            assert!(tromso.y < oslo.y);
            assert_eq!(mesh.to_projected(oslo), [ox as f32, oy as f32]);
        }
    }
}
