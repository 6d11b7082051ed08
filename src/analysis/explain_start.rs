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
