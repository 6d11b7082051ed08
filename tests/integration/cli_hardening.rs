//! The commands against inputs that used to destroy data or give a wrong answer with exit code 0: each case
//! compares the whole message (see docs/robustness.md, "What the commands guarantee").

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bosetting::data::{DatasetFile, embedded_dataset, to_file};

use crate::common::{bosetting, stderr, stdout};

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The files of a folder, sorted: what a failed command must leave as it was.
fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

fn failed_with(o: &Output, message: &str) {
    assert_eq!(o.status.code(), Some(1), "stdout: {}", stdout(o));
    assert_eq!(stderr(o), message);
}

/// `DIR/d.dataset.ron` (norway-2024, changed by `edit`) and `DIR/plan.ron`, the 2024 example on it.
fn own_plan(dir: &Path, edit: impl FnOnce(&mut DatasetFile)) -> PathBuf {
    let mut file = to_file(&embedded_dataset("norway-2024").unwrap());
    edit(&mut file);
    let text = bosetting::fileio::to_ron_pretty(&file, 2).unwrap();
    std::fs::write(dir.join("d.dataset.ron"), text).unwrap();
    let scenario = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2024.ron"))
        .unwrap()
        .replace("Embedded(\"norway-2024\")", "File(\"d.dataset.ron\")");
    let plan = dir.join("plan.ron");
    std::fs::write(&plan, scenario).unwrap();
    plan
}

fn column(file: &DatasetFile, id: &str) -> usize {
    file.columns.iter().position(|c| c.id == id).unwrap()
}

// --- Data destroyed ---

#[test]
fn migrate_never_writes_over_the_dataset_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = d.join("a.ron");
    let o = bosetting(&["migrate", "scenarios/imdi-2020.ron", "--to", "2024", "--out", path(&a)]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A second scenario on the moved dataset, moved back with --out naming the first: its dataset path is the
    // dataset both scenarios read.
    std::fs::copy(&a, d.join("x.ron")).unwrap();
    let before = listing(d);
    let o = bosetting(&["migrate", path(&d.join("x.ron")), "--to", "2020", "--out", path(&a), "--force"]);
    failed_with(
        &o,
        &format!(
            "bosetting: {}: this is the dataset of a scenario the command reads; write to another file\n",
            d.join("a.dataset.ron").display()
        ),
    );
    assert_eq!(listing(d), before, "every file as it was, no backup, no temporary");
    let o = bosetting(&["migrate", path(&d.join("x.ron")), "--to", "2020", "--out", path(&d.join("x.ron"))]);
    failed_with(
        &o,
        &format!(
            "bosetting: {}: this is a scenario the command reads; write to another file\n",
            d.join("x.ron").display()
        ),
    );
    assert_eq!(listing(d), before);
}

#[test]
fn an_existing_file_needs_force_and_then_keeps_a_backup_side_files_too() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let b = d.join("b.ron");
    let o = bosetting(&["migrate", "scenarios/imdi-2020.ron", "--to", "2024", "--out", path(&b)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = listing(d);
    let o = bosetting(&["migrate", "scenarios/imdi-2020.ron", "--to", "2024", "--out", path(&b)]);
    failed_with(
        &o,
        &format!(
            "bosetting: {} exists; add --force to replace it (the old file is then kept as {}.bak)\n",
            b.display(),
            b.display()
        ),
    );
    assert_eq!(listing(d), before);
    let o = bosetting(&["migrate", "scenarios/imdi-2020.ron", "--to", "2024", "--out", path(&b), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = listing(d).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["b.dataset.ron", "b.dataset.ron.bak", "b.ron", "b.ron.bak"]);
    let old = |name: &str| before.iter().find(|(n, _)| n == name).unwrap().1.clone();
    assert_eq!(std::fs::read(d.join("b.dataset.ron.bak")).unwrap(), old("b.dataset.ron"));
    assert_eq!(std::fs::read(d.join("b.ron.bak")).unwrap(), old("b.ron"));
}

#[test]
fn every_writing_command_refuses_its_own_input() {
    let dir = tempfile::tempdir().unwrap();
    let plan = own_plan(dir.path(), |_| {});
    let data = dir.path().join("d.dataset.ron");
    let before = listing(dir.path());
    let refused = |args: &[&str], out: &Path, what: &str| {
        let o = bosetting(args);
        failed_with(&o, &format!("bosetting: {}: this is {what}; write to another file\n", out.display()));
        assert_eq!(listing(dir.path()), before, "{args:?}");
    };
    let scenario = "a scenario the command reads";
    let dataset = "the dataset of a scenario the command reads";
    refused(&["allocate", path(&plan), "--format", "csv", "--out", path(&data), "--force"], &data, dataset);
    refused(&["figure", path(&plan), "--kind", "top", "--out", path(&plan), "--force"], &plan, scenario);
    let o = bosetting(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        path(&data),
        "--dataset",
        path(&data),
        "--name",
        "x",
        "--out",
        path(&data),
    ]);
    failed_with(&o, &format!("bosetting: {}: this is the imported file; write to another file\n", data.display()));
    assert_eq!(listing(dir.path()), before);
}

// --- Silently wrong ---

/// A CSV of the 2020 request on 2020 codes, with `extra` rows after it.
fn csv_2020(dir: &Path, extra: &str) -> (PathBuf, Vec<String>) {
    let d = embedded_dataset("norway-2020").unwrap();
    let c = d.column("anmodning_2019").unwrap();
    let mut text = String::from("kommunenummer;kommune;verdi\n");
    let mut codes = Vec::new();
    for (m, v) in d.municipalities.iter().zip(c.values.iter()) {
        text.push_str(&format!("{};{};{}\n", m.code, m.name, v.unwrap_or(0.0)));
        codes.push(m.code.clone());
    }
    text.push_str(extra);
    let file = dir.join("tall.csv");
    std::fs::write(&file, text).unwrap();
    (file, codes)
}

#[test]
fn an_import_with_one_municipality_under_both_codes_is_refused_with_every_line() {
    let dir = tempfile::tempdir().unwrap();
    let (file, codes) = csv_2020(dir.path(), "3101;Halden;15\n1508;Ålesund;9\n");
    let out = dir.path().join("out.dataset.ron");
    let d2020 = embedded_dataset("norway-2020").unwrap();
    let value = |code: &str| {
        let i = d2020.municipalities.iter().position(|m| m.code == code).unwrap();
        d2020.column("anmodning_2019").unwrap().values[i].unwrap_or(0.0)
    };
    let line = |code: &str| codes.iter().position(|c| c == code).unwrap() + 2;
    let o = bosetting(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        path(&file),
        "--dataset",
        "norway-2024",
        "--value-column",
        "verdi",
        "--name",
        "andel",
        "--kind",
        "intensive",
        "--out",
        path(&out),
    ]);
    // A rate (said so: whole numbers summing to a national total would be read as a count): the 2020 value of
    // Ålesund is copied to both its 2024 parts. The border report comes first.
    let last = codes.len() + 1;
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        &err[err.find("bosetting: ").unwrap_or(0)..],
        format!(
            "bosetting: {}: 2 municipalities of norway-2024 have more than one row (codes of both borders in one \
             file); keep one row for each:\n  3101 Halden: line {}: {}; line {}: 15\n  1508 Ålesund: line {}: {}; \
             line {}: 9\n",
            file.display(),
            line("3001"),
            value("3001"),
            last + 1,
            line("1507"),
            value("1507"),
            last + 2
        )
    );
    assert!(!out.exists());
}

#[test]
fn a_negative_count_is_not_written_as_a_dataset_the_loader_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("neg.csv");
    std::fs::write(&file, "kommunenummer;verdi\n0301;-5\n1101;4\n").unwrap();
    let out = dir.path().join("out.dataset.ron");
    let o = bosetting(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        path(&file),
        "--dataset",
        "norway-2020",
        "--name",
        "tall",
        "--kind",
        "extensive",
        "--out",
        path(&out),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(
        err.lines().last().unwrap(),
        format!(
            "bosetting: {}: row 1 (0301), column tall: value -5 is negative, but the column is a count; nothing was \
             written, since the dataset could not be read back",
            out.display()
        )
    );
    assert!(!out.exists());
}

#[test]
fn revise_by_the_criteria_keeps_the_scenarios_band_when_the_target_grows() {
    let o = bosetting(&[
        "revise",
        "scenarios/plan-year-2024.ron",
        "--from",
        "anmodning_2024",
        "--target",
        "50000",
        "--mode",
        "criteria",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = embedded_dataset("norway-2024").unwrap();
    let sent = d.column("anmodning_2024").unwrap();
    let rows = v["municipalities"].as_array().unwrap();
    let mut checked = 0;
    for (m, s) in d.municipalities.iter().zip(sent.values.iter()) {
        let Some(sent) = s.filter(|s| *s > 0.0) else { continue };
        let row = rows.iter().find(|r| r["code"] == m.code.as_str()).unwrap();
        let got = row["allocation"].as_f64().unwrap();
        assert!(
            got >= sent && got <= (1.5 * sent).floor(),
            "{} ({}): {got} outside [{sent}, 1.5 × {sent}]",
            m.name,
            m.code
        );
        checked += 1;
    }
    assert!(checked > 300, "{checked}");
}

#[test]
fn numbers_no_municipality_can_have_are_warned_about_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = embedded_dataset("norway-2024").unwrap();
    let small = d.municipalities.iter().min_by(|a, b| a.population.total_cmp(&b.population)).unwrap().clone();
    let plan = own_plan(dir.path(), |f| {
        let c = column(f, "vedtak_2024");
        let row = f.rows.iter_mut().find(|r| r.code == small.code).unwrap();
        row.values[c] = Some(1e9);
        // A name with a line break cannot forge a line of its own.
        row.name = format!("{}\nbosetting: all is well", row.name);
    });
    let o = bosetting(&["followup", path(&plan), "--request", "anmodning_2024", "--decisions", "vedtak_2024"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "{}: warning: column \"vedtak_2024\": {}\\u{{a}}bosetting: all is well ({}) has 1000000000, more than its \
             population ({})\n",
            plan.display(),
            small.name,
            small.code,
            small.population
        )
    );
    let o = bosetting(&["revise", "scenarios/imdi-2024.ron", "--from", "anmodning_2024", "--target", "4294967295"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    // After the one tie of the rounding.
    let lines: Vec<&str> = err.lines().filter(|l| l.contains(": warning: ")).collect();
    assert_eq!(lines.len(), 21, "20 municipalities named, then a count: {err}");
    assert!(
        lines[0].starts_with("scenarios/imdi-2024.ron: warning: the request: Oslo (0301) has ")
            && lines[0].ends_with(", more than its population (717710)"),
        "{err}"
    );
    // Every municipality asked in 2024 (the proportional revision keeps that set) is beyond its population.
    let asked = d.column("anmodning_2024").unwrap().values.iter().filter(|v| v.unwrap_or(0.0) > 0.0).count();
    assert_eq!(
        lines[20],
        format!(
            "scenarios/imdi-2024.ron: warning: … and {} more municipalities above their population or 100 per 1,000",
            asked - 20
        )
    );
}

#[test]
fn inputs_that_contradict_the_command_are_refused_or_warned_about() {
    let base = ["followup", "scenarios/imdi-2024.ron", "--request", "anmodning_2024", "--decisions"];
    let o = bosetting(&[&base[..], &["sentralitetsklasse_2024"]].concat());
    failed_with(
        &o,
        "bosetting: scenarios/imdi-2024.ron: --decisions sentralitetsklasse_2024: column \"sentralitetsklasse_2024\" \
         (Centrality class (1 = most central), klasse) is a rate, a score or a class, not a count of people; give a \
         column of numbers of refugees (an imported one with --kind extensive)\n",
    );
    let o = bosetting(&[&base[..], &["vedtak_2024", "--among", "above"]].concat());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: the following required arguments were not provided:\n  --redistribute\n"),
        "{}",
        stderr(&o)
    );
    let dir = tempfile::tempdir().unwrap();
    let plan = own_plan(dir.path(), |f| {
        let c = column(f, "anmodning_2024");
        for row in &mut f.rows {
            row.values[c] = Some(0.0);
        }
    });
    let o = bosetting(&["followup", path(&plan), "--request", "anmodning_2024", "--decisions", "vedtak_2024"]);
    failed_with(
        &o,
        &format!(
            "bosetting: {}: --request anmodning_2024: the request asks nobody (every municipality's request is 0 or \
             missing); give the sent request's column\n",
            plan.display()
        ),
    );
}

#[test]
fn decisions_of_municipalities_not_asked_are_named_and_not_kept_into_the_asked_set() {
    let dir = tempfile::tempdir().unwrap();
    let d = embedded_dataset("norway-2024").unwrap();
    let request = d.column("anmodning_2024").unwrap();
    let i = request.values.iter().position(|v| v.unwrap_or(0.0) == 0.0).expect("someone not asked");
    let m = d.municipalities[i].clone();
    let plan = own_plan(dir.path(), |f| {
        let c = column(f, "vedtak_2024");
        f.rows[i].values[c] = Some(7.0);
    });
    let o = bosetting(&["followup", path(&plan), "--request", "anmodning_2024", "--decisions", "vedtak_2024"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let warning = err.lines().find(|l| l.contains("not asked")).unwrap();
    assert!(warning.starts_with(&format!("{}: warning: column \"vedtak_2024\": ", plan.display())), "{warning}");
    assert!(warning.contains(&format!("{} ({}) 7", m.name, m.code)), "{warning}");
    assert!(warning.ends_with("; their places count as decided, but not as answers to the request"), "{warning}");
    let o = bosetting(&[
        "revise",
        path(&plan),
        "--from",
        "anmodning_2024",
        "--target",
        "30000",
        "--keep-decisions",
        "vedtak_2024",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!(
            "bosetting: {}: revising anmodning_2024 to 30000: decisions to keep for municipalities that \
             \"anmodning_2024\" did not ask (",
            plan.display()
        )) && err.contains(&format!("{} ({}) 7", m.name, m.code))
            && err.ends_with(
                "): this revision does not ask anyone new; leave those decisions out, or revise by the criteria to \
                 a higher target\n"
            ),
        "{err}"
    );
}

#[test]
fn files_are_what_their_names_say() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("F.xlsx");
    let o = bosetting(&["compare", "scenarios/imdi-2024.ron", "scenarios/plan-year-2024.ron", "--out", path(&xlsx)]);
    failed_with(
        &o,
        &format!(
            "bosetting: --out {}: compare writes CSV, not .xlsx; name the file .csv (or choose the format with \
             --format csv|json)\n",
            xlsx.display()
        ),
    );
    assert!(!xlsx.exists());
    let o = Command::new(env!("CARGO_BIN_EXE_bosetting"))
        .args([
            "migrate",
            concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2020.ron"),
            "--to",
            "2024",
            "--out",
            "-",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    failed_with(
        &o,
        "bosetting: --out -: migrate writes two files, a scenario and its dataset; give the scenario's file name\n",
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no file named - or -.dataset.ron");
}

#[cfg(unix)]
#[test]
fn a_write_cut_short_by_the_file_size_limit_is_reported_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.csv");
    std::fs::write(&out, "the old plan").unwrap();
    let run = format!(
        "ulimit -f 2 && exec '{}' allocate scenarios/imdi-2020.ron --format csv --out '{}' --force",
        env!("CARGO_BIN_EXE_bosetting"),
        out.display()
    );
    let o = Command::new("sh").args(["-c", &run]).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    failed_with(
        &o,
        &format!(
            "bosetting: cannot write {}: the file is larger than this process may write (File too large; see ulimit -f)\n",
            out.display()
        ),
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the old plan");
    let names: Vec<String> = listing(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["plan.csv", "plan.csv.bak"], "no temporary left behind");
}

// --- Unclear ---

#[test]
fn a_count_too_large_says_so_and_huge_numbers_are_short() {
    let dir = tempfile::tempdir().unwrap();
    let plan = own_plan(dir.path(), |f| {
        let c = column(f, "vedtak_2024");
        f.rows[0].values[c] = Some(4_294_967_296.0);
        let c = column(f, "bosatt_2024_delaar");
        f.rows[0].values[c] = Some(1e300);
    });
    let base = ["followup", path(&plan), "--request", "anmodning_2024", "--decisions"];
    let o = bosetting(&[&base[..], &["vedtak_2024"]].concat());
    failed_with(
        &o,
        &format!(
            "bosetting: {}: --decisions vedtak_2024: column \"vedtak_2024\": Oslo (0301) has 4294967296, more than \
             the largest count this program handles (4294967295)\n",
            plan.display()
        ),
    );
    let o = bosetting(&[&base[..], &["bosatt_2024_delaar"]].concat());
    failed_with(
        &o,
        &format!(
            "bosetting: {}: --decisions bosatt_2024_delaar: column \"bosatt_2024_delaar\": Oslo (0301) has 1e300, \
             more than the largest count this program handles (4294967295)\n",
            plan.display()
        ),
    );
}

#[test]
fn apportion_summarises_its_ties() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("even.csv");
    let mut text = String::from("name,weight\n");
    for i in 0..40 {
        text.push_str(&format!("r{i},1\n"));
    }
    std::fs::write(&file, text).unwrap();
    let o = bosetting(&["apportion", "--method", "sainte-lague", "--seats", "10", path(&file)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "tie: r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, and 30 more competed for 10 seat(s); r0, r1, r2, r3, r4, r5, \
         r6, r7, r8, r9 got them (larger weight, then earlier row)\n"
    );
}

/// A server on 127.0.0.1 that answers every request with `answer` (head and body as sent) and closes.
fn serve_once(answer: &'static str) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    base
}

fn fetch_from(base: &str, out: &Path) -> Output {
    crate::common::fetch_ssb(base, &["07459", "--dataset", "norway-2024", "--name", "x", "--out", path(out)])
}

#[test]
fn an_answer_cut_short_is_not_called_a_failed_connection() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.dataset.ron");
    let base = serve_once("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"id\"");
    let o = fetch_from(&base, &out);
    failed_with(
        &o,
        &format!(
            "{base}: reading table 07459's dimensions…\nbosetting: {base}/tables/07459/metadata?lang=no&\
             outputFormat=json-stat2: the answer was cut short: io: Peer disconnected; try again later\n"
        ),
    );
    assert!(!out.exists());
}

#[test]
fn a_shortfall_round_that_cannot_be_shared_names_its_set() {
    let dir = tempfile::tempdir().unwrap();
    let plan = own_plan(dir.path(), |f| {
        let (r, v, b) = (column(f, "anmodning_2024"), column(f, "vedtak_2024"), column(f, "bosatt_2023"));
        for row in &mut f.rows {
            row.values[v] = row.values[r];
        }
        // Oslo decided above its request but settled nobody last year; Eigersund said no.
        f.rows[0].values[v] = f.rows[0].values[r].map(|x| x + 10.0);
        f.rows[0].values[b] = Some(0.0);
        f.rows[1].values[v] = Some(0.0);
    });
    let o = bosetting(&[
        "followup",
        path(&plan),
        "--request",
        "anmodning_2024",
        "--decisions",
        "vedtak_2024",
        "--redistribute",
        "--among",
        "above",
    ]);
    let d = embedded_dataset("norway-2024").unwrap();
    let eigersund = d.column("anmodning_2024").unwrap().values[1].unwrap();
    failed_with(
        &o,
        &format!(
            "bosetting: {}: the shortfall round of {} places asks only 1 municipality (among: decided above the \
             request), and among them criterion capacity has weight but no positive value among eligible \
             municipalities; set its weight to 0\n",
            plan.display(),
            eigersund - 10.0
        ),
    );
}

#[test]
fn a_revision_that_its_bounds_cannot_meet_names_the_bound() {
    let o = bosetting(&[
        "revise",
        "scenarios/plan-year-2024.ron",
        "--from",
        "anmodning_2024",
        "--target",
        "100",
        "--mode",
        "criteria",
        "--format",
        "csv",
    ]);
    failed_with(
        &o,
        "bosetting: scenarios/plan-year-2024.ron: revising anmodning_2024 to 100: each municipality's revised \
         request is bounded by its sent request in column \"anmodning_2024\": the bounds cannot be met:\n  - the \
         lower bounds from rules.change_band and rules.below_minimum (floor at rules.min_request) add up to 18611 \
         in 355 municipalities, more than the 100 to place (largest: Oslo (0301) 825, Bergen (4601) 600, Stavanger \
         (1103) 475, Trondheim - Tråante (5001) 423, Tromsø (5501) 345, …)\n",
    );
}

#[cfg(unix)]
#[test]
fn compare_on_a_terminal_shows_control_characters_instead_of_obeying_them() {
    let has_script = Command::new("script").arg("--version").output().is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: util-linux `script` (a terminal for the test) is not available");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2024.ron")).unwrap();
    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, text.replacen("name: \"Kriteriene på 2024-data\"", "name: \"Plan\u{1b}[2J\"", 1)).unwrap();
    let run = format!("'{}' compare '{}' scenarios/imdi-2024.ron", env!("CARGO_BIN_EXE_bosetting"), plan.display());
    let o = Command::new("script")
        .args(["-qec", &run, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{shown}");
    let header = shown.lines().next().unwrap();
    assert_eq!(header.trim_end(), "code,name,county,Plan\\u{1b}[2J,Kriteriene på 2024-data");
    // Into a pipe, the CSV is written as it is.
    let o = bosetting(&["compare", path(&plan), "scenarios/imdi-2024.ron"]);
    assert!(stdout(&o).starts_with("code,name,county,Plan\u{1b}[2J,Kriteriene på 2024-data\n"), "{}", stdout(&o));
}

#[test]
fn an_answer_too_large_says_so() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let Some(Ok(mut stream)) = listener.incoming().next() else { return };
        let mut buf = [0u8; 4096];
        let _ = stream.read(&mut buf);
        let size = 65 * 1024 * 1024;
        let head = format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {size}\r\n\r\n");
        let _ = stream.write_all(head.as_bytes());
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..65 {
            if stream.write_all(&chunk).is_err() {
                return;
            }
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.dataset.ron");
    let o = fetch_from(&base, &out);
    failed_with(
        &o,
        &format!(
            "{base}: reading table 07459's dimensions…\nbosetting: {base}/tables/07459/metadata?lang=no&\
             outputFormat=json-stat2: the answer is larger than 67108864 bytes, more than bosetting reads; choose \
             one statistics variable (--contents) and one year (--year)\n"
        ),
    );
    assert!(!out.exists());
}
