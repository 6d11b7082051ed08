//! `bosetting check SCENARIO`: every problem at once, so a broken file is fixed in one go; then the data
//! warnings that let the plan compute but deserve a look.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::terminal::line;
use crate::analysis::data_warnings;
use crate::engine::{allocate, plan_warnings, validate};
use crate::lang::Lang;
use crate::numfmt;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// The scenario file (.ron); it names its dataset.
    pub scenario: PathBuf,
    /// Language of the report: nb or en.
    #[arg(long, value_parser = ["nb", "en"], default_value = "nb")]
    pub lang: String,
}

pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let path = &args.scenario;
    let lang = Lang::from_code(&args.lang).unwrap_or_default();
    let (scenario, dataset) = super::scenario_input::load(path)?;
    let problems = validate(&scenario, &dataset);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("{}", line(&format!("{}: {}", path.display(), p.line(lang))));
        }
        eprintln!("{} {}", problems.len(), lang.pick("problem(er)", "problem(s)"));
        return Ok(ExitCode::from(1));
    }
    // Valid fields can still describe an impossible plan (caps too tight, minimum too high).
    if let Err(e) = allocate(&dataset, &scenario) {
        eprintln!("{}", line(&format!("{}: {}", path.display(), e.message(lang))));
        return Ok(ExitCode::from(1));
    }
    let warning = lang.pick("advarsel", "warning");
    for w in plan_warnings(&scenario, &dataset, lang) {
        eprintln!("{}", line(&format!("{}: {warning}: {w}", path.display())));
    }
    for w in data_warnings(&scenario, &dataset) {
        eprintln!("{}", line(&format!("{}: {warning}: {}", path.display(), w.message(lang))));
    }
    let missing: usize = dataset.columns.iter().map(|c| c.missing_count()).sum();
    let n = |v: usize| numfmt::integer(v as f64, lang);
    let line = match lang {
        Lang::Nb => format!(
            "{}: ok ({} kommuner i {}, {} manglende celler i datasettet)",
            path.display(),
            n(dataset.len()),
            dataset.id,
            n(missing)
        ),
        Lang::En => format!(
            "{}: ok ({} municipalities in {}, {} missing cells in the dataset)",
            path.display(),
            dataset.len(),
            dataset.id,
            missing
        ),
    };
    println!("{line}");
    Ok(ExitCode::SUCCESS)
}
