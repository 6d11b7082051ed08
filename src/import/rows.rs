//! The rows of a [`Table`](super::Table), with every cell's text in one buffer.
//!
//! A cell costs its text and eight bytes (where its text lies), not a `String` of its own (24 bytes and an
//! allocation): a table of millions of short cells stays a small multiple of its file. Cells with the same
//! text may share it (a JSON-stat label repeated on every row is stored once).

use std::fmt;
use std::ops::Index;

/// Where one cell's text lies in the buffer (byte offsets; the buffer never reaches 4 GiB, see [`TextFull`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// No text yet: a placeholder while a table is filled (reads as an empty cell).
    pub(crate) const NONE: Span = Span { start: u32::MAX, end: u32::MAX };
}

/// The cell buffer would pass 4 GiB. No accepted input comes near (files are at most 64 MiB), so this is
/// reported as a table too large rather than ever wrapping an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TextFull;

/// The text of all cells, appended to as a table is read.
#[derive(Debug, Clone, Default)]
pub(crate) struct CellText {
    text: String,
}

impl CellText {
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        CellText { text: String::with_capacity(bytes) }
    }

    /// Appends `s` and says where it lies.
    pub(crate) fn push(&mut self, s: &str) -> Result<Span, TextFull> {
        let start = u32::try_from(self.text.len()).map_err(|_| TextFull)?;
        let end = u32::try_from(self.text.len() + s.len()).map_err(|_| TextFull)?;
        self.text.push_str(s);
        Ok(Span { start, end })
    }
}

/// The line of each row.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Lines {
    /// Rows numbered 1, 2, 3, … (JSON-stat observations): nothing to store.
    Numbered(usize),
    /// The 1-based line where each row starts in its file.
    Listed(Vec<u32>),
}

/// The rows of a table: each has the same number of cells (the table's width) and a line.
#[derive(Clone)]
pub struct Rows {
    width: usize,
    text: String,
    /// `width` spans per row, row after row.
    spans: Vec<Span>,
    lines: Lines,
}

impl Default for Rows {
    fn default() -> Self {
        Rows::new(0)
    }
}

impl Rows {
    /// No rows yet; each row will have `width` cells.
    pub(crate) fn new(width: usize) -> Self {
        Rows { width, text: String::new(), spans: Vec::new(), lines: Lines::Listed(Vec::new()) }
    }

    /// Rows numbered 1, 2, 3, … from their cells' text and `width` spans per row (a last partial row is
    /// dropped; a span outside the text reads as an empty cell).
    pub(crate) fn numbered(width: usize, text: CellText, mut spans: Vec<Span>) -> Self {
        let rows = spans.len().checked_div(width).unwrap_or(0);
        spans.truncate(rows * width);
        spans.shrink_to_fit();
        Rows { width, text: text.text, spans, lines: Lines::Numbered(rows) }
    }

    /// Appends a row starting on `line`; missing cells are empty and cells beyond the width are dropped.
    pub(crate) fn push<S: AsRef<str>>(
        &mut self,
        line: usize,
        cells: impl IntoIterator<Item = S>,
    ) -> Result<(), TextFull> {
        let mut buffer = CellText { text: std::mem::take(&mut self.text) };
        let mut n = 0;
        let mut result = Ok(());
        for cell in cells.into_iter().take(self.width) {
            match buffer.push(cell.as_ref()) {
                Ok(span) => self.spans.push(span),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
            n += 1;
        }
        self.text = buffer.text;
        // Keep the rows whole even when the text ran out: the caller reports the error.
        self.spans.extend(std::iter::repeat_n(Span::default(), self.width - n));
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        match &mut self.lines {
            Lines::Listed(lines) => lines.push(line),
            Lines::Numbered(count) => {
                let mut lines: Vec<u32> = (1..=*count).map(|l| u32::try_from(l).unwrap_or(u32::MAX)).collect();
                lines.push(line);
                self.lines = Lines::Listed(lines);
            }
        }
        result
    }

    /// Gives back memory reserved beyond what the rows use.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.spans.shrink_to_fit();
        if let Lines::Listed(lines) = &mut self.lines {
            lines.shrink_to_fit();
        }
    }

    /// Cells per row.
    pub fn width(&self) -> usize {
        self.width
    }

    pub fn len(&self) -> usize {
        match &self.lines {
            Lines::Numbered(count) => *count,
            Lines::Listed(lines) => lines.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The row at `index` (0-based), if there is one.
    pub fn get(&self, index: usize) -> Option<RowRef<'_>> {
        if index >= self.len() {
            return None;
        }
        let line = match &self.lines {
            Lines::Numbered(_) => index + 1,
            Lines::Listed(lines) => lines[index] as usize,
        };
        let spans = self.spans.get(index * self.width..(index + 1) * self.width).unwrap_or(&[]);
        Some(RowRef { line, cells: Cells { text: &self.text, spans } })
    }

    pub fn first(&self) -> Option<RowRef<'_>> {
        self.get(0)
    }

    pub fn last(&self) -> Option<RowRef<'_>> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter { rows: self, next: 0, end: self.len() }
    }
}

/// Rows built from owned rows (tests, small tables made in code); the width is the first row's.
impl FromIterator<Row> for Rows {
    fn from_iter<I: IntoIterator<Item = Row>>(iter: I) -> Self {
        let mut iter = iter.into_iter().peekable();
        let width = iter.peek().map_or(0, |r| r.cells.len());
        let mut rows = Rows::new(width);
        for row in iter {
            // Tables made in code are far below the buffer's limit.
            let _ = rows.push(row.line, &row.cells);
        }
        rows
    }
}

impl PartialEq for Rows {
    fn eq(&self, other: &Self) -> bool {
        self.width == other.width && self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl fmt::Debug for Rows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a Rows {
    type Item = RowRef<'a>;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The rows of a table in order.
#[derive(Clone)]
pub struct Iter<'a> {
    rows: &'a Rows,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = RowRef<'a>;
    fn next(&mut self) -> Option<RowRef<'a>> {
        if self.next >= self.end {
            return None;
        }
        self.next += 1;
        self.rows.get(self.next - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }

    fn nth(&mut self, n: usize) -> Option<RowRef<'a>> {
        self.next = self.next.saturating_add(n).min(self.end);
        self.next()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        self.end -= 1;
        self.rows.get(self.end)
    }
}

impl ExactSizeIterator for Iter<'_> {}

/// One row of a table, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowRef<'a> {
    /// 1-based line in the file where the row starts; for JSON-stat the 1-based observation number.
    pub line: usize,
    /// Trimmed cell texts, as many as the table has headers.
    pub cells: Cells<'a>,
}

impl RowRef<'_> {
    /// The row as an owned [`Row`].
    pub fn to_row(&self) -> Row {
        Row { line: self.line, cells: self.cells.to_vec() }
    }
}

/// The cells of one row.
#[derive(Clone, Copy)]
pub struct Cells<'a> {
    text: &'a str,
    spans: &'a [Span],
}

impl<'a> Cells<'a> {
    /// The text of cell `index`, if the row has it.
    pub fn get(&self, index: usize) -> Option<&'a str> {
        let span = self.spans.get(index)?;
        Some(self.text.get(span.start as usize..span.end as usize).unwrap_or(""))
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn iter(&self) -> CellIter<'a> {
        CellIter { text: self.text, spans: self.spans.iter() }
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }
}

/// `cells[i]` is the text of cell `i`.
///
/// # Panics
/// When the row has no cell `i`, as a slice would; use [`Cells::get`] for an index that may be out of range.
impl Index<usize> for Cells<'_> {
    type Output = str;
    fn index(&self, index: usize) -> &str {
        let span = self.spans[index];
        self.text.get(span.start as usize..span.end as usize).unwrap_or("")
    }
}

impl<'a> IntoIterator for Cells<'a> {
    type Item = &'a str;
    type IntoIter = CellIter<'a>;
    fn into_iter(self) -> CellIter<'a> {
        self.iter()
    }
}

impl<'a> IntoIterator for &Cells<'a> {
    type Item = &'a str;
    type IntoIter = CellIter<'a>;
    fn into_iter(self) -> CellIter<'a> {
        self.iter()
    }
}

/// The cells of one row in order.
#[derive(Clone)]
pub struct CellIter<'a> {
    text: &'a str,
    spans: std::slice::Iter<'a, Span>,
}

impl<'a> CellIter<'a> {
    fn text_of(&self, span: &Span) -> &'a str {
        self.text.get(span.start as usize..span.end as usize).unwrap_or("")
    }
}

impl<'a> Iterator for CellIter<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let span = self.spans.next()?;
        Some(self.text_of(span))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.spans.size_hint()
    }
}

impl DoubleEndedIterator for CellIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let span = self.spans.next_back()?;
        Some(self.text_of(span))
    }
}

impl ExactSizeIterator for CellIter<'_> {}

impl PartialEq for Cells<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl PartialEq<Vec<String>> for Cells<'_> {
    fn eq(&self, other: &Vec<String>) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter().map(String::as_str))
    }
}

impl PartialEq<[&str]> for Cells<'_> {
    fn eq(&self, other: &[&str]) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter().copied())
    }
}

impl fmt::Debug for Cells<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// One row as owned strings: for building a [`Rows`] in code (`rows.into_iter().collect()`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line in the file where the row starts.
    pub line: usize,
    pub cells: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, cells: &[&str]) -> Row {
        Row { line, cells: cells.iter().map(|s| s.to_string()).collect() }
    }

    #[test]
    fn rows_keep_cells_and_lines_in_one_buffer() {
        let rows: Rows = [row(2, &["0301", "Oslo", "5"]), row(4, &["3201", "Bærum", ""])].into_iter().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows.width(), 3);
        let last = rows.last().unwrap();
        assert_eq!(last.line, 4);
        assert_eq!(&last.cells[1], "Bærum");
        assert_eq!(last.cells.get(2), Some(""));
        assert_eq!(last.cells.get(3), None);
        assert_eq!(rows.get(0).unwrap().cells, vec!["0301".to_string(), "Oslo".into(), "5".into()]);
        let lines: Vec<usize> = rows.iter().rev().map(|r| r.line).collect();
        assert_eq!(lines, [4, 2]);
        assert_eq!(rows.get(2), None);
        assert_eq!(rows.iter().nth(1).map(|r| r.line), Some(4));
        assert_eq!(rows.iter().len(), 2);
    }

    #[test]
    fn short_rows_are_padded_and_long_ones_cut_to_the_width() {
        let mut rows = Rows::new(2);
        rows.push(1, ["a"]).unwrap();
        rows.push(2, ["b", "c", "d"]).unwrap();
        assert_eq!(rows.get(0).unwrap().cells.to_vec(), ["a", ""]);
        assert_eq!(rows.get(1).unwrap().cells.to_vec(), ["b", "c"]);
    }

    #[test]
    fn numbered_rows_share_text_and_count_from_one() {
        let mut text = CellText::default();
        let oslo = text.push("Oslo").unwrap();
        let (one, two) = (text.push("1").unwrap(), text.push("2").unwrap());
        let rows = Rows::numbered(2, text, vec![oslo, one, oslo, two, oslo]);
        assert_eq!(rows.len(), 2, "the partial row is dropped");
        assert_eq!(rows.get(1).unwrap().line, 2);
        assert_eq!(rows.get(1).unwrap().cells.to_vec(), ["Oslo", "2"]);
        let same: Rows = [row(1, &["Oslo", "1"]), row(2, &["Oslo", "2"])].into_iter().collect();
        assert_eq!(rows, same, "equal by content, not by layout");
        let mut more = rows.clone();
        more.push(7, ["Bergen", "3"]).unwrap();
        let lines: Vec<usize> = more.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 7]);
    }
}
