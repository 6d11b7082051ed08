//! The parameter sheet: every scenario setting, with the field it comes from in the scenario file, so a reader
//! can reproduce the numbers.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::words::{column_label, dataset_ref, none, yes_no};
use super::xlsx::{Styles, Value, labelled, number, text};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::scenario::Scenario;

crate::texts!(ParameterTexts {
    title: "Parametere", "Parameters";
    setting: "Innstilling", "Setting";
    value: "Verdi", "Value";
    field: "Felt i scenariofilen", "Field in the scenario file";
    scenario: "Scenario", "Scenario";
    name: "Navn", "Name";
    notes: "Merknader", "Notes";
    dataset: "Datasett", "Dataset";
    saved_fingerprint: "Fingeravtrykk lagret i scenarioet", "Fingerprint saved in the scenario";
    fingerprint: "Fingeravtrykk for datasettet brukt", "Fingerprint of the dataset used";
    target: "Mål", "Target";
    total: "Totalt", "Total";
    minors: "Enslige mindreårige", "Unaccompanied minors";
    resettlement: "Overføringsflyktninger", "Resettlement refugees";
    size_exponent: "Eksponent for folketall", "Population exponent";
    criteria: "Kriterier", "Criteria";
    id: "Id", "Id";
    criterion: "Kriterium", "Criterion";
    column: "Kolonne", "Column";
    column_name: "Kolonnenavn", "Column name";
    weight: "Vekt", "Weight";
    normalised: "Normalisert vekt", "Normalised weight";
    missing: "Manglende verdier", "Missing values";
    filled: "Utfylte celler", "Filled cells";
    column_default: "standard for kolonnen", "the column's default";
    rules: "Regler", "Rules";
    ceiling: "Tak for innvandrerandel (%)", "Immigrant share ceiling (%)";
    ceiling_column: "Kolonne for innvandrerandel", "Immigrant share column";
    min_population: "Minste folketall", "Minimum population";
    min_request: "Minste anmodning", "Minimum request";
    max_per_1000: "Høyst per 1\u{a0}000 innbyggere", "At most per 1,000 residents";
    capacity_column: "Kolonne for kapasitet", "Capacity column";
    minors_threshold: "Enslige mindreårige fra anmodning på", "Minors from a request of";
    rounding: "Avrunding og sammenligning", "Rounding and comparison";
    method: "Avrundingsmetode", "Rounding method";
    county_first: "Fylkene først", "Counties first";
    reference: "Sammenligningskolonne", "Reference column";
    overrides: "Manuelle valg", "Manual decisions";
    code: "Kommunenummer", "Code";
    municipality: "Kommune", "Municipality";
    decision: "Valg", "Decision";
});

pub(super) fn write(
    ws: &mut Worksheet,
    styles: &Styles,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
) -> Result<(), XlsxError> {
    let t = ParameterTexts::get(lang);
    let mut row: u32 = 0;
    text(ws, row, 0, t.title, &styles.title)?;
    row += 2;
    for (c, h) in [t.setting, t.value, t.field].iter().enumerate() {
        text(ws, row, c as u16, h, &styles.header)?;
    }
    row += 1;

    // One setting per row: label, value, and where it lives in the file.
    let setting = |ws: &mut Worksheet, row: &mut u32, label: &str, value: Value<'_>, field: &str| {
        labelled(ws, styles, *row, label, value)?;
        text(ws, *row, 2, field, &styles.text)?;
        *row += 1;
        Ok::<(), XlsxError>(())
    };
    let section = |ws: &mut Worksheet, row: &mut u32, title: &str| {
        *row += 1;
        text(ws, *row, 0, title, &styles.bold)?;
        *row += 1;
        Ok::<(), XlsxError>(())
    };

    section(ws, &mut row, t.scenario)?;
    setting(ws, &mut row, t.name, Value::Text(&scenario.name), "name")?;
    // Notes can be long: wrapped in their cell (Excel grows the row when it opens the file).
    text(ws, row, 0, t.notes, &styles.text)?;
    text(ws, row, 1, &scenario.notes, &styles.wrap)?;
    text(ws, row, 2, "notes", &styles.text)?;
    row += 1;
    setting(ws, &mut row, t.dataset, Value::Text(&dataset_ref(&scenario.dataset, lang)), "dataset")?;
    let saved = scenario.dataset_fingerprint.as_deref().unwrap_or(none(lang));
    setting(ws, &mut row, t.saved_fingerprint, Value::Text(saved), "dataset_fingerprint")?;
    setting(ws, &mut row, t.fingerprint, Value::Text(&dataset.fingerprint), "")?;

    section(ws, &mut row, t.target)?;
    setting(ws, &mut row, t.total, Value::Int(f64::from(scenario.target.total)), "target.total")?;
    setting(ws, &mut row, t.minors, Value::Int(f64::from(scenario.target.minors)), "target.minors")?;
    let resettlement = f64::from(scenario.target.resettlement);
    setting(ws, &mut row, t.resettlement, Value::Int(resettlement), "target.resettlement")?;
    setting(ws, &mut row, t.size_exponent, Value::Number(scenario.size_exponent, 2), "size_exponent")?;

    section(ws, &mut row, t.criteria)?;
    let headers = [t.id, t.criterion, t.column, t.column_name, t.weight, t.normalised, t.missing, t.filled];
    for (c, h) in headers.iter().enumerate() {
        text(ws, row, c as u16, h, &styles.header)?;
    }
    row += 1;
    let normalised = scenario.normalised_weights();
    for (i, criterion) in scenario.criteria.iter().enumerate() {
        text(ws, row, 0, criterion.id.key(), &styles.text)?;
        text(ws, row, 1, criterion.id.label(lang), &styles.text)?;
        if let Some(column) = &criterion.column {
            text(ws, row, 2, column, &styles.text)?;
            text(ws, row, 3, &column_label(dataset, column, lang), &styles.text)?;
            let policy = match (criterion.missing, dataset.column(column)) {
                (Some(p), _) => p.label(lang).to_owned(),
                (None, Some(col)) => format!("{} ({})", col.meta.default_missing.label(lang), t.column_default),
                (None, None) => t.column_default.to_owned(),
            };
            text(ws, row, 6, &policy, &styles.text)?;
            let filled = allocation.filled.iter().filter(|f| *f.column == **column).count();
            number(ws, row, 7, filled as f64, &styles.int)?;
        }
        number(ws, row, 4, criterion.weight, styles.decimals(2))?;
        if let Some(share) = normalised.as_ref().and_then(|w| w.get(i)) {
            number(ws, row, 5, *share, &styles.percent)?;
        }
        row += 1;
    }

    let rules = &scenario.rules;
    let optional = |v: Option<f64>, places: usize| v.map_or(Value::Text(none(lang)), |v| Value::Number(v, places));
    section(ws, &mut row, t.rules)?;
    setting(ws, &mut row, t.ceiling, optional(rules.immigrant_share_ceiling, 1), "rules.immigrant_share_ceiling")?;
    let column = rules.immigrant_share_column.as_str();
    setting(ws, &mut row, t.ceiling_column, Value::Text(column), "rules.immigrant_share_column")?;
    let min_population = rules.min_population.map(f64::from);
    setting(ws, &mut row, t.min_population, optional(min_population, 0), "rules.min_population")?;
    setting(ws, &mut row, t.min_request, Value::Int(f64::from(rules.min_request)), "rules.min_request")?;
    setting(ws, &mut row, t.max_per_1000, optional(rules.max_per_1000, 2), "rules.max_per_1000")?;
    let capacity = rules.capacity_column.as_deref().unwrap_or(none(lang));
    setting(ws, &mut row, t.capacity_column, Value::Text(capacity), "rules.capacity_column")?;
    let threshold = f64::from(rules.minors_threshold);
    setting(ws, &mut row, t.minors_threshold, Value::Int(threshold), "rules.minors_threshold")?;

    section(ws, &mut row, t.rounding)?;
    let method = format!("{} ({})", scenario.rounding.label(lang), scenario.rounding.cli_name());
    setting(ws, &mut row, t.method, Value::Text(&method), "rounding")?;
    setting(ws, &mut row, t.county_first, Value::Text(yes_no(scenario.county_first, lang)), "county_first")?;
    let reference = scenario.reference_column.as_deref().unwrap_or(none(lang));
    setting(ws, &mut row, t.reference, Value::Text(reference), "reference_column")?;

    section(ws, &mut row, t.overrides)?;
    if scenario.overrides.is_empty() {
        text(ws, row, 0, none(lang), &styles.text)?;
    } else {
        for (c, h) in [t.code, t.municipality, t.decision].iter().enumerate() {
            text(ws, row, c as u16, h, &styles.header)?;
        }
        row += 1;
        for (code, decision) in &scenario.overrides {
            let name = dataset.index_of_code(code).map_or("", |i| dataset.municipalities[i].name.as_str());
            text(ws, row, 0, code, &styles.code)?;
            text(ws, row, 1, name, &styles.text)?;
            text(ws, row, 2, &decision.label(lang), &styles.text)?;
            if let Some(note) = scenario.override_notes.get(code) {
                text(ws, row, 3, note, &styles.text)?;
            }
            row += 1;
        }
    }

    for (c, width) in [36, 40, 30, 30, 10, 16, 28, 14].into_iter().enumerate() {
        ws.set_column_width(c as u16, width)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::xlsx::read_back::{find_row, float, sheet, string, texts};
    use super::*;
    use crate::export::{allocation_xlsx, test_data};

    #[test]
    fn every_criterion_and_rule_is_there() {
        let (d, s, a) = test_data::imdi_2020_case();
        for lang in [Lang::Nb, Lang::En] {
            let bytes = allocation_xlsx(&d, &s, &a, lang, "2025-03-01").unwrap();
            let range = sheet(&bytes, lang.pick("Parametere", "Parameters"));
            let normalised = s.normalised_weights().unwrap();
            for (criterion, share) in s.criteria.iter().zip(&normalised) {
                let row = find_row(&range, 0, criterion.id.key()).unwrap();
                let row = range.rows().nth(row).unwrap();
                assert_eq!(string(&row[1]), criterion.id.label(lang));
                assert_eq!(float(&row[4]), criterion.weight, "{:?}", criterion.id);
                assert!((float(&row[5]) - share).abs() < 1e-12);
                if let Some(column) = &criterion.column {
                    assert_eq!(string(&row[2]), *column);
                }
            }
            let value = |field: &str| {
                let row = range.rows().find(|r| matches!(&r[2], calamine::Data::String(s) if s == field)).unwrap();
                row[1].clone()
            };
            assert_eq!(float(&value("target.total")), 5120.0);
            assert_eq!(float(&value("target.minors")), 140.0);
            assert_eq!(float(&value("size_exponent")), 0.5);
            assert_eq!(float(&value("rules.immigrant_share_ceiling")), 30.0);
            assert_eq!(float(&value("rules.min_request")), 10.0);
            assert_eq!(string(&value("rounding")), "Sainte-Laguë (sainte-lague)");
            assert_eq!(string(&value("reference_column")), "anmodning_2019");
            assert_eq!(string(&value("county_first")), lang.pick("nei", "no"));
            assert!(texts(&range).contains(&s.notes));
        }
    }

    #[test]
    fn overrides_are_listed_per_code() {
        let (d, s, a) = test_data::special_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::Nb, "2025-03-01").unwrap();
        let range = sheet(&bytes, "Parametere");
        let decision = |code: &str| string(&range.rows().nth(find_row(&range, 0, code).unwrap()).unwrap()[2]);
        assert_eq!(decision("0301"), "låst til 600");
        assert_eq!(decision("5025"), "utelatt");
        assert_eq!(decision("5430"), "tatt med uansett regler");
        let kautokeino = find_row(&range, 0, "5430").unwrap();
        assert_eq!(string(&range.rows().nth(kautokeino).unwrap()[1]), test_data::SAMI_NAME);
    }
}
