//! `bosetting followup` and `bosetting revise` as a user runs them, checked against numbers computed here
//! straight from the dataset file's text (not through the crate's own reading of it).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common::{bosetting, stderr, stdout};

/// Per municipality code, the cells of `columns` in `assets/norway-2024.dataset.ron`, read from the file's
/// text: the column list gives the order of the values in each row.
fn dataset_columns(columns: &[&str]) -> BTreeMap<String, Vec<Option<f64>>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/norway-2024.dataset.ron")).unwrap();
    let (header, rows) = text.split_once("rows:").unwrap();
    let ids: Vec<&str> = header.split("(id: \"").skip(1).map(|s| s.split('"').next().unwrap()).collect();
    let positions: Vec<usize> = columns.iter().map(|c| ids.iter().position(|id| id == c).unwrap()).collect();
    let mut out = BTreeMap::new();
    for row in rows.split("(code: \"").skip(1) {
        let code = row.split('"').next().unwrap().to_owned();
        let values = row.split("values: [").nth(1).unwrap().split(']').next().unwrap();
        let cells: Vec<Option<f64>> = values
            .split(',')
            .map(|v| v.trim())
            .map(|v| if v == "None" { None } else { Some(v.parse().unwrap()) })
            .collect();
        out.insert(code, positions.iter().map(|&p| cells[p]).collect());
    }
    out
}

/// `followup` of the 2024 example: the request against the decisions.
const STATUS_2024: [&str; 6] =
    ["followup", "scenarios/imdi-2024.ron", "--request", "anmodning_2024", "--decisions", "vedtak_2024"];

fn json(args: &[&str]) -> Value {
    let o = bosetting(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn followup_2024_matches_the_data() {
    let data = dataset_columns(&["anmodning_2024", "vedtak_2024"]);
    let (mut requested, mut decided, mut asked, mut answered, mut yes, mut no, mut unanswered) =
        (0.0, 0.0, 0, 0, 0, 0, 0);
    for cells in data.values() {
        let (r, d) = (cells[0].unwrap_or(0.0), cells[1]);
        requested += r;
        decided += d.unwrap_or(0.0);
        if r > 0.0 {
            asked += 1;
            match d {
                None => unanswered += 1,
                Some(0.0) => {
                    answered += 1;
                    no += 1;
                }
                Some(_) => {
                    answered += 1;
                    yes += 1;
                }
            }
        }
    }
    let target = 36_985.0; // scenarios/imdi-2024.ron
    let v = json(&[
        "followup",
        "scenarios/imdi-2024.ron",
        "--request",
        "anmodning_2024",
        "--decisions",
        "vedtak_2024",
        "--format",
        "json",
    ]);
    assert_eq!(v["target"].as_f64(), Some(target));
    assert_eq!(v["requested"].as_f64(), Some(requested));
    assert_eq!(v["decided"].as_f64(), Some(decided));
    assert_eq!(v["shortfall"].as_f64(), Some(target - decided));
    assert_eq!(v["asked"], asked);
    // Decided so far plus the decisions to expect from the not answered (their requests at most).
    let e = &v["expected"];
    assert_eq!(e["decided"].as_f64(), Some(decided));
    assert_eq!(e["unanswered"], unanswered);
    let waiting: f64 = data.values().filter(|c| c[1].is_none()).map(|c| c[0].unwrap_or(0.0)).sum();
    let from_unanswered = e["expected_from_unanswered"].as_f64().unwrap();
    assert!(from_unanswered > 0.0 && from_unanswered <= waiting, "{e}");
    let total = e["expected_total"].as_f64().unwrap();
    assert!((total - decided - from_unanswered).abs() < 1e-6);
    assert!((e["expected_shortfall"].as_f64().unwrap() - (target - total)).abs() < 1e-6);
    let (low, high) = (e["range"][0].as_f64().unwrap(), e["range"][1].as_f64().unwrap());
    assert!(decided <= low && low <= total && total <= high, "{e}");
    assert_eq!(v["answered"], answered);
    assert_eq!(v["said_yes"], yes);
    assert_eq!(v["said_no"], no);
    assert_eq!(v["not_answered"], unanswered);
    let municipalities = v["municipalities"].as_array().unwrap();
    assert_eq!(municipalities.len(), data.len());
    for m in municipalities {
        let cells = &data[m["code"].as_str().unwrap()];
        // Not answered is null, never 0.
        assert_eq!(m["decision"].as_f64(), cells[1], "{}", m["code"]);
        assert!(
            ["code", "name", "county", "request", "decision", "difference", "settled"]
                .iter()
                .all(|k| m.get(k).is_some())
        );
    }
    let county_decided: f64 = v["counties"].as_array().unwrap().iter().map(|c| c["decided"].as_f64().unwrap()).sum();
    assert_eq!(county_decided, decided);
}

#[test]
fn redistribute_sums_to_the_shortfall_and_never_asks_a_no() {
    let data = dataset_columns(&["anmodning_2024", "vedtak_2024"]);
    let decided: f64 = data.values().map(|c| c[1].unwrap_or(0.0)).sum();
    for among in ["yes", "above", "all-but-no"] {
        let v = json(&[
            "followup",
            "scenarios/imdi-2024.ron",
            "--request",
            "anmodning_2024",
            "--decisions",
            "vedtak_2024",
            "--redistribute",
            "--among",
            among,
            "--format",
            "json",
        ]);
        let rows = v["municipalities"].as_array().unwrap();
        let total: f64 = rows.iter().map(|m| m["allocation"].as_f64().unwrap()).sum();
        assert_eq!(total, 36_985.0 - decided, "{among}: allocate's schema, summing to the shortfall");
        for m in rows.iter().filter(|m| m["allocation"].as_f64().unwrap() > 0.0) {
            let cells = &data[m["code"].as_str().unwrap()];
            assert_ne!(cells[1], Some(0.0), "{among}: asked a municipality that said no");
            if among == "yes" {
                assert!(cells[1].unwrap_or(0.0) >= cells[0].unwrap_or(0.0) && cells[1].is_some());
            }
        }
    }
}

#[test]
fn revise_keeps_the_asked_set_and_sums_exactly() {
    let data = dataset_columns(&["anmodning_2024", "vedtak_2024"]);
    for (mode, target) in
        [("proportional", "30000"), ("proportional", "40000"), ("criteria", "30000"), ("criteria", "40000")]
    {
        let v = json(&[
            "revise",
            "scenarios/imdi-2024.ron",
            "--from",
            "anmodning_2024",
            "--target",
            target,
            "--mode",
            mode,
            "--format",
            "json",
        ]);
        let rows = v["municipalities"].as_array().unwrap();
        let total: f64 = rows.iter().map(|m| m["allocation"].as_f64().unwrap()).sum();
        assert_eq!(total, target.parse::<f64>().unwrap(), "{mode} {target}");
        for m in rows {
            let sent = data[m["code"].as_str().unwrap()][0].unwrap_or(0.0);
            let now = m["allocation"].as_f64().unwrap();
            match mode {
                "proportional" => assert_eq!(now > 0.0, sent > 0.0, "the asked set is kept"),
                _ if target == "30000" => assert!(now <= sent, "a cut never raises anyone"),
                _ => assert!(now >= sent, "a rise never lowers anyone"),
            }
        }
    }
    // Keeping the decisions: every decided municipality keeps its decision exactly.
    let v = json(&[
        "revise",
        "scenarios/imdi-2024.ron",
        "--from",
        "anmodning_2024",
        "--target",
        "30000",
        "--keep-decisions",
        "vedtak_2024",
        "--format",
        "json",
    ]);
    for m in v["municipalities"].as_array().unwrap() {
        if let Some(d) = data[m["code"].as_str().unwrap()][1] {
            assert_eq!(m["allocation"].as_f64(), Some(d));
        }
    }
}

#[test]
fn bad_columns_and_impossible_targets_are_refused_clearly() {
    let o = bosetting(&["followup", "scenarios/imdi-2024.ron", "--request", "anmodning_2024", "--decisions", "nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope"), "{}", stderr(&o));
    let o = bosetting(&["revise", "scenarios/imdi-2024.ron", "--from", "anmodning_2024", "--target", "100"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("rules.below_minimum") && e.contains("100"), "names the rule and the target: {e}");
    let o =
        bosetting(&["revise", "scenarios/imdi-2024.ron", "--from", "anmodning_2024", "--target", "100", "--mode", "x"]);
    assert_eq!(o.status.code(), Some(2), "usage error");
}

#[test]
fn followup_text_and_csv() {
    let o = bosetting(&[
        "followup",
        "scenarios/imdi-2024.ron",
        "--request",
        "anmodning_2024",
        "--decisions",
        "vedtak_2024",
        "--settled",
        "bosatt_2024_delaar",
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Shortfall") && stdout(&o).contains("Oslo"));
    let o = bosetting(&[
        "followup",
        "scenarios/imdi-2024.ron",
        "--request",
        "anmodning_2024",
        "--decisions",
        "vedtak_2024",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    let text = stdout(&o);
    assert!(text.starts_with("Code,Municipality,County,Request,Decision,Difference,Settled so far,Remaining,Status"));
    assert_eq!(text.lines().count(), 358);
    // The Excel CSV keeps codes as text, as every other table does.
    let o = bosetting(&[&STATUS_2024[..], &["--format", "csv", "--csv-style", "excel-no"]].concat());
    assert!(stdout(&o).lines().nth(1).is_some_and(|l| l.starts_with("=\"0301\";Oslo;")), "{}", stdout(&o));
}

#[test]
fn old_scenario_files_open_unchanged_and_a_bad_band_is_reported() {
    // Written before below_minimum and change_band existed.
    let o = bosetting(&["check", "scenarios/imdi-2020.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2020.ron")).unwrap();
    let bad =
        text.replace("rules: (", "rules: (change_band: Some((column: \"anmodning_2019\", lower: 1.5, upper: 0.5)), ");
    assert_ne!(bad, text);
    let path = dir.path().join("bad-band.ron");
    std::fs::write(&path, bad).unwrap();
    let o = bosetting(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("rules.change_band") && stderr(&o).contains("1,5"), "{}", stderr(&o));
    let typo =
        text.replace("rules: (", "rules: (change_band: Some((column: \"anmodning_2019\", lowr: 0.5, upper: 1.5)), ");
    std::fs::write(&path, typo).unwrap();
    let o = bosetting(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("lowr"), "an unknown band field is named: {}", stderr(&o));
}

#[test]
fn followup_and_revise_write_like_allocate() {
    let dir = tempfile::tempdir().unwrap();
    let base = STATUS_2024;
    // `--out -` is standard output, in the format asked for.
    let o = bosetting(&[&base[..], &["--format", "json", "--out", "-"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(serde_json::from_str::<Value>(&stdout(&o)).is_ok_and(|v| v["decided"].is_number()));
    // A name that does not say its format is refused before anything is written.
    let odd = dir.path().join("status.txt");
    let o = bosetting(&[&base[..], &["--out", odd.to_str().unwrap()]].concat());
    assert!(!o.status.success() && stderr(&o).contains("unknown file type .txt"), "{}", stderr(&o));
    assert!(!odd.exists());
    // An existing file is kept unless --force is given, for the status and for a revision alike.
    let kept = dir.path().join("kept.csv");
    std::fs::write(&kept, "kept").unwrap();
    for args in [&base[..], &["revise", "scenarios/imdi-2024.ron", "--from", "anmodning_2024", "--target", "30000"][..]]
    {
        let o = bosetting(&[args, &["--out", kept.to_str().unwrap()]].concat());
        assert!(!o.status.success() && stderr(&o).contains("--force"), "{}", stderr(&o));
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), "kept");
    }
    let o = bosetting(&[&base[..], &["--out", kept.to_str().unwrap(), "--force"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&kept).unwrap().contains("0301"));
}

#[test]
fn a_shortfall_plan_shows_the_sent_request_beside_it() {
    // The scenario compares with another column; the shortfall plan is shown beside the request sent.
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("other-reference.ron");
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/imdi-2024.ron")).unwrap();
    std::fs::write(
        &scenario,
        text.replace("reference_column: \"anmodning_2024\"", "reference_column: \"bosatt_2023\""),
    )
    .unwrap();
    let o = bosetting(&[
        "followup",
        scenario.to_str().unwrap(),
        "--request",
        "anmodning_2024",
        "--decisions",
        "vedtak_2024",
        "--redistribute",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let header = stdout(&o).lines().next().unwrap_or_default().to_owned();
    assert!(header.contains("Request 2024"), "the sent request is the reference column: {header}");
}
