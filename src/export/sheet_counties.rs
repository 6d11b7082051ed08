//! The county sheet: totals per county beside the reference column summed per county, and a native Excel
//! column chart of request against reference.

use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{Chart, ChartLegendPosition, Formula, Worksheet, XlsxError};

use super::words::column_label;
use super::xlsx::{Styles, number, print_setup, sum_formula, text};
use crate::data::Dataset;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::scenario::Scenario;

crate::texts!(CountyHeaders {
    code: "Fylkesnummer", "County code";
    name: "Fylke", "County";
    population: "Folketall", "Population";
    municipalities: "Kommuner", "Municipalities";
    asked: "Anmodet", "Asked";
    quota: "Andel", "Quota";
    request: "Anmodning", "Request";
    minors: "Enslige mindreårige", "Minors";
    difference: "Differanse", "Difference";
    total: "I alt", "Total";
    chart_title: "Anmodning per fylke", "Request by county";
});

/// The reference column summed per county (in `allocation.counties` order); `None` where no cell has a value.
pub(super) fn reference_by_county(dataset: &Dataset, column: &str, allocation: &Allocation) -> Vec<Option<f64>> {
    let Some(col) = dataset.column(column) else { return vec![None; allocation.counties.len()] };
    allocation
        .counties
        .iter()
        .map(|county| {
            let values: Vec<f64> = dataset
                .municipalities
                .iter()
                .zip(&col.values)
                .filter(|(m, _)| m.county_code == county.code)
                .filter_map(|(_, v)| *v)
                .collect();
            (!values.is_empty()).then(|| values.iter().sum())
        })
        .collect()
}

pub(super) fn write(
    ws: &mut Worksheet,
    styles: &Styles,
    sheet_name: &str,
    dataset: &Dataset,
    scenario: &Scenario,
    allocation: &Allocation,
    lang: Lang,
) -> Result<(), XlsxError> {
    let t = CountyHeaders::get(lang);
    let reference = scenario
        .reference_column
        .as_deref()
        .filter(|id| dataset.column(id).is_some())
        .map(|id| (column_label(dataset, id, lang), reference_by_county(dataset, id, allocation)));
    let mut headers =
        vec![t.code.to_owned(), t.name.into(), t.population.into(), t.municipalities.into(), t.asked.into()];
    headers.extend([t.quota.to_owned(), t.request.into(), t.minors.into()]);
    if let Some((label, _)) = &reference {
        headers.extend([label.clone(), t.difference.to_owned()]);
    }
    for (c, h) in headers.iter().enumerate() {
        text(ws, 0, c as u16, h, &styles.header)?;
    }
    let counties = &allocation.counties;
    for (i, county) in counties.iter().enumerate() {
        let row = i as u32 + 1;
        text(ws, row, 0, &county.code, &styles.code)?;
        text(ws, row, 1, &county.name, &styles.text)?;
        number(ws, row, 2, county.population, &styles.int)?;
        number(ws, row, 3, county.municipalities as f64, &styles.int)?;
        number(ws, row, 4, county.asked as f64, &styles.int)?;
        number(ws, row, 5, county.quota, styles.decimals(1))?;
        number(ws, row, 6, county.allocation as f64, &styles.int)?;
        number(ws, row, 7, county.minors as f64, &styles.int)?;
        if let Some((_, sums)) = &reference
            && let Some(Some(sum)) = sums.get(i)
        {
            number(ws, row, 8, *sum, &styles.int)?;
            number(ws, row, 9, county.allocation as f64 - sum, &styles.int)?;
        }
    }
    // Totals as formulas over the county rows, so an edited county updates them, each with its value cached
    // for readers that do not recalculate. The cached value is the sum of the cells as written.
    let total_row = counties.len() as u32 + 1;
    text(ws, total_row, 0, "", &styles.total_text)?;
    text(ws, total_row, 1, t.total, &styles.total_text)?;
    let total = |ws: &mut Worksheet, col: u16, values: &mut dyn Iterator<Item = f64>, format| {
        let sum = values.filter(|v| v.is_finite()).sum::<f64>();
        if counties.is_empty() {
            number(ws, total_row, col, sum, format)
        } else {
            sum_formula(ws, total_row, col, 1..=total_row - 1, sum, format)
        }
        .map(|()| sum)
    };
    total(ws, 2, &mut counties.iter().map(|c| c.population), &styles.total_int)?;
    total(ws, 3, &mut counties.iter().map(|c| c.municipalities as f64), &styles.total_int)?;
    total(ws, 4, &mut counties.iter().map(|c| c.asked as f64), &styles.total_int)?;
    total(ws, 5, &mut counties.iter().map(|c| c.quota), styles.total_decimals(1))?;
    let requested = total(ws, 6, &mut counties.iter().map(|c| c.allocation as f64), &styles.total_int)?;
    total(ws, 7, &mut counties.iter().map(|c| c.minors as f64), &styles.total_int)?;
    if let Some((_, sums)) = &reference {
        let reference_total = total(ws, 8, &mut sums.iter().flatten().copied(), &styles.total_int)?;
        // The request minus the reference, over all counties (a county without reference values still counts
        // in the request), as before.
        let formula = format!("={}-{}", row_col_to_cell(total_row, 6), row_col_to_cell(total_row, 8));
        let change = Formula::new(formula).set_result((requested - reference_total).to_string());
        ws.write_formula_with_format(total_row, 9, change, &styles.total_int)?;
    }
    let name_width = counties.iter().map(|c| c.name.chars().count()).max().unwrap_or(0).max(t.total.len());
    ws.set_column_width(0, 13)?;
    ws.set_column_width(1, (name_width + 2) as f64)?;
    for (c, header) in headers.iter().enumerate().skip(2) {
        ws.set_column_width(c as u16, (header.chars().count().clamp(10, 16) + 2) as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    print_setup(ws, Some(0))?;
    if !counties.is_empty() {
        let chart = chart(sheet_name, counties.len() as u32, reference.is_some(), lang, t);
        ws.insert_chart(total_row + 2, 0, &chart)?;
    }
    Ok(())
}

/// Clustered columns: the request and, when the scenario has one, the reference, per county.
fn chart(sheet: &str, counties: u32, with_reference: bool, lang: Lang, t: &CountyHeaders) -> Chart {
    let mut chart = Chart::new_column();
    let mut series = vec![6u16];
    if with_reference {
        series.push(8);
    }
    for col in series {
        chart
            .add_series()
            .set_name((sheet, 0, col))
            .set_categories((sheet, 1, 1, counties, 1))
            .set_values((sheet, 1, col, counties, col));
    }
    chart.title().set_name(t.chart_title);
    chart.y_axis().set_num_format("#,##0");
    chart.x_axis().set_name(lang.pick("Fylke", "County"));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_width(880).set_height(400);
    chart
}

#[cfg(test)]
mod tests {
    use calamine::{DataType, Reader};

    use super::super::xlsx::read_back::{find_row, float, open, sheet, string};
    use super::*;
    use crate::export::{allocation_xlsx, test_data};

    #[test]
    fn totals_match_the_allocation() {
        let (d, s, a) = test_data::imdi_2020_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::Nb, "2025-03-01").unwrap();
        let range = sheet(&bytes, "Fylker");
        let header: Vec<String> = range.rows().next().unwrap().iter().map(string).collect();
        assert_eq!(header[6], "Anmodning");
        assert_eq!(header[8], "Anmodning 2019", "the reference column, by its label: {header:?}");
        let reference = reference_by_county(&d, "anmodning_2019", &a);
        for (i, county) in a.counties.iter().enumerate() {
            let row = &range.rows().nth(i + 1).unwrap();
            assert_eq!(string(&row[0]), county.code);
            assert_eq!(string(&row[1]), county.name);
            assert_eq!(float(&row[6]), county.allocation as f64);
            assert_eq!(float(&row[7]), county.minors as f64);
            assert_eq!(float(&row[8]), reference[i].unwrap());
            assert_eq!(float(&row[9]), county.allocation as f64 - reference[i].unwrap());
        }
        let total = find_row(&range, 1, "I alt").unwrap();
        assert_eq!(total, a.counties.len() + 1);
        assert_eq!(float(&range.rows().nth(total).unwrap()[6]), f64::from(s.target.total));
        // The reference summed by county equals the reference column's total.
        let col = d.column("anmodning_2019").unwrap();
        let all: f64 = col.values.iter().flatten().sum();
        assert!((reference.iter().flatten().sum::<f64>() - all).abs() < 1e-6);
    }

    #[test]
    fn totals_are_sum_formulas_with_their_values() {
        let (d, s, a) = test_data::imdi_2020_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::Nb, "2025-03-01").unwrap();
        let range = sheet(&bytes, "Fylker");
        let formulas = open(&bytes).worksheet_formula("Fylker").unwrap();
        let n = a.counties.len();
        let (total, last) = (n + 1, n + 1); // the totals' row index; the last county's Excel row number
        let mut found: Vec<((usize, usize), String)> = Vec::new();
        let (r0, c0) = formulas.start().unwrap();
        for (r, c, f) in formulas.used_cells().filter(|(_, _, f)| !f.is_empty()) {
            found.push(((r + r0 as usize, c + c0 as usize), f.clone()));
        }
        let mut expected: Vec<((usize, usize), String)> = ["C", "D", "E", "F", "G", "H", "I"]
            .iter()
            .enumerate()
            .map(|(k, c)| ((total, k + 2), format!("SUM({c}2:{c}{last})")))
            .collect();
        expected.push(((total, 9), format!("G{0}-I{0}", total + 1)));
        assert_eq!(found, expected, "formulas in the totals row only");

        // The cached values are what Excel computes from the cells above.
        let rows: Vec<_> = range.rows().collect();
        for col in 2..=8 {
            let above: f64 = rows[1..=n].iter().filter(|r| !r[col].is_empty()).map(|r| float(&r[col])).sum();
            assert_eq!(float(&rows[total][col]), above, "column {col}");
        }
        assert_eq!(float(&rows[total][6]), f64::from(s.target.total));
        assert!((float(&rows[total][5]) - f64::from(s.target.total)).abs() < 1e-9, "the quotas add up to the target");
        assert_eq!(float(&rows[total][9]), float(&rows[total][6]) - float(&rows[total][8]));
    }

    #[test]
    fn has_a_native_chart_of_both_series() {
        let (d, s, a) = test_data::imdi_2020_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::En, "2025-03-01").unwrap();
        let names = zip_entries(&bytes);
        assert!(names.iter().any(|n| n == "xl/charts/chart1.xml"), "{names:?}");
        assert!(names.iter().any(|n| n == "xl/drawings/drawing1.xml"));
        let range = sheet(&bytes, "Counties");
        assert_eq!(string(&range.rows().next().unwrap()[9]), "Difference");
    }

    /// Names in a zip's central directory (enough for a test; no zip crate needed).
    fn zip_entries(bytes: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        let mut i = 0;
        while i + 46 <= bytes.len() {
            if bytes[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
                let len = u16::from_le_bytes([bytes[i + 28], bytes[i + 29]]) as usize;
                let extra = u16::from_le_bytes([bytes[i + 30], bytes[i + 31]]) as usize;
                let comment = u16::from_le_bytes([bytes[i + 32], bytes[i + 33]]) as usize;
                out.push(String::from_utf8_lossy(&bytes[i + 46..i + 46 + len]).into_owned());
                i += 46 + len + extra + comment;
            } else {
                i += 1;
            }
        }
        out
    }
}
