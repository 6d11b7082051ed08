//! Datasets: one row per municipality plus indicator columns with their metadata.
//!
//! The on-disk form is the project's own RON dataset file (`*.dataset.ron`); the two shipped datasets are
//! embedded in the binary so the planner runs from any folder.

mod add_column;
mod cells;
mod count_like;
mod dataset;
mod embedded;
mod file;
mod fingerprint;
mod heading;
mod history;
mod labels;
mod municipalities;
mod role;
mod set_role;
pub mod synthetic;

pub use add_column::{AddColumnError, add_column};
pub use cells::Cells;
pub use count_like::{NATIONAL_TOTAL, count_total};
pub use dataset::{
    Column, ColumnMeta, Dataset, Direction, Estimate, HistoryKind, HistoryPoint, Kind, Municipality, Text,
};
pub use embedded::{EMBEDDED_IDS, embedded_crosswalk, embedded_dataset};
pub use file::{
    DataError, DatasetFile, MAX_INPUT_BYTES, dataset_file_text, load_dataset_file, parse_dataset, save_dataset_file,
    to_file,
};
pub use fingerprint::fingerprint;
pub use heading::HeadingTexts;
pub(crate) use heading::without_counts;
pub use municipalities::{Municipalities, RowIndex};
pub use role::{ColumnRole, RoleKeyError, RoleTexts};
pub use set_role::{SetRoleError, role_choices, with_role};
