//! Pan and zoom. The camera is kept in map space (see [`super::mesh`]) and relative to "the whole
//! country fits", so it survives window resizes; the screen transform is derived each frame.

use eframe::egui;
use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2, pos2};

/// Zoom 1 shows the whole country; 400 is a few metres per point, enough for the smallest
/// municipalities.
pub const MIN_ZOOM: f32 = 0.5;
pub const MAX_ZOOM: f32 = 400.0;
/// Room left around the country when it is fitted.
const FIT_MARGIN: f32 = 0.96;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Map-space point shown at the centre of the viewport.
    pub center: Pos2,
    pub zoom: f32,
}

impl Camera {
    /// The whole map, centred.
    pub fn fit(map_size: Vec2) -> Camera {
        Camera { center: (map_size / 2.0).to_pos2(), zoom: 1.0 }
    }

    /// Map space to screen for this viewport.
    pub fn view(&self, viewport: Rect, map_size: Vec2) -> View {
        let fit = (viewport.width() / map_size.x).min(viewport.height() / map_size.y) * FIT_MARGIN;
        let scale = if fit.is_finite() && fit > 0.0 { fit * self.zoom } else { 1.0 };
        let translation = viewport.center().to_vec2() - self.center.to_vec2() * scale;
        View { viewport, transform: TSTransform::new(translation, scale) }
    }

    /// Moves the map by a screen distance.
    pub fn pan(&mut self, delta: Vec2, view: &View) {
        self.center -= delta / view.transform.scaling;
    }

    /// Zooms by `factor`, keeping the map point under `pointer` where it is.
    pub fn zoom_at(&mut self, factor: f32, pointer: Pos2, viewport: Rect, map_size: Vec2) {
        let before = self.view(viewport, map_size);
        let anchor = before.to_map(pointer);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = self.view(viewport, map_size);
        // Shift so that `anchor` lands on `pointer` again.
        self.center += anchor - after.to_map(pointer);
    }

    /// Keeps the centre over the map and the zoom in range, so the country cannot be lost.
    pub fn clamp(&mut self, map_size: Vec2) {
        self.zoom = self.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
        if !(self.center.x.is_finite() && self.center.y.is_finite() && self.zoom.is_finite()) {
            *self = Camera::fit(map_size);
        }
        self.center = pos2(self.center.x.clamp(0.0, map_size.x), self.center.y.clamp(0.0, map_size.y));
    }
}

/// One frame's map-to-screen transform.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub viewport: Rect,
    pub transform: TSTransform,
}

impl View {
    pub fn to_screen(self, p: Pos2) -> Pos2 {
        self.transform.mul_pos(p)
    }

    pub fn to_map(self, screen: Pos2) -> Pos2 {
        self.transform.inverse().mul_pos(screen)
    }

    /// Screen points per map metre.
    pub fn scale(self) -> f32 {
        self.transform.scaling
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::map_view::mesh::MapMesh;
    use crate::map::{decode, embedded_map, project};
    use egui::vec2;

    fn screen_of(mesh: &MapMesh, view: &View, lon: f64, lat: f64) -> Pos2 {
        let [x, y] = project(lon, lat);
        view.to_screen(mesh.to_map([x as f32, y as f32]))
    }

    fn code_at(geometry: &crate::map::MapGeometry, mesh: &MapMesh, view: &View, screen: Pos2) -> Option<String> {
        let p = mesh.to_projected(view.to_map(screen));
        geometry.hit_test(p).map(|i| geometry.shapes[i].code.clone())
    }

    #[test]
    fn fit_shows_everything() {
        let size = vec2(1_200_000.0, 1_500_000.0);
        let viewport = Rect::from_min_size(pos2(10.0, 40.0), vec2(800.0, 600.0));
        let view = Camera::fit(size).view(viewport, size);
        let corners = [pos2(0.0, 0.0), size.to_pos2()].map(|p| view.to_screen(p));
        assert!(corners.iter().all(|&c| viewport.contains(c)), "{corners:?}");
        assert!((view.to_screen((size / 2.0).to_pos2()) - viewport.center()).length() < 1e-3);
    }

    #[test]
    fn hit_test_through_the_view() {
        let geometry = decode(embedded_map("norway-2020").unwrap()).unwrap();
        let mesh = MapMesh::build(&geometry);
        let viewport = Rect::from_min_size(pos2(0.0, 30.0), vec2(900.0, 700.0));
        let mut camera = Camera::fit(mesh.size);
        let view = camera.view(viewport, mesh.size);
        let oslo = screen_of(&mesh, &view, 10.75, 59.91);
        let tromso = screen_of(&mesh, &view, 18.955, 69.649);
        assert!(viewport.contains(oslo) && viewport.contains(tromso));
        assert!(tromso.y < oslo.y && tromso.x > oslo.x, "north is up, east is right");
        assert_eq!(code_at(&geometry, &mesh, &view, oslo).as_deref(), Some("0301"));
        assert_eq!(code_at(&geometry, &mesh, &view, tromso).as_deref(), Some("5401"));

        // Zoom in on Tromsø: it stays under the pointer and is still found.
        camera.zoom_at(8.0, tromso, viewport, mesh.size);
        let zoomed = camera.view(viewport, mesh.size);
        assert!((screen_of(&mesh, &zoomed, 18.955, 69.649) - tromso).length() < 0.01);
        assert_eq!(code_at(&geometry, &mesh, &zoomed, tromso).as_deref(), Some("5401"));
        // Pan: the map moves with the pointer.
        camera.pan(vec2(50.0, -20.0), &zoomed);
        let panned = camera.view(viewport, mesh.size);
        let moved = screen_of(&mesh, &panned, 18.955, 69.649);
        assert!((moved - (tromso + vec2(50.0, -20.0))).length() < 0.01, "{moved:?}");
        assert_eq!(code_at(&geometry, &mesh, &panned, moved).as_deref(), Some("5401"));
    }

    #[test]
    fn clamp_keeps_the_map_reachable() {
        let size = vec2(1000.0, 2000.0);
        let mut c = Camera { center: pos2(-50.0, 9000.0), zoom: 1e9 };
        c.clamp(size);
        assert_eq!(c.center, pos2(0.0, 2000.0));
        assert_eq!(c.zoom, MAX_ZOOM);
        let mut c = Camera { center: pos2(f32::NAN, 0.0), zoom: 1.0 };
        c.clamp(size);
        assert_eq!(c, Camera::fit(size));
    }
}
