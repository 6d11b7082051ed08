//! `bosetting year status`: the year's status as text, JSON, CSV or a workbook.

use std::process::ExitCode;

use anyhow::Result;
use serde_json::{Value, json};

use super::terminal::escape;
use super::year::StatusArgs;
use crate::data::Dataset;
use crate::lang::Lang;
use crate::report::{Cell, ResultTable, write_csv};
use crate::year::table::{county_table, municipality_table, summary_lines, timeline_table};
use crate::year::{Date, YearStatus, open_year, year_status};

pub fn status(args: &StatusArgs) -> Result<ExitCode> {
    let to = args.output.destination()?;
    args.output.check_out(|rules| rules.input(&args.file, "the year file the command reads"))?;
    let as_of: Option<Date> =
        args.as_of.as_deref().map(str::parse).transpose().map_err(|e| anyhow::anyhow!("--as-of: {e}"))?;
    let (year, dataset, warning) = open_year(&args.file)?;
    if let Some(w) = warning {
        eprintln!("warning: {}", super::terminal::safe(&w));
    }
    let status = year_status(&year, &dataset, as_of)?;
    let lang = to.lang;
    let bytes = match to.format.as_str() {
        "json" => {
            let mut text = serde_json::to_string_pretty(&status_json(&dataset, &status, lang))?;
            text.push('\n');
            text.into_bytes()
        }
        "csv" => write_csv(&municipality_table(&dataset, &status, lang), to.csv_style),
        "xlsx" => crate::export::year_xlsx(&dataset, &status, lang)?,
        _ => text_report(&dataset, &status, lang).into_bytes(),
    };
    to.write(&bytes)?;
    Ok(ExitCode::SUCCESS)
}

/// The status as JSON: the schema (`year`, `target`, `rounds`, `requested`, `decided`, `shortfall`,
/// `coverage`, `settled`, `counties`, `municipalities`) and the timeline. A decision is null while not answered.
pub fn status_json(dataset: &Dataset, s: &YearStatus, lang: Lang) -> Value {
    let rounds: Vec<Value> = s
        .rounds
        .iter()
        .map(|r| {
            json!({
                "kind": r.kind.key(),
                "date": r.date.to_string(),
                "total": r.total,
                "municipalities": r.municipalities,
                "note": r.note,
            })
        })
        .collect();
    let timeline: Vec<Value> = s
        .timeline
        .iter()
        .map(|p| {
            json!({
                "date": p.date.to_string(),
                "kind": p.kind.key(),
                "need": p.need,
                "requested": p.requested,
                "decided": p.decided,
                "settled": p.settled,
            })
        })
        .collect();
    let counties: Vec<Value> = s
        .follow_up
        .counties
        .iter()
        .zip(&s.county_shortfall)
        .map(|(c, short)| {
            json!({
                "code": c.code,
                "name": c.name,
                "requested": c.totals.requested,
                "decided": c.totals.decided,
                "shortfall": short,
                "settled": c.totals.settled,
            })
        })
        .collect();
    let municipalities: Vec<Value> = dataset
        .municipalities
        .iter()
        .zip(&s.follow_up.rows)
        .zip(&s.rows)
        .map(|((m, f), row)| {
            json!({
                "code": m.code,
                "name": m.name,
                "county": m.county_name,
                "requested": f.request,
                "rounds": row.rounds,
                "decision": f.decision,
                "settled": f.settled,
                "shortfall": row.shortfall,
                "status": f.answer.key(),
                "note": row.note.map(|n| n.key()),
                "note_text": row.note.map(|n| n.text(lang)),
            })
        })
        .collect();
    json!({
        "year": s.year,
        "as_of": s.as_of.map(|d| d.to_string()),
        "target": s.target,
        "minors": s.minors,
        "rounds": rounds,
        "requested": s.requested(),
        "decided": s.decided(),
        "decided_change": s.decided_change,
        "shortfall": s.shortfall(),
        "coverage": s.coverage(),
        "settled": s.settled(),
        "settled_of_decided": s.settled_of_decided(),
        "reconsider_counties": s.reconsider.map(|r| r.message(lang)),
        "timeline": timeline,
        "counties": counties,
        "municipalities": municipalities,
    })
}

/// A cell as the text report shows it: numbers written as the summary above the table writes them ("36 985").
fn cell_text(c: &Cell, lang: Lang) -> String {
    match c {
        Cell::Text(t) | Cell::Code(t) => escape(t, false).into_owned(),
        Cell::Int(v) => crate::numfmt::integer(*v as f64, lang),
        Cell::Number(v, d) => crate::numfmt::decimal(*v, *d, lang),
        Cell::Empty => "–".to_owned(),
    }
}

/// A table as aligned text: each column as wide as its widest cell, names cut at 28 characters (the last
/// column, a note, is whole).
fn aligned(table: &ResultTable, lang: Lang) -> String {
    let last = table.headers.len().saturating_sub(1);
    let cut =
        |k: usize, c: &Cell| if k == last { cell_text(c, lang) } else { cell_text(c, lang).chars().take(28).collect() };
    let cells: Vec<Vec<String>> =
        table.rows.iter().map(|r| r.iter().enumerate().map(|(k, c)| cut(k, c)).collect()).collect();
    let widths: Vec<usize> = (0..table.headers.len())
        .map(|k| {
            cells.iter().map(|r| r[k].chars().count()).chain([table.headers[k].chars().count()]).max().unwrap_or(0)
        })
        .collect();
    let numeric = |k: usize| table.rows.first().is_some_and(|r| matches!(r[k], Cell::Int(_) | Cell::Number(..)));
    let line = |row: &[String]| {
        let parts: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let pad = widths[k].saturating_sub(c.chars().count());
                if numeric(k) { format!("{}{c}", " ".repeat(pad)) } else { format!("{c}{}", " ".repeat(pad)) }
            })
            .collect();
        format!("{}\n", parts.join("  ").trim_end())
    };
    let mut out = line(&table.headers);
    for row in &cells {
        out.push_str(&line(row));
    }
    out
}

fn text_report(dataset: &Dataset, s: &YearStatus, lang: Lang) -> String {
    let mut out = String::new();
    for (label, value) in summary_lines(s, lang) {
        out.push_str(&format!("{label:<34} {value:>10}\n"));
    }
    if let Some(r) = s.reconsider {
        out.push_str(&format!("\n{}\n", r.message(lang)));
    }
    for table in [timeline_table(s, lang), county_table(s, lang), municipality_table(dataset, s, lang)] {
        out.push('\n');
        out.push_str(&aligned(&table, lang));
    }
    out
}
