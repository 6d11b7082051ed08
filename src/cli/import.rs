//! `bosetting import`: add an indicator from a CSV, SSB statbank export or JSON-stat file to a dataset.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::data::{
    ColumnMeta, Dataset, Direction, Kind, Text, add_column, embedded_dataset, load_dataset_file, save_dataset_file,
};
use crate::fileio::read_limited;
use crate::import::{Table, extract, guess_columns, match_codes, read_table};
use crate::scenario::MissingPolicy;

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The file to import: CSV, SSB statbank CSV or JSON-stat 2.0.
    pub file: PathBuf,
    /// The dataset to add to: norway-2020, norway-2024, or a dataset file.
    #[arg(long)]
    pub dataset: String,
    /// Column with municipality codes (header name or 1-based number); guessed when left out.
    #[arg(long)]
    pub code_column: Option<String>,
    /// Column with the values (header name or 1-based number); guessed when left out.
    #[arg(long)]
    pub value_column: Option<String>,
    /// Id of the new column (letters, digits, _), e.g. sysselsetting_2024_pst.
    #[arg(long)]
    pub name: String,
    /// Label shown to users (defaults to the name).
    #[arg(long)]
    pub label: Option<String>,
    /// Unit of the values as shown after numbers, e.g. "%" or "personer".
    #[arg(long, default_value = "")]
    pub unit: String,
    /// Year (or span) the values describe, e.g. 2024 or 2017–2019.
    #[arg(long, default_value = "")]
    pub year: String,
    /// Who published the values.
    #[arg(long, default_value = "SSB")]
    pub source: String,
    /// Licence of the values.
    #[arg(long, default_value = "NLOD 2.0")]
    pub licence: String,
    /// higher (higher is better) or lower.
    #[arg(long, value_parser = ["higher", "lower"], default_value = "higher")]
    pub direction: String,
    /// intensive (a rate, e.g. %) or extensive (a count).
    #[arg(long, value_parser = ["intensive", "extensive"], default_value = "intensive")]
    pub kind: String,
    /// Refuse the import when any code is not in the dataset (default: leave those rows out and report them).
    #[arg(long)]
    pub strict: bool,
    /// Where to write the dataset with the new column (`*.dataset.ron`).
    #[arg(long)]
    pub out: PathBuf,
}

fn column_index(table: &Table, spec: &str, what: &str) -> Result<usize> {
    if let Some(i) = table.headers.iter().position(|h| h.eq_ignore_ascii_case(spec)) {
        return Ok(i);
    }
    match spec.parse::<usize>() {
        Ok(n) if (1..=table.headers.len()).contains(&n) => Ok(n - 1),
        _ => bail!(
            "{}: no {what} column {spec:?}; the columns are: {}",
            table.source_name,
            table.headers.iter().enumerate().map(|(i, h)| format!("{} {h:?}", i + 1)).collect::<Vec<_>>().join(", ")
        ),
    }
}

pub fn base_dataset(spec: &str) -> Result<Dataset> {
    if crate::data::EMBEDDED_IDS.contains(&spec) {
        return Ok(embedded_dataset(spec)?);
    }
    Ok(load_dataset_file(std::path::Path::new(spec))?)
}

pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    let dataset = base_dataset(&args.dataset)?;
    let bytes = read_limited(&args.file)?;
    let table = read_table(&bytes, &args.file.display().to_string())?;
    let guessed = guess_columns(&table);
    let code_col = match &args.code_column {
        Some(c) => column_index(&table, c, "code")?,
        None => guessed.map(|g| g.0).with_context(|| {
            format!("{}: cannot tell which column holds municipality codes; use --code-column", table.source_name)
        })?,
    };
    let value_col = match &args.value_column {
        Some(c) => column_index(&table, c, "value")?,
        None => guessed.map(|g| g.1).with_context(|| {
            format!("{}: cannot tell which column holds the values; use --value-column", table.source_name)
        })?,
    };
    let extracted = extract(&table, code_col, value_col);
    for p in &extracted.problems {
        eprintln!("{}: {p}", table.source_name);
    }
    let codes: Vec<&str> = dataset.municipalities.iter().map(|m| m.code.as_str()).collect();
    let matched = match_codes(&extracted, &codes);
    for (code, line) in &matched.unknown_codes {
        eprintln!("{}, line {line}: code {code} is not a municipality of {} (left out)", table.source_name, dataset.id);
    }
    if args.strict && !matched.unknown_codes.is_empty() {
        bail!("{}: {} codes are not in the dataset (--strict)", table.source_name, matched.unknown_codes.len());
    }
    let label = args.label.clone().unwrap_or_else(|| args.name.clone());
    let meta = ColumnMeta {
        id: args.name.clone(),
        label: Text::new(&label, &label),
        unit: args.unit.clone(),
        year: args.year.clone(),
        source: args.source.clone(),
        licence: args.licence.clone(),
        direction: if args.direction == "lower" { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
        kind: if args.kind == "extensive" { Kind::Extensive } else { Kind::Intensive },
        default_missing: if args.kind == "extensive" { MissingPolicy::Zero } else { MissingPolicy::CountyMedian },
        range: None,
    };
    let mut out = add_column(&dataset, meta, &matched.matched).with_context(|| table.source_name.clone())?;
    out.title.nb = format!("{} + {label}", out.title.nb);
    out.title.en = format!("{} + {label}", out.title.en);
    save_dataset_file(&out, &args.out)?;
    let filled = matched.matched.iter().filter(|(_, v)| v.is_some()).count();
    eprintln!(
        "{}: added {} with {filled} values ({} municipalities without a value, {} unknown codes left out)",
        args.out.display(),
        args.name,
        dataset.len() - filled,
        matched.unknown_codes.len()
    );
    Ok(ExitCode::SUCCESS)
}
