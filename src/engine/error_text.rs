//! Why an allocation cannot be made, in the user's language. The English text is the error's `Display`
//! (what logs and the library's callers see); bokmål is written here, one sentence per cause.

use super::bounds::BoundsReason;
use super::{AllocError, BoundRule};
use crate::lang::Lang;
use crate::numfmt;

impl AllocError {
    /// The cause in `lang`, with a bound's reasons (names, numbers and rules) in the same language.
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
            AllocError::Bounds { reasons } => {
                format!("grensene kan ikke oppfylles:\n{}", list(reasons.iter().map(|r| r.message(lang)).collect()))
            }
            AllocError::Rounding(e) => format!("avrundingen mislyktes: {e}"),
        }
    }
}

impl BoundsReason {
    /// The reason in `lang`: the municipalities, the rules and the numbers.
    pub fn message(&self, lang: Lang) -> String {
        let nb = lang == Lang::Nb;
        // Bokmål groups digits; the English text stays as the engine has always written it.
        let n = |v: f64| if nb { numfmt::integer(v, lang) } else { format!("{v}") };
        // Scenario fields in English (what a file's author looks up); the rule's name in bokmål.
        let rule = |r: BoundRule| if nb { r.label(lang).to_owned() } else { r.field().to_owned() };
        match self {
            BoundsReason::LowerAboveUpper { municipality, code, lower, upper, upper_rule } if nb => format!(
                "{municipality} ({code}): den nedre grensen {} fra {} er over den øvre grensen {} fra {}",
                n(f64::from(*lower)),
                rule(BoundRule::ChangeBand),
                n(f64::from(*upper)),
                rule(*upper_rule)
            ),
            BoundsReason::LowerAboveUpper { municipality, code, lower, upper, upper_rule } => format!(
                "{municipality} ({code}): the lower bound {lower} from {} is above the upper bound {upper} from {}",
                rule(BoundRule::ChangeBand),
                rule(*upper_rule)
            ),
            BoundsReason::LowerBoundsAboveTotal { rules, sum, count, total, largest } => {
                let rules: Vec<String> = rules.iter().map(|r| rule(*r)).collect();
                let names: Vec<String> =
                    largest.iter().map(|(name, code, lo)| format!("{name} ({code}) {}", n(f64::from(*lo)))).collect();
                let more = if *count > largest.len() { ", …" } else { "" };
                if nb {
                    format!(
                        "de nedre grensene fra {} blir til sammen {} i {} kommuner, mer enn de {} som skal fordeles \
                         (størst: {}{more})",
                        rules.join(" og "),
                        n(*sum as f64),
                        n(*count as f64),
                        n(f64::from(*total)),
                        names.join(", ")
                    )
                } else {
                    format!(
                        "the lower bounds from {} add up to {sum} in {count} municipalities, more than the {total} to \
                         place (largest: {}{more})",
                        rules.join(" and "),
                        names.join(", ")
                    )
                }
            }
        }
    }
}

impl std::fmt::Display for BoundsReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
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
            AllocError::Bounds {
                reasons: vec![BoundsReason::LowerAboveUpper {
                    municipality: "Oslo".into(),
                    code: "0301".into(),
                    lower: 200,
                    upper: 150,
                    upper_rule: BoundRule::MaxPer1000,
                }],
            },
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

    #[test]
    fn a_bounds_reason_is_written_in_the_users_language() {
        let crossed = BoundsReason::LowerAboveUpper {
            municipality: "Oslo".into(),
            code: "0301".into(),
            lower: 1200,
            upper: 150,
            upper_rule: BoundRule::MaxPer1000,
        };
        let sum = BoundsReason::LowerBoundsAboveTotal {
            rules: vec![BoundRule::ChangeBand, BoundRule::MinimumFloor],
            sum: 6000,
            count: 7,
            total: 5120,
            largest: vec![("Oslo".into(), "0301".into(), 1200)],
        };
        for reason in [&crossed, &sum] {
            let nb = reason.message(Lang::Nb);
            assert!(nb.contains("Oslo (0301)"), "{nb}");
            assert!(!nb.contains("the ") && !nb.contains("rules."), "English in a bokmål message: {nb}");
        }
        assert!(crossed.message(Lang::Nb).contains(BoundRule::MaxPer1000.label(Lang::Nb)));
        assert!(crossed.to_string().contains("from rules.max_per_1000"), "{crossed}");
        assert!(sum.message(Lang::Nb).contains(&numfmt::integer(5120.0, Lang::Nb)));
        assert!(sum.to_string().contains("more than the 5120 to place (largest: Oslo (0301) 1200, …)"), "{sum}");
        let e = AllocError::Bounds { reasons: vec![sum] };
        assert!(
            e.message(Lang::Nb)
                .starts_with("grensene kan ikke oppfylles:\n  - de nedre grensene fra endringsbåndet og")
        );
    }
}
