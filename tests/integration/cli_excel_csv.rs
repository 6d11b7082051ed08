//! The Norwegian CSV keeps municipality codes as text for Excel (`="0301"`), and the program reads its own
//! file back with the codes intact.

use crate::common::{bosetting, stderr};

#[test]
fn the_excel_csv_keeps_codes_as_text_and_imports_again() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.csv");
    let o = bosetting(&["allocate", "scenarios/imdi-2024.ron", "--out", plan.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&plan).unwrap();
    let oslo = text.lines().find(|l| l.contains(";Oslo;")).expect("a row for Oslo");
    assert!(oslo.starts_with("=\"0301\";Oslo;"), "{oslo}");
    let request_column = text.lines().next().unwrap().split(';').position(|h| h == "Anmodning").unwrap();
    let oslo_request: f64 = oslo.split(';').nth(request_column).unwrap().parse().unwrap();

    let plain = dir.path().join("plain.csv");
    let o =
        bosetting(&["allocate", "scenarios/imdi-2024.ron", "--csv-style", "plain", "--out", plain.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&plain).unwrap().contains("\n0301,Oslo,"), "plain CSV writes bare codes");

    let out = dir.path().join("med-anmodning.dataset.ron");
    let o = bosetting(&[
        "import",
        "--source",
        "Testkilde",
        "--licence",
        "CC BY 4.0",
        plan.to_str().unwrap(),
        "--dataset",
        "norway-2024",
        "--code-column",
        "Kommunenummer",
        "--value-column",
        "Anmodning",
        "--name",
        "anmodning_plan",
        "--strict",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dataset = bosetting::data::load_dataset_file(&out).unwrap();
    let column = dataset.column("anmodning_plan").unwrap();
    assert_eq!(column.values[dataset.index_of_code("0301").unwrap()], Some(oslo_request));
    assert!(column.values.iter().all(Option::is_some), "every municipality's code was read");
}
