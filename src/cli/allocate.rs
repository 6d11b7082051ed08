//! `bosetting allocate SCENARIO`: the request to every municipality, as text, CSV, JSON or a file.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use super::terminal::escape;
use crate::engine::allocate;
use crate::fileio::{Output, write_output};
use crate::lang::Lang;
use crate::numfmt;
use crate::report::{CsvStyle, allocation_json, result_table, write_csv};

#[derive(clap::Args, Debug)]
pub struct AllocateArgs {
    /// The scenario file (.ron); it names its dataset.
    pub scenario: PathBuf,
    /// Replace the scenario's total target.
    #[arg(long)]
    pub target: Option<u32>,
    /// Replace the scenario's number of unaccompanied minors.
    #[arg(long)]
    pub minors: Option<u32>,
    /// text (default on a terminal), csv, json or xlsx (needs --out); a file given with --out picks its format
    /// by extension.
    #[arg(long, value_parser = ["text", "csv", "json", "xlsx"])]
    pub format: Option<String>,
    /// Write to this file instead of standard output (.csv, .json, .xlsx; `-` is standard output). A file is
    /// replaced atomically and keeps its permissions; a read-only one is refused.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace the file given with --out when it exists (otherwise an existing file is kept and nothing is
    /// written).
    #[arg(long)]
    pub force: bool,
    /// CSV flavour: excel-no (semicolon, decimal comma, BOM) or plain (comma, point).
    #[arg(long, value_parser = ["excel-no", "plain"])]
    pub csv_style: Option<String>,
    /// Language of headers and notes: nb or en.
    #[arg(long, value_parser = ["nb", "en"], default_value = "nb")]
    pub lang: String,
}

pub fn run(args: &AllocateArgs) -> Result<ExitCode> {
    refuse_replacing_without_force(args.out.as_deref(), args.force)?;
    let (mut scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    if let Some(t) = args.target {
        scenario.target.total = t;
    }
    if let Some(m) = args.minors {
        scenario.target.minors = m;
    }
    let lang = Lang::from_code(&args.lang).unwrap_or_default();
    let allocation = allocate(&dataset, &scenario).with_context(|| args.scenario.display().to_string())?;
    let output = PlanOutput {
        format: args.format.as_deref(),
        out: args.out.as_deref(),
        csv_style: args.csv_style.as_deref(),
        lang,
    };
    write_plan(&dataset, &scenario, &allocation, &output)?;
    Ok(ExitCode::SUCCESS)
}

/// Asked before any work, as the planner asks before overwriting. Only a regular file is replaced; a pipe or
/// a device (`/dev/stdout`) is written through and needs no --force.
pub(super) fn refuse_replacing_without_force(out: Option<&std::path::Path>, force: bool) -> Result<()> {
    if let Some(out) = out
        && std::fs::metadata(out).is_ok_and(|m| m.is_file())
        && !force
    {
        bail!("{} exists; add --force to replace it", out.display());
    }
    Ok(())
}

/// Where and how a plan is written: `allocate`'s options, shared by every command that prints a plan.
pub(super) struct PlanOutput<'a> {
    pub format: Option<&'a str>,
    pub out: Option<&'a std::path::Path>,
    pub csv_style: Option<&'a str>,
    pub lang: Lang,
}

/// Writes a plan as text, CSV, JSON or XLSX, to a file or standard output; ties go to standard error.
pub(super) fn write_plan(
    dataset: &crate::data::Dataset,
    scenario: &crate::scenario::Scenario,
    allocation: &crate::engine::Allocation,
    plan_output: &PlanOutput,
) -> Result<()> {
    let lang = plan_output.lang;
    let output = plan_output.out.map(Output::from_arg);
    let format = match (plan_output.format, output.as_ref().and_then(Output::extension)) {
        (Some(f), _) => f.to_owned(),
        (None, Some(ext)) if ["csv", "json", "xlsx"].contains(&ext.as_str()) => ext,
        (None, Some(other)) => bail!(
            "--out {}: unknown file type .{other}; name the file .csv, .json or .xlsx, or say which format with \
             --format text|csv|json|xlsx",
            output.as_ref().map(Output::name).unwrap_or_default()
        ),
        (None, None) if matches!(output, Some(Output::File(_))) => bail!(
            "--out {}: the name has no extension, so the format is not clear; name the file .csv, .json or \
             .xlsx, or say which format with --format text|csv|json|xlsx",
            output.as_ref().map(Output::name).unwrap_or_default()
        ),
        (None, None) => "text".to_owned(),
    };
    // Plain CSV on stdout for pipelines; the Excel flavour for files people open.
    let style = match plan_output.csv_style {
        Some(s) => CsvStyle::from_cli_name(s).unwrap_or_default(),
        None if matches!(output, Some(Output::File(_))) => CsvStyle::ExcelNo,
        None => CsvStyle::Plain,
    };
    let bytes = match format.as_str() {
        "json" => {
            let mut text = serde_json::to_string_pretty(&allocation_json(dataset, scenario, allocation, lang))?;
            text.push('\n');
            text.into_bytes()
        }
        "csv" => write_csv(&result_table(dataset, scenario, allocation, lang), style),
        "xlsx" if output.is_none() => bail!("XLSX needs a file: use --out FILE.xlsx (or --out - to send it to a pipe)"),
        "xlsx" => {
            crate::export::allocation_xlsx(dataset, scenario, allocation, lang, &crate::export::today_in_norway())?
        }
        _ => text_report(dataset, scenario, allocation, lang).into_bytes(),
    };
    match &output {
        Some(out) => write_output(out, &bytes).with_context(|| format!("writing {}", out.name()))?,
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    for tie in &allocation.ties {
        eprintln!("{}", super::terminal::safe(&tie.message(lang)));
    }
    Ok(())
}

fn text_report(
    dataset: &crate::data::Dataset,
    scenario: &crate::scenario::Scenario,
    allocation: &crate::engine::Allocation,
    lang: Lang,
) -> String {
    let n = |v: f64| numfmt::integer(v, lang);
    let mut out = format!(
        "{} — {}\n{}: {}  {}: {}  {}: {}  {}: {}\n\n",
        escape(&scenario.name, false),
        escape(lang.pick(&dataset.title.nb, &dataset.title.en), false),
        lang.pick("Mål", "Target"),
        n(f64::from(allocation.target)),
        lang.pick("fordelt", "allocated"),
        n(allocation.allocated as f64),
        lang.pick("enslige mindreårige", "minors"),
        n(allocation.minors_allocated as f64),
        lang.pick("kommuner anmodet", "municipalities asked"),
        allocation.asked,
    );
    out.push_str(&format!(
        "{:<6} {:<28} {:<22} {:>9} {:>8} {:>7} {:>8}  {}\n",
        lang.pick("Nr", "Code"),
        lang.pick("Kommune", "Municipality"),
        lang.pick("Fylke", "County"),
        lang.pick("Andel", "Quota"),
        lang.pick("Anmodn.", "Request"),
        lang.pick("Mindre.", "Minors"),
        lang.pick("Per 1000", "Per 1000"),
        lang.pick("Merknad", "Note"),
    ));
    for (i, (m, r)) in dataset.municipalities.iter().zip(&allocation.rows).enumerate() {
        let name: String = escape(&dataset.display_name(i), false).chars().take(28).collect();
        let county: String = escape(&m.county_name, false).chars().take(22).collect();
        out.push_str(&format!(
            "{:<6} {:<28} {:<22} {:>9} {:>8} {:>7} {:>8}  {}\n",
            escape(&m.code, false),
            name,
            county,
            numfmt::decimal(r.quota, 1, lang),
            r.allocation,
            r.minors,
            numfmt::decimal(r.per_1000, 2, lang),
            r.reason().map(|x| x.message(lang)).unwrap_or_default()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use calamine::{Data, Reader, Xlsx, open_workbook};

    use super::*;

    fn args(out: &Path, lang: &str, csv_style: Option<&str>) -> AllocateArgs {
        AllocateArgs {
            scenario: Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2020.ron"),
            target: None,
            minors: None,
            format: None,
            out: Some(out.to_path_buf()),
            force: true,
            csv_style: csv_style.map(str::to_owned),
            lang: lang.to_owned(),
        }
    }

    #[test]
    fn out_xlsx_writes_a_workbook() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("imdi.xlsx");
        run(&args(&path, "en", None)).unwrap();
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(book.sheet_names(), ["Summary", "Municipalities", "Counties", "Parameters"]);
        let range = book.worksheet_range("Municipalities").unwrap();
        assert_eq!(range.height(), 357);
        assert_eq!(range.get((1, 0)), Some(&Data::String("0301".into())));
    }

    #[test]
    fn out_csv_follows_the_style() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("imdi.csv");
        run(&args(&path, "nb", None)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("\u{feff}Kommunenummer;Kommune;"), "Excel style by default for files");
        run(&args(&path, "en", Some("plain"))).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("Code,Municipality,"));
    }

    #[test]
    fn an_existing_out_file_needs_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.csv");
        std::fs::write(&path, "kept").unwrap();
        let mut a = args(&path, "nb", None);
        a.force = false;
        let e = run(&a).unwrap_err().to_string();
        assert!(e.contains("plan.csv") && e.contains("--force"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept", "nothing is written");
        a.force = true;
        run(&a).unwrap();
        assert!(std::fs::read_to_string(&path).unwrap().starts_with("\u{feff}Kommunenummer;"));
    }

    #[test]
    fn xlsx_needs_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = args(&dir.path().join("x.xlsx"), "nb", None);
        a.out = None;
        a.format = Some("xlsx".into());
        assert!(run(&a).is_err());
    }
}
