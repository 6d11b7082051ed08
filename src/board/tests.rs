use super::*;
use crate::export::test_data;

fn two_plans() -> (Dataset, Allocation, Allocation) {
    let (d, s, a) = test_data::imdi_2020_case();
    let mut half = s.clone();
    half.target.total = s.target.total / 2;
    half.target.resettlement = 0;
    let b = crate::engine::allocate(&d, &half).unwrap();
    (d, a, b)
}

#[test]
fn columns_follow_the_scenarios_and_counties_add_up() {
    let (d, a, b) = two_plans();
    let plans = [BoardPlan { name: "A", allocation: &a }, BoardPlan { name: "A", allocation: &b }];
    let board = board(&d, &plans, false).unwrap();
    assert_eq!(board.names, vec!["A", "A (2)"]);
    assert_eq!(board.values.len(), d.len());
    for s in 0..2 {
        let allocated = [&a, &b][s].allocated as f64;
        assert_eq!(board.values.iter().map(|v| v[s]).sum::<f64>(), allocated);
        assert_eq!(board.counties.iter().map(|c| c.values[s]).sum::<f64>(), allocated);
    }
    let k = &board.key[0];
    assert_eq!((k.asked, k.allocated), (a.asked, a.allocated));
    assert!(k.gini > 0.0 && k.gini < 1.0 && k.top_ten > 0.0 && k.top_ten < 1.0);
    let (row, n) = k.largest.unwrap();
    assert_eq!(a.rows[row].allocation, n);
    assert!(a.rows.iter().all(|r| r.allocation <= n));
    let table = board_table(&d, &board, Lang::En);
    assert_eq!(table.headers, vec!["code", "name", "county", "A", "A (2)"]);
}

#[test]
fn scaled_shares_compare_plans_of_different_size() {
    let (d, a, b) = two_plans();
    let plans = [BoardPlan { name: "full", allocation: &a }, BoardPlan { name: "half", allocation: &b }];
    let scaled = board(&d, &plans, true).unwrap();
    let total_b: f64 = scaled.values.iter().map(|v| v[1]).sum();
    assert!((total_b - a.allocated as f64).abs() < 1e-6, "scaled to the first plan's total: {total_b}");
    // Unscaled, nearly everyone gets fewer in the half plan; scaled, the changes go both ways.
    let fewer = |board: &Board| board.values.iter().filter(|v| v[1] < v[0] - 1e-9).count();
    let plain = board(&d, &plans, false).unwrap();
    assert!(fewer(&scaled) < fewer(&plain));
}

#[test]
fn limits_are_clear_errors() {
    let (d, a, _) = two_plans();
    assert_eq!(board(&d, &[], false).unwrap_err(), BoardError::Empty);
    let many = vec![BoardPlan { name: "x", allocation: &a }; MAX_SCENARIOS + 1];
    assert_eq!(board(&d, &many, false).unwrap_err(), BoardError::TooMany(7));
    let other = crate::data::embedded_dataset("norway-2024").unwrap();
    let e = board(&other, &[BoardPlan { name: "2020", allocation: &a }], false).unwrap_err();
    assert!(e.to_string().contains("\"2020\"") && e.to_string().contains("norway-2024"), "{e}");
}
