//! The expected decision of one municipality for a request, with its range and the inputs behind it.

use super::model::Parts;
use super::{ExpectError, Inputs, Model, PRIOR_PLACES};
use crate::lang::Lang;
use crate::numfmt;

/// Why the estimate is what it is: every input of the one-sentence explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// Settled last year, and the request split at it.
    pub settled: Option<f64>,
    pub within: f64,
    pub above: f64,
    /// The national shares of the two parts, and what they give: the base.
    pub within_share: f64,
    pub above_share: f64,
    pub base: f64,
    /// The municipality's class (`None`: none, the national factor is its group's) and its factor.
    pub group: Option<u32>,
    pub group_factor: f64,
    /// Its own record: places decided, and the base of the requests they answered.
    pub own_decided: f64,
    pub own_base: f64,
    /// How much its own record weighs against its group's factor (0 without a record).
    pub own_weight: f64,
    /// The factor applied: its own record pulled towards its group's.
    pub factor: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub request: f64,
    pub expected: f64,
    /// 8 of 10 decisions of the group fell within the corresponding factors.
    pub low: f64,
    pub high: f64,
    pub basis: Basis,
}

impl Model {
    /// The expected decision of every row for `request` (one value per dataset row; 0 = not asked).
    pub fn estimate(&self, inputs: &Inputs, request: &[f64]) -> Result<Vec<Estimate>, ExpectError> {
        if request.len() != inputs.len() {
            return Err(ExpectError::WrongLength { got: request.len(), expected: inputs.len() });
        }
        Ok(request.iter().enumerate().map(|(row, &r)| self.estimate_row(inputs, row, r)).collect())
    }

    /// The expected decision of `row` for a request of `request` places.
    pub fn estimate_row(&self, inputs: &Inputs, row: usize, request: f64) -> Estimate {
        let class = inputs.group[row];
        let group = self.group_of(class);
        let settled = inputs.settled[row];
        let (mut own_decided, mut own_base) = (0.0, 0.0);
        for year in &inputs.history {
            if let (Some(d), r) = (year.decided[row], year.request[row])
                && r > 0.0
            {
                own_decided += d;
                own_base += self.base(Parts::of(r, settled));
            }
        }
        let factor = (own_decided + PRIOR_PLACES * group.factor) / (own_base + PRIOR_PLACES);
        let own_weight = own_base / (own_base + PRIOR_PLACES);
        let parts = Parts::of(request, settled);
        let base = self.base(parts);
        let expected = factor * base;
        // The group's spread, moved by how far the municipality's own factor lies from its group's.
        let shift = if group.factor > 0.0 { factor / group.factor } else { 1.0 };
        let low = (group.low * shift * base).min(expected);
        let high = (group.high * shift * base).max(expected);
        Estimate {
            request,
            expected,
            low,
            high,
            basis: Basis {
                settled,
                within: parts.within,
                above: parts.above,
                within_share: self.within_share,
                above_share: self.above_share,
                base,
                group: class,
                group_factor: group.factor,
                own_decided,
                own_base,
                own_weight,
                factor,
            },
        }
    }
}

impl Basis {
    /// The estimate in one sentence.
    pub fn sentence(&self, lang: Lang) -> String {
        let pct = |v: f64| numfmt::percent(v, 0, lang);
        let n = |v: f64| numfmt::integer(v, lang);
        let f = |v: f64| numfmt::decimal(v, 2, lang);
        let group = match self.group {
            Some(c) => format!("{} {c}", lang.pick("klasse", "class")),
            None => lang.pick("landet", "the country").to_owned(),
        };
        let parts = if self.above > 0.0 {
            match lang {
                Lang::Nb => format!(
                    "{} av {} opp til fjorårets bosatte og {} av {} over",
                    pct(self.within_share),
                    n(self.within),
                    pct(self.above_share),
                    n(self.above)
                ),
                Lang::En => format!(
                    "{} of the {} up to last year's settled and {} of the {} above",
                    pct(self.within_share),
                    n(self.within),
                    pct(self.above_share),
                    n(self.above)
                ),
            }
        } else {
            match lang {
                Lang::Nb => format!("{} av {}", pct(self.within_share), n(self.within)),
                Lang::En => format!("{} of {}", pct(self.within_share), n(self.within)),
            }
        };
        let factor = if self.own_base > 0.0 {
            match lang {
                Lang::Nb => format!(
                    "ganger {} fra egne vedtak ({} av ventet {}) trukket mot {} for {group}",
                    f(self.factor),
                    n(self.own_decided),
                    n(self.own_base),
                    f(self.group_factor)
                ),
                Lang::En => format!(
                    "times {} from its own decisions ({} of {} expected) pulled towards {} for {group}",
                    f(self.factor),
                    n(self.own_decided),
                    n(self.own_base),
                    f(self.group_factor)
                ),
            }
        } else {
            match lang {
                Lang::Nb => format!("ganger {} for {group} (ingen egne vedtak)", f(self.factor)),
                Lang::En => format!("times {} for {group} (no decisions of its own)", f(self.factor)),
            }
        };
        format!("{parts}, {factor}")
    }
}
