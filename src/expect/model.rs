//! The fitted model: the share decided of the part of a request up to last year's settled and of the part
//! above it, a factor per group, and the spread of the decisions around it.

use super::{ExpectError, Inputs, Year};

/// How many places of expected decisions a wider factor counts as when a smaller record is pulled towards it:
/// a group's factor towards the national one, a municipality's own towards its group's. A record of 50
/// expected places weighs half.
pub const PRIOR_PLACES: f64 = 50.0;

/// The part of a request that counts as "within last year's settled" is never below the smallest usual
/// request: a municipality that settled nobody last year can still take a small group.
pub const FLOOR_PLACES: f64 = 10.0;

/// The spread of decided ÷ base is read between these quantiles (8 of 10 inside).
const LOW_QUANTILE: f64 = 0.1;
const HIGH_QUANTILE: f64 = 0.9;
/// A group with fewer decisions than this takes its spread from the national one.
const MIN_FOR_SPREAD: usize = 5;

/// A request split at what the municipality settled last year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parts {
    /// Up to last year's settled (at least [`FLOOR_PLACES`]); all of it without a settled figure.
    pub within: f64,
    /// Above it.
    pub above: f64,
}

impl Parts {
    pub fn of(request: f64, settled: Option<f64>) -> Parts {
        let within = settled.map_or(request, |s| request.min(s.max(FLOOR_PLACES)));
        Parts { within, above: request - within }
    }
}

/// What a group's (or the nation's) record says about decided ÷ base.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupFit {
    /// Decided places in the record, and the base the national shares give them.
    pub decided: f64,
    pub base: f64,
    /// Decided ÷ base, pulled towards the national factor (the national factor itself for the nation).
    pub factor: f64,
    /// Decided ÷ base of the lower and upper tenth of the group's decisions.
    pub low: f64,
    pub high: f64,
    /// Decisions in the record.
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Share decided of the part of a request up to last year's settled, and of the part above it.
    pub within_share: f64,
    pub above_share: f64,
    pub national: GroupFit,
    /// Per class, by class.
    pub groups: Vec<(u32, GroupFit)>,
}

/// One decision of the record: its row, the request split at last year's settled, and what was decided.
#[derive(Debug, Clone, Copy)]
struct Decision {
    row: usize,
    parts: Parts,
    decided: f64,
}

impl Model {
    /// Fits on the decisions of `years` in the rows `train` admits: the two shares by least squares over
    /// every decision, then each group's factor on them.
    pub fn fit(inputs: &Inputs, years: &[&Year], train: &dyn Fn(usize) -> bool) -> Result<Model, ExpectError> {
        let record: Vec<Decision> = years
            .iter()
            .flat_map(|y| {
                y.decided.iter().zip(&y.request).enumerate().filter_map(|(row, (d, &request))| match d {
                    Some(decided) if request > 0.0 && train(row) => {
                        Some(Decision { row, parts: Parts::of(request, inputs.settled[row]), decided: *decided })
                    }
                    _ => None,
                })
            })
            .collect();
        if record.is_empty() {
            return Err(ExpectError::NoRecord);
        }
        let (within_share, above_share) = shares(&record);
        let base = |p: Parts| within_share * p.within + above_share * p.above;
        let group_fit = |of: &dyn Fn(&Decision) -> bool, towards: Option<(f64, &GroupFit)>| {
            let (mut decided, mut total, mut ratios) = (0.0, 0.0, Vec::new());
            for d in record.iter().filter(|d| of(d)) {
                let b = base(d.parts);
                decided += d.decided;
                total += b;
                if b > 0.0 {
                    ratios.push(d.decided / b);
                }
            }
            let factor = match towards {
                Some((national, _)) => (decided + PRIOR_PLACES * national) / (total + PRIOR_PLACES),
                None if total > 0.0 => decided / total,
                None => 1.0,
            };
            let (low, high) = match towards {
                Some((_, n)) if ratios.len() < MIN_FOR_SPREAD => (n.low, n.high),
                _ => spread(&mut ratios).unwrap_or((factor, factor)),
            };
            GroupFit { decided, base: total, factor, low, high, count: ratios.len() }
        };
        let national = group_fit(&|_| true, None);
        let mut classes: Vec<u32> = record.iter().filter_map(|d| inputs.group[d.row]).collect();
        classes.sort_unstable();
        classes.dedup();
        let groups = classes
            .into_iter()
            .map(|c| (c, group_fit(&|d| inputs.group[d.row] == Some(c), Some((national.factor, &national)))))
            .collect();
        Ok(Model { within_share, above_share, national, groups })
    }

    /// The fit of a class, or the national one for a class the record does not hold.
    pub fn group_of(&self, class: Option<u32>) -> &GroupFit {
        class
            .and_then(|c| self.groups.binary_search_by_key(&c, |(k, _)| *k).ok())
            .map_or(&self.national, |i| &self.groups[i].1)
    }

    /// The request's base: the two parts at their shares.
    pub fn base(&self, parts: Parts) -> f64 {
        self.within_share * parts.within + self.above_share * parts.above
    }
}

/// The shares of the two parts: decided ≈ within_share × within + above_share × above, least squares. The part
/// above never counts more than the part within, nor less than nothing. Without any part above (no settled
/// figures) both are the national decided ÷ requested.
fn shares(record: &[Decision]) -> (f64, f64) {
    let (mut ww, mut aa, mut wa, mut wd, mut ad, mut decided, mut requested) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for d in record {
        let (w, a) = (d.parts.within, d.parts.above);
        ww += w * w;
        aa += a * a;
        wa += w * a;
        wd += w * d.decided;
        ad += a * d.decided;
        decided += d.decided;
        requested += w + a;
    }
    let overall = if requested > 0.0 { decided / requested } else { 1.0 };
    let det = ww * aa - wa * wa;
    if aa == 0.0 || det.abs() <= f64::EPSILON * ww * aa {
        return (overall, overall);
    }
    let within = ((wd * aa - ad * wa) / det).max(0.0);
    let above = ((ad * ww - wd * wa) / det).clamp(0.0, within);
    (within, above)
}

/// The lower and upper quantiles (nearest rank), or `None` for none.
fn spread(ratios: &mut [f64]) -> Option<(f64, f64)> {
    if ratios.is_empty() {
        return None;
    }
    ratios.sort_unstable_by(f64::total_cmp);
    let at = |q: f64| ratios[((ratios.len() - 1) as f64 * q).round() as usize];
    Some((at(LOW_QUANTILE), at(HIGH_QUANTILE)))
}
