//! The map's classes live with the map geometry, so the Map tab and the printed figures share them.

pub use crate::map::classes::*;
