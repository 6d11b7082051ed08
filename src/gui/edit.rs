//! Every change a user can make to the scenario, as data. Edits reach the document only through the commit
//! path (`App::commit`, src/gui/commit.rs), with the dataset changes beside them.

use crate::engine::Method;
use crate::scenario::{DatasetRef, MissingPolicy, Override, Scenario};

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetName(String),
    SetTargetTotal(u32),
    SetTargetMinors(u32),
    SetResettlement(u32),
    /// Raw weight of the criterion at `idx` (scenario order).
    SetWeight {
        idx: usize,
        value: f64,
    },
    SetColumn {
        idx: usize,
        column: Option<String>,
    },
    /// `None` uses the column's default policy.
    SetMissing {
        idx: usize,
        policy: Option<MissingPolicy>,
    },
    SetSizeExponent(f64),
    /// Raw weights of all criteria (scenario order) and the size exponent at once: a calibration accepted
    /// as one undo step. Extra weights are ignored; a non-finite one leaves its criterion as it is.
    SetWeightsAndExponent {
        weights: Vec<f64>,
        size_exponent: f64,
    },
    SetCeiling(Option<f64>),
    SetMinPopulation(Option<u32>),
    SetMinRequest(u32),
    SetMaxPer1000(Option<f64>),
    SetCapacityColumn(Option<String>),
    SetMinorsThreshold(u32),
    SetMethod(Method),
    SetCountyFirst(bool),
    SetReferenceColumn(Option<String>),
    /// Another dataset; the stored fingerprint no longer applies.
    SetDataset(DatasetRef),
    /// `None` removes the override for the municipality `code` (and its note).
    SetOverride {
        code: String,
        value: Option<Override>,
    },
    /// Why the override of `code` was made; an empty note removes it.
    SetOverrideNote {
        code: String,
        note: String,
    },
    /// The scenario's notes (free text).
    SetNotes(String),
    /// The whole scenario at once: a shortfall round or a revision opened as the plan, one undo step.
    ReplaceScenario(Box<Scenario>),
    SetBelowMinimum(crate::scenario::BelowMinimum),
    SetChangeBand(Option<crate::scenario::ChangeBand>),
    /// Last year's request (or another column) the plan starts from, and how far the criteria move it.
    SetStart(Option<crate::scenario::Start>),
}

impl Edit {
    /// Applies the edit. An index outside the criteria list changes nothing.
    pub fn apply(&self, s: &mut Scenario) {
        match self {
            Edit::SetName(name) => s.name.clone_from(name),
            Edit::SetTargetTotal(v) => s.target.total = *v,
            Edit::SetTargetMinors(v) => s.target.minors = *v,
            Edit::SetResettlement(v) => s.target.resettlement = *v,
            Edit::SetWeight { idx, value } => {
                if let Some(c) = s.criteria.get_mut(*idx) {
                    c.weight = value.max(0.0);
                }
            }
            Edit::SetColumn { idx, column } => {
                if let Some(c) = s.criteria.get_mut(*idx) {
                    c.column.clone_from(column);
                }
            }
            Edit::SetMissing { idx, policy } => {
                if let Some(c) = s.criteria.get_mut(*idx) {
                    c.missing = *policy;
                }
            }
            Edit::SetSizeExponent(v) => s.size_exponent = *v,
            Edit::SetWeightsAndExponent { weights, size_exponent } => {
                for (c, w) in s.criteria.iter_mut().zip(weights) {
                    if w.is_finite() {
                        c.weight = w.max(0.0);
                    }
                }
                if size_exponent.is_finite() {
                    s.size_exponent = *size_exponent;
                }
            }
            Edit::SetCeiling(v) => s.rules.immigrant_share_ceiling = *v,
            Edit::SetMinPopulation(v) => s.rules.min_population = *v,
            Edit::SetMinRequest(v) => s.rules.min_request = *v,
            Edit::SetMaxPer1000(v) => s.rules.max_per_1000 = *v,
            Edit::SetCapacityColumn(v) => s.rules.capacity_column.clone_from(v),
            Edit::SetMinorsThreshold(v) => s.rules.minors_threshold = *v,
            Edit::SetMethod(m) => s.rounding = *m,
            Edit::SetCountyFirst(v) => s.county_first = *v,
            Edit::SetReferenceColumn(v) => s.reference_column.clone_from(v),
            Edit::SetDataset(d) => {
                if s.dataset != *d {
                    s.dataset = d.clone();
                    s.dataset_fingerprint = None;
                }
            }
            Edit::SetOverride { code, value } => match value {
                Some(o) => {
                    s.overrides.insert(code.clone(), *o);
                }
                None => {
                    s.overrides.remove(code);
                    s.override_notes.remove(code);
                }
            },
            Edit::SetOverrideNote { code, note } => {
                if note.trim().is_empty() {
                    s.override_notes.remove(code);
                } else {
                    s.override_notes.insert(code.clone(), note.clone());
                }
            }
            Edit::SetNotes(notes) => s.notes.clone_from(notes),
            Edit::ReplaceScenario(scenario) => s.clone_from(scenario),
            Edit::SetBelowMinimum(v) => s.rules.below_minimum = *v,
            Edit::SetChangeBand(band) => s.rules.change_band.clone_from(band),
            Edit::SetStart(start) => s.start.clone_from(start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::document::default_scenario;

    #[test]
    fn edits_change_only_their_field() {
        let base = default_scenario().unwrap();
        let mut s = base.clone();
        Edit::SetWeight { idx: 1, value: 42.0 }.apply(&mut s);
        assert_eq!(s.criteria[1].weight, 42.0);
        assert_eq!(s.criteria[0], base.criteria[0]);
        Edit::SetWeight { idx: 99, value: 1.0 }.apply(&mut s);
        Edit::SetWeight { idx: 0, value: -3.0 }.apply(&mut s);
        assert_eq!(s.criteria[0].weight, 0.0);
        Edit::SetOverride { code: "0301".into(), value: Some(Override::Lock(5)) }.apply(&mut s);
        assert_eq!(s.overrides.get("0301"), Some(&Override::Lock(5)));
        Edit::SetOverrideNote { code: "0301".into(), note: "Agreed in the decision of 12 May".into() }.apply(&mut s);
        assert_eq!(s.override_notes["0301"], "Agreed in the decision of 12 May");
        Edit::SetOverride { code: "0301".into(), value: None }.apply(&mut s);
        assert!(s.overrides.is_empty());
        assert!(s.override_notes.is_empty(), "removing an override removes its note");
        Edit::SetNotes("Line one\nline two".into()).apply(&mut s);
        assert_eq!(s.notes, "Line one\nline two");
    }

    #[test]
    fn weights_and_exponent_change_together() {
        let base = default_scenario().unwrap();
        let mut s = base.clone();
        let weights: Vec<f64> = (0..base.criteria.len()).map(|i| i as f64 * 10.0).collect();
        Edit::SetWeightsAndExponent { weights: weights.clone(), size_exponent: 0.73 }.apply(&mut s);
        assert_eq!(s.criteria.iter().map(|c| c.weight).collect::<Vec<_>>(), weights);
        assert_eq!(s.size_exponent, 0.73);
        assert_eq!(s.criteria[1].column, base.criteria[1].column, "only weights change");
        // Too few weights change only those given; a non-finite one is skipped.
        let mut t = base.clone();
        Edit::SetWeightsAndExponent { weights: vec![f64::NAN, -2.0], size_exponent: f64::NAN }.apply(&mut t);
        assert_eq!(t.criteria[0].weight, base.criteria[0].weight);
        assert_eq!(t.criteria[1].weight, 0.0);
        assert_eq!(t.criteria[2..], base.criteria[2..]);
        assert_eq!(t.size_exponent, base.size_exponent);
    }
}
