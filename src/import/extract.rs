//! From a table to one value per municipality code, and from those to the planning dataset's codes.

use std::collections::{HashMap, HashSet};

use super::codes::{code_in_cell, municipality_code};
use super::numbers::{Cell, DecimalMark, parse_number, parse_number_in};
use super::table::Table;

/// What [`extract`] found: values by municipality, and what it had to skip or doubt.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extracted {
    /// One entry per municipality code, in file order.
    pub values: Vec<ExtractedValue>,
    /// Rows skipped and doubts, sorted by line.
    pub problems: Vec<Problem>,
}

/// The value of one municipality in an imported table.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedValue {
    /// Four-digit municipality code.
    pub code: String,
    /// The name after the code in the code cell (`"Halden"` in `"K-3001 Halden"`), else the cell of
    /// a name column (a column whose header mentions navn, name, kommune, municipality or region),
    /// else empty.
    pub label: String,
    /// `None` when the cell was empty or an SSB symbol (`..`, `.`, `-`, `:`, ...).
    pub value: Option<f64>,
    /// The cell was `:`, SSB's "not for publication": a value exists but is suppressed.
    pub hidden: bool,
    /// Line of the row the value came from (see [`RowRef::line`](super::RowRef::line)).
    pub line: usize,
}

/// A row that was skipped or a doubt about the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line (observation number for JSON-stat); 0 for the table as a whole.
    pub line: usize,
    /// What is wrong, quoting the cell, without the line number.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 { f.write_str(&self.message) } else { write!(f, "line {}: {}", self.line, self.message) }
    }
}

/// How an imported table lines up with the municipalities of the planning dataset.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Match {
    /// Codes found in both, with their value (`None` if missing or hidden in the file), in file
    /// order.
    pub matched: Vec<(String, Option<f64>)>,
    /// Codes in the file that the dataset does not have (old borders, typos), with their line.
    pub unknown_codes: Vec<(String, usize)>,
    /// Dataset codes that no row of the file has, in dataset order.
    pub missing_codes: Vec<String>,
    /// Codes with more than one row after the border mapping (a file holding a municipality under both its
    /// 2020 and its 2024 code): every row's line and value, the first of them in `matched`.
    pub conflicts: Vec<Conflict>,
}

/// One municipality given twice.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub code: String,
    /// The rows: line and value (`None`: empty or hidden), in file order.
    pub rows: Vec<(usize, Option<f64>)>,
}

/// Header words that name a column of municipality names.
const NAME_HINTS: [&str; 5] = ["navn", "name", "kommune", "municipality", "region"];
/// Header words that name a column of municipality codes.
const CODE_HINTS: [&str; 7] = ["region", "kommune", "knr", "komnr", "kode", "code", "municipality"];

fn header_has(header: &str, words: &[&str]) -> bool {
    let h = header.to_lowercase();
    words.iter().any(|w| h.contains(w))
}

/// Reads one value per municipality from `code_column` and `value_column` (0-based).
///
/// Codes are read with [`municipality_code`] and values with
/// [`parse_number`]. Skipped, with a [`Problem`]: rows whose code cell holds
/// no municipality code (counties such as `F-30 Viken`, `0 Hele landet`, empty cells) and rows
/// whose value cell is neither a number nor a symbol.
///
/// A code on several rows: the first row is kept. Repeats with the same value are ignored; repeats
/// with other values give one problem per code, at the first such repeat, counting them. That is
/// what happens when an SSB export has a row per municipality and age or year: filter the
/// table to one value per municipality, or choose a wide export with one column per year.
pub fn extract(table: &Table, code_column: usize, value_column: usize) -> Extracted {
    let mut out = Extracted::default();
    let width = table.headers.len();
    for (what, c) in [("code", code_column), ("value", value_column)] {
        if c >= width {
            out.problems.push(Problem {
                line: 0,
                message: format!("the {what} column {} does not exist: the table has {width} columns", c + 1),
            });
        }
    }
    if !out.problems.is_empty() {
        return out;
    }
    let code_header = &table.headers[code_column];
    let value_header = &table.headers[value_column];
    let label_column = name_column(table, code_column, value_column);
    // One decimal convention for the whole column, so `1.234` means the same on every line.
    let mark = DecimalMark::of_column(table.rows.iter().map(|r| (r.line, r.cells.get(value_column).unwrap_or(""))));
    let mut seen: HashMap<String, usize> = HashMap::new();
    // code → lines of its repeats with a value other than the kept one
    let mut conflicts: HashMap<String, Vec<usize>> = HashMap::new();
    for row in &table.rows {
        let cell = |c: usize| row.cells.get(c).unwrap_or("");
        let code_cell = cell(code_column);
        let Some(found) = code_in_cell(code_cell) else {
            out.problems.push(Problem { line: row.line, message: not_a_code(code_cell, code_header) });
            continue;
        };
        let value_cell = cell(value_column);
        let (value, hidden) = match parse_number_in(value_cell, mark) {
            Ok(Cell::Number(v)) => (Some(v), false),
            Ok(Cell::Missing { .. }) => (None, false),
            Ok(Cell::Hidden { .. }) => (None, true),
            Err(why) => {
                out.problems.push(Problem {
                    line: row.line,
                    message: format!("column \"{value_header}\": {why}; the row for {} is skipped", found.code),
                });
                continue;
            }
        };
        if let Some(&i) = seen.get(&found.code) {
            let first = &out.values[i];
            if first.value != value || first.hidden != hidden {
                conflicts.entry(found.code).or_default().push(row.line);
            }
            continue;
        }
        let label = if found.label.is_empty() {
            label_column.map_or(String::new(), |c| cell(c).to_owned())
        } else {
            found.label
        };
        seen.insert(found.code.clone(), out.values.len());
        out.values.push(ExtractedValue { code: found.code, label, value, hidden, line: row.line });
    }
    for (code, lines) in conflicts {
        let kept = &out.values[seen[&code]];
        let name = if kept.label.is_empty() { String::new() } else { format!(" ({})", kept.label) };
        let mut shown: Vec<String> = lines.iter().take(5).map(usize::to_string).collect();
        if lines.len() > 5 {
            shown.push("…".to_owned());
        }
        out.problems.push(Problem {
            line: lines[0],
            message: format!(
                "code {code}{name} has {} more row{} with a different value (line{} {}); the \
                 value on line {} is kept. If the table has a row per municipality and year, age \
                 or the like, filter it to one value per municipality",
                lines.len(),
                if lines.len() == 1 { "" } else { "s" },
                if lines.len() == 1 { "" } else { "s" },
                shown.join(", "),
                kept.line,
            ),
        });
    }
    out.problems.sort_by_key(|p| p.line);
    out
}

/// Why a code cell yields no municipality code.
fn not_a_code(cell: &str, header: &str) -> String {
    let s = cell.trim();
    if s.is_empty() {
        return format!("column \"{header}\" is empty: no municipality code; the row is skipped");
    }
    let b = s.as_bytes();
    let county = (b.starts_with(b"F-") && b.get(2).is_some_and(u8::is_ascii_digit))
        || (b.len() >= 2 && b[..2].iter().all(u8::is_ascii_digit) && b.get(2).is_none_or(|c| c.is_ascii_whitespace()));
    if county {
        format!("\"{s}\" is a county, not a municipality; the row is skipped")
    } else {
        format!(
            "\"{s}\" in column \"{header}\" is not a municipality code (four digits, as in \
             \"3101\" or \"K-3101 Halden\"); the row is skipped"
        )
    }
}

/// A column of municipality names other than the code and value columns.
fn name_column(table: &Table, code_column: usize, value_column: usize) -> Option<usize> {
    (0..table.headers.len()).find(|&c| {
        c != code_column && c != value_column && header_has(&table.headers[c], &NAME_HINTS) && {
            let sample = table.rows.iter().take(200).filter_map(|r| r.cells.get(c));
            let (mut text, mut total) = (0, 0);
            for s in sample.filter(|s| !s.is_empty()) {
                total += 1;
                if code_in_cell(s).is_none() && parse_number(s).is_err() {
                    text += 1;
                }
            }
            total > 0 && text * 2 > total
        }
    })
}

/// What [`guess`] made of a table's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guess {
    /// The code column and the value column.
    Found { code: usize, value: usize },
    /// No column holds municipality codes.
    NoCodeColumn,
    /// The codes are in `code`, but no column is clearly the values; `candidates` are the other columns
    /// with numbers in them.
    Unclear { code: usize, candidates: Vec<ValueCandidate> },
}

/// A column with numbers that was not taken as the value column, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueCandidate {
    /// 0-based column.
    pub column: usize,
    /// Cells that are numbers, and cells that are not empty (in the sample read for the guess).
    pub numbers: usize,
    pub non_empty: usize,
    /// Every number is this year (1900–2100), or the header names a year and every number is one.
    pub year: Option<String>,
}

impl Guess {
    /// The message for a table whose columns could not be guessed; `None` when they were.
    pub fn problem(&self, table: &Table) -> Option<String> {
        match self {
            Guess::Found { .. } => None,
            Guess::NoCodeColumn => Some(format!(
                "{}: no column holds municipality codes (four digits, as in \"3101\" or \"K-3101 Halden\")",
                table.source_name
            )),
            Guess::Unclear { candidates, .. } if candidates.is_empty() => {
                Some(format!("{}: no column other than the codes holds numbers", table.source_name))
            }
            Guess::Unclear { candidates, .. } => {
                let listed: Vec<String> = candidates
                    .iter()
                    .map(|c| {
                        let why = match &c.year {
                            Some(year) => format!("years ({year})"),
                            None => format!("{} of {} cells are numbers", c.numbers, c.non_empty),
                        };
                        format!("{} {:?}: {why}", c.column + 1, table.headers[c.column])
                    })
                    .collect();
                Some(format!(
                    "{}: no column is clearly the values; the columns with numbers are {}; choose one",
                    table.source_name,
                    listed.join(", ")
                ))
            }
        }
    }
}

/// Header words that name a column of years.
const YEAR_HINTS: [&str; 5] = ["år", "year", "tid", "time", "periode"];

/// Guesses (code column, value column); see [`guess`].
pub fn guess_columns(table: &Table) -> Option<(usize, usize)> {
    match guess(table) {
        Guess::Found { code, value } => Some((code, value)),
        _ => None,
    }
}

/// Guesses the code column and the value column.
///
/// Code column: among the columns where most non-empty cells yield a municipality code, prefer
/// the one where most cells cannot be ordinary numbers (`K-` prefix, a name after the code, a
/// leading zero), then one whose header names codes (region, kommune, knr, kode, code,
/// municipality), then the most distinct codes (a year column has few), then the leftmost.
///
/// Value column: the last other column whose non-empty cells are mostly numbers or symbols, with
/// at least one number, and that is not a column of years (one year repeated, or a header naming
/// years over years only). When no column qualifies, the guess is [`Guess::Unclear`] and lists the
/// columns with numbers, rather than falling back to one of them.
pub fn guess(table: &Table) -> Guess {
    let sample = || table.rows.iter().take(2000);
    let width = table.headers.len();
    // (mostly strong codes, header names codes, distinct codes, leftmost) and the column.
    type Rank = (bool, bool, usize, std::cmp::Reverse<usize>);
    let mut best: Option<(Rank, usize)> = None;
    for c in 0..width {
        let (mut non_empty, mut codes, mut strong) = (0usize, 0usize, 0usize);
        let mut distinct = HashSet::new();
        for cell in sample().filter_map(|r| r.cells.get(c)) {
            if cell.is_empty() {
                continue;
            }
            non_empty += 1;
            if let Some(found) = code_in_cell(cell) {
                codes += 1;
                strong += usize::from(found.strong);
                distinct.insert(found.code);
            }
        }
        if non_empty == 0 || codes * 2 <= non_empty {
            continue;
        }
        let key =
            (strong * 2 > non_empty, header_has(&table.headers[c], &CODE_HINTS), distinct.len(), std::cmp::Reverse(c));
        if best.as_ref().is_none_or(|(k, _)| key > *k) {
            best = Some((key, c));
        }
    }
    let Some((_, code)) = best else { return Guess::NoCodeColumn };
    let mut candidates = Vec::new();
    let mut value = None;
    for c in (0..width).filter(|&c| c != code) {
        let (mut non_empty, mut numeric) = (0usize, 0usize);
        let mut numbers: Vec<f64> = Vec::new();
        for cell in sample().filter_map(|r| r.cells.get(c)) {
            if cell.is_empty() {
                continue;
            }
            non_empty += 1;
            match parse_number(cell) {
                Ok(Cell::Number(v)) => {
                    numeric += 1;
                    numbers.push(v);
                }
                Ok(_) => numeric += 1,
                Err(_) => {}
            }
        }
        if numbers.is_empty() {
            continue;
        }
        let year = years(&numbers, &table.headers[c]);
        if year.is_none() && numeric * 2 > non_empty {
            value = Some(c);
        }
        candidates.push(ValueCandidate { column: c, numbers: numbers.len(), non_empty, year });
    }
    match value {
        Some(value) => Guess::Found { code, value },
        None => Guess::Unclear { code, candidates },
    }
}

/// `Some("2023")` when every number is that year, `Some("2019–2023")` when the header names years and every
/// number is one; a column of years is never the value column.
fn years(numbers: &[f64], header: &str) -> Option<String> {
    let is_year = |v: &f64| v.fract() == 0.0 && (1900.0..=2100.0).contains(v);
    if !numbers.iter().all(is_year) {
        return None;
    }
    let (lo, hi) = numbers.iter().fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    if lo == hi {
        Some(format!("all {lo}"))
    } else if header_has(header, &YEAR_HINTS) {
        Some(format!("{lo}–{hi}"))
    } else {
        None
    }
}

/// Lines extracted values up with the planning dataset's municipality codes.
///
/// Dataset codes are normalised with [`municipality_code`] (so `"301"` matches `"0301"`).
/// A municipality whose cell was missing or hidden is in `matched` with `None`; `missing_codes`
/// lists only dataset codes that no row of the file has.
pub fn match_codes(extracted: &Extracted, dataset_codes: &[&str]) -> Match {
    let normalised: Vec<String> =
        dataset_codes.iter().map(|c| municipality_code(c).unwrap_or_else(|| c.trim().to_owned())).collect();
    let known: HashSet<&str> = normalised.iter().map(String::as_str).collect();
    let mut out = Match::default();
    let mut found: HashMap<&str, &ExtractedValue> = HashMap::new();
    for v in &extracted.values {
        if let Some(first) = found.get(v.code.as_str()) {
            match out.conflicts.iter_mut().find(|c| c.code == v.code) {
                Some(conflict) => conflict.rows.push((v.line, v.value)),
                None => out
                    .conflicts
                    .push(Conflict { code: v.code.clone(), rows: vec![(first.line, first.value), (v.line, v.value)] }),
            }
        } else if known.contains(v.code.as_str()) {
            out.matched.push((v.code.clone(), v.value));
            found.insert(v.code.as_str(), v);
        } else {
            out.unknown_codes.push((v.code.clone(), v.line));
        }
    }
    let mut listed = HashSet::new();
    for code in &normalised {
        if !found.contains_key(code.as_str()) && listed.insert(code.as_str()) {
            out.missing_codes.push(code.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Row, read_table};

    fn fixture(name: &str) -> Table {
        let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        read_table(&bytes, name).unwrap()
    }

    fn value<'a>(ex: &'a Extracted, code: &str) -> &'a ExtractedValue {
        ex.values.iter().find(|v| v.code == code).unwrap_or_else(|| panic!("{code} not extracted: {ex:#?}"))
    }

    /// Codes of the planning dataset used in these tests (2024 borders, a few municipalities).
    const DATASET: [&str; 10] = ["0301", "3101", "3201", "1508", "5501", "5612", "5636", "5610", "5622", "3314"];

    #[test]
    fn plain_semicolon_file_end_to_end() {
        let t = fixture("plain_semicolon_utf8.csv");
        assert_eq!(guess_columns(&t), Some((0, 3)));
        let ex = extract(&t, 0, 3);
        assert_eq!(value(&ex, "0301").value, Some(68.5));
        assert_eq!(value(&ex, "0301").label, "Oslo"); // from the "Kommune" column
        assert_eq!(value(&ex, "3201").label, "Bærum");
        assert_eq!(value(&ex, "3201").value, Some(1234.5)); // "1 234,5"
        let kautokeino = value(&ex, "5612");
        assert_eq!(kautokeino.label, "Guovdageaidnu - Kautokeino");
        assert_eq!((kautokeino.value, kautokeino.hidden), (None, false)); // ".."
        let nesseby = value(&ex, "5636");
        assert_eq!(nesseby.label, "Unjárga - Nesseby");
        assert_eq!((nesseby.value, nesseby.hidden), (None, true)); // ":"
        assert_eq!(value(&ex, "5622").label, "Porsáŋgu - Porsanger - Porsanki");
        assert_eq!(value(&ex, "0301").line, 2);
        // "101" is a code whose leading zero a spreadsheet dropped.
        assert_eq!(value(&ex, "0101").label, "Halden (før 2020)");
        let problems: Vec<String> = ex.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            problems,
            vec![
                "line 10: column \"Verdi\": \"ca. 70\" is not a number (contains \
                 letters) nor a symbol for a missing (. .. ... -) or hidden (:) value; the row \
                 for 1508 is skipped",
                "line 11: \"Ukjent\" in column \"Kommunenummer\" is not a municipality code (four \
                 digits, as in \"3101\" or \"K-3101 Halden\"); the row is skipped",
            ],
            "{problems:#?}"
        );
        let m = match_codes(&ex, &DATASET);
        assert_eq!(m.unknown_codes, vec![("9999".to_owned(), 9), ("0101".to_owned(), 12)]);
        assert!(m.matched.contains(&("5636".to_owned(), None)));
        assert!(m.matched.contains(&("0301".to_owned(), Some(68.5))));
        assert_eq!(m.missing_codes, vec!["3101", "1508", "5610"]);
    }

    #[test]
    fn ssb_long_table_reports_duplicates_and_counties() {
        let t = fixture("ssb_07459_semicolon_latin1.csv");
        assert_eq!(guess_columns(&t), Some((0, 2)));
        let ex = extract(&t, 0, 2);
        let halden = value(&ex, "3101");
        assert_eq!((halden.label.as_str(), halden.value, halden.line), ("Halden", Some(253.0), 4));
        assert_eq!(value(&ex, "3201").label, "Bærum");
        assert_eq!(value(&ex, "1508").label, "Ålesund");
        let nesseby = value(&ex, "5636");
        assert_eq!((nesseby.label.as_str(), nesseby.hidden), ("Unjárga - Nesseby", true));
        let dup = ex.problems.iter().find(|p| p.message.starts_with("code 3101 (Halden)")).expect("duplicate problem");
        assert_eq!(dup.line, 5);
        assert!(
            dup.message.contains("has 2 more rows with a different value (lines 5, 6); the value on line 4 is kept"),
            "{}",
            dup.message
        );
        let county = ex.problems.last().unwrap();
        assert_eq!(
            county.to_string(),
            format!(
                "line {}: \"F-31 Østfold\" is a county, not a municipality; the row is skipped",
                t.rows.last().unwrap().line
            )
        );
    }

    #[test]
    fn hidden_and_missing_symbols_in_ssb_tab_file() {
        let t = fixture("ssb_tab_hidden.tsv");
        let (c, v) = guess_columns(&t).unwrap();
        assert_eq!((c, v), (0, 2)); // the last numeric column, "2024"
        let ex = extract(&t, c, v);
        let k = value(&ex, "5612");
        assert_eq!((k.label.as_str(), k.value, k.hidden), ("Guovdageaidnu - Kautokeino", None, false));
        assert!(value(&ex, "5610").hidden);
        assert_eq!(value(&ex, "5622").value, None); // "."
        assert_eq!(value(&ex, "5501").value, None); // "-" (SSB: nil), kept as missing
        assert_eq!(value(&ex, "0301").value, Some(12.5));
        let ex2023 = extract(&t, c, 1);
        assert!(value(&ex2023, "5612").hidden);
        assert!(ex.problems.is_empty(), "{:?}", ex.problems);
    }

    #[test]
    fn old_borders_are_unknown_codes_with_lines() {
        let t = fixture("ssb_comma_2019.csv");
        let ex = extract(&t, 0, 2);
        let m = match_codes(&ex, &DATASET);
        assert_eq!(m.unknown_codes.first(), Some(&("0101".to_owned(), 2)));
        assert!(m.matched.iter().any(|(c, v)| c == "0301" && *v == Some(1900.0)));
    }

    #[test]
    fn jsonstat_region_code_and_label_columns() {
        let t = fixture("jsonstat_region.json");
        assert_eq!(guess_columns(&t), Some((0, 5)));
        let ex = extract(&t, 0, 5);
        let h = value(&ex, "3101");
        assert_eq!((h.label.as_str(), h.value, h.line), ("Halden", Some(31444.0), 1));
        assert_eq!(value(&ex, "5610").label, "Kárášjohka - Karasjok");
        assert!(value(&ex, "5612").hidden);
        // Two years per municipality: the second year differs.
        assert!(ex.problems.iter().any(|p| {
            p.line == 2 && p.message.starts_with("code 3101 (Halden) has 1 more row with a different value (line 2)")
        }));
        let m = match_codes(&ex, &DATASET);
        assert!(m.unknown_codes.is_empty());
        assert_eq!(m.matched.len(), 5);
    }

    #[test]
    fn guess_prefers_strong_codes_and_hints() {
        let table = |headers: &[&str], rows: &[&[&str]]| Table {
            source_name: "t".into(),
            format: crate::import::Format::PlainCsv,
            encoding: "UTF-8",
            delimiter: Some(';'),
            headers: headers.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| Row { line: i + 2, cells: r.iter().map(|s| s.to_string()).collect() })
                .collect(),
        };
        // Values that look like codes (three and four digits) do not win over a named code column.
        let t = table(&["verdi", "knr", "antall"], &[&["1234", "3001", "250"], &["4321", "3101", "1250"]]);
        assert_eq!(guess_columns(&t), Some((1, 2)));
        // A year column has fewer distinct codes than the region column.
        let t = table(&["år", "x", "v"], &[&["2024", "3001", "1"], &["2024", "3101", "2"], &["2024", "3201", "3"]]);
        assert_eq!(guess_columns(&t), Some((1, 2)));
        // No code column, or no numeric column.
        assert_eq!(guess_columns(&table(&["a", "b"], &[&["Oslo", "1"]])), None);
        assert_eq!(guess_columns(&table(&["a", "b"], &[&["0301", "Oslo"]])), None);
        assert_eq!(guess_columns(&table(&["a", "b"], &[])), None);
    }

    #[test]
    fn a_column_of_years_is_never_the_value_column() {
        // Most value cells are markers, so the value column does not qualify; the year column must not win.
        let t =
            read_table(b"knr;aar;verdi\n0301;2023;x\n3101;2023;n/a\n3201;2023;NaN\n1508;2023;12\n", "y.csv").unwrap();
        let g = guess(&t);
        assert_eq!(guess_columns(&t), None);
        assert_eq!(
            g.problem(&t).unwrap(),
            "y.csv: no column is clearly the values; the columns with numbers are 2 \"aar\": years (all 2023), \
             3 \"verdi\": 1 of 4 cells are numbers; choose one"
        );
        // A year column named as such, over several years, is not a value column either.
        let t = read_table(b"knr;year;v\n0301;2022;1\n3101;2023;2\n", "y2.csv").unwrap();
        assert_eq!(guess_columns(&t), Some((0, 2)));
        let t = read_table(b"knr;year;v\n0301;2022;x\n3101;2023;y\n", "y3.csv").unwrap();
        assert!(matches!(guess(&t), Guess::Unclear { code: 0, .. }));
        // Without the hint, varying "years" may be values (a count of 2000 is a count).
        let t = read_table(b"knr;antall\n0301;2022\n3101;1999\n", "y4.csv").unwrap();
        assert_eq!(guess_columns(&t), Some((0, 1)));
        let t = read_table(b"a;b\nOslo;1\n", "n.csv").unwrap();
        assert_eq!(guess(&t), Guess::NoCodeColumn);
    }

    #[test]
    fn a_file_keeps_one_decimal_convention() {
        let t = read_table(b"knr;v\n0301;1.234,5\n3101;1.234\n3201;1,234.5\n", "d.csv").unwrap();
        let ex = extract(&t, 0, 1);
        assert_eq!(value(&ex, "0301").value, Some(1234.5));
        assert_eq!(value(&ex, "3101").value, Some(1234.0), "the same convention as the line above");
        assert_eq!(ex.problems.len(), 1);
        assert!(
            ex.problems[0].to_string().starts_with("line 4: column \"v\": \"1,234.5\" is written with a decimal point")
        );
    }

    #[test]
    fn bad_columns_and_repeats_with_equal_values() {
        let t = read_table(b"knr;v\n0301;1\n0301;1\n0301;2\n3201;x\n;3\n", "r.csv").unwrap();
        let ex = extract(&t, 0, 1);
        assert_eq!(ex.values.len(), 1);
        let lines: Vec<usize> = ex.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![4, 5, 6]);
        assert!(ex.problems[0].message.contains("has 1 more row with a different value (line 4)"));
        assert!(ex.problems[2].message.contains("column \"knr\" is empty"));
        let ex = extract(&t, 0, 7);
        assert_eq!(ex.values, vec![]);
        assert_eq!(ex.problems[0].to_string(), "the value column 8 does not exist: the table has 2 columns");
    }

    #[test]
    fn match_normalises_dataset_codes_and_lists_missing_once() {
        let ex = Extracted {
            values: vec![ExtractedValue {
                code: "0301".into(),
                label: "Oslo".into(),
                value: Some(1.0),
                hidden: false,
                line: 3,
            }],
            problems: vec![],
        };
        let m = match_codes(&ex, &["301", "K-3201", "3201"]);
        assert_eq!(m.matched, vec![("0301".to_owned(), Some(1.0))]);
        assert_eq!(m.missing_codes, vec!["3201"]);
        assert!(m.unknown_codes.is_empty());
    }
}
