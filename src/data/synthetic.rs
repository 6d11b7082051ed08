//! Synthetic datasets of any size, for benchmarks and property tests. Deterministic from a seed.

use super::dataset::{Column, ColumnMeta, Dataset, Direction, Kind, Municipality, Text};
use super::fingerprint::fingerprint;
use super::role::ColumnRole;
use crate::choices::MissingPolicy;

/// SplitMix64: tiny, fast, and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn meta(id: &str, direction: Direction, kind: Kind, missing: MissingPolicy) -> ColumnMeta {
    ColumnMeta {
        id: id.to_owned(),
        label: Text::new(id, id),
        unit: if kind == Kind::Intensive { "%".into() } else { "personer".into() },
        year: "2020".into(),
        source: "synthetic".into(),
        licence: "-".into(),
        direction,
        kind,
        default_missing: missing,
        range: None,
        estimated: Vec::new(),
        role: if kind == Kind::Extensive { ColumnRole::from_legacy_id(id) } else { None },
    }
}

/// `n` municipalities in 11 counties with columns shaped like the 2020 dataset's (same ids), about 10 % of the
/// integration cells and 3 % of the settlement cells missing. Codes are 4 digits up to 9,999 rows, longer beyond.
pub fn synthetic_dataset(n: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let width = if n < 10_000 { 4 } else { n.to_string().len() + 1 };
    let mut municipalities = Vec::with_capacity(n);
    let ids = [
        ("innvandrerandel_2020_pst", Direction::LowerIsBetter, Kind::Intensive, MissingPolicy::CountyMedian),
        ("sysselsettingsrate_2013_pst", Direction::HigherIsBetter, Kind::Intensive, MissingPolicy::CountyMedian),
        ("intro_arbeid_utdanning_2013_pst", Direction::HigherIsBetter, Kind::Intensive, MissingPolicy::CountyMedian),
        ("bosatt_snitt_2017_2019", Direction::HigherIsBetter, Kind::Extensive, MissingPolicy::Zero),
        ("anmodning_2019", Direction::HigherIsBetter, Kind::Extensive, MissingPolicy::Zero),
    ];
    let mut values: Vec<Vec<Option<f64>>> = vec![Vec::with_capacity(n); ids.len()];
    for i in 0..n {
        // Log-uniform populations from 200 to 700,000, like Norway's municipalities.
        let population = (200.0 * (3500.0f64).powf(rng.unit())).round().max(1.0);
        let county = 1 + (rng.next_u64() % 11) as usize;
        municipalities.push(Municipality {
            code: format!("{:0width$}", i + 1),
            name: format!("Kommune {}", i + 1),
            county_code: format!("{county:02}"),
            county_name: format!("Fylke {county}"),
            population,
        });
        let settled = (population * rng.unit() * 0.004).round();
        let row = [
            Some((2.0 + 25.0 * rng.unit()).min(100.0)),
            Some(60.0 + 25.0 * rng.unit()),
            (rng.unit() > 0.1).then(|| 20.0 + 60.0 * rng.unit()),
            (rng.unit() > 0.03).then_some(settled),
            Some((settled * (0.5 + rng.unit())).round()),
        ];
        for (column, v) in values.iter_mut().zip(row) {
            column.push(v);
        }
    }
    let columns = ids
        .iter()
        .zip(values)
        .map(|((id, d, k, m), v)| Column { meta: meta(id, *d, *k, *m), values: v.into() })
        .collect();
    let mut dataset = Dataset {
        id: format!("synthetic-{n}-{seed}"),
        title: Text::new("Syntetisk", "Synthetic"),
        year: 2020,
        credits: String::new(),
        population_label: Text::new("Folketall", "Population"),
        history: Vec::new(),
        municipalities: municipalities.into(),
        columns,
        fingerprint: String::new(),
    };
    dataset.fingerprint = fingerprint(&dataset);
    dataset
}
