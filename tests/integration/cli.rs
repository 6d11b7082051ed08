//! The command line as a user runs it: exit codes, output shapes, messages.

use crate::common::{bosetting, stderr, stdout};

#[test]
fn allocate_json_has_the_documented_shape() {
    let o = bosetting(&["allocate", "scenarios/imdi-2020.ron", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["target"], 5120);
    assert_eq!(v["minors"], 140);
    assert_eq!(v["dataset"], "norway-2020");
    let rows = v["municipalities"].as_array().unwrap();
    assert_eq!(rows.len(), 356);
    let total: i64 = rows.iter().map(|r| r["allocation"].as_i64().unwrap()).sum();
    assert_eq!(total, 5120);
    let minors: i64 = rows.iter().map(|r| r["minors"].as_i64().unwrap()).sum();
    assert_eq!(minors, 140);
    assert_eq!(rows.iter().filter(|r| r["asked"] == true).count() as i64, v["asked"].as_i64().unwrap());
    let oslo = &rows[0];
    for key in [
        "code",
        "name",
        "county",
        "population",
        "eligible",
        "asked",
        "reason",
        "quota",
        "allocation",
        "minors",
        "per_1000",
    ] {
        assert!(oslo.get(key).is_some(), "missing {key}");
    }
    assert_eq!(oslo["code"], "0301");
    assert!(rows.iter().any(|r| r["reason"].is_string()));
}

#[test]
fn allocate_overrides_target_and_writes_csv_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.csv");
    let o = bosetting(&[
        "allocate",
        "scenarios/imdi-2020.ron",
        "--target",
        "4000",
        "--minors",
        "100",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with('\u{feff}'), "Excel flavour by default for files");
    let mut reader =
        csv::ReaderBuilder::new().delimiter(b';').from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let request = headers.iter().position(|h| h == "Anmodning").unwrap();
    let total: i64 = reader.records().map(|r| r.unwrap()[request].parse::<i64>().unwrap()).sum();
    assert_eq!(total, 4000);
}

#[test]
fn check_lists_every_problem_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    let text = include_str!("../../scenarios/imdi-2020.ron")
        .replace("weight: 20.0, column: \"sysselsettingsrate_2013_pst\"", "weight: -2.0, column: \"no_such\"");
    std::fs::write(&path, text).unwrap();
    let o = bosetting(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("criteria[1].weight") && err.contains("criteria[1].column"), "{err}");
    // Bokmål by default, English on request.
    assert!(err.contains("criteria[1].weight: -2 må være et tall på minst 0"), "{err}");
    assert!(err.contains("datasettet norway-2020 har ingen kolonne \"no_such\""), "{err}");
    assert!(err.contains("2 problem(er)"), "{err}");
    let o = bosetting(&["check", path.to_str().unwrap(), "--lang", "en"]);
    let err = stderr(&o);
    assert!(err.contains("criteria[1].weight: -2 must be a number of at least 0"), "{err}");
    assert!(err.contains("the dataset norway-2020 has no column \"no_such\""), "{err}");
    let o = bosetting(&["check", "scenarios/imdi-2020.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn broken_files_and_bad_usage_have_clear_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(version: 1, name: \"x\", dataset: Embedded(\"norway-2020\"), target: (total: ").unwrap();
    let o = bosetting(&["allocate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("broken.ron, line 1"), "{}", stderr(&o));
    let o = bosetting(&["allocate"]);
    assert_eq!(o.status.code(), Some(2));
    let o = bosetting(&["allocate", "does-not-exist.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("does-not-exist.ron"));
}

#[test]
fn apportion_reproduces_the_us_house_2010() {
    let o = bosetting(&[
        "apportion",
        "--method",
        "huntington-hill",
        "--seats",
        "435",
        "tests/fixtures/apportionment/us-house-2010.csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let expected =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/apportionment/us-house-2010.csv"))
            .unwrap();
    let expected: Vec<(String, String)> = expected
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), f[2].to_owned())
        })
        .collect();
    let got: Vec<(String, String)> = stdout(&o)
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), f[2].to_owned())
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn apportion_reports_ties_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tie.csv");
    std::fs::write(&path, "name,weight,note\nA,1,x\nB,1,y\nC,1,z\n").unwrap();
    let o = bosetting(&["apportion", "--method", "dhondt", "--seats", "2", path.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "name,weight,seats\nA,1,1\nB,1,1\nC,1,0\n");
    assert!(stderr(&o).contains("tie"), "{}", stderr(&o));
    let o = bosetting(&["apportion", "--method", "webster", "--seats", "2", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}
