//! Decoded map geometry in projected metres (UTM 33N, x = easting, y = northing pointing up), and
//! hit-testing.
//!
//! Rings are open: the closing edge from the last point back to the first is implied. Exteriors run
//! counter-clockwise and holes clockwise (y up). `f32` keeps about half a metre of precision at
//! Norwegian northings, far below the grid the map is stored on. A screen transform has to flip y.

pub use super::projection::project;

/// Axis-aligned rectangle in projected metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect2 {
    pub min: [f32; 2],
    pub max: [f32; 2],
}

impl Rect2 {
    /// Contains nothing; the identity for [`Rect2::union`] and [`Rect2::include`].
    pub const EMPTY: Rect2 = Rect2 { min: [f32::INFINITY; 2], max: [f32::NEG_INFINITY; 2] };

    pub fn is_empty(&self) -> bool {
        !(self.min[0] <= self.max[0] && self.min[1] <= self.max[1])
    }

    /// Grows the rectangle to contain `p`.
    pub fn include(&mut self, p: [f32; 2]) {
        for (i, v) in p.into_iter().enumerate() {
            self.min[i] = self.min[i].min(v);
            self.max[i] = self.max[i].max(v);
        }
    }

    pub fn union(&self, other: &Rect2) -> Rect2 {
        Rect2 {
            min: [self.min[0].min(other.min[0]), self.min[1].min(other.min[1])],
            max: [self.max[0].max(other.max[0]), self.max[1].max(other.max[1])],
        }
    }

    /// Closed containment (edges count as inside).
    pub fn contains(&self, p: [f32; 2]) -> bool {
        p[0] >= self.min[0] && p[0] <= self.max[0] && p[1] >= self.min[1] && p[1] <= self.max[1]
    }

    pub fn width(&self) -> f32 {
        self.max[0] - self.min[0]
    }

    pub fn height(&self) -> f32 {
        self.max[1] - self.min[1]
    }

    pub fn center(&self) -> [f32; 2] {
        [(self.min[0] + self.max[0]) / 2.0, (self.min[1] + self.max[1]) / 2.0]
    }
}

/// A polygon: one exterior ring and any holes.
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    pub exterior: Vec<[f32; 2]>,
    pub holes: Vec<Vec<[f32; 2]>>,
}

impl Polygon {
    /// Even-odd rule over the exterior and the holes together.
    pub fn contains(&self, p: [f32; 2]) -> bool {
        let mut inside = ring_crossings_odd(&self.exterior, p);
        for hole in &self.holes {
            inside ^= ring_crossings_odd(hole, p);
        }
        inside
    }
}

/// One municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// Municipality number, 4 digits (`"0301"`).
    pub code: String,
    /// County number, 2 digits (`"03"`).
    pub county_code: String,
    pub polygons: Vec<Polygon>,
    /// Bounds of all exteriors.
    pub bounds: Rect2,
}

impl Shape {
    pub fn contains(&self, p: [f32; 2]) -> bool {
        self.bounds.contains(p) && self.polygons.iter().any(|poly| poly.contains(p))
    }
}

/// All municipalities of one set of borders, plus county borders to draw on top.
#[derive(Debug, Clone, PartialEq)]
pub struct MapGeometry {
    /// Sorted by municipality code.
    pub shapes: Vec<Shape>,
    /// Polylines along the borders between municipalities of different counties.
    pub county_borders: Vec<Vec<[f32; 2]>>,
    pub bounds: Rect2,
}

impl MapGeometry {
    /// Index into `shapes` of the municipality containing `p` (projected metres), if any.
    pub fn hit_test(&self, p: [f32; 2]) -> Option<usize> {
        self.shapes.iter().position(|s| s.contains(p))
    }

    /// Index into `shapes` of the municipality with this code.
    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.shapes.iter().position(|s| s.code == code)
    }

    /// Total number of ring points (exteriors and holes).
    pub fn point_count(&self) -> usize {
        self.shapes
            .iter()
            .flat_map(|s| &s.polygons)
            .map(|p| p.exterior.len() + p.holes.iter().map(Vec::len).sum::<usize>())
            .sum()
    }
}

/// Whether a ray from `p` towards +x crosses the ring an odd number of times.
fn ring_crossings_odd(ring: &[[f32; 2]], p: [f32; 2]) -> bool {
    let (px, py) = (f64::from(p[0]), f64::from(p[1]));
    let mut odd = false;
    let Some(&last) = ring.last() else {
        return false;
    };
    let mut a = last;
    for &b in ring {
        let (ax, ay) = (f64::from(a[0]), f64::from(a[1]));
        let (bx, by) = (f64::from(b[0]), f64::from(b[1]));
        if (ay > py) != (by > py) {
            let x = ax + (py - ay) * (bx - ax) / (by - ay);
            if px < x {
                odd = !odd;
            }
        }
        a = b;
    }
    odd
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f32, y0: f32, s: f32) -> Vec<[f32; 2]> {
        vec![[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s]]
    }

    fn shape(code: &str, polygons: Vec<Polygon>) -> Shape {
        let mut bounds = Rect2::EMPTY;
        for p in polygons.iter().flat_map(|p| &p.exterior) {
            bounds.include(*p);
        }
        Shape { code: code.into(), county_code: code[..2].into(), polygons, bounds }
    }

    #[test]
    fn hit_test_with_holes_and_enclaves() {
        let outer = Polygon { exterior: square(0.0, 0.0, 100.0), holes: vec![square(40.0, 40.0, 20.0)] };
        let enclave = Polygon { exterior: square(40.0, 40.0, 20.0), holes: vec![] };
        let island = Polygon { exterior: vec![[200.0, 0.0], [300.0, 0.0], [250.0, 80.0]], holes: vec![] };
        let map = MapGeometry {
            shapes: vec![shape("1101", vec![outer, island]), shape("1102", vec![enclave])],
            county_borders: vec![],
            bounds: Rect2 { min: [0.0, 0.0], max: [300.0, 100.0] },
        };
        assert_eq!(map.hit_test([10.0, 10.0]), Some(0));
        assert_eq!(map.hit_test([50.0, 50.0]), Some(1));
        assert_eq!(map.hit_test([250.0, 20.0]), Some(0));
        assert_eq!(map.hit_test([210.0, 70.0]), None);
        assert_eq!(map.hit_test([150.0, 50.0]), None);
        assert_eq!(map.hit_test([-1.0, 50.0]), None);
        assert_eq!(map.index_of("1102"), Some(1));
        assert_eq!(map.index_of("9999"), None);
        assert_eq!(map.point_count(), 4 + 4 + 3 + 4);
    }

    #[test]
    fn rect_basics() {
        let mut r = Rect2::EMPTY;
        assert!(r.is_empty());
        r.include([1.0, 2.0]);
        r.include([3.0, -2.0]);
        assert!(!r.is_empty());
        assert_eq!(r.width(), 2.0);
        assert_eq!(r.height(), 4.0);
        assert_eq!(r.center(), [2.0, 0.0]);
        assert!(r.contains([3.0, 2.0]));
        assert!(!r.contains([3.1, 0.0]));
        assert_eq!(Rect2::EMPTY.union(&r), r);
    }
}
