//! Reading and writing the user's files safely: size limits, regular files only, RON with positions, atomic
//! saves with backups (see [`atomic`] for what a save guarantees).

pub mod atomic;
mod failure;
mod guard;
mod keep;
mod kind;
mod output;
mod read;
mod ron_text;
mod signals;
mod versioned;

pub use atomic::{backup_path, same_file, write_all_with_backup, write_atomic, write_atomic_with_backup};
pub use guard::{WriteRefusal, WriteRules, write_all_replacing, write_replacing};
pub use output::{Output, write_output};
pub use read::{MAX_INPUT_BYTES, ReadError, check_regular, read_limited};
pub use ron_text::{RonError, parse_ron, peek_version, to_ron_pretty};
pub use signals::report_file_size_limit;
pub use versioned::{Refused, TextError, parse_versioned, read_text};
