use super::*;

/// Five municipalities in two counties. Class 1: A (a long record, decided nearly in full), B (no record),
/// C (always decided half), D; class 2: E. No settled column, so requests count in full.
fn hand_inputs() -> Inputs {
    let year =
        |request: [f64; 5], decided: [Option<f64>; 5]| Year { request: request.to_vec(), decided: decided.to_vec() };
    Inputs {
        county_of: vec![0, 0, 0, 1, 1],
        counties: vec![("01".into(), "One".into()), ("02".into(), "Two".into())],
        group: vec![Some(1), Some(1), Some(1), Some(1), Some(2)],
        settled: vec![None; 5],
        history: vec![
            year([100.0, 0.0, 40.0, 60.0, 50.0], [Some(100.0), None, Some(20.0), Some(60.0), Some(50.0)]),
            year([100.0, 0.0, 40.0, 60.0, 50.0], [Some(90.0), None, Some(20.0), Some(30.0), Some(50.0)]),
        ],
    }
}

#[test]
fn a_hand_worked_estimate_is_reproduced() {
    let inputs = hand_inputs();
    let years: Vec<&Year> = inputs.history.iter().collect();
    let model = Model::fit(&inputs, &years, &|_| true).unwrap();
    // No settled figures: the whole request is "within", at the national share, 420 decided of 500 requested.
    let share = 420.0 / 500.0;
    assert!((model.within_share - share).abs() < 1e-12 && (model.above_share - share).abs() < 1e-12);
    assert!((model.national.factor - 1.0).abs() < 1e-12);
    // Class 1: 320 decided of a base of 0.84 × 400, pulled towards the national factor 1 by 50 places.
    let class_1 = (320.0 + 50.0) / (share * 400.0 + 50.0);
    assert!((model.group_of(Some(1)).factor - class_1).abs() < 1e-12);
    let e = model.estimate(&inputs, &[120.0, 50.0, 40.0, 0.0, 0.0]).unwrap();
    // A: 190 decided of a base of 0.84 × 200, pulled towards its class.
    let a = (190.0 + 50.0 * class_1) / (share * 200.0 + 50.0) * share * 120.0;
    // B: no record, its class's factor.
    let b = class_1 * share * 50.0;
    // C: 40 decided of a base of 0.84 × 80, pulled up towards its class, still below it.
    let c = (40.0 + 50.0 * class_1) / (share * 80.0 + 50.0) * share * 40.0;
    for (got, want) in e.iter().zip([a, b, c]) {
        assert!((got.expected - want).abs() < 1e-9, "{} ≠ {want}", got.expected);
        assert!(got.low <= got.expected && got.expected <= got.high);
    }
    assert!((e[0].basis.own_weight - share * 200.0 / (share * 200.0 + 50.0)).abs() < 1e-12);
    assert_eq!(e[1].basis.own_weight, 0.0);
    assert!(e[2].basis.factor < class_1, "a municipality that always decided less is expected to decide less");
    assert!(e[0].basis.sentence(crate::lang::Lang::En).contains("pulled towards"));
    assert!(e[1].basis.sentence(crate::lang::Lang::En).contains("no decisions of its own"));
}

#[test]
fn the_part_above_last_years_settled_counts_at_its_own_share() {
    let mut inputs = hand_inputs();
    inputs.settled = vec![Some(50.0), Some(0.0), None, Some(30.0), Some(50.0)];
    let years: Vec<&Year> = inputs.history.iter().collect();
    let model = Model::fit(&inputs, &years, &|_| true).unwrap();
    assert!(model.above_share <= model.within_share && model.above_share >= 0.0);
    let a = model.estimate_row(&inputs, 0, 120.0);
    assert_eq!((a.basis.within, a.basis.above), (50.0, 70.0));
    assert!((a.basis.base - (model.within_share * 50.0 + model.above_share * 70.0)).abs() < 1e-12);
    // Settled nobody last year: the smallest usual request still counts as within.
    let b = model.estimate_row(&inputs, 1, 50.0);
    assert_eq!((b.basis.within, b.basis.above), (FLOOR_PLACES, 50.0 - FLOOR_PLACES));
    let c = model.estimate_row(&inputs, 2, 50.0);
    assert_eq!((c.basis.within, c.basis.above), (50.0, 0.0), "no settled figure: all of it within");
    assert!((b.expected - b.basis.factor * b.basis.base).abs() < 1e-12);
    assert!(a.basis.sentence(crate::lang::Lang::Nb).contains("opp til fjorårets bosatte"));
}

#[test]
fn totals_add_up_and_their_range_is_narrower_than_the_sum_of_ranges() {
    let inputs = hand_inputs();
    let years: Vec<&Year> = inputs.history.iter().collect();
    let model = Model::fit(&inputs, &years, &|_| true).unwrap();
    let e = model.estimate(&inputs, &[120.0, 50.0, 40.0, 60.0, 50.0]).unwrap();
    let t = national_totals(&e);
    assert!((t.expected - e.iter().map(|x| x.expected).sum::<f64>()).abs() < 1e-9);
    assert_eq!(t.requested, 320.0);
    assert!(t.low >= e.iter().map(|x| x.low).sum::<f64>() - 1e-9);
    assert!(t.high <= e.iter().map(|x| x.high).sum::<f64>() + 1e-9);
    let counties = county_totals(&inputs, &e);
    assert_eq!(counties.len(), 2);
    let sum: f64 = counties.iter().map(|c| c.totals.expected).sum();
    assert!((sum - t.expected).abs() < 1e-9);
    assert!((t.shortfall(400.0) - (400.0 - t.expected)).abs() < 1e-12);
}

#[test]
fn a_wrong_request_length_and_an_empty_record_are_refused() {
    let inputs = hand_inputs();
    let years: Vec<&Year> = inputs.history.iter().collect();
    let model = Model::fit(&inputs, &years, &|_| true).unwrap();
    assert_eq!(model.estimate(&inputs, &[1.0]).unwrap_err(), ExpectError::WrongLength { got: 1, expected: 5 });
    assert_eq!(Model::fit(&inputs, &[], &|_| true).unwrap_err(), ExpectError::NoRecord);
    assert_eq!(Model::fit(&inputs, &years, &|_| false).unwrap_err(), ExpectError::NoRecord);
}

/// The 2024 dataset's request and decisions with the settled and class columns.
fn inputs_2024() -> (crate::data::Dataset, Inputs, Year) {
    let dataset = crate::data::embedded_dataset("norway-2024").unwrap();
    let choice = ColumnChoice {
        history: vec![],
        settled: Some("bosatt_2023".into()),
        group: Some("sentralitetsklasse_2024".into()),
    };
    let inputs = read_inputs(&dataset, &choice).unwrap();
    let target = read_year(&dataset, "anmodning_2024", "vedtak_2024").unwrap();
    (dataset, inputs, target)
}

#[test]
fn the_backtest_baselines_are_recomputed_from_the_data() {
    let (dataset, inputs, target) = inputs_2024();
    let b = backtest_by_county(&inputs, &target).unwrap();
    let request = dataset.column("anmodning_2024").unwrap();
    let decision = dataset.column("vedtak_2024").unwrap();
    let settled = dataset.column("bosatt_2023").unwrap();
    let class = dataset.column("sentralitetsklasse_2024").unwrap();
    let decided: Vec<usize> = (0..dataset.len()).filter(|&i| decision.values[i].is_some()).collect();
    assert_eq!(b.rows.len(), decided.len());
    let r = |i: usize| request.values[i].unwrap_or(0.0);
    let d = |i: usize| decision.values[i].unwrap_or(0.0);
    let mae =
        |p: &dyn Fn(usize) -> f64| decided.iter().map(|&i| (p(i) - d(i)).abs()).sum::<f64>() / decided.len() as f64;
    assert!((b.baselines.decision_equals_request.mae - mae(&r)).abs() < 1e-9);
    let capped = |i: usize| settled.values[i].map_or(r(i), |s| r(i).min(s));
    assert!((b.baselines.request_capped_by_settled.as_ref().unwrap().mae - mae(&capped)).abs() < 1e-9);
    let county = |i: usize| &dataset.municipalities[i].county_code;
    let by_class = |i: usize| {
        let same = decided.iter().filter(|&&j| county(j) != county(i) && class.values[j] == class.values[i]);
        let (dd, rr) = same.fold((0.0, 0.0), |(a, b), &j| if r(j) > 0.0 { (a + d(j), b + r(j)) } else { (a, b) });
        dd / rr * r(i)
    };
    assert!((b.baselines.group_ratio.mae - mae(&by_class)).abs() < 1e-9);
    // The model beats every baseline and keeps the national total close.
    assert!(b.model.mae < b.baselines.decision_equals_request.mae);
    assert!(b.model.mae < b.baselines.group_ratio.mae, "{} ≥ {}", b.model.mae, b.baselines.group_ratio.mae);
    let capped = b.baselines.request_capped_by_settled.as_ref().unwrap().mae;
    assert!(b.model.mae < capped, "{} ≥ {capped}", b.model.mae);
    assert!(b.model.total_error_pct.abs() < 3.0, "{}", b.model.total_error_pct);
}

#[test]
fn reading_refuses_unknown_columns_rates_and_empty_decisions() {
    let dataset = crate::data::embedded_dataset("norway-2024").unwrap();
    let read = |settled: &str, group: &str| {
        read_inputs(
            &dataset,
            &ColumnChoice { history: vec![], settled: Some(settled.into()), group: Some(group.into()) },
        )
    };
    assert_eq!(
        read("bosatt_2099", "sentralitetsklasse_2024").unwrap_err(),
        ExpectError::NoColumn { dataset: "norway-2024".into(), column: "bosatt_2099".into() }
    );
    assert_eq!(
        read("sentralitetsklasse_2024", "sentralitetsklasse_2024").unwrap_err(),
        ExpectError::NotCounts { column: "sentralitetsklasse_2024".into() }
    );
    let e = read("bosatt_2023", "bosatt_2023").unwrap_err();
    assert!(matches!(&e, ExpectError::NotAClass { column, .. } if column == "bosatt_2023"), "{e}");
    let mut empty = dataset.clone();
    let i = empty.column_index("vedtak_2024").unwrap();
    for v in empty.columns[i].values.iter_mut() {
        *v = None;
    }
    assert_eq!(
        read_year(&empty, "anmodning_2024", "vedtak_2024").unwrap_err(),
        ExpectError::NoDecisions { column: "vedtak_2024".into() }
    );
    assert!(ExpectError::NoDecisions { column: "vedtak_2024".into() }.to_string().contains("vedtak_2024"));
}

#[test]
fn the_needed_request_reaches_the_target_within_bounds_and_names_who_goes_above_its_record() {
    let inputs = hand_inputs();
    let years: Vec<&Year> = inputs.history.iter().collect();
    let model = Model::fit(&inputs, &years, &|_| true).unwrap();
    let plan = [100.0, 50.0, 40.0, 0.0, 50.0];
    let upper = [150.0, f64::INFINITY, 40.0, 0.0, 75.0];
    let expected_of = |r: &[f64]| model.estimate(&inputs, r).unwrap().iter().map(|e| e.expected).sum::<f64>();
    let target = expected_of(&plan) + 30.0;
    let n = needed_request(&model, &inputs, &plan, &upper, target).unwrap();
    assert!(n.reached && n.expected >= target, "{n:?}");
    assert!((n.expected - expected_of(&n.request)).abs() < 1e-9);
    assert_eq!(n.request[3], 0.0, "not asked stays unasked");
    assert_eq!(n.request[2], 40.0, "held at its bound");
    for ((r, p), u) in n.request.iter().zip(plan).zip(upper) {
        assert!(*r >= p && *r <= u.max(p), "{r} outside [{p}, {u}]");
    }
    // A decided at most 100: asked above that it is named; B has no record and no settled figure.
    let named: Vec<usize> = n.above_record.iter().map(|(row, _)| *row).collect();
    assert_eq!(named.contains(&0), n.request[0] > 100.0);
    assert!(!named.contains(&1));
    // Out of reach: everyone at the bound, and it says so.
    let far = needed_request(&model, &inputs, &plan, &upper, 10_000.0).unwrap();
    assert!(!far.reached);
    assert_eq!(far.request[0], 150.0);
    assert_eq!(far.request[4], 75.0);
}
