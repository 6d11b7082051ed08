//! Importing an indicator on the command line, then planning with it.

use crate::common::bosetting;

#[test]
fn imported_column_is_usable_by_a_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("med-ny.dataset.ron");
    let o = bosetting(&[
        "import",
        "tests/fixtures/import/ssb_tab_hidden.tsv",
        "--dataset",
        "norway-2024",
        "--value-column",
        "2024",
        "--name",
        "sysselsatte_2024",
        "--unit",
        "%",
        "--year",
        "2024",
        "--out",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("added sysselsatte_2024"), "{err}");

    let dataset = bosetting::data::load_dataset_file(&out).unwrap();
    let col = dataset.column("sysselsatte_2024").unwrap();
    assert_eq!(col.values[dataset.index_of_code("0301").unwrap()], Some(12.5));
    assert_eq!(col.values[dataset.index_of_code("5612").unwrap()], None, "hidden stays missing");

    let scenario = include_str!("../../scenarios/imdi-2024.ron")
        .replace("Embedded(\"norway-2024\")", "File(\"med-ny.dataset.ron\")")
        .replace("column: \"sentralitetsklasse_2024\"", "column: \"sysselsatte_2024\"");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, scenario).unwrap();
    let o = bosetting(&["allocate", path.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["target"], 36985);
}

#[test]
fn unknown_column_and_strict_mode_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.dataset.ron");
    let common = ["--dataset", "norway-2020", "--name", "ny", "--out", out.to_str().unwrap()];
    let mut args = vec!["import", "tests/fixtures/import/plain_semicolon_utf8.csv", "--value-column", "Nope"];
    args.extend(common);
    let o = bosetting(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no value column \"Nope\""));
    let mut args = vec!["import", "tests/fixtures/import/plain_semicolon_utf8.csv", "--strict"];
    args.extend(common);
    let o = bosetting(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists(), "nothing written on refusal");
}
