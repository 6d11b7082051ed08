//! The compact binary map format (version 1): encoding, and decoding that never trusts its input.
//!
//! Coordinates are UTM 33N metres (see [`super::projection`]) quantised to a grid of `grid` metres.
//! Borders are stored once as *arcs* (see [`super::topology`]); rings refer to arcs, so neighbours
//! share their border exactly. All integers are LEB128 varints; signed ones are zigzag-encoded.
//!
//! ```text
//! file     := "BOSMAP" version:u8(=1) reserved:u8(=0) body crc32:u32le   (CRC-32/IEEE of all before it)
//! body     := grid:varint(1..=1000 metres per unit)
//!             n_arcs:varint arc*n_arcs
//!             n_shapes:varint shape*n_shapes
//!             n_borders:varint arcref*n_borders          county borders, one polyline per arc
//! arc      := n_points:varint(>=2) (dx:zz dy:zz)*n_points
//!             each point is a delta from the previous point in the file (the first from 0,0)
//! shape    := code:str county:str n_polygons:varint(>=1) polygon*n_polygons
//! str      := len:u8(1..=32) utf8-bytes
//! polygon  := n_rings:varint(>=1) ring*n_rings           the first ring is the exterior, then holes
//! ring     := n_refs:varint(>=1) arcref*n_refs            arcs joined end to start, closing the ring
//! arcref   := varint(arc_index << 1 | reversed)
//! ```
//!
//! Decoding checks the checksum, every count against the bytes left (so a corrupt count cannot ask
//! for a huge allocation), arc indices, that each arc is used by at most two rings and one county
//! border (bounding the decoded size to three times the stored points), that the arcs of a ring join
//! up and close, that rings keep at least three points, and that municipality codes are unique.
//! Exteriors are written counter-clockwise and holes clockwise (with northing pointing up).

use std::collections::HashSet;

use thiserror::Error;

use super::geometry::{MapGeometry, Polygon, Rect2, Shape};

/// First bytes of every map file.
pub const MAGIC: [u8; 6] = *b"BOSMAP";
/// The format version this module reads and writes.
pub const VERSION: u8 = 1;
const HEADER_LEN: usize = MAGIC.len() + 2;
const CHECKSUM_LEN: usize = 4;
const MAX_STR_LEN: usize = 32;
const MAX_GRID_M: u64 = 1000;
/// Largest absolute coordinate in metres (far outside the Earth in any projection).
const MAX_ABS_METRES: i64 = 100_000_000;

/// Why map bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MapError {
    #[error("not a map file (bad magic bytes)")]
    BadMagic,
    #[error("unsupported map format version {0} (this build reads version {VERSION})")]
    UnsupportedVersion(u8),
    #[error("map data is truncated")]
    Truncated,
    #[error("map data is corrupt (checksum mismatch)")]
    Checksum,
    #[error("malformed map data: {0}")]
    Malformed(&'static str),
    #[error("municipality code {0:?} appears twice in the map data")]
    DuplicateCode(String),
}

/// One use of an arc, possibly walked backwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArcRef {
    pub arc: u32,
    pub reversed: bool,
}

/// The stored content, before rings are joined up and scaled to metres.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawMap {
    /// Metres per grid unit.
    pub grid_m: u32,
    /// Arcs in grid units.
    pub arcs: Vec<Vec<[i64; 2]>>,
    pub shapes: Vec<RawShape>,
    /// County borders, one polyline per arc.
    pub borders: Vec<ArcRef>,
}

/// A municipality as arc references: polygons → rings (exterior first) → arcs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawShape {
    pub code: String,
    pub county_code: String,
    pub polygons: Vec<Vec<Vec<ArcRef>>>,
}

/// Decodes map bytes into geometry in projected metres.
pub fn decode(bytes: &[u8]) -> Result<MapGeometry, MapError> {
    let raw = decode_raw(bytes)?;
    assemble(&raw)
}

impl RawMap {
    /// The points of a ring made of `refs`, in grid units, without the repeated closing point and
    /// without consecutive duplicates.
    pub fn ring_points(&self, refs: &[ArcRef]) -> Result<Vec<[i64; 2]>, MapError> {
        let mut out: Vec<[i64; 2]> = Vec::new();
        for r in refs {
            let arc = self.arcs.get(r.arc as usize).ok_or(MapError::Malformed("arc index out of range"))?;
            let mut push_all = |pts: &mut dyn Iterator<Item = &[i64; 2]>| -> Result<(), MapError> {
                let first = pts.next().ok_or(MapError::Malformed("empty arc"))?;
                match out.last() {
                    None => out.push(*first),
                    Some(last) if last == first => {}
                    Some(_) => return Err(MapError::Malformed("arcs of a ring do not join")),
                }
                for p in pts {
                    if out.last() != Some(p) {
                        out.push(*p);
                    }
                }
                Ok(())
            };
            if r.reversed {
                push_all(&mut arc.iter().rev())?;
            } else {
                push_all(&mut arc.iter())?;
            }
        }
        if out.len() < 2 || out.first() != out.last() {
            return Err(MapError::Malformed("ring is not closed"));
        }
        out.pop();
        if out.len() < 3 {
            return Err(MapError::Malformed("ring has fewer than three points"));
        }
        Ok(out)
    }

    /// Serialises the map (the inverse of [`decode_raw`]).
    ///
    /// Panics if a code is empty or longer than 32 bytes; the builder checks this beforehand.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&MAGIC);
        out.push(VERSION);
        out.push(0);
        put_varint(&mut out, u64::from(self.grid_m));
        put_varint(&mut out, self.arcs.len() as u64);
        let mut pen = [0i64; 2];
        for arc in &self.arcs {
            put_varint(&mut out, arc.len() as u64);
            for p in arc {
                put_zigzag(&mut out, p[0] - pen[0]);
                put_zigzag(&mut out, p[1] - pen[1]);
                pen = *p;
            }
        }
        put_varint(&mut out, self.shapes.len() as u64);
        for shape in &self.shapes {
            put_str(&mut out, &shape.code);
            put_str(&mut out, &shape.county_code);
            put_varint(&mut out, shape.polygons.len() as u64);
            for polygon in &shape.polygons {
                put_varint(&mut out, polygon.len() as u64);
                for ring in polygon {
                    put_varint(&mut out, ring.len() as u64);
                    for r in ring {
                        put_arcref(&mut out, *r);
                    }
                }
            }
        }
        put_varint(&mut out, self.borders.len() as u64);
        for r in &self.borders {
            put_arcref(&mut out, *r);
        }
        let crc = crc32(&out);
        out.extend_from_slice(&crc.to_le_bytes());
        out
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_zigzag(out: &mut Vec<u8>, v: i64) {
    put_varint(out, ((v << 1) ^ (v >> 63)) as u64);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    assert!((1..=MAX_STR_LEN).contains(&s.len()), "map strings are 1 to {MAX_STR_LEN} bytes: {s:?}");
    out.push(s.len() as u8);
    out.extend_from_slice(s.as_bytes());
}

fn put_arcref(out: &mut Vec<u8>, r: ArcRef) {
    put_varint(out, (u64::from(r.arc) << 1) | u64::from(r.reversed));
}

/// Reads and validates everything except the joining of rings.
pub fn decode_raw(bytes: &[u8]) -> Result<RawMap, MapError> {
    if bytes.len() < MAGIC.len() {
        return Err(if MAGIC.starts_with(bytes) { MapError::Truncated } else { MapError::BadMagic });
    }
    if bytes[..MAGIC.len()] != MAGIC {
        return Err(MapError::BadMagic);
    }
    if bytes.len() < HEADER_LEN + CHECKSUM_LEN {
        return Err(MapError::Truncated);
    }
    let version = bytes[MAGIC.len()];
    if version != VERSION {
        return Err(MapError::UnsupportedVersion(version));
    }
    if bytes[MAGIC.len() + 1] != 0 {
        return Err(MapError::Malformed("reserved header byte is not zero"));
    }
    let (content, crc) = bytes.split_at(bytes.len() - CHECKSUM_LEN);
    if crc32(content) != u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]) {
        return Err(MapError::Checksum);
    }
    parse_body(&content[HEADER_LEN..])
}

/// Parses the body (between header and checksum).
fn parse_body(body: &[u8]) -> Result<RawMap, MapError> {
    let mut r = Reader { buf: body, pos: 0 };
    let grid = r.varint()?;
    if !(1..=MAX_GRID_M).contains(&grid) {
        return Err(MapError::Malformed("grid size out of range"));
    }
    let max_units = MAX_ABS_METRES / grid as i64;

    // Each arc takes at least 1 (count) + 2 points × 2 bytes.
    let n_arcs = r.count(5)?;
    let mut arcs = Vec::with_capacity(n_arcs);
    let mut pen = [0i64; 2];
    for _ in 0..n_arcs {
        let n = r.count(2)?;
        if n < 2 {
            return Err(MapError::Malformed("arc with fewer than two points"));
        }
        let mut arc = Vec::with_capacity(n);
        for _ in 0..n {
            for v in &mut pen {
                *v = v
                    .checked_add(r.zigzag()?)
                    .filter(|v| v.abs() <= max_units)
                    .ok_or(MapError::Malformed("coordinate out of range"))?;
            }
            arc.push(pen);
        }
        arcs.push(arc);
    }

    let mut ring_uses = vec![0u8; n_arcs];
    let arcref = |r: &mut Reader, uses: &mut [u8], limit: u8| -> Result<ArcRef, MapError> {
        let v = r.varint()?;
        let arc = usize::try_from(v >> 1)
            .ok()
            .filter(|&a| a < n_arcs)
            .ok_or(MapError::Malformed("arc index out of range"))?;
        uses[arc] += 1;
        if uses[arc] > limit {
            return Err(MapError::Malformed("arc used too often"));
        }
        Ok(ArcRef { arc: arc as u32, reversed: v & 1 == 1 })
    };

    // A shape takes at least 2 + 2 (strings) + 1 (count) + 3 (one polygon).
    let n_shapes = r.count(8)?;
    let mut shapes = Vec::with_capacity(n_shapes);
    let mut codes = HashSet::with_capacity(n_shapes);
    for _ in 0..n_shapes {
        let code = r.string()?;
        let county_code = r.string()?;
        if !codes.insert(code.clone()) {
            return Err(MapError::DuplicateCode(code));
        }
        let n_polygons = r.count(3)?;
        if n_polygons == 0 {
            return Err(MapError::Malformed("municipality without polygons"));
        }
        let mut polygons = Vec::with_capacity(n_polygons);
        for _ in 0..n_polygons {
            let n_rings = r.count(2)?;
            if n_rings == 0 {
                return Err(MapError::Malformed("polygon without rings"));
            }
            let mut rings = Vec::with_capacity(n_rings);
            for _ in 0..n_rings {
                let n_refs = r.count(1)?;
                if n_refs == 0 {
                    return Err(MapError::Malformed("ring without arcs"));
                }
                let mut ring = Vec::with_capacity(n_refs);
                for _ in 0..n_refs {
                    ring.push(arcref(&mut r, &mut ring_uses, 2)?);
                }
                rings.push(ring);
            }
            polygons.push(rings);
        }
        shapes.push(RawShape { code, county_code, polygons });
    }

    let n_borders = r.count(1)?;
    let mut border_uses = vec![0u8; n_arcs];
    let mut borders = Vec::with_capacity(n_borders);
    for _ in 0..n_borders {
        borders.push(arcref(&mut r, &mut border_uses, 1)?);
    }
    if r.pos != body.len() {
        return Err(MapError::Malformed("trailing bytes after the county borders"));
    }
    Ok(RawMap { grid_m: grid as u32, arcs, shapes, borders })
}

/// Joins rings and scales to metres.
fn assemble(raw: &RawMap) -> Result<MapGeometry, MapError> {
    let grid = f64::from(raw.grid_m);
    let to_m = |p: &[i64; 2]| [(p[0] as f64 * grid) as f32, (p[1] as f64 * grid) as f32];
    let mut shapes = Vec::with_capacity(raw.shapes.len());
    let mut bounds = Rect2::EMPTY;
    for s in &raw.shapes {
        let mut polygons = Vec::with_capacity(s.polygons.len());
        let mut shape_bounds = Rect2::EMPTY;
        for rings in &s.polygons {
            let mut converted = Vec::with_capacity(rings.len());
            for ring in rings {
                let pts: Vec<[f32; 2]> = raw.ring_points(ring)?.iter().map(to_m).collect();
                converted.push(pts);
            }
            let mut it = converted.into_iter();
            let exterior = it.next().ok_or(MapError::Malformed("polygon without rings"))?;
            for p in &exterior {
                shape_bounds.include(*p);
            }
            polygons.push(Polygon { exterior, holes: it.collect() });
        }
        bounds = bounds.union(&shape_bounds);
        shapes.push(Shape { code: s.code.clone(), county_code: s.county_code.clone(), polygons, bounds: shape_bounds });
    }
    let county_borders = raw
        .borders
        .iter()
        .map(|r| {
            let arc = &raw.arcs[r.arc as usize];
            let mut line: Vec<[f32; 2]> = arc.iter().map(to_m).collect();
            if r.reversed {
                line.reverse();
            }
            line
        })
        .collect();
    Ok(MapGeometry { shapes, county_borders, bounds })
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    fn byte(&mut self) -> Result<u8, MapError> {
        let b = *self.buf.get(self.pos).ok_or(MapError::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, MapError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            if shift == 63 && b > 1 {
                return Err(MapError::Malformed("varint overflows 64 bits"));
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(MapError::Malformed("varint longer than ten bytes"))
    }

    fn zigzag(&mut self) -> Result<i64, MapError> {
        let v = self.varint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// A count of items that each take at least `min_bytes` of what is left.
    fn count(&mut self, min_bytes: usize) -> Result<usize, MapError> {
        let n = self.varint()?;
        match usize::try_from(n) {
            Ok(n) if n.checked_mul(min_bytes).is_some_and(|b| b <= self.remaining()) => Ok(n),
            _ => Err(MapError::Malformed("count exceeds the data left")),
        }
    }

    fn string(&mut self) -> Result<String, MapError> {
        let len = usize::from(self.byte()?);
        if !(1..=MAX_STR_LEN).contains(&len) {
            return Err(MapError::Malformed("string length out of range"));
        }
        let end = self.pos + len;
        let bytes = self.buf.get(self.pos..end).ok_or(MapError::Truncated)?;
        self.pos = end;
        String::from_utf8(bytes.to_vec()).map_err(|_| MapError::Malformed("string is not UTF-8"))
    }
}

/// CRC-32 (IEEE 802.3, reflected, as in zip and PNG): the checksum sealing a map file.
pub fn crc32(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn r(arc: u32, reversed: bool) -> ArcRef {
        ArcRef { arc, reversed }
    }

    /// Two unit squares side by side (grid 10 m): shared middle arc, county border between them.
    fn sample() -> RawMap {
        RawMap {
            grid_m: 10,
            arcs: vec![
                vec![[1, 0], [1, 1]],                 // shared middle edge, upwards
                vec![[1, 1], [0, 1], [0, 0], [1, 0]], // rest of the left square
                vec![[1, 0], [2, 0], [2, 1], [1, 1]], // rest of the right square
                vec![[5, 5], [6, 5], [6, 6], [5, 5]], // a closed island
            ],
            shapes: vec![
                RawShape {
                    code: "0301".into(),
                    county_code: "03".into(),
                    polygons: vec![vec![vec![r(0, false), r(1, false)]]],
                },
                RawShape {
                    code: "3201".into(),
                    county_code: "32".into(),
                    polygons: vec![vec![vec![r(2, false), r(0, true)]], vec![vec![r(3, false)]]],
                },
            ],
            borders: vec![r(0, false)],
        }
    }

    #[test]
    fn round_trip() {
        let raw = sample();
        let bytes = raw.encode();
        assert_eq!(decode_raw(&bytes).unwrap(), raw);
        let map = decode(&bytes).unwrap();
        assert_eq!(map.shapes.len(), 2);
        assert_eq!(map.shapes[0].polygons[0].exterior.len(), 4);
        assert_eq!(map.shapes[1].polygons.len(), 2);
        assert_eq!(map.county_borders, vec![vec![[10.0, 0.0], [10.0, 10.0]]]);
        assert_eq!(map.bounds.min, [0.0, 0.0]);
        assert_eq!(map.bounds.max, [60.0, 60.0]);
    }

    #[test]
    fn varints() {
        for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            put_varint(&mut out, v);
            let mut rd = Reader { buf: &out, pos: 0 };
            assert_eq!(rd.varint().unwrap(), v);
            assert_eq!(rd.pos, out.len());
        }
        for v in [0i64, -1, 1, -64, 64, i64::MIN, i64::MAX] {
            let mut out = Vec::new();
            put_zigzag(&mut out, v);
            assert_eq!(Reader { buf: &out, pos: 0 }.zigzag().unwrap(), v);
        }
        let overlong = [0xffu8; 11];
        assert!(Reader { buf: &overlong, pos: 0 }.varint().is_err());
    }

    #[test]
    fn crc_reference_value() {
        // The check value of CRC-32/ISO-HDLC (polynomial 0x04C11DB7 reflected, as zip and PNG use).
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        // Bit by bit, as the format describes it, over bytes of every value.
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        let mut slow = !0u32;
        for &b in &bytes {
            slow ^= u32::from(b);
            for _ in 0..8 {
                slow = if slow & 1 == 1 { 0xEDB8_8320 ^ (slow >> 1) } else { slow >> 1 };
            }
        }
        assert_eq!(crc32(&bytes), !slow);
    }

    #[test]
    fn shipped_maps_keep_their_checksums() {
        // The assets were sealed before the checksum came from a library; they must still open.
        for id in ["norway-2020", "norway-2024"] {
            let bytes = crate::map::embedded_map(id).unwrap();
            let (content, stored) = bytes.split_at(bytes.len() - CHECKSUM_LEN);
            assert_eq!(crc32(content).to_le_bytes(), stored, "{id}");
            assert!(decode(bytes).is_ok(), "{id}");
        }
    }

    /// Re-seals mutated content with a valid checksum, so the parser itself is exercised.
    fn reseal(mut content: Vec<u8>) -> Vec<u8> {
        let crc = crc32(&content);
        content.extend_from_slice(&crc.to_le_bytes());
        content
    }

    /// Truncations, bit flips and resealed byte changes: errors, never panics.
    pub(crate) fn check_mutations(bytes: &[u8]) {
        let content = &bytes[..bytes.len() - CHECKSUM_LEN];
        for len in 0..bytes.len().min(64) {
            assert!(decode(&bytes[..len]).is_err(), "prefix {len}");
            assert!(decode(&reseal(content[..len].to_vec())).is_err(), "resealed prefix {len}");
        }
        for i in 0..bytes.len().min(64) {
            let mut m = bytes.to_vec();
            m[i] ^= 0x10;
            assert!(decode(&m).is_err(), "flip at {i}");
        }
        for i in HEADER_LEN..content.len().min(64) {
            for x in [0x00u8, 0x7f, 0xff] {
                let mut m = content.to_vec();
                m[i] = x;
                let _ = decode(&reseal(m));
            }
        }
    }

    /// Changes the count fields of a real file (resealed, so only the parser can object).
    pub(crate) fn check_count_mutations(bytes: &[u8]) {
        let raw = decode_raw(bytes).unwrap();
        let content = &bytes[..bytes.len() - CHECKSUM_LEN];
        let no_shapes = RawMap { shapes: Vec::new(), borders: Vec::new(), ..raw.clone() };
        // Offsets of the count varints, from encodings with the later sections emptied.
        let arcs_at = HEADER_LEN + 1;
        let shapes_at = no_shapes.encode().len() - CHECKSUM_LEN - 2;
        let no_borders = RawMap { borders: Vec::new(), ..raw.clone() };
        let borders_at = no_borders.encode().len() - CHECKSUM_LEN - 1;
        for (at, n) in [(arcs_at, raw.arcs.len()), (shapes_at, raw.shapes.len()), (borders_at, raw.borders.len())] {
            let mut old = Vec::new();
            put_varint(&mut old, n as u64);
            assert_eq!(&content[at..at + old.len()], &old[..], "count at {at}");
            for new in [0, n - 1, n + 1, 2 * n, 1 << 20, u64::MAX as usize] {
                let mut m = content[..at].to_vec();
                put_varint(&mut m, new as u64);
                m.extend_from_slice(&content[at + old.len()..]);
                assert!(decode(&reseal(m.clone())).is_err(), "count {n} -> {new} at {at}");
                m.extend_from_slice(&bytes[content.len()..]);
                assert!(decode(&m).is_err(), "unsealed count {n} -> {new} at {at}");
            }
        }
    }

    #[test]
    fn corrupt_sample_is_rejected() {
        let bytes = sample().encode();
        check_mutations(&bytes);
        check_count_mutations(&bytes);
        let content = &bytes[..bytes.len() - CHECKSUM_LEN];
        for len in 0..content.len() {
            assert!(decode(&reseal(content[..len].to_vec())).is_err(), "resealed prefix {len}");
        }
        // Trailing garbage.
        let mut longer = content.to_vec();
        longer.push(0);
        assert!(decode(&reseal(longer)).is_err());
    }

    #[test]
    fn huge_counts_are_rejected_without_allocating() {
        // Header, grid 10, then an arc count of 2^62.
        let mut content = MAGIC.to_vec();
        content.extend_from_slice(&[VERSION, 0, 10]);
        put_varint(&mut content, 1 << 62);
        assert_eq!(decode(&reseal(content)), Err(MapError::Malformed("count exceeds the data left")));
    }

    #[test]
    fn structural_errors() {
        let mut raw = sample();
        raw.shapes[1].code = "0301".into();
        assert_eq!(decode(&raw.encode()), Err(MapError::DuplicateCode("0301".into())));

        let mut raw = sample();
        raw.shapes[0].polygons[0][0] = vec![r(1, false)];
        assert!(matches!(decode(&raw.encode()), Err(MapError::Malformed(_))));

        let mut raw = sample();
        raw.shapes[0].polygons[0][0].push(r(7, false));
        assert!(matches!(decode(&raw.encode()), Err(MapError::Malformed(_))));

        let mut raw = sample();
        raw.shapes[0].polygons.push(vec![vec![r(0, false), r(1, false)]]);
        assert_eq!(decode(&raw.encode()), Err(MapError::Malformed("arc used too often")));

        let mut raw = sample();
        raw.arcs[3] = vec![[5, 5], [6, 5], [5, 5]];
        assert!(decode(&raw.encode()).is_err());

        let mut bytes = sample().encode();
        bytes[MAGIC.len()] = 2;
        assert_eq!(decode(&bytes), Err(MapError::UnsupportedVersion(2)));
        assert_eq!(decode(b"PNG\x89...."), Err(MapError::BadMagic));
        assert_eq!(decode(b"BOS"), Err(MapError::Truncated));
    }
}
