//! Reconciliation: from the counties' recommendations to the final request per municipality.
//!
//! The rule, county by county:
//! 1. Start from the county's recommendations; a county that has not answered starts from the model's proposal.
//! 2. Overrides (a number with a reason) are set first and held.
//! 3. The other municipalities are brought to the frame less the overrides, in proportion to their starting
//!    numbers, in exact integers by the scenario's rounding method (the engine's `apportion`): when the county
//!    is below its frame the difference is shared out in proportion to the recommendations and nobody goes
//!    down; when it is above, nobody goes up. No adjustment crosses a floor or cap of the scenario that the
//!    recommendation itself kept to: a municipality stops at it, and the rest is shared among the others.
//! 4. With "accept the county's sum" a county that answered keeps its numbers as they are (the frame is open).
//!
//! Every municipality whose final number differs from its starting number is in the deviation log with the
//! reason: the frame, a bound it stopped at, or the override's own reason.

use std::collections::BTreeMap;

use super::RoundError;
use super::deviation::{Deviation, DeviationReason};
use super::frames::Frames;
use super::limits::Limits;
use super::recommendations::Recommendations;
use crate::data::Dataset;
use crate::engine::{Claim, Method, apportion};

/// A number set by hand, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub code: String,
    pub value: u32,
    pub reason: String,
}

/// Everything reconciliation reads.
pub struct RoundInput<'a> {
    pub dataset: &'a Dataset,
    /// The model's proposal, per dataset row.
    pub proposal: &'a [u32],
    pub limits: &'a Limits,
    pub frames: &'a Frames,
    pub recommendations: &'a Recommendations,
    pub overrides: &'a [Override],
    pub accept_county_sums: bool,
    pub method: Method,
}

/// Whether a county answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountyState {
    Received,
    Missing,
}

impl CountyState {
    pub fn key(self) -> &'static str {
        match self {
            CountyState::Received => "received",
            CountyState::Missing => "missing",
        }
    }

    pub fn label(self, lang: crate::lang::Lang) -> &'static str {
        match self {
            CountyState::Received => lang.pick("mottatt", "received"),
            CountyState::Missing => lang.pick("mangler", "missing"),
        }
    }
}

/// One county's line of the status table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountyLine {
    pub code: String,
    pub name: String,
    pub frame: u32,
    pub state: CountyState,
    /// The sum of the recommendations; `None` when the county has not answered.
    pub recommended: Option<u64>,
    pub final_total: u64,
    /// Municipalities recommended for 0.
    pub zeros: usize,
    /// The date the recommendations came in (empty when missing).
    pub received: String,
    pub files: Vec<String>,
}

/// The final request and how it came about.
#[derive(Debug, Clone, PartialEq)]
pub struct Reconciled {
    /// Per dataset row.
    pub requests: Vec<u32>,
    /// Per dataset row, the number reconciliation started from (recommendation or model proposal).
    pub starting: Vec<u32>,
    pub deviations: Vec<Deviation>,
    pub counties: Vec<CountyLine>,
}

pub fn reconcile(input: &RoundInput<'_>) -> Result<Reconciled, RoundError> {
    let d = input.dataset;
    let n = d.len();
    let index = d.row_index();
    let overrides = overrides_by_row(input)?;
    let starting: Vec<u32> = d
        .municipalities
        .iter()
        .enumerate()
        .map(|(row, m)| {
            let proposed = input.proposal.get(row).copied().unwrap_or(0);
            input.recommendations.by_code.get(&m.code).map_or(proposed, |r| r.value)
        })
        .collect();
    let mut requests = starting.clone();
    let mut reasons: Vec<Option<DeviationReason>> = vec![None; n];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); index.counties.len()];
    for row in 0..n {
        members[index.county_of[row]].push(row);
    }
    let mut counties = Vec::with_capacity(index.counties.len());
    for (c, (code, name)) in index.counties.iter().enumerate() {
        let rows = &members[c];
        let received = input.recommendations.received.get(code);
        let frame = input.frames.of(code);
        for &row in rows {
            if let Some((value, why)) = overrides.get(&row) {
                requests[row] = *value;
                reasons[row] = Some(DeviationReason::Manual(why.clone()));
            }
        }
        if !(input.accept_county_sums && received.is_some()) {
            let county = format!("{name} ({code})");
            bring_to_frame(input, rows, &overrides, frame, &county, &starting, &mut requests, &mut reasons)?;
        }
        let state = if received.is_some() { CountyState::Received } else { CountyState::Missing };
        counties.push(CountyLine {
            code: code.clone(),
            name: name.clone(),
            frame,
            state,
            recommended: received.map(|_| rows.iter().map(|&r| u64::from(starting[r])).sum()),
            final_total: rows.iter().map(|&r| u64::from(requests[r])).sum(),
            zeros: if received.is_some() { rows.iter().filter(|&&r| starting[r] == 0).count() } else { 0 },
            received: received.map(|r| r.date.clone()).unwrap_or_default(),
            files: received.map(|r| r.files.clone()).unwrap_or_default(),
        });
    }
    let deviations = (0..n)
        .filter(|&row| requests[row] != starting[row])
        .map(|row| {
            let m = &d.municipalities[row];
            Deviation {
                row,
                code: m.code.clone(),
                name: d.display_name(row),
                county: m.county_name.clone(),
                recommended: starting[row],
                final_request: requests[row],
                reason: reasons[row].clone().unwrap_or(DeviationReason::Frame),
            }
        })
        .collect();
    Ok(Reconciled { requests, starting, deviations, counties })
}

/// Overrides by dataset row, each checked.
fn overrides_by_row(input: &RoundInput<'_>) -> Result<BTreeMap<usize, (u32, String)>, RoundError> {
    let mut out = BTreeMap::new();
    for o in input.overrides {
        let row =
            input.dataset.index_of_code(&o.code).ok_or_else(|| RoundError::UnknownOverride { code: o.code.clone() })?;
        if o.reason.trim().is_empty() {
            return Err(RoundError::OverrideWithoutReason { code: o.code.clone() });
        }
        out.insert(row, (o.value, o.reason.trim().to_owned()));
    }
    Ok(out)
}

/// Step 3 of the rule for one county: the open rows brought to the frame less the overrides.
#[allow(clippy::too_many_arguments)]
fn bring_to_frame(
    input: &RoundInput<'_>,
    rows: &[usize],
    overrides: &BTreeMap<usize, (u32, String)>,
    frame: u32,
    county: &str,
    starting: &[u32],
    requests: &mut [u32],
    reasons: &mut [Option<DeviationReason>],
) -> Result<(), RoundError> {
    let held: u64 = rows.iter().filter_map(|r| overrides.get(r)).map(|(v, _)| u64::from(*v)).sum();
    let target = u64::from(frame).checked_sub(held).ok_or_else(|| RoundError::OverridesAboveFrame {
        county: county.to_owned(),
        overrides: held,
        frame,
    })?;
    let open: Vec<usize> = rows.iter().copied().filter(|r| !overrides.contains_key(r)).collect();
    let sum: u64 = open.iter().map(|&r| u64::from(starting[r])).sum();
    if sum == target {
        return Ok(());
    }
    let target = u32::try_from(target).unwrap_or(u32::MAX);
    let up = u64::from(target) > sum;
    let rank = &input.dataset.row_index().code_rank;
    // Rows beyond the limits' length have none.
    let lower = |r: usize| input.limits.lower.get(r).copied().unwrap_or(0);
    let upper = |r: usize| input.limits.upper.get(r).copied().unwrap_or(u32::MAX);
    let claims: Vec<Claim> = open
        .iter()
        .map(|&r| {
            let s = starting[r];
            let (lo, hi) = if up { (s, upper(r).max(s)) } else { (lower(r).min(s), s) };
            Claim { weight: f64::from(s), lower: lo, upper: hi, rank: rank[r] }
        })
        .collect();
    let seats = apportion(&claims, target, input.method)
        .map_err(|e| RoundError::CannotReachFrame {
            county: county.to_owned(),
            numbers: sum + held,
            frame,
            cause: e.to_string(),
        })?
        .seats;
    let scale = if sum > 0 { f64::from(target) / sum as f64 } else { 0.0 };
    for ((&r, &v), claim) in open.iter().zip(&seats).zip(&claims) {
        requests[r] = v;
        // Stopped at a bound: the proportional share lies beyond it.
        let ideal = f64::from(starting[r]) * scale;
        let at_bound = (up && v == claim.upper && upper(r) != u32::MAX && ideal > f64::from(v) + 0.5)
            || (!up && v == claim.lower && lower(r) > 0 && ideal < f64::from(v) - 0.5);
        if v != starting[r] {
            reasons[r] = Some(if at_bound { DeviationReason::Bound } else { DeviationReason::Frame });
        }
    }
    Ok(())
}
