//! Expected decided places nationally and per county, with a range.

use super::{Estimate, Inputs};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    pub requested: f64,
    pub expected: f64,
    /// The range of the total. Municipalities decide on their own, so their ranges are added as independent
    /// spreads (half-widths in quadrature): narrower than the sum of the lows and of the highs.
    pub low: f64,
    pub high: f64,
}

impl Totals {
    /// Expected decided ÷ requested.
    pub fn coverage(&self) -> f64 {
        if self.requested > 0.0 { self.expected / self.requested } else { 0.0 }
    }

    /// What the expected decisions leave of `target` (negative: more than the target).
    pub fn shortfall(&self, target: f64) -> f64 {
        target - self.expected
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountyTotals {
    pub code: String,
    pub name: String,
    pub totals: Totals,
}

/// The totals of the rows `rows` admits.
fn totals_of<'a>(estimates: impl Iterator<Item = &'a Estimate>) -> Totals {
    let (mut requested, mut expected, mut spread_low, mut spread_high) = (0.0, 0.0, 0.0, 0.0);
    for e in estimates {
        requested += e.request;
        expected += e.expected;
        spread_low += (e.expected - e.low).powi(2);
        spread_high += (e.high - e.expected).powi(2);
    }
    Totals { requested, expected, low: (expected - spread_low.sqrt()).max(0.0), high: expected + spread_high.sqrt() }
}

pub fn national_totals(estimates: &[Estimate]) -> Totals {
    totals_of(estimates.iter())
}

/// One entry per county, by county code.
pub fn county_totals(inputs: &Inputs, estimates: &[Estimate]) -> Vec<CountyTotals> {
    inputs
        .counties
        .iter()
        .enumerate()
        .map(|(c, (code, name))| CountyTotals {
            code: code.clone(),
            name: name.clone(),
            totals: totals_of(estimates.iter().zip(&inputs.county_of).filter(|(_, k)| **k == c).map(|(e, _)| e)),
        })
        .collect()
}
