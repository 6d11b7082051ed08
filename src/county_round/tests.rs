//! The county round on the 2024 data: frames, reconciliation, the rule's guarantees, and every bad file.

use super::*;
use crate::data::{Dataset, embedded_dataset};
use crate::engine::Method;

fn dataset() -> Dataset {
    embedded_dataset("norway-2024").unwrap()
}

fn column(d: &Dataset, id: &str) -> Vec<u32> {
    d.column(id).unwrap().values.iter().map(|v| v.unwrap_or(0.0) as u32).collect()
}

/// A CSV of `code;name;Anbefaling` rows for the municipalities of `county`, values from `value(row)`.
fn county_csv(d: &Dataset, county: &str, value: impl Fn(usize) -> String) -> String {
    let mut s = String::from("Kommunenummer;Kommune;Anbefaling\n");
    for (row, m) in d.municipalities.iter().enumerate().filter(|(_, m)| m.county_code == county) {
        s.push_str(&format!("{};{};{}\n", m.code, m.name, value(row)));
    }
    s
}

fn read(files: &[(&str, &str)], d: &Dataset) -> Result<Recommendations, RecommendationError> {
    let files: Vec<ReturnedFile> = files
        .iter()
        .map(|(name, text)| ReturnedFile {
            name: (*name).to_owned(),
            bytes: text.as_bytes(),
            date: "2026-12-01".into(),
        })
        .collect();
    read_recommendations(&files, d)
}

fn input<'a>(
    d: &'a Dataset,
    proposal: &'a [u32],
    limits: &'a Limits,
    frames: &'a Frames,
    recs: &'a Recommendations,
    overrides: &'a [Override],
) -> RoundInput<'a> {
    RoundInput {
        dataset: d,
        proposal,
        limits,
        frames,
        recommendations: recs,
        overrides,
        accept_county_sums: false,
        method: Method::SainteLague,
    }
}

fn county_sum(d: &Dataset, values: &[u32], county: &str) -> u64 {
    d.municipalities.iter().zip(values).filter(|(m, _)| m.county_code == county).map(|(_, &v)| u64::from(v)).sum()
}

#[test]
fn frames_from_a_column_that_meets_the_need_are_its_county_sums() {
    let d = dataset();
    let request = column(&d, "anmodning_2024");
    let need: u32 = request.iter().sum();
    let frames = frames_from_column(&d, "anmodning_2024", need).unwrap();
    assert_eq!(frames, Frames { by_county: frames_from_plan(&d, &request).by_county, source: frames.source.clone() });
    assert_eq!(frames.total(), u64::from(need));
    // Scaled to another need, still exact.
    let scaled = frames_from_column(&d, "anmodning_2024", 30_000).unwrap();
    assert_eq!(scaled.total(), 30_000);
    assert!(matches!(frames_from_column(&d, "nope", 10), Err(RoundError::UnknownColumn { .. })));
}

#[test]
fn typed_frames_cover_every_county_once_and_meet_the_need() {
    let d = dataset();
    let counties = d.counties();
    let mut typed: Vec<(String, u32)> = counties.iter().map(|(c, _)| (c.clone(), 100)).collect();
    let need = 100 * counties.len() as u32;
    assert_eq!(frames_typed(&d, &typed, need).unwrap().total(), u64::from(need));
    typed[0].0 = counties[0].1.to_uppercase();
    assert!(frames_typed(&d, &typed, need).is_ok(), "a county by its name");
    let e = frames_typed(&d, &typed, need + 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("the frames add up to {need}, but the year's need is {}; they must add up to it exactly", need + 1)
    );
    let e = frames_typed(&d, &typed[1..], need - 100).unwrap_err();
    assert!(e.to_string().contains(&counties[0].1), "{e}");
    typed.push(("Atlantis".into(), 0));
    assert_eq!(frames_typed(&d, &typed, need).unwrap_err(), RoundError::UnknownCounty { county: "Atlantis".into() });
}

#[test]
fn a_frame_the_bounds_cannot_meet_is_refused_naming_the_county() {
    let d = dataset();
    let request = column(&d, "anmodning_2024");
    let frames = frames_from_plan(&d, &request);
    let mut limits = Limits::open(d.len());
    assert!(check_frames(&d, &limits, &frames).is_ok());
    // Every Vestland municipality capped at 10.
    for (row, m) in d.municipalities.iter().enumerate() {
        if m.county_code == "46" {
            limits.upper[row] = 10;
        }
    }
    let e = check_frames(&d, &limits, &frames).unwrap_err();
    assert!(matches!(&e, RoundError::FrameAboveBounds { county, .. } if county == "Vestland (46)"), "{e}");
    let mut limits = Limits::open(d.len());
    limits.lower[d.index_of_code("0301").unwrap()] = 5000;
    let e = check_frames(&d, &limits, &frames).unwrap_err();
    assert!(e.to_string().starts_with("Oslo (03): the frame"), "{e}");
}

#[test]
fn the_2024_request_returned_as_recommendations_comes_back_unchanged() {
    let d = dataset();
    let request = column(&d, "anmodning_2024");
    let frames = frames_from_plan(&d, &request);
    let files: Vec<(String, String)> = d
        .counties()
        .iter()
        .map(|(code, _)| (format!("{code}.csv"), county_csv(&d, code, |row| request[row].to_string())))
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let recs = read(&refs, &d).unwrap();
    assert_eq!(recs.received.len(), 15);
    let proposal = vec![0; d.len()];
    let limits = Limits::open(d.len());
    let out = reconcile(&input(&d, &proposal, &limits, &frames, &recs, &[])).unwrap();
    assert_eq!(out.requests, request);
    assert!(out.deviations.is_empty());
    assert!(out.counties.iter().all(|c| c.state == CountyState::Received && c.final_total == u64::from(c.frame)));
}

#[test]
fn vestland_above_its_frame_is_brought_back_and_every_change_is_logged() {
    let d = dataset();
    let request = column(&d, "anmodning_2024");
    let frames = frames_from_plan(&d, &request);
    let bergen = d.index_of_code("4601").unwrap();
    let csv = county_csv(&d, "46", |row| (request[row] + if row == bergen { 200 } else { 0 }).to_string());
    let recs = read(&[("vestland.csv", &csv)], &d).unwrap();
    let limits = Limits::open(d.len());
    let out = reconcile(&input(&d, &request, &limits, &frames, &recs, &[])).unwrap();
    assert_eq!(county_sum(&d, &out.requests, "46"), u64::from(frames.of("46")));
    for (row, m) in d.municipalities.iter().enumerate() {
        if m.county_code != "46" {
            assert_eq!(out.requests[row], request[row], "{} unchanged", m.name);
        }
        let logged = out.deviations.iter().find(|x| x.row == row);
        let start =
            if m.county_code == "46" { request[row] + if row == bergen { 200 } else { 0 } } else { request[row] };
        assert_eq!(logged.is_some(), out.requests[row] != start, "{}", m.name);
        if let Some(x) = logged {
            assert_eq!((x.recommended, x.final_request, x.reason.key()), (start, out.requests[row], "frame"));
            assert!(x.difference() <= 0, "above the frame: nobody goes up");
        }
    }
    assert!(out.deviations.iter().any(|x| x.code == "4601"));
    let vestland = out.counties.iter().find(|c| c.code == "46").unwrap();
    assert_eq!(vestland.recommended, Some(u64::from(frames.of("46")) + 200));
    assert_eq!(out.counties.iter().filter(|c| c.state == CountyState::Missing).count(), 14);
}

#[test]
fn missing_counties_fall_back_to_the_proposal_and_overrides_hold() {
    let d = dataset();
    let request = column(&d, "anmodning_2024");
    let frames = frames_from_plan(&d, &request);
    let recs = Recommendations::default();
    let limits = Limits::open(d.len());
    let overrides = [Override { code: "4601".into(), value: 900, reason: "Bergen asked for fewer".into() }];
    let out = reconcile(&input(&d, &request, &limits, &frames, &recs, &overrides)).unwrap();
    let bergen = d.index_of_code("4601").unwrap();
    assert_eq!(out.requests[bergen], 900);
    assert_eq!(county_sum(&d, &out.requests, "46"), u64::from(frames.of("46")), "the rest of Vestland makes up");
    let line = out.deviations.iter().find(|x| x.row == bergen).unwrap();
    assert_eq!(line.reason, DeviationReason::Manual("Bergen asked for fewer".into()));
    assert_eq!(line.reason.label(crate::lang::Lang::Nb), "overstyrt manuelt: Bergen asked for fewer");
    assert!(
        out.deviations
            .iter()
            .filter(|x| x.row != bergen)
            .all(|x| x.reason == DeviationReason::Frame && x.difference() > 0)
    );
    let no_reason = [Override { code: "4601".into(), value: 900, reason: " ".into() }];
    assert!(matches!(
        reconcile(&input(&d, &request, &limits, &frames, &recs, &no_reason)),
        Err(RoundError::OverrideWithoutReason { .. })
    ));
    let too_many = [Override { code: "4601".into(), value: 90_000, reason: "x".into() }];
    let e = reconcile(&input(&d, &request, &limits, &frames, &recs, &too_many)).unwrap_err();
    assert!(e.to_string().starts_with("Vestland (46): the overrides add up to 90000"), "{e}");
}

#[test]
fn accepting_the_county_sums_keeps_the_recommendations() {
    let d = dataset();
    let request = column(&d, "anmodning_2024");
    let frames = frames_from_plan(&d, &request);
    let csv = county_csv(&d, "46", |row| (request[row] + 1).to_string());
    let recs = read(&[("v.csv", &csv)], &d).unwrap();
    let limits = Limits::open(d.len());
    let mut i = input(&d, &request, &limits, &frames, &recs, &[]);
    i.accept_county_sums = true;
    let out = reconcile(&i).unwrap();
    assert!(out.deviations.is_empty());
    let n = d.municipalities.iter().filter(|m| m.county_code == "46").count() as u64;
    assert_eq!(county_sum(&d, &out.requests, "46"), u64::from(frames.of("46")) + n);
}

/// A small deterministic generator (xorshift), so the property loop needs no extra crate and always runs the
/// same cases.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u32) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % u64::from(n.max(1))) as u32
    }
}

#[test]
fn random_recommendations_meet_every_frame_within_bounds_with_every_move_logged() {
    let d = dataset();
    let request = column(&d, "anmodning_2024");
    let frames = frames_from_plan(&d, &request);
    let mut rng = Random(0x9e37_79b9_7f4a_7c15);
    for case in 0..40 {
        let recs_values: Vec<u32> =
            request.iter().map(|&r| (r + rng.below(40)).saturating_sub(rng.below(40))).collect();
        let mut limits = Limits::open(d.len());
        for (row, &r) in request.iter().enumerate() {
            if rng.below(4) == 0 {
                limits.upper[row] = r + rng.below(30) + 5;
            }
            if rng.below(6) == 0 {
                limits.lower[row] = r.saturating_sub(rng.below(20) + 5);
            }
        }
        let counties: Vec<String> = d.counties().into_iter().map(|(c, _)| c).filter(|_| rng.below(3) > 0).collect();
        let files: Vec<(String, String)> = counties
            .iter()
            .map(|c| (format!("{c}.csv"), county_csv(&d, c, |row| recs_values[row].to_string())))
            .collect();
        let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let recs = read(&refs, &d).unwrap();
        let out = match reconcile(&input(&d, &request, &limits, &frames, &recs, &[])) {
            Ok(out) => out,
            // Bounds that leave no way to the frame are refused, naming the county.
            Err(RoundError::CannotReachFrame { county, .. }) => {
                assert!(!county.is_empty());
                continue;
            }
            Err(e) => panic!("case {case}: {e}"),
        };
        for (code, _) in d.counties() {
            assert_eq!(county_sum(&d, &out.requests, &code), u64::from(frames.of(&code)), "case {case}, county {code}");
        }
        for row in 0..d.len() {
            let (start, fin) = (out.starting[row], out.requests[row]);
            let lo = limits.lower[row].min(start);
            let hi = limits.upper[row].max(start);
            assert!((lo..=hi).contains(&fin), "case {case}, row {row}: {fin} outside {lo}..={hi}");
            assert_eq!(
                out.deviations.iter().filter(|x| x.row == row).count(),
                usize::from(fin != start),
                "case {case}, row {row}"
            );
        }
    }
}

mod bad_files {
    use super::*;

    fn error(csv: &str) -> String {
        read(&[("svar.csv", csv)], &dataset()).unwrap_err().to_string()
    }

    /// Vestland's file with one row replaced.
    fn vestland_with(code: &str, line: &str) -> String {
        let d = dataset();
        county_csv(&d, "46", |_| "5".into())
            .lines()
            .map(|l| if l.starts_with(&format!("{code};")) { line.to_owned() } else { l.to_owned() })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn codes_with_or_without_leading_zeros_and_plain_or_norwegian_csv() {
        let d = dataset();
        let oslo = "Kommunenummer;Kommune;Anbefaling\n301;Oslo;1650\n";
        assert_eq!(read(&[("o.csv", oslo)], &d).unwrap().by_code["0301"].value, 1650);
        let plain = "code,name,recommendation\n0301,Oslo,1650.0\n";
        assert_eq!(read(&[("o.csv", plain)], &d).unwrap().by_code["0301"].value, 1650);
        let comma = "Kommunenummer;Kommune;Anbefaling\n0301;Oslo;1650,0\n";
        assert_eq!(read(&[("o.csv", comma)], &d).unwrap().by_code["0301"].value, 1650);
    }

    #[test]
    fn a_non_integer_is_refused() {
        let e = error(&vestland_with("4601", "4601;Bergen;12,5"));
        assert!(e.starts_with("svar.csv, row 2: 4601 Bergen: 12,5 is not a whole number"), "{e}");
    }

    #[test]
    fn a_negative_number_is_refused() {
        let e = error(&vestland_with("4601", "4601;Bergen;-3"));
        assert_eq!(e, "svar.csv, row 2: 4601 Bergen: -3 is negative");
    }

    #[test]
    fn an_empty_recommendation_is_refused() {
        let e = error(&vestland_with("4601", "4601;Bergen;"));
        assert_eq!(e, "svar.csv, row 2: 4601 Bergen has no recommendation; write 0 for none");
    }

    #[test]
    fn a_wrong_name_is_refused() {
        let e = error(&vestland_with("4601", "4601;Stavanger;5"));
        assert_eq!(e, "svar.csv, row 2: municipality 4601 is Bergen, not \"Stavanger\"");
    }

    #[test]
    fn an_unknown_code_is_refused() {
        let e = error("Kommunenummer;Kommune;Anbefaling\n9999;Ingensteds;5\n");
        assert!(e.starts_with("svar.csv, row 2: municipality 9999 is not on"), "{e}");
        let e = error("Kommunenummer;Kommune;Anbefaling\n46-01;Bergen;5\n");
        assert_eq!(e, "svar.csv, row 2: \"46-01\" is not a municipality code");
    }

    #[test]
    fn a_municipality_twice_with_different_numbers_is_refused() {
        let twice = format!("{}\n4601;Bergen;6", vestland_with("4601", "4601;Bergen;5"));
        let e = error(&twice);
        assert!(e.contains("4601 Bergen is recommended 6, but svar.csv, row 2 says 5"), "{e}");
        // Across files.
        let d = dataset();
        let a = county_csv(&d, "46", |_| "5".into());
        let b = "Kommunenummer;Kommune;Anbefaling\n4601;Bergen;7\n";
        let e = read(&[("a.csv", &a), ("b.csv", b)], &d).unwrap_err().to_string();
        assert_eq!(e, "b.csv, row 2: 4601 Bergen is recommended 7, but a.csv, row 2 says 5");
        // The same number twice is no conflict.
        assert!(read(&[("a.csv", &a), ("b.csv", "Kommunenummer;Kommune;Anbefaling\n4601;Bergen;5\n")], &d).is_ok());
    }

    #[test]
    fn a_county_answers_for_all_its_municipalities() {
        let e = error("Kommunenummer;Kommune;Anbefaling\n4601;Bergen;5\n");
        assert!(e.starts_with("svar.csv: Vestland (46) is missing 42 of its municipalities (4602 Kinn"), "{e}");
    }

    #[test]
    fn a_file_without_a_recommendation_column_is_refused() {
        assert_eq!(
            error("Kommunenummer;Kommune;Antall\n4601;Bergen;5\n"),
            "svar.csv: no column of recommendations (a header \"Anbefaling\" or \"Recommendation\")"
        );
    }

    #[test]
    fn a_file_on_2020_borders_is_moved_and_said_so() {
        let d = dataset();
        let old = embedded_dataset("norway-2020").unwrap();
        // Troms og Finnmark 2020 (54) split into Troms (55) and Finnmark (56) in 2024.
        let mut csv = String::from("Kommunenummer;Kommune;Anbefaling\n");
        for m in old.municipalities.iter().filter(|m| m.county_code == "54") {
            csv.push_str(&format!("{};{};10\n", m.code, m.name));
        }
        let recs = read(&[("tf.csv", &csv)], &d).unwrap();
        assert_eq!(recs.moved.len(), 1);
        assert_eq!(recs.moved[0].0, "tf.csv");
        assert!(recs.received.contains_key("55") && recs.received.contains_key("56"), "{:?}", recs.received.keys());
        assert!(recs.by_code.keys().all(|c| d.index_of_code(c).is_some()));
    }

    #[test]
    fn nothing_is_imported_half() {
        let d = dataset();
        let good = county_csv(&d, "03", |_| "5".into());
        let bad = vestland_with("4601", "4601;Bergen;x");
        let e = read(&[("good.csv", &good), ("bad.csv", &bad)], &d).unwrap_err();
        assert!(e.to_string().starts_with("bad.csv, row 2: 4601 Bergen"), "{e}");
    }
}

/// The worked example of `docs/county-round.md`.
#[test]
fn the_documented_example() {
    let mut d = crate::data::synthetic::synthetic_dataset(3, 1);
    for m in d.municipalities.iter_mut() {
        (m.county_code, m.county_name) = ("01".into(), "Fylke 1".into());
    }
    let frames = frames_typed(&d, &[("01".into(), 100)], 100).unwrap();
    let by_code = d
        .municipalities
        .iter()
        .zip([70, 40, 21])
        .map(|(m, value)| (m.code.clone(), Recommendation { value, file: "f.csv".into(), row: 2 }))
        .collect();
    let received = [("01".to_owned(), Received::default())].into_iter().collect();
    let recs = Recommendations { by_code, received, moved: Vec::new() };
    let mut limits = Limits::open(3);
    limits.lower[2] = 20;
    let proposal = [0; 3];
    let out = reconcile(&input(&d, &proposal, &limits, &frames, &recs, &[])).unwrap();
    assert_eq!(out.requests, [51, 29, 20]);
    let reasons: Vec<&str> = out.deviations.iter().map(|x| x.reason.key()).collect();
    assert_eq!(reasons, ["frame", "frame", "bound"]);
}

/// Vestland answers the 2024 request with Bergen raised by 200; the other counties do not answer.
fn reconciled_plan() -> (Dataset, crate::scenario::Scenario, Reconciled) {
    let d = dataset();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/imdi-2024.ron");
    let scenario = crate::scenario::load_scenario(&path).unwrap();
    let request = column(&d, "anmodning_2024");
    let frames = frames_from_plan(&d, &request);
    let bergen = d.index_of_code("4601").unwrap();
    let csv = county_csv(&d, "46", |row| (request[row] + if row == bergen { 200 } else { 0 }).to_string());
    let recs = read(&[("vestland.csv", &csv)], &d).unwrap();
    let limits = Limits::open(d.len());
    let overrides = [Override { code: "4602".into(), value: 150, reason: "avtalt med Kinn".into() }];
    let out = reconcile(&input(&d, &request, &limits, &frames, &recs, &overrides)).unwrap();
    (d, scenario, out)
}

#[test]
fn the_reconciled_plan_keeps_what_the_counties_recommended_through_save_and_open() {
    let (d, scenario, out) = reconciled_plan();
    let plan = final_scenario(&d, &scenario, &out, crate::lang::Lang::Nb);
    let vestland: Vec<_> = d.municipalities.iter().filter(|m| m.county_code == "46").collect();
    assert_eq!(plan.county_recommendations.len(), vestland.len(), "only the county that answered");
    for m in &vestland {
        let row = d.index_of_code(&m.code).unwrap();
        assert_eq!(plan.county_recommendations[&m.code], out.starting[row], "{}", m.code);
    }
    let text = crate::scenario::scenario_to_text(&plan);
    assert!(text.contains("county_recommendations: {"));
    let again = crate::scenario::parse_scenario(&text, "plan.ron").unwrap();
    assert_eq!(again, plan, "saved and opened unchanged");
}

#[test]
fn the_map_measure_is_the_final_request_less_the_recommendation() {
    use crate::figure::{FigureError, MapMeasure, measure_values};
    let (d, scenario, out) = reconciled_plan();
    let plan = final_scenario(&d, &scenario, &out, crate::lang::Lang::En);
    let a = crate::engine::allocate(&d, &plan).unwrap();
    let measure = MapMeasure::parse("county_deviation");
    assert_eq!(measure, MapMeasure::CountyDeviation);
    let v = measure_values(&measure, &d, &plan, Some(&a.rows)).unwrap();
    assert_eq!(v.scheme, crate::map::classes::Scheme::Diverging, "coloured like the difference from a reference");
    for (row, m) in d.municipalities.iter().enumerate() {
        let expected = (m.county_code == "46").then(|| f64::from(out.requests[row]) - f64::from(out.starting[row]));
        assert_eq!(v.values[row], expected, "{}: no recommendation, no value", m.code);
        let logged = out.deviations.iter().find(|x| x.row == row).map(|x| x.difference() as f64);
        if m.county_code == "46" {
            assert_eq!(logged.unwrap_or(0.0), v.values[row].unwrap(), "{} as in the log", m.code);
        }
    }
    let kinn = d.index_of_code("4602").unwrap();
    assert_eq!(v.values[kinn], Some(150.0 - f64::from(out.starting[kinn])), "the override shows too");
    let err = measure_values(&measure, &d, &scenario, Some(&a.rows)).unwrap_err();
    assert_eq!(err, FigureError::NoRecommendations, "a plan not made in the round has nothing to show");
}

#[test]
fn explain_says_what_the_county_recommended_and_why_it_was_changed() {
    let (d, scenario, out) = reconciled_plan();
    for lang in [crate::lang::Lang::Nb, crate::lang::Lang::En] {
        let plan = final_scenario(&d, &scenario, &out, lang);
        let a = crate::engine::allocate(&d, &plan).unwrap();
        let row = d.index_of_code("4602").unwrap();
        let e = crate::analysis::explain(&d, &plan, &a, row);
        let sentences = crate::analysis::explain_sentences(&e, &d, &plan, &a, lang);
        let line = out.deviations.iter().find(|x| x.row == row).unwrap();
        assert!(sentences.contains(&note(line, lang)), "{sentences:?}");
        let start = crate::numfmt::integer(f64::from(out.starting[row]), lang);
        let expected = match lang {
            crate::lang::Lang::Nb => {
                format!("Anbefalt av fylket: {start}; satt til 150 fordi overstyrt manuelt: avtalt med Kinn.")
            }
            crate::lang::Lang::En => {
                format!("Recommended by the county: {start}; set to 150 because set by hand: avtalt med Kinn.")
            }
        };
        assert_eq!(note(line, lang), expected);
        // A municipality the round left as recommended says so too.
        let request = column(&d, "anmodning_2024");
        let frames = frames_from_plan(&d, &request);
        let recs = read(&[("vestland.csv", &county_csv(&d, "46", |row| request[row].to_string()))], &d).unwrap();
        let limits = Limits::open(d.len());
        let kept = reconcile(&input(&d, &request, &limits, &frames, &recs, &[])).unwrap();
        assert!(kept.deviations.is_empty());
        let plan = final_scenario(&d, &scenario, &kept, lang);
        let a = crate::engine::allocate(&d, &plan).unwrap();
        let bergen = d.index_of_code("4601").unwrap();
        let e = crate::analysis::explain(&d, &plan, &a, bergen);
        let sentences = crate::analysis::explain_sentences(&e, &d, &plan, &a, lang);
        let head = crate::lang::Words::get(lang).recommended_by_county;
        let said = format!("{head}: {}.", crate::numfmt::integer(f64::from(request[bergen]), lang));
        assert!(sentences.contains(&said), "{sentences:?}");
    }
}

#[test]
fn the_rounds_own_locks_are_told_apart_from_deviations_and_later_choices() {
    use super::{RoundLock, round_lock};
    let (d, scenario, out) = reconciled_plan();
    let mut plan = final_scenario(&d, &scenario, &out, crate::lang::Lang::Nb);
    let logged: Vec<&str> = out.deviations.iter().map(|x| x.code.as_str()).collect();
    for m in &d.municipalities {
        let expected = match () {
            _ if logged.contains(&m.code.as_str()) => None,
            _ if m.county_code == "46" => Some(RoundLock::AsRecommended),
            _ => Some(RoundLock::CountyDidNotAnswer),
        };
        assert_eq!(round_lock(&d, &plan, &m.code), expected, "{} {}", m.code, m.name);
    }
    // Bergen at its recommendation with no note: the round's own; set by hand to another number afterwards,
    // even without a note, it is not.
    let recommended = plan.county_recommendations["4601"];
    plan.override_notes.remove("4601");
    plan.overrides.insert("4601".into(), crate::scenario::Override::Lock(recommended));
    assert_eq!(round_lock(&d, &plan, "4601"), Some(RoundLock::AsRecommended));
    plan.overrides.insert("4601".into(), crate::scenario::Override::Lock(recommended + 1));
    assert_eq!(round_lock(&d, &plan, "4601"), None);
    // A plan not made in the round has no round locks.
    let mut plain = plan.clone();
    plain.county_recommendations.clear();
    assert!(d.municipalities.iter().all(|m| round_lock(&d, &plain, &m.code).is_none()));
}
