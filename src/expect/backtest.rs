//! Leave-one-county-out: each county's decisions predicted by a model fitted without that county, beside the
//! simple baselines computed on the same folds.

use super::{ExpectError, Inputs, Model, Year};

/// How close a set of predictions comes to the decisions.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Mean absolute error per municipality, in places.
    pub mae: f64,
    /// Predicted total against decided total, in percent (+: predicted more).
    pub total_error_pct: f64,
    pub predicted_total: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Baselines {
    /// Every municipality decides its request.
    pub decision_equals_request: Score,
    /// The request times its class's decided ÷ requested in the other counties (the national one without
    /// classes).
    pub group_ratio: Score,
    /// The request, but no more than settled last year (`None` without a settled column).
    pub request_capped_by_settled: Option<Score>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BacktestRow {
    pub row: usize,
    pub request: f64,
    pub actual: f64,
    pub predicted: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Backtest {
    /// Every municipality that decided, in dataset order.
    pub rows: Vec<BacktestRow>,
    pub actual_total: f64,
    pub model: Score,
    pub baselines: Baselines,
}

/// Predicts `target`'s decisions county by county, each from a model fitted on the other counties' decisions
/// (this year's and the record's); the record of the county's own municipalities is their own past.
pub fn backtest_by_county(inputs: &Inputs, target: &Year) -> Result<Backtest, ExpectError> {
    if target.request.len() != inputs.len() || target.decided.len() != inputs.len() {
        return Err(ExpectError::WrongLength { got: target.request.len(), expected: inputs.len() });
    }
    let mut years: Vec<&Year> = vec![target];
    years.extend(inputs.history.iter());
    let mut predicted = vec![0.0; inputs.len()];
    let mut group_ratio = vec![0.0; inputs.len()];
    for county in 0..inputs.counties.len() {
        let rows: Vec<usize> = (0..inputs.len()).filter(|&r| inputs.county_of[r] == county).collect();
        if rows.iter().all(|&r| target.decided[r].is_none()) {
            continue;
        }
        let train = |r: usize| inputs.county_of[r] != county;
        let model = Model::fit(inputs, &years, &train)?;
        let class_ratio = |class: Option<u32>| {
            let (mut d, mut q) = (0.0, 0.0);
            for r in (0..inputs.len()).filter(|&r| train(r) && inputs.group[r] == class) {
                if let Some(decided) = target.decided[r].filter(|_| target.request[r] > 0.0) {
                    d += decided;
                    q += target.request[r];
                }
            }
            (q > 0.0).then_some(d / q)
        };
        let national = {
            let (mut d, mut q) = (0.0, 0.0);
            for r in (0..inputs.len()).filter(|&r| train(r) && target.request[r] > 0.0) {
                if let Some(decided) = target.decided[r] {
                    d += decided;
                    q += target.request[r];
                }
            }
            if q > 0.0 { d / q } else { 1.0 }
        };
        for &r in &rows {
            predicted[r] = model.estimate_row(inputs, r, target.request[r]).expected;
            let class = inputs.group[r];
            group_ratio[r] = class.and_then(|_| class_ratio(class)).unwrap_or(national) * target.request[r];
        }
    }
    let rows: Vec<BacktestRow> = (0..inputs.len())
        .filter_map(|r| {
            target.decided[r].map(|actual| BacktestRow {
                row: r,
                request: target.request[r],
                actual,
                predicted: predicted[r],
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(ExpectError::NoRecord);
    }
    let actual_total: f64 = rows.iter().map(|r| r.actual).sum();
    let score = |f: &dyn Fn(&BacktestRow) -> f64| score(&rows, actual_total, f);
    let any_settled = inputs.settled.iter().any(Option::is_some);
    Ok(Backtest {
        model: score(&|r| r.predicted),
        baselines: Baselines {
            decision_equals_request: score(&|r| r.request),
            group_ratio: score(&|r| group_ratio[r.row]),
            request_capped_by_settled: any_settled
                .then(|| score(&|r| inputs.settled[r.row].map_or(r.request, |s| r.request.min(s)))),
        },
        rows,
        actual_total,
    })
}

fn score(rows: &[BacktestRow], actual_total: f64, predict: &dyn Fn(&BacktestRow) -> f64) -> Score {
    let predicted_total: f64 = rows.iter().map(predict).sum();
    let mae = rows.iter().map(|r| (predict(r) - r.actual).abs()).sum::<f64>() / rows.len() as f64;
    let total_error_pct = if actual_total > 0.0 { 100.0 * (predicted_total / actual_total - 1.0) } else { 0.0 };
    Score { mae, total_error_pct, predicted_total }
}
