//! How `bosetting expect --backtest county` writes its result: the scores beside the baselines, and every
//! municipality that decided, so anyone can recompute them.

use anyhow::Result;
use serde_json::{Value, json};

use super::output_args::Destination;
use crate::data::Dataset;
use crate::expect::{Backtest, Score};
use crate::lang::Lang;
use crate::numfmt;
use crate::report::{Cell, ResultTable, rounded, write_csv};

pub(super) fn render(dataset: &Dataset, b: &Backtest, to: &Destination) -> Result<Vec<u8>> {
    Ok(match to.format.as_str() {
        "json" => {
            let mut text = serde_json::to_string_pretty(&json_of(dataset, b))?;
            text.push('\n');
            text.into_bytes()
        }
        "csv" => write_csv(&table(dataset, b, to.lang), to.csv_style),
        _ => text(b, to.lang).into_bytes(),
    })
}

fn score_json(s: &Score) -> Value {
    json!({"mae": rounded(s.mae, 2), "total_error_pct": rounded(s.total_error_pct, 2),
        "predicted_total": rounded(s.predicted_total, 1)})
}

fn json_of(dataset: &Dataset, b: &Backtest) -> Value {
    let municipalities: Vec<Value> = b
        .rows
        .iter()
        .map(|r| {
            json!({"code": dataset.municipalities[r.row].code, "request": r.request, "actual": r.actual,
                "predicted": rounded(r.predicted, 2)})
        })
        .collect();
    json!({
        "backtest": "county",
        "mae": rounded(b.model.mae, 2),
        "total_error_pct": rounded(b.model.total_error_pct, 2),
        "predicted_total": rounded(b.model.predicted_total, 1),
        "decided_total": b.actual_total,
        "decided": b.rows.len(),
        "baselines": {
            "decision_equals_request": score_json(&b.baselines.decision_equals_request),
            "group_ratio": score_json(&b.baselines.group_ratio),
            "request_capped_by_settled": b.baselines.request_capped_by_settled.as_ref().map(score_json),
        },
        "municipalities": municipalities,
    })
}

fn table(dataset: &Dataset, b: &Backtest, lang: Lang) -> ResultTable {
    let t = |nb: &str, en: &str| lang.pick(nb, en).to_owned();
    ResultTable {
        headers: vec![
            t("Kommunenummer", "Code"),
            t("Kommune", "Municipality"),
            t("Anmodning", "Request"),
            t("Vedtak", "Decision"),
            t("Forventet vedtak", "Expected decision"),
        ],
        rows: b
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Code(dataset.municipalities[r.row].code.clone()),
                    Cell::Text(dataset.display_name(r.row)),
                    Cell::Int(r.request as i64),
                    Cell::Int(r.actual as i64),
                    Cell::Number(r.predicted, 1),
                ]
            })
            .collect(),
    }
}

fn text(b: &Backtest, lang: Lang) -> String {
    let line = |name: &str, s: &Score| {
        format!(
            "{name:<44} {:>8} {:>9} {:>9}\n",
            numfmt::decimal(s.mae, 2, lang),
            numfmt::decimal(s.total_error_pct, 1, lang),
            numfmt::integer(s.predicted_total, lang)
        )
    };
    let mut out = format!(
        "{}: {} {}, {} {}\n\n{:<44} {:>8} {:>9} {:>9}\n",
        lang.pick("Én fylke ute om gangen", "Leave one county out"),
        b.rows.len(),
        lang.pick("kommuner med vedtak", "municipalities that decided"),
        numfmt::integer(b.actual_total, lang),
        lang.pick("plasser vedtatt", "places decided"),
        lang.pick("Modell", "Model"),
        "MAE",
        lang.pick("Total %", "Total %"),
        lang.pick("Sum", "Total"),
    );
    out.push_str(&line(lang.pick("Forventede vedtak", "Decisions to expect"), &b.model));
    out.push_str(&line(lang.pick("Vedtak = anmodning", "Decision = request"), &b.baselines.decision_equals_request));
    out.push_str(&line(lang.pick("Klassens andel vedtatt", "The class's share decided"), &b.baselines.group_ratio));
    if let Some(s) = &b.baselines.request_capped_by_settled {
        out.push_str(&line(lang.pick("Anmodning, høyst bosatte i fjor", "Request, at most settled last year"), s));
    }
    out
}
