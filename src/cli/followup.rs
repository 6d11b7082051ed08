//! `bosetting followup SCENARIO --request COL --decisions COL`: where the year stands, and with
//! `--redistribute` the shortfall round's additional requests.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::{Value, json};

use super::allocate::write_plan;
use super::output_args::OutputArgs;
use crate::data::Dataset;
use crate::followup::{
    Among, FollowUp, Totals, column_counts, follow_up, implausible_counts, redistribute, table, unasked_decisions,
};
use crate::lang::Lang;
use crate::report::write_csv;

#[derive(clap::Args, Debug)]
pub struct FollowUpArgs {
    pub scenario: PathBuf,
    /// The dataset column holding the request that was sent.
    #[arg(long)]
    pub request: String,
    /// The dataset column holding the decisions (missing = not answered, 0 = said no).
    #[arg(long)]
    pub decisions: String,
    /// The dataset column holding the refugees settled so far.
    #[arg(long)]
    pub settled: Option<String>,
    /// Print the shortfall round's additional requests (in `allocate`'s format) instead of the status.
    #[arg(long)]
    pub redistribute: bool,
    /// Who is asked again in the shortfall round (with --redistribute).
    #[arg(
        long,
        value_parser = ["yes", "above", "unanswered", "all-but-no"],
        default_value = "yes",
        requires = "redistribute"
    )]
    pub among: String,
    /// Count the municipalities that have not answered at their request when computing the shortfall (with
    /// --redistribute).
    #[arg(long, requires = "redistribute")]
    pub count_unanswered: bool,
    /// Status: text (default), csv, json or xlsx; with --redistribute the plan in `allocate`'s formats.
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &FollowUpArgs) -> Result<ExitCode> {
    let to = args.output.destination()?;
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    args.output.check_out(|rules| super::scenario_input::reads(rules, &args.scenario, &scenario))?;
    let f =
        load_follow_up(&dataset, scenario.target.total, args).with_context(|| args.scenario.display().to_string())?;
    if args.redistribute {
        let among = Among::from_cli_name(&args.among).unwrap_or_default();
        let (plan, allocation) =
            redistribute(&dataset, &scenario, &f, among, args.count_unanswered, Some(&args.request))
                .with_context(|| args.scenario.display().to_string())?;
        write_plan(&dataset, &plan, &allocation, &to, &args.scenario)?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = to.lang;
    let bytes = match to.format.as_str() {
        "json" => {
            let mut text = serde_json::to_string_pretty(&status_json(&dataset, &f))?;
            text.push('\n');
            text.into_bytes()
        }
        "csv" => write_csv(&table::municipality_table(&dataset, &f, lang), to.csv_style),
        "xlsx" => crate::export::followup_xlsx(&dataset, &f, &sources(args), lang, &crate::export::today_in_norway())?,
        _ => text_report(&dataset, &f, lang).into_bytes(),
    };
    to.write(&bytes)?;
    Ok(ExitCode::SUCCESS)
}

fn sources(args: &FollowUpArgs) -> crate::export::FollowUpSources {
    crate::export::FollowUpSources {
        request: args.request.clone(),
        decisions: args.decisions.clone(),
        settled: args.settled.clone(),
    }
}

/// The follow-up, and on standard error every number no municipality can have and every decision without a
/// request.
fn load_follow_up(dataset: &Dataset, target: u32, args: &FollowUpArgs) -> Result<FollowUp> {
    let counts = |column: &str| -> Result<Vec<Option<u32>>> {
        let values = column_counts(dataset, column).with_context(|| format!("--{}", option_of(args, column)))?;
        for w in implausible_counts(dataset, &format!("column {column:?}"), values.iter().copied()) {
            warn(&args.scenario, &w);
        }
        Ok(values)
    };
    let request: Vec<u32> = counts(&args.request)?.iter().map(|v| v.unwrap_or(0)).collect();
    let decisions = counts(&args.decisions)?;
    let settled = args.settled.as_deref().map(counts).transpose()?;
    let f = follow_up(dataset, target, &request, &decisions, settled.as_deref())
        .with_context(|| format!("--request {}", args.request))?;
    if let Some(w) = unasked_decisions(dataset, &f) {
        warn(&args.scenario, &format!("column {:?}: {w}", args.decisions));
    }
    Ok(f)
}

/// The option that named `column`, for messages.
fn option_of(args: &FollowUpArgs, column: &str) -> String {
    let option = if column == args.request {
        "request"
    } else if column == args.decisions {
        "decisions"
    } else {
        "settled"
    };
    format!("{option} {column}")
}

/// A warning on standard error, in `check`'s form.
pub(super) fn warn(scenario: &std::path::Path, text: &str) {
    eprintln!("{}", super::terminal::line(&format!("{}: warning: {text}", scenario.display())));
}

fn totals_json(x: &Totals) -> Value {
    json!({
        "asked": x.asked,
        "answered": x.answered,
        "said_yes": x.said_yes,
        "said_no": x.said_no,
        "not_answered": x.not_answered,
        "requested": x.requested,
        "decided": x.decided,
        "settled": x.settled,
    })
}

/// The status as JSON: national counts and sums, counties, and municipalities with `decision` null for not
/// answered.
pub(crate) fn status_json(dataset: &Dataset, f: &FollowUp) -> Value {
    let x = &f.national;
    let counties: Vec<Value> = f
        .counties
        .iter()
        .map(|c| {
            let mut v = totals_json(&c.totals);
            v["code"] = json!(c.code);
            v["name"] = json!(c.name);
            v
        })
        .collect();
    let municipalities: Vec<Value> = dataset
        .municipalities
        .iter()
        .zip(&f.rows)
        .map(|(m, s)| {
            json!({
                "code": m.code,
                "name": m.name,
                "county": m.county_name,
                "request": s.request,
                "decision": s.decision,
                "difference": s.difference(),
                "settled": s.settled,
                "status": s.answer.key(),
            })
        })
        .collect();
    let expected = match crate::expect::outlook(dataset, f) {
        Some(o) => {
            let (low, high) = o.range();
            json!({
                "decided": o.decided,
                "unanswered": o.unanswered,
                "expected_from_unanswered": o.expected_unanswered.expected,
                "expected_total": o.expected_total(),
                "range": [low, high],
                "expected_shortfall": o.expected_shortfall(),
            })
        }
        None => Value::Null,
    };
    json!({
        "target": f.target,
        "requested": x.requested,
        "decided": x.decided,
        "asked": x.asked,
        "answered": x.answered,
        "said_yes": x.said_yes,
        "said_no": x.said_no,
        "not_answered": x.not_answered,
        "shortfall": f.shortfall(false),
        "shortfall_counting_unanswered": f.shortfall(true),
        "coverage": f.coverage(),
        "settled": x.settled,
        "expected": expected,
        "counties": counties,
        "municipalities": municipalities,
    })
}

fn text_report(dataset: &Dataset, f: &FollowUp, lang: Lang) -> String {
    let mut out = String::new();
    for (label, value) in table::summary_lines(f, lang) {
        out.push_str(&format!("{label:<24} {value:>10}\n"));
    }
    if let Some(o) = crate::expect::outlook(dataset, f) {
        let w = crate::lang::Words::get(lang);
        let n = |v: f64| crate::numfmt::integer(v, lang);
        let (low, high) = o.range();
        out.push_str(&format!("{}: {} ({}–{})\n", w.decided_and_expected, n(o.expected_total()), n(low), n(high)));
        out.push_str(&format!("{:<24} {:>10}\n", w.expected_shortfall, n(o.expected_shortfall().max(0.0))));
    }
    out.push('\n');
    let counties = table::county_table(f, lang);
    for row in &counties.rows {
        let cells: Vec<String> = row.iter().map(cell_text).collect();
        out.push_str(&format!(
            "{:<24} {}: {:>4}  {}: {:>6}  {}: {:>6}  {}: {:>5}\n",
            cells[1],
            counties.headers[2],
            cells[2],
            counties.headers[7],
            cells[7],
            counties.headers[8],
            cells[8],
            counties.headers[9],
            cells[9]
        ));
    }
    out.push('\n');
    let table = table::municipality_table(dataset, f, lang);
    out.push_str(&format!(
        "{:<6} {:<28} {:>9} {:>9} {:>9} {:>9}  {}\n",
        table.headers[0],
        table.headers[1],
        table.headers[3],
        table.headers[4],
        table.headers[5],
        table.headers[6],
        table.headers[8]
    ));
    for row in &table.rows {
        let c: Vec<String> = row.iter().map(cell_text).collect();
        let name: String = c[1].chars().take(28).collect();
        out.push_str(&format!("{:<6} {:<28} {:>9} {:>9} {:>9} {:>9}  {}\n", c[0], name, c[3], c[4], c[5], c[6], c[8]));
    }
    out
}

fn cell_text(c: &crate::report::Cell) -> String {
    match c {
        crate::report::Cell::Text(t) | crate::report::Cell::Code(t) => t.clone(),
        crate::report::Cell::Int(v) => v.to_string(),
        crate::report::Cell::Number(v, d) => format!("{v:.d$}", d = *d),
        crate::report::Cell::Empty => "–".to_owned(),
    }
}
