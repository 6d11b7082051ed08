//! Any `ResultTable` as a worksheet: a bold header that wraps, typed cells (the first column, a code, stays
//! text so 0301 keeps its zero), column widths from the content, a frozen header, a filter (or an Excel table),
//! and a print setup that repeats the header on every page.

use std::collections::HashSet;

use rust_xlsxwriter::utility::cell_range;
use rust_xlsxwriter::{Formula, Table, TableColumn, TableFunction, TableStyle, Worksheet, XlsxError};

use super::xlsx::{Styles, display_width, number, print_setup, text};
use crate::report::{Cell, ResultTable};

/// Headers wrap beyond this width instead of widening their column.
const HEADER_WRAP: usize = 16;
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 48;

/// Writes `table` with its header in row `top` and a filter on the header. Rows for which `grey(i)` holds
/// (i counts table rows) are written in grey, e.g. municipalities that are not asked.
pub(super) fn write_table(
    ws: &mut Worksheet,
    styles: &Styles,
    table: &ResultTable,
    top: u32,
    grey: impl Fn(usize) -> bool,
) -> Result<(), XlsxError> {
    write_cells(ws, styles, table, top, grey)?;
    if !table.headers.is_empty() {
        ws.autofilter(top, 0, top + table.rows.len() as u32, table.headers.len() as u16 - 1)?;
    }
    Ok(())
}

/// Like [`write_table`], but as an Excel table called `name`: filter buttons, banded rows, and a range that
/// the reader's own formulas can name (`Kommunetabell[Anmodning]`). Excel needs at least one row and
/// distinct header names for a table; without them the sheet gets the plain filter. With `total`, the table
/// ends in a totals row so labelled: every column of whole numbers (counts) is summed by a `SUBTOTAL` formula
/// that follows the filter, stored with its value; shares and rates are not summed.
pub(super) fn write_excel_table(
    ws: &mut Worksheet,
    styles: &Styles,
    table: &ResultTable,
    top: u32,
    grey: impl Fn(usize) -> bool,
    name: &str,
    total: Option<&str>,
) -> Result<(), XlsxError> {
    let mut seen = HashSet::new();
    let distinct = table.headers.iter().all(|h| !h.is_empty() && seen.insert(h.to_lowercase()));
    if table.rows.is_empty() || table.headers.is_empty() || !distinct {
        return write_table(ws, styles, table, top, grey);
    }
    write_cells(ws, styles, table, top, grey)?;
    // The names come from the header cells as written; the format keeps them looking like every other header.
    let columns: Vec<TableColumn> = table
        .headers
        .iter()
        .enumerate()
        .map(|(c, _)| {
            let column = TableColumn::new().set_header_format(&styles.header);
            match total {
                Some(label) if c == 0 => column.set_total_label(label),
                Some(_) => match column_sum(table, c) {
                    // A plain range rather than `[Header]`: LibreOffice refuses some structured names (Err:507).
                    Some(sum) => {
                        let range = cell_range(top + 1, c as u16, top + table.rows.len() as u32, c as u16);
                        column.set_total_function(TableFunction::Custom(
                            Formula::new(format!("SUBTOTAL(109,{range})")).set_result(sum.to_string()),
                        ))
                    }
                    None => column,
                },
                None => column,
            }
        })
        .collect();
    let excel_table =
        Table::new().set_name(name).set_style(TableStyle::Light1).set_columns(&columns).set_total_row(total.is_some());
    let last = top + table.rows.len() as u32 + u32::from(total.is_some());
    ws.add_table(top, 0, last, table.headers.len() as u16 - 1, &excel_table)?;
    Ok(())
}

/// The sum of a column whose cells are all whole numbers (or empty), if it is one; codes, text and decimals
/// (shares, rates, quotas) give none.
fn column_sum(table: &ResultTable, c: usize) -> Option<i64> {
    let mut any = false;
    let mut sum = 0i64;
    for row in &table.rows {
        match row.get(c) {
            Some(Cell::Int(v)) => {
                any = true;
                sum = sum.saturating_add(*v);
            }
            Some(Cell::Empty) | None => {}
            Some(_) => return None,
        }
    }
    any.then_some(sum)
}

/// The header, the typed cells, the column widths, the frozen header and the print setup.
fn write_cells(
    ws: &mut Worksheet,
    styles: &Styles,
    table: &ResultTable,
    top: u32,
    grey: impl Fn(usize) -> bool,
) -> Result<(), XlsxError> {
    let columns = table.headers.len();
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.chars().count().min(HEADER_WRAP)).collect();
    for (c, header) in table.headers.iter().enumerate() {
        text(ws, top, c as u16, header, &styles.header)?;
    }
    for (i, cells) in table.rows.iter().enumerate() {
        let row = top + i as u32 + 1;
        let grey = grey(i);
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Code(t) => text(ws, row, col, t, if grey { &styles.grey_code } else { &styles.code })?,
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
    ws.set_freeze_panes(top + 1, 2.min(columns as u16))?;
    print_setup(ws, Some(top))
}

/// `table` as the whole content of `ws`, in the workbook style every export shares.
pub fn result_table_sheet(ws: &mut Worksheet, table: &ResultTable) -> Result<(), XlsxError> {
    write_table(ws, &Styles::new(), table, 0, |_| false)
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::Workbook;

    use super::super::xlsx::read_back::{float, open, sheet, string};
    use super::*;

    #[test]
    fn typed_cells_and_text_codes() {
        let table = ResultTable {
            headers: vec!["Nr.".into(), "Navn".into(), "Tall".into(), "Andel".into(), "Tom".into()],
            rows: vec![
                vec![
                    Cell::Text("0301".into()),
                    Cell::Text("Oslo".into()),
                    Cell::Int(-12),
                    Cell::Number(2.5, 1),
                    Cell::Empty,
                ],
                vec![Cell::Text("1103".into()), Cell::Text("=1+1".into()), Cell::Int(7), Cell::Empty, Cell::Empty],
            ],
        };
        let mut book = Workbook::new();
        result_table_sheet(book.add_worksheet().set_name("T").unwrap(), &table).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let range = sheet(&bytes, "T");
        let rows: Vec<_> = range.rows().collect();
        assert_eq!(string(&rows[0][0]), "Nr.");
        assert_eq!(string(&rows[1][0]), "0301");
        assert_eq!(float(&rows[1][2]), -12.0);
        assert_eq!(float(&rows[1][3]), 2.5);
        assert_eq!(string(&rows[2][1]), "'=1+1", "formula-like text is guarded");
    }

    #[test]
    fn a_table_needs_rows_and_distinct_headers() {
        let table = |headers: &[&str], rows: usize| ResultTable {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: vec![vec![Cell::Text("0301".into()), Cell::Int(1)]; rows],
        };
        let tables_in = |t: &ResultTable| {
            let mut book = Workbook::new();
            write_excel_table(
                book.add_worksheet().set_name("T").unwrap(),
                &Styles::new(),
                t,
                0,
                |_| false,
                "Tabell",
                None,
            )
            .unwrap();
            let mut back = open(&book.save_to_buffer().unwrap());
            back.load_tables().unwrap();
            back.table_names().len()
        };
        assert_eq!(tables_in(&table(&["Nr.", "Tall"], 2)), 1);
        // Excel refuses these as tables; they keep the plain filter instead of an error.
        assert_eq!(tables_in(&table(&["Nr.", "nr."], 2)), 0, "names differing only in case");
        assert_eq!(tables_in(&table(&["Nr.", ""], 2)), 0, "an empty name");
        assert_eq!(tables_in(&table(&["Nr.", "Tall"], 0)), 0, "no rows");
    }
}
