//! Which municipality names the map draws: the most populous first, none over another, so at country zoom
//! the map names Oslo, Bergen and Trondheim rather than the largest areas (Tana, Alta, Bardu …).

use eframe::egui::{Pos2, Rect, Vec2};

/// From this population a municipality is named even where its area is too small to hold the name.
pub const CITY_POPULATION: f64 = 50_000.0;
/// Screen area per name: fewer names when the map is small, so they do not crowd it.
const AREA_PER_NAME: f32 = 24_000.0;
/// Space kept free around each name.
const GAP: f32 = 4.0;

/// A name that could be drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub row: usize,
    pub population: f64,
    /// Where the name goes (the municipality's centre on screen) and how large it is.
    pub centre: Pos2,
    pub size: Vec2,
    /// The name fits inside its municipality on screen.
    pub fits: bool,
}

/// The candidates to name in `viewport` (returned in drawing order): cities and municipalities the name fits
/// in, by population (largest first), each only where it overlaps no name placed before, and at most one
/// per [`AREA_PER_NAME`] of the viewport.
pub fn choose(mut candidates: Vec<Candidate>, viewport: Rect) -> Vec<Candidate> {
    let budget = (viewport.area() / AREA_PER_NAME).floor().max(1.0) as usize;
    candidates.retain(|c| c.fits || c.population >= CITY_POPULATION);
    candidates.sort_by(|a, b| b.population.total_cmp(&a.population).then(a.row.cmp(&b.row)));
    let mut placed: Vec<(Rect, Candidate)> = Vec::new();
    for c in candidates {
        if placed.len() >= budget {
            break;
        }
        let rect = Rect::from_center_size(c.centre, c.size).expand(GAP);
        if viewport.contains_rect(rect) && !placed.iter().any(|(r, _)| r.intersects(rect)) {
            placed.push((rect, c));
        }
    }
    placed.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::{pos2, vec2};

    fn candidate(row: usize, population: f64, at: (f32, f32), fits: bool) -> Candidate {
        Candidate { row, population, centre: pos2(at.0, at.1), size: vec2(60.0, 14.0), fits }
    }

    fn rows(chosen: &[Candidate]) -> Vec<usize> {
        chosen.iter().map(|c| c.row).collect()
    }

    #[test]
    fn the_populous_come_first_and_names_never_overlap() {
        let viewport = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 900.0));
        let chosen = choose(
            vec![
                candidate(0, 2_000.0, (400.0, 100.0), true),    // a large, empty area
                candidate(1, 700_000.0, (400.0, 800.0), false), // the capital, too small to hold its name
                candidate(2, 90_000.0, (420.0, 805.0), false),  // a neighbour city, its name on the capital's
                candidate(3, 30_000.0, (100.0, 500.0), false),  // a town the name does not fit in
                candidate(4, 200_000.0, (100.0, 700.0), true),
            ],
            viewport,
        );
        assert_eq!(rows(&chosen), [1, 4, 0]);
    }

    #[test]
    fn a_small_map_names_fewer() {
        let viewport = Rect::from_min_size(pos2(0.0, 0.0), vec2(300.0, 160.0));
        let many: Vec<Candidate> = (0..20)
            .map(|i| {
                candidate(
                    i,
                    1_000.0 * (i as f64 + 1.0),
                    (40.0 + (i % 3) as f32 * 100.0, 20.0 + (i / 3) as f32 * 20.0),
                    true,
                )
            })
            .collect();
        let chosen = choose(many, viewport);
        assert_eq!(chosen.len(), (300.0_f32 * 160.0 / AREA_PER_NAME) as usize);
        assert_eq!(chosen[0].row, 19, "the most populous first");
    }
}
