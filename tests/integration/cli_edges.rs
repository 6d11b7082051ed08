//! The edges of the command line: where results are written (`--out -`, devices, read-only and same-as-input
//! files), inputs that are not regular files, and text from files that reaches the terminal.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{bosetting, stderr, stdout};

const IMDI: &str = "scenarios/imdi-2020.ron";
const MINI: &str = "tests/bad_inputs/support/mini.ron";

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs the binary and kills it after 30 s: an input that makes it wait forever fails the test instead of
/// hanging the suite.
fn bosetting_within_time(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bosetting"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("`bosetting {}` still runs after 30 s", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// `support/mini.ron` written into `dir`, its dataset named by an absolute path; with `edit` applied to the text.
fn mini_plan(dir: &Path, edit: impl Fn(String) -> String) -> PathBuf {
    let plan = dir.join("plan.ron");
    let dataset = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs/support/mini.dataset.ron");
    let text = std::fs::read_to_string(MINI).unwrap().replace("support/mini.dataset.ron", path(&dataset));
    std::fs::write(&plan, edit(text)).unwrap();
    plan
}

fn mkfifo(at: &Path) -> bool {
    let made = Command::new("mkfifo").arg(at).status().is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mkfifo is not available");
    }
    made
}

#[test]
fn out_dash_is_standard_output() {
    let o = bosetting(&["allocate", IMDI, "--format", "csv", "--out", "-"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Kommunenummer,Kommune,"), "plain CSV for a pipe: {}", &stdout(&o)[..80]);
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("-").exists(), "no file named -");
}

#[test]
fn out_without_a_known_extension_asks_for_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("result");
    let o = bosetting(&["allocate", IMDI, "--out", path(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "bosetting: --out {}: the name has no extension, so the format is not clear; name the file .csv, \
             .json or .xlsx, or say which format with --format text|csv|json|xlsx\n",
            out.display()
        )
    );
    assert!(!out.exists());
    let o = bosetting(&["allocate", IMDI, "--format", "csv", "--out", path(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().contains("0301"));
}

#[cfg(unix)]
#[test]
fn a_device_is_written_through() {
    // The child's standard output is a pipe here: written through, not replaced by a file.
    let o = bosetting(&["allocate", IMDI, "--format", "csv", "--out", "/dev/stdout"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("=\"0301\";Oslo;"), "{}", &stdout(&o)[..200.min(o.stdout.len())]);
    let o = bosetting(&["allocate", IMDI, "--format", "json", "--out", "/dev/null"]);
    assert!(o.status.success(), "{}", stderr(&o));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
}

#[cfg(unix)]
#[test]
fn a_replaced_output_keeps_its_mode_and_a_read_only_one_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let private = dir.path().join("private.csv");
    std::fs::write(&private, "old").unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
    let o = bosetting(&["allocate", IMDI, "--out", path(&private), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o600);

    let locked = dir.path().join("locked.json");
    std::fs::write(&locked, "keep me").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = bosetting(&["allocate", IMDI, "--out", path(&locked), "--force"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "bosetting: cannot write {}: the file is read-only; make it writable or choose another name\n",
            locked.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&locked).unwrap(), "keep me");
}

#[test]
fn import_refuses_to_overwrite_its_own_input() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("table.csv");
    std::fs::copy("tests/fixtures/import/plain_semicolon_utf8.csv", &table).unwrap();
    let before = std::fs::read(&table).unwrap();
    let through_dots = dir.path().join(".").join("table.csv");
    let o = bosetting(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        path(&table),
        "--dataset",
        "norway-2024",
        "--name",
        "x",
        "--out",
        path(&through_dots),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "bosetting: {}: this is the imported file ({}); write to another file\n",
            through_dots.display(),
            table.display()
        )
    );
    assert_eq!(std::fs::read(&table).unwrap(), before);

    let dataset = dir.path().join("base.dataset.ron");
    std::fs::copy("tests/bad_inputs/support/mini.dataset.ron", &dataset).unwrap();
    let o = bosetting(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        path(&table),
        "--dataset",
        path(&dataset),
        "--name",
        "x",
        "--out",
        path(&dataset),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("this is the --dataset file"), "{}", stderr(&o));
}

#[test]
fn import_out_dash_writes_the_dataset_to_standard_output() {
    let o = bosetting(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        "tests/fixtures/import/ssb_tab_hidden.tsv",
        "--dataset",
        "norway-2024",
        "--value-column",
        "2024",
        "--name",
        "x_2024",
        "--out",
        "-",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let dataset = bosetting::data::parse_dataset(&text, "stdout").unwrap();
    assert!(dataset.column("x_2024").is_some());
    assert!(stderr(&o).contains("standard output: added x_2024"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn named_pipes_as_inputs_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    if !mkfifo(&fifo) {
        return;
    }
    let refused = |o: &Output| {
        assert_eq!(o.status.code(), Some(1), "{}", stderr(o));
        assert!(stderr(o).contains("this is a named pipe (FIFO), not a file"), "{}", stderr(o));
    };
    refused(&bosetting_within_time(&["check", path(&fifo)]));
    refused(&bosetting_within_time(&["allocate", path(&fifo)]));
    refused(&bosetting_within_time(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        path(&fifo),
        "--dataset",
        "norway-2024",
        "--name",
        "x",
        "--out",
        "-",
    ]));
    refused(&bosetting_within_time(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        "tests/fixtures/import/ssb_tab_hidden.tsv",
        "--dataset",
        path(&fifo),
        "--name",
        "x",
        "--out",
        "-",
    ]));
    let mini = mini_plan(dir.path(), |t| t);
    refused(&bosetting_within_time(&["calibrate", path(&mini), "--reference", path(&fifo)]));
    refused(&bosetting_within_time(&["apportion", "--method", "hamilton", "--seats", "3", path(&fifo)]));
    // As a scenario's dataset.
    let plan = dir.path().join("on-a-pipe.ron");
    std::fs::write(&plan, std::fs::read_to_string(MINI).unwrap().replace("support/mini.dataset.ron", "pipe.ron"))
        .unwrap();
    refused(&bosetting_within_time(&["check", path(&plan)]));
}

#[test]
fn calibrate_refuses_a_target_of_zero() {
    let dir = tempfile::tempdir().unwrap();
    let plan = mini_plan(dir.path(), |t| t);
    let o = bosetting(&["calibrate", path(&plan), "--reference-column", "bosatt_2019", "--target", "0"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("a target of 0 places nobody, so there is nothing to compare with the reference"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn calibrate_write_to_a_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let plan = mini_plan(dir.path(), |t| t);
    let o = bosetting(&["calibrate", path(&plan), "--reference-column", "bosatt_2019", "--write", path(dir.path())]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "bosetting: {}: cannot save: it is a directory; give the path of a file to write\n",
            dir.path().display()
        )
    );
}

#[test]
fn apportion_blames_the_options_and_guards_names_like_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("parties.csv");
    std::fs::write(&csv, "name,weight\n=cmd|' /C calc'!A0,10\n+1,5\n@x,3\nplain,2\n").unwrap();
    let o = bosetting(&["apportion", "--method", "dhondt", "--seats", "4", "--min", "5", "--max", "2", path(&csv)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "bosetting: --min 5 is more than --max 2: no row can get a number between them\n");
    let o = bosetting(&["apportion", "--method", "dhondt", "--seats", "4", path(&csv)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> =
        stdout(&o).lines().skip(1).map(|l| l.rsplitn(3, ',').last().unwrap().trim_matches('"').to_owned()).collect();
    assert_eq!(names, ["'=cmd|' /C calc'!A0", "'+1", "'@x", "plain"]);
}

#[test]
fn text_from_files_cannot_control_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let scenario =
        std::fs::read_to_string(IMDI).unwrap().replace("name: \"IMDi 2020\"", "name: \"Plan\\u{1b}[2J\\u{202e}x\\r\"");
    std::fs::write(&plan, scenario).unwrap();
    let o = bosetting(&["allocate", path(&plan), "--format", "text"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = stdout(&o).lines().next().unwrap().to_owned();
    assert!(first.starts_with("Plan\\u{1b}[2J\\u{202e}x\\u{d} — "), "{first}");
    assert!(!o.stdout.contains(&0x1b) && !o.stdout.contains(&b'\r'), "no raw ESC or CR reaches the terminal");
}

#[test]
fn check_warns_about_a_target_beyond_the_population() {
    let dir = tempfile::tempdir().unwrap();
    let plan = mini_plan(dir.path(), |t| t.replace("total: 100", "total: 1000000"));
    let o = bosetting(&["check", path(&plan), "--lang", "en"]);
    assert!(stderr(&o).contains(&format!(
        "{}: warning: target.total: 1000000 refugees is more than the whole population of the dataset mini (851879)",
        plan.display()
    )), "{}", stderr(&o));
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    // `bosetting allocate … | head`: the JSON (about 90 KB) is more than the pipe holds, so the write meets a
    // closed pipe. That is the reader's choice, not a failure: exit 0 and nothing on standard error.
    let mut child = Command::new(env!("CARGO_BIN_EXE_bosetting"))
        .args(["allocate", "scenarios/imdi-2020.ron", "--format", "json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run bosetting");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().expect("stdout"), &mut first).expect("the output starts");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("bosetting ends");
    assert!(o.status.success(), "{:?}: {}", o.status, stderr(&o));
    assert_eq!(stderr(&o), "");
}
