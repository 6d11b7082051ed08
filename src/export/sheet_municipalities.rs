//! The municipality sheet: the result table with typed cells, a frozen header, a filter, and grey rows for the
//! municipalities that are not asked (the Note column says why).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::xlsx::{Styles, display_width, number, text};
use crate::engine::Allocation;
use crate::report::{Cell, ResultTable};

/// Headers wrap beyond this width instead of widening their column.
const HEADER_WRAP: usize = 16;
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 48;

pub(super) fn write(
    ws: &mut Worksheet,
    styles: &Styles,
    table: &ResultTable,
    allocation: &Allocation,
) -> Result<(), XlsxError> {
    let columns = table.headers.len();
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.chars().count().min(HEADER_WRAP)).collect();
    for (c, header) in table.headers.iter().enumerate() {
        text(ws, 0, c as u16, header, &styles.header)?;
    }
    for (i, cells) in table.rows.iter().enumerate() {
        let row = i as u32 + 1;
        // The table's rows are the allocation's rows, in dataset order.
        let grey = allocation.rows.get(i).is_some_and(|r| !r.asked());
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            match cell {
                // The first column is the municipality code: text, so 0301 keeps its zero.
                Cell::Text(t) if c == 0 => text(ws, row, col, t, if grey { &styles.grey_code } else { &styles.code })?,
                Cell::Text(t) => text(ws, row, col, t, if grey { &styles.grey_text } else { &styles.text })?,
                Cell::Int(v) => number(ws, row, col, *v as f64, if grey { &styles.grey_int } else { &styles.int })?,
                Cell::Number(v, d) => {
                    number(ws, row, col, *v, if grey { styles.grey_decimals(*d) } else { styles.decimals(*d) })?
                }
                Cell::Empty => {}
            }
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(cell));
            }
        }
    }
    // Wrapped headers: Excel and LibreOffice grow the header row to fit when they open the file.
    for (c, width) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, ((*width).clamp(MIN_WIDTH, MAX_WIDTH) + 2) as f64)?;
    }
    ws.set_freeze_panes(1, 2)?;
    if columns > 0 {
        ws.autofilter(0, 0, table.rows.len() as u32, columns as u16 - 1)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use calamine::Data;

    use super::super::xlsx::read_back::{float, sheet, string};
    use crate::export::{allocation_xlsx, test_data};
    use crate::lang::Lang;

    #[test]
    fn every_municipality_with_exact_numbers() {
        let (d, s, a) = test_data::imdi_2020_case();
        let bytes = allocation_xlsx(&d, &s, &a, Lang::Nb, "2025-03-01").unwrap();
        let range = sheet(&bytes, "Kommuner");
        assert_eq!(range.height(), 357, "header and 356 municipalities");
        let header: Vec<String> = range.rows().next().unwrap().iter().map(string).collect();
        let request = header.iter().position(|h| h == "Anmodning").unwrap();
        let note = header.iter().position(|h| h == "Merknad").unwrap();
        let mut sum = 0.0;
        for (i, row) in range.rows().skip(1).enumerate() {
            assert_eq!(string(&row[0]), d.municipalities[i].code, "codes are text with leading zeros");
            assert_eq!(string(&row[1]), d.municipalities[i].name);
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
    }

    #[test]
    fn sami_and_norwegian_letters_round_trip() {
        let (d, s, a) = test_data::special_case();
        for lang in [Lang::Nb, Lang::En] {
            let bytes = allocation_xlsx(&d, &s, &a, lang, "2025-03-01").unwrap();
            let range = sheet(&bytes, lang.pick("Kommuner", "Municipalities"));
            let names: Vec<String> = range.rows().skip(1).map(|r| string(&r[1])).collect();
            assert!(names.contains(&test_data::SAMI_NAME.to_owned()));
            assert!(names.contains(&test_data::SAMI_LETTERS.to_owned()));
            assert!(names.contains(&"Bærum".to_owned()));
            let counties: Vec<String> = range.rows().skip(1).map(|r| string(&r[2])).collect();
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
            let total: f64 = range.rows().skip(1).map(|r| float(&r[request])).sum();
            assert_eq!(total, f64::from(s.target.total));
        }
    }
}
