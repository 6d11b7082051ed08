//! Indicators straight from SSB's statistics bank (Statistikkbanken) through PxWebApi 2:
//! `GET {base}/tables/{id}/metadata` to learn the table's dimensions, then
//! `POST {base}/tables/{id}/data?outputFormat=json-stat2` for one value per municipality, which then goes
//! through the ordinary import path (JSON-stat reader, code list, crosswalk).
//!
//! [`query`] is pure (what to ask for, from the metadata); [`client`] does the HTTP.

pub mod client;
pub mod query;

pub use client::{Client, Fetched, Stage, fetch};
pub use query::{Request, Selection, YearChoice, plan};

/// SSB's PxWebApi 2.
pub const DEFAULT_BASE: &str = "https://data.ssb.no/api/pxwebapi/v2";
/// Overrides the base URL (a mirror, or a local test server).
pub const BASE_ENV: &str = "BOSETTING_SSB_URL";
/// SSB's limit on data cells per request (<https://data.ssb.no/api/pxwebapi/v2/config>).
pub const MAX_CELLS: usize = 800_000;

/// The base URL: the option if given, else `BOSETTING_SSB_URL`, else SSB's.
pub fn base_url(option: Option<&str>) -> String {
    let chosen = option.map(str::to_owned).or_else(|| std::env::var(BASE_ENV).ok().filter(|s| !s.trim().is_empty()));
    chosen.unwrap_or_else(|| DEFAULT_BASE.to_owned()).trim_end_matches('/').to_owned()
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SsbError {
    #[error("table {0:?}: a table number is letters and digits, such as 07459")]
    BadTable(String),
    #[error(
        "could not reach SSB through the proxy {proxy} (from the HTTPS_PROXY/HTTP_PROXY/ALL_PROXY setting): {cause}; \
         check the proxy address, or set NO_PROXY=data.ssb.no if SSB is reachable directly"
    )]
    Proxy { proxy: String, cause: String },
    #[error("{url}: no answer within {secs} s (timeout); SSB may be busy, or the network slow — try again later")]
    Timeout { url: String, secs: u64 },
    #[error("{url}: cannot connect: {cause}")]
    Connect { url: String, cause: String },
    #[error(
        "{url}: the answer is larger than {limit} bytes, more than bosetting reads; choose one statistics variable \
         (--contents) and one year (--year)"
    )]
    AnswerTooLarge { url: String, limit: u64 },
    #[error("{url}: the answer was cut short: {cause}; try again later")]
    AnswerCut { url: String, cause: String },
    #[error("{url}: SSB answered HTTP {status}: {message}")]
    Http { url: String, status: u16, message: String },
    #[error(
        "table {table}: the request would be {cells} data cells, more than SSB's limit of {limit} per request; \
         choose one statistics variable (--contents) and one year (--year)"
    )]
    TooManyCells { table: String, cells: usize, limit: usize },
    #[error(
        "table {table} has no municipality dimension (its dimensions: {dims}); choose a table by municipality \
         (region \"K-xxxx\" or four-digit codes)"
    )]
    NoMunicipalityDimension { table: String, dims: String },
    #[error("table {table} has several statistics variables; choose one with --contents: {available}")]
    NeedContents { table: String, available: String },
    #[error("table {table}: no statistics variable {given:?}; the table has: {available}")]
    UnknownContents { table: String, given: String, available: String },
    #[error("table {table}: no year {given:?}; the table has: {available}")]
    UnknownYear { table: String, given: String, available: String },
    #[error(
        "table {table}: dimension {dim} ({label}) has {count} values and cannot be left out; bosetting fetches one \
         value per municipality — choose a table without it, or export the table from Statistikkbanken and import the file"
    )]
    NotChosen { table: String, dim: String, label: String, count: usize },
    #[error("table {table}: the answer is not the JSON-stat metadata expected: {cause}")]
    Metadata { table: String, cause: String },
    #[error("cancelled")]
    Cancelled,
}
