//! `bosetting apportion`: the rounding methods on their own, for checking against published results.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::engine::{Claim, Method, apportion};
use crate::fileio::read_limited;
use crate::report::neutralise;

#[derive(clap::Args, Debug)]
pub struct ApportionArgs {
    /// hamilton, dhondt, sainte-lague, modified-sainte-lague or huntington-hill.
    #[arg(long, value_parser = parse_method)]
    pub method: Method,
    #[arg(long)]
    pub seats: u32,
    /// Smallest number any row may get.
    #[arg(long, default_value_t = 0)]
    pub min: u32,
    /// Largest number any row may get.
    #[arg(long)]
    pub max: Option<u32>,
    /// CSV with a header containing `name` and `weight` (other columns are ignored).
    pub file: PathBuf,
}

/// At most this many ties are listed, each with at most this many names.
const TIE_LINES: usize = 20;
const TIE_NAMES: usize = 10;

fn parse_method(s: &str) -> Result<Method, String> {
    Method::from_cli_name(s)
        .ok_or_else(|| format!("unknown method {s:?}; use one of: {}", Method::ALL.map(Method::cli_name).join(", ")))
}

pub fn run(args: &ApportionArgs) -> Result<ExitCode> {
    if let Some(max) = args.max
        && max < args.min
    {
        bail!("--min {} is more than --max {max}: no row can get a number between them", args.min);
    }
    let file = args.file.display().to_string();
    let bytes = read_limited(&args.file)?;
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(bytes.as_slice());
    let headers = reader.headers().with_context(|| format!("{file}: cannot read the header"))?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
            .with_context(|| format!("{file}: no column {name:?} in the header"))
    };
    let (name_col, weight_col) = (column("name")?, column("weight")?);
    // One text holding every name, and one reused record: a file of millions of rows costs its own size
    // plus a few words per row, not an allocation per name and per record.
    let mut names = NameArena::default();
    let mut claims = Vec::new();
    let mut record = csv::StringRecord::new();
    for i in 0usize.. {
        let line = i + 2;
        if !reader.read_record(&mut record).with_context(|| format!("{file}, line {line}: not valid CSV"))? {
            break;
        }
        // A name written as `="0301"` (a spreadsheet's way to keep a code as text) is the text inside.
        names.push(crate::import::text_formula_value(record.get(name_col).unwrap_or("")));
        let raw = record.get(weight_col).unwrap_or("");
        let weight: f64 =
            raw.parse().ok().filter(|w: &f64| w.is_finite() && *w >= 0.0).with_context(|| {
                format!("{file}, line {line}, column weight: {raw:?} is not a number of at least 0")
            })?;
        let rank = u32::try_from(i).with_context(|| format!("{file}: more rows than {}", u32::MAX))?;
        claims.push(Claim { weight, lower: args.min, upper: args.max.unwrap_or(u32::MAX), rank });
    }
    if claims.is_empty() {
        bail!("{file}: no rows");
    }
    let result = apportion(&claims, args.seats, args.method).with_context(|| file.clone())?;
    // Summarised: a file of equal weights is one tie of every row, which named in full would be as long as
    // the file, and a file of many small ties is as many lines.
    let names_of = |idx: &[usize]| {
        let mut list: Vec<String> = idx.iter().take(TIE_NAMES).map(|&i| names.get(i).to_owned()).collect();
        if idx.len() > TIE_NAMES {
            list.push(format!("and {} more", idx.len() - TIE_NAMES));
        }
        list.join(", ")
    };
    let ties = result.ties.iter().map(|tie| {
        format!(
            "tie: {} competed for {} seat(s); {} got them (larger weight, then earlier row)",
            names_of(&tie.contenders),
            tie.units,
            names_of(&tie.winners)
        )
    });
    super::terminal::eprint_lines(ties, TIE_LINES, |n| format!("… and {n} more ties"));
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    w.write_record(["name", "weight", "seats"])?;
    for (i, (claim, seats)) in claims.iter().zip(&result.seats).enumerate() {
        let name = names.get(i);
        // Names are guarded like every other export, so a spreadsheet does not run `=cmd|...` as a formula.
        w.write_record([neutralise(name).as_ref(), &claim.weight.to_string(), &seats.to_string()])?;
    }
    w.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The rows' names in one text, each found by where it ends.
#[derive(Default)]
struct NameArena {
    text: String,
    ends: Vec<usize>,
}

impl NameArena {
    fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(self.text.len());
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}
