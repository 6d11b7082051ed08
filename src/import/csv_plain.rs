//! Delimited text: fields, quoting, delimiter detection, and the checks that make it a table.
//!
//! The reader is written here rather than taken from the `csv` crate because the import needs
//! things that crate does not give: the line where each record starts even across quoted line
//! breaks, whether blank lines came before a record (SSB titles and footnotes are set off by
//! them), and an error for a quote that is never closed instead of a silently swallowed rest of
//! the file.
//!
//! Rules:
//! * records end at `\n`, `\r\n` or a lone `\r`; blank lines, and lines whose fields are all empty
//!   (`;;;`), are skipped;
//! * a field that starts with `"` (after optional spaces) is quoted: it runs to the next lone `"`,
//!   may contain delimiters and line breaks, and `""` inside it is one `"`; text after the closing
//!   quote is kept; a `"` inside an unquoted field is an ordinary character;
//! * every field is trimmed of surrounding whitespace, and a text formula `="0301"` is read as `0301`;
//! * the delimiter is the one of tab, `;` and `,` that splits the first 200 records into the most
//!   consistent number of fields (more than one); on a tie tab wins over `;`, and `;` over `,`,
//!   so `"Halden";12,5` is two fields, not three;
//! * title lines before the header and footnotes after the data are dropped (see
//!   [`ssb_csv`]);
//! * every data row must have as many fields as the header; extra fields are allowed only if empty
//!   (a trailing delimiter).

use super::codes::code_in_cell;
use super::error::{ImportError, MAX_TABLE_CELLS};
use super::numbers::{Cell, parse_number};
use super::rows::Rows;
use super::ssb_csv;
use super::table::{Format, Table, line_of};
use super::text_formula::text_formula_value;

/// One record of delimited text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// 1-based line where the record starts.
    pub line: usize,
    /// Trimmed fields.
    pub fields: Vec<String>,
    /// A blank line came between this record and the previous one (or the start of the file).
    pub blank_before: bool,
}

impl Record {
    /// Number of fields with text in them.
    pub fn non_empty(&self) -> usize {
        self.fields.iter().filter(|f| !f.is_empty()).count()
    }
}

/// Where an unclosed quote opened: 1-based line and character column.
pub(crate) type QuotePos = (usize, usize);

/// Why the records end before the text does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// The text ended inside a quoted field that opened here.
    UnclosedQuote(QuotePos),
    /// A NUL character on this line: binary data, not text.
    Nul(usize),
}

/// Splits text into records one at a time, so a reader can stop at the first record it refuses.
pub(crate) struct Records<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    delimiter: char,
    line: usize,
    col: usize,
    /// A blank line came since the last record (the start of the file counts as one).
    blank_pending: bool,
    done: bool,
}

impl<'a> Records<'a> {
    pub(crate) fn new(text: &'a str, delimiter: char) -> Self {
        Records { chars: text.chars().peekable(), delimiter, line: 1, col: 0, blank_pending: true, done: false }
    }

    /// A finished record, or `None` when its fields are all empty (a blank line).
    fn finish(&mut self, fields: Vec<String>, line: usize) -> Option<Record> {
        if fields.iter().all(|f| f.is_empty()) {
            self.blank_pending = true;
            return None;
        }
        let record = Record { line, fields, blank_before: self.blank_pending };
        self.blank_pending = false;
        Some(record)
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, Stop>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut fields: Vec<String> = Vec::new();
        let mut field = String::new();
        let mut record_line = self.line;
        let mut in_quotes = false;
        let mut quote_pos: QuotePos = (0, 0);
        loop {
            let Some(c) = self.chars.next() else {
                self.done = true;
                if in_quotes {
                    return Some(Err(Stop::UnclosedQuote(quote_pos)));
                }
                if fields.is_empty() && field.is_empty() {
                    return None;
                }
                fields.push(text_formula_value(field.trim()).to_owned());
                return self.finish(fields, record_line).map(Ok);
            };
            if c == '\0' {
                self.done = true;
                return Some(Err(Stop::Nul(self.line)));
            }
            self.col += 1;
            if in_quotes {
                match c {
                    '"' => {
                        if self.chars.peek() == Some(&'"') {
                            self.chars.next();
                            self.col += 1;
                            field.push('"');
                        } else {
                            in_quotes = false;
                        }
                    }
                    '\r' | '\n' => {
                        if c == '\r' && self.chars.peek() == Some(&'\n') {
                            self.chars.next();
                        }
                        field.push('\n');
                        self.line += 1;
                        self.col = 0;
                    }
                    _ => field.push(c),
                }
                continue;
            }
            if c == self.delimiter {
                fields.push(text_formula_value(field.trim()).to_owned());
                field.clear();
            } else if c == '\r' || c == '\n' {
                if c == '\r' && self.chars.peek() == Some(&'\n') {
                    self.chars.next();
                }
                fields.push(text_formula_value(field.trim()).to_owned());
                field.clear();
                self.line += 1;
                self.col = 0;
                if let Some(record) = self.finish(std::mem::take(&mut fields), record_line) {
                    return Some(Ok(record));
                }
                record_line = self.line;
            } else if c == '"' && field.trim().is_empty() {
                in_quotes = true;
                quote_pos = (self.line, self.col);
                field.clear();
            } else {
                field.push(c);
            }
        }
    }
}

/// Splits `text` into records. Stops after `limit` records if given, and at a NUL character.
///
/// Returns the records read and, if the text ended inside a quoted field, where that field opened.
pub(crate) fn tokenize(text: &str, delimiter: char, limit: Option<usize>) -> (Vec<Record>, Option<QuotePos>) {
    let mut records = Vec::new();
    for item in Records::new(text, delimiter).take(limit.unwrap_or(usize::MAX)) {
        match item {
            Ok(record) => records.push(record),
            Err(Stop::UnclosedQuote(at)) => return (records, Some(at)),
            Err(Stop::Nul(_)) => break,
        }
    }
    (records, None)
}

/// Candidate delimiters, most preferred first.
pub(crate) const DELIMITERS: [char; 3] = ['\t', ';', ','];

/// How a delimiter is named in messages.
pub(crate) fn delimiter_name(d: char) -> &'static str {
    match d {
        '\t' => "tabs",
        ';' => "semicolons",
        ',' => "commas",
        _ => "an unknown delimiter",
    }
}

/// The delimiter that splits the first records most consistently into more than one field.
pub(crate) fn detect_delimiter(text: &str) -> Option<char> {
    let mut best: Option<(f64, char)> = None;
    for d in DELIMITERS {
        let (records, _) = tokenize(text, d, Some(200));
        if records.is_empty() {
            continue;
        }
        let counts: Vec<usize> = records.iter().map(|r| r.fields.len()).collect();
        let Some(mode) = mode_above_one(&counts) else {
            continue;
        };
        let share = counts.iter().filter(|&&c| c == mode).count() as f64 / counts.len() as f64;
        if best.is_none_or(|(s, _)| share > s) {
            best = Some((share, d));
        }
    }
    best.map(|(_, d)| d)
}

/// The most frequent value above one (the larger on a tie).
fn mode_above_one(counts: &[usize]) -> Option<usize> {
    let mut sorted: Vec<usize> = counts.iter().copied().filter(|&c| c > 1).collect();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None; // (frequency, value)
    let mut i = 0;
    while i < sorted.len() {
        let v = sorted[i];
        let run = sorted[i..].iter().take_while(|&&x| x == v).count();
        if best.is_none_or(|(f, _)| run >= f) {
            best = Some((run, v));
        }
        i += run;
    }
    best.map(|(_, v)| v)
}

/// Records read before the header is looked for: title lines and the first rows of the table.
const HEAD_RECORDS: usize = 1000;

/// The error for a record the reader cannot go past.
fn stopped(stop: Stop, file: &str) -> ImportError {
    match stop {
        Stop::UnclosedQuote((line, column)) => ImportError::UnclosedQuote { file: file.to_owned(), line, column },
        Stop::Nul(line) => ImportError::NotATable { file: file.to_owned(), line, cause: NUL_CAUSE.to_owned() },
    }
}

/// Why a file with a NUL character is refused.
pub(crate) const NUL_CAUSE: &str = "the file contains NUL bytes: it is binary data, not text";

/// Reads delimited text (already decoded) as a table.
///
/// The rows are read one at a time and checked as they come, so the first row that is refused (a ragged row,
/// a NUL character, a quote never closed) ends the reading there: a mistake on line 3 of a large file is
/// reported without reading the rest.
pub(crate) fn read(text: &str, file: &str, encoding: &'static str) -> Result<Table, ImportError> {
    let Some(delimiter) = detect_delimiter(text) else {
        if let Some(nul) = text.find('\0') {
            return Err(stopped(Stop::Nul(line_of(text, nul)), file));
        }
        if DELIMITERS.iter().any(|&d| tokenize(text, d, Some(1)).0.is_empty()) {
            return Err(ImportError::Empty { file: file.to_owned(), detail: " (no cell has any text)".to_owned() });
        }
        // NUL never occurs in the text (checked above), so this splits lines only.
        let first_line = tokenize(text, '\0', Some(1)).0.first().map_or(1, |r| r.line);
        return Err(ImportError::NotATable {
            file: file.to_owned(),
            line: first_line,
            cause: "no tab, semicolon or comma separates the fields: the text has a single column".to_owned(),
        });
    };
    // At most one cell per delimiter and line break: a bound found without allocating, so a table too large
    // to hold is refused before any cell is made.
    let bound = text.bytes().filter(|&b| b == delimiter as u8 || b == b'\n' || b == b'\r').count();
    if bound > MAX_TABLE_CELLS {
        let (records, _) = tokenize(text, delimiter, Some(2));
        let width = records.last().map_or(1, |r| r.fields.len()).max(1);
        let lines = text.bytes().filter(|&b| b == b'\n').count().max(1);
        let cells = width.saturating_mul(lines);
        if cells > MAX_TABLE_CELLS {
            return Err(ImportError::TooManyCells { file: file.to_owned(), cells });
        }
    }
    let mut records = Records::new(text, delimiter);
    let mut head = Vec::new();
    let mut stop = None;
    for item in records.by_ref().take(HEAD_RECORDS) {
        match item {
            Ok(record) => head.push(record),
            Err(s) => stop = Some(s),
        }
    }
    if head.is_empty() {
        return Err(match stop {
            Some(s) => stopped(s, file),
            None => ImportError::Empty { file: file.to_owned(), detail: " (no cell has any text)".to_owned() },
        });
    }
    let header_at = ssb_csv::header_index(&head);
    check_header(&head[header_at], file)?;
    let mut head = head.into_iter();
    let preamble: Vec<Record> = head.by_ref().take(header_at).collect();
    let header = head.next().expect("header_index returns a valid index");
    let width = header.fields.len();
    // Grown as rows come (nothing reserved up front): a file refused on line 3 costs next to nothing.
    let mut table = Rows::new(width);
    let mut notes = Footnotes::default();
    // The rows of the head, then the rest of the file as it is read.
    let rest = records.map_while(|item| item.map_err(|s| stop = Some(s)).ok());
    for (i, rec) in head.chain(rest).enumerate() {
        let ragged = |rec: &Record| {
            let n = rec.fields.len();
            (n < width || (n > width && rec.fields[width..].iter().any(|f| !f.is_empty()))).then(|| {
                // Count up to the last field with text: trailing empty fields are allowed.
                let found =
                    if n > width { rec.fields.iter().rposition(|f| !f.is_empty()).map_or(n, |i| i + 1) } else { n };
                (rec.line, found)
            })
        };
        // A short record of one field may be the start of footnotes: known only when the file ends.
        if i > 0 && rec.non_empty() <= 1 && rec.fields.len() < width {
            notes.add(&rec, ragged(&rec));
            continue;
        }
        if let Some(bad) = notes.first.take().or_else(|| ragged(&rec)) {
            return Err(ragged_row(file, bad, header.line, width, delimiter));
        }
        notes = Footnotes::default();
        let cells = rec.fields.into_iter().take(width);
        table.push(rec.line, cells).map_err(|_| ImportError::TableTooLarge { file: file.to_owned() })?;
    }
    if let Some(s) = stop {
        // Rows before it were whole; the reader cannot go past this one.
        if let Some(bad) = notes.first.filter(|_| !notes.blank_first) {
            return Err(ragged_row(file, bad, header.line, width, delimiter));
        }
        return Err(stopped(s, file));
    }
    // Footnotes start at the first short record after a blank line; short records before it are rows.
    if let Some(bad) = notes.first.filter(|_| !notes.blank_first) {
        return Err(ragged_row(file, bad, header.line, width, delimiter));
    }
    table.shrink_to_fit();
    let format = if ssb_csv::looks_like_ssb(&preamble, &header, &table) { Format::SsbCsv } else { Format::PlainCsv };
    Ok(Table {
        source_name: file.to_owned(),
        format,
        encoding,
        delimiter: Some(delimiter),
        headers: header.fields,
        rows: table,
    })
}

/// Short records at the end of what has been read: footnotes if the file ends with them.
#[derive(Default)]
struct Footnotes {
    /// The first of them (its line and field count), if any.
    first: Option<(usize, usize)>,
    /// Whether a blank line came before the first.
    blank_first: bool,
}

impl Footnotes {
    /// SSB sets footnotes off by a blank line: when the first short record has none before it, the short
    /// records are rows of the table, and the first of them is refused.
    fn add(&mut self, rec: &Record, ragged: Option<(usize, usize)>) {
        if self.first.is_none() {
            self.first = ragged;
            self.blank_first = rec.blank_before;
        }
    }
}

fn ragged_row(file: &str, (line, found): (usize, usize), header_line: usize, width: usize, d: char) -> ImportError {
    ImportError::RaggedRow {
        file: file.to_owned(),
        line,
        header_line,
        expected: width,
        found,
        hint: format!("; fields were taken to be separated by {}", delimiter_name(d)),
    }
}

/// Refuses a first row that is data rather than column names.
fn check_header(header: &Record, file: &str) -> Result<(), ImportError> {
    let no_header = |cell: &str| ImportError::NoHeader {
        file: file.to_owned(),
        line: header.line,
        cause: format!(
            "the first row holds \"{cell}\", which looks like data, not a column name; add a \
             row with column names above it"
        ),
    };
    if let Some(cell) = header.fields.iter().find(|f| code_in_cell(f).is_some_and(|c| c.strong)) {
        return Err(no_header(cell));
    }
    let all_numbers = header.fields.iter().all(|f| !f.is_empty() && matches!(parse_number(f), Ok(Cell::Number(_))));
    if all_numbers {
        return Err(no_header(&header.fields[0]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{ImportError, read_table};

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn fields(text: &str, d: char) -> Vec<(usize, Vec<String>)> {
        let (recs, err) = tokenize(text, d, None);
        assert_eq!(err, None);
        recs.into_iter().map(|r| (r.line, r.fields)).collect()
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tokenizer_quotes_and_lines() {
        let got = fields("a;\"b;c\";\"say \"\"hi\"\"\"\r\n\r\n  \"x\ny\" ; 5\" ;z\r7;8;9", ';');
        assert_eq!(
            got,
            vec![(1, v(&["a", "b;c", "say \"hi\""])), (3, v(&["x\ny", "5\"", "z"])), (5, v(&["7", "8", "9"])),]
        );
    }

    #[test]
    fn a_table_with_too_many_cells_is_refused_before_it_is_made() {
        let rows = MAX_TABLE_CELLS / 2 + 10;
        let mut text = String::with_capacity(rows * 4 + 8);
        text.push_str("a;b\n");
        for _ in 0..rows {
            text.push_str("1;2\n");
        }
        let e = read(&text, "big.csv", "UTF-8").unwrap_err();
        assert_eq!(e, ImportError::TooManyCells { file: "big.csv".into(), cells: 2 * (rows + 1) });
        // Just under the limit it reads.
        let rows = 1000;
        let text = format!("a;b\n{}", "1;2\n".repeat(rows));
        assert_eq!(read(&text, "small.csv", "UTF-8").unwrap().rows.len(), rows);
    }

    /// A large file with a mistake near its top, and a NUL far below it: were the whole file read first, the NUL
    /// (or the unclosed quote after it) would be what is reported.
    fn bad_top_then_many_rows(bad_line: &str) -> String {
        let mut text = format!("kode;navn;verdi\n0301;Oslo;5\n{bad_line}\n");
        while text.len() < 8 << 20 {
            text.push_str("3201;Bærum kommune;12,5\n");
        }
        text.push_str("5001;Trondheim;\0\n5501;\"open\n");
        text
    }

    #[test]
    fn reading_stops_at_the_first_row_it_refuses() {
        let text = bad_top_then_many_rows("1508;Ålesund;7;8");
        let e = read(&text, "big.csv", "UTF-8").unwrap_err();
        assert!(matches!(e, ImportError::RaggedRow { line: 3, found: 4, expected: 3, .. }), "{e:?}");
        assert!(e.to_string().starts_with("big.csv, line 3: not a table: this row has 4 fields"), "{e}");
        // A short row might start footnotes; the next full row shows it is not one.
        let text = bad_top_then_many_rows("oops");
        let e = read(&text, "big.csv", "UTF-8").unwrap_err();
        assert!(matches!(e, ImportError::RaggedRow { line: 3, found: 1, .. }), "{e:?}");
        // Through `read_table` too, which no longer looks for NUL bytes before the rows do.
        let e = read_table(text.as_bytes(), "big.csv").unwrap_err();
        assert!(matches!(e, ImportError::RaggedRow { line: 3, .. }), "{e:?}");
        // Without the mistake the reader goes on to the NUL, and names its line.
        let text = bad_top_then_many_rows("1508;Ålesund;7");
        let nul_line = text.lines().count() - 1;
        let e = read(&text, "big.csv", "UTF-8").unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("big.csv, line {nul_line}: not a table: the file contains NUL bytes: it is binary data, not text")
        );
    }

    #[test]
    fn footnotes_after_a_blank_line_end_the_table_and_short_rows_before_them_are_refused() {
        let t = read_table(b"knr;verdi\n0301;5\n3201;6\n\nKilde: SSB\nMerk: 2024\n", "f.csv").unwrap();
        assert_eq!(t.rows.len(), 2);
        let e = read_table(b"knr;verdi\n0301;5\n3201;6\nKilde: SSB\n\nMerk: 2024\n", "f.csv").unwrap_err();
        assert!(matches!(e, ImportError::RaggedRow { line: 4, found: 1, .. }), "{e:?}");
        let e = read_table(b"knr;verdi\n0301;5\n\nKilde: SSB\n3201;6\n", "f.csv").unwrap_err();
        assert!(matches!(e, ImportError::RaggedRow { line: 4, found: 1, .. }), "{e:?}");
        // The first data row is never a footnote.
        let e = read_table(b"knr;verdi\n\n0301\n3201;6\n", "f.csv").unwrap_err();
        assert!(matches!(e, ImportError::RaggedRow { line: 3, .. }), "{e:?}");
    }

    #[test]
    fn tokenizer_blank_lines_and_unclosed_quote() {
        let (recs, err) = tokenize("t\n\n,,\na,b\n", ',', None);
        assert_eq!(err, None);
        assert_eq!(recs.len(), 2);
        assert!(recs[0].blank_before); // start of file
        assert!(recs[1].blank_before);
        assert_eq!(recs[1].line, 4);
        let (_, err) = tokenize("a;b\n1;\"open\n2;3\n", ';', None);
        assert_eq!(err, Some((2, 3)));
    }

    #[test]
    fn delimiter_detection() {
        assert_eq!(detect_delimiter("a;b\nHalden;12,5\nOslo;3,5\n"), Some(';'));
        assert_eq!(detect_delimiter("a,b\nHalden,12.5\nOslo,3\n"), Some(','));
        assert_eq!(detect_delimiter("a\tb\nHalden\t12,5\n"), Some('\t'));
        assert_eq!(detect_delimiter("\"K-3001 Halden\";\"0 years\";12,5\n\"x\";\"y\";1,5\n"), Some(';'));
        assert_eq!(detect_delimiter("\"a,b\",c\n\"d;e\",f\n"), Some(','));
        assert_eq!(detect_delimiter("just one column\nof text\n"), None);
    }

    #[test]
    fn semicolon_utf8_decimal_comma() {
        let t = read_table(&fixture("plain_semicolon_utf8.csv"), "plain_semicolon_utf8.csv").unwrap();
        assert_eq!(t.format, Format::PlainCsv);
        assert_eq!(t.encoding, "UTF-8");
        assert_eq!(t.delimiter, Some(';'));
        assert_eq!(t.headers, v(&["Kommunenummer", "Kommune", "Merknad", "Verdi"]));
        assert_eq!(t.rows.get(0).unwrap().line, 2);
        assert_eq!(t.rows.get(0).unwrap().cells, v(&["0301", "Oslo", "", "68,5"]));
        let nesseby = t.rows.iter().find(|r| r.cells.get(0).unwrap() == "5636").unwrap();
        assert_eq!(nesseby.cells.get(1).unwrap(), "Unjárga - Nesseby");
        assert_eq!(nesseby.cells.get(2).unwrap(), "čđŋšŧž ČĐŊŠŦŽ; æøå ÆØÅ");
        assert!(t.rows.iter().any(|r| r.cells.get(1).unwrap() == "Porsáŋgu - Porsanger - Porsanki"));
    }

    #[test]
    fn text_formula_cells_are_their_text() {
        let text = "\u{feff}Kommunenummer;Kommune;Verdi\n=\"0301\";Oslo;68,5\n\"=\"\"1103\"\"\";Stavanger;2\n";
        let t = read_table(text.as_bytes(), "plan.csv").unwrap();
        assert_eq!(t.rows.get(0).unwrap().cells, v(&["0301", "Oslo", "68,5"]));
        assert_eq!(t.rows.get(1).unwrap().cells, v(&["1103", "Stavanger", "2"]));
    }

    #[test]
    fn comma_utf8_bom_crlf() {
        let t = read_table(&fixture("plain_comma_utf8_bom.csv"), "bom.csv").unwrap();
        assert_eq!(t.encoding, "UTF-8 with BOM");
        assert_eq!(t.delimiter, Some(','));
        assert_eq!(t.format, Format::PlainCsv);
        assert_eq!(t.headers[0], "knr"); // no BOM left in the first header
        let r = t.rows.iter().find(|r| r.cells.get(0).unwrap() == "5612").unwrap();
        assert_eq!(r.cells.get(1).unwrap(), "Guovdageaidnu - Kautokeino");
        assert_eq!(r.line, 5);
        assert!(t.rows.iter().any(|r| r.cells.get(1).unwrap() == "Bærum, kommune"));
    }

    #[test]
    fn tab_latin1() {
        let t = read_table(&fixture("plain_tab_latin1.tsv"), "latin1.tsv").unwrap();
        assert_eq!(t.encoding, "windows-1252");
        assert_eq!(t.delimiter, Some('\t'));
        let names: Vec<&str> = t.rows.iter().map(|r| r.cells.get(1).unwrap()).collect();
        for n in ["Bærum", "Ålesund", "Tromsø", "Unjárga - Nesseby", "Øvre Eiker", "Ås"] {
            assert!(names.contains(&n), "{n} not in {names:?}");
        }
    }

    #[test]
    fn ragged_row_names_line() {
        let e = read_table(&fixture("broken_ragged.csv"), "broken_ragged.csv").unwrap_err();
        assert!(matches!(e, ImportError::RaggedRow { line: 5, header_line: 1, expected: 3, found: 4, .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "broken_ragged.csv, line 5: not a table: this row has 4 fields but the header on \
             line 1 has 3; fields were taken to be separated by semicolons"
        );
        let e = read_table(b"a;b;c\n1;2\n", "short.csv").unwrap_err();
        assert!(e.to_string().starts_with("short.csv, line 2: not a table: this row has 2 fields"));
    }

    #[test]
    fn unclosed_quote_names_line_and_column() {
        let e = read_table(&fixture("broken_unclosed_quote.csv"), "q.csv").unwrap_err();
        assert_eq!(e, ImportError::UnclosedQuote { file: "q.csv".into(), line: 4, column: 6 });
        assert!(e.to_string().starts_with("q.csv, line 4, column 6: a quoted field"));
    }

    #[test]
    fn no_header() {
        let e = read_table(&fixture("broken_no_header.csv"), "nh.csv").unwrap_err();
        assert!(matches!(e, ImportError::NoHeader { line: 1, .. }), "{e:?}");
        assert!(e.to_string().contains("\"0301 Oslo\""), "{e}");
        let e = read_table(b"3001;12\n3101;13\n", "n.csv").unwrap_err();
        assert!(matches!(e, ImportError::NoHeader { line: 1, .. }), "{e:?}");
        // Years as column names are fine when a column has a name or none.
        let t = read_table(b";2019;2020\nOslo;1;2\n", "w.csv").unwrap();
        assert_eq!(t.headers, v(&["", "2019", "2020"]));
    }

    #[test]
    fn single_column_and_trailing_delimiters() {
        let e = read_table(b"\n\nname\nOslo\n", "one.csv").unwrap_err();
        assert!(matches!(e, ImportError::NotATable { line: 3, .. }), "{e:?}");
        assert!(e.to_string().contains("single column"));
        let t = read_table(b"a;b\n1;2;\n3;4;;\n", "t.csv").unwrap();
        assert_eq!(t.rows.get(1).unwrap().cells, v(&["3", "4"]));
        let e = read_table(b";;;\n;\n", "blank.csv").unwrap_err();
        assert!(matches!(e, ImportError::Empty { .. }), "{e:?}");
    }
}
