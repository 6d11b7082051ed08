//! The two parts of a request planned from a start, in one line: "i fjor 20, skalert til ny ramme 19,1;
//! kriteriene flytter +1,4; båndet tillater 17–21 → 21".

use crate::engine::Allocation;
use crate::lang::Lang;
use crate::numfmt;

use super::explain::{Explanation, StepKind};
use super::words::{short, signed};

/// The line for a municipality of a plan with a start; `None` without a start or for a locked or excluded
/// municipality (their one step says it all).
pub fn start_summary(e: &Explanation, allocation: &Allocation, lang: Lang) -> Option<String> {
    let r = allocation.rows.get(e.row)?;
    let start = r.start?;
    let moved = e.steps.iter().find(|s| s.kind == StepKind::CriteriaMove)?;
    let d1 = |v: f64| numfmt::decimal(v, 1, lang);
    let mut parts = vec![match lang {
        Lang::Nb => format!("i fjor {}, skalert til ny ramme {}", short(start.value, lang), d1(start.scaled)),
        Lang::En => format!("last year {}, scaled to the new total {}", short(start.value, lang), d1(start.scaled)),
    }];
    parts.push(match lang {
        Lang::Nb => format!("kriteriene flytter {}", signed(moved.delta, lang)),
        Lang::En => format!("the criteria move it by {}", signed(moved.delta, lang)),
    });
    let dropped = e.steps.iter().any(|s| s.kind == StepKind::Dropped);
    if let Some((lo, hi)) = start.band {
        let range = if hi == u32::MAX { format!("{lo}–") } else { format!("{lo}–{hi}") };
        parts.push(match lang {
            Lang::Nb => format!("båndet tillater {range}"),
            Lang::En => format!("the band allows {range}"),
        });
    } else if dropped {
        parts.push(match lang {
            Lang::Nb => "under minste anmodning".to_owned(),
            Lang::En => "below the minimum request".to_owned(),
        });
    }
    Some(format!("{} → {}", parts.join("; "), r.allocation))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{explain, explain_sentences};
    use crate::data::parse_dataset;
    use crate::engine::allocate;
    use crate::scenario::parse_scenario;

    #[test]
    fn the_two_parts_add_up_and_lead_the_sentences() {
        let d =
            parse_dataset(include_str!("../../docs/example/next-year.dataset.ron"), "next-year.dataset.ron").unwrap();
        let s = parse_scenario(include_str!("../../docs/example/next-year.ron"), "next-year.ron").unwrap();
        let a = allocate(&d, &s).unwrap();
        for row in 0..d.len() {
            let e = explain(&d, &s, &a, row);
            let (start, moved) = (&e.steps[0], &e.steps[1]);
            assert_eq!((&start.kind, &moved.kind), (&StepKind::Start, &StepKind::CriteriaMove));
            let r = &a.rows[row];
            // The start's part and the criteria's add up to the share before caps and drops.
            assert!((moved.running - r.initial_quota).abs() < 1e-9, "{e:?}");
            assert!((start.running - r.start.map_or(-1.0, |p| p.scaled)).abs() < 1e-9);
            assert_eq!(e.steps.last().map(|s| s.running), Some(f64::from(r.allocation)));
            let line = start_summary(&e, &a, Lang::Nb).unwrap();
            assert!(line.starts_with("i fjor") && line.ends_with(&format!("→ {}", r.allocation)), "{line}");
            let sentences = explain_sentences(&e, &d, &s, &a, Lang::Nb);
            assert!(sentences[0].starts_with("I fjor"), "{sentences:?}");
        }
        // Bekkeby: 40 last year, 32.0 scaled; the criteria take it to 22.0; the band holds it at 26.
        let e = explain(&d, &s, &a, 1);
        assert_eq!(
            start_summary(&e, &a, Lang::Nb).unwrap(),
            "i fjor 40, skalert til ny ramme 32,0; kriteriene flytter −10,0; båndet tillater 26–40 → 26"
        );
    }
}
