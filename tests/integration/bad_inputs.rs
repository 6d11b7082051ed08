//! Broken input files: every one is refused with the error class and message listed for it in
//! `tests/bad_inputs/EXPECTED.txt`, and none makes the program panic.
//!
//! Files are routed by name: `*.dataset.ron` to the dataset loader, other `*.ron` to the scenario
//! loader (then its dataset, `validate` and `allocate`), `*.csv`, `*.tsv` and `*.json` to the table
//! import (`read_limited`, `read_table`, `guess_columns`, `extract`). Inputs too big to commit (10 MB
//! of garbage, a file over 64 MB, 100,000 nested brackets) are generated here at run time.
//!
//! To see what a new file produces: `BAD_INPUTS_PRINT=1 cargo test --test bad_inputs -- --nocapture`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use bosetting::data::{DataError, load_dataset_file};
use bosetting::engine::{AllocError, allocate, validate};
use bosetting::fileio::{ReadError, read_limited};
use bosetting::import::{Guess, ImportError, extract, guess, read_table};
use bosetting::scenario::{ScenarioError, load_scenario, resolve_dataset};

use crate::common::bosetting;

/// What a loader made of a file.
#[derive(Debug)]
struct Outcome {
    /// `Enum::Variant`, nested errors joined by ` > `, or `Ok`.
    class: String,
    /// For `AllocError::Invalid`: the fields of every problem.
    fields: Vec<String>,
    /// The message the user sees.
    message: String,
}

impl Outcome {
    fn new(class: impl Into<String>, message: impl ToString) -> Outcome {
        Outcome { class: class.into(), fields: Vec::new(), message: message.to_string() }
    }

    /// Errors of the engine describe the plan, not the file: the CLI and the GUI put the file name in front.
    fn names_the_file_itself(&self) -> bool {
        !self.class.starts_with("AllocError::") && !self.class.starts_with("Extract::")
    }
}

fn read_class(e: &ReadError) -> &'static str {
    match e {
        ReadError::Io { .. } => "ReadError::Io",
        ReadError::TooLarge { .. } => "ReadError::TooLarge",
        ReadError::NotAFile { .. } => "ReadError::NotAFile",
    }
}

fn data_class(e: &DataError) -> String {
    let name = match e {
        DataError::Read(r) => return read_class(r).to_owned(),
        DataError::NotUtf8 { .. } => "NotUtf8",
        DataError::Syntax(_) => "Syntax",
        DataError::NewerFormat { .. } => "NewerFormat",
        DataError::BadFormat { .. } => "BadFormat",
        DataError::Empty { .. } => "Empty",
        DataError::DuplicateColumn { .. } => "DuplicateColumn",
        DataError::BadCode { .. } => "BadCode",
        DataError::BadCountyCode { .. } => "BadCountyCode",
        DataError::DuplicateCode { .. } => "DuplicateCode",
        DataError::BadPopulation { .. } => "BadPopulation",
        DataError::CellCount { .. } => "CellCount",
        DataError::BadValue { .. } => "BadValue",
        DataError::RoleNotCount { .. } => "RoleNotCount",
        DataError::Unreadable(_) => "Unreadable",
        DataError::Write { .. } => "Write",
        DataError::UnknownEmbedded(_) => "UnknownEmbedded",
    };
    format!("DataError::{name}")
}

fn scenario_class(e: &ScenarioError) -> String {
    let name = match e {
        ScenarioError::Read(r) => return read_class(r).to_owned(),
        ScenarioError::Data { source, .. } => return format!("ScenarioError::Data > {}", data_class(source)),
        ScenarioError::NotUtf8 { .. } => "NotUtf8",
        ScenarioError::Syntax(_) => "Syntax",
        ScenarioError::NewerVersion { .. } => "NewerVersion",
        ScenarioError::BadVersion { .. } => "BadVersion",
        ScenarioError::Write { .. } => "Write",
    };
    format!("ScenarioError::{name}")
}

fn alloc_class(e: &AllocError) -> &'static str {
    match e {
        AllocError::Invalid(_) => "AllocError::Invalid",
        AllocError::NoEligible => "AllocError::NoEligible",
        AllocError::LocksAboveTarget { .. } => "AllocError::LocksAboveTarget",
        AllocError::CapsTooTight { .. } => "AllocError::CapsTooTight",
        AllocError::MinimumTooHigh { .. } => "AllocError::MinimumTooHigh",
        AllocError::CriterionWithoutSignal { .. } => "AllocError::CriterionWithoutSignal",
        AllocError::NoKey { .. } => "AllocError::NoKey",
        AllocError::MinorsInfeasible { .. } => "AllocError::MinorsInfeasible",
        AllocError::Overflow { .. } => "AllocError::Overflow",
        AllocError::LocksBelowTarget { .. } => "AllocError::LocksBelowTarget",
        AllocError::Bounds { .. } => "AllocError::Bounds",
        AllocError::Rounding(_) => "AllocError::Rounding",
    }
}

fn import_class(e: &ImportError) -> &'static str {
    match e {
        ImportError::Empty { .. } => "ImportError::Empty",
        ImportError::TooLarge { .. } => "ImportError::TooLarge",
        ImportError::TooManyCells { .. } => "ImportError::TooManyCells",
        ImportError::TableTooLarge { .. } => "ImportError::TableTooLarge",
        ImportError::NotATable { .. } => "ImportError::NotATable",
        ImportError::RaggedRow { .. } => "ImportError::RaggedRow",
        ImportError::UnclosedQuote { .. } => "ImportError::UnclosedQuote",
        ImportError::NoHeader { .. } => "ImportError::NoHeader",
        ImportError::Json { .. } => "ImportError::Json",
        ImportError::JsonStat { .. } => "ImportError::JsonStat",
    }
}

/// Scenario file → its dataset → `validate` → `allocate`, stopping at the first error.
fn run_scenario(path: &Path) -> Outcome {
    let scenario = match load_scenario(path) {
        Ok(s) => s,
        Err(e) => return Outcome::new(scenario_class(&e), e),
    };
    let dataset = match resolve_dataset(&scenario, Some(path)) {
        Ok((d, _)) => d,
        Err(e) => return Outcome::new(scenario_class(&e), e),
    };
    let problems = validate(&scenario, &dataset);
    let allocation = allocate(&dataset, &scenario);
    if !problems.is_empty() {
        assert_eq!(allocation, Err(AllocError::Invalid(problems.clone())), "allocate reports what validate finds");
    }
    match allocation {
        Ok(_) => Outcome::new("Ok", ""),
        Err(e) => Outcome {
            class: alloc_class(&e).to_owned(),
            fields: problems.iter().map(|p| p.field.clone()).collect(),
            message: e.to_string(),
        },
    }
}

fn run_dataset(path: &Path) -> Outcome {
    match load_dataset_file(path) {
        Ok(_) => Outcome::new("Ok", ""),
        Err(e) => Outcome::new(data_class(&e), e),
    }
}

/// Bytes → table → code and value columns → one value per code. A table that reads but yields
/// nothing usable gets an `Extract::` class.
fn run_table(path: &Path) -> Outcome {
    let name = path.display().to_string();
    let bytes = match read_limited(path) {
        Ok(b) => b,
        Err(e) => return Outcome::new(read_class(&e), e),
    };
    let table = match read_table(&bytes, &name) {
        Ok(t) => t,
        Err(e) => return Outcome::new(import_class(&e), e),
    };
    let (code, value) = match guess(&table) {
        Guess::Found { code, value } => (code, value),
        unclear => return Outcome::new("Extract::NoColumns", unclear.problem(&table).unwrap_or_default()),
    };
    let extracted = extract(&table, code, value);
    match extracted.problems.first() {
        Some(p) if extracted.values.is_empty() => Outcome::new("Extract::NoValues", p),
        Some(p) => Outcome::new("Extract::Problem", p),
        None => Outcome::new("Ok", ""),
    }
}

fn run_file(path: &Path) -> Outcome {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let run = AssertUnwindSafe(|| {
        if name.ends_with(".dataset.ron") {
            run_dataset(path)
        } else if name.ends_with(".ron") {
            run_scenario(path)
        } else {
            run_table(path)
        }
    });
    catch_unwind(run).unwrap_or_else(|_| panic!("{}: the loader panicked", path.display()))
}

struct Expected {
    file: String,
    class: String,
    /// For `AllocError::Invalid(field)`: a field that must be among the problems.
    field: Option<String>,
    /// The whole message (`\n` in the file stands for a line break).
    message: String,
}

/// Relative to the package root, where tests run, so the messages (which name the files) are the same
/// on every machine.
fn corpus_dir() -> PathBuf {
    PathBuf::from("tests/bad_inputs")
}

/// `file | class | message` per line; `#` starts a comment.
fn manifest() -> Vec<Expected> {
    let text = std::fs::read_to_string(corpus_dir().join("EXPECTED.txt")).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let parts: Vec<&str> = line.splitn(3, '|').map(str::trim).collect();
            assert_eq!(parts.len(), 3, "EXPECTED.txt: {line}");
            let (class, field) = match parts[1].split_once('(') {
                Some((c, f)) => (c.to_owned(), Some(f.trim_end_matches(')').to_owned())),
                None => (parts[1].to_owned(), None),
            };
            Expected { file: parts[0].to_owned(), class, field, message: parts[2].replace("\\n", "\n") }
        })
        .collect()
}

fn check_outcome(path: &Path, out: &Outcome, class: &str, field: Option<&str>, message: &str) {
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    assert_eq!(out.class, class, "{file}: wrong error class; message: {}", out.message);
    if let Some(field) = field {
        assert!(out.fields.iter().any(|f| f == field), "{file}: no problem for field {field}: {:?}", out.fields);
    }
    assert_eq!(out.message, message, "{file}: not the expected message");
    if out.names_the_file_itself() {
        assert!(out.message.contains(file), "{file}: message does not name the file: {}", out.message);
    }
}

/// Like [`check_outcome`], for cases generated at run time: the message must contain `substring`.
fn check_outcome_contains(path: &Path, out: &Outcome, class: &str, substring: &str) {
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    assert_eq!(out.class, class, "{file}: wrong error class; message: {}", out.message);
    assert!(out.message.contains(substring), "{file}: message lacks {substring:?}: {}", out.message);
    if out.names_the_file_itself() {
        assert!(out.message.contains(file), "{file}: message does not name the file: {}", out.message);
    }
}

#[test]
fn every_corpus_file_gives_its_expected_error() {
    let expected = manifest();
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| n != "EXPECTED.txt")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = expected.iter().map(|e| e.file.clone()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "every file in tests/bad_inputs/ is listed once in EXPECTED.txt, and only those");
    assert!(on_disk.len() >= 45, "{} files", on_disk.len());

    let print = std::env::var_os("BAD_INPUTS_PRINT").is_some();
    for e in &expected {
        let path = corpus_dir().join(&e.file);
        let out = run_file(&path);
        if print {
            let class = match &e.field {
                Some(f) => format!("{}({f})", out.class),
                None => out.class.clone(),
            };
            println!("{} | {class} | {}", e.file, out.message.replace('\n', "\\n"));
            continue;
        }
        check_outcome(&path, &out, &e.class, e.field.as_deref(), &e.message);
    }
}

/// `check` and `allocate` refuse the file with exit code 1 (101 would be a panic) and say why on
/// stderr, naming the file, and saying each cause once: `message` appears exactly once.
fn assert_cli_refuses(path: &Path, message: &str) {
    let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let arg = path.to_str().unwrap();
    // The corpus holds the English messages; `check` speaks bokmål unless told otherwise.
    for args in [["check", arg, "--lang=en"], ["allocate", arg, "--format=json"]] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        let o = bosetting(&args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{file}: `{}` exit status; stderr: {stderr}", args[0]);
        assert!(stderr.contains(file), "{file}: `{}` does not name the file: {stderr}", args[0]);
        assert_eq!(stderr.matches(message).count(), 1, "{file}: `{}` says {message:?} once: {stderr}", args[0]);
    }
}

#[test]
fn check_gives_the_cause_of_an_impossible_plan_in_bokmål() {
    let path = corpus_dir().join("s_everyone_too_small.ron");
    let o = bosetting(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("ingen kommune kan anmodes etter reglene som gjelder nå"), "{stderr}");
}

#[test]
fn the_cli_refuses_every_scenario_with_exit_code_1() {
    // `check` lists the problems of an invalid scenario one per line, not as the engine's message.
    let scenarios: Vec<Expected> = manifest()
        .into_iter()
        .filter(|e| e.file.ends_with(".ron") && !e.file.ends_with(".dataset.ron") && e.class != "AllocError::Invalid")
        .collect();
    assert!(scenarios.len() >= 20);
    // Two at a time: the machine is shared.
    let (a, b) = scenarios.split_at(scenarios.len() / 2);
    std::thread::scope(|s| {
        for half in [a, b] {
            s.spawn(move || {
                for e in half {
                    assert_cli_refuses(&corpus_dir().join(&e.file), &e.message);
                }
            });
        }
    });
}

#[test]
fn check_lists_the_problems_of_invalid_scenarios_in_either_language() {
    let invalid: Vec<Expected> = manifest().into_iter().filter(|e| e.class == "AllocError::Invalid").collect();
    assert!(invalid.len() >= 10);
    for e in &invalid {
        let path = corpus_dir().join(&e.file);
        let arg = path.to_str().unwrap();
        // The corpus holds the engine's English message: one `  - field: message` line per problem.
        let lines: Vec<&str> = e.message.lines().filter_map(|l| l.strip_prefix("  - ")).collect();
        assert!(!lines.is_empty(), "{}", e.file);
        let english = bosetting(&["check", arg, "--lang", "en"]);
        let err = String::from_utf8_lossy(&english.stderr);
        assert_eq!(english.status.code(), Some(1), "{}: {err}", e.file);
        for line in &lines {
            assert!(err.contains(&format!("{}: {line}", e.file)), "{}: {line:?} in English: {err}", e.file);
        }
        let bokmål = bosetting(&["check", arg]);
        let err = String::from_utf8_lossy(&bokmål.stderr);
        assert_eq!(bokmål.status.code(), Some(1), "{}: {err}", e.file);
        assert!(err.contains("problem(er)"), "{}: {err}", e.file);
        for line in &lines {
            let (field, english) = line.split_once(": ").unwrap();
            assert!(err.contains(&format!("{}: {field}: ", e.file)), "{}: {field} named: {err}", e.file);
            assert!(!err.contains(english), "{}: {english:?} is said in bokmål: {err}", e.file);
        }
    }
}

/// A deterministic byte generator (xorshift), so a failure reproduces.
fn garbage(len: usize, seed: u64, printable: bool) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            match (printable, state % 97) {
                (false, _) => state as u8,
                (true, 95) => b'\n',
                (true, 96) => b';',
                (true, c) => b' ' + c as u8,
            }
        })
        .collect()
}

#[test]
fn ten_megabytes_of_garbage_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let binary = garbage(10 << 20, 0x9E37_79B9_7F4A_7C15, false);
    let text = garbage(10 << 20, 0xD1B5_4A32_D192_ED03, true);
    let cases: [(&str, &[u8], &str, &str); 6] = [
        ("garbage.ron", &binary, "ScenarioError::NotUtf8", "not UTF-8"),
        ("garbage.dataset.ron", &binary, "DataError::NotUtf8", "not UTF-8"),
        ("garbage.csv", &binary, "ImportError::NotATable", "binary data"),
        ("garbage-text.ron", &text, "ScenarioError::Syntax", "line 1"),
        ("garbage-text.dataset.ron", &text, "DataError::Syntax", "line 1"),
        // Read row by row, the first refused row is reported (before the quote that never closes).
        ("garbage-text.csv", &text, "ImportError::RaggedRow", "this row has"),
    ];
    for (name, bytes, class, substring) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        check_outcome_contains(&path, &run_file(&path), class, substring);
    }
    assert_cli_refuses(&dir.path().join("garbage.ron"), "not UTF-8");
    assert_cli_refuses(&dir.path().join("garbage-text.ron"), "line 1");
}

#[test]
fn files_over_64_mb_are_refused_by_size_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse files: nothing is written. The 64 GiB one could not be read into memory, so refusing it
    // shows that the size is checked first.
    for (size, label) in [(64 * 1024 * 1024 + 1, "67108865 bytes"), (1 << 36, "68719476736 bytes")] {
        for name in ["big.ron", "big.dataset.ron", "big.csv"] {
            let path = dir.path().join(name);
            let file = std::fs::File::create(&path).unwrap();
            file.set_len(size).unwrap();
            drop(file);
            check_outcome_contains(&path, &run_file(&path), "ReadError::TooLarge", label);
        }
        assert_cli_refuses(&dir.path().join("big.ron"), label);
    }
    // Exactly 64 MiB is still read (and then refused for what it holds).
    let path = dir.path().join("limit.dataset.ron");
    std::fs::File::create(&path).unwrap().set_len(64 * 1024 * 1024).unwrap();
    check_outcome_contains(&path, &run_file(&path), "DataError::Syntax", "line 1");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let deep = |open: &str, close: &str, n: usize| format!("{}{}", open.repeat(n), close.repeat(n));
    let imdi = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2020.ron")).unwrap();
    // An unknown field of a newer file is skipped by the lenient version check, which descends
    // into anything: that is where the recursion limit (64) matters.
    let newer = |nesting: &str| {
        imdi.replace("version: 1", "version: 99").replace("notes:", &format!("extra: {nesting}, notes:"))
    };
    let cases = [
        ("deep.ron", deep("[", "]", 100_000), "ScenarioError::Syntax", "line 1, column 1"),
        ("deep-some.ron", deep("Some(", ")", 100_000), "ScenarioError::Syntax", "line 1, column 1"),
        ("deep-newer.ron", newer(&deep("[", "]", 100_000)), "ScenarioError::Syntax", "`extra`"),
        ("deep-newer-map.ron", newer(&deep("{1:", "}", 100_000)), "ScenarioError::Syntax", "`extra`"),
        ("deep-newer-tuple.ron", newer(&deep("(", ")", 100_000)), "ScenarioError::Syntax", "`extra`"),
        // Within the limit (each `[` takes two of its 64 levels) the newer version is still recognised.
        ("nested-newer.ron", newer(&deep("[", "]", 30)), "ScenarioError::NewerVersion", "version 99"),
        ("nested-newer-33.ron", newer(&deep("[", "]", 33)), "ScenarioError::Syntax", "`extra`"),
        ("deep.dataset.ron", deep("[", "]", 100_000), "DataError::Syntax", "line 1, column 1"),
        ("deep-newer.dataset.ron", format!("(format: 2, x: {})", deep("[", "]", 100_000)), "DataError::Syntax", "`x`"),
        ("deep.json", deep("[", "]", 100_000), "ImportError::Json", "recursion limit"),
        ("deep-object.json", deep("{\"a\":", "}", 100_000), "ImportError::Json", "recursion limit"),
    ];
    for (name, text, class, substring) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        check_outcome_contains(&path, &run_file(&path), class, substring);
        if name.ends_with(".ron") && !name.ends_with(".dataset.ron") {
            assert_cli_refuses(&path, substring);
        }
    }
}
