//! The generic table every format is read into, and format detection.

use super::encoding;
use super::error::{ImportError, MAX_FILE_BYTES};
use super::rows::Rows;
use super::{csv_plain, jsonstat};

/// A file read as a grid of text cells with column names.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The name given to [`read_table`], used in every message about this file.
    pub source_name: String,
    pub format: Format,
    /// The detected encoding: `"UTF-8"`, `"UTF-8 with BOM"`, `"UTF-16LE"`, `"UTF-16BE"` or
    /// `"windows-1252"` (also for ISO-8859-1 files); see [`encoding`].
    pub encoding: &'static str,
    /// The detected field delimiter (tab, `;` or `,`); `None` for JSON-stat.
    pub delimiter: Option<char>,
    /// Column names; every row has exactly this many cells.
    pub headers: Vec<String>,
    /// The rows, their cells' text kept together (see [`Rows`]).
    pub rows: Rows,
}

/// The kind of file a table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Delimited text without SSB's marks.
    PlainCsv,
    /// An SSB statbank CSV export: a title such as `"07459: Population, ..."`, or region cells
    /// such as `"K-3001 Halden"` (see [`ssb_csv`](super::ssb_csv)).
    SsbCsv,
    /// A JSON-stat 2.0 dataset (SSB's API).
    JsonStat,
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::PlainCsv => "CSV",
            Format::SsbCsv => "SSB statbank CSV",
            Format::JsonStat => "JSON-stat",
        })
    }
}

/// Reads a downloaded file as a [`Table`], detecting encoding, format and delimiter.
///
/// * larger than 64 MiB, empty or whitespace only: refused;
/// * an Excel workbook (`.xlsx`/`.xls`), a web page, or text with NUL bytes: refused with a hint;
/// * text whose first non-blank character is `{` or `[`: JSON-stat (see
///   [`jsonstat`]);
/// * anything else: delimited text (see [`csv_plain`] and
///   [`ssb_csv`](super::ssb_csv)).
///
/// `source_name` (usually the file name) starts every error message. Never panics.
pub fn read_table(bytes: &[u8], source_name: &str) -> Result<Table, ImportError> {
    let file = source_name;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { file: file.to_owned(), size: bytes.len() });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty { file: file.to_owned(), detail: String::new() });
    }
    let not_a_table =
        |line: usize, cause: &str| ImportError::NotATable { file: file.to_owned(), line, cause: cause.to_owned() };
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(not_a_table(
            1,
            "this is a ZIP archive, probably an Excel workbook (.xlsx); save the sheet as CSV, \
             or download the table as CSV or JSON-stat",
        ));
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(not_a_table(
            1,
            "this is an old Excel workbook (.xls); save the sheet as CSV, or download the table \
             as CSV or JSON-stat",
        ));
    }
    let decoded = encoding::decode(bytes);
    let text = decoded.text.as_str();
    let Some(first) = text.trim_start().chars().next() else {
        return Err(ImportError::Empty { file: file.to_owned(), detail: " (only whitespace)".to_owned() });
    };
    // Delimited text meets a NUL where its rows reach it (after any mistake above it); JSON is refused first.
    if matches!(first, '{' | '[' | '<')
        && let Some(nul) = text.find('\0')
    {
        return Err(not_a_table(line_of(text, nul), csv_plain::NUL_CAUSE));
    }
    match first {
        '{' | '[' => jsonstat::read(text, file, decoded.encoding),
        '<' => Err(not_a_table(
            line_of(text, text.len() - text.trim_start().len()),
            "this looks like HTML or XML (a saved web page?), not CSV or JSON-stat",
        )),
        _ => csv_plain::read(text, file, decoded.encoding),
    }
}

/// 1-based line of byte offset `at` (counting `\n`, `\r\n` and lone `\r`).
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    let before = text.as_bytes().get(..at).unwrap_or(text.as_bytes());
    let mut line = 1;
    let mut prev_cr = false;
    for &b in before {
        match b {
            b'\n' if prev_cr => {}
            b'\n' | b'\r' => line += 1,
            _ => {}
        }
        prev_cr = b == b'\r';
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURES: &[(&str, &[u8])] = &[
        (
            "plain_semicolon_utf8.csv",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/plain_semicolon_utf8.csv")),
        ),
        (
            "plain_comma_utf8_bom.csv",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/plain_comma_utf8_bom.csv")),
        ),
        (
            "plain_tab_latin1.tsv",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/plain_tab_latin1.tsv")),
        ),
        (
            "ssb_07459_semicolon_latin1.csv",
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/import/ssb_07459_semicolon_latin1.csv"
            )),
        ),
        (
            "ssb_tab_hidden.tsv",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/ssb_tab_hidden.tsv")),
        ),
        (
            "ssb_comma_2019.csv",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/ssb_comma_2019.csv")),
        ),
        (
            "ssb_article_decimal_comma.csv",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/ssb_article_decimal_comma.csv")),
        ),
        (
            "jsonstat_region.json",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/jsonstat_region.json")),
        ),
        (
            "jsonstat_array_index.json",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/jsonstat_array_index.json")),
        ),
        (
            "broken_ragged.csv",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/broken_ragged.csv")),
        ),
        (
            "broken_unclosed_quote.csv",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/broken_unclosed_quote.csv")),
        ),
        (
            "broken_no_header.csv",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/broken_no_header.csv")),
        ),
        (
            "broken_jsonstat_size.json",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/broken_jsonstat_size.json")),
        ),
        (
            "broken_json_syntax.json",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/broken_json_syntax.json")),
        ),
    ];

    /// Checks invariants of any successful read, and that errors name the file.
    fn check(bytes: &[u8], name: &str) {
        match read_table(bytes, name) {
            Ok(t) => {
                for r in &t.rows {
                    assert_eq!(r.cells.len(), t.headers.len(), "{name}: row {}", r.line);
                    assert!(r.line >= 1);
                }
                // The rest of the pipeline must not panic either.
                if let Some((c, v)) = crate::import::guess_columns(&t) {
                    let ex = crate::import::extract(&t, c, v);
                    let _ = crate::import::match_codes(&ex, &["0301", "3201"]);
                }
                for c in 0..t.headers.len() {
                    let _ = crate::import::extract(&t, c, c);
                }
            }
            Err(e) => assert!(e.to_string().starts_with(name), "{e}"),
        }
    }

    #[test]
    fn every_fixture_reads_or_fails_with_its_name() {
        for (name, bytes) in FIXTURES {
            check(bytes, name);
        }
    }

    #[test]
    fn truncated_and_scrambled_fixtures_never_panic() {
        // A small deterministic generator (xorshift), so failures reproduce.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for (name, bytes) in FIXTURES {
            // Every prefix.
            for end in 0..=bytes.len() {
                check(&bytes[..end], "prefix");
            }
            // Bytes replaced, deleted or inserted at random.
            for _ in 0..300 {
                let mut b = bytes.to_vec();
                for _ in 0..1 + next() % 8 {
                    let len = b.len().max(1) as u64;
                    let at = (next() % len) as usize;
                    match next() % 3 {
                        0 if at < b.len() => b[at] = next() as u8,
                        1 if at < b.len() => {
                            b.remove(at);
                        }
                        _ => b.insert(at.min(b.len()), next() as u8),
                    }
                }
                check(&b, "mutated");
            }
            // Random bytes and random picks of the fixture's own bytes.
            for _ in 0..50 {
                let len = (next() % 300) as usize;
                let random: Vec<u8> = (0..len).map(|_| next() as u8).collect();
                check(&random, "random");
                if !bytes.is_empty() {
                    let picked: Vec<u8> = (0..len).map(|_| bytes[(next() % bytes.len() as u64) as usize]).collect();
                    check(&picked, name);
                }
            }
        }
    }

    #[test]
    fn empty_large_and_non_table_files() {
        let e = read_table(b"", "e.csv").unwrap_err();
        assert_eq!(e.to_string(), "e.csv: the file is empty");
        let e = read_table(b" \r\n\t\n", "w.csv").unwrap_err();
        assert_eq!(e.to_string(), "w.csv: the file is empty (only whitespace)");
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        let e = read_table(&big, "big.csv").unwrap_err();
        assert!(matches!(e, ImportError::TooLarge { .. }));
        assert!(e.to_string().starts_with("big.csv: the file is 67108865 bytes"));
        let e = read_table(b"PK\x03\x04rest", "book.xlsx").unwrap_err();
        assert!(e.to_string().starts_with("book.xlsx, line 1: not a table: this is a ZIP"));
        let e = read_table(b"a;b\n1;2\n\0\0", "bin.csv").unwrap_err();
        assert!(e.to_string().starts_with("bin.csv, line 3: not a table: the file contains NUL"), "{e}");
        let e = read_table(b"\n\n<!DOCTYPE html><html>", "page.csv").unwrap_err();
        assert!(e.to_string().starts_with("page.csv, line 3: not a table: this looks like HTML"), "{e}");
    }

    #[test]
    fn line_numbers_follow_any_line_ending() {
        assert_eq!(line_of("a\r\nb\rc\nd", 8), 4);
        assert_eq!(line_of("abc", 99), 1);
        for text in ["h;v\n0301;1\n\n3201;2\n", "h;v\r\n0301;1\r\n\r\n3201;2\r\n", "h;v\r0301;1\r\r3201;2\r"] {
            let t = read_table(text.as_bytes(), "x").unwrap();
            let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, vec![2, 4], "{text:?}");
        }
    }
}
