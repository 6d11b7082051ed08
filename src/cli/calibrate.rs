//! `bosetting calibrate SCENARIO`: the weights that reproduce a reference allocation, how well, and how well
//! they predict a second one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::json;

use crate::calibrate::{CalibrateOptions, Calibration, Fit, Reference, calibrate, fit};
use crate::calibrate::{reference_from_column, reference_from_csv};
use crate::data::Dataset;
use crate::fileio::WriteRules;
use crate::lang::Lang;
use crate::numfmt;
use crate::scenario::{CriterionId, Scenario, save_scenario};

#[derive(clap::Args, Debug)]
pub struct CalibrateArgs {
    /// The scenario file (.ron); it names its dataset.
    pub scenario: PathBuf,
    /// The reference allocation: a column of the scenario's dataset (e.g. anmodning_2018).
    #[arg(long, value_name = "COLUMN", conflicts_with = "reference", required_unless_present = "reference")]
    pub reference_column: Option<String>,
    /// The reference allocation: a CSV file of `kommunenummer,value` rows with a header line.
    #[arg(long, value_name = "FILE.csv")]
    pub reference: Option<PathBuf>,
    /// Fit the size exponent too (otherwise the scenario's is kept).
    #[arg(long)]
    pub fit_exponent: bool,
    /// Total to allocate while fitting and validating (default: the reference's sum).
    #[arg(long, value_name = "N")]
    pub target: Option<u32>,
    /// Fit the continuity criterion too (by default it is held at weight 0).
    #[arg(long)]
    pub include_continuity: bool,
    /// text (default) or json.
    #[arg(long, value_parser = ["text", "json"])]
    pub format: Option<String>,
    /// Save the scenario with the fitted weights to this file (not one the command reads).
    #[arg(long, value_name = "OUT.ron")]
    pub write: Option<PathBuf>,
    /// Replace the --write file when it exists, keeping the old one as FILE.bak.
    #[arg(long)]
    pub force: bool,
    /// A second dataset column to test the fitted weights on (out of sample).
    #[arg(long, value_name = "COLUMN")]
    pub validate_column: Option<String>,
    /// Fit on a transition: the column the reference's year started from (the year before's request). Fits the
    /// criteria's share and weights of a plan from that start, beside the baseline "the start scaled, its asked
    /// set kept" and a leave-one-county-out error.
    #[arg(long, value_name = "COLUMN", conflicts_with_all = ["fit_exponent", "include_continuity", "validate_column"])]
    pub start: Option<String>,
    /// Language of the text report: nb or en.
    #[arg(long, value_parser = ["nb", "en"], default_value = "nb")]
    pub lang: String,
}

/// The out-of-sample check.
struct Validation {
    column: String,
    target: u32,
    fit: Fit,
}

pub fn run(args: &CalibrateArgs) -> Result<ExitCode> {
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    let reference = match (&args.reference_column, &args.reference) {
        (Some(column), _) => reference_from_column(&dataset, column)?,
        (None, Some(path)) => {
            let bytes = crate::fileio::read_limited(path)?;
            reference_from_csv(&bytes, &path.display().to_string(), &dataset)?
        }
        (None, None) => anyhow::bail!("give the reference: --reference-column COLUMN or --reference FILE.csv"),
    };
    if let Some(path) = &args.write {
        let mut rules = super::scenario_input::reads(WriteRules::new(args.force), &args.scenario, &scenario);
        if let Some(reference) = &args.reference {
            rules = rules.input(reference, "the reference file");
        }
        rules.check(&[path])?;
    }
    if let Some(start) = &args.start {
        return run_transition(args, &scenario, &dataset, &reference, start);
    }
    let continuity = scenario.criterion(CriterionId::Continuity).and_then(|c| c.column.as_deref());
    if args.include_continuity && continuity == Some(reference.name.as_str()) {
        eprintln!(
            "warning: the continuity column {} is the reference itself, so the fit copies it (continuity near \
             100 %); to learn how requests move from one year to the next, give the year before with --start",
            super::terminal::line(&reference.name)
        );
    }
    let options = CalibrateOptions {
        fit_exponent: args.fit_exponent,
        target: args.target,
        include_continuity: args.include_continuity,
    };
    let calibration = calibrate(&dataset, &scenario, &reference, &options, &mut |_| true)
        .with_context(|| format!("calibrating {} to {}", args.scenario.display(), reference.name))?;
    let target = args.target.unwrap_or_else(|| total_of(&reference));
    let validation = match &args.validate_column {
        Some(column) => Some(validate(&dataset, &calibration.scenario, column, args.target)?),
        None => None,
    };
    if let Some(path) = &args.write {
        let saved = scenario_to_save(&calibration, &reference, target, &args.scenario, path);
        save_scenario(path, &saved)?;
    }
    let lang = Lang::from_code(&args.lang).unwrap_or_default();
    let text = match args.format.as_deref() {
        Some("json") => {
            let mut t = serde_json::to_string_pretty(&report_json(&calibration, validation.as_ref()))?;
            t.push('\n');
            t
        }
        _ => report_text(&calibration, &reference, target, validation.as_ref(), lang),
    };
    std::io::stdout().lock().write_all(super::terminal::safe(&text).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `calibrate --start`: the fit on a transition, and with --write the scenario that plans from the start.
fn run_transition(
    args: &CalibrateArgs,
    scenario: &Scenario,
    dataset: &Dataset,
    reference: &Reference,
    start: &str,
) -> Result<ExitCode> {
    let t = crate::calibrate::calibrate_transition(dataset, scenario, start, reference, args.target)
        .with_context(|| format!("calibrating {} on {start} → {}", args.scenario.display(), reference.name))?;
    if let Some(path) = &args.write {
        save_scenario(path, &super::scenario_input::rebased(&t.scenario, &args.scenario, path))?;
    }
    let lang = Lang::from_code(&args.lang).unwrap_or_default();
    let text = match args.format.as_deref() {
        Some("json") => {
            let mut t = serde_json::to_string_pretty(&super::transition::fit_json(&t, start, &reference.name))?;
            t.push('\n');
            t
        }
        _ => super::transition::fit_text(&t, start, &reference.name, lang),
    };
    std::io::stdout().lock().write_all(super::terminal::safe(&text).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The reference's sum as a whole number of persons (the calibration refuses one that rounds to 0).
fn total_of(reference: &Reference) -> u32 {
    reference.total().round().clamp(0.0, f64::from(u32::MAX)) as u32
}

fn validate(dataset: &Dataset, fitted: &Scenario, column: &str, target: Option<u32>) -> Result<Validation> {
    let reference = reference_from_column(dataset, column).context("--validate-column")?;
    let target = target.unwrap_or_else(|| total_of(&reference));
    let mut s = fitted.clone();
    s.target.total = target;
    let f = fit(dataset, &s, &reference).with_context(|| format!("validating on {column}"))?;
    Ok(Validation { column: column.to_owned(), target, fit: f })
}

/// The fitted scenario with a note on where its weights came from. A dataset file named relative to the input
/// scenario's folder is made absolute when the new file goes elsewhere, so it still opens.
fn scenario_to_save(c: &Calibration, reference: &Reference, target: u32, from: &Path, to: &Path) -> Scenario {
    let mut s = c.scenario.clone();
    let note = format!(
        "Weights calibrated to {} (target {}): MAE {:.2}, asked/not asked agree {:.1} %, R² {:.3}.",
        reference.name,
        target,
        c.fit.mae,
        c.fit.asked_agreement * 100.0,
        c.fit.r2
    );
    s.notes = if s.notes.trim().is_empty() { note } else { format!("{}\n\n{note}", s.notes.trim_end()) };
    super::scenario_input::rebased(&s, from, to)
}

/// `value` to `places` decimals: what the report shows, without binary noise (0.4862, not 0.48619999999999997).
fn rounded(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

/// Weights as shown (per cent with two decimals: four decimals of a share) that still sum to exactly 1 in those
/// units: the largest remainders get the spare units.
fn rounded_weights(weights: &[f64]) -> Vec<f64> {
    const UNITS: f64 = 10_000.0;
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return weights.to_vec();
    }
    let exact: Vec<f64> = weights.iter().map(|w| w / total * UNITS).collect();
    let mut units: Vec<i64> = exact.iter().map(|e| e.floor() as i64).collect();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b)));
    let spare = UNITS as i64 - units.iter().sum::<i64>();
    for &i in order.iter().cycle().take(usize::try_from(spare.max(0)).unwrap_or(0)) {
        units[i] += 1;
    }
    units.iter().map(|&u| u as f64 / UNITS).collect()
}

fn fit_json(f: &Fit) -> serde_json::Value {
    json!({ "mae": rounded(f.mae, 3), "asked_agreement": rounded(f.asked_agreement, 4), "r2": rounded(f.r2, 4) })
}

fn report_json(c: &Calibration, validation: Option<&Validation>) -> serde_json::Value {
    let shown = rounded_weights(&c.weights.iter().map(|(_, w)| *w).collect::<Vec<_>>());
    let weights: serde_json::Map<String, serde_json::Value> =
        c.weights.iter().zip(shown).map(|((id, _), w)| (id.key().to_owned(), json!(w))).collect();
    let mut out = json!({
        "weights": weights,
        "size_exponent": rounded(c.size_exponent, 3),
        "fit": fit_json(&c.fit),
    });
    if let Some(v) = validation {
        let mut fit = fit_json(&v.fit);
        fit["column"] = json!(v.column);
        out["validation"] = fit;
    }
    out
}

fn fit_line(f: &Fit, lang: Lang) -> String {
    format!(
        "{} {}   {} {}   R² {}",
        lang.pick("gjennomsnittlig avvik", "mean absolute error"),
        numfmt::decimal(f.mae, 2, lang),
        lang.pick("anmodet/ikke anmodet stemmer", "asked/not asked agree"),
        numfmt::percent(f.asked_agreement, 1, lang),
        numfmt::decimal(f.r2, 3, lang),
    )
}

fn report_text(c: &Calibration, r: &Reference, target: u32, v: Option<&Validation>, lang: Lang) -> String {
    let mut out = format!(
        "{} {} ({} {}, {} {})\n\n{}:\n",
        lang.pick("Kalibrert mot", "Calibrated to"),
        r.name,
        lang.pick("mål", "target"),
        numfmt::integer(f64::from(target), lang),
        r.asked(),
        lang.pick("kommuner anmodet", "municipalities asked"),
        lang.pick("Vekter", "Weights"),
    );
    let width = c.weights.iter().map(|(id, _)| id.label(lang).chars().count()).max().unwrap_or(0);
    for (id, w) in &c.weights {
        out.push_str(&format!("  {:<width$}  {:>8}\n", id.label(lang), numfmt::percent(*w, 2, lang)));
    }
    out.push_str(&format!(
        "{}: {}\n\n{}: {}\n",
        lang.pick("Størrelseseksponent", "Size exponent"),
        numfmt::decimal(c.size_exponent, 3, lang),
        lang.pick("Tilpasning", "Fit"),
        fit_line(&c.fit, lang),
    ));
    if let Some(v) = v {
        out.push_str(&format!(
            "{} {} ({} {}): {}\n",
            lang.pick("Test mot", "Test on"),
            v.column,
            lang.pick("mål", "target"),
            numfmt::integer(f64::from(v.target), lang),
            fit_line(&v.fit, lang),
        ));
    }
    out.push_str(&format!("\n{} {}\n", c.evaluations, lang.pick("fordelinger beregnet", "allocations computed")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_weights_keep_their_sum_and_lose_their_noise() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
        let w = rounded_weights(&[0.1 + 0.2, 0.7]);
        assert_eq!(w, vec![0.3, 0.7]);
        let thirds = rounded_weights(&[1.0, 1.0, 1.0]);
        assert_eq!(thirds.iter().map(|w| (w * 10_000.0).round() as i64).sum::<i64>(), 10_000);
        assert_eq!(thirds, vec![0.3334, 0.3333, 0.3333]);
        assert_eq!(rounded(0.95123456, 3), 0.951);
    }
}
