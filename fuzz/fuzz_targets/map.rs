//! Map bytes → `map::decode`. The bytes are also tried with their checksum recomputed, or almost
//! every mutation would stop at the checksum.
#![no_main]

use bosetting::map::decode;
use bosetting::map::format::crc32;
use libfuzzer_sys::fuzz_target;

fn exercise(bytes: &[u8]) {
    let Ok(map) = decode(bytes) else { return };
    let b = map.bounds;
    for p in [[0.0, 0.0], [b.min[0], b.min[1]], b.center(), [f32::NAN, 1.0], [f32::INFINITY, f32::NEG_INFINITY]] {
        let _ = map.hit_test(p);
    }
    for shape in &map.shapes {
        assert_eq!(map.index_of(&shape.code).map(|i| &map.shapes[i].code), Some(&shape.code));
    }
    let _ = map.point_count();
}

fuzz_target!(|data: &[u8]| {
    exercise(data);
    if data.len() >= 4 {
        let mut sealed = data.to_vec();
        let body = sealed.len() - 4;
        let crc = crc32(&sealed[..body]);
        sealed[body..].copy_from_slice(&crc.to_le_bytes());
        exercise(&sealed);
    }
});
