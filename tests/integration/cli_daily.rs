//! The command line as analysts use it every day: languages, help, stable JSON, shared names, overwriting.

use crate::common::{bosetting, stderr, stdout};

#[test]
fn check_speaks_bokmal_by_default_and_english_on_request() {
    let o = bosetting(&["check", "scenarios/imdi-2020.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(": ok (356 kommuner i norway-2020,"), "{}", stdout(&o));
    let o = bosetting(&["check", "scenarios/imdi-2020.ron", "--lang", "en"]);
    assert!(stdout(&o).contains(": ok (356 municipalities in norway-2020,"), "{}", stdout(&o));
}

#[test]
fn check_warns_about_a_mostly_filled_weighted_indicator() {
    let o = bosetting(&["check", "scenarios/imdi-2020.ron", "--lang", "en"]);
    let err = stderr(&o);
    assert!(err.contains("warning: Integration results:") && err.contains("of 356 cells"), "{err}");
    assert!(o.status.success(), "a warning is not a problem");
}

#[test]
fn every_argument_has_help_text() {
    for command in ["allocate", "check", "explain", "calibrate", "import"] {
        let o = bosetting(&[command, "--help"]);
        let text = stdout(&o);
        assert!(o.status.success(), "{command}: {}", stderr(&o));
        // clap lists an argument without a doc comment as a bare name: every line under a heading that
        // names an argument must carry a description.
        for line in text.lines().filter(|l| l.starts_with("  ") && !l.starts_with("    ")) {
            let trimmed = line.trim();
            let described = trimmed.split("  ").filter(|s| !s.trim().is_empty()).count() > 1;
            assert!(described, "{command}: no help for {trimmed:?}\n{text}");
        }
    }
}

#[test]
fn json_has_rounded_numbers_and_stable_reason_codes() {
    let o = bosetting(&["allocate", "scenarios/imdi-2020.ron", "--format", "json", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rows = v["municipalities"].as_array().unwrap();
    for r in rows {
        for key in ["quota", "per_1000"] {
            let text = r[key].to_string();
            let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
            assert!(decimals <= 4, "{key} = {text}");
        }
        assert_eq!(r["reason"].is_null(), r["reason_code"].is_null());
    }
    let dropped = rows.iter().find(|r| r["reason_code"] == "below_min_request").expect("a dropped municipality");
    assert!(dropped["reason"].as_str().unwrap().contains("below the minimum request"), "{dropped}");
}

#[test]
fn shared_names_carry_their_county_and_explain_lists_the_candidates() {
    let o = bosetting(&["allocate", "scenarios/imdi-2020.ron", "--format", "csv"]);
    let text = stdout(&o);
    assert!(text.contains("1515,Herøy (Møre og Romsdal),") && text.contains("1818,Herøy (Nordland),"));
    let o = bosetting(&["explain", "scenarios/imdi-2020.ron", "Herøy"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("1515  Herøy (Møre og Romsdal)") && text.contains("1818  Herøy (Nordland)"), "{text}");
}

#[test]
fn allocate_out_over_an_existing_file_asks_for_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.csv");
    std::fs::write(&out, "my own work").unwrap();
    let path = out.to_str().unwrap();
    let o = bosetting(&["allocate", "scenarios/imdi-2020.ron", "--out", path]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "my own work");
    let o = bosetting(&["allocate", "scenarios/imdi-2020.ron", "--out", path, "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().contains("Kommunenummer"));
}

#[test]
fn explain_parts_add_up_to_the_values_shown() {
    let o = bosetting(&["explain", "scenarios/imdi-2020.ron", "1804", "--lang", "en"]);
    let text = stdout(&o);
    let parse = |s: &str| s.replace(['+', ','], "").replace('−', "-").parse::<f64>().ok();
    let mut sum = 0.0;
    let mut rows = 0;
    for line in text.lines().skip_while(|l| !l.starts_with("Step")).skip(1) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if line.starts_with("Request") || line.starts_with("of which") || cols.len() < 3 {
            continue;
        }
        let (Some(delta), Some(value)) = (parse(cols[cols.len() - 2]), parse(cols[cols.len() - 1])) else { continue };
        sum += delta;
        rows += 1;
        assert!((sum - value).abs() < 1e-6, "{line}: the changes so far add to {sum}\n{text}");
    }
    assert!(rows >= 5, "{text}");
}
