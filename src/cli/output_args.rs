//! `--format`, `--out`, `--force`, `--csv-style` and `--lang`: how every command that prints a table writes it,
//! so `allocate`, `followup` and `revise` pick formats, refuse and replace files the same way.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use crate::fileio::{Output, WriteRules, write_output};
use crate::lang::Lang;
use crate::report::CsvStyle;

#[derive(clap::Args, Debug, Clone)]
pub struct OutputArgs {
    /// text (default on a terminal), csv, json or xlsx (needs --out); a file given with --out picks its format
    /// by extension.
    #[arg(long, value_parser = ["text", "csv", "json", "xlsx"])]
    pub format: Option<String>,
    /// Write to this file instead of standard output (.csv, .json, .xlsx; `-` is standard output). A file is
    /// replaced atomically and keeps its permissions; a read-only one is refused.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace the file given with --out when it exists, keeping the old one as FILE.bak (otherwise an existing
    /// file is kept and nothing is written). An input of the command is never replaced.
    #[arg(long)]
    pub force: bool,
    /// CSV flavour: excel-no (semicolon, decimal comma, BOM) or plain (comma, point).
    #[arg(long, value_parser = ["excel-no", "plain"])]
    pub csv_style: Option<String>,
    /// Language of headers and notes: nb or en.
    #[arg(long, value_parser = ["nb", "en"], default_value = "nb")]
    pub lang: String,
}

/// What [`OutputArgs`] come to: the format, where it goes and how CSV is written.
#[derive(Debug, Clone)]
pub struct Destination {
    pub format: String,
    pub output: Option<Output>,
    pub csv_style: CsvStyle,
    pub lang: Lang,
}

impl OutputArgs {
    pub fn lang(&self) -> Lang {
        Lang::from_code(&self.lang).unwrap_or_default()
    }

    /// Asked before any work, as the planner asks before overwriting: the one rule of
    /// [`WriteRules`] (never over an input, never over an existing file without --force). A pipe or a device
    /// (`/dev/stdout`) is written through and needs no --force.
    pub fn check_out(&self, reads: impl FnOnce(WriteRules) -> WriteRules) -> Result<()> {
        match self.out.as_deref().map(Output::from_arg) {
            Some(Output::File(out)) => Ok(reads(WriteRules::new(self.force)).check(&[&out])?),
            _ => Ok(()),
        }
    }

    /// The format from --format or the file's extension (text without either), refusing a file name that
    /// does not say its format.
    pub fn destination(&self) -> Result<Destination> {
        let output = self.out.as_deref().map(Output::from_arg);
        let name = || output.as_ref().map(Output::name).unwrap_or_default();
        let format = match (self.format.as_deref(), output.as_ref().and_then(Output::extension)) {
            (Some(f), _) => f.to_owned(),
            (None, Some(ext)) if ["csv", "json", "xlsx"].contains(&ext.as_str()) => ext,
            (None, Some(other)) => bail!(
                "--out {}: unknown file type .{other}; name the file .csv, .json or .xlsx, or say which format with \
                 --format text|csv|json|xlsx",
                name()
            ),
            (None, None) if matches!(output, Some(Output::File(_))) => bail!(
                "--out {}: the name has no extension, so the format is not clear; name the file .csv, .json or \
                 .xlsx, or say which format with --format text|csv|json|xlsx",
                name()
            ),
            (None, None) => "text".to_owned(),
        };
        if format == "xlsx" && output.is_none() {
            bail!("XLSX needs a file: use --out FILE.xlsx (or --out - to send it to a pipe)");
        }
        // Plain CSV on stdout for pipelines; the Excel flavour for files people open.
        let csv_style = match self.csv_style.as_deref() {
            Some(s) => CsvStyle::from_cli_name(s).unwrap_or_default(),
            None if matches!(output, Some(Output::File(_))) => CsvStyle::ExcelNo,
            None => CsvStyle::Plain,
        };
        Ok(Destination { format, output, csv_style, lang: self.lang() })
    }
}

impl Destination {
    /// Writes the bytes to the file (atomically) or to standard output.
    pub fn write(&self, bytes: &[u8]) -> Result<()> {
        match &self.output {
            Some(out @ Output::File(_)) => {
                write_output(out, bytes).with_context(|| format!("cannot write {}", out.name()))
            }
            _ => Ok(super::terminal::print_result(bytes)?),
        }
    }
}
