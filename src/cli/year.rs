//! `bosetting year new|round|decisions|settled|status|withdraw`: the settlement year as a file of its own, made and
//! followed up with the same engine.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use super::allocate::write_plan;
use super::output_args::OutputArgs;
use super::terminal::safe;
use crate::data::Dataset;
use crate::followup::{Among, ReviseMode};
use crate::lang::Lang;
use crate::year::{
    Counts, Date, MadeRound, Need, Revision, RoundKind, Snapshot, Year, add_sent_columns, counts_from_column,
    counts_from_table, dataset_ref_for, new_year, open_year, recorded_round, request_round, revision_round, save_year,
    shortfall_round, year_status,
};

#[derive(clap::Args, Debug)]
pub struct YearArgs {
    #[command(subcommand)]
    pub command: YearCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum YearCommand {
    /// Start a year from a plan (scenario) and the year's need. Sent plans kept in the dataset (columns with
    /// the role of a sent plan, `anmodning_sendt…`) become its first rounds.
    New(NewArgs),
    /// Make the next round from the year's state and freeze it into the file (or record one made elsewhere).
    Round(RoundArgs),
    /// Add a dated snapshot of the municipalities' decisions.
    Decisions(SnapshotArgs),
    /// Add a dated snapshot of the refugees settled so far.
    Settled(SnapshotArgs),
    /// Where the year stands: target, requested, decided, shortfall, coverage, settled; per county and
    /// municipality, and the timeline of rounds.
    Status(StatusArgs),
    /// Take a sent round back: it counts nowhere afterwards, and is kept in the file with the date and reason.
    Withdraw(WithdrawArgs),
}

#[derive(clap::Args, Debug)]
pub struct WithdrawArgs {
    pub file: PathBuf,
    /// The round's number, as `year status` shows it (from 1).
    #[arg(long)]
    pub round: usize,
    /// Why it is taken back; kept in the file.
    #[arg(long)]
    pub reason: String,
    /// The date it is taken back (YYYY-MM-DD; default today).
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct NewArgs {
    /// The plan the year's rounds are made from.
    #[arg(long)]
    pub scenario: PathBuf,
    /// The year's need: refugees to settle.
    #[arg(long)]
    pub target: u32,
    /// Of which unaccompanied minors.
    #[arg(long, default_value_t = 0)]
    pub minors: u32,
    /// The settlement year (default: the dataset's year).
    #[arg(long)]
    pub year: Option<i32>,
    /// The date of the need (YYYY-MM-DD; default today).
    #[arg(long)]
    pub date: Option<String>,
    /// The year file to write (e.g. 2024.year.ron).
    #[arg(long)]
    pub out: PathBuf,
    /// Replace the file when it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct RoundArgs {
    pub file: PathBuf,
    #[arg(long, value_parser = ["request", "shortfall", "revision"])]
    pub kind: String,
    /// The round's total: a request's (default: the need), a revision's new total (required there).
    #[arg(long)]
    pub target: Option<u32>,
    /// A request's unaccompanied minors (default: the need's).
    #[arg(long)]
    pub minors: Option<u32>,
    /// A shortfall round: who is asked again.
    #[arg(long, value_parser = ["yes", "above", "unanswered", "all-but-no"], default_value = "yes")]
    pub among: String,
    /// A shortfall round: count those not answered at their request.
    #[arg(long)]
    pub count_unanswered: bool,
    /// A revision: keep the decisions made as they are.
    #[arg(long)]
    pub keep_decisions: bool,
    /// A revision: proportional (IMDi 2020) or criteria.
    #[arg(long, value_parser = ["proportional", "criteria"], default_value = "proportional")]
    pub mode: String,
    /// A revision: drop the plan's bounds (change band, caps), which are kept by default.
    #[arg(long)]
    pub drop_bounds: bool,
    /// A revision: at most this many per 1,000 inhabitants (a cap, and the line its warning draws).
    #[arg(long)]
    pub max_per_1000: Option<f64>,
    /// Record the revision although places pile up (the warnings are still printed).
    #[arg(long)]
    pub accept_warnings: bool,
    /// The round's date (YYYY-MM-DD; default today).
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, default_value = "")]
    pub note: String,
    /// Record a round made elsewhere: a dataset column, or a CSV file or Excel workbook (.xlsx, first sheet)
    /// of municipality code and places under a header row.
    #[arg(long)]
    pub from: Option<String>,
    /// Print the round in `allocate`'s formats without writing the year; warnings go to standard error.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(clap::Args, Debug)]
pub struct SnapshotArgs {
    pub file: PathBuf,
    /// A dataset column, or a CSV file or Excel workbook (.xlsx, first sheet) of municipality code and count
    /// under a header row (empty or unlisted: not answered).
    #[arg(long)]
    pub from: String,
    /// The snapshot's date (YYYY-MM-DD; default today).
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(clap::Args, Debug)]
pub struct StatusArgs {
    pub file: PathBuf,
    /// The status as it stood on this date (YYYY-MM-DD; default everything in the file).
    #[arg(long)]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &YearArgs) -> Result<ExitCode> {
    match &args.command {
        YearCommand::New(a) => new(a),
        YearCommand::Round(a) => round(a),
        YearCommand::Decisions(a) => snapshot(a, false),
        YearCommand::Settled(a) => snapshot(a, true),
        YearCommand::Status(a) => super::year_report::status(a),
        YearCommand::Withdraw(a) => withdraw(a),
    }
}

fn date_or_today(date: Option<&str>) -> Result<Date> {
    date.map_or_else(|| Ok(Date::today()), |d| d.parse().map_err(|e| anyhow::anyhow!("--date: {e}")))
}

fn open(path: &Path) -> Result<(Year, Dataset)> {
    let (year, dataset, warning) = open_year(path)?;
    if let Some(w) = warning {
        eprintln!("warning: {}", safe(&w));
    }
    Ok((year, dataset))
}

/// Numbers from a dataset column, or else from a CSV file or workbook (relative to the working folder).
pub(super) fn read_counts(dataset: &Dataset, from: &str) -> Result<Counts> {
    if dataset.column(from).is_some() {
        return Ok(counts_from_column(dataset, from)?);
    }
    let path = Path::new(from);
    if !path.exists() {
        bail!("{from:?} is neither a column of the dataset {} nor a file", dataset.id);
    }
    let bytes = crate::fileio::read_limited(path)?;
    Ok(counts_from_table(&bytes, &path.display().to_string(), dataset)?)
}

fn new(args: &NewArgs) -> Result<ExitCode> {
    if args.out.exists() && !args.force {
        bail!("{} exists; add --force to replace it", args.out.display());
    }
    let date = date_or_today(args.date.as_deref())?;
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    let dataset_ref = dataset_ref_for(&scenario, &args.scenario, &args.out);
    let need = Need { date, total: args.target, minors: args.minors, note: String::new() };
    let mut year = new_year(&scenario, dataset_ref, &dataset, args.year.unwrap_or(dataset.year), need);
    let sent = add_sent_columns(&mut year, &dataset, date)
        .with_context(|| format!("{}: the sent plans in the dataset", args.scenario.display()))?;
    if sent > 0 {
        eprintln!(
            "note: {sent} sent plan(s) of the dataset (columns with the role sent:N) recorded as rounds dated {date}"
        );
    }
    save_year(&args.out, &year)?;
    Ok(ExitCode::SUCCESS)
}

fn made_round(args: &RoundArgs, year: &Year, dataset: &Dataset, kind: RoundKind, date: Date) -> Result<MadeRound> {
    if let Some(from) = &args.from {
        let counts = read_counts(dataset, from)?;
        let note = if args.note.is_empty() { from.clone() } else { args.note.clone() };
        return Ok(recorded_round(year, dataset, kind, date, &counts, &note)?);
    }
    let made = match kind {
        RoundKind::Request => {
            let need = year.need_at(Some(date));
            let target = args.target.map(|t| (t, args.minors.or(need.map(|n| n.minors)).unwrap_or(0).min(t)));
            request_round(year, dataset, date, target, &args.note)?
        }
        RoundKind::Shortfall => {
            let among = Among::from_cli_name(&args.among).unwrap_or_default();
            shortfall_round(year, dataset, date, among, args.count_unanswered, &args.note)?
        }
        RoundKind::Revision => {
            let Some(target) = args.target else { bail!("a revision needs its new total: --target N") };
            let mode = ReviseMode::from_cli_name(&args.mode).unwrap_or_default();
            let revision = Revision {
                target,
                keep_decisions: args.keep_decisions,
                mode,
                keep_plan_bounds: !args.drop_bounds,
                ceiling: args.max_per_1000,
            };
            revision_round(year, dataset, date, revision, &args.note).with_context(|| {
                if revision.keep_plan_bounds { "with the plan's bounds kept (--drop-bounds drops them)" } else { "" }
            })?
        }
    };
    Ok(made)
}

fn round(args: &RoundArgs) -> Result<ExitCode> {
    let kind = RoundKind::from_key(&args.kind).unwrap_or(RoundKind::Request);
    let date = date_or_today(args.date.as_deref())?;
    let (mut year, dataset) = open(&args.file)?;
    let made = made_round(args, &year, &dataset, kind, date)
        .with_context(|| format!("{}: {} dated {date}", args.file.display(), kind.key()))?;
    let lang: Lang = args.output.lang();
    for w in &made.warnings {
        eprintln!("warning: {}", safe(&w.message(&made.dataset, &made.after, lang)));
    }
    if args.dry_run {
        args.output.check_out(|rules| rules.input(&args.file, "the year file the command reads"))?;
        write_plan(&made.dataset, &made.round.scenario, &made.allocation, &args.output.destination()?, &args.file)?;
        return Ok(ExitCode::SUCCESS);
    }
    if !made.warnings.is_empty() && !args.accept_warnings {
        bail!(
            "{}: the revision was not recorded, as places pile up (above); cap it with --max-per-1000 N, keep the \
             plan's bounds, or record it anyway with --accept-warnings",
            args.file.display()
        );
    }
    let total = made.round.total();
    let asked = made.round.asked();
    year.add_round(made).with_context(|| args.file.display().to_string())?;
    save_year(&args.file, &year)?;
    eprintln!("{} {} {date}: {total} places, {asked} municipalities", year.rounds.len(), kind.key());
    Ok(ExitCode::SUCCESS)
}

fn snapshot(args: &SnapshotArgs, settled: bool) -> Result<ExitCode> {
    let date = date_or_today(args.date.as_deref())?;
    let (mut year, dataset) = open(&args.file)?;
    let counts = read_counts(&dataset, &args.from).with_context(|| args.file.display().to_string())?;
    let snapshot = Snapshot { date, source: args.from.clone(), counts };
    let list = if settled { &mut year.settled } else { &mut year.decisions };
    list.push(snapshot);
    save_year(&args.file, &year)?;
    let status = year_status(&year, &dataset, None)?;
    let what = if settled { "settled" } else { "decided" };
    let value = if settled { status.settled() } else { status.decided() };
    eprintln!("{what}: {value} (as of {date})");
    Ok(ExitCode::SUCCESS)
}

fn withdraw(args: &WithdrawArgs) -> Result<ExitCode> {
    let date = date_or_today(args.date.as_deref())?;
    let (mut year, _) = open(&args.file)?;
    let w = year.withdraw(args.round, date, &args.reason).with_context(|| args.file.display().to_string())?;
    let (kind, round_date, total) = (w.round.kind.key(), w.round.date, w.round.total());
    save_year(&args.file, &year)?;
    eprintln!("round {} ({kind} {round_date}, {total} places) withdrawn on {date}; kept in the file", args.round);
    Ok(ExitCode::SUCCESS)
}
