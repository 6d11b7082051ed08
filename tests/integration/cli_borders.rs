//! Data on other municipality borders: import through the code list (2020 ↔ 2024) and moving a scenario.

use std::collections::HashMap;
use std::path::Path;

use bosetting::data::{Dataset, embedded_dataset, load_dataset_file};

use crate::common::{bosetting, stderr};

/// A CSV of `column` of an embedded dataset, keyed by its codes: a table as an analyst would have it.
fn write_csv(path: &Path, dataset: &Dataset, columns: &[&str]) {
    let mut text = format!("kommunenummer;kommune;{}\n", columns.join(";"));
    for (i, m) in dataset.municipalities.iter().enumerate() {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| dataset.column(c).unwrap().values[i].map_or(String::new(), |v| v.to_string().replace('.', ",")))
            .collect();
        text.push_str(&format!("{};{};{}\n", m.code, m.name, cells.join(";")));
    }
    std::fs::write(path, text).unwrap();
}

fn import(file: &Path, dataset: &str, column: &str, name: &str, kind: &str, out: &Path, extra: &[&str]) -> String {
    let mut args = vec![
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        file.to_str().unwrap(),
        "--dataset",
        dataset,
        "--value-column",
        column,
        "--name",
        name,
        "--kind",
        kind,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    let o = bosetting(&args);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    err
}

fn values(d: &Dataset, id: &str) -> HashMap<String, Option<f64>> {
    let c = d.column(id).unwrap();
    d.municipalities.iter().zip(c.values.iter()).map(|(m, v)| (m.code.clone(), *v)).collect()
}

#[test]
fn a_2020_count_and_rate_fill_every_2024_municipality_and_merge_back() {
    let dir = tempfile::tempdir().unwrap();
    let d2020 = embedded_dataset("norway-2020").unwrap();
    let file = dir.path().join("tall-2020.csv");
    write_csv(&file, &d2020, &["anmodning_2019", "innvandrerandel_2020_pst"]);
    let count_2024 = dir.path().join("count.dataset.ron");
    let err = import(&file, "norway-2024", "anmodning_2019", "anmodning_2019", "extensive", &count_2024, &[]);
    assert!(err.contains("on 2020 borders and were moved to 2024 borders"), "{err}");
    assert!(err.contains("113 renumbered, 11 renamed, 1 split"), "{err}");
    assert!(err.contains("1507 Ålesund → 1508 Ålesund 86.2 %, 1580 Haram 13.8 %"), "{err}");
    assert!(err.contains("with 357 values (0 municipalities without a value, 0 unknown codes left out)"), "{err}");
    let d = load_dataset_file(&count_2024).unwrap();
    let got = values(&d, "anmodning_2019");
    let old = values(&d2020, "anmodning_2019");
    assert!(got.values().all(Option::is_some));
    let total = |m: &HashMap<String, Option<f64>>| m.values().flatten().sum::<f64>();
    assert_eq!(total(&got), total(&old), "national total unchanged");
    let alesund = old["1507"].unwrap();
    let (a, h) = (got["1508"].unwrap(), got["1580"].unwrap());
    assert_eq!(a + h, alesund);
    assert_eq!(h, (alesund * 9357.0 / 67866.0).round(), "Haram's population share of Ålesund's 2020 value");
    assert_eq!(got["3101"], old["3001"], "Halden renumbered");

    // The rate: copied to both, marked as estimated with the reason.
    let rate_2024 = dir.path().join("rate.dataset.ron");
    import(&file, "norway-2024", "innvandrerandel_2020_pst", "andel", "intensive", &rate_2024, &[]);
    let d = load_dataset_file(&rate_2024).unwrap();
    let got = values(&d, "andel");
    let old = values(&d2020, "innvandrerandel_2020_pst");
    assert_eq!(got.values().filter(|v| v.is_some()).count(), 357);
    assert_eq!((got["1508"], got["1580"]), (old["1507"], old["1507"]));
    let meta = &d.column("andel").unwrap().meta;
    let marked: Vec<&str> = meta.estimated.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(marked, vec!["1508", "1580"]);
    assert!(meta.estimate_of("1580").unwrap().nb.contains("Ålesund (1507)"));

    // Back: the 2024 numbers into the 2020 dataset merge Ålesund and Haram again.
    let file_2024 = dir.path().join("tall-2024.csv");
    let d_count = load_dataset_file(&count_2024).unwrap();
    write_csv(&file_2024, &d_count, &["anmodning_2019"]);
    let back = dir.path().join("back.dataset.ron");
    let err = import(&file_2024, "norway-2020", "anmodning_2019", "tilbake", "extensive", &back, &[]);
    assert!(err.contains("merged (1): 1508 Ålesund 86.2 %, 1580 Haram 13.8 % → 1507 Ålesund"), "{err}");
    let d = load_dataset_file(&back).unwrap();
    assert_eq!(values(&d, "tilbake"), values(&d2020, "anmodning_2019"));

    // --no-crosswalk keeps the old behaviour: other borders' codes are left out.
    let plain = dir.path().join("plain.dataset.ron");
    let err = import(&file, "norway-2024", "anmodning_2019", "x", "extensive", &plain, &["--no-crosswalk"]);
    assert!(err.contains("114 unknown codes left out"), "{err}");
    assert!(!err.contains("moved to 2024 borders"), "{err}");
}

#[test]
fn a_scenario_moved_to_2024_and_back_plans_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let there = dir.path().join("plan-2024.ron");
    let o = bosetting(&["migrate", "scenarios/imdi-2020.ron", "--to", "2024", "--out", there.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("renumbered (113): 3001 → 3101 Halden"), "{err}");
    assert!(dir.path().join("plan-2024.dataset.ron").exists());
    let back = dir.path().join("plan-2020.ron");
    let o = bosetting(&["migrate", there.to_str().unwrap(), "--to", "2020", "--out", back.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let plan = |path: &str| -> HashMap<String, u64> {
        let o = bosetting(&["allocate", path, "--format", "json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["municipalities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["code"].as_str().unwrap().to_owned(), m["allocation"].as_u64().unwrap()))
            .collect()
    };
    let before = plan("scenarios/imdi-2020.ron");
    let after = plan(back.to_str().unwrap());
    let on_2024 = plan(there.to_str().unwrap());
    assert_eq!(on_2024.len(), 357);
    for (code, n) in &before {
        if code != "1507" {
            assert_eq!(after.get(code), Some(n), "{code}");
        }
    }
}

#[test]
fn a_lock_on_a_split_municipality_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("scenarios/imdi-2020.ron").unwrap();
    let text = if text.contains("overrides: {") {
        text.replacen("overrides: {", "overrides: {\n        \"1507\": Lock(25),", 1)
    } else {
        text.replacen("rounding:", "overrides: {\"1507\": Lock(25)},\n    rounding:", 1)
    };
    let scenario = dir.path().join("locked.ron");
    std::fs::write(&scenario, text).unwrap();
    let out = dir.path().join("moved.ron");
    let o = bosetting(&["migrate", scenario.to_str().unwrap(), "--to", "2024", "--out", out.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("Ålesund (1507) is locked at 25"), "{err}");
    assert!(err.contains("Ålesund (1508) and Haram (1580)"), "{err}");
    assert!(!out.exists() && !dir.path().join("moved.dataset.ron").exists());
    let o = bosetting(&["migrate", "scenarios/imdi-2020.ron", "--to", "2021", "--out", out.to_str().unwrap()]);
    assert!(stderr(&o).contains("the borders known are 2020 and 2024"));
}

#[test]
fn dataset_files_written_before_vintages_open_and_know_their_borders() {
    // The shipped dataset files have no vintage field: the codes tell.
    for (file, year) in [("assets/norway-2020.dataset.ron", 2020), ("assets/norway-2024.dataset.ron", 2024)] {
        let d = load_dataset_file(Path::new(file)).unwrap();
        assert_eq!(d.vintage().map(|v| v.year()), Some(year));
        assert!(d.columns.iter().all(|c| c.meta.estimated.is_empty()));
    }
}
