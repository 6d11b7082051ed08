//! `bosetting year` as a user runs it: a 2024 year made from the request, the decisions and a shortfall
//! round, its status, a revision that warns, and a broken file.

use std::path::Path;

use serde_json::Value;

use crate::common::{bosetting, stderr, stdout};

fn run(args: &[&str]) -> String {
    let o = bosetting(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The 2024 year: the request as sent and the decisions.
fn year_2024(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("2024.year.ron");
    let f = path(&file);
    run(&[
        "year",
        "new",
        "--scenario",
        "scenarios/plan-year-2024.ron",
        "--target",
        "36985",
        "--date",
        "2023-06-15",
        "--out",
        f,
    ]);
    run(&["year", "round", f, "--kind", "request", "--from", "anmodning_2024", "--date", "2023-10-01"]);
    run(&["year", "decisions", f, "--from", "vedtak_2024", "--date", "2024-02-01"]);
    file
}

/// The places a plan printed in `allocate`'s JSON asks for.
fn allocated(plan: &Value) -> u64 {
    plan["municipalities"].as_array().unwrap().iter().map(|m| m["allocation"].as_u64().unwrap()).sum()
}

fn status(f: &str, extra: &[&str]) -> Value {
    let mut args = vec!["year", "status", f, "--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&run(&args)).unwrap()
}

#[test]
fn a_2024_year_with_a_shortfall_round() {
    let dir = tempfile::tempdir().unwrap();
    let file = year_2024(dir.path());
    let f = path(&file);
    let before = std::fs::read(&file).unwrap();
    let dry = run(&[
        "year",
        "round",
        f,
        "--kind",
        "shortfall",
        "--among",
        "yes",
        "--date",
        "2024-03-01",
        "--dry-run",
        "--format",
        "json",
    ]);
    let plan: Value = serde_json::from_str(&dry).unwrap();
    assert_eq!((plan["target"].as_u64(), allocated(&plan)), (Some(36_985 - 28_327), 36_985 - 28_327));
    assert_eq!(std::fs::read(&file).unwrap(), before, "a dry run writes nothing");
    run(&["year", "round", f, "--kind", "shortfall", "--among", "yes", "--date", "2024-03-01"]);
    assert!(dir.path().join("2024.year.ron.bak").exists(), "the previous version is kept");
    let v = status(f, &[]);
    let round_total = v["rounds"][1]["total"].as_u64().unwrap();
    assert_eq!(v["rounds"][1]["kind"], "shortfall");
    assert_eq!(round_total, 36_985 - 28_327);
    assert_eq!(v["target"], 36_985);
    assert_eq!(v["requested"].as_u64(), Some(36_985 + round_total));
    assert_eq!(v["decided"], 28_327);
    assert_eq!(v["shortfall"], 36_985 - 28_327);
    let rows = v["municipalities"].as_array().unwrap();
    let mut extra = 0;
    for m in rows {
        assert!(m["shortfall"].as_i64().unwrap() >= 0, "{m}");
        let rounds: Vec<u64> = m["rounds"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
        assert_eq!(m["requested"].as_u64(), Some(rounds.iter().sum()), "{m}");
        if rounds[1] > 0 {
            extra += rounds[1];
            assert_eq!(m["note_text"], format!("+{} ekstra", rounds[1]), "{m}");
        }
    }
    assert_eq!(extra, round_total);
    assert!(rows.iter().any(|m| m["note_text"] == "vedtok under anmodningen — ikke med i runden"));
    let county_sum: u64 = v["counties"].as_array().unwrap().iter().map(|c| c["decided"].as_u64().unwrap()).sum();
    assert_eq!(county_sum, 28_327);
    // As of a date before the round the year is the request alone.
    let earlier = status(f, &["--as-of", "2024-02-15"]);
    assert_eq!((earlier["requested"].as_u64(), earlier["rounds"].as_array().unwrap().len()), (Some(36_985), 1));
    let csv = run(&["year", "status", f, "--format", "csv"]);
    assert!(csv.contains("ekstra") && csv.lines().count() == rows.len() + 1, "{}", &csv[..400]);
    let text = run(&["year", "status", f, "--lang", "en"]);
    assert!(text.contains("Target") && text.contains("shortfall round"), "{text}");
}

#[test]
fn a_revision_that_piles_places_up_is_named_and_not_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let file = year_2024(dir.path());
    let f = path(&file);
    let before = std::fs::read(&file).unwrap();
    assert!(status(f, &[])["reconsider_counties"].is_null(), "the need has not moved");
    let args = ["year", "round", f, "--kind", "revision", "--target", "30000", "--keep-decisions", "--drop-bounds"];
    let o = bosetting(&[&args[..], &["--date", "2024-04-01"]].concat());
    assert!(!o.status.success());
    let e = stderr(&o);
    for name in ["Bygland", "Utsira", "Måsøy", "Rakkestad"] {
        assert!(e.contains(name), "{name}: {e}");
    }
    assert!(e.contains("--accept-warnings"), "{e}");
    assert_eq!(std::fs::read(&file).unwrap(), before, "not recorded");
    let o = bosetting(&[&args[..], &["--date", "2024-04-01", "--dry-run", "--format", "json"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("Bygland"));
    let plan: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(allocated(&plan), 30_000);
    run(&[&args[..], &["--date", "2024-04-01", "--accept-warnings"]].concat());
    let v = status(f, &[]);
    assert_eq!((v["target"].as_u64(), v["requested"].as_u64()), (Some(30_000), Some(30_000)), "the revision replaces");
    // 36,985 → 30,000 is a move of 18.9 %: past the committee's 10 %.
    assert_eq!(
        v["reconsider_counties"].as_str(),
        Some("Behovet er endret med −18,9 %: fylkesfordelingen bør vurderes på nytt.")
    );
    assert!(run(&["year", "status", f]).contains("fylkesfordelingen bør vurderes på nytt"));
}

#[test]
fn a_broken_year_file_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = year_2024(dir.path());
    let text = std::fs::read_to_string(&file).unwrap();
    let at = text.find("requests: {").unwrap();
    let broken = format!("{}{}", &text[..at], text[at..].replacen("\"0301\": ", "\"0301\": -", 1));
    std::fs::write(&file, broken).unwrap();
    let o = bosetting(&["year", "status", path(&file)]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("2024.year.ron, line ") && e.contains("negative"), "{e}");
    let o = bosetting(&["year", "round", path(&file), "--kind", "shortfall"]);
    assert!(stderr(&o).contains("2024.year.ron, line "), "{}", stderr(&o));
}

/// A column of the 2024 data as rows of (code, count); not answered stays out.
fn column_rows(id: &str) -> Vec<(String, Option<f64>)> {
    let d = bosetting::data::embedded_dataset("norway-2024").unwrap();
    let col = d.column(id).unwrap();
    d.municipalities.iter().zip(col.values.iter()).map(|(m, v)| (m.code.clone(), *v)).collect()
}

#[test]
fn rounds_decisions_and_settled_come_from_csv_and_xlsx_files() {
    let dir = tempfile::tempdir().unwrap();
    // The request as Norwegian Excel writes CSV: semicolons, codes as text formulas, Windows-1252 header.
    let mut csv = b"Kommunenummer;Anmodning (\xf8nsket antall)\r\n".to_vec();
    for (code, v) in column_rows("anmodning_2024") {
        csv.extend(format!("=\"{code}\";{}\r\n", v.map_or(String::new(), |v| v.to_string())).bytes());
    }
    let request = dir.path().join("anmodning.csv");
    std::fs::write(&request, csv).unwrap();
    // The decisions as a workbook: codes as numbers (Oslo's zero lost), not answered left empty.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Kommunenr.").unwrap();
    sheet.write_string(0, 1, "Vedtak").unwrap();
    for (i, (code, v)) in column_rows("vedtak_2024").iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_number(r, 0, code.parse::<f64>().unwrap()).unwrap();
        if let Some(v) = v {
            sheet.write_number(r, 1, *v).unwrap();
        }
    }
    let decisions = dir.path().join("vedtak.xlsx");
    book.save(&decisions).unwrap();

    let by_file = dir.path().join("filer.year.ron");
    let f = path(&by_file);
    let new = ["year", "new", "--scenario", "scenarios/plan-year-2024.ron", "--target", "36985"];
    run(&[&new[..], &["--date", "2023-06-15", "--out", f]].concat());
    run(&["year", "round", f, "--kind", "request", "--from", path(&request), "--date", "2023-10-01"]);
    run(&["year", "decisions", f, "--from", path(&decisions), "--date", "2024-02-01"]);
    let from_files = status(f, &[]);
    let by_column = year_2024(dir.path());
    let from_columns = status(path(&by_column), &[]);
    for key in ["target", "requested", "decided", "shortfall"] {
        assert_eq!(from_files[key], from_columns[key], "{key}");
    }
    assert_eq!(from_files["decided"].as_u64(), Some(28_327));
    assert_eq!(from_files["municipalities"], from_columns["municipalities"]);

    // A bad row is refused naming the file, the row and the cause; the year is unchanged.
    let before = std::fs::read(&by_file).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "kommunenummer").unwrap();
    sheet.write_string(0, 1, "bosatt").unwrap();
    sheet.write_string(1, 0, "0301").unwrap();
    sheet.write_number(1, 1, 120.0).unwrap();
    sheet.write_string(2, 0, "1103").unwrap();
    sheet.write_number(2, 1, -3.0).unwrap();
    let settled = dir.path().join("bosatt.xlsx");
    book.save(&settled).unwrap();
    let o = bosetting(&["year", "settled", f, "--from", path(&settled), "--date", "2024-06-01"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("bosatt.xlsx, line 3 (1103): -3 is not a whole number of at least 0"), "{e}");
    assert_eq!(std::fs::read(&by_file).unwrap(), before);
    // A plain CSV of settled counts is taken.
    std::fs::write(dir.path().join("bosatt.csv"), "kommunenummer,bosatt\n0301,120\n1103,3\n").unwrap();
    let settled_csv = dir.path().join("bosatt.csv");
    run(&["year", "settled", f, "--from", path(&settled_csv), "--date", "2024-06-01"]);
    assert_eq!(status(f, &[])["settled"].as_u64(), Some(123));
}

#[test]
fn a_withdrawn_round_counts_nowhere_and_stays_on_record() {
    let dir = tempfile::tempdir().unwrap();
    let file = year_2024(dir.path());
    let f = path(&file);
    run(&["year", "round", f, "--kind", "shortfall", "--among", "yes", "--date", "2024-03-01"]);
    assert_eq!(status(f, &[])["requested"].as_u64(), Some(36_985 + 8_658));
    let o = bosetting(&["year", "withdraw", f, "--round", "3", "--reason", "feil"]);
    assert!(!o.status.success() && stderr(&o).contains("no round 3"), "{}", stderr(&o));
    run(&["year", "withdraw", f, "--round", "2", "--reason", "sendt ved en feil", "--date", "2024-03-02"]);
    let v = status(f, &[]);
    assert_eq!((v["requested"].as_u64(), v["rounds"].as_array().map(Vec::len)), (Some(36_985), Some(1)));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("withdrawn_on: \"2024-03-02\"") && text.contains("sendt ved en feil"), "kept on record");
    assert!(text.contains("kind: shortfall"), "the round itself is kept");
}
