//! The scenario's bounds per municipality, as the county round reads them from the model's plan: a lower
//! bound from a floor or change band, an upper one from a cap.

use crate::engine::Allocation;

/// Per dataset row, the fewest and the most places the scenario's rules allow (`u32::MAX`: no cap).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    pub lower: Vec<u32>,
    pub upper: Vec<u32>,
}

impl Limits {
    /// The bounds of the plan's rows: a floor where a rule sets one, the cap where there is one.
    pub fn of_plan(allocation: &Allocation) -> Limits {
        Limits {
            lower: allocation.rows.iter().map(|r| r.floor.map_or(0, |(f, _)| f)).collect(),
            upper: allocation.rows.iter().map(|r| r.cap.unwrap_or(u32::MAX)).collect(),
        }
    }

    /// No bounds for `n` rows.
    pub fn open(n: usize) -> Limits {
        Limits { lower: vec![0; n], upper: vec![u32::MAX; n] }
    }
}
