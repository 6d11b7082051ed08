//! `bosetting allocate SCENARIO`: the request to every municipality, as text, CSV, JSON or a file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::output_args::{Destination, OutputArgs};
use super::terminal::escape;
use crate::engine::allocate;
use crate::lang::Lang;
use crate::numfmt;
use crate::report::{allocation_json, result_table, write_csv};

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
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &AllocateArgs) -> Result<ExitCode> {
    let to = args.output.destination()?;
    let (mut scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    args.output.check_out(|rules| super::scenario_input::reads(rules, &args.scenario, &scenario))?;
    if let Some(t) = args.target {
        scenario.target.total = t;
    }
    if let Some(m) = args.minors {
        scenario.target.minors = m;
    }
    let allocation = allocate(&dataset, &scenario).with_context(|| args.scenario.display().to_string())?;
    write_plan(&dataset, &scenario, &allocation, &to, &args.scenario)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes a plan as text, CSV, JSON or XLSX, to a file or standard output; ties go to standard error.
pub(super) fn write_plan(
    dataset: &crate::data::Dataset,
    scenario: &crate::scenario::Scenario,
    allocation: &crate::engine::Allocation,
    to: &Destination,
    source: &std::path::Path,
) -> Result<()> {
    write_plan_with(dataset, scenario, allocation, to, source, None)
}

/// [`write_plan`], with one more field in the JSON (`next-year` adds its `"fit"`).
pub(super) fn write_plan_with(
    dataset: &crate::data::Dataset,
    scenario: &crate::scenario::Scenario,
    allocation: &crate::engine::Allocation,
    to: &Destination,
    source: &std::path::Path,
    json_extra: Option<(&str, serde_json::Value)>,
) -> Result<()> {
    let lang = to.lang;
    let bytes = match to.format.as_str() {
        "json" => {
            let mut value = allocation_json(dataset, scenario, allocation, lang);
            if let (Some((key, extra)), Some(object)) = (json_extra, value.as_object_mut()) {
                object.insert(key.to_owned(), extra);
            }
            let mut text = serde_json::to_string_pretty(&value)?;
            text.push('\n');
            text.into_bytes()
        }
        "csv" => write_csv(&result_table(dataset, scenario, allocation, lang), to.csv_style),
        "xlsx" => {
            crate::export::allocation_xlsx(dataset, scenario, allocation, lang, &crate::export::today_in_norway())?
        }
        _ => text_report(dataset, scenario, allocation, lang).into_bytes(),
    };
    to.write(&bytes)?;
    super::terminal::eprint_lines(allocation.ties.iter().map(|t| t.message(lang)), 20, |n| {
        lang.pick(&format!("… og {n} uavgjorte til"), &format!("… and {n} more ties")).to_owned()
    });
    // A request no municipality can take (a huge target, a lock above the population) is named.
    let requests = allocation.rows.iter().map(|r| Some(r.allocation));
    let doubts = crate::followup::implausible_counts(dataset, "the request", requests);
    let source = source.display();
    super::terminal::eprint_lines(doubts.into_iter().map(|w| format!("{source}: warning: {w}")), 20, |n| {
        format!("{source}: warning: … and {n} more municipalities above their population or 100 per 1,000")
    });
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
        "{:<6} {:<28} {:<22} {:>9} {:>8} {:>7} {:>9}  {}\n",
        lang.pick("Nr", "Code"),
        lang.pick("Kommune", "Municipality"),
        lang.pick("Fylke", "County"),
        lang.pick("Andel", "Quota"),
        lang.pick("Anmodn.", "Request"),
        lang.pick("Mindre.", "Minors"),
        crate::lang::Words::get(lang).per_1000,
        lang.pick("Merknad", "Note"),
    ));
    for (i, (m, r)) in dataset.municipalities.iter().zip(&allocation.rows).enumerate() {
        let name: String = escape(&dataset.display_name(i), false).chars().take(28).collect();
        let county: String = escape(&m.county_name, false).chars().take(22).collect();
        out.push_str(&format!(
            "{:<6} {:<28} {:<22} {:>9} {:>8} {:>7} {:>9}  {}\n",
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
            output: OutputArgs {
                format: None,
                out: Some(out.to_path_buf()),
                force: true,
                csv_style: csv_style.map(str::to_owned),
                lang: lang.to_owned(),
            },
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
        assert_eq!(range.height(), 358, "header, 356 municipalities and the totals row");
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
        a.output.force = false;
        let e = run(&a).unwrap_err().to_string();
        assert!(e.contains("plan.csv") && e.contains("--force"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept", "nothing is written");
        a.output.force = true;
        run(&a).unwrap();
        assert!(std::fs::read_to_string(&path).unwrap().starts_with("\u{feff}Kommunenummer;"));
    }

    #[test]
    fn xlsx_needs_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = args(&dir.path().join("x.xlsx"), "nb", None);
        a.output.out = None;
        a.output.format = Some("xlsx".into());
        assert!(run(&a).is_err());
    }
}
