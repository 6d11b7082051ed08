//! Municipality boundaries: the compact map format, its builder, projection and hit-testing.
