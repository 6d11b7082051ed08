//! The result table as tab-separated text for the clipboard: pastes into Excel and Word as a table.

use crate::lang::Lang;
use crate::report::{Cell, ResultTable, neutralise};

/// One line per row (`\n`), cells separated by tabs; numbers without thousands separators and with a decimal
/// comma in bokmål, so Norwegian Excel reads them as numbers. Text is guarded against formulas like the CSV, and
/// tabs or line breaks inside a cell become spaces so the shape of the table holds.
pub fn table_tsv(table: &ResultTable, lang: Lang) -> String {
    let mut out = String::new();
    let headers = table.headers.iter().map(|h| text(h));
    push_line(&mut out, headers);
    for row in &table.rows {
        push_line(&mut out, row.iter().map(|c| cell(c, lang)));
    }
    out
}

fn push_line(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push('\t');
        }
        out.push_str(&c);
    }
    out.push('\n');
}

fn text(t: &str) -> String {
    neutralise(t).replace(['\t', '\r', '\n'], " ")
}

fn cell(c: &Cell, lang: Lang) -> String {
    match c {
        Cell::Text(t) => text(t),
        // Pasted into Excel, a code keeps its leading zero.
        Cell::Code(c) => crate::report::excel_text_code(c).unwrap_or_else(|| text(c)),
        Cell::Int(i) => i.to_string(),
        Cell::Number(v, _) if !v.is_finite() => String::new(),
        Cell::Number(v, d) => {
            let mut s = format!("{v:.d$}");
            // "-0,0" after rounding a tiny negative is just zero.
            if s.starts_with('-') && s[1..].chars().all(|ch| ch == '0' || ch == '.') {
                s.remove(0);
            }
            if lang == Lang::Nb { s.replace('.', ",") } else { s }
        }
        Cell::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_data;
    use crate::report::result_table;

    #[test]
    fn shape_and_decimal_comma() {
        let (d, s, a) = test_data::special_case();
        let table = result_table(&d, &s, &a, Lang::Nb);
        let tsv = table_tsv(&table, Lang::Nb);
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines.len(), 357, "header and one line per municipality");
        assert!(tsv.ends_with('\n') && !tsv.contains('\r'));
        let columns = table.headers.len();
        assert!(lines.iter().all(|l| l.split('\t').count() == columns), "every line has {columns} cells");
        let header: Vec<&str> = lines[0].split('\t').collect();
        assert_eq!(header[0], "Kommunenummer");
        let oslo: Vec<&str> = lines[1].split('\t').collect();
        assert_eq!(oslo[0], "=\"0301\"", "a code stays text in Excel");
        assert_eq!(oslo[3], "693494", "no thousands separator");
        let quota = header.iter().position(|h| *h == "Andel").unwrap();
        assert!(lines[1..].iter().all(|l| {
            let q = l.split('\t').nth(quota).unwrap();
            q.contains(',') && !q.contains('.') && q.split(',').nth(1).unwrap().len() == 2
        }));
        assert!(tsv.contains(test_data::SAMI_NAME));
        assert!(tsv.contains("\t'=SUM(A1)\t"));
        let request = header.iter().position(|h| *h == "Anmodning").unwrap();
        let sum: u64 = lines[1..].iter().map(|l| l.split('\t').nth(request).unwrap().parse::<u64>().unwrap()).sum();
        assert_eq!(sum, u64::from(s.target.total));

        let en = table_tsv(&result_table(&d, &s, &a, Lang::En), Lang::En);
        let line = en.lines().nth(1).unwrap();
        assert!(line.split('\t').nth(quota).unwrap().contains('.'));
    }

    #[test]
    fn cells_cannot_break_the_table() {
        let table = ResultTable {
            headers: vec!["A".into(), "B".into()],
            rows: vec![vec![Cell::Text("x\ty\nz".into()), Cell::Number(-0.001, 1)]],
        };
        assert_eq!(table_tsv(&table, Lang::Nb), "A\tB\nx y z\t0,0\n");
    }
}
