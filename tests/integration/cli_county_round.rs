//! `bosetting county-round` as IMDi runs it on the 2024 data: the workbooks out, filled in as a county would,
//! back in, and reconciled; a county above its frame; refusals.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::common::{bosetting, stderr, stdout};

const SCENARIO: &str = "scenarios/imdi-2024.ron";

fn run(args: &[&str]) -> String {
    let o = bosetting(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn request_2024() -> BTreeMap<String, (String, String, u32)> {
    let d = bosetting::data::embedded_dataset("norway-2024").unwrap();
    let col = d.column("anmodning_2024").unwrap();
    d.municipalities
        .iter()
        .zip(col.values.iter())
        .map(|(m, v)| (m.code.clone(), (m.name.clone(), m.county_code.clone(), v.unwrap_or(0.0) as u32)))
        .collect()
}

/// A copy of an exported workbook with the Anbefaling column filled in, written cell by cell with a workbook
/// library as a county's spreadsheet program would save it.
fn fill(from: &Path, to: &Path, value: impl Fn(&str) -> u32) {
    let mut book: Xlsx<_> = open_workbook(from).unwrap();
    let range = book.worksheet_range("Anbefaling").unwrap();
    let (top, left) = range.start().unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    let header = rows.iter().position(|r| r.iter().any(|c| c == &Data::String("Anbefaling".into()))).unwrap();
    let value_col = rows[header].iter().position(|c| c == &Data::String("Anbefaling".into())).unwrap();
    let mut out = Workbook::new();
    let ws = out.add_worksheet().set_name("Anbefaling").unwrap();
    for (i, row) in rows.iter().enumerate() {
        let r = top + i as u32;
        for (j, cell) in row.iter().enumerate() {
            let c = (left as usize + j) as u16;
            match cell {
                Data::String(s) => {
                    ws.write_string(r, c, s).unwrap();
                }
                Data::Float(f) => {
                    ws.write_number(r, c, *f).unwrap();
                }
                Data::Int(n) => {
                    ws.write_number(r, c, *n as f64).unwrap();
                }
                _ => {}
            }
        }
        if i > header
            && let Some(Data::String(code)) = row.first()
        {
            ws.write_number(r, (left as usize + value_col) as u16, f64::from(value(code))).unwrap();
        }
    }
    out.save(to).unwrap();
}

fn export(dir: &Path) -> Vec<PathBuf> {
    let out = dir.join("ut");
    let printed =
        run(&["county-round", "export", SCENARIO, "--frames", "anmodning_2024", "--out", out.to_str().unwrap()]);
    let files: Vec<PathBuf> = printed.lines().map(PathBuf::from).collect();
    assert_eq!(files.len(), 16, "{printed}");
    files
}

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap()
}

#[test]
fn the_2024_request_makes_the_round_trip_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let request = request_2024();
    let files = export(dir.path());
    let back = dir.path().join("inn");
    std::fs::create_dir(&back).unwrap();
    let mut returned = Vec::new();
    // The county workbooks, in reverse order: the order of the files does not matter.
    for f in files.iter().filter(|f| !f.to_str().unwrap().contains("alle")).rev() {
        let to = back.join(f.file_name().unwrap());
        fill(f, &to, |code| request[code].2);
        returned.push(to.to_str().unwrap().to_owned());
    }
    let mut args = vec!["county-round", "reconcile", SCENARIO, "--frames", "anmodning_2024", "--format", "json"];
    args.push("--recommendations");
    args.extend(returned.iter().map(String::as_str));
    let plan = json(&run(&args));
    let municipalities = plan["municipalities"].as_array().unwrap();
    assert_eq!(municipalities.len(), 357);
    for m in municipalities {
        let code = m["code"].as_str().unwrap();
        assert_eq!(m["allocation"].as_u64().unwrap(), u64::from(request[code].2), "{code}");
    }
    assert_eq!(plan["deviations"].as_array().unwrap().len(), 0);
    let counties = plan["counties"].as_array().unwrap();
    assert_eq!(counties.len(), 15);
    assert!(counties.iter().all(|c| c["status"] == "received" && c["final"] == c["frame"]));
    // Received on the day the file was saved (here: today), as YYYY-MM-DD.
    let received = counties[0]["received"].as_str().unwrap();
    assert!(received.len() == 10 && received.starts_with("20"), "{received}");
    assert_eq!(plan["target"].as_u64(), Some(36_985));
}

#[test]
fn an_unfilled_workbook_is_refused_with_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let files = export(dir.path());
    let vestland = files.iter().find(|f| f.to_str().unwrap().contains("-46-")).unwrap();
    let o = bosetting(&["county-round", "reconcile", SCENARIO, "--recommendations", vestland.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("[Anbefaling], row 8: 4601 Bergen has no recommendation; write 0 for none"), "{e}");
}

#[test]
fn vestland_above_its_frame_is_brought_to_it_and_logged() {
    let dir = tempfile::tempdir().unwrap();
    let request = request_2024();
    let mut files = Vec::new();
    let counties: std::collections::BTreeSet<&str> = request.values().map(|(_, c, _)| c.as_str()).collect();
    for county in counties {
        // Vestland answers in the Norwegian Excel flavour, the others plain.
        let (sep, head) =
            if county == "46" { (";", "Kommunenummer;Kommune;Anbefaling") } else { (",", "code,name,recommendation") };
        let mut text = format!("{head}\n");
        for (code, (name, _, v)) in request.iter().filter(|(_, (_, c, _))| c == county) {
            let v = if code == "4601" { v + 200 } else { *v };
            // Codes without their leading zero, as a spreadsheet shows them.
            text.push_str(&format!("{}{sep}{name}{sep}{v}\n", code.trim_start_matches('0')));
        }
        let path = dir.path().join(format!("{county}.csv"));
        std::fs::write(&path, text).unwrap();
        files.push(path.to_str().unwrap().to_owned());
    }
    let mut args = vec!["county-round", "reconcile", SCENARIO, "--frames", "anmodning_2024", "--format", "json"];
    args.push("--recommendations");
    args.extend(files.iter().map(String::as_str));
    let plan = json(&run(&args));
    let finals: BTreeMap<&str, u64> = plan["municipalities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["code"].as_str().unwrap(), m["allocation"].as_u64().unwrap()))
        .collect();
    let vestland_frame: u64 = request.values().filter(|(_, c, _)| c == "46").map(|(_, _, v)| u64::from(*v)).sum();
    let vestland: u64 = request.iter().filter(|(_, (_, c, _))| c == "46").map(|(code, _)| finals[code.as_str()]).sum();
    assert_eq!(vestland, vestland_frame);
    let log = plan["deviations"].as_array().unwrap();
    assert!(!log.is_empty());
    for (code, (_, county, v)) in &request {
        let recommended = if code == "4601" { v + 200 } else { *v };
        let line = log.iter().find(|d| d["code"] == code.as_str());
        if county != "46" {
            assert_eq!(finals[code.as_str()], u64::from(*v), "{code} unchanged");
        }
        assert_eq!(line.is_some(), finals[code.as_str()] != u64::from(recommended), "{code}");
        if let Some(line) = line {
            assert_eq!(line["recommended"].as_u64(), Some(u64::from(recommended)));
            assert_eq!(line["final"].as_u64(), Some(finals[code.as_str()]));
            assert_eq!(line["reason"], "tilpasset fylkets ramme");
            assert_eq!(line["county"], "Vestland");
        }
    }
    let text = run(&[
        "county-round",
        "reconcile",
        SCENARIO,
        "--frames",
        "anmodning_2024",
        "--lang",
        "en",
        "--recommendations",
        &files[files.len() - 5],
    ]);
    assert!(text.contains("missing"), "{text}");
}

#[test]
fn an_export_folder_with_files_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "kept").unwrap();
    let out = dir.path().to_str().unwrap();
    let o = bosetting(&["county-round", "export", SCENARIO, "--out", out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("has files in it; add --force"), "{}", stderr(&o));
    run(&["county-round", "export", SCENARIO, "--out", out, "--force"]);
    assert!(dir.path().join("fylkesrunden-alle-fylker.xlsx").is_file());
    assert_eq!(std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(), "kept");
}

#[test]
fn a_frame_file_that_misses_the_need_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let frames = dir.path().join("rammer.csv");
    std::fs::write(&frames, "fylke;ramme\nOslo;100\n").unwrap();
    let o = bosetting(&[
        "county-round",
        "export",
        SCENARIO,
        "--frames",
        frames.to_str().unwrap(),
        "--out",
        dir.path().join("x").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("rammer.csv: the frames have no number for"), "{}", stderr(&o));
}

#[test]
fn the_workbook_for_all_counties_comes_back_as_one_file_and_the_plan_as_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let request = request_2024();
    let files = export(dir.path());
    let all = files.iter().find(|f| f.to_str().unwrap().contains("alle")).unwrap();
    let filled = dir.path().join("alle-utfylt.xlsx");
    // Bergen set by hand below.
    fill(all, &filled, |code| request[code].2);
    let out = dir.path().join("endelig.xlsx");
    let o = bosetting(&[
        "county-round",
        "reconcile",
        SCENARIO,
        "--frames",
        "anmodning_2024",
        "--recommendations",
        filled.to_str().unwrap(),
        "--set",
        "4601=1100:avtalt med Bergen",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let names = book.sheet_names();
    assert!(names.ends_with(&["Avvik".to_owned(), "Fylkesstatus".to_owned()]), "{names:?}");
    let log = book.worksheet_range("Avvik").unwrap();
    let bergen = log.rows().find(|r| r.first() == Some(&Data::String("4601".into()))).unwrap();
    assert_eq!(bergen[4], Data::Float(1100.0));
    assert_eq!(bergen[6], Data::String("overstyrt manuelt: avtalt med Bergen".into()));
    // The rest of Vestland makes up Bergen's 100 places, each line with its reason.
    let others: Vec<_> = log.rows().skip(1).filter(|r| r.first() != Some(&Data::String("4601".into()))).collect();
    assert!(!others.is_empty());
    assert!(
        others
            .iter()
            .all(|r| r[2] == Data::String("Vestland".into()) && r[6] == Data::String("tilpasset fylkets ramme".into()))
    );
}

#[test]
fn the_final_request_is_frozen_as_the_years_request_round() {
    let dir = tempfile::tempdir().unwrap();
    let year = dir.path().join("2025.year.ron");
    let y = year.to_str().unwrap();
    run(&["year", "new", "--scenario", SCENARIO, "--target", "36985", "--out", y]);
    let d = bosetting::data::embedded_dataset("norway-2024").unwrap();
    let mut csv = String::from("Kommunenummer;Kommune;Anbefaling\n");
    for m in d.municipalities.iter().filter(|m| m.county_code == "03") {
        csv.push_str(&format!("{};{};1650\n", m.code, m.name));
    }
    let oslo = dir.path().join("oslo.csv");
    std::fs::write(&oslo, csv).unwrap();
    run(&["county-round", "reconcile", SCENARIO, "--recommendations", oslo.to_str().unwrap(), "--year", y]);
    let status: Value = serde_json::from_str(&run(&["year", "status", y, "--format", "json"])).unwrap();
    let rounds = status["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 1);
    assert_eq!((rounds[0]["kind"].as_str(), rounds[0]["total"].as_u64()), (Some("request"), Some(36_985)));
    let oslo_line = status["municipalities"].as_array().unwrap().iter().find(|m| m["code"] == "0301").unwrap();
    assert_eq!(oslo_line["requested"].as_u64(), Some(4327), "Oslo brought to its frame (the model's total)");
    // The deviation log is kept with the round, and the file still opens.
    let text = std::fs::read_to_string(&year).unwrap();
    let at = text.find("deviations: {").expect("the round keeps its deviations");
    let log = &text[at..];
    assert!(log.contains("\"0301\": (") && log.contains("recommended: 1650") && log.contains("reason: frame"), "{log}");
    run(&["year", "status", y]);
}

#[test]
fn a_plan_with_the_counties_recommendations_is_mapped_by_its_deviation() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = bosetting::scenario::load_scenario(Path::new(SCENARIO)).unwrap();
    let svg = dir.path().join("avvik.svg");
    let figure = |plan: &Path| {
        bosetting(&[
            "figure",
            plan.to_str().unwrap(),
            "--kind",
            "map",
            "--measure",
            "county_deviation",
            "--out",
            svg.to_str().unwrap(),
            "--force",
        ])
    };
    let without = dir.path().join("plain.ron");
    bosetting::scenario::save_scenario(&without, &plan).unwrap();
    let o = figure(&without);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no county recommendations"), "{}", stderr(&o));
    assert!(!svg.exists(), "nothing drawn");
    plan.county_recommendations = BTreeMap::from([("4601".to_owned(), 1400), ("4602".to_owned(), 210)]);
    let with = dir.path().join("reconciled.ron");
    bosetting::scenario::save_scenario(&with, &plan).unwrap();
    let o = figure(&with);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}
