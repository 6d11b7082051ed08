//! A returned file as a grid of cells with row numbers, whatever it was: a workbook (every sheet that has a
//! recommendation column) or a CSV table (Norwegian Excel flavour or plain, read by `crate::import`).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use crate::import::read_table;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum GridCell {
    Empty,
    Text(String),
    Number(f64),
}

impl GridCell {
    /// The cell as text: a whole number without decimals (a code typed as a number: 301).
    pub fn text(&self) -> String {
        match self {
            GridCell::Empty => String::new(),
            GridCell::Text(t) => t.trim().to_owned(),
            GridCell::Number(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{v:.0}"),
            GridCell::Number(v) => v.to_string(),
        }
    }
}

/// A table of one sheet or file: its header and its rows, each with the row number the user sees.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The sheet's name in a workbook, for messages (empty for CSV).
    pub sheet: String,
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<GridCell>)>,
}

/// Whether a header names the recommendation column.
pub fn is_value_header(header: &str) -> bool {
    // The first word decides, so that "Sum av anbefalingene" above a table is no header.
    let h = header.trim().to_lowercase();
    let first = h.split(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    ["anbefaling", "anbefalt", "anbefalinger", "recommendation", "recommended", "tilråding", "tilrådd"].contains(&first)
}

/// The tables of a file: a workbook's sheets that have a recommendation header (the header is the first row
/// that names one), or the one table of a CSV file. `Err` says why the file cannot be read.
pub fn grids(bytes: &[u8], file: &str) -> Result<Vec<Grid>, String> {
    if bytes.starts_with(b"PK\x03\x04") {
        return workbook_grids(bytes);
    }
    let table = read_table(bytes, file).map_err(|e| e.to_string())?;
    let rows =
        table.rows.iter().map(|r| (r.line, r.cells.iter().map(|c| GridCell::Text(c.to_owned())).collect())).collect();
    Ok(vec![Grid { sheet: String::new(), headers: table.headers.clone(), rows }])
}

fn workbook_grids(bytes: &[u8]) -> Result<Vec<Grid>, String> {
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| format!("not a readable workbook: {e}"))?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| format!("sheet {name:?} cannot be read: {e}"))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = range.rows().enumerate().map(|(i, r)| {
            let cells: Vec<GridCell> = std::iter::repeat_n(GridCell::Empty, left as usize)
                .chain(r.iter().map(|d| match d {
                    Data::Int(v) => GridCell::Number(*v as f64),
                    Data::Float(v) => GridCell::Number(*v),
                    Data::String(s) => GridCell::Text(s.clone()),
                    Data::Bool(b) => GridCell::Text(b.to_string()),
                    Data::Empty => GridCell::Empty,
                    other => GridCell::Text(other.to_string()),
                }))
                .collect();
            (top as usize + i + 1, cells)
        });
        let Some((_, header)) = rows.by_ref().find(|(_, cells)| cells.iter().any(|c| is_value_header(&c.text())))
        else {
            continue;
        };
        out.push(Grid {
            sheet: name.clone(),
            headers: header.iter().map(GridCell::text).collect(),
            rows: rows.collect(),
        });
    }
    Ok(out)
}
