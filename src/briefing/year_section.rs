//! The settlement year in the briefing, when one is open beside the plan: the follow-up figures and the
//! timeline of rounds, from the same tables as `bosetting year status` and the year's workbook.

use super::layout::{Layout, MUTED};
use super::sections::table_of;
use crate::data::Dataset;
use crate::lang::Lang;
use crate::report::{Cell, ResultTable};
use crate::year::table::{summary_lines, timeline_table};
use crate::year::{RoundSummary, YearStatus};

pub fn year_section(l: &mut Layout, status: &YearStatus, dataset: &Dataset, lang: Lang) {
    l.heading(&format!("{} {}", lang.pick("Bosettingsåret", "The settlement year"), status.year));
    l.paragraph(
        lang.pick(
            "Tallene er årets egne: målet er behovet som gjelder, anmodet er summen av rundene som er sendt, \
             vedtak og bosatte er de siste registrerte.",
            "The year's own figures: the target is the need in force, requested is the sum of the rounds sent, \
             decided and settled are the latest recorded.",
        ),
        8.5,
        MUTED,
    );
    // The year and the date are in the heading.
    let figures = summary_lines(status, lang).into_iter().skip(2);
    let (labels, values): (Vec<_>, Vec<_>) = figures.unzip();
    let summary = ResultTable {
        headers: labels.into_iter().map(str::to_owned).collect(),
        rows: vec![values.into_iter().map(Cell::Text).collect()],
    };
    table_of(l, &summary, 1.0, lang);
    if let Some(r) = status.reconsider {
        l.paragraph(&r.message(lang), 9.0, MUTED);
    }
    let mut timeline = timeline_table(status, lang);
    // The note column can be long; the round numbers and kinds say what each line is.
    timeline.headers.pop();
    for row in &mut timeline.rows {
        row.pop();
    }
    table_of(l, &timeline, 0.6, lang);
    for round in status.rounds.iter().filter(|r| !r.deviations.is_empty()) {
        deviations(l, round, dataset, lang);
    }
}

/// A request reconciled from the counties' recommendations: every municipality where it left them, and why.
fn deviations(l: &mut Layout, round: &RoundSummary, dataset: &Dataset, lang: Lang) {
    l.paragraph(
        &format!(
            "{} {} ({}): {} {}",
            lang.pick("Runde", "Round"),
            round.index + 1,
            round.date,
            round.deviations.len(),
            lang.pick(
                "kommuner fikk et annet tall enn fylket anbefalte.",
                "municipalities were sent another number than their county recommended."
            )
        ),
        9.0,
        MUTED,
    );
    let headers = [
        lang.pick("Kommune", "Municipality"),
        lang.pick("Anbefalt", "Recommended"),
        lang.pick("Sendt", "Sent"),
        lang.pick("Differanse", "Difference"),
        lang.pick("Årsak", "Reason"),
    ];
    let rows = round
        .deviations
        .iter()
        .map(|d| {
            vec![
                Cell::Text(dataset.display_name(d.row)),
                Cell::Int(i64::from(d.recommended)),
                Cell::Int(i64::from(d.sent)),
                Cell::Int(i64::from(d.sent) - i64::from(d.recommended)),
                Cell::Text(d.reason.label(lang)),
            ]
        })
        .collect();
    let table = ResultTable { headers: headers.map(str::to_owned).to_vec(), rows };
    table_of(l, &table, 1.0, lang);
}
