//! A calendar date in the year file: written `"2024-10-01"`, so a person can read and edit it.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

impl Date {
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Days since 1 January of year 1: a number line for charts over the year.
    pub fn day_number(self) -> i32 {
        use chrono::Datelike as _;
        self.0.num_days_from_ce()
    }

    /// The date `day_number` days after 31 December of year 0 (see [`Date::day_number`]).
    pub fn from_day_number(day_number: i32) -> Option<Date> {
        NaiveDate::from_num_days_from_ce_opt(day_number).map(Date)
    }

    /// Today in Norway, the date a round or a snapshot gets when none is given.
    pub fn today() -> Date {
        crate::dates::today_in_norway().parse().unwrap_or(Date(NaiveDate::MIN))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a date; write it as YYYY-MM-DD (for example 2024-10-01)")]
pub struct DateError(pub String);

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map(Date).map_err(|_| DateError(s.to_owned()))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_write_as_iso_text() {
        let d: Date = "2024-10-01".parse().unwrap();
        assert_eq!(d.to_string(), "2024-10-01");
        assert!(d < "2024-10-02".parse().unwrap());
        let e = "1. oktober".parse::<Date>().unwrap_err().to_string();
        assert!(e.contains("YYYY-MM-DD"), "{e}");
        assert!("2024-02-30".parse::<Date>().is_err(), "no such day");
        assert!(Date::today() > Date::from_ymd(2020, 1, 1).unwrap());
        assert_eq!(Date::from_day_number(d.day_number() + 1), "2024-10-02".parse().ok());
    }
}
