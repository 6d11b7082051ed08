//! `bosetting county-round export|reconcile`: the county round from the command line — one workbook per
//! county out, the returned recommendations in, and the final request with its deviation log.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::json;

use super::output_args::OutputArgs;
use super::terminal::escape;
use crate::county_round::{
    Frames, Limits, Override, Reconciled, ReturnedFile, RoundInput, check_frames, final_scenario, frames_from_column,
    frames_from_plan, frames_from_table, read_recommendations, reconcile,
};
use crate::data::Dataset;
use crate::engine::{Allocation, allocate};
use crate::export::{RoundWorkbooks, county_round_workbooks, reconciled_xlsx, today_in_norway};
use crate::fileio::{WriteRules, read_limited, write_all_replacing};
use crate::lang::Lang;
use crate::numfmt;
use crate::report::{allocation_json, result_table, write_csv};
use crate::scenario::Scenario;

#[derive(clap::Args, Debug)]
pub struct CountyRoundArgs {
    #[command(subcommand)]
    pub command: CountyRoundCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum CountyRoundCommand {
    /// One workbook per county (and one for all) for the counties to fill in: the proposal, earlier numbers,
    /// the criteria, the frame and an open Anbefaling column.
    Export(ExportArgs),
    /// Reads the counties' returned recommendations and brings them to the frames: the final request in
    /// `allocate`'s schema, with the deviation log and the county status.
    Reconcile(ReconcileArgs),
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The scenario file (.ron); it names its dataset.
    pub scenario: PathBuf,
    /// The county frames: `model` (the plan's county totals), a dataset column (its county sums, scaled to the
    /// need) or a CSV file of `county,frame` rows.
    #[arg(long, default_value = "model")]
    pub frames: String,
    /// The folder for the workbooks; created if missing. A folder with files in it needs --force.
    #[arg(long)]
    pub out: PathBuf,
    /// Write into a folder that has files, replacing workbooks of the same name (each kept as FILE.bak).
    #[arg(long)]
    pub force: bool,
    /// Dataset columns shown beside the proposal; by default the latest request, decisions and settled.
    #[arg(long = "earlier")]
    pub earlier: Vec<String>,
    /// Language of the workbooks: nb or en.
    #[arg(long, value_parser = ["nb", "en"], default_value = "nb")]
    pub lang: String,
}

#[derive(clap::Args, Debug)]
pub struct ReconcileArgs {
    /// The scenario file (.ron); it names its dataset.
    pub scenario: PathBuf,
    /// The returned files (workbooks or CSV), in any order.
    #[arg(long, num_args = 1.., required = true)]
    pub recommendations: Vec<PathBuf>,
    /// The county frames, as for `export`.
    #[arg(long, default_value = "model")]
    pub frames: String,
    /// Keep each answering county's own sum instead of bringing it to its frame.
    #[arg(long)]
    pub accept_county_sums: bool,
    /// Set a municipality by hand: CODE=NUMBER:REASON (repeatable).
    #[arg(long = "set")]
    pub set: Vec<String>,
    /// Freeze the final request as the request round of this year file (`*.year.ron`), dated today.
    #[arg(long)]
    pub year: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &CountyRoundArgs) -> Result<ExitCode> {
    match &args.command {
        CountyRoundCommand::Export(a) => export(a),
        CountyRoundCommand::Reconcile(a) => reconcile_command(a),
    }
}

/// The scenario, its dataset, the model's plan and the frames, checked against the scenario's bounds.
fn load(path: &Path, frames_arg: &str) -> Result<(Scenario, Dataset, Allocation, Frames)> {
    let (scenario, dataset) = super::scenario_input::load(path)?;
    let allocation = allocate(&dataset, &scenario).with_context(|| path.display().to_string())?;
    let proposal: Vec<u32> = allocation.rows.iter().map(|r| r.allocation).collect();
    let need = scenario.target.total;
    let frames = if frames_arg == "model" {
        frames_from_plan(&dataset, &proposal)
    } else if dataset.column(frames_arg).is_some() {
        frames_from_column(&dataset, frames_arg, need)?
    } else if Path::new(frames_arg).is_file() {
        let bytes = read_limited(Path::new(frames_arg))?;
        frames_from_table(&bytes, frames_arg, &dataset, need)?
    } else {
        bail!("--frames {frames_arg}: neither `model`, a column of the dataset {}, nor a file", dataset.id);
    };
    check_frames(&dataset, &Limits::of_plan(&allocation), &frames).with_context(|| format!("--frames {frames_arg}"))?;
    Ok((scenario, dataset, allocation, frames))
}

fn export(args: &ExportArgs) -> Result<ExitCode> {
    let lang = Lang::from_code(&args.lang).unwrap_or_default();
    let (scenario, dataset, allocation, frames) = load(&args.scenario, &args.frames)?;
    let has_files = args.out.is_dir() && std::fs::read_dir(&args.out)?.next().is_some();
    if has_files && !args.force {
        bail!("{} has files in it; add --force to write the workbooks there", args.out.display());
    }
    let earlier = if args.earlier.is_empty() { crate::export::latest_earlier(&dataset) } else { args.earlier.clone() };
    if let Some(missing) = earlier.iter().find(|id| dataset.column(id).is_none()) {
        bail!("--earlier {missing}: no such column in the dataset {}", dataset.id);
    }
    let saved_at = today_in_norway();
    let books = county_round_workbooks(&RoundWorkbooks {
        dataset: &dataset,
        scenario: &scenario,
        allocation: &allocation,
        frames: &frames,
        earlier,
        lang,
        saved_at: &saved_at,
    })?;
    let paths: Vec<PathBuf> = books.iter().map(|(name, _)| args.out.join(name)).collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    super::scenario_input::reads(WriteRules::new(args.force), &args.scenario, &scenario).check(&refs)?;
    std::fs::create_dir_all(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let files: Vec<(&Path, &[u8])> = refs.iter().zip(&books).map(|(p, (_, b))| (*p, b.as_slice())).collect();
    write_all_replacing(&files).map_err(|(p, e)| anyhow::anyhow!("cannot write {}: {e}", p.display()))?;
    for p in &paths {
        println!("{}", escape(&p.display().to_string(), false));
    }
    Ok(ExitCode::SUCCESS)
}

/// `CODE=NUMBER:REASON`.
fn parse_set(text: &str) -> Result<Override> {
    let usage = || format!("--set {text}: write CODE=NUMBER:REASON, as --set 4601=1150:\"agreed with Bergen\"");
    let (code, rest) = text.split_once('=').with_context(usage)?;
    let (value, reason) = rest.split_once(':').with_context(usage)?;
    let code = crate::import::municipality_code(code).with_context(usage)?;
    let value: u32 = value.trim().parse().ok().with_context(usage)?;
    Ok(Override { code, value, reason: reason.trim().to_owned() })
}

fn reconcile_command(args: &ReconcileArgs) -> Result<ExitCode> {
    let to = args.output.destination()?;
    let lang = to.lang;
    let (scenario, dataset, allocation, frames) = load(&args.scenario, &args.frames)?;
    args.output.check_out(|rules| {
        let mut rules = super::scenario_input::reads(rules, &args.scenario, &scenario);
        if let Some(year) = &args.year {
            rules = rules.input(year, "the year file the command records the round in");
        }
        args.recommendations.iter().fold(rules, |r, p| r.input(p, "a file of recommendations the command reads"))
    })?;
    let overrides = args.set.iter().map(|s| parse_set(s)).collect::<Result<Vec<_>>>()?;
    let contents: Vec<Vec<u8>> = args.recommendations.iter().map(|p| read_limited(p)).collect::<Result<_, _>>()?;
    let today = today_in_norway();
    let files: Vec<ReturnedFile> = args
        .recommendations
        .iter()
        .zip(&contents)
        .map(|(p, bytes)| {
            // The day the file came in: when it was last saved, else today.
            let saved = std::fs::metadata(p).and_then(|m| m.modified()).ok();
            let date = saved.map_or_else(|| today.clone(), crate::dates::date_in_norway);
            ReturnedFile { name: p.display().to_string(), bytes, date }
        })
        .collect();
    let recommendations = read_recommendations(&files, &dataset)?;
    for (file, report) in &recommendations.moved {
        eprintln!("{}: {}", escape(file, false), report.summary(lang));
    }
    let proposal: Vec<u32> = allocation.rows.iter().map(|r| r.allocation).collect();
    let limits = Limits::of_plan(&allocation);
    let reconciled = reconcile(&RoundInput {
        dataset: &dataset,
        proposal: &proposal,
        limits: &limits,
        frames: &frames,
        recommendations: &recommendations,
        overrides: &overrides,
        accept_county_sums: args.accept_county_sums,
        method: scenario.rounding,
    })?;
    let plan = final_scenario(&dataset, &scenario, &reconciled, lang);
    let final_allocation = allocate(&dataset, &plan).context("the reconciled plan")?;
    let bytes = match to.format.as_str() {
        "json" => {
            let mut value = allocation_json(&dataset, &plan, &final_allocation, lang);
            value["deviations"] = deviations_json(&reconciled, lang);
            value["counties"] = counties_json(&reconciled);
            let mut text = serde_json::to_string_pretty(&value)?;
            text.push('\n');
            text.into_bytes()
        }
        "csv" => write_csv(&result_table(&dataset, &plan, &final_allocation, lang), to.csv_style),
        "xlsx" => reconciled_xlsx(&dataset, &plan, &final_allocation, &reconciled, lang, &today)?,
        _ => text_report(&reconciled, lang).into_bytes(),
    };
    to.write(&bytes)?;
    if let Some(path) = &args.year {
        freeze(path, &dataset, &reconciled)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Records the final request as the year's request round, with its deviation log.
fn freeze(path: &Path, dataset: &Dataset, reconciled: &Reconciled) -> Result<()> {
    let (mut year, year_dataset, warning) = crate::year::open_year(path)?;
    if let Some(w) = warning {
        eprintln!("warning: {}", super::terminal::line(&w));
    }
    if year_dataset.id != dataset.id {
        bail!("{}: the year is on the dataset {}, the scenario on {}", path.display(), year_dataset.id, dataset.id);
    }
    let counts = dataset.municipalities.iter().zip(&reconciled.requests).map(|(m, &v)| (m.code.clone(), v)).collect();
    let note = format!("fylkesrunden: {} avvik fra fylkenes anbefalinger", reconciled.deviations.len());
    let date = crate::year::Date::today();
    let mut made =
        crate::year::recorded_round(&year, &year_dataset, crate::year::RoundKind::Request, date, &counts, &note)
            .with_context(|| path.display().to_string())?;
    // The log travels with the round: a sent request says where and why it left the counties' numbers.
    made.round.deviations = reconciled.deviations.iter().map(|d| (d.code.clone(), d.recorded())).collect();
    year.add_round(made).with_context(|| path.display().to_string())?;
    crate::year::save_year(path, &year)?;
    eprintln!("{}: request round {} recorded", path.display(), year.rounds.len());
    Ok(())
}

fn deviations_json(r: &Reconciled, lang: Lang) -> serde_json::Value {
    r.deviations
        .iter()
        .map(|d| {
            json!({
                "code": d.code,
                "name": d.name,
                "county": d.county,
                "recommended": d.recommended,
                "final": d.final_request,
                "difference": d.difference(),
                "reason": d.reason.label(lang),
                "reason_code": d.reason.key(),
            })
        })
        .collect()
}

fn counties_json(r: &Reconciled) -> serde_json::Value {
    r.counties
        .iter()
        .map(|c| {
            json!({
                "county": c.name,
                "code": c.code,
                "frame": c.frame,
                "recommended": c.recommended,
                "final": c.final_total,
                "status": c.state.key(),
                "recommended_zero": c.zeros,
                "received": (!c.received.is_empty()).then_some(&c.received),
            })
        })
        .collect()
}

/// The county status, then the deviation log.
fn text_report(r: &Reconciled, lang: Lang) -> String {
    let n = |v: f64| numfmt::integer(v, lang);
    let mut out = format!(
        "{:<28} {:>8} {:>9} {:>8}  {:<9} {:>6}\n",
        lang.pick("Fylke", "County"),
        lang.pick("Ramme", "Frame"),
        lang.pick("Anbefalt", "Recomm."),
        lang.pick("Endelig", "Final"),
        lang.pick("Status", "Status"),
        lang.pick("Null", "Zero"),
    );
    for c in &r.counties {
        let name: String = escape(&c.name, false).chars().take(28).collect();
        out.push_str(&format!(
            "{:<28} {:>8} {:>9} {:>8}  {:<9} {:>6}\n",
            name,
            n(f64::from(c.frame)),
            c.recommended.map(|v| n(v as f64)).unwrap_or_else(|| "–".into()),
            n(c.final_total as f64),
            c.state.label(lang),
            c.zeros
        ));
    }
    out.push_str(&format!("\n{} ({})\n", lang.pick("Avvik", "Deviations"), r.deviations.len()));
    for d in &r.deviations {
        let name: String = escape(&d.name, false).chars().take(24).collect();
        out.push_str(&format!(
            "{:<6} {:<24} {:>8} {:>8} {:>+6}  {}\n",
            escape(&d.code, false),
            name,
            n(f64::from(d.recommended)),
            n(f64::from(d.final_request)),
            d.difference(),
            escape(&d.reason.label(lang), false)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_names_code_number_and_reason() {
        let o = parse_set("4601=1150:agreed with Bergen").unwrap();
        assert_eq!((o.code.as_str(), o.value, o.reason.as_str()), ("4601", 1150, "agreed with Bergen"));
        assert!(parse_set("4601:1150").unwrap_err().to_string().contains("CODE=NUMBER:REASON"));
        assert!(parse_set("4601=x:why").is_err());
    }
}
