//! Numbers as people read them: Norwegian style ("5 120", "12,5") in bokmål, "5,120" / "12.5" in English.

use crate::lang::Lang;

/// Thousands separator in Norwegian: a no-break space, so "5 120" never wraps.
const NB_GROUP: char = '\u{a0}';

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A number quoted from a file in a message: as written for ordinary sizes, in exponent form for the tiny and
/// the huge (`1e300`, not 301 digits; `5e-324`, not 324 decimals).
pub fn quoted(value: f64) -> String {
    let magnitude = value.abs();
    if value == 0.0 || !value.is_finite() || (1e-6..1e15).contains(&magnitude) {
        value.to_string()
    } else {
        format!("{value:e}")
    }
}

/// A number rounded to `places` decimals with grouped thousands.
pub fn decimal(value: f64, places: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", places, value.abs());
    let (int_part, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let (sep, point) = match lang {
        Lang::Nb => (NB_GROUP, ','),
        Lang::En => (',', '.'),
    };
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push(if lang == Lang::Nb { '−' } else { '-' });
    }
    out.push_str(&group(int_part, sep));
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    out
}

pub fn integer(value: f64, lang: Lang) -> String {
    decimal(value, 0, lang)
}

/// "12,5 %" in bokmål, "12.5 %" in English (a share in 0..=1 shown as percent).
pub fn percent(share: f64, places: usize, lang: Lang) -> String {
    format!("{} %", decimal(share * 100.0, places, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_and_english_styles() {
        assert_eq!(integer(5120.0, Lang::Nb), "5\u{a0}120");
        assert_eq!(integer(5120.0, Lang::En), "5,120");
        assert_eq!(decimal(12.5, 1, Lang::Nb), "12,5");
        assert_eq!(percent(0.125, 1, Lang::Nb), "12,5 %");
        assert_eq!(integer(1_234_567.0, Lang::Nb), "1\u{a0}234\u{a0}567");
        assert_eq!(integer(-42.0, Lang::En), "-42");
        assert_eq!(integer(-0.2, Lang::En), "0");
        assert_eq!(integer(999.0, Lang::Nb), "999");
        assert_eq!(decimal(f64::NAN, 1, Lang::Nb), "–");
    }
}
