//! The summary sheet: what was planned, from which data, with which weights and rules, and the result in totals.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::DATA_CREDITS;
use super::words::rules_in_words;
use super::xlsx::{Styles, Value, labelled, text};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::scenario::Scenario;

crate::texts!(SummaryTexts {
    scenario: "Scenario", "Scenario";
    date: "Dato", "Date";
    dataset: "Datasett", "Dataset";
    dataset_title: "Datasettets tittel", "Dataset title";
    fingerprint: "Fingeravtrykk (datasett)", "Fingerprint (dataset)";
    changed: "Merk: datasettet er endret siden scenarioet ble lagret (lagret fingeravtrykk",
        "Note: the dataset has changed since the scenario was saved (saved fingerprint";
    target: "Mål", "Target";
    minors: "Herav enslige mindreårige", "Of which unaccompanied minors";
    resettlement: "Herav overføringsflyktninger", "Of which resettlement refugees";
    asked: "Kommuner anmodet", "Municipalities asked";
    of_municipalities: "Antall kommuner", "Number of municipalities";
    allocated: "Fordelt i alt", "Allocated in total";
    minors_allocated: "Enslige mindreårige fordelt", "Minors allocated";
    weights: "Vekter", "Weights";
    criterion: "Kriterium", "Criterion";
    weight: "Vekt", "Weight";
    rules: "Regler", "Rules";
    ties: "Likt", "Ties";
    no_ties: "Ingen likhet avgjorde plasser", "No tie decided any unit";
    sources: "Kilder", "Sources";
});

pub(super) fn write(
    ws: &mut Worksheet,
    styles: &Styles,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
    saved_at: &str,
) -> Result<(), XlsxError> {
    let t = SummaryTexts::get(lang);
    text(ws, 0, 0, &scenario.name, &styles.title)?;
    let mut row = 2;
    let mut line = |ws: &mut Worksheet, label: &str, value: Value<'_>| -> Result<(), XlsxError> {
        labelled(ws, styles, row, label, value)?;
        row += 1;
        Ok(())
    };
    line(ws, t.scenario, Value::Text(&scenario.name))?;
    line(ws, t.date, Value::Date(saved_at))?;
    line(ws, t.dataset, Value::Text(&dataset.id))?;
    line(ws, t.dataset_title, Value::Text(&dataset.heading(lang)))?;
    line(ws, t.fingerprint, Value::Text(&dataset.fingerprint))?;
    if let Some(saved) = scenario.dataset_fingerprint.as_deref().filter(|f| *f != dataset.fingerprint) {
        line(ws, "", Value::Text(&format!("{} {saved})", t.changed)))?;
    }
    line(ws, t.target, Value::Int(f64::from(allocation.target)))?;
    line(ws, t.minors, Value::Int(f64::from(allocation.minors_target)))?;
    line(ws, t.resettlement, Value::Int(f64::from(allocation.resettlement)))?;
    line(ws, t.asked, Value::Int(allocation.asked as f64))?;
    line(ws, t.of_municipalities, Value::Int(dataset.len() as f64))?;
    line(ws, t.allocated, Value::Int(allocation.allocated as f64))?;
    line(ws, t.minors_allocated, Value::Int(allocation.minors_allocated as f64))?;

    row += 1;
    text(ws, row, 0, t.weights, &styles.bold)?;
    row += 1;
    text(ws, row, 0, t.criterion, &styles.header)?;
    text(ws, row, 1, t.weight, &styles.header)?;
    row += 1;
    for (id, share) in &allocation.weights {
        labelled(ws, styles, row, id.label(lang), Value::Percent(*share))?;
        row += 1;
    }

    row += 1;
    text(ws, row, 0, t.rules, &styles.bold)?;
    row += 1;
    for rule in rules_in_words(dataset, scenario, lang) {
        text(ws, row, 0, &rule, &styles.text)?;
        row += 1;
    }

    row += 1;
    text(ws, row, 0, t.ties, &styles.bold)?;
    row += 1;
    if allocation.ties.is_empty() {
        text(ws, row, 0, t.no_ties, &styles.text)?;
        row += 1;
    }
    for tie in &allocation.ties {
        text(ws, row, 0, &tie.message(lang), &styles.text)?;
        row += 1;
    }

    row += 1;
    text(ws, row, 0, t.sources, &styles.bold)?;
    row += 1;
    text(ws, row, 0, DATA_CREDITS, &styles.text)?;
    if !dataset.credits.trim().is_empty() && dataset.credits.trim() != DATA_CREDITS {
        text(ws, row + 1, 0, &dataset.credits, &styles.text)?;
    }
    // Long sentences (rules, ties, credits) run on across the empty columns to the right.
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 44)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::xlsx::read_back::{date_serial, find_row, float, sheet, string, texts};
    use super::*;
    use crate::export::{allocation_xlsx, test_data};

    #[test]
    fn states_the_plan_in_words() {
        let (d, s, a) = test_data::imdi_2020_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::Nb, "2025-03-01").unwrap();
        let range = sheet(&bytes, "Sammendrag");
        let all = texts(&range);
        for expected in [
            "IMDi 2020",
            "norway-2020",
            d.fingerprint.as_str(),
            "Innvandrerandel over 30 % får ingen",
            "Minste anmodning: 10",
            DATA_CREDITS,
        ] {
            assert!(all.iter().any(|t| t == expected), "missing {expected:?} in {all:?}");
        }
        let value = |label: &str| float(&range.rows().nth(find_row(&range, 0, label).unwrap()).unwrap()[1]);
        // The date is a date cell: 2025-03-01 is day 45,717 in Excel's count from 1899-12-30.
        let date = find_row(&range, 0, "Dato").unwrap();
        assert_eq!(date_serial(&range.rows().nth(date).unwrap()[1]), 45_717.0);
        assert_eq!(value("Mål"), 5120.0);
        assert_eq!(value("Herav enslige mindreårige"), 140.0);
        assert_eq!(value("Herav overføringsflyktninger"), 3000.0);
        assert_eq!(value("Kommuner anmodet"), a.asked as f64);
        assert_eq!(value("Fordelt i alt"), 5120.0);
        // Weights as shares of 1, shown as percent.
        assert!((value("Størrelse (folketall)") - 0.35).abs() < 1e-12);
        assert!((value("Kapasitet") - 0.25).abs() < 1e-12);
        let ties = find_row(&range, 0, "Likt").unwrap();
        let next = string(&range.rows().nth(ties + 1).unwrap()[0]);
        match a.ties.first() {
            Some(tie) => assert_eq!(next, tie.message(Lang::Nb)),
            None => assert_eq!(next, "Ingen likhet avgjorde plasser"),
        }
    }

    #[test]
    fn english_labels() {
        let (d, s, a) = test_data::imdi_2020_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::En, "2025-03-01").unwrap();
        let all = texts(&sheet(&bytes, "Summary"));
        assert!(all.contains(&"Immigrant share above 30 % gets none".to_owned()));
        assert!(all.contains(&"Municipalities asked".to_owned()));
        assert!(all.contains(&d.title.en));
    }
}
