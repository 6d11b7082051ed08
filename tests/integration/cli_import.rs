//! Importing an indicator on the command line, then planning with it.

use crate::common::bosetting;

#[test]
fn imported_column_is_usable_by_a_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("med-ny.dataset.ron");
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
    let mut args = vec![
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        "tests/fixtures/import/plain_semicolon_utf8.csv",
        "--value-column",
        "Nope",
    ];
    args.extend(common);
    let o = bosetting(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no value column \"Nope\""));
    let mut args = vec![
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        "tests/fixtures/import/plain_semicolon_utf8.csv",
        "--strict",
    ];
    args.extend(common);
    let o = bosetting(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists(), "nothing written on refusal");
}

/// The 2024 request as a plain CSV file, as an analyst would export it.
fn request_csv(dir: &std::path::Path) -> std::path::PathBuf {
    let d = bosetting::data::embedded_dataset("norway-2024").unwrap();
    let col = d.column("anmodning_2024").unwrap();
    let mut text = String::from("kommunenummer;anmodning\n");
    for (m, v) in d.municipalities.iter().zip(col.values.iter()) {
        text.push_str(&format!("{};{}\n", m.code, v.map_or(String::new(), |v| v.to_string())));
    }
    let path = dir.join("anmodning.csv");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_request_imported_without_kind_is_a_count_and_gives_oslo_its_share_as_continuity() {
    let dir = tempfile::tempdir().unwrap();
    let csv = request_csv(dir.path());
    let out = dir.path().join("med-foresporsel.dataset.ron");
    let (csv_s, out_s) = (csv.to_str().unwrap(), out.to_str().unwrap());
    let o = bosetting(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        csv_s,
        "--dataset",
        "norway-2024",
        "--name",
        "foresporsel",
        "--out",
        out_s,
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("foresporsel is a count (kind extensive): whole numbers summing to 36,985"), "{err}");
    assert!(err.contains("foresporsel has no role"), "{err}");
    let dataset = bosetting::data::load_dataset_file(&out).unwrap();
    let meta = &dataset.column("foresporsel").unwrap().meta;
    assert_eq!((meta.kind, meta.role), (bosetting::data::Kind::Extensive, None));

    // Continuity alone: each municipality gets its share of the request it had.
    let scenario = include_str!("../../scenarios/imdi-2024.ron")
        .replace("Embedded(\"norway-2024\")", "File(\"med-foresporsel.dataset.ron\")")
        .replace("(id: size, weight: 50.0),", "(id: continuity, weight: 100.0, column: \"foresporsel\"),")
        .replace("(id: labour_market, weight: 15.0, column: \"sentralitetsklasse_2024\"),", "")
        .replace("(id: capacity, weight: 35.0, column: \"bosatt_2023\"),", "");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, scenario).unwrap();
    let o = bosetting(&["allocate", path.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v["municipalities"].as_array().unwrap();
    let oslo = rows.iter().find(|r| r["code"] == "0301").unwrap();
    let asked = oslo["allocation"].as_u64().unwrap();
    let d = bosetting::data::embedded_dataset("norway-2024").unwrap();
    let real = d.column("anmodning_2024").unwrap().values[d.index_of_code("0301").unwrap()].unwrap();
    assert!((asked as f64 - real).abs() <= real * 0.02, "Oslo asked {asked}, its request was {real}");
}

#[test]
fn a_role_is_taken_from_the_option_or_guessed_from_the_name_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let csv = request_csv(dir.path());
    let out = dir.path().join("x.dataset.ron");
    let (csv_s, out_s) = (csv.to_str().unwrap(), out.to_str().unwrap());
    let import = |extra: &[&str]| {
        let mut args = vec![
            "import",
            "--source",
            "Testkilde",
            "--licence",
            "CC BY 4.0",
            csv_s,
            "--dataset",
            "norway-2020",
            "--out",
            out_s,
            "--force",
        ];
        args.extend_from_slice(extra);
        bosetting(&args)
    };
    let role_of = |id: &str| bosetting::data::load_dataset_file(&out).unwrap().column(id).unwrap().meta.role;
    // On the 2020 data the 2024 file's codes are moved through the crosswalk; the role is what matters here.
    let o = import(&["--name", "anmodning_2025"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("note: anmodning_2025 has the role Request 2025 (request:2025), guessed from its name"),
        "{err}"
    );
    assert_eq!(role_of("anmodning_2025"), Some(bosetting::data::ColumnRole::Request { year: 2025 }));
    let o = import(&["--name", "svar", "--role", "decisions:2025"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(role_of("svar"), Some(bosetting::data::ColumnRole::Decisions { year: 2025 }));
    let o = import(&["--name", "anmodning_2025", "--role", "none"]);
    assert!(o.status.success());
    assert_eq!(role_of("anmodning_2025"), None);
    // A role is a count: a rate with a role, or a role that is not one, is refused.
    let o = import(&["--name", "svar", "--role", "decisions:2025", "--kind", "intensive"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--role decisions:2025 is a count"));
    let o = import(&["--name", "anmodning_2026", "--kind", "intensive"]);
    assert!(o.status.success(), "a rate chosen by --kind gets no guessed role: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(role_of("anmodning_2026"), None);
    let o = import(&["--name", "svar", "--role", "vedtak"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--role: role \"vedtak\" is not one of"));
}

/// A file credits nobody by default: without --source and --licence (or with a blank one) the import is refused
/// naming the option, and nothing is written; `--license` is the same option, and the column keeps what was given.
#[test]
fn source_and_licence_are_required_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.dataset.ron");
    let base = [
        "import",
        "tests/fixtures/import/ssb_07459_semicolon_latin1.csv",
        "--dataset",
        "norway-2024",
        "--name",
        "egen",
        "--out",
        out.to_str().unwrap(),
    ];
    let run = |extra: &[&str]| bosetting(&[&base[..], extra].concat());
    let o = run(&[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with(
            "error: the following required arguments were not provided:\n  --source <SOURCE>\n  --licence <LICENCE>\n"
        ),
        "{err}"
    );
    let o = run(&["--source", "SSB"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("error: the following required arguments were not provided:\n  --licence <LICENCE>\n"),
        "{err}"
    );
    let o = run(&["--source", " ", "--licence", "CC BY 4.0"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with(
            "error: invalid value ' ' for '--source <SOURCE>': it is empty; say who published the values and on what terms\n"
        ),
        "{err}"
    );
    assert!(!out.exists(), "nothing written on refusal");

    let o = run(&["--source", "Kommunen selv", "--license", "Intern"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dataset = bosetting::data::load_dataset_file(&out).unwrap();
    let meta = &dataset.column("egen").unwrap().meta;
    assert_eq!((meta.source.as_str(), meta.licence.as_str()), ("Kommunen selv", "Intern"));
}
