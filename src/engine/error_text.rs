//! Why an allocation cannot be made, in the user's language. The English text is the error's `Display`
//! (what logs and the library's callers see); bokmål is written here, one sentence per cause.

use super::AllocError;
use crate::lang::Lang;
use crate::numfmt;

impl AllocError {
    /// The cause in `lang`. A bound's reasons are listed as the engine wrote them (names, numbers and rules).
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let n = |v: f64| numfmt::integer(v, lang);
        let list = |lines: Vec<String>| lines.iter().map(|l| format!("  - {l}")).collect::<Vec<_>>().join("\n");
        match self {
            AllocError::Invalid(problems) => {
                format!("scenarioet har feil:\n{}", list(problems.iter().map(|p| p.line(lang)).collect()))
            }
            AllocError::NoEligible => "ingen kommune kan anmodes etter reglene som gjelder nå".to_owned(),
            AllocError::LocksAboveTarget { locked, target } => format!(
                "låste kommuner tar {} flyktninger, mer enn målet på {}",
                n(*locked as f64),
                n(f64::from(*target))
            ),
            AllocError::CapsTooTight { capacity, needed } => format!(
                "takene gir plass til høyst {} flyktninger i de åpne kommunene, færre enn de {} som skal fordeles",
                n(*capacity as f64),
                n(f64::from(*needed))
            ),
            AllocError::MinimumTooHigh { count, min_request, needed } => format!(
                "{} kommuner må anmodes om minst {} hver, mer enn de {} som skal fordeles",
                n(*count as f64),
                n(f64::from(*min_request)),
                n(f64::from(*needed))
            ),
            AllocError::CriterionWithoutSignal { criterion } => format!(
                "kriteriet {criterion} har vekt, men ingen positiv verdi blant kommunene som kan anmodes; sett vekten \
                 til 0"
            ),
            AllocError::NoKey { needed } => format!(
                "ingen kommune som kan anmodes har positiv nøkkel, så {} flyktninger kan ikke fordeles",
                n(f64::from(*needed))
            ),
            AllocError::MinorsInfeasible { minors, threshold, room } => format!(
                "{} enslige mindreårige kan ikke fordeles: kommunene som kan ta imot mindreårige (anmodning på minst \
                 {}) er anmodet om {} i alt",
                n(f64::from(*minors)),
                n(f64::from(*threshold)),
                n(*room as f64)
            ),
            AllocError::Overflow { criterion } => format!(
                "kriteriet {criterion}: verdiene summerer til mer enn programmet kan regne med (om lag 1,8e308); se \
                 etter en folketall- eller verdi-celle i datasettet som er så stor"
            ),
            AllocError::LocksBelowTarget { locked, target } => format!(
                "alle kommuner er låst, og de låste tallene summerer til {}, færre enn målet på {}",
                n(*locked as f64),
                n(f64::from(*target))
            ),
            AllocError::Bounds { reasons } => format!("grensene kan ikke oppfylles:\n{}", list(reasons.clone())),
            AllocError::Rounding(e) => format!("avrundingen mislyktes: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cause_has_its_own_bokmål_sentence_and_english_is_the_display() {
        let errors = [
            AllocError::NoEligible,
            AllocError::LocksAboveTarget { locked: 6000, target: 5120 },
            AllocError::CapsTooTight { capacity: 4000, needed: 5120 },
            AllocError::MinimumTooHigh { count: 356, min_request: 20, needed: 5120 },
            AllocError::CriterionWithoutSignal { criterion: "labour_market".into() },
            AllocError::NoKey { needed: 5120 },
            AllocError::MinorsInfeasible { minors: 140, threshold: 10, room: 50 },
            AllocError::Overflow { criterion: "size".into() },
            AllocError::LocksBelowTarget { locked: 10, target: 5120 },
            AllocError::Bounds { reasons: vec!["Oslo (0301): lower bound 200 above cap 150".into()] },
        ];
        let mut seen = std::collections::BTreeSet::new();
        for e in &errors {
            assert_eq!(e.message(Lang::En), e.to_string());
            let nb = e.message(Lang::Nb);
            assert_ne!(nb, e.to_string(), "{e}");
            assert!(seen.insert(nb.clone()), "two causes share a sentence: {nb}");
        }
        assert!(errors[1].message(Lang::Nb).contains(&numfmt::integer(6000.0, Lang::Nb)), "Norwegian numbers");
        assert!(errors[9].message(Lang::Nb).contains("Oslo (0301)"), "a bound's reasons are kept");
    }
}
