//! Small pieces of wording shared by the analysis texts.

use crate::lang::Lang;
use crate::numfmt;

/// One decimal with an explicit sign: "+0,4", "−3,1"; plain "0,0" when it rounds to zero.
pub fn signed(value: f64, lang: Lang) -> String {
    let text = numfmt::decimal(value, 1, lang);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { format!("+{text}") } else { text }
}

/// At most one decimal, none when it is zero: "52 357", "79,9".
pub fn short(value: f64, lang: Lang) -> String {
    let text = numfmt::decimal(value, 1, lang);
    let zero = if lang == Lang::Nb { ",0" } else { ".0" };
    text.strip_suffix(zero).map_or_else(|| text.clone(), str::to_owned)
}

/// A share (0..=1) as a percentage without needless decimals: "35 %", "12,5 %".
pub fn share(value: f64, lang: Lang) -> String {
    format!("{} %", short(value * 100.0, lang))
}

/// A small share (a municipality's part of a key) with enough decimals to be read: "0,61 %", "0,042 %".
pub fn small_share(value: f64, lang: Lang) -> String {
    if value == 0.0 {
        return "0 %".to_owned();
    }
    numfmt::percent(value, if value.abs() >= 0.001 { 2 } else { 3 }, lang)
}

/// A dataset unit in the reader's language (datasets store it in bokmål): "personer/år" → "people/year".
/// Scale names ("indeks", "klasse") say nothing after a number and are left out.
pub fn unit(unit: &str, lang: Lang) -> String {
    if matches!(unit, "indeks" | "klasse") {
        return String::new();
    }
    if lang == Lang::Nb {
        return unit.to_owned();
    }
    let words = [("personer", "people"), ("person", "person"), ("år", "year"), ("kr", "NOK")];
    unit.split('/')
        .map(|part| words.iter().find(|(nb, _)| *nb == part).map_or(part, |(_, en)| en))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_shares() {
        assert_eq!(signed(0.44, Lang::Nb), "+0,4");
        assert_eq!(signed(-3.06, Lang::Nb), "−3,1");
        assert_eq!(signed(-3.06, Lang::En), "-3.1");
        assert_eq!(signed(0.01, Lang::En), "0.0");
        assert_eq!(short(52357.0, Lang::Nb), "52\u{a0}357");
        assert_eq!(short(79.94, Lang::En), "79.9");
        assert_eq!(share(0.35, Lang::Nb), "35 %");
        assert_eq!(share(0.125, Lang::Nb), "12,5 %");
        assert_eq!(small_share(0.0061, Lang::Nb), "0,61 %");
        assert_eq!(small_share(0.00042, Lang::En), "0.042 %");
        assert_eq!(unit("personer/år", Lang::En), "people/year");
        assert_eq!(unit("personer/år", Lang::Nb), "personer/år");
        assert_eq!(unit("%", Lang::En), "%");
        assert_eq!(unit("klasse", Lang::En), "");
        assert_eq!(small_share(0.0, Lang::Nb), "0 %");
    }
}
