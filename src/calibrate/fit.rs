//! How close an allocation comes to a reference: mean absolute error, asked/not-asked agreement, R².

use super::error::CalibrateError;
use super::reference::Reference;
use crate::data::Dataset;
use crate::engine::{Allocation, allocate};
use crate::scenario::Scenario;

/// The fit of an allocation to a reference, over the municipalities whose reference value is known.
/// The reference is first scaled to the allocation's target (no change when they sum to the same).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// Mean absolute difference in persons over the municipalities the reference asked (value > 0).
    pub mae: f64,
    /// Share of municipalities (0–1) on which "asked / not asked" agrees.
    pub asked_agreement: f64,
    /// 1 − (squared error) / (squared deviation of the reference from its mean), over all municipalities.
    pub r2: f64,
}

/// A fit plus the sums the search works with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Comparison {
    pub fit: Fit,
    /// Over the municipalities the reference asked: the sum of absolute differences of the requests, and of the
    /// continuous quotas (after the minimum-request drop, before rounding), and how many there are.
    pub abs_error: f64,
    pub quota_abs_error: f64,
    pub asked: usize,
    /// Municipalities asked by one and not the other.
    pub disagreements: usize,
}

/// Runs the whole pipeline (eligibility, keys, minimum-request drop, rounding) and compares the requests with
/// the reference. Uses the scenario's total target as it is; minors and resettlement refugees do not enter the
/// comparison, so they are left out (and cannot make a smaller target invalid).
pub fn fit(dataset: &Dataset, scenario: &Scenario, reference: &Reference) -> Result<Fit, CalibrateError> {
    check_length(dataset, reference)?;
    let mut s = scenario.clone();
    s.target.minors = 0;
    s.target.resettlement = 0;
    Ok(compare(&allocate(dataset, &s)?, reference).fit)
}

/// The target a fit runs at: the one given, or the reference's own sum; a reference that asks nobody, or whose
/// sum is no target, is refused.
pub(super) fn fit_target(dataset: &Dataset, reference: &Reference, given: Option<u32>) -> Result<u32, CalibrateError> {
    check_length(dataset, reference)?;
    if reference.asked() == 0 {
        return Err(CalibrateError::AllZero { name: reference.name.clone() });
    }
    match given {
        Some(0) => Err(CalibrateError::ZeroTarget),
        Some(t) => Ok(t),
        None => {
            let sum = reference.total();
            let t = sum.round();
            if !(t >= 1.0 && t <= f64::from(u32::MAX)) {
                return Err(CalibrateError::NoTarget { name: reference.name.clone(), sum });
            }
            Ok(t as u32)
        }
    }
}

pub(super) fn check_length(dataset: &Dataset, reference: &Reference) -> Result<(), CalibrateError> {
    if reference.values.len() == dataset.len() {
        Ok(())
    } else {
        Err(CalibrateError::WrongLength {
            found: reference.values.len(),
            expected: dataset.len(),
            dataset: dataset.id.clone(),
        })
    }
}

pub(super) fn compare(allocation: &Allocation, reference: &Reference) -> Comparison {
    let total = reference.total();
    let scale = if total > 0.0 { f64::from(allocation.target) / total } else { 1.0 };
    let known: Vec<(f64, &crate::engine::MunicipalityResult)> =
        reference.values.iter().zip(&allocation.rows).filter_map(|(v, row)| v.map(|v| (v * scale, row))).collect();
    let n = known.len().max(1) as f64;
    let asked: Vec<&(f64, &crate::engine::MunicipalityResult)> = known.iter().filter(|(r, _)| *r > 0.0).collect();
    let abs_error: f64 = asked.iter().map(|(r, row)| (f64::from(row.allocation) - r).abs()).sum();
    let quota_abs_error: f64 = asked.iter().map(|(r, row)| (row.quota - r).abs()).sum();
    let disagreements = known.iter().filter(|(r, row)| (*r > 0.0) != row.asked()).count();
    let mean = known.iter().map(|(r, _)| r).sum::<f64>() / n;
    let ss_tot: f64 = known.iter().map(|(r, _)| (r - mean).powi(2)).sum();
    let ss_res: f64 = known.iter().map(|(r, row)| (f64::from(row.allocation) - r).powi(2)).sum();
    let r2 = if ss_tot > 0.0 {
        1.0 - ss_res / ss_tot
    } else if ss_res == 0.0 {
        1.0
    } else {
        0.0
    };
    Comparison {
        fit: Fit {
            mae: abs_error / asked.len().max(1) as f64,
            asked_agreement: (known.len() - disagreements) as f64 / n,
            r2,
        },
        abs_error,
        quota_abs_error,
        asked: asked.len(),
        disagreements,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calibrate::reference_from_column;
    use crate::data::embedded_dataset;
    use crate::scenario::parse_scenario;

    #[test]
    fn an_allocation_fits_itself_exactly() {
        let d = embedded_dataset("norway-2020").unwrap();
        let s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        let a = allocate(&d, &s).unwrap();
        let own =
            Reference { values: a.rows.iter().map(|r| Some(f64::from(r.allocation))).collect(), name: "own".into() };
        let f = fit(&d, &s, &own).unwrap();
        assert_eq!(f, Fit { mae: 0.0, asked_agreement: 1.0, r2: 1.0 });
    }

    #[test]
    fn measures_against_last_years_requests() {
        let d = embedded_dataset("norway-2020").unwrap();
        let mut s = parse_scenario(include_str!("../../scenarios/imdi-2020.ron"), "imdi-2020.ron").unwrap();
        s.target.total = 5350;
        let r = reference_from_column(&d, "anmodning_2019").unwrap();
        let a = allocate(&d, &s).unwrap();
        let c = compare(&a, &r);
        let asked: Vec<usize> = (0..d.len()).filter(|&i| r.values[i].unwrap() > 0.0).collect();
        let mae = asked.iter().map(|&i| (f64::from(a.rows[i].allocation) - r.values[i].unwrap()).abs()).sum::<f64>()
            / asked.len() as f64;
        assert!((c.fit.mae - mae).abs() < 1e-12);
        assert!(c.fit.asked_agreement > 0.5 && c.fit.asked_agreement < 1.0);
        assert!(c.fit.r2 > 0.5 && c.fit.r2 < 1.0, "{}", c.fit.r2);
        // Halving the reference changes nothing: it is scaled to the target first.
        let half = Reference { values: r.values.iter().map(|v| v.map(|v| v / 2.0)).collect(), name: "half".into() };
        assert_eq!(compare(&a, &half), c);
        let short = Reference { values: vec![Some(1.0)], name: "short".into() };
        assert!(fit(&d, &s, &short).unwrap_err().to_string().contains("1 values"));
    }
}
