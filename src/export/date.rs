//! The date on an export as a real Excel date cell (today's date itself comes from `crate::dates`).

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::ExcelDateTime;

use crate::dates::DATE_TEXT;

/// `text` as an Excel date when it is a `YYYY-MM-DD` date; any other text (a caller's own wording) stays text.
pub(super) fn excel_date(text: &str) -> Option<ExcelDateTime> {
    let date = NaiveDate::parse_from_str(text.trim(), DATE_TEXT).ok()?;
    let (month, day) = (u8::try_from(date.month()).ok()?, u8::try_from(date.day()).ok()?);
    ExcelDateTime::from_ymd(u16::try_from(date.year()).ok()?, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::today_in_norway;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn today_is_an_excel_date() {
        assert!(excel_date(&today_in_norway()).is_some());
    }

    #[test]
    fn excel_serial_numbers() {
        // Excel counts days from 1899-12-30 (after its 1900 leap-year bug).
        let serial = |text: &str| excel_date(text).map(|d| d.to_excel());
        assert_eq!(serial("2025-03-01"), Some(45_717.0));
        assert_eq!(serial("2026-07-01"), Some((date(2026, 7, 1) - date(1899, 12, 30)).num_days() as f64));
        assert_eq!(serial("1. mars 2025"), None, "free text stays text");
        assert_eq!(serial("2025-02-30"), None);
        assert_eq!(serial(""), None);
    }
}
