//! Messages shown above the central area: failed opens and saves and dataset warnings stay until dismissed;
//! confirmations fade after a few seconds.

use std::time::{Duration, Instant};

/// How long a confirmation ("Saved …") stays.
pub const INFO_LIFETIME: Duration = Duration::from_secs(6);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    pub created: Instant,
}

impl Notice {
    fn new(level: Level, text: impl Into<String>) -> Self {
        Notice { level, text: text.into(), created: Instant::now() }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self::new(Level::Error, text)
    }

    pub fn warning(text: impl Into<String>) -> Self {
        Self::new(Level::Warning, text)
    }

    pub fn info(text: impl Into<String>) -> Self {
        Self::new(Level::Info, text)
    }

    /// Confirmations expire; errors and warnings wait for the user.
    pub fn expired(&self) -> bool {
        self.level == Level::Info && self.created.elapsed() >= INFO_LIFETIME
    }
}
