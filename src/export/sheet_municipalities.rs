//! The municipality sheet: the result table as an Excel table (typed cells, a frozen header, filter buttons),
//! with grey rows for the municipalities that are not asked (the Note column says why).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::sheet_table::write_excel_table;
use super::xlsx::Styles;
use crate::engine::Allocation;
use crate::lang::Lang;
use crate::report::ResultTable;

pub(super) fn write(
    ws: &mut Worksheet,
    styles: &Styles,
    table: &ResultTable,
    allocation: &Allocation,
    table_name: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    // The table's rows are the allocation's rows, in dataset order; a totals row sums the counts.
    let not_asked = |i: usize| allocation.rows.get(i).is_some_and(|r| !r.asked());
    write_excel_table(ws, styles, table, 0, not_asked, table_name, Some(super::words::total(lang)))
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader};

    use super::super::xlsx::read_back::{float, open, sheet, string};
    use crate::export::{allocation_xlsx, test_data};
    use crate::lang::Lang;

    #[test]
    fn every_municipality_with_exact_numbers() {
        let (d, s, a) = test_data::imdi_2020_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::Nb, "2025-03-01").unwrap();
        let range = sheet(&bytes, "Kommuner");
        assert_eq!(range.height(), 358, "header, 356 municipalities and the totals row");
        let header: Vec<String> = range.rows().next().unwrap().iter().map(string).collect();
        let request = header.iter().position(|h| h == "Anmodning").unwrap();
        let note = header.iter().position(|h| h == "Merknad").unwrap();
        let mut sum = 0.0;
        for (i, row) in range.rows().skip(1).take(d.len()).enumerate() {
            assert_eq!(string(&row[0]), d.municipalities[i].code, "codes are text with leading zeros");
            assert_eq!(string(&row[1]), d.display_name(i), "shared names carry their county");
            let value = float(&row[request]);
            assert_eq!(value, f64::from(a.rows[i].allocation), "row {i}");
            assert_eq!(value.fract(), 0.0);
            sum += value;
            if let Some(reason) = a.rows[i].reason() {
                assert_eq!(string(&row[note]), reason.message(Lang::Nb));
            }
        }
        assert_eq!(string(&range.rows().nth(1).unwrap()[0]), "0301");
        assert_eq!(sum, f64::from(s.target.total));
        assert_eq!(sum, a.allocated as f64);
        // The totals row: a SUBTOTAL over the table's request column that holds the plan's total.
        let totals = range.rows().next_back().unwrap();
        assert_eq!(string(&totals[0]), "I alt");
        assert_eq!(float(&totals[request]), sum);
        let per_1000 = header.iter().position(|h| h.starts_with("Per 1")).unwrap();
        assert_eq!(totals[per_1000], Data::Empty, "a rate is not summed");
        let formulas = open(&bytes).worksheet_formula("Kommuner").unwrap();
        let total_formula = formulas.get_value(((d.len() + 1) as u32, request as u32)).cloned().unwrap_or_default();
        let column = rust_xlsxwriter::utility::column_number_to_name(request as u16);
        assert_eq!(total_formula, format!("SUBTOTAL(109,{column}2:{column}357)"));
    }

    #[test]
    fn municipalities_are_an_excel_table() {
        let (d, s, a) = test_data::imdi_2020_case();
        for (lang, name, table_name) in
            [(Lang::Nb, "Kommuner", "Kommunetabell"), (Lang::En, "Municipalities", "MunicipalityTable")]
        {
            let bytes = allocation_xlsx(&d, &s, &a, lang, "2025-03-01").unwrap();
            let header: Vec<String> = sheet(&bytes, name).rows().next().unwrap().iter().map(string).collect();
            let mut book = open(&bytes);
            book.load_tables().unwrap();
            assert_eq!(book.table_names_in_sheet(name), [table_name]);
            assert!(book.table_names().len() == 1, "only the municipality sheet has a table");
            let table = book.table_by_name(table_name).unwrap();
            assert_eq!(table.columns(), header, "the table's columns are the sheet's headers");
            assert_eq!(table.data().height(), d.len(), "one row per municipality, no totals row");
            let request = header.iter().position(|h| h == lang.pick("Anmodning", "Request")).unwrap();
            let sum: f64 = table.data().rows().map(|r| float(&r[request])).sum();
            assert_eq!(sum, f64::from(s.target.total));
        }
    }

    #[test]
    fn sami_and_norwegian_letters_round_trip() {
        let (d, s, a) = test_data::special_case();
        for lang in [Lang::Nb, Lang::En] {
            let bytes = allocation_xlsx(&d, &s, &a, lang, "2025-03-01").unwrap();
            let range = sheet(&bytes, lang.pick("Kommuner", "Municipalities"));
            let names: Vec<String> = range.rows().skip(1).take(d.len()).map(|r| string(&r[1])).collect();
            assert!(names.contains(&test_data::SAMI_NAME.to_owned()));
            assert!(names.contains(&test_data::SAMI_LETTERS.to_owned()));
            assert!(names.contains(&"Bærum".to_owned()));
            let counties: Vec<String> = range.rows().skip(1).take(d.len()).map(|r| string(&r[2])).collect();
            assert!(counties.contains(&"Møre og Romsdal".to_owned()));
            assert!(counties.contains(&"Trøndelag".to_owned()));
            // The locked, excluded and formula-named rows carry the engine's numbers.
            let row = |code: &str| range.rows().find(|r| matches!(&r[0], Data::String(c) if c == code)).unwrap();
            let request =
                range.rows().next().unwrap().iter().position(|h| string(h) == lang.pick("Anmodning", "Request"));
            let request = request.unwrap();
            assert_eq!(float(&row("0301")[request]), 600.0);
            assert_eq!(float(&row("5025")[request]), 0.0);
            let drammen = d.index_of_code("3005").unwrap();
            assert!(a.rows[drammen].allocation > 0, "the formula-named municipality is asked");
            assert_eq!(string(&row("3005")[1]), "'=SUM(A1)");
            assert_eq!(float(&row("3005")[request]), f64::from(a.rows[drammen].allocation));
            let total: f64 = range.rows().skip(1).take(d.len()).map(|r| float(&r[request])).sum();
            assert_eq!(total, f64::from(s.target.total));
        }
    }
}
