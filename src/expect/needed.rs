//! "To reach the target in expectation": the request whose expected decisions add up to the target, raised
//! from a plan within its bounds. A proposal to look at beside the plan, never applied to it.

use super::{ExpectError, Inputs, Model};

#[derive(Debug, Clone, PartialEq)]
pub struct Needed {
    /// The raised request per row (the plan's where it is not raised).
    pub request: Vec<f64>,
    /// Its total, and the decisions expected from it.
    pub requested: f64,
    pub expected: f64,
    /// Whether the expected decisions reach the target within the bounds.
    pub reached: bool,
    /// Rows asked for more than their own record: more than they ever decided, or without a record more than
    /// they settled last year. With that figure.
    pub above_record: Vec<(usize, f64)>,
}

/// Bisection steps on the common factor: far below a place at any realistic target.
const STEPS: usize = 60;

/// Raises every asked row's request by one common factor, each up to its `upper` bound (`f64::INFINITY`: none),
/// until the expected decisions reach `target`. Rows not asked stay unasked; nothing is lowered.
pub fn needed_request(
    model: &Model,
    inputs: &Inputs,
    request: &[f64],
    upper: &[f64],
    target: f64,
) -> Result<Needed, ExpectError> {
    if request.len() != inputs.len() || upper.len() != inputs.len() {
        return Err(ExpectError::WrongLength { got: request.len().min(upper.len()), expected: inputs.len() });
    }
    let scaled = |factor: f64| -> Vec<f64> {
        request
            .iter()
            .zip(upper)
            .map(|(&r, &u)| if r > 0.0 { (r * factor).round().min(u.max(r)) } else { 0.0 })
            .collect()
    };
    let expected_of = |req: &[f64]| -> f64 {
        req.iter().enumerate().map(|(row, &r)| model.estimate_row(inputs, row, r).expected).sum()
    };
    // The largest factor that still raises someone: the widest bound, or ten times the plan without bounds.
    let most = request
        .iter()
        .zip(upper)
        .filter(|(r, _)| **r > 0.0)
        .map(|(r, u)| if u.is_finite() { u / r } else { 10.0 })
        .fold(1.0, f64::max);
    let (mut low, mut high) = (1.0, most);
    if expected_of(&scaled(low)) < target {
        if expected_of(&scaled(high)) < target {
            low = high;
        } else {
            for _ in 0..STEPS {
                let mid = 0.5 * (low + high);
                if expected_of(&scaled(mid)) >= target { high = mid } else { low = mid }
            }
            low = high;
        }
    }
    let raised = scaled(low);
    let expected = expected_of(&raised);
    let above_record = raised
        .iter()
        .enumerate()
        .filter_map(|(row, &r)| {
            let record = own_record(inputs, row)?;
            (r > record && r > request[row]).then_some((row, record))
        })
        .collect();
    Ok(Needed { requested: raised.iter().sum(), expected, reached: expected >= target, request: raised, above_record })
}

/// The most a row ever decided in the record, or without a decision there what it settled last year.
fn own_record(inputs: &Inputs, row: usize) -> Option<f64> {
    let decided = inputs
        .history
        .iter()
        .filter_map(|y| y.decided[row])
        .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.max(d))));
    decided.or(inputs.settled[row])
}
