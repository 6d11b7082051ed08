//! bosetting: plan how a national refugee settlement target is requested from Norway's municipalities.
//!
//! The engine (`engine`, `data`, `scenario`) is pure and knows no screen; the CLI and the GUI are thin
//! faces on it.

pub mod engine;
pub mod import;
pub mod map;
