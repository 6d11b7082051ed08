//! Numbers as Norwegian and English tables write them, and SSB's symbols for values that are absent.
//!
//! Accepted numbers (surrounding whitespace ignored):
//!
//! * decimal comma or point: `12,5`, `12.5`, `-0,3`, `+4`, `−4` (U+2212 minus), `,5`;
//! * thousands grouped by space, no-break space (U+00A0), narrow no-break space (U+202F) or thin
//!   space (U+2009): `1 234`, `5 120,5`; every group after the first must have three digits;
//! * both a comma and a point: the last one is the decimal separator and the other groups
//!   thousands: `1.234,5` and `1,234.5` are both 1234.5;
//! * one kind of separator used more than once groups thousands: `1.234.567`, `1,234,567`;
//! * **a single comma or point is decimal** in a cell read on its own: `1,234` and `1.234` are 1.234
//!   (Norwegian tables use decimal commas, and SSB's English exports write no thousands separators);
//! * in a column, the convention is decided once from all its cells ([`DecimalMark::of_column`]): where
//!   `1.234,5` or `12,5` shows a decimal comma, `1.234` is 1234, and a cell written the other way
//!   (`1,234.5`) is refused rather than read differently from its neighbours;
//! * an exponent as Excel writes it: `1,5E+03`.
//!
//! Symbols (SSB's standard explanation of symbols):
//!
//! | cell | SSB meaning | result |
//! |---|---|---|
//! | `` (empty) | no value | `Missing` |
//! | `.` | category not applicable | `Missing` |
//! | `..` | data not available | `Missing` |
//! | `...` or `…` | not yet available | `Missing` |
//! | `-`, `–`, `—` | nil (SSB: exactly zero) | `Missing` (symbol kept, see below) |
//! | `:` | not for publication (confidential, suppressed small numbers) | `Hidden` |
//!
//! SSB uses `-` for a true zero. Other sources use it for "no data", so it is reported as
//! `Missing { symbol: "-" }` rather than guessed as 0; callers that know the file follows SSB's
//! convention can map that symbol to zero.

/// One value cell, parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A finite number.
    Number(f64),
    /// No value: empty cell or one of `.`, `..`, `...`, `…`, `-`, `–`, `—` (the exact text is kept).
    Missing { symbol: String },
    /// Suppressed for confidentiality: `:`.
    Hidden { symbol: String },
}

/// Symbols that mean "no value" (the empty cell is handled separately).
pub const MISSING_SYMBOLS: [&str; 7] = [".", "..", "...", "…", "-", "–", "—"];
/// Symbols that mean "value exists but is not published".
pub const HIDDEN_SYMBOLS: [&str; 1] = [":"];

/// Spaces that may group thousands.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// Which separator marks decimals in a file (the other one groups thousands).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    Comma,
    Point,
}

impl DecimalMark {
    fn char(self) -> char {
        match self {
            DecimalMark::Comma => ',',
            DecimalMark::Point => '.',
        }
    }

    fn name(self) -> &'static str {
        match self {
            DecimalMark::Comma => "a decimal comma",
            DecimalMark::Point => "a decimal point",
        }
    }

    /// What one cell shows by itself: `12,5` or `1.234,5` a comma, `12.5` or `1,234.5` a point; `1.234`,
    /// `1234` and symbols nothing.
    pub fn shown_by(cell: &str) -> Option<DecimalMark> {
        // Symbols (`..`) and text show nothing.
        if !matches!(parse_number(cell), Ok(Cell::Number(_))) {
            return None;
        }
        let s = cell.trim();
        let mantissa = s.split(['e', 'E']).next().unwrap_or("");
        let (commas, points) = (mantissa.matches(',').count(), mantissa.matches('.').count());
        let after = |c: char| mantissa.rsplit(c).next().map_or(0, |t| t.chars().filter(char::is_ascii_digit).count());
        let only_digits = |c: char| mantissa.rsplit(c).next().is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit()));
        match (commas, points) {
            (0, 0) => None,
            (1, 0) if only_digits(',') && after(',') != 3 => Some(DecimalMark::Comma),
            (0, 1) if only_digits('.') && after('.') != 3 => Some(DecimalMark::Point),
            // Repeated: thousands.
            (_, 0) if commas > 1 => Some(DecimalMark::Point),
            (0, _) if points > 1 => Some(DecimalMark::Comma),
            (c, p) if c > 0 && p > 0 => {
                if mantissa.rfind(',') > mantissa.rfind('.') {
                    Some(DecimalMark::Comma)
                } else {
                    Some(DecimalMark::Point)
                }
            }
            _ => None,
        }
    }

    /// The convention of a column, decided once from all its cells (`(line, cell)`): the one most cells show
    /// (on a tie, the first shown); `None` when no cell shows one.
    pub fn of_column<'a>(cells: impl IntoIterator<Item = (usize, &'a str)>) -> Option<(DecimalMark, usize)> {
        let (mut comma, mut point) = (None::<(usize, usize)>, None::<(usize, usize)>);
        for (line, cell) in cells {
            let slot = match Self::shown_by(cell) {
                Some(DecimalMark::Comma) => &mut comma,
                Some(DecimalMark::Point) => &mut point,
                None => continue,
            };
            let (count, first) = slot.get_or_insert((0, line));
            *count += 1;
            let _ = first;
        }
        match (comma, point) {
            (None, None) => None,
            (Some((_, l)), None) => Some((DecimalMark::Comma, l)),
            (None, Some((_, l))) => Some((DecimalMark::Point, l)),
            (Some((c, cl)), Some((p, pl))) => {
                if c > p || (c == p && cl < pl) {
                    Some((DecimalMark::Comma, cl))
                } else {
                    Some((DecimalMark::Point, pl))
                }
            }
        }
    }
}

/// Parses a value cell of a column whose convention is `mark` (from [`DecimalMark::of_column`], with the line
/// that first showed it); a cell written the other way is refused, naming that line.
pub fn parse_number_in(cell: &str, mark: Option<(DecimalMark, usize)>) -> Result<Cell, String> {
    let Some((mark, line)) = mark else { return parse_number(cell) };
    if let Some(shown) = DecimalMark::shown_by(cell)
        && shown != mark
    {
        return Err(format!(
            "\"{cell}\" is written with {}, but the column's numbers use {} (as on line {line}); correct the cell \
             so that it is not read as a different number",
            shown.name(),
            mark.name()
        ));
    }
    let parsed = parse_number(cell)?;
    // A lone separator with three digits after it (`1.234`) groups thousands when the other one is decimal.
    match (&parsed, DecimalMark::shown_by(cell)) {
        (Cell::Number(_), None) => {
            let other = if mark == DecimalMark::Comma { '.' } else { ',' };
            let trimmed = cell.trim();
            if trimmed.contains(other) && !trimmed.contains(mark.char()) {
                return parse_number(&trimmed.replace(other, ""))
                    .map_err(|e| e.replace(&trimmed.replace(other, ""), trimmed));
            }
            Ok(parsed)
        }
        _ => Ok(parsed),
    }
}

/// Parses a value cell on its own; `Err` holds a message for the analyst that quotes the cell.
///
/// See the module documentation for the accepted forms.
pub fn parse_number(cell: &str) -> Result<Cell, String> {
    let s = cell.trim();
    if s.is_empty() || MISSING_SYMBOLS.contains(&s) {
        return Ok(Cell::Missing { symbol: s.to_owned() });
    }
    if HIDDEN_SYMBOLS.contains(&s) {
        return Ok(Cell::Hidden { symbol: s.to_owned() });
    }
    parse_finite(s).map(Cell::Number).map_err(|why| {
        format!(
            "\"{cell}\" is not a number ({why}) nor a symbol for a missing (. .. ... -) or \
             hidden (:) value"
        )
    })
}

/// Parses a trimmed, non-symbol cell as a finite number; `Err` says what is wrong.
fn parse_finite(s: &str) -> Result<f64, &'static str> {
    let (negative, body) = match s.chars().next() {
        Some('-') | Some('−') => (true, &s[s.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &s[1..]),
        _ => (false, s),
    };
    if body.chars().any(|c| c.is_alphabetic() && c != 'e' && c != 'E') {
        return Err("contains letters");
    }
    // Split off an exponent: the first e/E.
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let exponent: i32 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err("bad exponent");
            }
            e.parse().map_err(|_| "bad exponent")?
        }
    };
    if mantissa.is_empty() {
        return Err("no digits");
    }
    if let Some(bad) = mantissa.chars().find(|&c| !(c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c))) {
        return Err(if bad.is_alphabetic() {
            "contains letters"
        } else {
            "contains characters other than digits, separators and a sign"
        });
    }
    let commas = mantissa.matches(',').count();
    let points = mantissa.matches('.').count();
    let last_comma = mantissa.rfind(',');
    let last_point = mantissa.rfind('.');
    // Which separator is decimal, and which groups thousands.
    let (decimal, thousands) = match (commas, points) {
        (0, 0) => (None, None),
        (1, 0) => (Some(','), None),
        (0, 1) => (Some('.'), None),
        (_, 0) => (None, Some(',')),
        (0, _) => (None, Some('.')),
        _ => {
            if last_comma > last_point {
                if commas > 1 {
                    return Err("more than one decimal comma");
                }
                (Some(','), Some('.'))
            } else {
                if points > 1 {
                    return Err("more than one decimal point");
                }
                (Some('.'), Some(','))
            }
        }
    };
    let (int_part, frac_part) = match decimal.and_then(|d| mantissa.rfind(d)) {
        Some(i) => (&mantissa[..i], Some(&mantissa[i + 1..])),
        None => (mantissa, None),
    };
    // Integer part: groups separated by thousands separators or spaces.
    let groups: Vec<&str> = int_part.split(|c: char| Some(c) == thousands || is_group_space(c)).collect();
    let grouped = groups.len() > 1;
    let mut digits = String::with_capacity(mantissa.len() + 8);
    if negative {
        digits.push('-');
    }
    for (i, g) in groups.iter().enumerate() {
        if !g.bytes().all(|b| b.is_ascii_digit()) {
            return Err("misplaced separator");
        }
        if grouped {
            let ok = if i == 0 { (1..=3).contains(&g.len()) } else { g.len() == 3 };
            if !ok {
                return Err("digit groups must have three digits");
            }
        }
        digits.push_str(g);
    }
    if int_part.is_empty() {
        digits.push('0');
    }
    if let Some(frac) = frac_part {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err("no digits after the decimal separator");
        }
        digits.push('.');
        digits.push_str(frac);
    }
    digits.push('e');
    digits.push_str(&exponent.to_string());
    match digits.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err("out of range"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> f64 {
        match parse_number(s) {
            Ok(Cell::Number(v)) => v,
            other => panic!("{s:?} gave {other:?}"),
        }
    }

    #[test]
    fn decimal_comma_and_point() {
        assert_eq!(num("12,5"), 12.5);
        assert_eq!(num("12.5"), 12.5);
        assert_eq!(num(" -0,3 "), -0.3);
        assert_eq!(num("−4"), -4.0);
        assert_eq!(num("+4"), 4.0);
        assert_eq!(num(",5"), 0.5);
        assert_eq!(num("0"), 0.0);
        assert_eq!(num("253"), 253.0);
        // A single separator is decimal.
        assert_eq!(num("1,234"), 1.234);
        assert_eq!(num("1.234"), 1.234);
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(num("1 234"), 1234.0);
        assert_eq!(num("5 120,5"), 5120.5);
        assert_eq!(num("1\u{A0}234\u{A0}567"), 1_234_567.0);
        assert_eq!(num("1\u{202F}234,25"), 1234.25);
        assert_eq!(num("1.234,5"), 1234.5);
        assert_eq!(num("1,234.5"), 1234.5);
        assert_eq!(num("1.234.567"), 1_234_567.0);
        assert_eq!(num("1,234,567"), 1_234_567.0);
        assert_eq!(num("-1 234 567,89"), -1_234_567.89);
    }

    #[test]
    fn exponents() {
        assert_eq!(num("1,5E+03"), 1500.0);
        assert_eq!(num("2e-2"), 0.02);
    }

    #[test]
    fn symbols() {
        for s in ["", "  ", ".", "..", "...", "…", "-", "–", "—"] {
            assert_eq!(parse_number(s), Ok(Cell::Missing { symbol: s.trim().to_owned() }), "{s:?}");
        }
        assert_eq!(parse_number(" : "), Ok(Cell::Hidden { symbol: ":".to_owned() }));
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for s in [
            "abc",
            "12 5",
            "1 23",
            "1,2,3.4.5",
            "1,2.3,4",
            "12,",
            "1e",
            "1e99999",
            "--1",
            "1-2",
            "inf",
            "NaN",
            "12%",
            "1..2",
            "e5",
            "+",
            "-,",
            "0x10",
            "1 234 56",
            "1e400",
        ] {
            let e = parse_number(s).expect_err(s);
            assert!(e.contains(&format!("\"{s}\"")), "{e}");
        }
        assert!(parse_number("Halden").unwrap_err().contains("contains letters"));
    }

    #[test]
    fn a_column_decides_its_decimal_mark_once() {
        let cells = [(2, "1.234,5"), (3, "1.234"), (4, "12"), (5, "7,25")];
        let mark = DecimalMark::of_column(cells);
        assert_eq!(mark, Some((DecimalMark::Comma, 2)));
        let read = |c: &str| match parse_number_in(c, mark) {
            Ok(Cell::Number(v)) => v,
            other => panic!("{c:?} gave {other:?}"),
        };
        assert_eq!((read("1.234,5"), read("1.234"), read("12"), read("7,25")), (1234.5, 1234.0, 12.0, 7.25));
        assert_eq!(read("1.234.567"), 1_234_567.0);
        let e = parse_number_in("1,234.5", mark).unwrap_err();
        assert_eq!(
            e,
            "\"1,234.5\" is written with a decimal point, but the column's numbers use a decimal comma (as on line \
             2); correct the cell so that it is not read as a different number"
        );
        assert!(parse_number_in("3.5", mark).is_err());
        // A point column: the lone comma groups thousands.
        let mark = DecimalMark::of_column([(2, "12.5"), (3, "1,234")]);
        assert_eq!(mark, Some((DecimalMark::Point, 2)));
        assert_eq!(parse_number_in("1,234", mark), Ok(Cell::Number(1234.0)));
        // Nothing shown: each cell on its own, as before.
        assert_eq!(DecimalMark::of_column([(2, "1.234"), (3, "12"), (4, "..")]), None);
        assert_eq!(parse_number_in("1.234", None), Ok(Cell::Number(1.234)));
        // The majority decides; symbols and text show nothing.
        assert_eq!(DecimalMark::of_column([(2, "1,5"), (3, "2.5"), (4, "3.5")]), Some((DecimalMark::Point, 3)));
        assert_eq!(DecimalMark::shown_by("ca. 70"), None);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in ["−", "−,", "+−1", "ø1", "1ø", "1 ", "\u{A0}", "1e+", "1E-9999", "9".repeat(400).as_str()] {
            let _ = parse_number(s);
        }
    }
}
