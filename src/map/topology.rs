//! Splitting polygon rings into shared arcs, so a border between two municipalities exists once.
//!
//! Rings are sequences of point ids; two rings that share a border use the very same ids along it
//! (the input polygons come from one topologically clean source). A point is a *junction* when it is
//! visited with different neighbours — where a shared border starts or ends, where three or more
//! rings meet, or where a ring touches itself. Every ring is cut at its junctions into arcs, and each
//! arc is stored once: the neighbour on the other side refers to the same arc, reversed. A ring with
//! no junction at all (an island, or an enclave whose whole outline is shared with a hole) becomes
//! one closed arc, rotated to start at its smallest point id so the enclave and the hole find each
//! other. Simplifying each arc once then keeps neighbours gap-free and overlap-free.

use std::collections::HashMap;

use super::format::ArcRef;

/// Rings as arcs.
#[derive(Debug, Default)]
pub struct Topology {
    /// Arcs as point ids, each at least two long; a closed arc repeats its first id at the end.
    pub arcs: Vec<Vec<u32>>,
    /// One entry per input ring, in input order: the arcs that walk around it.
    pub rings: Vec<Vec<ArcRef>>,
}

/// Cuts `rings` (open point-id sequences without consecutive repeats, each at least three long)
/// into shared arcs. `n_points` bounds the ids.
pub fn build_topology(n_points: usize, rings: &[Vec<u32>]) -> Topology {
    let junction = find_junctions(n_points, rings);
    let mut arcs = ArcTable::default();
    let mut out_rings = Vec::with_capacity(rings.len());
    for ring in rings {
        let n = ring.len();
        let refs = match ring.iter().position(|&p| junction[p as usize]) {
            None => {
                // Closed arc starting at the smallest id.
                let start = (0..n).min_by_key(|&i| ring[i]).unwrap_or(0);
                let mut ids: Vec<u32> = (0..=n).map(|k| ring[(start + k) % n]).collect();
                ids.shrink_to_fit();
                vec![arcs.intern(ids)]
            }
            Some(start) => {
                let mut refs = Vec::new();
                let mut current = vec![ring[start]];
                for k in 1..=n {
                    let p = ring[(start + k) % n];
                    current.push(p);
                    if junction[p as usize] {
                        refs.push(arcs.intern(std::mem::replace(&mut current, vec![p])));
                    }
                }
                refs
            }
        };
        out_rings.push(refs);
    }
    Topology { arcs: arcs.arcs, rings: out_rings }
}

/// Marks the points that are visited with more than one (unordered) pair of neighbours.
fn find_junctions(n_points: usize, rings: &[Vec<u32>]) -> Vec<bool> {
    let mut neighbours: Vec<Option<(u32, u32)>> = vec![None; n_points];
    let mut junction = vec![false; n_points];
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let p = ring[i] as usize;
            let (a, b) = (ring[(i + n - 1) % n], ring[(i + 1) % n]);
            let pair = (a.min(b), a.max(b));
            match neighbours[p] {
                None => neighbours[p] = Some(pair),
                Some(seen) if seen != pair => junction[p] = true,
                Some(_) => {}
            }
        }
    }
    junction
}

#[derive(Default)]
struct ArcTable {
    arcs: Vec<Vec<u32>>,
    index: HashMap<Vec<u32>, u32>,
}

impl ArcTable {
    /// The arc with these ids, either direction, added if new.
    fn intern(&mut self, ids: Vec<u32>) -> ArcRef {
        if let Some(&arc) = self.index.get(&ids) {
            return ArcRef { arc, reversed: false };
        }
        let reversed: Vec<u32> = ids.iter().rev().copied().collect();
        if let Some(&arc) = self.index.get(&reversed) {
            return ArcRef { arc, reversed: true };
        }
        let arc = self.arcs.len() as u32;
        self.index.insert(ids.clone(), arc);
        self.arcs.push(ids);
        ArcRef { arc, reversed: false }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points of the ring walked through its arcs, closing point dropped.
    fn walk(t: &Topology, refs: &[ArcRef]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for r in refs {
            let mut ids = t.arcs[r.arc as usize].clone();
            if r.reversed {
                ids.reverse();
            }
            if let Some(&last) = out.last() {
                assert_eq!(last, ids[0], "arcs must connect");
                out.extend_from_slice(&ids[1..]);
            } else {
                out.extend_from_slice(&ids);
            }
        }
        assert_eq!(out.first(), out.last());
        out.pop();
        out
    }

    fn same_cycle(a: &[u32], b: &[u32]) {
        let n = a.len();
        assert_eq!(n, b.len());
        let s = b.iter().position(|&p| p == a[0]).expect("start present");
        for i in 0..n {
            assert_eq!(a[i], b[(s + i) % n]);
        }
    }

    #[test]
    fn two_squares_share_one_arc() {
        // 0-1-2 / 3-4-5 / 6-7-8 grid; left square 0,1,4,7,6,3 and right square 1,2,5,8,7,4.
        let left = vec![0, 1, 4, 7, 6, 3];
        let right = vec![1, 2, 5, 8, 7, 4];
        let t = build_topology(9, &[left.clone(), right.clone()]);
        same_cycle(&left, &walk(&t, &t.rings[0]));
        same_cycle(&right, &walk(&t, &t.rings[1]));
        // Shared border 1-4-7 is one arc, used forward by one ring and reversed by the other.
        let shared: Vec<_> = t.rings[0].iter().filter(|r| t.rings[1].iter().any(|s| s.arc == r.arc)).collect();
        assert_eq!(shared.len(), 1);
        let other = t.rings[1].iter().find(|s| s.arc == shared[0].arc).unwrap();
        assert_ne!(shared[0].reversed, other.reversed);
        assert_eq!(t.arcs.len(), 3);
    }

    #[test]
    fn enclave_and_hole_share_a_closed_arc() {
        let outer = vec![0, 1, 2, 3];
        let hole = vec![4, 5, 6, 7];
        let enclave = vec![6, 5, 4, 7];
        let t = build_topology(8, &[outer.clone(), hole.clone(), enclave.clone()]);
        assert_eq!(t.arcs.len(), 2);
        assert_eq!(t.rings[1][0].arc, t.rings[2][0].arc);
        assert_ne!(t.rings[1][0].reversed, t.rings[2][0].reversed);
        same_cycle(&hole, &walk(&t, &t.rings[1]));
        same_cycle(&enclave, &walk(&t, &t.rings[2]));
    }
}
