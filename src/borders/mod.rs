//! Municipality borders over time: which border vintage a list of codes is on, and how values move from one
//! vintage to another through SSB's code changes (renumbered, renamed, split, merged).
//!
//! Pure: no files at run time (the code list is embedded), no screen. The importer, `migrate` and the
//! comparison all go through [`map_values`].

mod crosswalk;
mod mapping;
mod migrate;
mod report;
mod vintage;

pub use crosswalk::{Change, Crosswalk, CrosswalkFile, Pair, crosswalk};
pub use mapping::{Estimate, MappedValues, map_values};
pub use migrate::{MigrateError, Migrated, migrate_scenario, move_dataset};
pub use report::{BorderReport, Merged, Part, Renamed, Renumbered, Split};
pub use vintage::Vintage;
