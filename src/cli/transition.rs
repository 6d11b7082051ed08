//! How a fit on a transition is reported (`calibrate --start`, `next-year`): the fit beside the baseline "the
//! start scaled, its asked set kept", and the leave-one-county-out error.

use serde_json::json;

use crate::calibrate::Transition;
use crate::lang::Lang;
use crate::numfmt;

/// `value` to `places` decimals, without binary noise.
fn rounded(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

/// `{"mae", "baseline_mae", "asked_agreement", "loco_mae", "criteria_share", "start", "reference"}`.
pub fn fit_json(t: &Transition, start: &str, reference: &str) -> serde_json::Value {
    json!({
        "start": start,
        "reference": reference,
        "mae": rounded(t.fit.mae, 3),
        "baseline_mae": rounded(t.baseline.mae, 3),
        "asked_agreement": rounded(t.fit.asked_agreement, 4),
        "baseline_asked_agreement": rounded(t.baseline.asked_agreement, 4),
        "loco_mae": rounded(t.loco_mae, 3),
        "criteria_share": t.scenario.start.as_ref().map_or(0.0, |s| s.criteria_share),
        "weights": t.scenario.criteria.iter().map(|c| (c.id.key().to_owned(), json!(c.weight)))
            .collect::<serde_json::Map<_, _>>(),
    })
}

/// The fit in a few lines, for a terminal.
pub fn fit_text(t: &Transition, start: &str, reference: &str, lang: Lang) -> String {
    let d2 = |v: f64| numfmt::decimal(v, 2, lang);
    let share = t.scenario.start.as_ref().map_or(0.0, |s| s.criteria_share);
    let mut out = format!(
        "{} {start} → {reference}\n  {}: {}\n",
        lang.pick("Tilpasset på overgangen", "Fitted on the transition"),
        lang.pick("kriterienes andel", "the criteria's share"),
        numfmt::percent(share, 1, lang),
    );
    for c in t.scenario.criteria.iter().filter(|c| c.weight > 0.0) {
        out.push_str(&format!("  {}: {} %\n", c.id.label(lang), numfmt::decimal(c.weight, 2, lang)));
    }
    out.push_str(&format!(
        "  {}: {} ({} {})\n  {}: {}\n  {}: {} ({} {})\n",
        lang.pick("gjennomsnittlig avvik per kommune", "mean absolute error per municipality"),
        d2(t.fit.mae),
        lang.pick("grunnlinjen «i fjor skalert, samme kommuner»", "baseline \"last year scaled, same municipalities\""),
        d2(t.baseline.mae),
        lang.pick("utenfor utvalget (ett fylke holdt ute om gangen)", "out of sample (leaving one county out)"),
        d2(t.loco_mae),
        lang.pick("anmodet/ikke anmodet stemmer", "asked/not asked agree"),
        numfmt::percent(t.fit.asked_agreement, 1, lang),
        lang.pick("grunnlinjen", "baseline"),
        numfmt::percent(t.baseline.asked_agreement, 1, lang),
    ));
    out
}
