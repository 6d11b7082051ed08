//! `bosetting figure`, `bosetting report` and `bosetting compare` as a user runs them.

use crate::common::{bosetting, stderr, stdout};

#[test]
fn figure_writes_svg_and_png_and_refuses_a_waterfall_without_code() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    let o = bosetting(&[
        "figure",
        "scenarios/imdi-2020.ron",
        "--kind",
        "map",
        "--lang",
        "en",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Map: © Kartverket, CC BY 4.0"), "the English source line");
    let png = dir.path().join("top.png");
    let o = bosetting(&[
        "figure",
        "scenarios/imdi-2020.ron",
        "--kind",
        "top",
        "--out",
        png.to_str().unwrap(),
        "--width",
        "800",
        "--height",
        "500",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG"));
    assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 800, "the width in the PNG header");
    let out = dir.path().join("w.svg");
    let o = bosetting(&["figure", "scenarios/imdi-2020.ron", "--kind", "waterfall", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--code"), "{}", stderr(&o));
    assert!(!out.exists());
}

#[test]
fn report_writes_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("briefing.pdf");
    let o = bosetting(&[
        "report",
        "scenarios/imdi-2020.ron",
        "--reference",
        "anmodning_2019",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    assert!(doc.get_pages().len() >= 3, "key figures, tables and the appendix");
    let o = bosetting(&[
        "report",
        "scenarios/imdi-2020.ron",
        "--reference",
        "no_such_column",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no_such_column"), "{}", stderr(&o));
}

#[test]
fn compare_sets_scenarios_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string("scenarios/imdi-2020.ron").unwrap();
    let small = dir.path().join("small.ron");
    std::fs::write(
        &small,
        base.replace("name: \"IMDi 2020\"", "name: \"Smaller\"").replace("total: 5120", "total: 4000"),
    )
    .unwrap();
    let o = bosetting(&["compare", "scenarios/imdi-2020.ron", small.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("code,name,county,IMDi 2020,Smaller"));
    assert_eq!(text.lines().count(), 357);
    let sum = |col: usize| -> i64 {
        text.lines().skip(1).map(|l| l.rsplit(',').nth(1 - col).unwrap().parse::<i64>().unwrap()).sum()
    };
    assert_eq!((sum(0), sum(1)), (5120, 4000));

    let o = bosetting(&["compare", "scenarios/imdi-2020.ron", small.to_str().unwrap(), "--scaled", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["scaled"], true);
    assert_eq!(v["scenarios"][1]["name"], "Smaller");
    let scaled_total: f64 =
        v["municipalities"].as_array().unwrap().iter().map(|m| m["allocations"][1].as_f64().unwrap()).sum();
    assert!((scaled_total - 5120.0).abs() < 1e-6, "{scaled_total}");

    let o = bosetting(&["compare", "scenarios/imdi-2020.ron", "scenarios/imdi-2024.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("same dataset"), "{}", stderr(&o));
}
