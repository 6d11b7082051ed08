//! A stable content hash of a dataset (FNV-1a, 64 bit), so a scenario notices when its data changed.

use super::dataset::Dataset;

struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn text(&mut self, s: &str) {
        self.bytes(&(s.len() as u64).to_le_bytes());
        self.bytes(s.as_bytes());
    }
    fn number(&mut self, v: Option<f64>) {
        match v {
            Some(v) => self.bytes(&v.to_bits().to_le_bytes()),
            None => self.bytes(&[0xff; 9]),
        }
    }
}

/// Hashes what the model reads (codes, counties, populations, column ids and values), not labels or credits.
pub fn fingerprint(dataset: &Dataset) -> String {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    for m in &dataset.municipalities {
        h.text(&m.code);
        h.text(&m.county_code);
        h.number(Some(m.population));
    }
    for c in &dataset.columns {
        h.text(&c.meta.id);
        for v in &c.values {
            h.number(*v);
        }
    }
    format!("{:016x}", h.0)
}
