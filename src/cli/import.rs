//! `bosetting import`: add an indicator from a CSV, SSB statbank export or JSON-stat file to a dataset.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use crate::data::{
    ColumnMeta, ColumnRole, Dataset, Direction, Kind, Text, add_column, dataset_file_text, embedded_dataset,
    load_dataset_file,
};
use crate::fileio::{Output, WriteRules, read_limited, write_output};
use crate::import::borders::to_dataset_borders;
use crate::import::{
    Conflict, Guess, KindReason, Table, extract, guess, guess_kind, guess_role, match_codes, read_table,
};
use crate::lang::Lang;
use crate::scenario::MissingPolicy;

use super::terminal::line;

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
    /// Who published the values, e.g. "SSB, tabell 13563" (required: a file does not say who made its numbers,
    /// so nothing is credited by default).
    #[arg(long, value_parser = filled_in)]
    pub source: String,
    /// The terms the values may be used on, e.g. "CC BY 4.0" (required, like --source).
    #[arg(long, visible_alias = "license", value_parser = filled_in)]
    pub licence: String,
    #[command(flatten)]
    pub column: NewColumnArgs,
    /// Where to write the dataset with the new column (`*.dataset.ron`; `-` is standard output). It may not be
    /// the imported file or the dataset file itself.
    #[arg(long)]
    pub out: PathBuf,
    /// Replace the --out file when it exists, keeping the old one as FILE.bak.
    #[arg(long)]
    pub force: bool,
}

/// How the new column is read and matched: the options `import` and `fetch-ssb` share.
#[derive(clap::Args, Debug, Clone)]
pub struct NewColumnArgs {
    /// higher (higher is better) or lower.
    #[arg(long, value_parser = ["higher", "lower"], default_value = "higher")]
    pub direction: String,
    /// intensive (a rate, e.g. %) or extensive (a count). Left out: a count when the column has a role or
    /// holds whole numbers summing to a national total of refugees, else a rate; the report says which.
    #[arg(long, value_parser = ["intensive", "extensive"])]
    pub kind: Option<String>,
    /// What the column is for the settlement year: request:YEAR, decisions:YEAR, settled:YEAR[:partial] or
    /// none. Left out: guessed from the name (anmodning_2024, vedtak_2024, bosatt_2024_delaar), with a note.
    #[arg(long)]
    pub role: Option<String>,
    /// Refuse the import when any code is not in the dataset (default: leave those rows out and report them).
    #[arg(long)]
    pub strict: bool,
    /// Do not map a file on other municipality borders (2020 ↔ 2024) through SSB's code changes; its codes
    /// that the dataset does not have are then left out as unknown.
    #[arg(long)]
    pub no_crosswalk: bool,
}

/// A required text that is more than blanks.
fn filled_in(text: &str) -> Result<String, String> {
    match text.trim() {
        "" => Err("it is empty; say who published the values and on what terms".to_owned()),
        t => Ok(t.to_owned()),
    }
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

/// Refuses an `--out` over one of the command's inputs (the imported `file`, the `--dataset` file), or over an
/// existing file without `--force`; before anything is read or fetched.
pub fn check_out(out: &Path, force: bool, dataset: &str, file: Option<&Path>) -> Result<()> {
    let Output::File(out) = Output::from_arg(out) else { return Ok(()) };
    let mut rules = WriteRules::new(force);
    if let Some(file) = file {
        rules = rules.input(file, "the imported file");
    }
    if !crate::data::EMBEDDED_IDS.contains(&dataset) {
        rules = rules.input(Path::new(dataset), "the --dataset file");
    }
    Ok(rules.check(&[&out])?)
}

pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    check_out(&args.out, args.force, &args.dataset, Some(&args.file))?;
    let dataset = base_dataset(&args.dataset)?;
    let bytes = read_limited(&args.file)?;
    let table = read_table(&bytes, &args.file.display().to_string())?;
    import_table(args, &dataset, &table, ValueOption::ValueColumn)
}

/// The refusal of a file that gives a municipality two values (under its 2020 and its 2024 code): every
/// conflict with its lines and values, so the file can be put right.
fn conflicts_text(source: &str, dataset: &Dataset, conflicts: &[Conflict]) -> String {
    let count = match conflicts.len() {
        1 => "1 municipality of".to_owned(),
        n => format!("{n} municipalities of"),
    };
    let have = if conflicts.len() == 1 { "has" } else { "have" };
    let mut text = format!(
        "{source}: {count} {} {have} more than one row (codes of both borders in one file); keep one row for each:",
        dataset.id
    );
    for c in conflicts {
        let name = dataset.municipalities.iter().find(|m| m.code == c.code).map_or("", |m| m.name.as_str());
        let rows: Vec<String> = c
            .rows
            .iter()
            .map(|(line, value)| format!("line {line}: {}", value.map_or("no value".to_owned(), crate::numfmt::quoted)))
            .collect();
        text.push_str(&format!("\n  {} {name}: {}", c.code, rows.join("; ")));
    }
    text
}

/// The report's line on the column's kind: always stated, with the reason.
fn kind_note(name: &str, kind: Kind, reason: KindReason) -> String {
    let kind = kind_words(kind);
    match reason {
        KindReason::Chosen => format!("{name} is {kind} (--kind)"),
        KindReason::Role => format!("{name} is {kind} (a column with a role counts persons)"),
        KindReason::Count { total } => format!(
            "{name} is {kind}: whole numbers summing to {}, a national total (--kind intensive if it is a rate)",
            crate::numfmt::integer(total, Lang::En)
        ),
        KindReason::Rate => {
            format!(
                "{name} is {kind}: not whole numbers summing to a national total (--kind extensive if it is a count)"
            )
        }
    }
}

fn kind_words(kind: Kind) -> &'static str {
    match kind {
        Kind::Extensive => "a count (kind extensive)",
        Kind::Intensive => "a rate (kind intensive)",
    }
}

/// The report's line on the column's role: the one given, or the guess and how to change it.
fn role_note(name: &str, role: Option<ColumnRole>, guessed: bool) -> String {
    let label = ColumnRole::label_of(role, Lang::En);
    match (role, guessed) {
        (_, false) => format!("{name} has the role {label} (--role)"),
        (Some(role), true) => format!(
            "note: {name} has the role {label} ({}), guessed from its name; --role sets another, --role none none",
            role.key()
        ),
        (None, true) => {
            format!("{name} has no role (--role request:YEAR, decisions:YEAR or settled:YEAR[:partial] gives it one)")
        }
    }
}

/// The option that names the value column, for the advice when it cannot be guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueOption {
    /// `import --value-column`.
    ValueColumn,
    /// `fetch-ssb --contents`: the statistics variable.
    Contents,
}

/// The import once the table is read (from a file, or fetched from SSB by `fetch-ssb`).
pub fn import_table(
    args: &ImportArgs,
    dataset: &Dataset,
    table: &Table,
    value_option: ValueOption,
) -> Result<ExitCode> {
    let output = Output::from_arg(&args.out);
    let guessed = guess(table);
    let unclear = |what: &str, option: &str| {
        let why = guessed.problem(table).unwrap_or_default();
        anyhow::anyhow!("{why}; cannot tell which column holds {what}: use {option}")
    };
    let code_col = match (&args.code_column, &guessed) {
        (Some(c), _) => column_index(table, c, "code")?,
        (None, Guess::Found { code, .. } | Guess::Unclear { code, .. }) => *code,
        (None, Guess::NoCodeColumn) => return Err(unclear("municipality codes", "--code-column")),
    };
    let value_col = match (&args.value_column, &guessed) {
        (Some(c), _) => column_index(table, c, "value")?,
        (None, Guess::Found { value, .. }) => *value,
        (None, _) if value_option == ValueOption::Contents => {
            return Err(unclear("the values", "--contents to choose one statistics variable"));
        }
        (None, _) => return Err(unclear("the values", "--value-column")),
    };
    let extracted = extract(table, code_col, value_col);
    for p in &extracted.problems {
        eprintln!("{}", line(&format!("{}: {p}", table.source_name)));
    }
    let values: Vec<Option<f64>> = extracted.values.iter().map(|v| v.value).collect();
    let chosen = args.column.kind.as_deref().map(|k| if k == "extensive" { Kind::Extensive } else { Kind::Intensive });
    let (role, role_guessed) = match &args.column.role {
        Some(key) => (ColumnRole::from_key(key).map_err(|e| anyhow::anyhow!("--role: {e}"))?, false),
        // A rate the user chose has no role, whatever its name.
        None if chosen == Some(Kind::Intensive) => (None, true),
        None => (guess_role(&args.name, &args.year, &values), true),
    };
    if let (Some(role), Some(Kind::Intensive)) = (role, chosen) {
        bail!("--role {} is a count of persons, but --kind intensive makes the column a rate; drop one", role.key());
    }
    let (kind, kind_reason) = guess_kind(chosen, role, &values);
    let on_borders = if args.column.no_crosswalk { None } else { to_dataset_borders(&extracted, dataset, kind) };
    if let Some(b) = &on_borders {
        for text in std::iter::once(b.report.summary(Lang::En)).chain(b.report.details(Lang::En)) {
            eprintln!("{}", line(&format!("{}: {text}", table.source_name)));
        }
    }
    let extracted = on_borders.as_ref().map_or(&extracted, |b| &b.extracted);
    let codes: Vec<&str> = dataset.municipalities.iter().map(|m| m.code.as_str()).collect();
    let matched = match_codes(extracted, &codes);
    for (code, at) in &matched.unknown_codes {
        eprintln!(
            "{}",
            line(&format!(
                "{}, line {at}: code {code} is not a municipality of {} (left out)",
                table.source_name, dataset.id
            ))
        );
    }
    if !matched.conflicts.is_empty() {
        bail!("{}", conflicts_text(&table.source_name, dataset, &matched.conflicts));
    }
    if args.column.strict && !matched.unknown_codes.is_empty() {
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
        direction: if args.column.direction == "lower" { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
        kind,
        default_missing: match kind {
            Kind::Extensive => MissingPolicy::Zero,
            Kind::Intensive => MissingPolicy::CountyMedian,
        },
        range: None,
        estimated: on_borders.map(|b| b.estimated).unwrap_or_default(),
        role,
    };
    let mut out = add_column(dataset, meta, &matched.matched).with_context(|| table.source_name.clone())?;
    out.title.nb = format!("{} + {label}", out.title.nb);
    out.title.en = format!("{} + {label}", out.title.en);
    let text = dataset_file_text(&out, &output.name())?;
    write_output(&output, text.as_bytes()).with_context(|| format!("cannot write {}", output.name()))?;
    let name = output.name();
    eprintln!("{}", line(&format!("{name}: {}", kind_note(&args.name, kind, kind_reason))));
    eprintln!("{}", line(&format!("{name}: {}", role_note(&args.name, role, role_guessed))));
    let without = out.column(&args.name).map_or(0, |c| c.missing_count());
    eprintln!(
        "{}",
        line(&format!(
            "{}: added {} with {} values ({without} municipalities without a value, {} unknown codes left out)",
            output.name(),
            args.name,
            out.len().saturating_sub(without),
            matched.unknown_codes.len()
        ))
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(out: &Path) -> ImportArgs {
        ImportArgs {
            file: PathBuf::from("two.csv"),
            dataset: "norway-2024".into(),
            code_column: None,
            value_column: None,
            name: "x".into(),
            label: None,
            unit: String::new(),
            year: String::new(),
            source: String::new(),
            licence: String::new(),
            column: NewColumnArgs {
                direction: "higher".into(),
                kind: Some("intensive".into()),
                role: None,
                strict: false,
                no_crosswalk: false,
            },
            out: out.to_owned(),
            force: false,
        }
    }

    #[test]
    fn the_advice_names_an_option_the_command_has() {
        let dir = tempfile::tempdir().unwrap();
        let a = args(&dir.path().join("x.dataset.ron"));
        let dataset = embedded_dataset("norway-2024").unwrap();
        let table = read_table(b"knr;aar;verdi\n0301;2023;x\n3101;2023;n/a\n1508;2023;12\n", "two.csv").unwrap();
        let advice = |option| import_table(&a, &dataset, &table, option).unwrap_err().to_string();
        let import = advice(ValueOption::ValueColumn);
        let fetch = advice(ValueOption::Contents);
        let why = "two.csv: no column is clearly the values; the columns with numbers are 2 \"aar\": years (all \
                   2023), 3 \"verdi\": 1 of 3 cells are numbers; choose one";
        assert_eq!(import, format!("{why}; cannot tell which column holds the values: use --value-column"));
        assert_eq!(
            fetch,
            format!(
                "{why}; cannot tell which column holds the values: use --contents to choose one statistics variable"
            )
        );
    }
}
