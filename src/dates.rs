//! Dates as people in Norway read them: today's date in Norway, whatever the computer's clock zone, and a date
//! written out ("7. desember 2026"). Every export, figure and year file takes its date from here.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Europe::Oslo;

use crate::lang::Lang;

/// How a date is written as text in files and exports (`YYYY-MM-DD`).
pub const DATE_TEXT: &str = "%Y-%m-%d";

/// Today's date in Norway (Europe/Oslo, summer time included) as `YYYY-MM-DD`. An export made at 00:30 in
/// Oslo carries that day's date, not yesterday's (UTC).
pub fn today_in_norway() -> String {
    norwegian_date(Utc::now()).format(DATE_TEXT).to_string()
}

/// A `YYYY-MM-DD` date as a reader writes it: "7. desember 2026" in bokmål, "7 December 2026" in English. Any
/// other text (a caller's own wording) is returned as it is.
pub fn long_date(text: &str, lang: Lang) -> String {
    const NB: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Ok(date) = NaiveDate::parse_from_str(text.trim(), DATE_TEXT) else { return text.to_owned() };
    let month = date.month0() as usize;
    match lang {
        Lang::Nb => format!("{}. {} {}", date.day(), NB[month], date.year()),
        Lang::En => format!("{} {} {}", date.day(), EN[month], date.year()),
    }
}

/// The calendar date in Norway at `instant`.
/// The date in Norway of a moment such as a file's modification time, as `YYYY-MM-DD`.
pub fn date_in_norway(instant: std::time::SystemTime) -> String {
    norwegian_date(DateTime::<Utc>::from(instant)).format(DATE_TEXT).to_string()
}

fn norwegian_date(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&Oslo).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn long_dates_read_as_people_write_them() {
        assert_eq!(long_date("2026-12-07", Lang::Nb), "7. desember 2026");
        assert_eq!(long_date("2026-05-17", Lang::En), "17 May 2026");
        assert_eq!(long_date("i dag", Lang::Nb), "i dag", "other text stays");
    }

    #[test]
    fn summer_midnight_is_two_hours_before_utc() {
        // CEST (UTC+2): 22:30 UTC on 30 June is 00:30 on 1 July in Oslo.
        assert_eq!(norwegian_date(utc("2026-06-30T22:30:00Z")), date(2026, 7, 1));
        assert_eq!(norwegian_date(utc("2026-06-30T21:59:59Z")), date(2026, 6, 30));
        assert_eq!(norwegian_date(utc("2026-06-30T22:00:00Z")), date(2026, 7, 1));
    }

    #[test]
    fn winter_midnight_is_one_hour_before_utc() {
        // CET (UTC+1): 23:30 UTC on 31 December is 00:30 on New Year's Day in Oslo.
        assert_eq!(norwegian_date(utc("2025-12-31T23:30:00Z")), date(2026, 1, 1));
        assert_eq!(norwegian_date(utc("2025-12-31T22:59:59Z")), date(2025, 12, 31));
        assert_eq!(norwegian_date(utc("2026-02-28T23:00:00Z")), date(2026, 3, 1));
    }

    #[test]
    fn the_clock_change_days() {
        // Summer time starts 29 March 2026 at 01:00 UTC and ends 25 October 2026 at 01:00 UTC.
        assert_eq!(norwegian_date(utc("2026-03-28T23:00:00Z")), date(2026, 3, 29));
        assert_eq!(norwegian_date(utc("2026-03-29T22:00:00Z")), date(2026, 3, 30));
        assert_eq!(norwegian_date(utc("2026-10-24T22:00:00Z")), date(2026, 10, 25));
        assert_eq!(norwegian_date(utc("2026-10-25T22:59:00Z")), date(2026, 10, 25));
        assert_eq!(norwegian_date(utc("2026-10-25T23:00:00Z")), date(2026, 10, 26));
    }

    #[test]
    fn today_is_a_date_in_norway() {
        let today = today_in_norway();
        let parsed = NaiveDate::parse_from_str(&today, DATE_TEXT).unwrap();
        let now = Utc::now().date_naive();
        assert!((parsed - now).num_days().abs() <= 1, "{today} against {now} UTC");
    }
}
