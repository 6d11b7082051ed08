//! `bosetting figure SCENARIO --kind K --out F.svg|F.png`: a figure for print, drawn from the plan.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::engine::allocate;
use crate::export::today_in_norway;
use crate::figure::{FigureSpec, Kind, MapMeasure, Plan, render_for};
use crate::fileio::{WriteRules, write_replacing};
use crate::lang::Lang;

#[derive(clap::Args, Debug)]
pub struct FigureArgs {
    pub scenario: PathBuf,
    /// What to draw.
    #[arg(long, value_parser = ["map", "counties", "top", "concentration", "waterfall"])]
    pub kind: String,
    /// The map's measure: request, per1000, difference (from the reference column), expected_ratio (expected decision ÷
    /// request), county_deviation (from the county's recommendation, a plan made in the county round) or a dataset
    /// column id.
    #[arg(long, default_value = "request")]
    pub measure: String,
    /// The municipality of a waterfall: number (e.g. 1804) or exact name.
    #[arg(long)]
    pub code: Option<String>,
    /// Language of the texts: nb or en.
    #[arg(long, value_parser = ["nb", "en"], default_value = "nb")]
    pub lang: String,
    /// The file to write; .svg or .png.
    #[arg(long)]
    pub out: PathBuf,
    /// Replace the --out file when it exists, keeping the old one as FILE.bak.
    #[arg(long)]
    pub force: bool,
    /// Width in pixels (default 1000 for the map, 1400 for charts).
    #[arg(long)]
    pub width: Option<u32>,
    /// Height in pixels (default 1200 for the map, 900 for charts).
    #[arg(long)]
    pub height: Option<u32>,
}

pub fn run(args: &FigureArgs) -> Result<ExitCode> {
    let kind = Kind::from_key(&args.kind).context("unknown figure kind")?;
    let lang = Lang::from_code(&args.lang).unwrap_or_default();
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    super::scenario_input::reads(WriteRules::new(args.force), &args.scenario, &scenario).check(&[&args.out])?;
    let allocation = allocate(&dataset, &scenario).with_context(|| args.scenario.display().to_string())?;
    let mut spec = FigureSpec::new(kind, lang);
    spec.measure = MapMeasure::parse(&args.measure);
    spec.code = args.code.clone();
    spec.width = args.width.unwrap_or(spec.width);
    spec.height = args.height.unwrap_or(spec.height);
    let date = today_in_norway();
    let plan = Plan { dataset: &dataset, scenario: &scenario, allocation: &allocation, date: &date };
    let bytes = render_for(&args.out, &plan, &spec).with_context(|| args.out.display().to_string())?;
    write_replacing(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use crate::figure::MapMeasure;

    #[test]
    fn every_named_measure_is_on_the_command_line_page() {
        let page = include_str!("../../docs/cli.md");
        for name in MapMeasure::NAMES {
            assert!(!matches!(MapMeasure::parse(name), MapMeasure::Column(_)), "{name} is a measure");
            assert!(page.contains(name), "docs/cli.md does not name the measure {name}");
        }
    }
}
