//! What the fuzz targets share: the table import pipeline, and the embedded datasets loaded once.

use std::sync::OnceLock;

use bosetting::data::{Dataset, embedded_dataset};
use bosetting::import::{extract, guess_columns, match_codes, read_table};

/// Codes the extracted values are matched against (a few of both shipped datasets).
const CODES: [&str; 6] = ["0301", "1101", "3201", "5001", "5501", "301"];

/// Every step of an import: read, guess the columns, extract, match. Errors are fine; panics are not.
pub fn import_table(data: &[u8], name: &str) {
    let Ok(table) = read_table(data, name) else { return };
    for row in &table.rows {
        assert_eq!(row.cells.len(), table.headers.len(), "row on line {} has the header's width", row.line);
    }
    if let Some((code, value)) = guess_columns(&table) {
        let extracted = extract(&table, code, value);
        let _ = match_codes(&extracted, &CODES);
    }
    // Any pair the user could pick in the import dialog, including out-of-range ones.
    let width = table.headers.len().min(4);
    for code in 0..=width {
        for value in 0..=width {
            let _ = extract(&table, code, value);
        }
    }
}

/// The embedded dataset with this id (parsed once per process), else `norway-2020`.
pub fn dataset(id: &str) -> &'static Dataset {
    static D2020: OnceLock<Dataset> = OnceLock::new();
    static D2024: OnceLock<Dataset> = OnceLock::new();
    let (cell, id) = if id == "norway-2024" { (&D2024, "norway-2024") } else { (&D2020, "norway-2020") };
    cell.get_or_init(|| embedded_dataset(id).expect("embedded dataset"))
}
