use super::*;
use crate::export::test_data;

fn spec(kind: Kind, width: u32, height: u32) -> FigureSpec {
    FigureSpec { width, height, code: Some("1804".into()), ..FigureSpec::new(kind, Lang::Nb) }
}

#[test]
fn every_kind_renders_as_svg_with_title_source_and_date() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    for kind in Kind::ALL {
        let svg = render_svg(&plan, &spec(kind, 1200, 800)).unwrap();
        assert!(svg.starts_with("<svg"), "{kind:?}");
        assert!(svg.contains("4. desember 2026") && svg.contains(&s.name), "{kind:?}: subtitle");
        assert!(svg.contains("SSB, IMDi"), "{kind:?}: source line");
    }
    let map = render_svg(&plan, &spec(Kind::Map, 1000, 1200)).unwrap();
    assert!(map.contains("© Kartverket, CC BY 4.0"), "the map credits Kartverket");
    assert!(map.matches("<polygon").count() >= 356, "every municipality is drawn");
}

#[test]
fn png_has_the_asked_size_and_is_not_blank() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let png = render_png(&plan, &spec(Kind::Counties, 640, 400)).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (640, 400));
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    reader.next_frame(&mut pixels).unwrap();
    let c = canvas::PLAN;
    let plan_blue = pixels.chunks(3).filter(|p| p == &[c.0, c.1, c.2]).count();
    assert!(plan_blue > 1000, "the county bars are drawn in the plan's colour: {plan_blue}");
    assert!(pixels.iter().filter(|&&v| v == 255).count() > pixels.len() / 3, "light background");
}

#[test]
fn waterfall_ends_at_the_request_and_bars_follow_the_plan() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let row = bars::find_row(&d, "Bodø").unwrap();
    let figure = bars::waterfall_figure(&plan, row, Lang::En);
    let last = figure.rows.last().unwrap();
    assert_eq!(last.bars[0].to, f64::from(a.rows[row].allocation));
    assert!(figure.title.contains("Bodø (1804)"), "{}", figure.title);
    let counties = bars::county_rows(&plan, Lang::Nb);
    assert_eq!(counties.len(), a.counties.len());
    assert_eq!(counties.iter().map(|r| r.bars[0].to).sum::<f64>(), a.allocated as f64);
    assert!(counties.windows(2).all(|w| w[0].bars[0].to >= w[1].bars[0].to), "largest county first, as on screen");
    assert_eq!(counties[0].name, "Viken");
    let top = bars::top_rows(&plan, Lang::Nb, 20);
    assert!(top.windows(2).all(|w| w[0].bars[0].to >= w[1].bars[0].to));
    assert_eq!(top[0].bars[0].to, a.rows.iter().map(|r| f64::from(r.allocation)).fold(0.0, f64::max));
}

#[test]
fn map_colours_asked_municipalities_only_for_the_request() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let fills = map::fills_for_test(&plan, &spec(Kind::Map, 1000, 1200)).unwrap();
    let coloured = fills.iter().filter(|(_, c)| *c).count();
    assert_eq!(coloured, a.asked, "a class colour for each asked municipality, none for the others");
    let mut indicator = spec(Kind::Map, 1000, 1200);
    indicator.measure = MapMeasure::parse("befolkning_2020_ikke_en_kolonne");
    assert!(matches!(map::fills_for_test(&plan, &indicator), Err(FigureError::UnknownMeasure(_))));
}

#[test]
fn bad_requests_are_clear_errors() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let mut no_code = spec(Kind::Waterfall, 800, 600);
    no_code.code = None;
    assert_eq!(render_svg(&plan, &no_code).unwrap_err(), FigureError::NeedsCode);
    let too_big = spec(Kind::Top, 20_000, 600);
    assert!(matches!(render_png(&plan, &too_big), Err(FigureError::Size { name: "width", .. })));
    let dir = tempfile::tempdir().unwrap();
    let wrong = dir.path().join("figure.jpg");
    assert!(matches!(write_figure(&wrong, &plan, &spec(Kind::Top, 800, 600)), Err(FigureError::Format(_))));
    assert!(!wrong.exists());
}

#[test]
fn a_municipality_excluded_by_hand_is_hatched_in_print() {
    let (d, mut s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let hatch = |plan: &Plan| {
        let rgb = render_rgb(plan, &spec(Kind::Map, 1000, 1200)).unwrap();
        let c = map::HATCH;
        rgb.chunks_exact(3).filter(|p| p == &[c.0, c.1, c.2]).count()
    };
    let before = hatch(&plan);
    // Kautokeino is large on the map; excluded by hand it is hatched, and so is its legend key.
    s.overrides.insert("5430".into(), crate::scenario::Override::Exclude);
    let excluded = crate::engine::allocate(&d, &s).unwrap();
    let after = hatch(&Plan { dataset: &d, scenario: &s, allocation: &excluded, date: "2026-12-04" });
    assert!(after > before + 500, "hatch pixels: {before} before, {after} after the exclusion");
}

#[test]
fn a_name_with_control_characters_gives_well_formed_svg() {
    let (d, mut s, a) = test_data::imdi_2020_case();
    s.name = "Plan\u{1}\u{7}\u{1b}[31m <&> \u{ffff}".into();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    for kind in Kind::ALL {
        let svg = render_svg(&plan, &spec(kind, 1200, 800)).unwrap();
        let bad: Vec<char> = svg
            .chars()
            .filter(|&c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}')
            .collect();
        assert!(bad.is_empty(), "{kind:?}: {bad:?}");
        assert!(svg.contains("Plan\u{fffd}\u{fffd}\u{fffd}[31m &lt;&amp;&gt; \u{fffd}"), "{kind:?}: the name, escaped");
    }
}

#[test]
fn a_follow_up_map_prints_the_statuses_not_the_request() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let mut follow_up = spec(Kind::Map, 1000, 1200);
    follow_up.measure =
        MapMeasure::FollowUp { request: Some("anmodning_2019".into()), decisions: "vedtak_2019".into() };
    let values = measure::evaluate(&follow_up.measure, &d, &s, &a, Lang::Nb).unwrap();
    assert_eq!(values.scheme, crate::map::classes::Scheme::Status);
    assert!(values.title.starts_with(crate::lang::Words::NB.followup_status), "{}", values.title);
    // Every municipality asked in 2019 has a status; those are the ones painted in a status colour.
    let asked_2019 = d.column("anmodning_2019").unwrap().values.iter().filter(|v| v.is_some_and(|v| v > 0.0)).count();
    let coloured = map::fills_for_test(&plan, &follow_up).unwrap().iter().filter(|(_, c)| *c).count();
    assert_eq!(coloured, asked_2019);
    let svg = render_svg(&plan, &follow_up).unwrap();
    assert!(!svg.contains(texts::FigureTexts::NB.map_title), "not titled as the request");
    assert!(svg.contains(crate::followup::Answer::At.label(Lang::Nb)), "the legend names the statuses");
}

#[test]
fn the_expected_ratio_map_colours_each_asked_municipality_by_its_expected_decision_over_its_request() {
    let (d, s, a) = test_data::imdi_2020_case();
    let plan = Plan { dataset: &d, scenario: &s, allocation: &a, date: "2026-12-04" };
    let mut ratio = spec(Kind::Map, 1000, 1200);
    ratio.measure = MapMeasure::parse("expected_ratio");
    assert_eq!(ratio.measure, MapMeasure::ExpectedRatio);
    let values = measure::evaluate(&ratio.measure, &d, &s, &a, Lang::Nb).unwrap();
    assert_eq!(values.scheme, crate::map::classes::Scheme::Ratio);
    assert_eq!(values.title, crate::lang::Words::NB.expected_ratio);
    let request: Vec<f64> = a.rows.iter().map(|r| f64::from(r.allocation)).collect();
    let expected = crate::expect::for_plan(&d, &request).expect("the 2020 dataset has the 2019 decisions");
    for ((v, r), e) in values.values.iter().zip(&a.rows).zip(&expected.rows) {
        match v {
            Some(v) => assert!(r.asked() && (v - e.expected / e.request).abs() < 1e-12),
            None => assert!(!r.asked()),
        }
    }
    let asked = a.rows.iter().filter(|r| r.asked()).count();
    let coloured = map::fills_for_test(&plan, &ratio).unwrap().iter().filter(|(_, c)| *c).count();
    assert_eq!(coloured, asked);
    let svg = render_svg(&plan, &ratio).unwrap();
    assert!(svg.contains("0,90–1,00") && svg.contains("≥ 1,20"), "the legend has the fixed ratio classes");
}

#[test]
fn without_a_record_there_is_no_expected_ratio_to_draw() {
    let (mut d, s, a) = test_data::imdi_2020_case();
    d.columns.retain(|c| !c.meta.id.starts_with("vedtak_"));
    assert!(!crate::expect::has_record(&d));
    let err = measure::evaluate(&MapMeasure::ExpectedRatio, &d, &s, &a, Lang::Nb).unwrap_err();
    assert!(matches!(err, crate::figure::FigureError::NoRecord(_)), "{err}");
}
