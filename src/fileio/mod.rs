//! Reading and writing the user's files safely: size limits, RON with positions, atomic saves.

mod atomic;
mod read;
mod ron_text;

pub use atomic::{write_atomic, write_atomic_with_backup};
pub use read::{MAX_INPUT_BYTES, ReadError, read_limited};
pub use ron_text::{RonError, parse_ron, peek_version, to_ron_pretty};
