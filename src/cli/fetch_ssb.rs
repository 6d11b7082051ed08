//! `bosetting fetch-ssb`: an indicator straight from SSB's statistics bank (PxWebApi 2, JSON-stat 2.0), added
//! to a dataset through the same path as `import` (code list, crosswalk, report).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::Result;

use super::import::{ImportArgs, NewColumnArgs, ValueOption, base_dataset, check_out, import_table};
use crate::import::read_table;
use crate::ssb::{Client, Request, Stage, YearChoice, base_url, fetch};

#[derive(clap::Args, Debug)]
pub struct FetchSsbArgs {
    /// SSB table number, e.g. 07459.
    pub table: String,
    /// The dataset to add to: norway-2020, norway-2024, or a dataset file.
    #[arg(long)]
    pub dataset: String,
    /// The statistics variable (ContentsCode value), when the table has several.
    #[arg(long)]
    pub contents: Option<String>,
    /// The year (period code, e.g. 2024), or `latest`.
    #[arg(long, default_value = "latest")]
    pub year: String,
    /// Id of the new column (letters, digits, _).
    #[arg(long)]
    pub name: String,
    /// Label shown to users (defaults to the table's name for the statistics variable).
    #[arg(long)]
    pub label: Option<String>,
    /// Unit (defaults to the table's).
    #[arg(long)]
    pub unit: Option<String>,
    #[command(flatten)]
    pub column: NewColumnArgs,
    /// The API's address (default: SSB's, or the BOSETTING_SSB_URL environment variable).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Seconds to wait for each answer.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
    /// Where to write the dataset with the new column (`*.dataset.ron`; `-` is standard output).
    #[arg(long)]
    pub out: PathBuf,
    /// Replace the --out file when it exists, keeping the old one as FILE.bak.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &FetchSsbArgs) -> Result<ExitCode> {
    // The output and the dataset first: a wrong name costs no request.
    check_out(&args.out, args.force, &args.dataset, None)?;
    let dataset = base_dataset(&args.dataset)?;
    let base = base_url(args.base_url.as_deref());
    let client = Client::new(&base, Duration::from_secs(args.timeout.max(1)));
    let request =
        Request { table: args.table.clone(), contents: args.contents.clone(), year: YearChoice::parse(&args.year) };
    let fetched = with_progress(args.timeout.max(1), || {
        fetch(
            &client,
            &request,
            |stage| match stage {
                Stage::Metadata => eprintln!("{base}: reading table {}'s dimensions…", args.table),
                Stage::Data => eprintln!("{base}: fetching the values…"),
            },
            || false,
        )
    })?;
    let s = &fetched.selection;
    eprintln!(
        "{}: {} ({}), {} municipalities, year {}",
        fetched.source_name,
        s.title,
        s.contents_label.as_deref().unwrap_or("-"),
        s.regions,
        s.year.as_deref().unwrap_or("-")
    );
    let table = read_table(&fetched.bytes, &fetched.source_name)?;
    let import = ImportArgs {
        file: PathBuf::from(&fetched.source_name),
        dataset: args.dataset.clone(),
        code_column: None,
        value_column: None,
        name: args.name.clone(),
        label: args.label.clone().or_else(|| s.contents_label.clone()),
        unit: args.unit.clone().or_else(|| s.unit.clone()).unwrap_or_default(),
        year: s.year.clone().unwrap_or_default(),
        source: format!("SSB, tabell {}", args.table.trim()),
        licence: "CC BY 4.0 (SSB)".to_owned(),
        column: args.column.clone(),
        out: args.out.clone(),
        force: args.force,
    };
    import_table(&import, &dataset, &table, ValueOption::Contents)
}

/// Seconds between the "still waiting" lines.
const PROGRESS_EVERY: Duration = Duration::from_secs(5);

/// Runs `work`; on a terminal, says every few seconds that it is still waiting, so a slow answer is not taken
/// for a hang. In a script (standard error not a terminal) it says nothing more.
fn with_progress<T>(timeout_secs: u64, work: impl FnOnce() -> T) -> T {
    if !std::io::stderr().is_terminal() {
        return work();
    }
    tell_while(PROGRESS_EVERY, timeout_secs, |line| eprintln!("{line}"), work)
}

/// Runs `work` and, every `every` until it ends, gives `tell` a line saying how long it has waited.
fn tell_while<T>(every: Duration, timeout_secs: u64, tell: impl Fn(String) + Send, work: impl FnOnce() -> T) -> T {
    let (done, finished) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let start = Instant::now();
            while let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(every) {
                tell(format!(
                    "… still waiting for SSB's answer ({} s so far; each request waits at most {timeout_secs} s)",
                    start.elapsed().as_secs()
                ));
            }
        });
        let out = work();
        drop(done);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn a_slow_answer_is_reported_while_waiting_and_not_after() {
        let lines = Mutex::new(Vec::new());
        let out = tell_while(
            Duration::from_millis(20),
            60,
            |line| lines.lock().unwrap().push(line),
            || {
                std::thread::sleep(Duration::from_millis(150));
                7
            },
        );
        assert_eq!(out, 7);
        let told = lines.lock().unwrap().len();
        assert!(told >= 2, "a wait of several intervals is reported more than once, got {told}");
        assert!(lines.lock().unwrap().iter().all(|l| l.contains("still waiting") && l.contains("at most 60 s")));
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(lines.lock().unwrap().len(), told, "nothing is said once the answer is in");
    }

    #[test]
    fn a_quick_answer_says_nothing() {
        let lines = Mutex::new(Vec::new());
        tell_while(Duration::from_secs(5), 60, |line| lines.lock().unwrap().push(line), || ());
        assert!(lines.lock().unwrap().is_empty());
    }
}
