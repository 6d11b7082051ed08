//! Building a map asset from GeoJSON municipality boundaries.
//!
//! Steps: read the features (`Polygon` or `MultiPolygon`, WGS84 lon/lat; the code from
//! `kommunenummer`, the county from `fylkesnummer` or else the code's first two digits) → project
//! each distinct vertex to UTM 33N → cut all rings into shared arcs ([`super::topology`]) → simplify
//! each arc once with Douglas–Peucker, end points fixed, so both neighbours get the same border →
//! snap to the integer grid and drop repeated points → drop rings that became degenerate (fewer than
//! three points or zero area; a polygon goes with its exterior) → orient exteriors counter-clockwise
//! and holes clockwise → collect arcs between municipalities of different counties as county borders
//! → renumber arcs in order of first use (so consecutive deltas stay small) → encode
//! ([`super::format`]) and decode the result once as a self-check.
//!
//! Defaults: 100 m tolerance and a 10 m grid. The source is already generalised (about 33 000
//! points); at 100 m the outlines stay recognisable even when one municipality fills the window,
//! while a full-window view of Norway has over a kilometre per pixel.

use std::collections::HashMap;

use anyhow::{Context, Result, bail, ensure};
use serde_json::Value;

use super::format::{ArcRef, RawMap, RawShape, decode};
use super::projection::project;
use super::simplify::douglas_peucker;
use super::topology::build_topology;

/// Douglas–Peucker tolerance used by [`build_map_asset`], metres.
pub const DEFAULT_TOLERANCE_M: f64 = 100.0;
/// Grid used by [`build_map_asset`], metres per unit.
pub const DEFAULT_GRID_M: u32 = 10;

/// How coarse the asset is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BuildOptions {
    /// Douglas–Peucker tolerance in metres (0 keeps every vertex).
    pub tolerance_m: f64,
    /// Metres per grid unit, 1 to 1000.
    pub grid_m: u32,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { tolerance_m: DEFAULT_TOLERANCE_M, grid_m: DEFAULT_GRID_M }
    }
}

/// What a build did, for reporting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildStats {
    pub municipalities: usize,
    /// Coordinates in the GeoJSON rings, closing points included.
    pub input_points: usize,
    /// Vertices of the shared arcs before simplification (each shared border counted once).
    pub arc_points_before: usize,
    /// Vertices of the stored arcs after simplification and snapping.
    pub arc_points_after: usize,
    /// Ring vertices after decoding (shared borders counted for each side).
    pub ring_points_after: usize,
    pub arcs: usize,
    pub county_border_arcs: usize,
    /// Rings dropped as degenerate, holes of dropped exteriors included.
    pub dropped_rings: usize,
    pub bytes: usize,
}

/// Builds the binary map asset from a GeoJSON FeatureCollection with the default options.
pub fn build_map_asset(geojson: &str) -> Result<Vec<u8>> {
    Ok(build_map_asset_with(geojson, &BuildOptions::default())?.0)
}

/// Builds the binary map asset with explicit options, and reports what it did.
pub fn build_map_asset_with(geojson: &str, opts: &BuildOptions) -> Result<(Vec<u8>, BuildStats)> {
    ensure!((1..=1000).contains(&opts.grid_m), "grid must be 1 to 1000 metres");
    ensure!(
        opts.tolerance_m.is_finite() && opts.tolerance_m >= 0.0,
        "tolerance must be a non-negative number of metres"
    );
    let input = read_geojson(geojson)?;
    let mut stats =
        BuildStats { municipalities: input.features.len(), input_points: input.input_points, ..BuildStats::default() };

    let topo = build_topology(input.points.len(), &input.rings);
    stats.arc_points_before = topo.arcs.iter().map(|a| a.len()).sum();

    // Simplify and snap each arc once. An open arc that shrinks to a single point is left out of
    // its rings; its neighbours already meet at that point.
    let grid = f64::from(opts.grid_m);
    let mut arcs: Vec<Vec<[i64; 2]>> = Vec::with_capacity(topo.arcs.len());
    for ids in &topo.arcs {
        let pts: Vec<[f64; 2]> = ids.iter().map(|&i| input.points[i as usize]).collect();
        let mut snapped: Vec<[i64; 2]> = Vec::new();
        for k in douglas_peucker(&pts, opts.tolerance_m) {
            let q = [(pts[k][0] / grid).round() as i64, (pts[k][1] / grid).round() as i64];
            if snapped.last() != Some(&q) {
                snapped.push(q);
            }
        }
        arcs.push(snapped);
    }
    let work = RawMap { grid_m: opts.grid_m, arcs, shapes: Vec::new(), borders: Vec::new() };

    // Rings that survive, oriented.
    let mut shapes = Vec::with_capacity(input.features.len());
    for f in &input.features {
        let mut polygons = Vec::new();
        for rings in &f.polygons {
            let mut kept: Vec<Vec<ArcRef>> = Vec::new();
            for (k, &ring) in rings.iter().enumerate() {
                let mut refs: Vec<ArcRef> =
                    topo.rings[ring].iter().copied().filter(|r| work.arcs[r.arc as usize].len() >= 2).collect();
                let area = match work.ring_points(&refs) {
                    Ok(pts) => twice_area(&pts),
                    Err(_) => 0,
                };
                if area == 0 {
                    if k == 0 {
                        stats.dropped_rings += rings.len();
                        break;
                    }
                    stats.dropped_rings += 1;
                    continue;
                }
                if (area > 0) != (k == 0) {
                    refs.reverse();
                    for r in &mut refs {
                        r.reversed = !r.reversed;
                    }
                }
                kept.push(refs);
            }
            if !kept.is_empty() {
                polygons.push(kept);
            }
        }
        if polygons.is_empty() {
            bail!("municipality {} has no polygon left after simplification", f.code);
        }
        shapes.push(RawShape { code: f.code.clone(), county_code: f.county.clone(), polygons });
    }

    // Renumber arcs by first use, and find county borders.
    let mut new_index: HashMap<u32, u32> = HashMap::new();
    let mut out_arcs: Vec<Vec<[i64; 2]>> = Vec::new();
    let mut users: Vec<Vec<usize>> = Vec::new();
    for (s, shape) in shapes.iter_mut().enumerate() {
        for r in shape.polygons.iter_mut().flatten().flatten() {
            let idx = *new_index.entry(r.arc).or_insert_with(|| {
                out_arcs.push(work.arcs[r.arc as usize].clone());
                users.push(Vec::new());
                (out_arcs.len() - 1) as u32
            });
            r.arc = idx;
            users[idx as usize].push(s);
        }
    }
    let mut borders = Vec::new();
    for (arc, u) in users.iter().enumerate() {
        ensure!(u.len() <= 2, "a border is used by {} rings; the input polygons overlap", u.len());
        if u.len() == 2 && shapes[u[0]].county_code != shapes[u[1]].county_code {
            borders.push(ArcRef { arc: arc as u32, reversed: false });
        }
    }
    stats.arcs = out_arcs.len();
    stats.arc_points_after = out_arcs.iter().map(Vec::len).sum();
    stats.county_border_arcs = borders.len();

    let raw = RawMap { grid_m: opts.grid_m, arcs: out_arcs, shapes, borders };
    let bytes = raw.encode();
    let check = decode(&bytes).context("the encoded map does not decode")?;
    ensure!(check.shapes.len() == input.features.len());
    stats.ring_points_after = check.point_count();
    stats.bytes = bytes.len();
    Ok((bytes, stats))
}

/// Twice the signed area (positive when counter-clockwise with y up).
fn twice_area(ring: &[[i64; 2]]) -> i128 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            i128::from(a[0]) * i128::from(b[1]) - i128::from(b[0]) * i128::from(a[1])
        })
        .sum()
}

struct Feature {
    code: String,
    county: String,
    /// Polygons as indices into `Input::rings`, exterior first.
    polygons: Vec<Vec<usize>>,
}

struct Input {
    features: Vec<Feature>,
    /// Projected distinct vertices.
    points: Vec<[f64; 2]>,
    /// Open rings of point ids, no consecutive repeats, at least three points.
    rings: Vec<Vec<u32>>,
    input_points: usize,
}

fn read_geojson(text: &str) -> Result<Input> {
    let doc: Value = serde_json::from_str(text).context("not valid JSON")?;
    let features = doc
        .get("features")
        .and_then(Value::as_array)
        .context("no \"features\" array (expected a GeoJSON FeatureCollection)")?;
    let mut input =
        Input { features: Vec::with_capacity(features.len()), points: Vec::new(), rings: Vec::new(), input_points: 0 };
    let mut ids: HashMap<[u64; 2], u32> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        let feature = read_feature(f, &mut input, &mut ids).with_context(|| format!("feature {i} of the GeoJSON"))?;
        input.features.push(feature);
    }
    ensure!(!input.features.is_empty(), "the GeoJSON has no features");
    input.features.sort_by(|a, b| a.code.cmp(&b.code));
    for w in input.features.windows(2) {
        ensure!(w[0].code != w[1].code, "municipality {} appears twice", w[0].code);
    }
    Ok(input)
}

fn read_feature(f: &Value, input: &mut Input, ids: &mut HashMap<[u64; 2], u32>) -> Result<Feature> {
    let props = f.get("properties").context("no properties")?;
    let code = text_prop(props, "kommunenummer", 4)?.context("no kommunenummer")?;
    let county = match text_prop(props, "fylkesnummer", 2)? {
        Some(c) => c,
        None => code.chars().take(2).collect(),
    };
    for s in [&code, &county] {
        ensure!(!s.is_empty() && s.len() <= 32, "code {s:?} must be 1 to 32 bytes");
    }
    let geometry = f.get("geometry").context("no geometry")?;
    let coords = geometry.get("coordinates").context("no coordinates")?;
    let polygons: Vec<&Value> = match geometry.get("type").and_then(Value::as_str) {
        Some("Polygon") => vec![coords],
        Some("MultiPolygon") => coords.as_array().context("coordinates")?.iter().collect(),
        other => bail!("geometry type {other:?} of {code} is not Polygon or MultiPolygon"),
    };
    let mut out = Vec::new();
    for polygon in polygons {
        let mut rings = Vec::new();
        for (k, ring) in polygon.as_array().context("polygon")?.iter().enumerate() {
            let positions = ring.as_array().context("ring")?;
            input.input_points += positions.len();
            let mut ring_ids: Vec<u32> = Vec::with_capacity(positions.len());
            for pos in positions {
                let lon = pos.get(0).and_then(Value::as_f64).context("longitude")?;
                let lat = pos.get(1).and_then(Value::as_f64).context("latitude")?;
                ensure!(lon.is_finite() && (-180.0..=180.0).contains(&lon), "longitude {lon} out of range");
                ensure!(lat.is_finite() && lat.abs() < 89.0, "latitude {lat} out of range");
                let id = *ids.entry([lon.to_bits(), lat.to_bits()]).or_insert_with(|| {
                    input.points.push(project(lon, lat));
                    (input.points.len() - 1) as u32
                });
                if ring_ids.last() != Some(&id) {
                    ring_ids.push(id);
                }
            }
            while ring_ids.len() > 1 && ring_ids.first() == ring_ids.last() {
                ring_ids.pop();
            }
            if ring_ids.len() < 3 {
                if k == 0 {
                    break;
                }
                continue;
            }
            input.rings.push(ring_ids);
            rings.push(input.rings.len() - 1);
        }
        if !rings.is_empty() {
            out.push(rings);
        }
    }
    ensure!(!out.is_empty(), "municipality {code} has no usable polygon");
    Ok(Feature { code, county, polygons: out })
}

/// A property as text; numbers are zero-padded to `width` digits (`301` → `"0301"`).
fn text_prop(props: &Value, key: &str, width: usize) -> Result<Option<String>> {
    Ok(match props.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_string()),
        Some(Value::Number(n)) => {
            let n = n.as_u64().with_context(|| format!("{key} {n} is not a code"))?;
            Some(format!("{n:0width$}"))
        }
        Some(other) => bail!("{key} {other} is not a code"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::geometry::MapGeometry;

    /// Two adjacent municipalities in different counties, an enclave in the first, and a tiny
    /// islet that must disappear.
    fn sample() -> String {
        serde_json::json!({
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature",
                 "properties": {"kommunenummer": "4601", "navn": "A", "fylkesnummer": "46"},
                 "geometry": {"type": "MultiPolygon", "coordinates": [
                    [[[5.0, 60.0], [5.0, 60.2], [5.1, 60.3], [5.2, 60.2], [5.2, 60.0], [5.0, 60.0]],
                     [[5.08, 60.08], [5.12, 60.08], [5.12, 60.12], [5.08, 60.12], [5.08, 60.08]]],
                    [[[4.5, 60.0], [4.5001, 60.0], [4.5, 60.0001], [4.5, 60.0]]]
                 ]}},
                {"type": "Feature",
                 "properties": {"kommunenummer": 301, "kommunenavn": "B"},
                 "geometry": {"type": "Polygon", "coordinates": [
                    [[5.2, 60.0], [5.2, 60.2], [5.4, 60.2], [5.4, 60.0], [5.3, 60.0], [5.2, 60.0]]
                 ]}},
                {"type": "Feature",
                 "properties": {"kommunenummer": "4602", "kommunenavn": "C"},
                 "geometry": {"type": "Polygon", "coordinates": [
                    [[5.08, 60.08], [5.08, 60.12], [5.12, 60.12], [5.12, 60.08], [5.08, 60.08]]
                 ]}}
            ]
        })
        .to_string()
    }

    fn lonlat(map: &MapGeometry, lon: f64, lat: f64) -> Option<&str> {
        let [x, y] = project(lon, lat);
        map.hit_test([x as f32, y as f32]).map(|i| map.shapes[i].code.as_str())
    }

    #[test]
    fn builds_a_small_map() {
        let (bytes, stats) = build_map_asset_with(&sample(), &BuildOptions::default()).unwrap();
        let map = decode(&bytes).unwrap();
        let codes: Vec<_> = map.shapes.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes, ["0301", "4601", "4602"]);
        assert_eq!(map.shapes[0].county_code, "03");
        assert_eq!(map.shapes[1].county_code, "46");
        assert_eq!(stats.dropped_rings, 1, "the islet is dropped");
        assert_eq!(map.shapes[1].polygons.len(), 1);
        assert_eq!(map.shapes[1].polygons[0].holes.len(), 1);
        // The (collinear) vertex 5.3,60.0 goes; the shared border is one county-border arc.
        assert_eq!(map.shapes[0].polygons[0].exterior.len(), 4);
        assert_eq!(map.county_borders.len(), 1);
        assert_eq!(stats.county_border_arcs, 1);
        assert_eq!(lonlat(&map, 5.05, 60.05), Some("4601"));
        assert_eq!(lonlat(&map, 5.1, 60.1), Some("4602"));
        assert_eq!(lonlat(&map, 5.3, 60.1), Some("0301"));
        assert_eq!(lonlat(&map, 4.9, 60.1), None);
        // Orientation: exteriors counter-clockwise, holes clockwise.
        let area = |r: &[[f32; 2]]| {
            let q: Vec<[i64; 2]> = r.iter().map(|p| [p[0] as i64, p[1] as i64]).collect();
            twice_area(&q)
        };
        for s in &map.shapes {
            for p in &s.polygons {
                assert!(area(&p.exterior) > 0);
                assert!(p.holes.iter().all(|h| area(h) < 0));
            }
        }
    }

    #[test]
    fn shared_borders_are_identical() {
        let map = decode(&build_map_asset(&sample()).unwrap()).unwrap();
        let a = &map.shapes[1].polygons[0].exterior;
        let b = &map.shapes[0].polygons[0].exterior;
        let shared: Vec<_> = a.iter().filter(|p| b.contains(p)).collect();
        assert_eq!(shared.len(), 2);
        let hole = &map.shapes[1].polygons[0].holes[0];
        let enclave = &map.shapes[2].polygons[0].exterior;
        assert_eq!(hole.len(), enclave.len());
        assert!(hole.iter().all(|p| enclave.contains(p)));
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(build_map_asset("not json").is_err());
        assert!(build_map_asset("{}").is_err());
        assert!(build_map_asset(r#"{"features": []}"#).is_err());
        let dup = sample().replace("\"4602\"", "\"4601\"");
        assert!(build_map_asset(&dup).is_err());
        let opts = BuildOptions { tolerance_m: 100.0, grid_m: 0 };
        assert!(build_map_asset_with(&sample(), &opts).is_err());
    }
}
