//! `bosetting explain SCENARIO CODE`: why one municipality gets its number, in sentences and as steps.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use crate::analysis::{Explanation, StepKind, explain, explain_sentences, shown_change};
use crate::data::Dataset;
use crate::engine::allocate;
use crate::lang::Lang;
use crate::numfmt;

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// The scenario file (.ron); it names its dataset.
    pub scenario: PathBuf,
    /// Municipality number (e.g. 1804), or its exact name.
    pub code: String,
    /// Language of the sentences: nb or en.
    #[arg(long, value_parser = ["nb", "en"], default_value = "nb")]
    pub lang: String,
    /// text (sentences and a table of the steps) or json.
    #[arg(long, value_parser = ["text", "json"], default_value = "text")]
    pub format: String,
}

pub fn run(args: &ExplainArgs) -> Result<ExitCode> {
    print!("{}", super::terminal::safe(&render(args)?));
    Ok(ExitCode::SUCCESS)
}

/// The whole output, so nothing is printed when the command fails.
fn render(args: &ExplainArgs) -> Result<String> {
    let (scenario, dataset) = super::scenario_input::load(&args.scenario)?;
    let lang = Lang::from_code(&args.lang).unwrap_or_default();
    let row = match find_row(&dataset, &args.code)? {
        Found::Row(row) => row,
        Found::Candidates(rows) => return candidates(&dataset, &args.code, &rows, &args.format, lang),
    };
    let allocation = allocate(&dataset, &scenario).with_context(|| args.scenario.display().to_string())?;
    let e = explain(&dataset, &scenario, &allocation, row);
    let sentences = explain_sentences(&e, &dataset, &scenario, &allocation, lang);
    let out = if args.format == "json" {
        let value = json!({
            "scenario": scenario.name,
            "dataset": dataset.id,
            "code": e.code,
            "name": dataset.display_name(row),
            "county": dataset.municipalities[row].county_name,
            "allocation": e.allocation,
            "minors": allocation.rows[row].minors,
            "steps": e.steps.iter().map(|s| step_json(&s.kind, s.delta, s.running, lang)).collect::<Vec<_>>(),
            "sentences": sentences,
        });
        let mut text = serde_json::to_string_pretty(&value)?;
        text.push('\n');
        text
    } else {
        text_report(&dataset, &scenario.name, &e, &sentences, lang)
    };
    Ok(out)
}

/// One municipality, or the several a shared name ("Herøy") could mean.
#[derive(Debug, PartialEq)]
enum Found {
    Row(usize),
    Candidates(Vec<usize>),
}

/// The row of a municipality number, or of a name (case ignored; "Herøy (Nordland)" picks one of two).
fn find_row(dataset: &Dataset, code: &str) -> Result<Found> {
    let code = code.trim();
    let by_name = dataset.rows_named(code);
    match by_name[..] {
        [row] => Ok(Found::Row(row)),
        [] => bail!("no municipality with number or name {code:?} in the dataset {}", dataset.id),
        _ => Ok(Found::Candidates(by_name)),
    }
}

/// The municipalities a shared name could mean, with their numbers, so the next call can name one.
fn candidates(dataset: &Dataset, name: &str, rows: &[usize], format: &str, lang: Lang) -> Result<String> {
    if format == "json" {
        let list: Vec<Value> = rows
            .iter()
            .map(|&r| {
                let m = &dataset.municipalities[r];
                json!({ "code": m.code, "name": dataset.display_name(r), "county": m.county_name })
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&json!({ "name": name, "candidates": list }))?;
        text.push('\n');
        return Ok(text);
    }
    let mut out = match lang {
        Lang::Nb => format!("«{name}» er navnet på {} kommuner; gi nummeret:\n", rows.len()),
        Lang::En => format!("\"{name}\" names {} municipalities; give the number:\n", rows.len()),
    };
    for &r in rows {
        let _ = writeln!(out, "  {}  {}", dataset.municipalities[r].code, dataset.display_name(r));
    }
    Ok(out)
}

fn kind_name(kind: &StepKind) -> &'static str {
    match kind {
        StepKind::Contribution(_) => "contribution",
        StepKind::Start => "start",
        StepKind::CriteriaMove => "criteria_move",
        StepKind::Locked => "locked",
        StepKind::Excluded(_) => "excluded",
        StepKind::Cap => "cap",
        StepKind::Floor(_) => "floor",
        StepKind::Redistribution => "redistribution",
        StepKind::LockedElsewhere => "locked_elsewhere",
        StepKind::Dropped => "dropped",
        StepKind::Rounding => "rounding",
        StepKind::Minors => "minors",
    }
}

fn step_json(kind: &StepKind, delta: f64, running: f64, lang: Lang) -> Value {
    let round = |v: f64| crate::report::rounded(v, 4);
    let mut v = json!({ "kind": kind_name(kind), "delta": round(delta), "running": round(running) });
    match kind {
        StepKind::Contribution(id) => v["criterion"] = json!(id.key()),
        StepKind::Excluded(reason) => v["reason"] = json!(reason.message(lang)),
        _ => {}
    }
    v
}

/// "+0,4", "−3,1", "0,0".
fn signed(value: f64, lang: Lang) -> String {
    let text = numfmt::decimal(value, 1, lang);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { format!("+{text}") } else { text }
}

fn text_report(dataset: &Dataset, scenario: &str, e: &Explanation, sentences: &[String], lang: Lang) -> String {
    let county = &dataset.municipalities[e.row].county_name;
    let mut out = format!("{} ({}), {county} — {scenario}\n\n", dataset.display_name(e.row), e.code);
    for s in sentences {
        let _ = writeln!(out, "{s}");
    }
    let _ = writeln!(
        out,
        "\n{:<36} {:>10} {:>10}",
        lang.pick("Steg", "Step"),
        lang.pick("Endring", "Change"),
        lang.pick("Verdi", "Value")
    );
    let mut before = 0.0;
    for s in &e.steps {
        let label: String = s.kind.label(lang).chars().take(36).collect();
        let (delta, running) = match s.kind {
            StepKind::Minors => (numfmt::integer(s.delta, lang), String::new()),
            // The change between the rounded values: the column of changes adds up to the values shown.
            _ => (signed(shown_change(before, s.running, 1), lang), numfmt::decimal(s.running, 1, lang)),
        };
        if s.kind != StepKind::Minors {
            before = s.running;
        }
        let _ = writeln!(out, "{}", format!("{label:<36} {delta:>10} {running:>10}").trim_end());
    }
    let _ = writeln!(
        out,
        "{:<36} {:>10} {:>10}",
        lang.pick("Anmodning", "Request"),
        "",
        numfmt::integer(f64::from(e.allocation), lang)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(scenario: &str, code: &str, lang: &str, format: &str) -> ExplainArgs {
        ExplainArgs {
            scenario: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(scenario),
            code: code.to_owned(),
            lang: lang.to_owned(),
            format: format.to_owned(),
        }
    }

    #[test]
    fn text_has_sentences_and_the_steps() {
        let text = render(&args("imdi-2020.ron", "1804", "nb", "text")).unwrap();
        assert!(text.starts_with("Bodø (1804), Nordland — IMDi 2020\n\nStørrelse (folketall) gir "), "{text}");
        assert!(text.contains("\nAnmodning: "), "{text}");
        assert!(text.contains("\nAvrunding   "), "the table of steps: {text}");
    }

    #[test]
    fn json_steps_end_at_the_request() {
        let text = render(&args("imdi-2024.ron", "Bodø", "en", "json")).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["code"], "1804");
        let steps = v["steps"].as_array().unwrap();
        assert_eq!((&steps[0]["kind"], &steps[0]["criterion"]), (&json!("contribution"), &json!("size")));
        let last = steps.iter().rev().find(|s| s["kind"] != "minors").unwrap();
        assert_eq!(last["running"].as_f64(), v["allocation"].as_f64());
        let sentences = v["sentences"].as_array().unwrap();
        assert_eq!(sentences.last().unwrap().as_str().unwrap(), format!("Request: {}.", v["allocation"]));
    }

    #[test]
    fn an_unknown_code_is_an_error_that_names_it() {
        let e = render(&args("imdi-2020.ron", "9999", "nb", "text")).unwrap_err().to_string();
        assert!(e.contains("\"9999\"") && e.contains("norway-2020"), "{e}");
        let code = crate::cli::run(crate::cli::Command::Explain(args("imdi-2020.ron", "9999", "nb", "text")));
        assert_eq!(code, ExitCode::from(1));
    }

    #[test]
    fn a_shared_name_lists_the_candidates_with_codes() {
        let text = render(&args("imdi-2020.ron", "Herøy", "nb", "text")).unwrap();
        assert!(text.contains("1515  Herøy (Møre og Romsdal)") && text.contains("1818  Herøy (Nordland)"), "{text}");
        let json: Value =
            serde_json::from_str(&render(&args("imdi-2020.ron", "Herøy", "en", "json")).unwrap()).unwrap();
        assert_eq!(json["candidates"][1]["code"], "1818");
        let one = render(&args("imdi-2020.ron", "1818", "en", "text")).unwrap();
        assert!(one.starts_with("Herøy (Nordland) (1818), Nordland"), "{one}");
    }

    #[test]
    fn names_and_numbers_find_the_row() {
        let d = crate::data::embedded_dataset("norway-2020").unwrap();
        assert_eq!(find_row(&d, "1804").unwrap(), find_row(&d, "bodø").unwrap());
        let both = [d.index_of_code("1515").unwrap(), d.index_of_code("1818").unwrap()];
        assert_eq!(find_row(&d, "Herøy").unwrap(), Found::Candidates(both.to_vec()));
        assert_eq!(find_row(&d, "herøy (nordland)").unwrap(), Found::Row(both[1]));
        let e = find_row(&d, "9999").unwrap_err().to_string();
        assert!(e.contains("9999") && e.contains("norway-2020"), "{e}");
    }
}
