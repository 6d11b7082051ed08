//! What sets SSB statbank CSV exports apart from plain CSV.
//!
//! A statbank download ("semicolon/tab separated with heading") looks like
//!
//! ```text
//! "07459: Population, by region, age, contents and year"
//!
//! "region";"age";"Persons 2021"
//! "K-3001 Halden";"0 years";253
//! ```
//!
//! in ISO-8859-1, with region cells `K-3001 Halden` (municipality), `F-30 Viken` (county) or,
//! in older exports, `0101 Halden`, and the symbols `..`, `:`, `.`, `-` for absent values
//! (see [`numbers`](super::numbers)). Encoding, delimiter and symbols are handled for every
//! CSV file alike; this module finds the title and footnotes around the table and decides
//! whether a file is reported as [`Format::SsbCsv`](super::Format::SsbCsv).
//!
//! * **Title lines**: leading records with at most one non-empty field and a field count
//!   different from the most common one, and a leading block of records set off by a blank line
//!   none of which has the most common field count (an unquoted title with commas in it).
//! * **Footnotes**: trailing records after a blank line that have at most one non-empty field
//!   and fewer fields than the header (found by the reader as it goes, see
//!   [`csv_plain`](super::csv_plain)).
//! * **SSB format**: a title starting with a five-digit table number (`07459:`), or region cells
//!   with SSB's `K-`/`F-` prefixes, or a column named `region` whose cells are `code name`.

use super::codes::code_in_cell;
use super::csv_plain::Record;
use super::rows::Rows;

/// Index in `records` of the header: the first record after any title lines.
///
/// `records` must not be empty. The result is always a valid index.
pub(crate) fn header_index(records: &[Record]) -> usize {
    let n = records.len();
    let counts: Vec<usize> = records.iter().map(|r| r.fields.len()).collect();
    let width = most_common(&counts);
    let mut i = 0;
    loop {
        while i + 1 < n && records[i].non_empty() <= 1 && counts[i] != width {
            i += 1;
        }
        // A block before a blank line, with no record of the table's width.
        let block_end = (i + 1..n).find(|&k| records[k].blank_before).unwrap_or(n);
        if block_end < n && (i..block_end).all(|k| counts[k] != width) {
            i = block_end;
            continue;
        }
        return i.min(n - 1);
    }
}

/// Whether a delimited table is an SSB statbank export (see the module docs): `preamble` are the
/// records before the header, `data` those after it.
pub(crate) fn looks_like_ssb(preamble: &[Record], header: &Record, data: &Rows) -> bool {
    let titled = preamble.iter().filter_map(|r| r.fields.iter().find(|f| !f.is_empty())).any(|f| is_table_title(f));
    if titled {
        return true;
    }
    let sample = || data.iter().take(200);
    let prefixed = sample().flat_map(|r| r.cells).any(|c| {
        let b = c.as_bytes();
        b.len() > 2 && (b[0] == b'K' || b[0] == b'F') && b[1] == b'-' && b[2].is_ascii_digit()
    });
    if prefixed {
        return true;
    }
    header.fields.iter().position(|h| h.eq_ignore_ascii_case("region")).is_some_and(|col| {
        sample().any(|r| r.cells.get(col).and_then(code_in_cell).is_some_and(|c| !c.label.is_empty()))
    })
}

/// `"07459: Population, by region, ..."`: five digits and a colon.
fn is_table_title(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() > 6 && b[..5].iter().all(u8::is_ascii_digit) && b[5] == b':'
}

/// The most frequent value (the larger on a tie); 0 for an empty slice.
fn most_common(values: &[usize]) -> usize {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mut best = (0usize, 0usize); // (frequency, value)
    let mut i = 0;
    while i < sorted.len() {
        let v = sorted[i];
        let run = sorted[i..].iter().take_while(|&&x| x == v).count();
        if run >= best.0 {
            best = (run, v);
        }
        i += run;
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{Format, ImportError, read_table};

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn statbank_semicolon_latin1_with_title() {
        let bytes = fixture("ssb_07459_semicolon_latin1.csv");
        assert!(std::str::from_utf8(&bytes).is_err(), "fixture must be ISO-8859-1");
        let t = read_table(&bytes, "Personer2024.csv").unwrap();
        assert_eq!(t.format, Format::SsbCsv);
        assert_eq!(t.encoding, "windows-1252");
        assert_eq!(t.delimiter, Some(';'));
        assert_eq!(t.headers, v(&["region", "age", "Persons 2024"]));
        // Title on line 1, blank line 2, header line 3.
        assert_eq!(t.rows.get(0).unwrap().line, 4);
        assert_eq!(t.rows.get(0).unwrap().cells, v(&["K-3101 Halden", "0 years", "253"]));
        assert!(t.rows.iter().any(|r| r.cells.get(0).unwrap() == "K-3201 Bærum"));
        assert!(t.rows.iter().any(|r| r.cells.get(0).unwrap() == "K-1508 Ålesund"));
        assert!(t.rows.iter().any(|r| r.cells.get(0).unwrap() == "K-5636 Unjárga - Nesseby"));
        assert!(t.rows.iter().any(|r| r.cells.get(2).unwrap() == ":"));
        // Footnotes after the data are not rows.
        assert!(t.rows.iter().all(|r| !r.cells.get(0).unwrap().starts_with("Kilde")));
        assert_eq!(t.rows.last().unwrap().cells.get(0).unwrap(), "F-31 Østfold");
    }

    #[test]
    fn statbank_tab_utf8_with_hidden_cells() {
        let t = read_table(&fixture("ssb_tab_hidden.tsv"), "ssb.tsv").unwrap();
        assert_eq!(t.format, Format::SsbCsv);
        assert_eq!(t.delimiter, Some('\t'));
        assert_eq!(t.encoding, "UTF-8");
        assert_eq!(t.rows.get(0).unwrap().line, 4);
        let kautokeino = t.rows.iter().find(|r| r.cells.get(0).unwrap().starts_with("K-5612")).unwrap();
        assert_eq!(kautokeino.cells.get(0).unwrap(), "K-5612 Guovdageaidnu - Kautokeino");
        assert_eq!(kautokeino.cells.get(1).unwrap(), ":");
        assert!(t.rows.iter().any(|r| r.cells.get(0).unwrap() == "K-5622 Porsáŋgu - Porsanger - Porsanki"));
    }

    #[test]
    fn statbank_comma_unquoted_old_borders() {
        let t = read_table(&fixture("ssb_comma_2019.csv"), "Personer2019.csv").unwrap();
        assert_eq!(t.format, Format::SsbCsv); // column "region" with "0101 Halden"
        assert_eq!(t.delimiter, Some(','));
        assert_eq!(t.headers, v(&["region", "age", "Persons 2019"]));
        assert_eq!(t.rows.get(0).unwrap().cells, v(&["0101 Halden", "0 years", "245"]));
    }

    #[test]
    fn article_table_with_empty_corner_and_trailing_delimiters() {
        let t = read_table(&fixture("ssb_article_decimal_comma.csv"), "tabell.csv").unwrap();
        assert_eq!(t.delimiter, Some(';'));
        assert_eq!(t.headers[0], "");
        assert_eq!(t.headers[1], "1. kvartal 2023");
        assert_eq!(t.rows.get(0).unwrap().cells.get(0).unwrap(), "Innvandrere i alt");
        assert_eq!(t.rows.get(1).unwrap().cells.get(1).unwrap(), "4,0");
        assert_eq!(t.rows.len(), 3);
    }

    #[test]
    fn unquoted_title_with_commas_before_blank_line() {
        let t = read_table("12345: Bosatte, etter kommune, og år\n\nregion,verdi\n0301 Oslo,5\n".as_bytes(), "t.csv")
            .unwrap();
        assert_eq!(t.format, Format::SsbCsv);
        assert_eq!(t.headers, v(&["region", "verdi"]));
        assert_eq!(t.rows.get(0).unwrap().line, 4);
    }

    #[test]
    fn note_without_blank_line_is_a_broken_row() {
        let e = read_table(b"region;v\nK-0301 Oslo;5\nKilde: SSB\n", "n.csv").unwrap_err();
        assert!(matches!(e, ImportError::RaggedRow { line: 3, found: 1, .. }), "{e:?}");
    }

    #[test]
    fn plain_file_is_not_ssb() {
        let t = read_table(b"knr;verdi\n0301;5\n", "p.csv").unwrap();
        assert_eq!(t.format, Format::PlainCsv);
    }

    #[test]
    fn helpers() {
        assert!(is_table_title("07459: Population"));
        assert!(!is_table_title("0745: x"));
        assert_eq!(most_common(&[3, 1, 3, 2, 2]), 3);
        assert_eq!(most_common(&[]), 0);
    }
}
