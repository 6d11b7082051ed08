use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

const TEXTBOOK: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/apportionment/textbook.json"));
const US_HOUSE_2010: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/apportionment/us-house-2010.csv"));

fn unbounded(weights: &[f64]) -> Vec<Claim> {
    weights.iter().enumerate().map(|(i, &w)| Claim::unbounded(w, i as u32)).collect()
}

fn seats(weights: &[f64], total: u32, method: Method) -> Vec<u32> {
    apportion(&unbounded(weights), total, method).unwrap().seats
}

#[derive(serde::Deserialize)]
struct TextbookCase {
    weights: Vec<f64>,
    seats: u32,
    expected: BTreeMap<String, Vec<u32>>,
}

#[test]
fn textbook_cases_match_published_results() {
    let cases: BTreeMap<String, TextbookCase> = serde_json::from_str(TEXTBOOK).unwrap();
    assert!(!cases.is_empty());
    let mut checked = 0;
    for (name, case) in &cases {
        for (method_name, expected) in &case.expected {
            let method =
                Method::from_cli_name(method_name).unwrap_or_else(|| panic!("unknown method {method_name} in {name}"));
            let got = apportion(&unbounded(&case.weights), case.seats, method).unwrap();
            assert_eq!(&got.seats, expected, "{name}, {method_name}");
            assert!(got.ties.is_empty(), "{name}, {method_name}: {:?}", got.ties);
            checked += 1;
        }
    }
    assert!(checked >= 9);
}

#[test]
fn us_house_2010_huntington_hill() {
    let mut claims = Vec::new();
    let mut expected = Vec::new();
    for (i, line) in US_HOUSE_2010.lines().skip(1).enumerate() {
        let fields: Vec<&str> = line.trim().split(',').collect();
        assert_eq!(fields.len(), 3, "line {line:?}");
        claims.push(Claim::unbounded(fields[1].parse().unwrap(), i as u32));
        expected.push(fields[2].parse::<u32>().unwrap());
    }
    assert_eq!(claims.len(), 50);
    let got = apportion(&claims, 435, Method::HuntingtonHill).unwrap();
    assert_eq!(got.seats, expected);
    assert!(got.ties.is_empty());
}

#[test]
fn method_names_round_trip() {
    for method in Method::ALL {
        let name = method.cli_name();
        assert_eq!(Method::from_cli_name(name), Some(method));
        let json = serde_json::to_string(&method).unwrap();
        // Files use `_` where the command line uses `-` (RON identifiers cannot hold `-`).
        assert_eq!(json, format!("\"{}\"", name.replace('-', "_")));
        assert_eq!(serde_json::from_str::<Method>(&json).unwrap(), method);
    }
    assert_eq!(Method::DHondt.cli_name(), "dhondt");
    assert_eq!(Method::from_cli_name("d-hondt"), None);
    assert_eq!(Method::default(), Method::SainteLague);
}

#[test]
fn invalid_weights_are_rejected() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1.0] {
        let claims = unbounded(&[1.0, bad]);
        let err = apportion(&claims, 3, Method::SainteLague).unwrap_err();
        match err {
            ApportionError::InvalidWeight { index: 1, value } => {
                assert!(value.is_nan() || value == bad)
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[test]
fn bound_errors() {
    let mut claims = unbounded(&[1.0, 1.0]);
    claims[1].lower = 5;
    claims[1].upper = 4;
    assert_eq!(apportion(&claims, 10, Method::DHondt), Err(ApportionError::LowerAboveUpper { index: 1 }));

    let mut claims = unbounded(&[1.0, 1.0]);
    claims[0].lower = 4;
    claims[1].lower = 3;
    assert_eq!(apportion(&claims, 6, Method::Hamilton), Err(ApportionError::BoundsTooHigh { sum_lower: 7, total: 6 }));

    let mut claims = unbounded(&[1.0, 1.0]);
    claims[0].upper = 2;
    claims[1].upper = 3;
    assert_eq!(
        apportion(&claims, 6, Method::HuntingtonHill),
        Err(ApportionError::BoundsTooLow { sum_upper: 5, total: 6 })
    );

    // Upper bounds add up in u64: no overflow with many unbounded items.
    let claims = unbounded(&[1.0; 3]);
    assert!(apportion(&claims, u32::MAX, Method::SainteLague).is_ok());
    assert_eq!(apportion(&[], 1, Method::SainteLague), Err(ApportionError::BoundsTooLow { sum_upper: 0, total: 1 }));
}

#[test]
fn no_weight_errors() {
    for method in Method::ALL {
        let claims = unbounded(&[0.0, 0.0]);
        assert_eq!(apportion(&claims, 1, method), Err(ApportionError::NoWeight { total: 1 }), "{method:?}");
        // Units beyond the lowers would have to go to the zero-weight item.
        let mut claims = unbounded(&[2.0, 0.0]);
        claims[0].upper = 3;
        assert_eq!(apportion(&claims, 4, method), Err(ApportionError::NoWeight { total: 4 }), "{method:?}");
        // Lowers alone are fine without weight.
        let mut claims = unbounded(&[0.0, 0.0]);
        claims[0].lower = 2;
        claims[1].lower = 1;
        assert_eq!(apportion(&claims, 3, method).unwrap().seats, vec![2, 1]);
    }
}

#[test]
fn error_messages_are_readable() {
    let err = ApportionError::BoundsTooHigh { sum_lower: 7, total: 6 };
    assert_eq!(err.to_string(), "the lower bounds add up to 7, more than the total 6");
    let err = ApportionError::InvalidWeight { index: 2, value: -1.0 };
    assert!(err.to_string().contains("item 2"));
}

#[test]
fn zero_total_and_empty_input() {
    for method in Method::ALL {
        let got = apportion(&unbounded(&[3.0, 0.0, 1.0]), 0, method).unwrap();
        assert_eq!(got.seats, vec![0, 0, 0]);
        assert!(got.ties.is_empty());
        let got = apportion(&[], 0, method).unwrap();
        assert!(got.seats.is_empty());
        let got = apportion(&unbounded(&[0.0]), 0, method).unwrap();
        assert_eq!(got.seats, vec![0]);
    }
}

#[test]
fn equal_weights_report_a_tie_decided_by_rank() {
    for method in Method::ALL {
        let got = apportion(&unbounded(&[1.0, 1.0, 1.0]), 2, method).unwrap();
        assert_eq!(got.seats, vec![1, 1, 0], "{method:?}");
        assert_eq!(got.ties, vec![Tie { contenders: vec![0, 1, 2], winners: vec![0, 1], units: 2 }], "{method:?}");
    }
    // Rank, not position, decides among equal weights.
    let claims = vec![Claim::unbounded(1.0, 7), Claim::unbounded(1.0, 3), Claim::unbounded(1.0, 5)];
    for method in Method::ALL {
        let got = apportion(&claims, 1, method).unwrap();
        assert_eq!(got.seats, vec![0, 1, 0], "{method:?}");
        assert_eq!(got.ties[0].winners, vec![1]);
    }
}

#[test]
fn larger_weight_wins_an_equal_priority() {
    // Sainte-Laguë: the second unit has priority 3/1.5 = 2 for item 0 and 1/0.5 = 2 for item 1.
    let got = apportion(&unbounded(&[1.0, 3.0]), 2, Method::SainteLague).unwrap();
    assert_eq!(got.seats, vec![0, 2]);
    assert_eq!(got.ties, vec![Tie { contenders: vec![0, 1], winners: vec![1], units: 1 }]);
    // Hamilton: quotas 1.5 and 0.5, equal remainders.
    let got = apportion(&unbounded(&[1.0, 3.0]), 2, Method::Hamilton).unwrap();
    assert_eq!(got.seats, vec![0, 2]);
    assert_eq!(got.ties.len(), 1);
}

#[test]
fn rounding_noise_still_ties() {
    // 0.1 * 3 is not 0.3 in binary; the priorities differ only by rounding.
    let weights = [0.1 * 3.0, 0.3, 0.2];
    for method in Method::ALL {
        // Huntington-Hill gives everyone a first unit; the tie is then for the fourth.
        let total = if method == Method::HuntingtonHill { 4 } else { 1 };
        let got = apportion(&unbounded(&weights), total, method).unwrap();
        assert_eq!(got.ties.len(), 1, "{method:?}");
        assert_eq!(got.ties[0].contenders, vec![0, 1], "{method:?}");
        assert_eq!(got.ties[0].winners, vec![0], "{method:?}");
        assert_eq!(got.seats.iter().sum::<u32>(), total);
    }
}

#[test]
fn no_ties_when_nothing_is_decided() {
    for method in Method::ALL {
        // Equal weights, but each gets the same.
        let got = apportion(&unbounded(&[1.0, 1.0]), 4, method).unwrap();
        assert_eq!(got.seats, vec![2, 2]);
        assert!(got.ties.is_empty(), "{method:?}");
        // Clear-cut.
        let got = apportion(&unbounded(&[2.0, 1.0]), 3, method).unwrap();
        assert_eq!(got.seats, vec![2, 1]);
        assert!(got.ties.is_empty(), "{method:?}");
    }
}

#[test]
fn bounds_are_respected() {
    for method in Method::ALL {
        let mut claims = unbounded(&[10.0, 1.0, 1.0, 0.0]);
        claims[0].upper = 2;
        claims[3].lower = 1;
        claims[3].upper = 5;
        let got = apportion(&claims, 7, method).unwrap();
        assert_eq!(got.seats, vec![2, 2, 2, 1], "{method:?}");

        let mut claims = unbounded(&[100.0, 1.0]);
        claims[1].lower = 3;
        let got = apportion(&claims, 10, method).unwrap();
        assert_eq!(got.seats, vec![7, 3], "{method:?}");
    }
}

#[test]
fn bounds_leaving_no_choice() {
    let mut claims = unbounded(&[5.0, 1.0, 0.0]);
    claims[0].upper = 4;
    claims[1].upper = 2;
    claims[2].lower = 1;
    claims[2].upper = 9;
    for method in Method::ALL {
        assert_eq!(apportion(&claims, 7, method).unwrap().seats, vec![4, 2, 1]);
        assert_eq!(apportion(&claims, 1, method).unwrap().seats, vec![0, 0, 1]);
    }
}

#[test]
fn modified_sainte_lague_raises_the_first_divisor() {
    // Item 1's first priority is 4 / 0.5 = 8 > 10 / 1.5, but 4 / 0.7 = 5.7 < 10 / 1.5.
    assert_eq!(seats(&[10.0, 4.0], 2, Method::SainteLague), vec![1, 1]);
    assert_eq!(seats(&[10.0, 4.0], 2, Method::ModifiedSainteLague), vec![2, 0]);
}

#[test]
fn huntington_hill_gives_everyone_a_first_seat() {
    let got = seats(&[1000.0, 1.0, 1.0], 3, Method::HuntingtonHill);
    assert_eq!(got, vec![1, 1, 1]);
    // Fewer units than items: larger weights win the (infinite-priority) first seats.
    let got = apportion(&unbounded(&[5.0, 1.0, 3.0]), 2, Method::HuntingtonHill).unwrap();
    assert_eq!(got.seats, vec![1, 0, 1]);
    assert_eq!(got.ties[0].contenders, vec![0, 1, 2]);
}

#[test]
fn methods_differ_as_expected() {
    let weights = [9061.0, 7179.0, 5259.0, 3319.0, 1182.0];
    assert_eq!(seats(&weights, 26, Method::DHondt), vec![10, 7, 5, 3, 1]);
    assert_eq!(seats(&weights, 26, Method::Hamilton), vec![9, 7, 5, 4, 1]);
}

#[test]
fn scale_does_not_matter() {
    let weights = [5117.0, 4400.0, 162.0, 161.0, 160.0];
    for method in Method::ALL {
        let base = seats(&weights, 100, method);
        for factor in [1e-300, 1e-200, 1e-10, 1e10, 1e200, 1e300, 2.0f64.powi(-520) * 2.0f64.powi(-520)] {
            let scaled: Vec<f64> = weights.iter().map(|w| w * factor).collect();
            assert_eq!(seats(&scaled, 100, method), base, "{method:?} x{factor}");
        }
    }
}

#[test]
fn extreme_values_do_not_panic() {
    let weights = [f64::MAX, f64::MIN_POSITIVE, 5e-324, 1.0, 0.0, -0.0];
    for method in Method::ALL {
        for total in [0, 1, 5, 1000, u32::MAX] {
            let got = apportion(&unbounded(&weights), total, method).unwrap();
            assert_eq!(got.seats.iter().map(|&s| u64::from(s)).sum::<u64>(), u64::from(total));
            assert_eq!(got.seats[4], 0);
            assert_eq!(got.seats[5], 0);
        }
    }
}

#[test]
fn large_totals_are_exact() {
    let weights: Vec<f64> = (1..=1000).map(|i| f64::from(i * i % 997 + 1)).collect();
    for method in Method::ALL {
        for total in [999_999, 1_000_000, u32::MAX - 7] {
            let got = apportion(&unbounded(&weights), total, method).unwrap();
            let sum: u64 = got.seats.iter().map(|&s| u64::from(s)).sum();
            assert_eq!(sum, u64::from(total), "{method:?}");
        }
    }
}

/// Manual speed check: `cargo test --release --lib engine::apportion -- --ignored --nocapture`.
#[test]
#[ignore = "manual performance check"]
fn hundred_thousand_items() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let claims: Vec<Claim> = (0..100_000u32)
        .map(|i| {
            let weight = (next() % 1_000_000) as f64 * 0.37;
            let lower = (next() % 4) as u32;
            let upper = if next() % 3 == 0 { lower + (next() % 20) as u32 } else { u32::MAX };
            Claim { weight, lower, upper, rank: i }
        })
        .collect();
    let free: Vec<Claim> = claims.iter().map(|c| Claim::unbounded(c.weight, c.rank)).collect();
    for method in Method::ALL {
        for (name, claims, total) in [
            ("bounded", &claims, 200_000),
            ("bounded", &claims, 1_000_000),
            ("unbounded", &free, 50_000),
            ("unbounded", &free, 1_000_000),
        ] {
            // Best of a few runs: the machine may be busy.
            let mut elapsed = std::time::Duration::MAX;
            let mut got = None;
            for _ in 0..5 {
                let start = std::time::Instant::now();
                got = Some(apportion(claims, total, method).unwrap());
                elapsed = elapsed.min(start.elapsed());
            }
            let got = got.unwrap();
            let sum: u64 = got.seats.iter().map(|&s| u64::from(s)).sum();
            assert_eq!(sum, u64::from(total));
            let tied: usize = got.ties.iter().map(|t| t.contenders.len()).sum();
            println!("{method:?} {name} {total}: {elapsed:?}, {tied} tied");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

fn divisor(method: Method, s: u32) -> f64 {
    let s = f64::from(s);
    match method {
        Method::SainteLague => s + 0.5,
        Method::ModifiedSainteLague if s == 0.0 => 0.7,
        Method::ModifiedSainteLague => s + 0.5,
        Method::DHondt => s + 1.0,
        Method::HuntingtonHill => (s * (s + 1.0)).sqrt(),
        Method::Hamilton => unreachable!(),
    }
}

fn priority(method: Method, weight: f64, s: u32) -> f64 {
    if weight > 0.0 { weight / divisor(method, s) } else { 0.0 }
}

/// One unit at a time, the textbook way, for comparison on small totals.
fn one_by_one(claims: &[Claim], total: u32, method: Method) -> Vec<u32> {
    let mut seats: Vec<u32> = claims.iter().map(|c| c.lower).collect();
    let mut left = total - seats.iter().sum::<u32>();
    while left > 0 {
        let open: Vec<usize> =
            (0..claims.len()).filter(|&i| claims[i].weight > 0.0 && seats[i] < claims[i].upper).collect();
        let top = open.iter().map(|&i| priority(method, claims[i].weight, seats[i])).fold(0.0, f64::max);
        let best = open
            .iter()
            .copied()
            .filter(|&i| {
                let p = priority(method, claims[i].weight, seats[i]);
                p == top || (top.is_finite() && top - p <= TIE_TOLERANCE * top)
            })
            .min_by(|&a, &b| {
                claims[b].weight.total_cmp(&claims[a].weight).then(claims[a].rank.cmp(&claims[b].rank)).then(a.cmp(&b))
            })
            .unwrap();
        seats[best] += 1;
        left -= 1;
    }
    seats
}

/// Bounded quotas by plain bisection, independent of the breakpoint search.
fn bounded_quotas(claims: &[Claim], total: u32) -> Vec<f64> {
    let at = |lambda: f64| -> Vec<f64> {
        claims
            .iter()
            .map(|c| {
                let (l, u) = (f64::from(c.lower), f64::from(c.upper));
                if c.weight > 0.0 { (lambda * c.weight).clamp(l, u) } else { l }
            })
            .collect()
    };
    let sum = |lambda: f64| at(lambda).iter().sum::<f64>();
    let target = f64::from(total);
    let mut hi = 1.0;
    while sum(hi) < target {
        hi *= 2.0;
    }
    let mut lo = 0.0;
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if sum(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    at(0.5 * (lo + hi))
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        2 => (0u32..40).prop_map(f64::from),
        2 => 0.0..100.0f64,
        1 => Just(0.0),
        1 => (1u32..5000).prop_map(|w| f64::from(w) * 1e-3),
    ]
}

/// Random claims and a total that the bounds and weights allow.
fn problem() -> impl Strategy<Value = (Vec<Claim>, u32)> {
    let item =
        (weight(), prop_oneof![3 => Just(0u32), 1 => 0u32..4], prop_oneof![Just(None), (0u32..12).prop_map(Some)]);
    prop::collection::vec(item, 1..24).prop_flat_map(|items| {
        let claims: Vec<Claim> = items
            .iter()
            .enumerate()
            .map(|(i, &(weight, lower, extra))| Claim {
                weight,
                lower,
                upper: extra.map_or(u32::MAX, |e| lower + e),
                rank: (i as u32 * 7) % 11,
            })
            .collect();
        let sum_lower: u32 = claims.iter().map(|c| c.lower).sum();
        let room: u64 = claims.iter().filter(|c| c.weight > 0.0).map(|c| u64::from(c.upper - c.lower)).sum();
        let room = room.min(300) as u32;
        (Just(claims), sum_lower..=sum_lower + room)
    })
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.to_vec())
}

fn divisor_method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.into_iter().filter(|&m| m != Method::Hamilton).collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn sums_bounds_and_determinism((claims, total) in problem(), method in method()) {
        let got = apportion(&claims, total, method).unwrap();
        prop_assert_eq!(got.seats.len(), claims.len());
        prop_assert_eq!(got.seats.iter().map(|&s| u64::from(s)).sum::<u64>(), u64::from(total));
        for (c, &s) in claims.iter().zip(&got.seats) {
            prop_assert!(c.lower <= s && s <= c.upper);
            if c.weight == 0.0 {
                prop_assert_eq!(s, c.lower);
            }
        }
        for tie in &got.ties {
            prop_assert!(tie.contenders.len() > tie.winners.len());
            prop_assert_eq!(tie.winners.len(), tie.units as usize);
            prop_assert!(tie.winners.iter().all(|w| tie.contenders.contains(w)));
            prop_assert!(tie.contenders.windows(2).all(|p| p[0] < p[1]));
            prop_assert!(tie.winners.windows(2).all(|p| p[0] < p[1]));
        }
        prop_assert_eq!(apportion(&claims, total, method).unwrap(), got);
    }

    #[test]
    fn divisor_results_are_divisor_solutions(
        (claims, total) in problem(),
        method in divisor_method(),
    ) {
        let got = apportion(&claims, total, method).unwrap();
        let mut max_next = 0.0f64;
        let mut min_last = f64::INFINITY;
        for (c, &s) in claims.iter().zip(&got.seats) {
            if s < c.upper {
                max_next = max_next.max(priority(method, c.weight, s));
            }
            if s > c.lower {
                min_last = min_last.min(priority(method, c.weight, s - 1));
            }
        }
        prop_assert!(
            max_next <= min_last * (1.0 + 1e-9),
            "next {} > last {}: {:?}", max_next, min_last, got.seats
        );
    }

    #[test]
    fn divisor_results_match_one_by_one(
        (claims, total) in problem(),
        method in divisor_method(),
    ) {
        let got = apportion(&claims, total, method).unwrap();
        prop_assert_eq!(got.seats, one_by_one(&claims, total, method));
    }

    #[test]
    fn divisor_methods_are_house_monotone(
        (claims, total) in problem(),
        method in divisor_method(),
    ) {
        let large = apportion(&claims, total + 1, method);
        prop_assume!(large.is_ok(), "no room for one more unit");
        let large = large.unwrap().seats;
        let small = apportion(&claims, total, method).unwrap().seats;
        prop_assert!(small.iter().zip(&large).all(|(a, b)| a <= b), "{:?} -> {:?}", small, large);
    }

    #[test]
    fn hamilton_stays_within_one_of_the_bounded_quota((claims, total) in problem()) {
        let got = apportion(&claims, total, Method::Hamilton).unwrap();
        let quotas = bounded_quotas(&claims, total);
        for (&q, &s) in quotas.iter().zip(&got.seats) {
            let slack = 1e-7 * q.max(1.0);
            prop_assert!(
                f64::from(s) >= (q - slack).floor() && f64::from(s) <= (q + slack).ceil(),
                "quota {} seats {}", q, s
            );
        }
    }

    #[test]
    fn water_fill_strategies_agree((claims, total) in problem()) {
        let p = Problem::new(&claims, total).unwrap();
        prop_assume!(p.forced().is_none());
        let exact = p.quotas(&p.water_fill_breakpoints());
        let fast = p.quotas(&p.water_fill());
        let independent = bounded_quotas(&claims, total);
        for ((&a, &b), &c) in exact.iter().zip(&fast).zip(&independent) {
            prop_assert!((a - b).abs() <= 1e-9 * a.max(1.0), "{} vs {}", a, b);
            prop_assert!((a - c).abs() <= 1e-7 * a.max(1.0), "{} vs {}", a, c);
        }
        prop_assert!((exact.iter().sum::<f64>() - f64::from(total)).abs() < 1e-6);
    }

    #[test]
    fn unbounded_hamilton_is_classic(
        weights in prop::collection::vec(1u32..1000, 1..20),
        total in 0u32..500,
    ) {
        let weights: Vec<f64> = weights.into_iter().map(f64::from).collect();
        let got = apportion(&unbounded(&weights), total, Method::Hamilton).unwrap();
        let sum: f64 = weights.iter().sum();
        let quotas: Vec<f64> = weights.iter().map(|w| f64::from(total) * w / sum).collect();
        for (&q, &s) in quotas.iter().zip(&got.seats) {
            prop_assert!(f64::from(s) >= (q - 1e-9).floor() && f64::from(s) <= (q + 1e-9).ceil());
        }
    }

    #[test]
    fn any_input_is_handled_without_panic(
        items in prop::collection::vec(
            (
                prop_oneof![
                    any::<f64>(),
                    0.0..1e6f64,
                    Just(0.0),
                    1e-300..1e-200f64,
                    1e200..1e300f64,
                ],
                prop_oneof![Just(0u32), 0u32..10, any::<u32>()],
                prop_oneof![Just(u32::MAX), 0u32..20, any::<u32>()],
                any::<u32>(),
            ),
            0..8,
        ),
        total in prop_oneof![0u32..100, any::<u32>()],
        method in method(),
    ) {
        let claims: Vec<Claim> = items
            .into_iter()
            .map(|(weight, lower, upper, rank)| Claim { weight, lower, upper, rank })
            .collect();
        if let Ok(got) = apportion(&claims, total, method) {
            prop_assert_eq!(
                got.seats.iter().map(|&s| u64::from(s)).sum::<u64>(),
                u64::from(total)
            );
            for (c, &s) in claims.iter().zip(&got.seats) {
                prop_assert!(c.lower <= s && s <= c.upper);
            }
        }
    }
}

/// Many items, so the divisor search and the heap both do real work.
fn large_problem() -> impl Strategy<Value = (Vec<Claim>, u32)> {
    (
        150usize..800,
        any::<u64>(),
        prop::sample::select(vec![0u32, 1, 3]),
        prop::sample::select(vec![0u32, 2, 20]),
        0.0..1.0f64,
    )
        .prop_map(|(n, seed, max_lower, max_room, fill)| {
            let mut state = seed | 1;
            let mut next = move || {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state
            };
            let claims: Vec<Claim> = (0..n)
                .map(|i| {
                    let weight = match next() % 4 {
                        0 => 0.0,
                        1 => (next() % 50) as f64,
                        _ => (next() % 1_000_000) as f64 * 1e-3,
                    };
                    let lower = (next() % u64::from(max_lower + 1)) as u32;
                    let upper = if max_room > 0 && next() % 2 == 0 {
                        lower + (next() % u64::from(max_room + 1)) as u32
                    } else {
                        u32::MAX
                    };
                    Claim { weight, lower, upper, rank: (n - i) as u32 }
                })
                .collect();
            let sum_lower: u32 = claims.iter().map(|c| c.lower).sum();
            let room: u64 = claims.iter().filter(|c| c.weight > 0.0).map(|c| u64::from(c.upper - c.lower)).sum();
            let extra = (room.min(4 * n as u64) as f64 * fill) as u32;
            (claims, sum_lower + extra)
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn large_divisor_problems_match_one_by_one(
        (claims, total) in large_problem(),
        method in divisor_method(),
    ) {
        let got = apportion(&claims, total, method).unwrap();
        prop_assert_eq!(got.seats, one_by_one(&claims, total, method));
    }

    #[test]
    fn large_hamilton_problems_stay_within_one((claims, total) in large_problem()) {
        let got = apportion(&claims, total, Method::Hamilton).unwrap();
        prop_assert_eq!(got.seats.iter().map(|&s| u64::from(s)).sum::<u64>(), u64::from(total));
        let quotas = bounded_quotas(&claims, total);
        for (&q, &s) in quotas.iter().zip(&got.seats) {
            let slack = 1e-7 * q.max(1.0);
            prop_assert!(f64::from(s) >= (q - slack).floor() && f64::from(s) <= (q + slack).ceil());
        }
    }
}

#[test]
fn every_method_has_one_label_of_its_own_in_each_language() {
    for lang in [crate::lang::Lang::Nb, crate::lang::Lang::En] {
        let labels: std::collections::BTreeSet<&str> = Method::ALL.iter().map(|m| m.label(lang)).collect();
        assert_eq!(labels.len(), Method::ALL.len(), "{labels:?}");
    }
}
