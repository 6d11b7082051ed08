//! `bosetting calibrate` as a user runs it: output shapes, the saved scenario, references from files, errors.
//! A small synthetic dataset keeps these quick in a debug build.

use std::path::Path;

use bosetting::data::synthetic::synthetic_dataset;

use crate::common::{bosetting, stderr, synthetic_workspace};

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn json_has_the_documented_shape_and_write_saves_a_valid_scenario() {
    let (dir, plan) = synthetic_workspace();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let fitted = dir.path().join("out/fitted.ron");
    let o = bosetting(&[
        "calibrate",
        path(&plan),
        "--reference-column",
        "anmodning_2019",
        "--fit-exponent",
        "--validate-column",
        "bosatt_snitt_2017_2019",
        "--format",
        "json",
        "--write",
        path(&fitted),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let weights = v["weights"].as_object().unwrap();
    let keys: Vec<&str> = weights.keys().map(String::as_str).collect();
    for key in ["size", "labour_market", "integration_results", "capacity", "immigrant_share", "continuity"] {
        assert!(keys.contains(&key), "missing weight {key} in {keys:?}");
    }
    assert_eq!(weights["continuity"], 0.0, "continuity is held at 0 by default");
    let sum: f64 = weights.values().map(|w| w.as_f64().unwrap()).sum();
    assert!((sum - 1.0).abs() < 1e-9, "{sum}");
    // Numbers as the report shows them: no binary noise such as 0.48619999999999997.
    for w in weights.values() {
        let text = w.to_string();
        assert!(text.split('.').nth(1).is_none_or(|d| d.len() <= 4), "weight {text}");
    }
    let a = v["size_exponent"].as_f64().unwrap();
    assert!(a > 0.0 && a <= 1.0);
    for key in ["mae", "asked_agreement", "r2"] {
        assert!(v["fit"][key].is_number(), "fit.{key}");
        assert!(v["validation"][key].is_number(), "validation.{key}");
    }
    assert_eq!(v["validation"]["column"], "bosatt_snitt_2017_2019");

    // The saved scenario is valid where it lies (its dataset path follows it), and keeps the input's target.
    let o = bosetting(&["check", path(&fitted)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let saved = bosetting::scenario::load_scenario(&fitted).unwrap();
    assert_eq!(saved.target.total, 800);
    assert!((saved.size_exponent - a).abs() <= 0.0005, "the exponent as shown: {a} for {}", saved.size_exponent);
    assert!(saved.notes.contains("calibrated to anmodning_2019"), "{}", saved.notes);
    let percent: f64 = saved.criteria.iter().map(|c| c.weight).sum();
    assert!((percent - 100.0).abs() < 1e-9);
}

#[test]
fn text_report_and_reference_from_a_csv_file() {
    let (dir, plan) = synthetic_workspace();
    let d = synthetic_dataset(40, 9);
    let column = d.column("anmodning_2019").unwrap();
    let mut csv = String::from("kommunenummer;anmodning\n");
    for (m, v) in d.municipalities.iter().zip(&column.values) {
        if let Some(v) = v.filter(|v| *v > 0.0) {
            csv.push_str(&format!("{};{v}\n", m.code));
        }
    }
    let file = dir.path().join("requests.csv");
    std::fs::write(&file, csv).unwrap();
    let o = bosetting(&["calibrate", path(&plan), "--reference", path(&file), "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    for part in ["Calibrated to", "requests.csv", "Size (population)", "Capacity", "Size exponent: 0.500", "Fit:"] {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
    assert!(!text.contains("Test on"), "no validation asked");
    // The same references give the same weights, from a column or a file.
    let from_column = bosetting(&["calibrate", path(&plan), "--reference-column", "anmodning_2019", "--lang", "en"]);
    let weights =
        |t: &str| t.lines().filter(|l| l.ends_with('%') && l.starts_with("  ")).collect::<Vec<_>>().join("\n");
    assert_eq!(weights(&String::from_utf8_lossy(&from_column.stdout)), weights(&text));
}

#[test]
fn bad_references_are_refused_with_file_and_line() {
    let (dir, plan) = synthetic_workspace();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "kommunenummer,anmodning\n0001,10\n9999,12\n").unwrap();
    let o = bosetting(&["calibrate", path(&plan), "--reference", path(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("bad.csv, line 3") && e.contains("9999"), "{e}");

    let o = bosetting(&["calibrate", path(&plan), "--reference-column", "anmodning_1999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no column anmodning_1999"), "{}", stderr(&o));

    let o = bosetting(&["calibrate", path(&plan)]);
    assert_eq!(o.status.code(), Some(2), "a reference is required");
    let o = bosetting(&["calibrate", path(&plan), "--reference-column", "x", "--reference", "y.csv"]);
    assert_eq!(o.status.code(), Some(2), "only one reference");
}
