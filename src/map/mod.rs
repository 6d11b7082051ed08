//! Municipality boundaries: the compact map format, its builder, projection and hit-testing.
//!
//! [`embedded_map`] gives the bytes of a built-in map, [`decode`] turns them into a
//! [`MapGeometry`] in UTM 33N metres, and [`MapGeometry::hit_test`] finds the municipality under a
//! projected point ([`project`] converts longitude/latitude). [`build::build_map_asset`] makes the
//! assets from GeoJSON.

pub mod build;
pub mod classes;
pub mod colours;
pub mod embedded;
pub mod format;
pub mod geometry;
pub mod projection;
pub mod simplify;
pub mod topology;

pub use embedded::embedded_map;
pub use format::{MapError, decode};
pub use geometry::{MapGeometry, Polygon, Rect2, Shape, project};
