//! Screen-space meshes for one camera position, built from the prepared mesh and reused for as long
//! as neither the view nor the colours change (hovering only adds an outline on top). Even the
//! border lines are tessellated here, once per view, so a frame hands epaint only a few meshes.

use std::sync::Arc;

use eframe::egui;
use egui::epaint::tessellator::Tessellator;
use egui::epaint::{Mesh, PathShape, TessellationOptions, Vertex, WHITE_UV};
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, TextureId, pos2};

use super::camera::View;
use super::colouring::Fill;
use super::mesh::MapMesh;
use super::palette::{self, TILE};

/// Outline points closer than this (screen points) to the previous one are skipped.
const MIN_STEP: f32 = 0.75;

/// Everything that decides the cached shapes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameKey {
    pub view: View,
    /// Bumped whenever the fills change.
    pub colours: u64,
    /// Line feathering depends on it.
    pub pixels_per_point: f32,
}

pub struct Frame {
    pub key: FrameKey,
    fill: Arc<Mesh>,
    patterns: Vec<Arc<Mesh>>,
    /// Municipality outlines, then county borders on top.
    lines: Arc<Mesh>,
}

impl Frame {
    /// `fills` per shape; `textures` per pattern, in `Pattern::ALL` order.
    pub fn build(
        mesh: &MapMesh,
        key: FrameKey,
        fills: &[Fill],
        textures: [TextureId; 3],
        options: TessellationOptions,
    ) -> Frame {
        let view = &key.view;
        let visible: Vec<usize> = (0..mesh.shapes.len())
            .filter(|&i| view.transform.mul_rect(mesh.shapes[i].bounds).intersects(view.viewport))
            .collect();

        let mut fill = Mesh::default();
        let mut patterns: Vec<Mesh> = textures.iter().map(|&t| Mesh::with_texture(t)).collect();
        let screen: Vec<Pos2> = mesh.points.iter().map(|&p| view.to_screen(p)).collect();
        for &i in &visible {
            let f = fills.get(i).copied().unwrap_or(Fill::NO_DATA);
            add_shape(&mut fill, mesh, &screen, i, |_| WHITE_UV, f.colour);
            if let Some(p) = f.pattern {
                let tile = TILE as f32;
                add_shape(&mut patterns[p.index()], mesh, &screen, i, |q| pos2(q.x / tile, q.y / tile), Color32::WHITE);
            }
        }

        let width = (0.6 + 0.15 * (view.scale() / fit_scale(mesh, view)).log2().max(0.0)).min(1.4);
        // Lines need no texture, so the font atlas size does not matter.
        let mut tessellator = Tessellator::new(key.pixels_per_point, options, [1, 1], Vec::new());
        tessellator.set_clip_rect(view.viewport.expand(4.0));
        let mut lines = Mesh::default();
        let mut draw =
            |points: &[Pos2], ranges: &[std::ops::Range<u32>], stroke: Stroke, bounds: &dyn Fn(usize) -> Rect| {
                for (k, r) in ranges.iter().enumerate() {
                    if !view.transform.mul_rect(bounds(k)).intersects(view.viewport) {
                        continue;
                    }
                    let screen: Vec<Pos2> =
                        points[r.start as usize..r.end as usize].iter().map(|&p| view.to_screen(p)).collect();
                    if let Some(line) = decimate(&screen) {
                        tessellator.tessellate_path(&PathShape::line(line, stroke), &mut lines);
                    }
                }
            };
        draw(&mesh.outline_points, &mesh.outlines, Stroke::new(width, palette::OUTLINE), &|k| mesh.outline_bounds[k]);
        draw(&mesh.border_points, &mesh.borders, Stroke::new(width * 2.6, palette::COUNTY), &|k| mesh.border_bounds[k]);

        Frame {
            key,
            fill: Arc::new(fill),
            patterns: patterns.into_iter().map(Arc::new).collect(),
            lines: Arc::new(lines),
        }
    }

    /// Fill, patterns, then the lines.
    pub fn paint(&self, painter: &Painter) {
        painter.add(Shape::mesh(Arc::clone(&self.fill)));
        for p in &self.patterns {
            if !p.is_empty() {
                painter.add(Shape::mesh(Arc::clone(p)));
            }
        }
        painter.add(Shape::mesh(Arc::clone(&self.lines)));
    }

    #[cfg(test)]
    pub fn triangle_count(&self) -> usize {
        self.fill.indices.len() / 3
    }
}

/// Appends one municipality's triangles with the given colour and texture coordinates.
fn add_shape(
    out: &mut Mesh,
    mesh: &MapMesh,
    screen: &[Pos2],
    shape: usize,
    uv: impl Fn(Pos2) -> Pos2,
    colour: Color32,
) {
    let s = &mesh.shapes[shape];
    let base = out.vertices.len() as u32;
    let first = s.points.start;
    out.vertices.extend(screen[s.points.start as usize..s.points.end as usize].iter().map(|&pos| Vertex {
        pos,
        uv: uv(pos),
        color: colour,
    }));
    out.indices
        .extend(mesh.indices[s.indices.start as usize..s.indices.end as usize].iter().map(|&i| i - first + base));
}

/// Drops points that would land within [`MIN_STEP`] of the last one kept, but keeps both ends so
/// lines still meet; `None` for a line of no length.
fn decimate(points: &[Pos2]) -> Option<Vec<Pos2>> {
    let (&first, rest) = points.split_first()?;
    let &end = rest.last()?;
    let mut out = Vec::with_capacity(points.len());
    out.push(first);
    let mut last = first;
    for &p in &rest[..rest.len() - 1] {
        if (p - last).length_sq() >= MIN_STEP * MIN_STEP {
            out.push(p);
            last = p;
        }
    }
    out.push(end);
    (out.len() > 2 || first != end).then_some(out)
}

/// The scale at which the whole map fits this viewport (zoom 1).
fn fit_scale(mesh: &MapMesh, view: &View) -> f32 {
    let fit = (view.viewport.width() / mesh.size.x).min(view.viewport.height() / mesh.size.y);
    if fit > 0.0 { fit } else { view.scale() }
}

/// A ring drawn as an open line back to its start: epaint cuts off sharp corners on open lines
/// but mitres them on closed ones, and a fjord's tip would then spike far out to sea.
fn ring_line(mut points: Vec<Pos2>, stroke: Stroke) -> Shape {
    if let Some(&first) = points.first() {
        points.push(first);
    }
    Shape::line(points, stroke)
}

/// Outline of one municipality with a given stroke (hover and selection).
pub fn shape_outline(mesh: &MapMesh, view: &View, shape: usize, stroke: Stroke) -> Vec<Shape> {
    let Some(s) = mesh.shapes.get(shape) else {
        return Vec::new();
    };
    s.rings
        .clone()
        .map(|r| {
            let ring = mesh.ring(&mesh.rings[r as usize]);
            ring_line(ring.iter().map(|&p| view.to_screen(p)).collect(), stroke)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimation_keeps_shape_and_ends() {
        let line: Vec<Pos2> = (0..=100).map(|i| pos2(i as f32 * 0.1, 0.0)).collect();
        let d = decimate(&line).unwrap();
        assert_eq!(d.first(), line.first());
        assert_eq!(d.last(), line.last());
        assert!(d.len() < 20);
        let square = [pos2(0.0, 0.0), pos2(10.0, 0.0), pos2(10.0, 10.0), pos2(0.0, 10.0)];
        assert_eq!(decimate(&square).unwrap(), square.to_vec());
        assert_eq!(decimate(&[pos2(0.0, 0.0), pos2(0.1, 0.0)]).unwrap().len(), 2, "short but joining");
        assert!(decimate(&[pos2(1.0, 1.0), pos2(1.0, 1.0)]).is_none());
        assert!(decimate(&[pos2(1.0, 1.0)]).is_none());
    }
}
