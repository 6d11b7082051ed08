//! The HTTP side: a small blocking client (ureq, rustls) with a timeout, the proxy from the environment, and
//! errors that say which of proxy, timeout, HTTP status or SSB's cell limit stopped the request.

use std::time::Duration;

use super::query::{Request, Selection, body, check_table, data_url, metadata_url, plan};
use super::{MAX_CELLS, SsbError};
use crate::fileio::MAX_INPUT_BYTES;

/// Where a fetch is, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Metadata,
    Data,
}

pub struct Client {
    agent: ureq::Agent,
    base: String,
    proxy: Option<String>,
    timeout: Duration,
}

/// The answer: JSON-stat 2.0 bytes for the import path, and what was asked for.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub selection: Selection,
    /// Names the source in messages: `SSB table 07459`.
    pub source_name: String,
}

fn is_loopback(base: &str) -> bool {
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    rest.starts_with("127.") || rest.starts_with("localhost") || rest.starts_with("[::1]")
}

impl Client {
    pub fn new(base: &str, timeout: Duration) -> Client {
        let mut config = ureq::Agent::config_builder().timeout_global(Some(timeout)).http_status_as_error(false);
        // A local server (tests, a mirror on this machine) is never reached through a proxy.
        let proxy = if is_loopback(base) { None } else { ureq::Proxy::try_from_env() };
        let described = proxy.as_ref().map(|p| format!("{}:{}", p.host(), p.port()));
        config = config.proxy(proxy);
        Client { agent: config.build().into(), base: base.trim_end_matches('/').to_owned(), proxy: described, timeout }
    }

    fn error(&self, url: &str, e: ureq::Error) -> SsbError {
        let secs = self.timeout.as_secs();
        match e {
            ureq::Error::Timeout(_) => SsbError::Timeout { url: url.to_owned(), secs },
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                SsbError::Timeout { url: url.to_owned(), secs }
            }
            ureq::Error::ConnectProxyFailed(cause) => {
                SsbError::Proxy { proxy: self.proxy.clone().unwrap_or_default(), cause }
            }
            other => match &self.proxy {
                Some(proxy)
                    if matches!(
                        other,
                        ureq::Error::Io(_) | ureq::Error::ConnectionFailed | ureq::Error::HostNotFound
                    ) =>
                {
                    SsbError::Proxy { proxy: proxy.clone(), cause: other.to_string() }
                }
                _ => SsbError::Connect { url: url.to_owned(), cause: other.to_string() },
            },
        }
    }

    fn answer(
        &self,
        url: &str,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<(u16, Vec<u8>), SsbError> {
        let mut response = response.map_err(|e| self.error(url, e))?;
        let status = response.status().as_u16();
        // Connected and answered: a failure now is the answer's, never "cannot connect".
        let bytes = response.body_mut().with_config().limit(MAX_INPUT_BYTES).read_to_vec().map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(limit) => SsbError::AnswerTooLarge { url: url.to_owned(), limit },
            ureq::Error::Timeout(_) => self.error(url, e),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => self.error(url, ureq::Error::Io(io)),
            other => SsbError::AnswerCut { url: url.to_owned(), cause: other.to_string() },
        })?;
        Ok((status, bytes))
    }

    fn get(&self, url: &str) -> Result<(u16, Vec<u8>), SsbError> {
        self.answer(url, self.agent.get(url).header("Accept", "application/json").call())
    }

    fn post(&self, url: &str, body: &str) -> Result<(u16, Vec<u8>), SsbError> {
        let request =
            self.agent.post(url).header("Content-Type", "application/json").header("Accept", "application/json");
        self.answer(url, request.send(body))
    }
}

/// SSB's explanation in an error answer: the problem document's title and detail, or the start of the text.
fn message(bytes: &[u8]) -> String {
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(bytes) {
        let part = |k: &str| v.get(k).and_then(serde_json::Value::as_str).map(str::to_owned);
        let text: Vec<String> = [part("title"), part("detail")].into_iter().flatten().collect();
        if !text.is_empty() {
            return text.join(": ");
        }
    }
    let text = String::from_utf8_lossy(bytes);
    let text: String = text.trim().chars().take(200).collect();
    if text.is_empty() { "no explanation given".to_owned() } else { text }
}

fn refused(url: &str, status: u16, bytes: &[u8], table: &str, cells: usize) -> SsbError {
    let message = message(bytes);
    let lower = message.to_lowercase();
    if lower.contains("too many cells") || lower.contains("for mange celler") || lower.contains("cells selected") {
        return SsbError::TooManyCells { table: table.to_owned(), cells, limit: MAX_CELLS };
    }
    let message = match status {
        404 => format!("{message} (no such table: check the table number)"),
        429 => format!("{message} (too many requests: SSB allows 30 a minute; wait a minute and try again)"),
        503 => format!("{message} (the service is unavailable; try again later)"),
        _ => message,
    };
    SsbError::Http { url: url.to_owned(), status, message }
}

/// Asks for the table's metadata, plans the selection, then asks for the data. `progress` hears each stage;
/// `cancelled` is asked between them.
pub fn fetch(
    client: &Client,
    request: &Request,
    mut progress: impl FnMut(Stage),
    cancelled: impl Fn() -> bool,
) -> Result<Fetched, SsbError> {
    check_table(&request.table)?;
    let table = request.table.trim();
    progress(Stage::Metadata);
    let url = metadata_url(&client.base, table);
    let (status, bytes) = client.get(&url)?;
    if status != 200 {
        return Err(refused(&url, status, &bytes, table, 0));
    }
    let selection = plan(&bytes, request)?;
    if cancelled() {
        return Err(SsbError::Cancelled);
    }
    progress(Stage::Data);
    let url = data_url(&client.base, table);
    let (status, bytes) = client.post(&url, &body(&selection))?;
    if status != 200 {
        return Err(refused(&url, status, &bytes, table, selection.cells));
    }
    if cancelled() {
        return Err(SsbError::Cancelled);
    }
    Ok(Fetched { bytes, selection, source_name: format!("SSB table {table}") })
}
